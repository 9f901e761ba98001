/**
 * The team's judgment words (`hints.extraJudgmentWords`) as one lookup instead of one regex of
 * every entry: a regex of 16,000 alternatives cost V8 seconds to compile and milliseconds per
 * comment to run. Each entry's alternative is kept as its own small sticky regex, and they are
 * grouped by a key of their first letters, so at a comment's word only the few alternatives that
 * can match there are tried, in the order the one regex tried them (longest source first, then
 * list order): the first that matches is the one the alternation found, with the same length.
 *
 * The key must never tell apart two texts the regex takes as equal: with `i` and `u` a letter
 * matches every letter of the same simple case folding ("ſ" matches "s", "ς" matches "σ"). So a
 * key maps each code point through {@link foldKey}, which may join more letters than case
 * folding does (a bucket with one alternative too many costs a regex run, never a wrong hint),
 * but never splits one folding class (test/unit/core/hints/teamWords.test.ts checks every cased
 * code point).
 */
import { E } from './ruleKit';

/** Regex source for a team word and its inflections ("janky" → jankier, jankiest; "hack" → hacks, hacked). */
export function inflected(word: string): string {
  const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
  if (/[^aeiou]y$/i.test(word)) return `${esc(word.slice(0, -1))}(?:y|ier|iest|ily|iness|ies)`;
  if (/e$/i.test(word)) return `${esc(word.slice(0, -1))}(?:e|es|ed|ing|er|est|ely|eness)`;
  return `${esc(word)}(?:s|es|ed|ing|ly|er|est|ness|y)?`;
}

/** The part of a word its alternative matches literally: the stem {@link inflected} keeps, up to its first space. */
function literalHead(word: string): string {
  const stem = /[^aeiou]y$/i.test(word) || /e$/i.test(word) ? word.slice(0, -1) : word;
  const space = /\s/.exec(stem);
  return space === null ? stem : stem.slice(0, space.index);
}

/** Code points a key holds at most: enough to split a long list into small buckets. */
const KEY_POINTS = 6;

/**
 * One code point's key: ASCII lower-cased; any other through its upper case back to lower case
 * (µ, ſ, ς, the Kelvin sign meet μ, s, σ, k), or its lower case when the upper case is more
 * than one code point (ß, ᾼ). Constant on every class of simple case folding.
 */
export function foldKey(cp: string): string {
  const c = cp.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : cp;
  const known = FOLD_EXTRA.get(cp);
  if (known !== undefined) return known;
  const upper = cp.toUpperCase();
  const viaUpper = single(upper) ? upper.toLowerCase() : cp.toLowerCase();
  return single(viaUpper) ? viaUpper : cp;
}

/** Simple foldings the round trip through upper case misses (Unicode 15.1: "ΐ" U+1FD3 → U+0390, "ΰ" U+1FE3 → U+03B0, "ﬅ" → "ﬆ"). */
const FOLD_EXTRA = new Map<string, string>([
  ['\u1fd3', '\u0390'],
  ['\u1fe3', '\u03b0'],
  ['\ufb05', '\ufb06'],
]);

function single(s: string): boolean {
  const c = s.codePointAt(0);
  return c !== undefined && s.length === (c > 0xffff ? 2 : 1);
}

/** The key of the first `points` code points of `s` from `at`, or undefined when `s` ends first. */
function keyAt(s: string, at: number, points: number): string | undefined {
  let key = '';
  let i = at;
  for (let n = 0; n < points; n++) {
    if (i >= s.length) return undefined;
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    key += foldKey(ch);
    i += ch.length;
  }
  return key;
}

export interface TeamMatcher {
  /** The one alternation's source, as the rule's `pattern` (for ./fold.ts and the rule tables). */
  source: string;
  /** Length of the match at `at` of the alternation (sticky, then {@link E}), or -1. `fast`: `muy` over lower-cased text, else `imuy`. */
  matchAt: (text: string, at: number, fast: boolean) => number;
}

/** Compiles a list of team words (trimmed, non-blank) once: linear in the list, no regex compiled yet. */
export function teamMatcher(list: readonly string[]): TeamMatcher {
  const entries = list.map((word, i) => ({ alt: inflected(word), head: [...literalHead(word)], i }));
  // The order the alternation tries them in: longest source first, ties in list order (a stable sort).
  entries.sort((a, b) => b.alt.length - a.alt.length);
  const alts = entries.map((e) => e.alt);
  const buckets = new Map<string, number[]>();
  const sizes = new Set<number>();
  entries.forEach((e, order) => {
    const n = Math.min(KEY_POINTS, e.head.length);
    sizes.add(n);
    const key = `${n}:${e.head.slice(0, n).map(foldKey).join('')}`;
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [order]);
    else bucket.push(order);
  });
  const lengths = [...sizes].sort((a, b) => a - b);
  const fastRe: (RegExp | undefined)[] = [];
  const slowRe: (RegExp | undefined)[] = [];
  return {
    source: `(?:${alts.join('|')})${E}`,
    matchAt: (text, at, fast) => {
      let found: number[] | undefined;
      let many = false;
      for (const n of lengths) {
        const key = keyAt(text, at, n);
        if (key === undefined) break;
        const bucket = buckets.get(`${n}:${key}`);
        if (bucket === undefined) continue;
        if (found === undefined) found = bucket;
        else {
          found = [...found, ...bucket];
          many = true;
        }
      }
      if (found === undefined) return -1;
      if (many) found.sort((a, b) => a - b);
      for (const k of found) {
        const re = fast ? (fastRe[k] ??= new RegExp(`(?:${alts[k]!})${E}`, 'muy')) : (slowRe[k] ??= new RegExp(`(?:${alts[k]!})${E}`, 'imuy'));
        re.lastIndex = at;
        const m = re.exec(text);
        if (m !== null) return m[0].length;
      }
      return -1;
    },
  };
}
