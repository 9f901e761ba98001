/**
 * The browser entry (package.json `browser`, bundled by esbuild.mjs for the web
 * extension host: vscode.dev, github.dev, code-server's web worker). The extension
 * already reaches files only through `vscode.workspace.fs` and uses no Node
 * built-ins, so it is the same code; the unit test `editor-web-bundle` checks that.
 */
export { activate, deactivate } from '../extension';
