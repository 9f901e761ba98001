/**
 * The two edits sealing adds: a side's public key into the agreement, and a session's notes.
 * Like edit.ts's operations they refuse a file with errors, plan one lossless change, and
 * refuse a result that would have an error; sealing the notes is the caller's next step
 * (`sealEdit`), so the plain text never reaches the disk.
 */
import { hasErrors, type Diagnostic } from '../diagnostics';
import { parse } from '../parse';
import type { MentoringFile } from '../schema';
import { planEdits, YamlEditError, type YamlOp } from '../yamlEdit';
import { isSealed } from './armor';
import { parseRecipient } from './keys';

export type SealEditResult = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };

/** Where `notes` goes in a session that has none: after the last of these it has (as edit.ts places keys). */
const NOTES_AFTER = ['ended', 'started', 'status', 'announced', 'topic', 'at', 'id'];

/** Write `key` (an `age1…` public key) as the key of `role`; a bad key is refused, saying what is wrong. */
export function setKey(text: string, args: { role: 'mentor' | 'mentee'; key: string }, now: Date): SealEditResult {
  const r = parseRecipient(args.key);
  if (!r.ok) return { ok: false, message: `That is not a usable age public key: ${r.message}${r.column ? ` (character ${r.column})` : ''}. Nothing was written.` };
  return edit(text, now, (model) => {
    const warnings: string[] = [];
    const other = args.role === 'mentor' ? 'mentee' : 'mentor';
    const current = model.agreement[args.role].key;
    const was = current === undefined ? undefined : parseRecipient(current);
    if (was?.ok && was.key === r.key) return { refuse: `The ${args.role}'s key is already ${r.key}; nothing was changed.` };
    const otherKey = model.agreement[other].key;
    if (otherKey !== undefined && otherKey.trim().toLowerCase() === r.key) warnings.push(`This is also the ${other}'s key: one key for both sides means either can read as the other.`);
    if (current !== undefined) warnings.push(`It replaces the ${args.role}'s previous key; what was sealed before stays readable by the old key only until someone who can read it runs \`mentoring reseal\`.`);
    if (hasSealedValues(model)) warnings.push('Fields sealed before this key was added cannot be read with it yet: someone who can read them runs `mentoring reseal`.');
    return { ops: [{ op: 'set', path: ['agreement', args.role, 'key'], value: r.key }], warnings };
  });
}

/** Set the notes of session `session` to `notes` (already combined with the old notes by the caller). */
export function setNotes(text: string, args: { session: string; notes: string }, now: Date): SealEditResult {
  const notes = args.notes.replace(/\r\n?/g, '\n').trim();
  if (notes === '') return { ok: false, message: 'The note is empty; nothing was written.' };
  return edit(text, now, (model) => {
    const i = model.sessions.findIndex((s) => s.id === args.session);
    if (i < 0) return { refuse: noSession(model, args.session) };
    return { ops: [{ op: 'set', path: ['sessions', i, 'notes'], value: notes, after: NOTES_AFTER }], warnings: [] };
  });
}

export function noSession(model: MentoringFile, id: string): string {
  const ids = model.sessions.map((s) => s.id);
  return `There is no session "${id}". Sessions: ${ids.length === 0 ? 'none yet' : ids.slice(-8).join(', ')}.`;
}

function hasSealedValues(model: MentoringFile): boolean {
  return (
    model.sessions.some((s) => isSealed(s.notes) || isSealed(s.topic) || s.agenda.some(isSealed) || s.feedback.some((f) => isSealed(f.rating) || isSealed(f.valuable) || isSealed(f.change))) ||
    model.threads.some((t) => t.comments.some((c) => isSealed(c.body)))
  );
}

function edit(text: string, now: Date, plan: (model: MentoringFile) => { ops: YamlOp[]; warnings: string[] } | { refuse: string }): SealEditResult {
  const before = parse(text, { now, checks: false });
  const first = before.diagnostics.find((d) => d.severity === 'error');
  if (first || !before.model) return { ok: false, message: first ? `The file has errors; fix them before editing (nothing was changed). ${where(first)}` : 'The file could not be read; nothing was changed.' };
  const planned = plan(before.model);
  if ('refuse' in planned) return { ok: false, message: planned.refuse };
  let out: string;
  try {
    out = planEdits(text, planned.ops, before.doc).text;
  } catch (err) {
    if (err instanceof YamlEditError) return { ok: false, message: `${err.message} (nothing was changed)` };
    throw err;
  }
  const after = parse(out, { now, checks: false });
  if (hasErrors(after.diagnostics)) {
    return { ok: false, message: `This change would leave an error in the file, so it was not made. ${where(after.diagnostics.find((d) => d.severity === 'error') as Diagnostic)}` };
  }
  return { ok: true, text: out, warnings: planned.warnings };
}

function where(d: Diagnostic): string {
  return `Line ${d.line}, column ${d.column}: ${d.message}`;
}
