/** Helpers for integration suites running in the real extension host. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InputOptions, PickItem, Ui } from '../../src/editor/ui';

/** The first workspace folder: a fresh temporary copy of the fixture workspace. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open: the harness opens a temp copy of test/integration/workspace');
  return folder.uri.fsPath;
}

/** Write a file relative to the workspace folder (creating folders); returns its absolute path. */
export function writeFile(rel: string, text: string): string {
  const file = path.join(workspaceDir(), rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Poll until predicate returns a truthy value or the timeout passes. */
export async function waitFor<T>(predicate: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Open a document (absolute path or workspace-relative) in an editor. */
export async function openDocument(file: string): Promise<vscode.TextEditor> {
  const abs = path.isAbsolute(file) ? file : path.join(workspaceDir(), file);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(abs));
  return vscode.window.showTextDocument(doc);
}

/**
 * A `Ui` for commands under test: records every message it is shown (`messages`); subclasses
 * script the answers to prompts. This one answers none (every prompt is dismissed).
 */
export class RecordingUi implements Ui {
  readonly messages: { level: string; text: string }[] = [];
  async input(_options: InputOptions): Promise<string | undefined> {
    return undefined;
  }
  async pick<T>(_items: PickItem<T>[], _options: { placeHolder: string }): Promise<T | undefined> {
    return undefined;
  }
  async info(text: string): Promise<undefined> {
    this.messages.push({ level: 'info', text });
    return undefined;
  }
  async warn(text: string): Promise<undefined> {
    this.messages.push({ level: 'warn', text });
    return undefined;
  }
  async error(text: string): Promise<undefined> {
    this.messages.push({ level: 'error', text });
    return undefined;
  }
  async saveFile(): Promise<undefined> {
    return undefined;
  }
  async openFile(): Promise<undefined> {
    return undefined;
  }
  /** The answer `confirm` gives (recorded as level `confirm`); false, as a dismissed modal, unless a test sets it. */
  confirmAnswer = false;
  async confirm(text: string): Promise<boolean> {
    this.messages.push({ level: 'confirm', text });
    return this.confirmAnswer;
  }
}
