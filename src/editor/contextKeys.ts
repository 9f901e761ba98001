/**
 * Context keys (`setContext`) sent only when their value changed. The store fires on every parse
 * (each keystroke in a mentoring file, after the debounce) and the status bar updates on each:
 * sending the same `mentoring.hasFile`, `mentoring.fileCount` and `mentoring.sessionRunning`
 * again each time was a command round trip to the workbench per key per keystroke, up to 14 ms of
 * one task of the extension host on the ten-year log (docs/speed.md, "Where a keystroke's delay
 * goes"). No `vscode` import, so it is unit-tested in plain Node; the adapters pass `setContext`.
 */
export type ContextValue = boolean | number | string;

export class ContextKeys {
  private readonly sent = new Map<string, ContextValue>();

  constructor(private readonly send: (key: string, value: ContextValue) => void) {}

  /** Sends `value` for `key` unless it is the value last sent for it. */
  set(key: string, value: ContextValue): void {
    if (this.sent.has(key) && this.sent.get(key) === value) return;
    this.sent.set(key, value);
    this.send(key, value);
  }
}
