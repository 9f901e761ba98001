/**
 * Which fields of a mentoring file are confidential, and who may read each: the agreement's
 * `confidential:` list (default: session notes, feedback, review-thread comment bodies), the
 * pair's keys (`mentor.key`, `mentee.key`), and further readers limited to named fields
 * (`recipients:`, e.g. a program coordinator who reads feedback only).
 *
 * Fields are named by what they hold, not where: a path in the file maps to one field name
 * (`fieldAt`), so the same rule covers a note written by the CLI, the sidebar or a hand edit.
 *
 * Fields and readers in words (`fieldLabel`, `describeField`, `describeReaders`, a reader's label)
 * are in the user's language (`l10n.t`, called when a message is made, never on import); the CLI
 * configures no bundle, so it says them in English.
 */
import * as l10n from '@vscode/l10n';
import type { Agreement, MentoringFile } from '../schema';
import { parseRecipient } from './keys';

/** The fields that can be sealed, by the name `confidential:` and `recipients[].fields` use (`fieldLabel` says each in words). */
export const FIELDS = {
  notes: true,
  'feedback.rating': true,
  'feedback.valuable': true,
  'feedback.change': true,
  comments: true,
  topic: true,
  agenda: true,
} as const;

export type Field = keyof typeof FIELDS;

/** Names that stand for several fields in `confidential:` and `recipients[].fields`. */
export const FIELD_GROUPS: Readonly<Record<string, readonly Field[]>> = {
  feedback: ['feedback.rating', 'feedback.valuable', 'feedback.change'],
};

/** A field's kind in words, plural: "session notes", "feedback ratings". */
export function fieldLabel(field: Field): string {
  switch (field) {
    case 'notes': return l10n.t('session notes');
    case 'feedback.rating': return l10n.t('feedback ratings');
    case 'feedback.valuable': return l10n.t('feedback on what was valuable');
    case 'feedback.change': return l10n.t('feedback on what to change');
    case 'comments': return l10n.t('review-thread comments');
    case 'topic': return l10n.t('session topics');
    case 'agenda': return l10n.t('agenda items');
  }
}

export const FIELD_NAMES: readonly string[] = [...Object.keys(FIELDS), ...Object.keys(FIELD_GROUPS)];

export const DEFAULT_CONFIDENTIAL: readonly string[] = ['notes', 'feedback', 'comments'];

export type Path = readonly (string | number)[];

/** The field a value at `path` is, when it is one that can be sealed. */
export function fieldAt(path: Path): Field | undefined {
  const [top, , key, , sub] = path;
  if (top === 'sessions' && typeof path[1] === 'number') {
    if (path.length === 3 && key === 'notes') return 'notes';
    if (path.length === 3 && key === 'topic') return 'topic';
    if (path.length === 4 && key === 'agenda' && typeof path[3] === 'number') return 'agenda';
    if (path.length === 5 && key === 'feedback' && typeof path[3] === 'number') {
      if (sub === 'rating') return 'feedback.rating';
      if (sub === 'valuable') return 'feedback.valuable';
      if (sub === 'change') return 'feedback.change';
    }
  }
  // The final feedback of a closed mentorship is feedback like a session's (`closed.feedback[j].valuable`).
  if (top === 'closed' && path.length === 4 && path[1] === 'feedback' && typeof path[2] === 'number') {
    const k = path[3];
    if (k === 'rating') return 'feedback.rating';
    if (k === 'valuable') return 'feedback.valuable';
    if (k === 'change') return 'feedback.change';
  }
  if (top === 'threads' && typeof path[1] === 'number' && path.length === 5 && key === 'comments' && typeof path[3] === 'number' && sub === 'body') {
    return 'comments';
  }
  return undefined;
}

/** Field names to fields; names that are neither a field nor a group come back in `unknown`. */
export function expandFieldNames(names: readonly unknown[]): { fields: Set<Field>; unknown: { index: number; name: string }[] } {
  const fields = new Set<Field>();
  const unknown: { index: number; name: string }[] = [];
  names.forEach((raw, index) => {
    const name = typeof raw === 'string' ? raw.trim() : String(raw);
    const group = Object.hasOwn(FIELD_GROUPS, name) ? FIELD_GROUPS[name] : undefined;
    if (group) for (const f of group) fields.add(f);
    else if (Object.hasOwn(FIELDS, name)) fields.add(name as Field);
    else unknown.push({ index, name });
  });
  return { fields, unknown };
}

export interface Reader {
  /** How messages name the reader: "Ana (mentor)", "Program coordinator". */
  label: string;
  role?: 'mentor' | 'mentee';
  /** A valid X25519 recipient, lower case. */
  key: string;
}

export interface SealPolicy {
  /** Sealing is on: at least one of the pair has a valid key. */
  active: boolean;
  confidential: ReadonlySet<Field>;
  /** The pair's readers with a valid key, mentor first. */
  pair: readonly Reader[];
  /** The pair's roles without a valid key. */
  missing: readonly ('mentor' | 'mentee')[];
  /** Everyone a field is sealed to: the pair, then the extra readers named for it. */
  readers(field: Field): Reader[];
  isConfidential(field: Field): boolean;
}

/** The sealing rules an agreement sets. Invalid keys count as absent (the checks report them). */
export function policyOf(agreement: Pick<Agreement, 'mentor' | 'mentee' | 'recipients' | 'confidential'>): SealPolicy {
  const pair: Reader[] = [];
  const missing: ('mentor' | 'mentee')[] = [];
  for (const role of ['mentor', 'mentee'] as const) {
    const person = agreement[role];
    const k = typeof person.key === 'string' ? parseRecipient(person.key) : undefined;
    if (k?.ok) pair.push({ label: role === 'mentor' ? l10n.t('{0} (mentor)', person.name) : l10n.t('{0} (mentee)', person.name), role, key: k.key });
    else missing.push(role);
  }
  const extras: { reader: Reader; fields: Set<Field> }[] = [];
  for (const r of agreement.recipients ?? []) {
    const k = parseRecipient(r.key);
    if (!k.ok) continue;
    extras.push({ reader: { label: r.name, key: k.key }, fields: expandFieldNames(r.fields ?? []).fields });
  }
  const confidential = expandFieldNames(agreement.confidential ?? DEFAULT_CONFIDENTIAL).fields;
  const active = pair.length > 0;
  return {
    active,
    confidential,
    pair,
    missing,
    readers(field) {
      const out = [...pair];
      for (const e of extras) if (e.fields.has(field) && !out.some((o) => o.key === e.reader.key)) out.push(e.reader);
      return out;
    },
    isConfidential: (field) => confidential.has(field),
  };
}

/** "Ana (mentor), Ben (mentee) and Program coordinator" (or "… or …", for whose key is needed). */
export function describeReaders(readers: readonly Pick<Reader, 'label'>[], conjunction: 'and' | 'or' = 'and'): string {
  const names = readers.map((r) => r.label);
  if (names.length === 0) return l10n.t('nobody');
  if (names.length === 1) return names[0] as string;
  const first = names.slice(0, -1).join(', ');
  const last = names[names.length - 1] as string;
  return conjunction === 'and' ? l10n.t('{0} and {1}', first, last) : l10n.t('{0} or {1}', first, last);
}

export interface FieldValue {
  path: (string | number)[];
  field: Field;
  value: unknown;
}

/** Every value in the model that is one of the sealable fields, in file order (sessions, threads, then the closing feedback). */
export function fieldValues(model: MentoringFile): FieldValue[] {
  const out: FieldValue[] = [];
  model.sessions.forEach((s, i) => {
    if (s.topic !== undefined) out.push({ path: ['sessions', i, 'topic'], field: 'topic', value: s.topic });
    s.agenda.forEach((a, j) => out.push({ path: ['sessions', i, 'agenda', j], field: 'agenda', value: a }));
    if (s.notes !== undefined) out.push({ path: ['sessions', i, 'notes'], field: 'notes', value: s.notes });
    s.feedback.forEach((f, j) => {
      for (const k of ['rating', 'valuable', 'change'] as const) {
        if (f[k] !== undefined) out.push({ path: ['sessions', i, 'feedback', j, k], field: `feedback.${k}`, value: f[k] });
      }
    });
  });
  model.threads.forEach((t, i) => {
    t.comments.forEach((c, j) => out.push({ path: ['threads', i, 'comments', j, 'body'], field: 'comments', value: c.body }));
  });
  model.closed?.feedback.forEach((f, j) => {
    for (const k of ['rating', 'valuable', 'change'] as const) {
      if (f[k] !== undefined) out.push({ path: ['closed', 'feedback', j, k], field: `feedback.${k}`, value: f[k] });
    }
  });
  return out;
}

/** "the notes of session 2026-11-19", "comment 2 of thread t-1a2b": a field in words. */
export function describeField(model: MentoringFile, path: Path): string {
  const [top, i, key, j, sub] = path;
  if (top === 'sessions' && typeof i === 'number') {
    const id = model.sessions[i]?.id ?? `#${i + 1}`;
    if (key === 'notes') return l10n.t('the notes of session {0}', id);
    if (key === 'topic') return l10n.t('the topic of session {0}', id);
    if (key === 'agenda' && typeof j === 'number') return l10n.t('agenda item {0} of session {1}', j + 1, id);
    if (key === 'feedback' && typeof j === 'number') {
      const from = model.sessions[i]?.feedback[j]?.from;
      const what = String(sub);
      if (from === 'mentor') return l10n.t("the {0} in the mentor's feedback on session {1}", what, id);
      if (from === 'mentee') return l10n.t("the {0} in the mentee's feedback on session {1}", what, id);
      return l10n.t('the {0} in the feedback on session {1}', what, id);
    }
  }
  if (top === 'closed' && key !== undefined && typeof key === 'number') {
    const from = model.closed?.feedback[key]?.from;
    const what = String(j);
    if (from === 'mentor') return l10n.t("the {0} in the mentor's final feedback (closed)", what);
    if (from === 'mentee') return l10n.t("the {0} in the mentee's final feedback (closed)", what);
    return l10n.t('the {0} in the final feedback (closed)', what);
  }
  if (top === 'threads' && typeof i === 'number' && typeof j === 'number') return l10n.t('comment {0} of thread {1}', j + 1, model.threads[i]?.id ?? `#${i + 1}`);
  return path.join('.');
}
