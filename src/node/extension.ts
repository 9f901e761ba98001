/**
 * The desktop entry (package.json `main`, bundled by esbuild.mjs into dist/extension.js): the
 * same extension as the web one, given Node's file platform (the CLI's lock for saves, real paths
 * and atomic writes for private notes) and git's merge driver run by the bundled CLI.
 */
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { activate as activateWith, deactivate, type MentoringApi } from '../extension';
import { nodeMergeDriver } from './mergeDriver';
import { NODE_PLATFORM } from './platform';

export function activate(context: vscode.ExtensionContext): MentoringApi {
  return activateWith(context, { ...NODE_PLATFORM, mergeDriver: nodeMergeDriver(join(context.extensionPath, 'dist', 'cli.js')) });
}

export { deactivate };
