/**
 * Every question the extension asks the user goes through this interface, so
 * commands can be driven by tests (a scripted Ui) and by the sidebar (argument
 * objects that leave nothing to ask) without touching the real prompts.
 */
import * as vscode from 'vscode';
import { compact } from '../core/compact';

/** A quick-pick entry; `description` and `detail` may be given as undefined (left out). */
export interface PickItem<T> extends Omit<vscode.QuickPickItem, 'description' | 'detail'> {
  description?: string | undefined;
  detail?: string | undefined;
  value: T;
}

export interface InputOptions {
  title?: string | undefined;
  prompt: string;
  value?: string | undefined;
  placeHolder?: string | undefined;
  /** Returns a message saying what is wrong, or undefined when the value is fine. */
  validate?: (value: string) => string | undefined;
}

export interface Ui {
  /** Resolves undefined when the user cancels (Escape). */
  input(options: InputOptions): Promise<string | undefined>;
  pick<T>(items: PickItem<T>[], options: { title?: string | undefined; placeHolder: string }): Promise<T | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** A place to save a file (a save dialog); undefined when cancelled. */
  saveFile(options: { title: string; defaultName: string }): Promise<vscode.Uri | undefined>;
  /** A file to read (an open dialog); undefined when cancelled. */
  openFile(options: { title: string }): Promise<vscode.Uri | undefined>;
  /** A modal warning that must be answered before anything happens: true only when the user chose `action`. */
  confirm(message: string, action: string, detail?: string): Promise<boolean>;
}

/** The real prompts: input boxes, quick picks and notifications. */
export class VsCodeUi implements Ui {
  async input(options: InputOptions): Promise<string | undefined> {
    const validate = options.validate;
    return vscode.window.showInputBox(
      compact({
        title: options.title,
        prompt: options.prompt,
        value: options.value,
        placeHolder: options.placeHolder,
        ignoreFocusOut: true,
        validateInput: validate ? (v: string) => validate(v) ?? null : undefined,
      }),
    );
  }

  async pick<T>(items: PickItem<T>[], options: { title?: string | undefined; placeHolder: string }): Promise<T | undefined> {
    // The entries as VS Code takes them: no undefined description or detail.
    const entries = items.map((item) => Object.assign(compact(item), { value: item.value }) as vscode.QuickPickItem & { value: T });
    const chosen = await vscode.window.showQuickPick(
      entries,
      compact({ title: options.title, placeHolder: options.placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true }),
    );
    return chosen?.value;
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showInformationMessage(message, ...actions);
  }

  async warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, ...actions);
  }

  async error(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showErrorMessage(message, ...actions);
  }

  async saveFile(options: { title: string; defaultName: string }): Promise<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog(compact({ title: options.title, defaultUri: defaultSaveUri(options.defaultName), saveLabel: vscode.l10n.t('Save') }));
  }

  async openFile(options: { title: string }): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({ title: options.title, canSelectMany: false, canSelectFiles: true, canSelectFolders: false });
    return picked?.[0];
  }

  async confirm(message: string, action: string, detail?: string): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, compact({ modal: true, detail }), action)) === action;
  }
}

/**
 * `name` in the home folder when there is one (desktop): a save dialog otherwise opens in the
 * workspace, the one place a key backup must not go. The web has no home folder (no `process`).
 */
function defaultSaveUri(name: string): vscode.Uri | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const home = env?.HOME ?? env?.USERPROFILE;
  return home ? vscode.Uri.joinPath(vscode.Uri.file(home), name) : undefined;
}
