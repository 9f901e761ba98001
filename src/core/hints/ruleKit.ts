/**
 * What every hint rule is made of (RuleDef, MatchContext) and the helpers rules share: word
 * boundaries, sentence starts, the sentence around a match, deletable ranges.
 */
import type { HintCategory } from './types';
import { judgmentRewrites, type JudgmentKind } from './rewrite';
import { proposalIn, proposalQuestion } from './question';
import { sentenceAt, type Span } from './tokenize';
import { PROPOSAL_VERBS_SRC } from './verbs';

export type { Span };

/** Start and end of a word: letters, digits and `_` (identifiers) are word characters. */
export const B = String.raw`(?<![\p{L}\p{N}_])`;
export const E = String.raw`(?![\p{L}\p{N}_])`;
/** Start of a sentence or line, after an optional bullet. */
export const SS = String.raw`(?<=(?:^|[.!?\u2026][ \t]+|\n)[ \t]*(?:(?:[-*+\u2022]|\d+[.)])[ \t]+)?)`;
export const APOS = `['\u2019]`;
export const w = (src: string): string => `${B}(?:${src})${E}`;

export interface MatchContext {
  /** The original text. */
  text: string;
  /** The text with skipped regions blanked out (same length). */
  masked: string;
  start: number;
  end: number;
  /** The matched text, lower-cased. */
  word: string;
  /** The sentence around `start`, once asked for ({@link sentenceOf}). */
  sentence?: Span;
}

export interface RuleDef {
  id: string;
  category: HintCategory;
  description: string;
  /** Regex source, tried (sticky) only where a trigger word starts. */
  pattern: string;
  /**
   * The words a match can start with, lower-case, apostrophes as `'`; `word*` is a prefix.
   * The engine looks every word of the comment up in these (and its de-elongated form, so
   * "fuuuck" finds `fuck*`), then tries the rule's pattern there.
   */
  triggers: readonly string[];
  /**
   * Instead of compiling `pattern`: the length of its sticky match at `at` (after the engine's
   * word-start test), or -1. `fast`: `text` is lower-cased and `muy` applies, else `imuy` (./fold.ts).
   */
  matchAt?: (text: string, at: number, fast: boolean) => number;
  /**
   * Run the pattern over the whole masked text (global, case-sensitive) instead of at trigger
   * words: for cues that are not words, like capitals and "!!!".
   */
  scan?: boolean;
  /** For a scan rule: a cheap test the masked text must pass before the pattern runs over it. */
  scanIf?: RegExp;
  /** For masked spellings ("f*ck", "sh!t"): the letters before the first symbol. */
  censored?: readonly string[];
  /** Extra context check; false drops the match. */
  accept?: (ctx: MatchContext) => boolean;
  /** The hint's range; the match itself when absent. */
  range?: (ctx: MatchContext) => Span;
  message: (ctx: MatchContext) => string;
  rewrites: (ctx: MatchContext, range: Span) => string[];
}

/**
 * Rules tried at more words: after each rule named in `variants`, the same rule (id, checks,
 * range, message, rewrites) with a pattern of its own, tried only at that variant's triggers. A
 * rare phrase ("…the diff before pushing?") then does not run the rule's whole pattern at a common
 * word ("before"), nor the rule's common words run the new phrase. The engine keeps one id for
 * both (`HINT_RULES`, settings, `disabledRules`).
 */
export function withVariants(rules: readonly RuleDef[], variants: Readonly<Record<string, { triggers: readonly string[]; pattern: string }>>): RuleDef[] {
  const out: RuleDef[] = [];
  for (const rule of rules) {
    out.push(rule);
    const v = variants[rule.id];
    if (!v) continue;
    const { matchAt: _matchAt, scan: _scan, scanIf: _scanIf, censored: _censored, ...same } = rule;
    out.push({ ...same, triggers: v.triggers, pattern: v.pattern });
  }
  for (const id of Object.keys(variants)) if (!rules.some((r) => r.id === id)) throw new Error(`withVariants: no rule ${id}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by several rules.

/** The sentence of the match, found once per match (accept, range and rewrites all ask for it). */
export function sentenceOf(ctx: MatchContext): Span {
  return (ctx.sentence ??= sentenceAt(ctx.masked, ctx.start));
}

/** The sentence ends with a question mark. */
export function isQuestion(ctx: MatchContext): boolean {
  const s = sentenceOf(ctx);
  return /\?[\s)"'\u201d]*$/.test(ctx.masked.slice(s.start, s.end)) || /\?/.test(ctx.masked.slice(ctx.end, s.end));
}

/**
 * Judgment rewrites for a word in its sentence: the range is the sentence (and a proposal right
 * after it). When the comment proposes something ("just use a map"), the question asks about the
 * proposal, which is the comment's technical point; otherwise it asks about what was judged.
 */
export function sentenceJudgment(kind: (ctx: MatchContext) => JudgmentKind) {
  return (ctx: MatchContext, range: Span): string[] => {
    const sentence = ctx.text.slice(range.start, range.end);
    // "Don't be stupid", "you're being silly": about the person, whatever the word.
    const k = /^\s*(?:don['\u2019]?t\s+be|do\s+not\s+be|stop\s+being|you['\u2019]re|you\s+are)\b/i.test(sentence) ? 'conduct' : kind(ctx);
    const about = judgmentRewrites(sentence, ctx.start - range.start, ctx.end - range.start, k);
    const p = proposalIn(ctx.masked.slice(ctx.end, range.end));
    return p ? [proposalQuestion(p), ...about] : about;
  };
}

/** A sentence that opens with a proposal: "Just use a map.", "Use a map instead." */
const PROPOSAL_START_RE = new RegExp(String.raw`^(?:(?:just|simply|instead|rather|maybe|please|better)[,\s]+)*(?:${PROPOSAL_VERBS_SRC})\b`, 'i');

/** The judgment's sentence, and the next one when it only says what to do instead ("This is wrong. Use a map."). */
export function judgmentRange(ctx: MatchContext): Span {
  const s = sentenceOf(ctx);
  if (proposalIn(ctx.masked.slice(ctx.end, s.end))) return s;
  let next = s.end;
  while (next < ctx.masked.length && /[\s.!?\u2026]/.test(ctx.masked[next] ?? '') && ctx.masked[next] !== '\n') next++;
  if (next >= ctx.masked.length || next === s.end || next - s.end > 3) return s;
  const n = sentenceAt(ctx.masked, next);
  if (n.start !== next || n.end - n.start > 160) return s;
  const sentence = ctx.masked.slice(n.start, n.end);
  return PROPOSAL_START_RE.test(sentence) && proposalIn(sentence) ? { start: s.start, end: n.end } : s;
}

/** Extends a deletable word over the comma and white space after it ("Obviously, " → ""). */
export function withTrailingSpace(ctx: MatchContext): Span {
  const m = /^,?[ \t]+/.exec(ctx.text.slice(ctx.end, ctx.end + 8));
  return { start: ctx.start, end: ctx.end + (m ? m[0].length : 0) };
}

/**
 * A word to delete; at the start of a sentence the range also takes the next word's first letter
 * so that the rewrite can capitalise it ("Just use a map." → "Use a map.").
 */
export function deletable(ctx: MatchContext): Span {
  const r = withTrailingSpace(ctx);
  const first = ctx.text[ctx.start] ?? '';
  const next = ctx.text[r.end] ?? '';
  if (r.end > ctx.end && first !== first.toLowerCase() && /\p{Ll}/u.test(next)) return { start: r.start, end: r.end + 1 };
  return r;
}

export function deletionRewrite(ctx: MatchContext, range: Span): string[] {
  return range.end > ctx.end && /\p{Ll}/u.test(ctx.text[range.end - 1] ?? '') ? [ctx.text[range.end - 1]!.toUpperCase()] : [''];
}

export function quoteWord(ctx: MatchContext): string {
  return ctx.text.slice(ctx.start, ctx.end);
}
