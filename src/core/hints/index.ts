/**
 * Review-comment hints: finds judgments, blame, minimizers, bare commands, disguised questions,
 * sarcasm and profanity in a comment, and offers rewrites (a question for judgments).
 *
 * One pass over the words of the comment (code spans, quotes and URLs blanked out first). Each
 * word is looked up in the trigger tables; only where a rule's trigger starts is that rule's
 * sticky pattern tried. Tables are built once at module load, and once per distinct options set
 * (cached); each pattern is compiled on its first use, without the `i` flag where ./fold.ts
 * allows. Offsets are UTF-16 code units of the original text, as VS Code uses.
 */
import { RULES, TEAM_RULE_INFO, teamWordRule, type MatchContext, type RuleDef } from './rules';
import { B } from './ruleKit';
import { foldable, foldCase } from './fold';
import { LABEL_RE, MAX_SENTENCE, maskSkipped } from './tokenize';
import type { Hint, HintOptions, HintRuleInfo } from './types';
import { HEATED_RULE_INFO, withModel } from './model/heated';
import { shippedModel } from './model/score';

export type { Hint, HintCategory, HintOptions, HintRuleInfo } from './types';
export { HINT_CATEGORIES } from './types';

/** Every rule the engine knows, for settings UIs and `disabledRules` validation. */
export const HINT_RULES: readonly HintRuleInfo[] = [
  // A rule tried at more words (ruleKit.ts `withVariants`) is listed once.
  ...RULES.filter((r, i) => RULES.findIndex((x) => x.id === r.id) === i).map(({ id, category, description }) => ({ id, category, description })),
  TEAM_RULE_INFO,
  HEATED_RULE_INFO,
];

interface Engine {
  rules: readonly RuleDef[];
  /** Each rule's sticky pattern source, tried only where one of its trigger words starts. */
  sources: readonly string[];
  /**
   * Whether the rule's pattern may run without `i` over the lower-cased text (./fold.ts): then
   * `fast` holds it compiled `muy`, else `slow` holds it compiled `imuy` for the masked text (also
   * the one used for a comment that {@link foldCase} refuses). Each is compiled on its first use:
   * a process that sees one comment compiles the rules that comment reaches, not all of them.
   */
  foldable: readonly boolean[];
  fast: (RegExp | undefined)[];
  slow: (RegExp | undefined)[];
  /**
   * Rules whose pattern opened with the word-start assertion {@link B}: it is left out of their
   * sticky regex and tested once per word instead ({@link atWordStart}). An assertion at the very
   * start of a sticky match depends on nothing the rest matches, so the verdicts are the same,
   * and each of these regexes (compiled once per process, which a short CLI run feels) is smaller.
   */
  wordStart: readonly boolean[];
  exact: ReadonlyMap<string, readonly number[]>;
  /** The prefix triggers and their rules; their lengths, longest first; the first letters they start with. */
  prefix: ReadonlyMap<string, readonly number[]>;
  prefixLengths: readonly number[];
  prefixFirst: ReadonlySet<number>;
  /**
   * A quick no for most words, on their first two letters: every exact or prefix trigger of two
   * letters or more starts with one of `firstTwo` ({@link pairCode}); `oneLetter` holds the
   * one-letter exact triggers, `onePrefix` the one-letter prefixes (which fit any word).
   */
  firstTwo: ReadonlySet<number>;
  oneLetter: ReadonlySet<number>;
  onePrefix: ReadonlySet<number>;
  censored: ReadonlyMap<string, readonly number[]>;
  /** Rules run over the whole text (`scan`), as global case-sensitive regexes, with their index. */
  scans: readonly [RegExp, number][];
  /** What each word seen lately comes to ({@link tokenInfo}): comments repeat the same few thousand words. */
  seen: TokenMemo;
  /** The trigger tables as a trie for plain words ({@link Walk}); undefined: every word goes through {@link tokenInfo}. */
  walk: Walk | undefined;
  /** The learned model's rule (`heated-tone`, ./model/heated.ts) is on. */
  model: boolean;
}

/** A token's word offset (past leading symbols) and the rules that may start there; `rules` undefined: none. */
interface TokenInfo {
  lead: number;
  rules: readonly number[] | undefined;
}

/**
 * Two generations of token → {@link TokenInfo}: when the young map is full it becomes the old one
 * and the oldest is dropped, so memory stays bounded (untrusted text can hold any number of
 * distinct words) while the words a comment set keeps using stay found.
 */
interface TokenMemo {
  young: Map<string, TokenInfo>;
  old: Map<string, TokenInfo>;
}

const MEMO_GENERATION = 8192;

/**
 * The exact and prefix triggers made only of `a`–`z` and `0`–`9`, as a trie the scan of
 * {@link findHints} walks while it reads a word, one array read per letter: for a plain word
 * (ASCII letters and digits only: most words of a comment) it gives what {@link classify} gives
 * (offset 0, the rules of {@link candidates}, the de-elongated form's too) without slicing the
 * word out or looking it up in the memo, which was a fifth of the engine's time on long
 * comments. Other triggers cannot be a plain word, lower-cased, nor begin one.
 */
interface Walk {
  /** Node `n`'s child for symbol `s` ({@link WALK_SYMBOL}) is `next[n * WALK_WIDTH + s]`; 0 is no node, 1 the root. */
  next: Uint16Array;
  /** The rules of a word that ends at node `n`: its exact trigger's and its longest prefix trigger's (`n`'s or an ancestor's). */
  atEnd: (readonly number[] | undefined)[];
  /** The rules of a longer word that leaves the trie below `n`: its longest prefix trigger's. */
  beyond: (readonly number[] | undefined)[];
}

/** Trie symbols of the lower-cased ASCII code units: `a`–`z` 0–25, `0`–`9` 26–35, any other -1. */
const WALK_SYMBOL = (() => {
  const s = new Int8Array(128).fill(-1);
  for (let c = 97; c <= 122; c++) s[c] = c - 97;
  for (let c = 48; c <= 57; c++) s[c] = c - 48 + 26;
  return s;
})();
const WALK_WIDTH = 36;
/** A team list so long that its trie would pass this many nodes goes through the memo instead (memory stays small). */
const MAX_WALK_NODES = 16384;
const PLAIN_KEY_RE = /^[a-z0-9]+$/;

function buildWalk(exact: ReadonlyMap<string, readonly number[]>, prefix: ReadonlyMap<string, readonly number[]>): Walk | undefined {
  // An empty prefix key fits every word ({@link prefixRules}); none is ever built, but the trie would not know it.
  if (prefix.has('')) return undefined;
  let next = new Uint16Array(WALK_WIDTH * 256);
  const keyOf: string[] = ['', ''];
  const parent: number[] = [0, 0];
  for (const k of [...exact.keys(), ...prefix.keys()]) {
    if (!PLAIN_KEY_RE.test(k)) continue;
    let node = 1;
    for (let i = 0; i < k.length; i++) {
      const at = node * WALK_WIDTH + WALK_SYMBOL[k.charCodeAt(i)]!;
      let child = next[at]!;
      if (child === 0) {
        child = keyOf.length;
        if (child >= MAX_WALK_NODES) return undefined;
        if ((child + 1) * WALK_WIDTH > next.length) {
          const grown = new Uint16Array(next.length * 2);
          grown.set(next);
          next = grown;
        }
        next[at] = child;
        keyOf.push(k.slice(0, i + 1));
        parent.push(node);
      }
      node = child;
    }
  }
  // A node is made after its parent, so a parent's `beyond` is known when its children's is worked out.
  const beyond: (readonly number[] | undefined)[] = [undefined, undefined];
  const atEnd: (readonly number[] | undefined)[] = [undefined, undefined];
  for (let n = 2; n < keyOf.length; n++) {
    const key = keyOf[n]!;
    beyond[n] = prefix.get(key) ?? beyond[parent[n]!];
    atEnd[n] = merge(exact.get(key), beyond[n]);
  }
  return { next: next.slice(0, keyOf.length * WALK_WIDTH), atEnd, beyond };
}
/** Longer tokens are rare and would make the memo's memory depend on the input: worked out each time. */
const MEMO_MAX_TOKEN = 48;

function add(map: Map<string, number[]>, key: string, rule: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rule]);
  else if (!list.includes(rule)) list.push(rule);
}

function compile(rules: readonly RuleDef[], model = true): Engine {
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const censored = new Map<string, number[]>();
  const scans: [RegExp, number][] = [];
  const wordStart: boolean[] = [];
  const sources = rules.map((r, i) => {
    if (r.scan) scans.push([new RegExp(r.pattern, 'gmu'), i]);
    for (const t of r.triggers) {
      if (t.endsWith('*')) add(prefix, t.slice(0, -1), i);
      else add(exact, t, i);
    }
    for (const t of r.censored ?? []) add(censored, t, i);
    const bare = r.pattern.startsWith(B);
    wordStart.push(bare);
    return bare ? r.pattern.slice(B.length) : r.pattern;
  });
  // A word matching a long prefix ("ass*" in "asshole") also belongs to the shorter ones it contains.
  const keys = [...prefix.keys()].sort((a, b) => b.length - a.length);
  const prefixLengths = [...new Set(keys.map((k) => k.length))].sort((a, b) => b - a);
  // The shorter keys a key starts with are its own beginnings of the lengths keys have: looked up,
  // not found by comparing every pair of keys (a team list of 16,000 words took seconds).
  for (const k of keys) {
    for (const n of prefixLengths) {
      if (n >= k.length) continue;
      for (const i of prefix.get(k.slice(0, n)) ?? []) add(prefix, k, i);
    }
  }
  for (const list of [...exact.values(), ...prefix.values(), ...censored.values()]) list.sort((a, b) => a - b);
  const prefixFirst = new Set(keys.map((k) => k.charCodeAt(0)));
  const all = [...exact.keys(), ...keys];
  const firstTwo = new Set(all.filter((k) => k.length >= 2).map((k) => pairCode(k.charCodeAt(0), k.charCodeAt(1))));
  const oneLetter = new Set([...exact.keys()].filter((k) => k.length === 1).map((k) => k.charCodeAt(0)));
  const onePrefix = new Set(keys.filter((k) => k.length === 1).map((k) => k.charCodeAt(0)));
  const fold = sources.map(foldable);
  return { rules, sources, foldable: fold, fast: sources.map(() => undefined), slow: sources.map(() => undefined), wordStart, exact, prefix, prefixLengths, prefixFirst, firstTwo, oneLetter, onePrefix, censored, scans, seen: { young: new Map(), old: new Map() }, walk: buildWalk(exact, prefix), model };
}

const DEFAULT_ENGINE = compile(RULES);
const engines = new Map<string, Engine>();
const MAX_ENGINES = 32;

function sortedUnique(xs: readonly string[] | undefined): string[] {
  // Options come from user files and settings: anything but a non-blank string is ignored.
  if (!Array.isArray(xs)) return [];
  return [...new Set(xs.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x.length > 0))].sort();
}

/**
 * The engine of an options object, once found: the same object comes with every comment of a file
 * or a setting, and working out its key per comment (two sorted lists and their JSON) cost about
 * as much as a short comment's hints. Options are read-only (types.ts), as {@link teamWordsOf} assumes.
 */
const engineOfOptions = new WeakMap<HintOptions, Engine>();

/** The engine for an options set, compiled once per distinct set (teams rarely have more than one). */
function engineFor(options: HintOptions | undefined): Engine {
  if (options === undefined) return DEFAULT_ENGINE;
  let engine = engineOfOptions.get(options);
  if (engine === undefined) engineOfOptions.set(options, (engine = engineOf(options)));
  return engine;
}

function engineOf(options: HintOptions): Engine {
  const { words, key: wordsKey } = teamWordsOf(options.extraJudgmentWords);
  const rules = sortedUnique(options.disabledRules);
  const cats = sortedUnique(options.disabledCategories);
  if (words.length === 0 && rules.length === 0 && cats.length === 0) return DEFAULT_ENGINE;
  const key = JSON.stringify([words.length === 0 ? 0 : wordsKey, rules, cats]);
  const hit = engines.get(key);
  if (hit) return hit;
  const team = teamWordRule(words);
  const all = team ? [...RULES, team] : RULES;
  const model = !rules.includes(HEATED_RULE_INFO.id) && !cats.includes(HEATED_RULE_INFO.category);
  const engine = compile(all.filter((r) => !rules.includes(r.id) && !cats.includes(r.category)), model);
  if (engines.size >= MAX_ENGINES) {
    const oldest = engines.keys().next();
    if (!oldest.done) engines.delete(oldest.value);
  }
  engines.set(key, engine);
  return engine;
}

/**
 * The team words of a list, sorted, unique, lower-cased, and a short key for their content:
 * worked out once per list (the same array comes with every comment of a file), since sorting a
 * list of thousands, and hashing its JSON as an engine key, per comment cost more than the
 * comment's hints. Options are read-only (types.ts), so a list's words do not change.
 */
const teamWordLists = new WeakMap<readonly string[], { words: string[]; key: number }>();
const teamWordKeys = new Map<string, number>();

function teamWordsOf(list: readonly string[] | undefined): { words: string[]; key: number } {
  if (!Array.isArray(list)) return { words: [], key: 0 };
  let found = teamWordLists.get(list);
  if (found === undefined) {
    const words = sortedUnique(list).map((x) => x.toLowerCase());
    const content = JSON.stringify(words);
    let key = teamWordKeys.get(content);
    if (key === undefined) {
      // Bounded like the engines: an old key forgotten only means an engine compiled again.
      if (teamWordKeys.size >= MAX_ENGINES * 4) teamWordKeys.clear();
      key = ++teamWordCount;
      teamWordKeys.set(content, key);
    }
    found = { words, key };
    teamWordLists.set(list, found);
  }
  return found;
}
/** Keys are never reused, so a key forgotten and given out again cannot name another list's engine. */
let teamWordCount = 0;

/** A rewrite that replaces a capitalised range starts with a capital too. */
function matchCase(text: string, start: number, rewrites: string[]): string[] {
  const c = text[start] ?? '';
  if (c === c.toLowerCase()) return rewrites;
  // Conventional Comments labels stay lower-case ("suggestion: …").
  return rewrites.map((r) => (r.length > 0 && !LABEL_RE.test(r) ? r[0]!.toUpperCase() + r.slice(1) : r));
}

/** A word character: letters, digits, `_`, apostrophes, and the symbols of masked swearing ("f*ck"). */
const TOKEN_CHAR_RE = /^[\p{L}\p{N}_'\u2019*#@$%!]$/u;
/** {@link TOKEN_CHAR_RE} for the ASCII and other one-unit characters: 0 not known yet, 1 yes, 2 no. */
const BMP_TOKEN_CHAR = new Uint8Array(65536);

/**
 * How many code units the word character at `i` takes (1, or 2 for a surrogate pair), 0 when it
 * is none: a word is a run of {@link TOKEN_CHAR_RE} code points, as `/[…]+/gu` finds them, found
 * here by a loop, since a regex match per word costs more than the rest of the scan.
 */
function tokenCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = s.charCodeAt(i + 1);
    // A lone surrogate is no letter; a pair is one code point.
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return 0;
    return TOKEN_CHAR_RE.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  let known = BMP_TOKEN_CHAR[c]!;
  if (known === 0) BMP_TOKEN_CHAR[c] = known = TOKEN_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}
const LEADING_NON_WORD_RE = /^[^\p{L}\p{N}]+/u;
const TRAILING_NON_WORD_RE = /[^\p{L}\p{N}]+$/u;
const SYMBOL_RE = /[*#@$%!]/;
const DOUBLED_RE = /(\p{L})\1/u;
const DOUBLES_RE = /(\p{L})\1+/gu;

function merge(a: readonly number[] | undefined, b: readonly number[] | undefined): readonly number[] | undefined {
  if (a === undefined) return b;
  if (b === undefined || a === b) return a;
  // A plain loop, not a spread of a Set: the arrays stay of one kind for the word loop's optimised code.
  const out: number[] = [];
  for (const x of a) if (!out.includes(x)) out.push(x);
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out.sort((x, y) => x - y);
}

/**
 * The rules of the longest prefix trigger `word` starts with. Keys are compared whole, longest
 * first, so two keys of one length never both fit: the same key a longest-first alternation
 * `^(?:abcd|abc|ab)` would find, without running one over every word.
 */
function prefixRules(engine: Engine, word: string): readonly number[] | undefined {
  // An empty key (none is ever built: `*` alone is no trigger) would fit every word; NaN never is a first letter.
  if (engine.prefixLengths.length === 0 || (!engine.prefixFirst.has(word.charCodeAt(0)) && !engine.prefix.has(''))) return undefined;
  for (const n of engine.prefixLengths) {
    if (n > word.length) continue;
    const rules = engine.prefix.get(n === word.length ? word : word.slice(0, n));
    if (rules !== undefined) return rules;
  }
  return undefined;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether a letter follows itself ({@link DOUBLED_RE}), without the regex for ASCII words. */
function hasDoubledLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return DOUBLED_RE.test(word);
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && isAsciiLetter(c)) return true;
  }
  return false;
}

/** Each run of one letter as one letter ("fuuuck" → "fuck"), as `replace(DOUBLES_RE, '$1')` does. */
function undoubled(word: string): string {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return word.replace(DOUBLES_RE, '$1');
  let out = '';
  let from = 0;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && isAsciiLetter(c)) {
      out += word.slice(from, i);
      while (i + 1 < word.length && word.charCodeAt(i + 1) === c) i++;
      from = i + 1;
    }
  }
  return out + word.slice(from);
}

/** Rules whose pattern may start at this word. */
function candidates(engine: Engine, word: string): readonly number[] | undefined {
  let found = engine.exact.get(word);
  const p = prefixRules(engine, word);
  if (p) found = merge(found, p);
  // De-elongated form: "fuuuck", "ugghh", "wtfff".
  if (hasDoubledLetter(word)) {
    const single = undoubled(word);
    found = merge(found, engine.exact.get(single));
    const q = prefixRules(engine, single);
    if (q) found = merge(found, q);
  }
  return found;
}

function pairCode(a: number, b: number): number {
  return a * 65536 + b;
}

/** An ASCII letter in lower case; any other code unit as it is. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * 0: not plain; 1: only ASCII letters and digits (no leading symbol, no apostrophe, no masked
 * swearing, one case mapping), as most words of a comment are; 2: such a word with a letter twice
 * in a row (it has a de-elongated form to look up too).
 */
function plainAscii(token: string): 0 | 1 | 2 {
  let prev = -1;
  let doubled = false;
  for (let i = 0; i < token.length; i++) {
    const c = lowerAscii(token.charCodeAt(i));
    if (c >= 97 && c <= 122) {
      if (c === prev) doubled = true;
    } else if (!(c >= 48 && c <= 57)) return 0;
    prev = c;
  }
  return doubled ? 2 : 1;
}

/**
 * False when no trigger can be `token` (plain ASCII, lower-cased) or begin it: the exact and
 * prefix lookups of {@link candidates} would both come back empty. Without a doubled letter
 * there is no de-elongated form to look up.
 */
function mayTrigger(engine: Engine, token: string): boolean {
  const c0 = lowerAscii(token.charCodeAt(0));
  if (engine.onePrefix.has(c0) || engine.prefix.has('')) return true;
  if (token.length === 1) return engine.oneLetter.has(c0);
  return engine.firstTwo.has(pairCode(c0, lowerAscii(token.charCodeAt(1))));
}

const NONE: TokenInfo = { lead: 0, rules: undefined };

/** The word in `token` (lower-case, apostrophes as `'`) and the rules that may start at it. */
function classify(engine: Engine, token: string): TokenInfo {
  const plain = plainAscii(token);
  if (plain !== 0) {
    if (plain === 1 && !mayTrigger(engine, token)) return NONE;
    const rules = candidates(engine, token.toLowerCase());
    return rules === undefined ? NONE : { lead: 0, rules };
  }
  const lead = LEADING_NON_WORD_RE.exec(token)?.[0].length ?? 0;
  if (lead === token.length) return NONE;
  let word = token.slice(lead).toLowerCase();
  if (word.includes('\u2019')) word = word.replace(/\u2019/g, "'");
  const sym = SYMBOL_RE.exec(word);
  let rules = candidates(engine, sym ? word.replace(TRAILING_NON_WORD_RE, '') : word);
  if (sym) rules = merge(rules, engine.censored.get(word.slice(0, sym.index)));
  return rules === undefined ? NONE : { lead, rules };
}

/** {@link classify}, remembered per engine (it depends on the token and the engine's tables only). */
function tokenInfo(engine: Engine, token: string): TokenInfo {
  if (token.length > MEMO_MAX_TOKEN) return classify(engine, token);
  const memo = engine.seen;
  let info = memo.young.get(token);
  if (info !== undefined) return info;
  info = memo.old.get(token) ?? classify(engine, token);
  if (memo.young.size >= MEMO_GENERATION) {
    memo.old = memo.young;
    memo.young = new Map();
  }
  memo.young.set(token, info);
  return info;
}

/** A comment's hints so far, and their keys (category and range) once there is one. */
interface Found {
  hints: Hint[];
  seen: Set<string> | undefined;
}

/**
 * Adds the hint of `rule` at `ctx`, unless its category already has a hint on the same range
 * (one judgment per sentence: "this ugly mess" is one point, not two). False when it was a repeat.
 */
function emit(rule: RuleDef, ctx: MatchContext, found: Found): boolean {
  const range = rule.range ? rule.range(ctx) : { start: ctx.start, end: ctx.end };
  const key = `${rule.category}:${range.start}:${range.end}`;
  const seen = (found.seen ??= new Set());
  if (seen.has(key)) return false;
  seen.add(key);
  found.hints.push({
    rule: rule.id,
    category: rule.category,
    start: range.start,
    end: range.end,
    message: rule.message(ctx),
    rewrites: matchCase(ctx.text, range.start, rule.rewrites(ctx, range)),
  });
  return true;
}

/** The longest hint range: a sentence window each side of a match, and a proposal sentence after it. */
const MAX_RANGE = 2 * MAX_SENTENCE + 200;

/** Whether [start, end) overlaps one of `spans` (sorted by start; none longer than {@link MAX_RANGE}). */
function overlaps(spans: readonly (readonly [number, number])[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  const from = start - MAX_RANGE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < spans.length && spans[k]![0] < end; k++) if (spans[k]![1] > start) return true;
  return false;
}

/**
 * {@link B} on its own: no letter, digit or `_` right before `at`. With the rules' flags (`imuy`)
 * for a text {@link foldCase} refused, else with `muy` over the lower-cased text (./fold.ts).
 */
let wordStartSlow: RegExp | undefined;
const WORD_START_FAST = new RegExp(B, 'muy');

/**
 * Per code unit before `at`, when it is a whole code point (not a surrogate): 0 not known yet, 1
 * {@link B} holds after it, 2 it does not; for `muy` and `imuy` (case closure can add characters).
 * Found by the same regex once per character, so the answers are the regex's own.
 */
const WORD_START_AFTER_FAST = new Uint8Array(65536);
const WORD_START_AFTER_SLOW = new Uint8Array(65536);

function atWordStart(text: string, at: number, fast: boolean): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  if (c >= 0xd800 && c <= 0xdfff) return wordStartRegex(text, at, fast);
  const table = fast ? WORD_START_AFTER_FAST : WORD_START_AFTER_SLOW;
  let known = table[c]!;
  if (known === 0) table[c] = known = wordStartRegex(String.fromCharCode(c), 1, fast) ? 1 : 2;
  return known === 1;
}

function wordStartRegex(text: string, at: number, fast: boolean): boolean {
  const re = fast ? WORD_START_FAST : (wordStartSlow ??= new RegExp(B, 'imuy'));
  re.lastIndex = at;
  return re.test(text);
}

/** The rule's sticky regex for the lower-cased text (`fast`) or for the masked text, compiled on first use. */
function stickyFor(engine: Engine, i: number, fast: boolean): RegExp {
  if (fast) return (engine.fast[i] ??= new RegExp(engine.sources[i]!, 'muy'));
  return (engine.slow[i] ??= new RegExp(engine.sources[i]!, 'imuy'));
}

/**
 * The first of `rules` that matches at `at` adds its hint; the end of that match, or -1. Its own
 * function, not inlined into {@link findHints}'s word loop: what a rarely met rule does first
 * there sends only this code back to V8's interpreter, not the loop's.
 */
function matchAt(engine: Engine, text: string, masked: string, lower: string | undefined, at: number, rules: readonly number[], found: Found): number {
  let wordStart: boolean | undefined;
  for (const i of rules) {
    if (engine.wordStart[i] && !(wordStart ??= lower === undefined ? atWordStart(masked, at, false) : atWordStart(lower, at, true))) continue;
    const fast = lower !== undefined && engine.foldable[i]!;
    const rule = engine.rules[i]!;
    let length: number;
    if (rule.matchAt) length = rule.matchAt(fast ? lower : masked, at, fast);
    else {
      const re = stickyFor(engine, i, fast);
      re.lastIndex = at;
      length = re.exec(fast ? lower : masked)?.[0].length ?? -1;
    }
    if (length <= 0) continue;
    const end = at + length;
    // The word as the masked text has it, lower-cased alone (a final sigma lower-cases by what follows it).
    const ctx: MatchContext = { text, masked, start: at, end, word: masked.slice(at, end).toLowerCase().replace(/\s+/g, ' ') };
    if (rule.accept && !rule.accept(ctx)) continue;
    emit(rule, ctx, found);
    return ctx.end;
  }
  return -1;
}

/** The scan rules (capitals, "!!!"…) over the whole masked text, after the word rules. */
function scanAll(engine: Engine, text: string, masked: string, found: Found): void {
  const hints = found.hints;
  // The hints so far, by start, for the overlap test below (a binary search, not a scan per match).
  const byStart = hints.length > 0 ? hints.map((h) => [h.start, h.end] as const).sort((a, b) => a[0] - b[0]) : [];
  for (const [re, i] of engine.scans) {
    const rule = engine.rules[i]!;
    if (rule.scanIf && !rule.scanIf.test(masked)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const ctx: MatchContext = { text, masked, start: m.index, end: m.index + m[0].length, word: m[0].toLowerCase().replace(/\s+/g, ' ') };
      if (rule.accept && !rule.accept(ctx)) continue;
      // A cue like "!!!" adds to a point already made in its sentence; alone, it is the point.
      const range = rule.range ? rule.range(ctx) : ctx;
      if (overlaps(byStart, range.start, range.end)) continue;
      emit(rule, ctx, found);
    }
  }
}

/**
 * Hints for one comment, in text order. `options` carries the team's tuning (extra judgment
 * words, disabled rules or categories).
 */
export function findHints(text: string, options?: HintOptions): Hint[] {
  const engine = engineFor(options);
  const walk = engine.walk;
  const masked = maskSkipped(text);
  const hints: Hint[] = [];
  const found: Found = { hints, seen: undefined };
  // The lower-cased text (./fold.ts), made when a first pattern is tried; null: not yet, undefined: refused.
  let lower: string | undefined | null = null;
  const n = masked.length;
  let next = 0;
  while (next < n) {
    let width = tokenCharAt(masked, next);
    if (width === 0) {
      next++;
      continue;
    }
    const from = next;
    // While the word is plain ({@link Walk}), the trie is walked along it (`node`; 0 once it left the
    // trie, `live` the last node it was at), and along its de-elongated form ("fuuuck" → "fuck", each
    // run of one letter as one: `single`, `singleLive`), which {@link candidates} looks up too.
    let plain = walk !== undefined;
    let node = 1;
    let live = 1;
    let single = 1;
    let singleLive = 1;
    let prev = -1;
    let doubled = false;
    do {
      if (plain) {
        const c = masked.charCodeAt(next);
        const l = c >= 65 && c <= 90 ? c + 32 : c;
        const s = l < 128 ? WALK_SYMBOL[l]! : -1;
        if (s < 0) plain = false;
        else {
          const repeat = s < 26 && l === prev;
          if (repeat) doubled = true;
          prev = l;
          if (node !== 0) {
            live = node;
            node = walk!.next[node * WALK_WIDTH + s]!;
          }
          if (!repeat && single !== 0) {
            singleLive = single;
            single = walk!.next[single * WALK_WIDTH + s]!;
          }
        }
      }
      next += width;
    } while (next < n && (width = tokenCharAt(masked, next)) !== 0);
    let lead = 0;
    let rules: readonly number[] | undefined;
    if (plain) {
      rules = node !== 0 ? walk!.atEnd[node] : walk!.beyond[live];
      if (doubled) rules = merge(rules, single !== 0 ? walk!.atEnd[single] : walk!.beyond[singleLive]);
    } else ({ lead, rules } = tokenInfo(engine, masked.slice(from, next)));
    if (rules === undefined) continue;
    const at = from + lead;
    if (lower === null) lower = foldCase(masked);
    // Carry on after the match: "why the hell would you" is one hint, not two.
    const end = matchAt(engine, text, masked, lower, at, rules, found);
    if (end > next) next = end;
  }
  if (engine.scans.length > 0) scanAll(engine, text, masked, found);
  if (hints.length > 1) hints.sort((a, b) => a.start - b.start || a.end - b.end);
  return engine.model ? withModel(shippedModel(), text, masked, hints, TEAM_RULE_INFO.id) : hints;
}
