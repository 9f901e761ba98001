/**
 * Case-insensitive matching without the `i` flag: a rule's sticky pattern runs with `muy` over the
 * lower-cased masked text instead of with `imuy` over the masked text. V8 builds the case closure
 * of every `\p{L}` class of an `iu` pattern when it compiles it, which made the rules' regexes
 * cost about 165 ms of CPU the first time a process used them (`npm run bench`, the CLI row);
 * with `u` alone they cost a third of that, and match a little faster.
 *
 * The two give the same matches when (a) the pattern's letters are lower case and every class it
 * uses is closed under case ({@link foldable} checks the pattern's source), and (b) lower-casing
 * the text moves no character out of a class it was in ({@link foldCase} refuses a text with one
 * of the few characters where it would; the engine then uses the `imuy` pattern for that comment).
 */

/**
 * The characters where matching the lower-cased text without `i` could differ from matching the
 * text with `iu`, for the classes {@link foldable} lets through: `İ` lower-cases to two code units;
 * `ſ` and the Kelvin sign `K` match `s` and `k` under `iu` but lower-case to themselves or to
 * ASCII; U+0345 matches `\p{L}` under `iu` (through `ι`) though it is a mark; `Ⓜ` is
 * `\p{Extended_Pictographic}`, its lower case `ⓜ` is not. Found by comparing both ways for every
 * cased code point (test/unit/core/hints/fold.test.ts does it again).
 */
export const FOLD_UNSAFE_RE = /[\u0130\u017f\u212a\u24c2\u24dc]|\u0345/;

/** The properties a foldable pattern may use: letters and numbers are closed under case, emoji are uncased. */
const SAFE_PROPERTIES = new Set(['L', 'N', 'Extended_Pictographic']);
/** Escapes that stand for one character class or assertion with no case of their own, or a control character. */
const SAFE_ESCAPES = new Set(['b', 'B', 'w', 'W', 's', 'S', 'd', 'D', 'n', 'r', 't', 'f', 'v', '0']);
/** A character with a case: upper, lower or title case, or one that case-mapping or folding changes. */
const CASED_RE = /[\p{Cased}\p{Changes_When_Casefolded}\p{Changes_When_Casemapped}]/u;

/** Whether `cp` may appear as a literal (or range end) in a foldable pattern. */
function literalOk(cp: number): boolean {
  if (cp >= 65 && cp <= 90) return false;
  return cp < 128 || !CASED_RE.test(String.fromCodePoint(cp));
}

/**
 * Whether the `u`-mode regex source `src`, compiled with `muy` and run over lower-cased text,
 * matches exactly as it does compiled with `imuy` over the original: no upper-case letter outside
 * an escape, no cased character beyond ASCII, no back-reference or named group, properties only
 * from {@link SAFE_PROPERTIES}. Anything it does not know makes it answer false (the rule keeps `i`).
 */
export function foldable(src: string): boolean {
  let prev = -1;
  let inRange = false;
  let inClass = false;
  for (let i = 0; i < src.length; ) {
    const ch = src[i]!;
    let cp: number;
    if (ch === '\\') {
      const e = src[i + 1];
      if (e === undefined) return false;
      if (e === 'p' || e === 'P') {
        const m = /^\\[pP]\{([A-Za-z_]+)\}/.exec(src.slice(i, i + 40));
        if (!m || e === 'P' || !SAFE_PROPERTIES.has(m[1]!)) return false;
        i += m[0].length;
        prev = -1;
        continue;
      }
      if (e === 'u') {
        const m = /^\\u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(src.slice(i, i + 12));
        if (!m) return false;
        cp = parseInt(m[1] ?? m[2]!, 16);
        i += m[0].length;
      } else if (e === 'x') {
        const m = /^\\x([0-9a-fA-F]{2})/.exec(src.slice(i, i + 4));
        if (!m) return false;
        cp = parseInt(m[1]!, 16);
        i += 4;
      } else if (SAFE_ESCAPES.has(e)) {
        i += 2;
        prev = -1;
        continue;
      } else if (/[\^$\\.*+?()[\]{}|/-]/.test(e)) {
        cp = e.charCodeAt(0);
        i += 2;
      } else {
        // Back-references (\1, \k<name>), control escapes (\cX) and anything else.
        return false;
      }
    } else {
      cp = src.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      if (!inClass && ch === '(' && src.startsWith('?<', i) && src[i + 2] !== '=' && src[i + 2] !== '!') return false;
      if (!inClass && ch === '[') {
        inClass = true;
        if (src[i] === '^') i++;
        prev = -1;
        continue;
      }
      if (inClass && ch === ']') {
        inClass = false;
        prev = -1;
        continue;
      }
      if (inClass && ch === '-' && prev >= 0 && src[i] !== ']') {
        inRange = true;
        continue;
      }
    }
    if (!literalOk(cp)) return false;
    if (inRange) {
      // Every character of a range must be a safe literal (an ASCII range of lower-case letters is).
      for (let c = prev; c <= cp; c++) if (!literalOk(c)) return false;
      inRange = false;
      prev = -1;
      continue;
    }
    prev = inClass ? cp : -1;
  }
  return !inClass;
}

/**
 * `masked` lower-cased, for the foldable patterns; undefined when it holds a character of
 * {@link FOLD_UNSAFE_RE} (then the rules run with `i` over `masked` itself).
 */
export function foldCase(masked: string): string | undefined {
  if (FOLD_UNSAFE_RE.test(masked)) return undefined;
  return masked.toLowerCase();
}
