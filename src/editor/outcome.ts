/**
 * How the editor words an operation's outcome: a file that has errors (with the first one's
 * line and column), a change left in an editor with unsaved changes, a refused operation, an
 * unexpected failure. Commands, the sidebar and the review threads all say it through these,
 * so the same situation reads the same wherever it happens. No `vscode` import: unit-tested in Node.
 */
import { fileHasErrors as coreFileHasErrors, type Diagnostic } from '../core/diagnostics';
import type { Ui } from './ui';

export type Refused = { ok: false; message: string };

/** Said when there is no mentoring file to work on. */
export const NO_MENTORING_FILE = 'There is no mentoring file in this workspace yet. Run "Mentoring: Set Up an Agreement" to create one.';

/** `name` has errors, so nothing is changed; where the first one is (the core's one wording, pointing at the Problems panel). */
export function fileHasErrors(name: string, diagnostics: readonly Pick<Diagnostic, 'severity' | 'line' | 'column' | 'message'>[]): string {
  return coreFileHasErrors(name, diagnostics, ' (see the Problems panel)');
}

/** Where a successful edit went: saved, or into an editor that had unsaved changes. */
export function whereSaved(name: string, unsaved: boolean | undefined): string {
  return unsaved ? `The change is in the open editor of ${name}, which had unsaved changes: save it to keep both.` : `Saved in ${name}.`;
}

/** "Task t-3 added." plus where it went. */
export function editDone(done: string, name: string, unsaved: boolean | undefined): string {
  return `${done} ${whereSaved(name, unsaved)}`;
}

/** A core warning (a string or `{ message }`) as text. */
export function warningText(w: unknown): string {
  if (typeof w === 'string') return w;
  if (w && typeof w === 'object' && 'message' in w && typeof w.message === 'string') return w.message;
  return String(w);
}

/** An unexpected error (a bug, a host failure) as the user sees it. */
export function failureText(err: unknown): string {
  return `Mentoring: ${err instanceof Error ? err.message : String(err)}`;
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
