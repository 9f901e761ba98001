/**
 * What the core reports about a mentoring file. Positions are 1-based lines and
 * columns (columns count UTF-16 code units, as editors do) plus the 0-based
 * character offsets they came from, so adapters never recompute them.
 */
import * as l10n from '@vscode/l10n';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `yaml-syntax`, `schema`, `duplicate-id`, `goal-too-far`. */
  code: string;
  /** One sentence saying what is wrong and what to do. */
  message: string;
  /** 1-based line of the start. */
  line: number;
  /** 1-based column of the start. */
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets into the text (UTF-16 code units). */
  offset: number;
  endOffset: number;
  /** Path in the YAML document where the problem is, when there is one. */
  path?: (string | number)[];
  /** Extra data for quick fixes (e.g. the suggested date, the candidate ids). */
  data?: Record<string, unknown>;
}

/** Where the errors of {@link fileHasErrors} are listed: said after "until they are fixed". */
export type ErrorsListed = 'problems-panel' | 'listed-above';

/**
 * The one wording of "this file has errors, so nothing is changed", with where the first error is:
 * the CLI, the commands, the sidebar, the review threads and the core's own refusal all say it.
 * `see` tells where the errors are listed (the Problems panel, the lines above). Each variant is
 * a sentence of its own (l10n: no fragments); the Problems panel's are the editor's
 * (src/editor/outcome.ts), word for word.
 */
export function fileHasErrors(name: string, diagnostics: readonly Pick<Diagnostic, 'severity' | 'line' | 'column' | 'message'>[], see?: ErrorsListed): string {
  const first = diagnostics.find((d) => d.severity === 'error' && !LOCAL_ERRORS.has((d as Partial<Diagnostic>).code ?? '')) ?? diagnostics.find((d) => d.severity === 'error');
  if (!first) {
    return see === 'problems-panel'
      ? l10n.t('{0} has errors, so it cannot be changed until they are fixed (see the Problems panel); nothing was changed.', name)
      : see === 'listed-above'
        ? l10n.t('{0} has errors, so it cannot be changed until they are fixed (listed above); nothing was changed.', name)
        : l10n.t('{0} has errors, so it cannot be changed until they are fixed; nothing was changed.', name);
  }
  return see === 'problems-panel'
    ? l10n.t('{0} has errors, so it cannot be changed until they are fixed (see the Problems panel); nothing was changed. First at line {1}, column {2}: {3}', name, first.line, first.column, first.message)
    : see === 'listed-above'
      ? l10n.t('{0} has errors, so it cannot be changed until they are fixed (listed above); nothing was changed. First at line {1}, column {2}: {3}', name, first.line, first.column, first.message)
      : l10n.t('{0} has errors, so it cannot be changed until they are fixed; nothing was changed. First at line {1}, column {2}: {3}', name, first.line, first.column, first.message);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Errors confined to one value, which an edit anywhere else leaves byte for byte as it is: a
 * damaged sealed block (`bad-armor`, src/core/seal/checks.ts; the file still parses and the
 * value is a string to the schema). They are shown at their line, but they do not stop every
 * other edit (add a task, end a session) the way a broken file must.
 */
export const LOCAL_ERRORS: ReadonlySet<string> = new Set(['bad-armor']);

/** An error that stops edits of the whole file (every error but the {@link LOCAL_ERRORS}). */
export function blocksEdits(d: Pick<Diagnostic, 'severity' | 'code'>): boolean {
  return d.severity === 'error' && !LOCAL_ERRORS.has(d.code);
}

export function hasBlockingErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(blocksEdits);
}

/** Sort by position, then severity (errors first). */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return diagnostics.sort((a, b) => a.offset - b.offset || rank[a.severity] - rank[b.severity]);
}
