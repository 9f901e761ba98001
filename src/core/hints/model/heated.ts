/**
 * The rule `heated-tone`: the learned model (./score.ts) combined with the rules' hints, as
 * scripts/train-hints-model.ts measures it (the same functions decide there and here):
 *
 * - a comment the rules left alone gets a hint on its most heated sentence when the model's
 *   probability reaches the table's threshold, the comment has at least `minLength` characters of
 *   the writer's own words, and that sentence is a statement aimed at someone (./score.ts);
 * - in a long comment (`gateLength` characters or more) the rules' hints stand only when the model
 *   gives at least `gate`: most civil comments the rules flag are long arguments that hold one
 *   sharp word (docs/hints.md). The team's own words are never dropped.
 *
 * Disabling the rule `heated-tone` (or the category `judgment`) leaves the rules as they are.
 */
import { proposalIn, proposalQuestion, proposalRequest } from '../question';
import type { Hint, HintRuleInfo } from '../types';
import { featuresOf } from './features';
import { verdictOf } from './score';
import { MODEL_RULE_ID, type Model } from './table';

export const HEATED_RULE_INFO: HintRuleInfo = {
  id: MODEL_RULE_ID,
  category: 'judgment',
  description:
    'A comment that reads as heated with no single cue word (a small model trained on GitHub issue threads locked as too heated, Ehsani et al. 2024); in long comments it also decides whether the other hints stand.',
};

/** The cue tokens of the rules' hints, features of the model (one per rule and per category hinted). */
export function ruleCues(hints: readonly Pick<Hint, 'rule' | 'category'>[]): string[] {
  const cues = new Set<string>();
  for (const h of hints) {
    cues.add(`<rule:${h.rule}>`);
    cues.add(`<cat:${h.category}>`);
  }
  if (hints.length > 0) cues.add('<rules>');
  return [...cues];
}

/** The length of the writer's own words (masked text), each run of white space counted as one. */
export function ownLength(masked: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    const isSpace = c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  // A trailing run was counted as one space.
  return space && n > 0 ? n - 1 : n;
}

/** Words that only turn the volume up: the sentence says the same without them. */
const INTENSIFIER_RE =
  /\s*\b(?:really|totally|completely|absolutely|utterly|seriously|literally|clearly|obviously|honestly|frankly|simply|extremely|incredibly|insanely|ridiculously|damn|damned|fucking|freaking|bloody)\b(?=\s|[,.!?;:])/gi;

/**
 * The sentence as the writer's own view, with the volume down and nothing added: emphasis markup
 * and the intensifiers ({@link INTENSIFIER_RE}) taken out, shouted words (four capitals or more)
 * in lower case, a run of "!" or "?!" as one mark, and the Conventional Comments label `thought:`
 * before it (a personal remark, not a request). The words stay the writer's: no feeling, request or
 * question is put in their mouth.
 */
export function softerStatement(sentence: string): string {
  let s = sentence
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(INTENSIFIER_RE, '')
    .replace(/\b[A-Z][A-Z'\u2019]{3,}\b/g, (x) => x.toLowerCase())
    .replace(/[!?]*(?:!!|\?!|!\?)[!?1]*/g, (m) => (m.includes('?') ? '?' : '.'))
    .replace(/!+/g, '.')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:?])/g, '$1')
    .replace(/^[\s,;:]+/, '')
    .trim();
  if (s.length > 0) s = s[0]!.toUpperCase() + s.slice(1);
  return `thought: ${s}`;
}

function heatedHint(text: string, start: number, end: number, p: number): Hint {
  const sentence = text.slice(start, end);
  const proposal = proposalIn(sentence);
  // Where the sentence proposes something, the question asks about it. Where it proposes nothing,
  // no question keeps its point without putting words in the writer's mouth (an earlier version
  // offered "I am frustrated by this; could we talk about what would help?", a feeling and a request
  // the writer never wrote): the softer statement of the same words, or leaving the sentence out.
  const rewrites = proposal ? [proposalQuestion(proposal), proposalRequest(proposal)] : [softerStatement(sentence), ''];
  return {
    rule: MODEL_RULE_ID,
    category: 'judgment',
    start,
    end,
    message: heatedMessage(p, proposal !== undefined),
    rewrites,
  };
}

/**
 * The rule's message: the model's figure, and either that asking about the proposal helps or why
 * no question is offered. English, as every rule's; src/reviews/hintMessages.ts words both in the
 * user's language (test/unit/tools/l10n.test.ts holds them to these).
 */
export function heatedMessage(p: number, proposes: boolean): string {
  return (
    `This comment reads as heated (${Math.round(p * 100)} % by a model trained on GitHub threads locked as too heated), most of all this sentence, though no single word says why. ` +
    (proposes
      ? 'Asking about your proposal keeps the point and lowers the temperature.'
      : 'It makes no proposal to ask about, so no question would keep your point without putting words in your mouth: the rewrite offers the same words as your own view, calmer (labelled "thought:"), or leave the sentence out.')
  );
}

/** The rules' hints as the model leaves them, and its own hint where it adds one. */
export function withModel(m: Model, text: string, masked: string, hints: Hint[], teamRule: string): Hint[] {
  // The text's length bounds the writer's own: most comments are decided without counting.
  if (masked.length < (hints.length > 0 ? m.gateLength : m.minLength) || (hints.length > 0 && m.gate === 0)) return hints;
  const length = ownLength(masked);
  const gated = hints.length > 0 && length >= m.gateLength;
  if (!gated && (hints.length > 0 || length < m.minLength)) return hints;
  const v = verdictOf(m, featuresOf(masked, m.dims, ruleCues(hints), true), masked);
  if (v === undefined) return hints;
  if (gated) return v.p >= m.gate ? hints : hints.filter((h) => h.rule === teamRule);
  return v.aimed && v.p >= m.threshold ? [heatedHint(text, v.start, v.end, v.p)] : hints;
}
