/**
 * A model as one reader sees it: each sealed field their keys open replaced by its text, the
 * others kept or replaced by what the caller shows instead ("sealed — readable by …"), and a list
 * saying which field was which, for a lock and "readable by" next to it (summary, sidebar,
 * hovers). The parsed model is frozen and shared, so only the items that change are copied.
 */
import type { Document } from 'yaml';
import { rangeOf } from '../parse/positions';
import type { MentoringFile } from '../schema';
import { isSealed } from './armor';
import { fieldValues, type Field, type FieldValue } from './fields';
import { readField, type Opener } from './write';

export interface OpenedField {
  path: (string | number)[];
  field: Field;
  /** "Ana (mentor) and Ben (mentee)" */
  readers: string;
  opened: boolean;
  /** Why it stayed sealed, when it did. */
  why?: string;
}

export interface OpenOptions {
  /** Which sealed fields to open (default all): a summary opens one session's only. */
  select?: (fv: FieldValue) => boolean;
  /** The value shown for an opened field; default its text (a rating as its number). */
  opened?: (text: string, field: Field) => unknown;
  /** The value shown for a field that stays sealed; default the armor as it is. */
  locked?: (readers: string, armor: string) => unknown;
  opener?: Opener;
}

export async function openModel(model: MentoringFile, identities: readonly string[], options: OpenOptions = {}): Promise<{ model: MentoringFile; fields: OpenedField[] }> {
  const sealed = fieldValues(model).filter((fv) => isSealed(fv.value) && (options.select?.(fv) ?? true));
  const fields: OpenedField[] = [];
  if (sealed.length === 0) return { model, fields };
  const sessions = model.sessions.slice();
  const threads = model.threads.slice();
  const closing: { closed?: unknown } = { closed: model.closed };
  const write = itemWriter(sessions, threads, closing);
  for (const fv of sealed) {
    const read = await readField(model, fv, identities, options.opener);
    if (!read.sealed) continue;
    let shown: unknown;
    if (read.opened) {
      fields.push({ path: fv.path, field: fv.field, readers: read.readers, opened: true });
      shown = options.opened ? options.opened(read.text, fv.field) : asValue(read.text, fv.field);
    } else {
      fields.push({ path: fv.path, field: fv.field, readers: read.readers, opened: false, why: read.why });
      shown = options.locked ? options.locked(read.readers, String(fv.value)) : fv.value;
    }
    write(fv.path, shown);
  }
  return { model: { ...model, sessions, threads, ...withClosed(closing) }, fields };
}

/** The (copied) closing block for a model spread, absent when the model has none. */
export function withClosed(closing: { closed?: unknown }): { closed?: MentoringFile['closed'] } {
  return closing.closed === undefined ? {} : { closed: closing.closed as MentoringFile['closed'] };
}

/** An opened rating back as the number it was; other text as it is. */
function asValue(text: string, field: Field): string | number {
  return field === 'feedback.rating' && /^\s*[1-5]\s*$/.test(text) ? Number(text.trim()) : text;
}

/**
 * Sets values by their path (`['sessions', 3, 'notes']`, `['closed', 'feedback', 0, 'change']`) in
 * the given copies of a model's session and thread lists (and `closing.closed`, the closing block),
 * copying each item the first time it is written so the shared (frozen) parse is never changed. An
 * undefined value removes the key.
 */
export function itemWriter(sessions: unknown[], threads: unknown[], closing?: { closed?: unknown }): (path: readonly (string | number)[], value: unknown) => void {
  const copied = new Set<string>();
  return (path, value) => {
    let node: Record<string | number, unknown>;
    let rest: readonly (string | number)[];
    if (path[0] === 'closed') {
      if (!closing || closing.closed === undefined) return;
      if (!copied.has('closed')) {
        closing.closed = structuredClone(closing.closed);
        copied.add('closed');
      }
      node = closing.closed as Record<string | number, unknown>;
      rest = path.slice(1);
    } else {
      const [top, index] = path as ['sessions' | 'threads', number];
      const list = top === 'sessions' ? sessions : threads;
      const key = `${top}/${index}`;
      if (!copied.has(key)) {
        list[index] = structuredClone(list[index]);
        copied.add(key);
      }
      node = list[index] as Record<string | number, unknown>;
      rest = path.slice(2);
    }
    for (const seg of rest.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
    const last = rest[rest.length - 1] as string | number;
    if (value === undefined) delete node[last];
    else node[last] = value;
  };
}

/** A sealed field and where its value sits in the text (0-based offsets), e.g. under a hover. */
export interface SealedAt {
  fv: FieldValue;
  offset: number;
  endOffset: number;
}

/** The sealed field whose value holds `offset`, if any (a hover over a sealed block). */
export function sealedFieldAt(model: MentoringFile, doc: Document.Parsed, offset: number): SealedAt | undefined {
  for (const fv of fieldValues(model)) {
    if (!isSealed(fv.value)) continue;
    const r = rangeOf(doc, fv.path);
    if (r && offset >= r.offset && offset <= r.endOffset) return { fv, ...r };
  }
  return undefined;
}

/** One sealed field opened with `identities` through `openModel`: who can read it, and its text when opened. */
export async function openOne(model: MentoringFile, fv: FieldValue, identities: readonly string[], opener?: Opener): Promise<{ field: OpenedField; text?: string } | undefined> {
  const key = JSON.stringify(fv.path);
  let text: string | undefined;
  const r = await openModel(model, identities, {
    select: (f) => JSON.stringify(f.path) === key,
    opened: (t) => ((text = t), t),
    ...(opener ? { opener } : {}),
  });
  const field = r.fields[0];
  if (!field) return undefined;
  return text === undefined ? { field } : { field, text };
}
