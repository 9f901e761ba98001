/**
 * Sealing applied to a file's text: after an edit (seal what the edit wrote into confidential
 * fields), for `reseal` (every sealed field again, to the current readers), and for reading
 * (open what your keys can). Each field becomes its own `|` block holding its armor, set with
 * the lossless editor, so every other byte of the file — other sealed blocks included — stays
 * as it was and diffs and merges stay small.
 *
 * The plain text of an edit exists only in memory between the edit and its sealing: callers
 * write the text this returns, never the one they passed in.
 *
 * Why nothing was written is said in the user's language (`l10n.t`; the store and the *Seal it*
 * fix show it), English in the CLI.
 */
import * as l10n from '@vscode/l10n';
import { hasErrors, type Diagnostic } from '../diagnostics';
import { parse } from '../parse';
import type { MentoringFile } from '../schema';
import { planEdits, type YamlOp } from '../yaml/edit';
import { open as openArmor, seal as sealText, type Opened } from './age';
import { isSealed, sealedText } from './armor';
import { describeField, describeReaders, fieldValues, policyOf, type Field, type FieldValue, type SealPolicy } from './fields';

export type Sealer = (plaintext: string, recipients: readonly string[]) => Promise<string>;
export type Opener = (armor: string, identities: readonly string[]) => Promise<Opened>;

export type SealedEdit =
  | { ok: true; text: string; sealed: FieldValue[]; policy: SealPolicy }
  | { ok: false; message: string };

const pathKey = (p: readonly (string | number)[]): string => JSON.stringify(p);

/** The text of a plain field value as it is sealed: ratings as their digits. */
function plainOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Seal the confidential fields an edit wrote: every plain confidential value in `after` that
 * `before` did not hold at the same place. Plain text that was already there is left for
 * `reseal` (the checks point at it), so an edit never rewrites more than it touched.
 * Without a pair key, `after` comes back unchanged.
 *
 * `beforeModel` is the model of `before` when the caller has it (the store parsed that text just
 * now): with it, an agreement that names no key is answered without parsing anything.
 */
export async function sealEdit(before: string, after: string, options: { now: Date; sealer?: Sealer; beforeModel?: MentoringFile | undefined }): Promise<SealedEdit> {
  if (options.beforeModel && !policyOf(options.beforeModel.agreement).active && keyTokens(after) <= keyTokens(before)) return unchanged(after);
  // Every usable key starts with age1: a file without one has nobody to seal to, so the edit
  // is written as it is without parsing it again.
  if (!/age1/i.test(after)) return unchanged(after);
  const parsedAfter = parse(after, { now: options.now, checks: false });
  if (!parsedAfter.model) return { ok: false, message: l10n.t('the edited file could not be read back; nothing was written') };
  const policy = policyOf(parsedAfter.model.agreement);
  if (!policy.active) return { ok: true, text: after, sealed: [], policy };
  const old = new Map<string, unknown>();
  // Parsing `after` replaced the parse kept for `before` (one entry, ../parse/index.ts), so the caller's model saves a whole parse.
  const beforeModel = options.beforeModel ?? parse(before, { now: options.now, checks: false }).model;
  if (beforeModel) for (const fv of fieldValues(beforeModel)) old.set(pathKey(fv.path), fv.value);
  const fresh = fieldValues(parsedAfter.model).filter((fv) => {
    if (!policy.isConfidential(fv.field) || isSealed(fv.value) || plainOf(fv.value) === undefined) return false;
    const k = pathKey(fv.path);
    return !(old.has(k) && old.get(k) === fv.value);
  });
  return sealFields(after, fresh, policy, options);
}

const NO_POLICY = policyOf({ mentor: { name: '' }, mentee: { name: '' } });

function unchanged(text: string): SealedEdit {
  return { ok: true, text, sealed: [], policy: NO_POLICY };
}

/**
 * How many X25519 public keys (`age1` and 58 Bech32 characters) the text holds. An agreement
 * without a pair key gains one only by an edit writing one more, so an edit that adds none to
 * such a file has nobody to seal to.
 */
function keyTokens(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/age1[02-9ac-hj-np-z]{58}/gi)) n++;
  return n;
}

/** Replace each of `fields` (plain values) by its armor, sealed to the field's readers. */
async function sealFields(text: string, fields: FieldValue[], policy: SealPolicy, options: { now: Date; sealer?: Sealer }): Promise<SealedEdit> {
  if (fields.length === 0) return { ok: true, text, sealed: [], policy };
  const sealer = options.sealer ?? sealText;
  const ops: YamlOp[] = [];
  for (const fv of fields) {
    const plain = plainOf(fv.value) as string;
    ops.push({ op: 'set', path: fv.path, value: await sealer(plain, policy.readers(fv.field).map((r) => r.key)) });
  }
  const written = apply(text, ops, options.now);
  if (!written.ok) return written;
  return { ok: true, text: written.text, sealed: fields, policy };
}

function apply(text: string, ops: YamlOp[], now: Date): { ok: true; text: string } | { ok: false; message: string } {
  let out: string;
  try {
    out = planEdits(text, ops).text;
  } catch (err) {
    return { ok: false, message: l10n.t('the sealed text could not be written into the file ({0}); nothing was written', err instanceof Error ? err.message : String(err)) };
  }
  const check = parse(out, { now, checks: false });
  if (hasErrors(check.diagnostics)) {
    const e = check.diagnostics.find((d) => d.severity === 'error') as Diagnostic;
    return { ok: false, message: l10n.t('sealing would leave an error at line {0}, column {1} ({2}); nothing was written', e.line, e.column, e.message) };
  }
  return { ok: true, text: out };
}

/**
 * Seal the one plain value at `path` (the quick fix *Seal it* on a `not-sealed` warning, whose
 * diagnostic carries the path). Other fields are left as they are.
 */
export async function sealField(text: string, path: readonly (string | number)[], options: { now: Date; sealer?: Sealer }): Promise<SealedEdit> {
  const parsed = parse(text, { now: options.now, checks: false });
  if (!parsed.model || hasErrors(parsed.diagnostics)) return { ok: false, message: l10n.t('the file has errors; fix them first (nothing was written)') };
  const policy = policyOf(parsed.model.agreement);
  if (!policy.active) return { ok: false, message: l10n.t('neither the mentor nor the mentee has a key in the agreement, so there is nobody to seal to') };
  const key = pathKey(path);
  const fv = fieldValues(parsed.model).find((f) => pathKey(f.path) === key);
  if (!fv || isSealed(fv.value) || plainOf(fv.value) === undefined) return { ok: false, message: l10n.t('there is no plain text to seal at {0} (it may be sealed already)', path.join('.')) };
  return sealFields(text, [fv], policy, options);
}

export interface Skipped {
  path: (string | number)[];
  field: Field;
  /** "the notes of session s1" */
  what: string;
  why: string;
}

export type Resealed =
  | { ok: true; text: string; resealed: FieldValue[]; sealedPlain: FieldValue[]; skipped: Skipped[]; policy: SealPolicy }
  | { ok: false; message: string };

/**
 * Every sealed field opened with `identities` and sealed again to its current readers (after a
 * key was added or replaced), and plain confidential text sealed. Fields none of the
 * identities opens are left byte for byte as they are and listed in `skipped`.
 */
export async function reseal(text: string, identities: readonly string[], options: { now: Date; sealer?: Sealer; opener?: Opener }): Promise<Resealed> {
  const parsed = parse(text, { now: options.now, checks: false });
  if (!parsed.model || hasErrors(parsed.diagnostics)) {
    const e = parsed.diagnostics.find((d) => d.severity === 'error');
    return { ok: false, message: e ? l10n.t('the file has an error at line {0}, column {1}: {2}', e.line, e.column, e.message) : l10n.t('the file could not be read') };
  }
  const model = parsed.model;
  const policy = policyOf(model.agreement);
  if (!policy.active) return { ok: false, message: l10n.t('neither the mentor nor the mentee has a key in the agreement (`mentoring key add --role mentor|mentee KEY`), so there is nobody to seal to') };
  const sealer = options.sealer ?? sealText;
  const opener = options.opener ?? openArmor;
  const ops: YamlOp[] = [];
  const resealed: FieldValue[] = [];
  const sealedPlain: FieldValue[] = [];
  const skipped: Skipped[] = [];
  for (const fv of fieldValues(model)) {
    const readers = policy.readers(fv.field).map((r) => r.key);
    const armor = sealedText(fv.value);
    if (armor !== undefined) {
      const opened = await opener(armor, identities);
      if (!opened.ok) {
        skipped.push({ path: fv.path, field: fv.field, what: describeField(model, fv.path), why: opened.message });
        continue;
      }
      ops.push({ op: 'set', path: fv.path, value: await sealer(opened.text, readers) });
      resealed.push(fv);
    } else if (policy.isConfidential(fv.field)) {
      const plain = plainOf(fv.value);
      if (plain === undefined) continue;
      ops.push({ op: 'set', path: fv.path, value: await sealer(plain, readers) });
      sealedPlain.push(fv);
    }
  }
  if (ops.length === 0) return { ok: true, text, resealed, sealedPlain, skipped, policy };
  const written = apply(text, ops, options.now);
  if (!written.ok) return written;
  return { ok: true, text: written.text, resealed, sealedPlain, skipped, policy };
}

export type ReadField =
  | { sealed: false; value: unknown }
  | { sealed: true; opened: true; text: string; readers: string }
  | { sealed: true; opened: false; readers: string; why: string };

/** A field as a reader sees it: plain, opened (with who can read it), or still sealed (with who can). */
export async function readField(model: MentoringFile, fv: FieldValue, identities: readonly string[], opener: Opener = openArmor): Promise<ReadField> {
  const armor = sealedText(fv.value);
  if (armor === undefined) return { sealed: false, value: fv.value };
  const readers = describeReaders(policyOf(model.agreement).readers(fv.field));
  const opened = await opener(armor, identities);
  return opened.ok ? { sealed: true, opened: true, text: opened.text, readers } : { sealed: true, opened: false, readers, why: opened.message };
}
