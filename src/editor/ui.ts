/**
 * Every question the extension asks the user goes through this interface, so
 * commands can be driven by tests (a scripted Ui) and by the sidebar (argument
 * objects that leave nothing to ask) without touching the real prompts.
 */
import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export interface InputOptions {
  title?: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  /** Returns a message saying what is wrong, or undefined when the value is fine. */
  validate?: (value: string) => string | undefined;
}

export interface Ui {
  /** Resolves undefined when the user cancels (Escape). */
  input(options: InputOptions): Promise<string | undefined>;
  pick<T>(items: PickItem<T>[], options: { title?: string; placeHolder: string }): Promise<T | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}

/** The real prompts: input boxes, quick picks and notifications. */
export class VsCodeUi implements Ui {
  async input(options: InputOptions): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      value: options.value,
      placeHolder: options.placeHolder,
      ignoreFocusOut: true,
      validateInput: options.validate ? (v) => options.validate?.(v) ?? null : undefined,
    });
  }

  async pick<T>(items: PickItem<T>[], options: { title?: string; placeHolder: string }): Promise<T | undefined> {
    const chosen = await vscode.window.showQuickPick(items, {
      title: options.title,
      placeHolder: options.placeHolder,
      ignoreFocusOut: true,
      matchOnDescription: true,
      matchOnDetail: true,
    });
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
}
