/**
 * The features of the heated-tone model (./score.ts), shared by the runtime and by the training
 * script (scripts/train-hints-model.ts), so that both see exactly the same numbers.
 *
 * A comment's features are hashed: its words (lower-cased, of the masked text: the writer's own
 * words only, ../tokenize.ts), the pairs of neighbouring words, and a few cue tokens (a shouted
 * word, "!" and "?" as words, the comment's length, and the rules that hinted: `cues`). Each
 * distinct feature counts once, scaled by 1 / sqrt(the number of distinct features), so a long
 * comment is not heated for being long.
 */

/** FNV-1a 32 of a string's UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hash of a word pair, from the two words' hashes (no string is built per pair). */
function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Words that count only in pairs ("you idiot", "you kidding"), never alone: who a comment
 * addresses, and how, is the forum's style (Gerrit reviews say "you" in nearly every comment,
 * heated GitHub threads less) rather than heat, and a model trained on one forum carried it into
 * the other.
 */
const FUNCTION_WORDS = new Set(
  ("you your yours you're you've you'd you'll u i i'm i've i'd me my we we're our us they they're them their he she it it's its " +
    'the a an this that these those is are was were be been being am do does did have has had to of in on at for with by from as and or but if so not no')
    .split(' ')
    .map(fnv1a),
);

/**
 * {@link FUNCTION_WORDS} as an open-addressing table of their hashes (0 marks a free slot, and no
 * function word hashes to 0), probed once per word of a comment: a Set of numbers this size
 * boxes every hash above 2^30 to look it up.
 */
const FUNCTION_SLOTS = 256;
const FUNCTION_TABLE = (() => {
  const t = new Uint32Array(FUNCTION_SLOTS);
  for (const h of FUNCTION_WORDS) {
    if (h === 0) throw new Error('a function word hashes to 0');
    let k = slotOf(h);
    while (t[k] !== 0) k = (k + 1) & (FUNCTION_SLOTS - 1);
    t[k] = h;
  }
  return t;
})();

function slotOf(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> 24;
}

function isFunctionWord(h: number): boolean {
  for (let k = slotOf(h); ; k = (k + 1) & (FUNCTION_SLOTS - 1)) {
    const t = FUNCTION_TABLE[k]!;
    if (t === h) return true;
    if (t === 0) return false;
  }
}
const CAPS = fnv1a('<caps>');
const BANG = fnv1a('!');
const ASK = fnv1a('?');
const START = fnv1a('<s>');
const LENGTH_TOKENS = ['<len:0>', '<len:1>', '<len:2>', '<len:3>'].map(fnv1a);

/** A sentence of the masked text: its code-unit range, and where its features are in `CommentFeatures.raw`. */
export interface SentenceFeatures {
  start: number;
  end: number;
  /** Its features are `raw[from]` to `raw[to - 1]` (repeats kept). */
  from: number;
  to: number;
}

export interface CommentFeatures {
  /** Distinct feature indices of the whole comment, in the order first met. */
  indices: Int32Array;
  /** The value every index carries: 1 / sqrt(indices.length). */
  value: number;
  /** Every feature of the sentences, in text order, repeats kept. */
  raw: Int32Array;
  sentences: SentenceFeatures[];
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || (c >= 0xc0 && c !== 0x2026 && c !== 0x201c && c !== 0x201d && c !== 0x2018);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Words longer than this are ids, hashes or paths, not language: skipped. */
const MAX_WORD = 30;
/** A comment's features are taken from its first this-many code units (bounded work per comment). */
export const MAX_FEATURE_TEXT = 20000;

/**
 * Scratch space reused by every call (the engine runs one comment at a time): the raw features,
 * and per feature index the call that last saw it, so that duplicates are dropped in one pass
 * without a Set (which cost more than the rest of the features).
 */
let buffer = new Int32Array(4096);
let distinct = new Int32Array(4096);
let stamps = new Uint32Array(0);
let stamp = 0;

function stampsFor(dims: number): Uint32Array {
  if (stamps.length !== dims) {
    stamps = new Uint32Array(dims);
    stamp = 0;
  }
  if (++stamp === 0xffffffff) {
    stamps.fill(0);
    stamp = 1;
  }
  return stamps;
}

/**
 * The features of `masked` (a comment with its skipped regions blanked out, same length as the
 * text) in a table of `dims` (a power of two), split by sentence. `scratch`: `indices` and `raw`
 * are views of buffers the next call overwrites (the engine reads them at once, ./heated.ts);
 * else copies of their own (the training script keeps every row's).
 */
export function featuresOf(masked: string, dims: number, cues: readonly string[] = [], scratch = false): CommentFeatures {
  const mask = dims - 1;
  const n = Math.min(masked.length, MAX_FEATURE_TEXT);
  // At most three features per code unit (a word of one letter, its pair, a shouted-word cue), plus the cues.
  const need = 3 * n + cues.length + 8;
  if (buffer.length < need) buffer = new Int32Array(need);
  const raw = buffer;
  let count = 0;
  const sentences: SentenceFeatures[] = [];
  let open = false;
  let sentenceStart = 0;
  let sentenceFrom = 0;
  let prev = START;
  let lastEnd = 0;
  const closeSentence = (): void => {
    if (open) {
      sentences.push({ start: sentenceStart, end: lastEnd, from: sentenceFrom, to: count });
      open = false;
    }
    prev = START;
  };
  let i = 0;
  while (i < n) {
    const c = masked.charCodeAt(i);
    const lower = isUpper(c) ? c + 32 : c;
    if (isWordCode(lower)) {
      const from = i;
      let upper = 0;
      let letters = 0;
      let h = 0x811c9dc5;
      while (i < n) {
        const d = masked.charCodeAt(i);
        const up = isUpper(d);
        const l = up ? d + 32 : d;
        if (!isWordCode(l)) break;
        if (up) upper++;
        if (l >= 97 && l <= 122) letters++;
        h ^= l === 0x2019 ? 39 : l;
        h = Math.imul(h, 0x01000193);
        i++;
      }
      if (i - from > MAX_WORD) continue;
      if (!open) {
        open = true;
        sentenceStart = from;
        sentenceFrom = count;
      }
      const word = h >>> 0;
      if (!isFunctionWord(word)) raw[count++] = word & mask;
      raw[count++] = pairHash(prev, word) & mask;
      if (upper >= 2 && upper === letters && letters >= 3) raw[count++] = CAPS & mask;
      prev = word;
      lastEnd = i;
      continue;
    }
    if (c === 33 || c === 63) {
      // "!" and "?" are words too ("really ?", "this !"); a run counts once.
      if (open) {
        const t = c === 33 ? BANG : ASK;
        raw[count++] = t & mask;
        raw[count++] = pairHash(prev, t) & mask;
        prev = t;
      }
      while (i < n && (masked.charCodeAt(i) === 33 || masked.charCodeAt(i) === 63)) i++;
      lastEnd = i;
      // A sentence ends at "!" or "?" (followed by a space or the end).
      // Not read past the end (an out-of-bounds read sends V8's optimised code back to the interpreter).
      const next = i < n ? masked.charCodeAt(i) : 32;
      if (next === 32 || next === 10 || next === 9 || next === 13) closeSentence();
      continue;
    }
    if (c === 10 || ((c === 46 || c === 0x2026) && (i + 1 >= n || masked.charCodeAt(i + 1) <= 32))) {
      if (c !== 10) lastEnd = i + 1;
      closeSentence();
    }
    i++;
  }
  closeSentence();
  const words = count;
  let len = 0;
  for (let j = 0; j < masked.length; j++) if (masked.charCodeAt(j) > 32) len++;
  const bucket = len < 120 ? 0 : len < 400 ? 1 : len < 1000 ? 2 : 3;
  raw[count++] = LENGTH_TOKENS[bucket]! & mask;
  for (const c of cues) raw[count++] = fnv1a(c) & mask;
  const seen = stampsFor(dims);
  if (distinct.length < count) distinct = new Int32Array(Math.max(count, 2 * distinct.length));
  const unique = distinct;
  let u = 0;
  for (let j = 0; j < count; j++) {
    const f = raw[j]!;
    if (seen[f] !== stamp) {
      seen[f] = stamp;
      unique[u++] = f;
    }
  }
  return scratch
    ? { indices: unique.subarray(0, u), value: 1 / Math.sqrt(u), raw: raw.subarray(0, words), sentences }
    : { indices: unique.slice(0, u), value: 1 / Math.sqrt(u), raw: raw.slice(0, words), sentences };
}
