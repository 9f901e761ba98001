/**
 * The desktop entry (package.json `main`, bundled by esbuild.mjs into dist/extension.js): the
 * same extension as the web one, given Node's file platform (the CLI's lock for saves, real paths
 * and atomic writes for private notes), git's merge driver run by the bundled CLI, and a parse
 * worker for large files (dist/parseWorker.js).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activate as activateWith, deactivate, type MentoringApi } from '../extension';
import { nodeMergeDriver } from './mergeDriver';
import { NodeParseCache } from './parseCache';
import { NodeParseWorker } from './parseWorker';
import { NODE_PLATFORM } from './platform';

export function activate(context: vscode.ExtensionContext): MentoringApi {
  return activateWith(context, {
    ...NODE_PLATFORM,
    mergeDriver: nodeMergeDriver(join(context.extensionPath, 'dist', 'cli.js')),
    // Started by the store on the first large file, disposed with it (src/editor/store.ts).
    // It words its diagnostics from the host's bundle, as the host's own parse does (src/extension.ts).
    parseWorker: (log) => new NodeParseWorker(join(context.extensionPath, 'dist', 'parseWorker.js'), { log, bundle: vscode.l10n.bundle }),
    // The last parse of the current file, for the next start (in VS Code's storage, src/editor/keptParse.ts).
    parseCache: (folder) => new NodeParseCache(folder, buildOf(context), vscode.env.language),
  });
}

/** This build of the extension: its version and when its bundles were written (a kept parse of another build is not used). */
function buildOf(context: vscode.ExtensionContext): string {
  const stamp = (file: string): string => {
    try {
      return String(statSync(join(context.extensionPath, 'dist', file)).mtimeMs);
    } catch {
      return `unknown-${Date.now()}`; // never the same twice: nothing kept is used
    }
  };
  return `${String((context.extension.packageJSON as { version?: unknown }).version)}:${stamp('extension.js')}:${stamp('parseWorker.js')}`;
}

export { deactivate };
