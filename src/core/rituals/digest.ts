/**
 * Digests of the agreement's terms, so "what changed since you both accepted it" needs no git
 * history: the file keeps one short digest per term next to the acceptance (`accepted.terms`,
 * see `accept.ts`), and a change of a term is a change of its digest.
 *
 * The terms are what the pair agreed to: each goal (by id), each expectation (by key, so
 * `expectations.confidentiality` is one of them) and the list of confidential fields. One digest
 * per term rather than one for the whole agreement, so the message can say *which* term changed,
 * and a re-acceptance touches only the lines of the terms that changed (a small diff, a clean merge).
 *
 * A digest is of the term's meaning, not its text: values are canonicalised first (keys sorted,
 * whitespace runs in text folded to one space and trimmed), so reordering keys, flow or block
 * style, quoting, comments or re-wrapping a long text do not count as a change.
 *
 * Pure: no Node built-ins (the core runs in the browser too), hence FNV-1a in plain TypeScript
 * rather than `node:crypto`. A digest only has to notice accidental change, not resist forgery:
 * whoever can edit the file can edit the digests too.
 */
import * as l10n from '@vscode/l10n';
import type { Agreement, Goal } from '../schema';
import { DEFAULT_CONFIDENTIAL, expandFieldNames } from '../seal/fields';

/** Term key → digest, in term order (goals in file order, expectations, the confidential list). */
export type TermDigests = Map<string, string>;

/** What happened to one term between two acceptances (or an acceptance and the file now). */
export interface TermChange {
  /** `goals.g1`, `expectations.cadence`, `confidential`. */
  term: string;
  kind: 'added' | 'removed' | 'changed';
}

// ---------------------------------------------------------------------------------------------
// FNV-1a, 64 bits, over UTF-8, with 16-bit limbs: every intermediate stays below 2^31, so plain
// numbers do the arithmetic exactly without BigInt (four times fewer allocations per byte).

const OFFSET_BASIS = [0x2325, 0x8422, 0x9ce4, 0xcbf2] as const; // 0xcbf29ce484222325, low limb first
// The prime is 2^40 + 0x1b3: h * prime = h * 0x1b3 + (h << 40).
const PRIME_LOW = 0x1b3;

/** FNV-1a 64 of `text`'s UTF-8 bytes, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let h0: number = OFFSET_BASIS[0];
  let h1: number = OFFSET_BASIS[1];
  let h2: number = OFFSET_BASIS[2];
  let h3: number = OFFSET_BASIS[3];
  const step = (byte: number): void => {
    h0 ^= byte;
    const t0 = h0 * PRIME_LOW;
    const t1 = h1 * PRIME_LOW + (t0 >>> 16);
    const t2 = h2 * PRIME_LOW + (t1 >>> 16) + (h0 << 8);
    const t3 = h3 * PRIME_LOW + (t2 >>> 16) + (h1 << 8);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) step(cp);
    else if (cp < 0x800) {
      step(0xc0 | (cp >> 6));
      step(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      step(0xe0 | (cp >> 12));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    } else {
      step(0xf0 | (cp >> 18));
      step(0x80 | ((cp >> 12) & 0x3f));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    }
  }
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

// ---------------------------------------------------------------------------------------------
// Canonical form

/**
 * One string per value that means the same: JSON with object keys sorted, text with whitespace
 * runs folded to one space and trimmed, `undefined` left out as JSON does. The model came through
 * the parser, which bounds its depth and size (parse/prescan.ts), so the recursion is bounded.
 */
export function canonical(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.replace(/\s+/g, ' ').trim());
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return 'null';
}

export function digestOf(value: unknown): string {
  return fnv1a64(canonical(value));
}

// ---------------------------------------------------------------------------------------------
// The terms

/**
 * A goal's terms: everything but its `status`. Reaching or dropping a goal is the log of the
 * work the pair agreed on, recorded together at a session; asking both to accept the agreement
 * again for it would make every achieved goal a chore. What the goal is, why, and by when, count.
 */
function goalTerms(goal: Goal): unknown {
  const { status: _status, ...rest } = goal;
  return rest;
}

/**
 * The confidential fields as a set: absent means the default list, a group means its fields, so
 * writing out the default or spelling `feedback` as its three parts is no change. Names that are
 * no field (reported by seal/checks.ts) are kept as written.
 */
function confidentialTerms(agreement: Agreement): unknown {
  const names = agreement.confidential ?? DEFAULT_CONFIDENTIAL;
  const { fields, unknown } = expandFieldNames(names);
  return [...new Set<string>([...fields, ...unknown.map((u) => u.name.trim())])].sort();
}

/** Every term of `agreement` and its digest. */
export function termsDigest(agreement: Agreement): TermDigests {
  const out: TermDigests = new Map();
  for (const goal of agreement.goals) out.set(`goals.${goal.id}`, digestOf(goalTerms(goal)));
  const ex = agreement.expectations as Record<string, unknown>;
  for (const key of Object.keys(ex).sort()) {
    if (ex[key] !== undefined) out.set(`expectations.${key}`, digestOf(ex[key]));
  }
  out.set('confidential', digestOf(confidentialTerms(agreement)));
  return out;
}

/** How `now` differs from `before`: changed and added terms in `now`'s order, then removed ones. */
export function diffTerms(before: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): TermChange[] {
  const out: TermChange[] = [];
  for (const [term, digest] of now) {
    const was = before.get(term);
    if (was === undefined) out.push({ term, kind: 'added' });
    else if (was !== digest) out.push({ term, kind: 'changed' });
  }
  for (const term of before.keys()) if (!now.has(term)) out.push({ term, kind: 'removed' });
  return out;
}

/** "goal g2 added", "expectations.cadence changed", "the confidential fields changed". */
export function describeChange(change: TermChange): string {
  // The page's very messages (webview/acceptance.ts `changeText`), one per kind.
  const { term, kind } = change;
  if (term.startsWith('goals.')) {
    const id = term.slice('goals.'.length);
    return kind === 'added' ? l10n.t('goal {0} added', id) : kind === 'removed' ? l10n.t('goal {0} removed', id) : l10n.t('goal {0} changed', id);
  }
  if (term === 'confidential') {
    return kind === 'added' ? l10n.t('the confidential fields added') : kind === 'removed' ? l10n.t('the confidential fields removed') : l10n.t('the confidential fields changed');
  }
  return kind === 'added' ? l10n.t('{0} added', term) : kind === 'removed' ? l10n.t('{0} removed', term) : l10n.t('{0} changed', term);
}
