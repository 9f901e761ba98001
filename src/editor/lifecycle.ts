/**
 * Disposable bookkeeping for everything the extension registers, after
 * vscode-pull-request-github's `src/common/lifecycle.ts`: each owner registers
 * what it creates and disposes it in one place, so nothing outlives `deactivate`.
 */
import type * as vscode from 'vscode';

export function toDisposable(dispose: () => void): vscode.Disposable {
  return { dispose };
}

/** Disposes in reverse order of registration and empties the array. */
export function disposeAll(disposables: vscode.Disposable[]): void {
  while (disposables.length > 0) {
    const item = disposables.pop();
    try {
      item?.dispose();
    } catch (err) {
      // One failing dispose must not keep the others alive.
      console.error('[mentoring] dispose failed:', err);
    }
  }
}

export abstract class Disposable implements vscode.Disposable {
  private _disposed = false;
  private readonly _disposables: vscode.Disposable[] = [];

  protected get isDisposed(): boolean {
    return this._disposed;
  }

  /** Keeps `value` until this object is disposed; disposes it at once when that already happened. */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this._disposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }

  dispose(): void {
    if (this._disposed) return;
    this._disposed = true;
    disposeAll(this._disposables);
  }
}
