/**
 * Sealed fields as the sidebar shows them: what the reader's keys opened (from `openModel`,
 * `../seal/read.ts`) is shown as text with a lock and who can read it; what stays sealed is
 * never shown as armor: feedback fields are left out and marked "sealed — readable by …",
 * topics and agenda items (confidential only when the agreement says so) read as that phrase.
 * Synchronous and pure, so the sidebar can build a state before (or without) any decryption.
 */
import * as l10n from '@vscode/l10n';
import { isSealed } from '../seal/armor';
import { describeReaders, fieldValues, policyOf, type Field } from '../seal/fields';
import { itemWriter, withClosed, type OpenedField } from '../seal/read';
import type { MentoringFile } from '../schema';

export interface SealMark {
  opened: boolean;
  /** "Ana (mentor) and Ben (mentee)" */
  readers: string;
}

export interface SealedView {
  /** The model to show: opened text in place, armor replaced. */
  model: MentoringFile;
  /** Per path (`JSON.stringify(path)`), the sealed fields and whether this reader opened them. */
  marks: ReadonlyMap<string, SealMark>;
}

export const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

/** "sealed — readable by Ana (mentor) and Ben (mentee)" */
export function lockedText(readers: string): string {
  return l10n.t('sealed — readable by {0}', readers);
}

/**
 * `raw` as one reader sees it. `opened` is `openModel(raw, identities)`'s result for this same
 * model, when it is ready; without it every sealed field shows as locked.
 */
export function sealedView(raw: MentoringFile, opened?: { model: MentoringFile; fields: readonly OpenedField[] }): SealedView {
  const marks = new Map<string, SealMark>();
  const base = opened?.model ?? raw;
  for (const f of opened?.fields ?? []) if (f.opened) marks.set(pathKey(f.path), { opened: true, readers: f.readers });
  const locked = fieldValues(base).filter((fv) => isSealed(fv.value));
  if (locked.length === 0) return { model: base, marks };
  const policy = policyOf(raw.agreement);
  const sessions = base.sessions.slice();
  const threads = base.threads.slice();
  const closing: { closed?: unknown } = { closed: base.closed };
  const write = itemWriter(sessions, threads, closing);
  for (const fv of locked) {
    const readers = describeReaders(policy.readers(fv.field));
    marks.set(pathKey(fv.path), { opened: false, readers });
    write(fv.path, shownWhenLocked(fv.field, readers));
  }
  return { model: { ...base, sessions, threads, ...withClosed(closing) }, marks };
}

/** Feedback fields are left out (marked instead); text fields say they are sealed. */
function shownWhenLocked(field: Field, readers: string): string | undefined {
  return field.startsWith('feedback.') ? undefined : `🔒 ${lockedText(readers)}`;
}


