/**
 * The two edits sealing adds, as operations of the one edit runner (`../edit/runner.ts`): a
 * side's public key into the agreement, and a session's notes. Sealing the notes is the
 * caller's next step (`sealEdit` in write.ts), so their plain text never reaches the disk.
 * Refusals and warnings are in the user's language (`l10n.t`; *Set Up My Key* shows them), English in the CLI.
 */
import * as l10n from '@vscode/l10n';
import { refuse, runEdit, type EditContext, type EditResult } from '../edit/runner';
import type { MentoringFile } from '../schema';
import { isSealed } from './armor';
import { fieldValues, policyOf } from './fields';
import { parseRecipient } from './keys';

/** Where `notes` goes in a session that has none: after the last of these it has (as the session edits place keys). */
const NOTES_AFTER = ['ended', 'started', 'status', 'announced', 'topic', 'at', 'id'];

/** Write `key` (an `age1…` public key) as the key of `role`; a bad key is refused, saying what is wrong. */
export function setKey(text: string, args: { role: 'mentor' | 'mentee'; key: string }, ctx: EditContext): EditResult {
  const r = parseRecipient(args.key);
  if (!r.ok) {
    return { ok: false, message: r.column ? l10n.t('That is not a usable age public key: {0} (character {1}). Nothing was changed.', r.message, r.column) : l10n.t('That is not a usable age public key: {0}. Nothing was changed.', r.message) };
  }
  return runEdit(text, ctx, ({ model }) => {
    const warnings: string[] = [];
    const other = args.role === 'mentor' ? 'mentee' : 'mentor';
    const current = model.agreement[args.role].key;
    const was = current === undefined ? undefined : parseRecipient(current);
    if (was?.ok && was.key === r.key) return refuse(args.role === 'mentor' ? l10n.t("The mentor's key is already {0}.", r.key) : l10n.t("The mentee's key is already {0}.", r.key));
    const otherKey = model.agreement[other].key;
    if (otherKey !== undefined && otherKey.trim().toLowerCase() === r.key) {
      warnings.push(other === 'mentor' ? l10n.t("This is also the mentor's key: one key for both sides means either can read as the other.") : l10n.t("This is also the mentee's key: one key for both sides means either can read as the other."));
    }
    if (current !== undefined) {
      warnings.push(args.role === 'mentor'
        ? l10n.t("It replaces the mentor's previous key; what was sealed before stays readable by the old key only until someone who can read it runs `mentoring reseal`.")
        : l10n.t("It replaces the mentee's previous key; what was sealed before stays readable by the old key only until someone who can read it runs `mentoring reseal`."));
    } else if (hasSealedValues(model)) warnings.push(l10n.t('Fields sealed before this key was added cannot be read with it yet: someone who can read them runs `mentoring reseal`.'));
    const plain = plainConfidential(model, args.role, r.key);
    if (plain === 1) warnings.push(l10n.t('{0} confidential field is still plain text: `mentoring reseal` seals it (git history keeps the old text; see docs/confidentiality.md).', plain));
    else if (plain > 1) warnings.push(l10n.t('{0} confidential fields are still plain text: `mentoring reseal` seals them (git history keeps the old text; see docs/confidentiality.md).', plain));
    return { ops: [{ op: 'set', path: ['agreement', args.role, 'key'], value: r.key }], warnings };
  });
}

/** Set the notes of `session` to `notes` (already combined with the old notes by the caller). */
export function setNotes(text: string, args: { session: string; notes: string }, ctx: EditContext): EditResult {
  const notes = args.notes.replace(/\r\n?/g, '\n').trim();
  if (notes === '') return { ok: false, message: l10n.t('The note is empty. Nothing was changed.') };
  return runEdit(text, ctx, ({ model }) => {
    const i = model.sessions.findIndex((s) => s.id === args.session);
    if (i < 0) return refuse(noSession(model, args.session));
    return { ops: [{ op: 'set', path: ['sessions', i, 'notes'], value: notes, after: NOTES_AFTER }], id: args.session };
  });
}

export function noSession(model: MentoringFile, id: string): string {
  const ids = model.sessions.map((s) => s.id);
  return l10n.t('There is no session "{0}". Sessions: {1}.', id, ids.length === 0 ? l10n.t('none yet') : ids.slice(-8).join(', '));
}

/** Plain, non-empty values in fields that are confidential once `role` has `key`. */
function plainConfidential(model: MentoringFile, role: 'mentor' | 'mentee', key: string): number {
  const policy = policyOf({ ...model.agreement, [role]: { ...model.agreement[role], key } });
  return fieldValues(model).filter((fv) => policy.isConfidential(fv.field) && !isSealed(fv.value) && String(fv.value).trim() !== '').length;
}

function hasSealedValues(model: MentoringFile): boolean {
  return (
    model.sessions.some((s) => isSealed(s.notes) || isSealed(s.topic) || s.agenda.some(isSealed) || s.feedback.some((f) => isSealed(f.rating) || isSealed(f.valuable) || isSealed(f.change))) ||
    model.threads.some((t) => t.comments.some((c) => isSealed(c.body))) ||
    (model.closed?.feedback ?? []).some((f) => isSealed(f.rating) || isSealed(f.valuable) || isSealed(f.change))
  );
}
