/**
 * How the editor words an operation's outcome: a file that has errors (with the first one's
 * line and column), a change left in an editor with unsaved changes, a refused operation, an
 * unexpected failure. Commands, the sidebar and the review threads all say it through these,
 * so the same situation reads the same wherever it happens. No `vscode` import: unit-tested in Node;
 * its words go through `@vscode/l10n`, which src/extension.ts loads with the host's bundle.
 */
import * as l10n from '@vscode/l10n';
import { LOCAL_ERRORS, type Diagnostic } from '../core/diagnostics';
import type { Ui } from './ui';

export type Refused = { ok: false; message: string };

/** Said when there is no mentoring file to work on, in the user's language. */
export function noMentoringFile(): string {
  return l10n.t('There is no mentoring file in this workspace yet. Run "{0}" to create one.', l10n.t('Mentoring: Set Up an Agreement'));
}

/**
 * `name` has errors, so nothing is changed; where the first one is, pointing at the Problems panel.
 * In English the very words of the core's fileHasErrors (test/unit/tools/l10n.test.ts compares them),
 * picking the same first error; the error's own message stays the core's English.
 */
export function fileHasErrors(name: string, diagnostics: readonly Pick<Diagnostic, 'severity' | 'line' | 'column' | 'message'>[]): string {
  const first = diagnostics.find((d) => d.severity === 'error' && !LOCAL_ERRORS.has((d as Partial<Diagnostic>).code ?? '')) ?? diagnostics.find((d) => d.severity === 'error');
  return first
    ? l10n.t('{0} has errors, so it cannot be changed until they are fixed (see the Problems panel); nothing was changed. First at line {1}, column {2}: {3}', name, first.line, first.column, first.message)
    : l10n.t('{0} has errors, so it cannot be changed until they are fixed (see the Problems panel); nothing was changed.', name);
}

/** Where a successful edit went: saved, or into an editor that had unsaved changes. */
export function whereSaved(name: string, unsaved: boolean | undefined): string {
  return unsaved ? l10n.t('The change is in the open editor of {0}, which had unsaved changes: save it to keep both.', name) : l10n.t('Saved in {0}.', name);
}

/** "Task t-3 added." plus where it went. */
export function editDone(done: string, name: string, unsaved: boolean | undefined): string {
  return l10n.t('{0} {1}', done, whereSaved(name, unsaved));
}

/** A core warning (a string or `{ message }`) as text. */
export function warningText(w: unknown): string {
  if (typeof w === 'string') return w;
  if (w && typeof w === 'object' && 'message' in w && typeof w.message === 'string') return w.message;
  return String(w);
}

/** An unexpected error (a bug, a host failure) as the user sees it. */
export function failureText(err: unknown): string {
  return l10n.t('Mentoring: {0}', err instanceof Error ? err.message : String(err));
}

/** Shows a refused operation as an error; resolves what the command returns. */
export function refuse(ui: Ui, message: string): Refused {
  void ui.error(message);
  return { ok: false, message };
}

/** Shows an unexpected error the same way from every command. */
export function fail(ui: Ui, err: unknown): Refused {
  return refuse(ui, failureText(err));
}
