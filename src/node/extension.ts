/**
 * The desktop entry (package.json `main`, bundled by esbuild.mjs into dist/extension.js): the
 * same extension as the web one, given Node's file platform (the CLI's lock for saves, real paths
 * and atomic writes for private notes), git's merge driver run by the bundled CLI, and a parse
 * worker for large files (dist/parseWorker.js).
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activate as activateWith, deactivate, type MentoringApi } from '../extension';
import { nodeMergeDriver } from './mergeDriver';
import { NodeParseWorker } from './parseWorker';
import { NODE_PLATFORM } from './platform';

export function activate(context: vscode.ExtensionContext): MentoringApi {
  return activateWith(context, {
    ...NODE_PLATFORM,
    mergeDriver: nodeMergeDriver(join(context.extensionPath, 'dist', 'cli.js')),
    // Started by the store on the first large file, disposed with it (src/editor/store.ts).
    // It words its diagnostics from the host's bundle, as the host's own parse does (src/extension.ts).
    parseWorker: (log) => new NodeParseWorker(join(context.extensionPath, 'dist', 'parseWorker.js'), { log, bundle: vscode.l10n.bundle }),
  });
}

export { deactivate };
