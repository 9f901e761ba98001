/**
 * The heated-tone model at run time: a logistic regression over the hashed features of
 * ./features.ts, its table decoded on first use (./table.ts, ./weights.ts). The verdict names the
 * comment's most heated sentence, and whether that sentence is a statement aimed at someone
 * ({@link AIMED_RE}): the hint needs a sentence to show, and a score alone is no reason the writer
 * can act on (./heated.ts decides).
 */
import type { CommentFeatures } from './features';
import { decodeTable, type Model, type RawTable } from './table';
import { MODEL_TABLE } from './weights';

let model: Model | undefined;

/** The shipped model, decoded and checked once. */
export function shippedModel(): Model {
  return (model ??= decodeTable(MODEL_TABLE satisfies RawTable));
}

export interface HeatedVerdict {
  /** The model's probability that the comment reads as heated. */
  p: number;
  /** The sentence that weighs most towards it (code units of the masked text). */
  start: number;
  end: number;
  /** The sentence is aimed at someone ({@link AIMED_RE}). */
  aimed: boolean;
}

/**
 * A sentence aimed at a reader or a group: the second person, "people", "devs", "maintainers",
 * "team", "they". The writer's remarks about their own work ("I was just being stupid", "my
 * bad") and about a tool carry the same words as heat aimed at others; without an addressee the
 * model adds no hint (on the Gerrit rows it was most of what it would add).
 */
export const AIMED_RE = /(?<![\p{L}\p{N}_'])(?:you|your|yours|yourself|yourselves|you're|you've|you'd|you'll|ya|u|y'all|people|folks|devs|developers|maintainers|guys|team|they|them|their|anyone|anybody|nobody|everyone)(?![\p{L}\p{N}_'])/iu;

/**
 * Questions are left to the rules, which tell a genuine one ("Why don't you use the helper?")
 * from a rhetorical one (../cues.ts): the model hears the words of heat, not the question's type.
 */
const QUESTION_END_RE = /\?[\s)"'\u201d]*$/;

/** The model's probability for a comment's features and its most heated sentence; undefined when it has no words. */
export function verdictOf(m: Model, f: CommentFeatures, masked: string): HeatedVerdict | undefined {
  if (f.sentences.length === 0) return undefined;
  let z = m.bias;
  for (const i of f.indices) z += m.w[i]! * f.value;
  let best = f.sentences[0]!;
  let bestSum = -Infinity;
  for (const s of f.sentences) {
    let sum = 0;
    for (let k = s.from; k < s.to; k++) sum += m.w[f.raw[k]!]!;
    if (sum > bestSum) {
      bestSum = sum;
      best = s;
    }
  }
  const sentence = masked.slice(best.start, best.end);
  return { p: 1 / (1 + Math.exp(-z)), start: best.start, end: best.end, aimed: AIMED_RE.test(sentence) && !QUESTION_END_RE.test(sentence) };
}
