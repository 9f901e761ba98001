/**
 * The desktop entry (package.json `main`, bundled by esbuild.mjs into dist/extension.js): the
 * same extension as the web one, given Node's file platform (the CLI's lock for saves, real paths
 * and atomic writes for private notes).
 */
import type * as vscode from 'vscode';
import { activate as activateWith, deactivate, type MentoringApi } from '../extension';
import { NODE_PLATFORM } from './platform';

export function activate(context: vscode.ExtensionContext): MentoringApi {
  return activateWith(context, NODE_PLATFORM);
}

export { deactivate };
