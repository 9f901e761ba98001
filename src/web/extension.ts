/**
 * The browser entry (package.json `browser`, bundled by esbuild.mjs for the web
 * extension host: vscode.dev, github.dev, code-server's web worker). The extension
 * already reaches files only through `vscode.workspace.fs` and uses no Node
 * built-ins, so it is the same code; the unit test `editor-web-bundle` checks that.
 * Its platform adds the parse worker: a Web Worker of dist/web/parseWorker.js for large
 * files (src/web/parseWorker.ts), started by the store on the first one.
 */
import * as vscode from 'vscode';
import { activate as activateWith, deactivate, type MentoringApi } from '../extension';
import { WEB_PLATFORM } from '../editor/platform';
import { WebParseWorker } from './parseWorker';

export function activate(context: vscode.ExtensionContext): MentoringApi {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'parseWorker.js');
  return activateWith(context, {
    ...WEB_PLATFORM,
    parseWorker: (log) => new WebParseWorker({ url: script.toString(), readScript: async () => vscode.workspace.fs.readFile(script), log, bundle: vscode.l10n.bundle }),
  });
}

export { deactivate };
