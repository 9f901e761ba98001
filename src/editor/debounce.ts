/**
 * The per-document debounce every follower of typing uses (the store's re-parse, the comment
 * hints, the review threads' re-placement): per key, only the latest call runs, once `delayMs`
 * has passed without another. No `vscode` import, so it is unit-tested in plain Node.
 */
import type * as vscode from 'vscode';

export class Debouncer<K = string> implements vscode.Disposable {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();
  private disposed = false;

  /** Runs `run` after `delayMs` (negative counts as 0) unless `key` is scheduled or cancelled again first. */
  schedule(key: K, delayMs: number, run: () => void): void {
    if (this.disposed) return;
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, Math.max(0, delayMs)),
    );
  }

  /** Drops what is waiting for `key`, if anything. */
  cancel(key: K): void {
    const pending = this.timers.get(key);
    if (pending === undefined) return;
    clearTimeout(pending);
    this.timers.delete(key);
  }

  /** Whether a run waits for `key`. */
  pending(key: K): boolean {
    return this.timers.has(key);
  }

  /** Drops everything waiting; later `schedule` calls do nothing. */
  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
