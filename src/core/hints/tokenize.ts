/**
 * Text helpers for the hint engine: what to skip, and where a sentence starts and ends.
 *
 * Everything works on UTF-16 offsets of the original text (what VS Code uses), so no helper
 * here ever changes the length of a string.
 */

/**
 * Regions a reviewer did not write in their own voice: fenced code blocks, inline code,
 * `> ` quote lines, URLs, and text in double quotes (straight or curly) or in single quotes
 * used as quotation marks (not apostrophes: "don't" is left alone).
 *
 * Tried only where one of these regions can start ({@link SKIP_START_RE}). Each region's pattern
 * begins with one fixed character, so only the patterns of the character found there are tried,
 * in this order, as one sticky regex: the first that matches is the one the whole alternation
 * would have picked.
 */
const SKIPS: readonly (readonly [string, string])[] = [
  // Fenced blocks; an unclosed fence runs to the end of the text, as Markdown renders it.
  ['`', '(?<=^[ \\t]*)```[^\\n]*(?:\\n[\\s\\S]*?(?:\\n[ \\t]*```[ \\t]*(?=\\n|$)|$(?![\\s\\S]))|$(?![\\s\\S]))'],
  ['~', '(?<=^[ \\t]*)~~~[^\\n]*(?:\\n[\\s\\S]*?(?:\\n[ \\t]*~~~[ \\t]*(?=\\n|$)|$(?![\\s\\S]))|$(?![\\s\\S]))'],
  // Inline code: double backticks may contain single ones.
  ['`', '``[^\\n]*?``'],
  ['`', '`[^`\\n]*`'],
  // Quote lines (what the author wrote, quoted back).
  ['>', '(?<=^[ \\t]*)>[^\\n]*'],
  // HTML comments (issue templates); an unclosed one runs to the end.
  ['<', '<!--[\\s\\S]*?(?:-->|$(?![\\s\\S]))'],
  // URLs.
  ['hf', '\\b(?:https?|ftp|file)://[^\\s<>"`]+'],
  ['w', '\\bwww\\.[^\\s<>"`]+'],
  // Quoted text.
  ['"', '"[^"\\n]*"'],
  ['\u201c', '\u201c[^\u201d\\n]*\u201d'],
  ["'", "(?<![\\p{L}\\p{N}])'[^'\\n]{1,120}'(?![\\p{L}\\p{N}])"],
  ['\u2018', '(?<![\\p{L}\\p{N}])\u2018[^\u2019\\n]{1,120}\u2019(?![\\p{L}\\p{N}])'],
];

/** Per start character, the sticky alternation of the regions that start with it. */
const SKIP_BY_START: ReadonlyMap<number, RegExp> = (() => {
  const sources = new Map<number, string[]>();
  for (const [starts, src] of SKIPS) {
    for (const ch of starts) {
      const list = sources.get(ch.charCodeAt(0)) ?? [];
      list.push(src);
      sources.set(ch.charCodeAt(0), list);
    }
  }
  return new Map([...sources].map(([c, list]) => [c, new RegExp(list.join('|'), 'muy')]));
})();

/** Where a skipped region can start. */
const SKIP_START_RE = /[`~>"'\u201c\u2018]|<!--|\b(?:https?|ftp|file):\/\/|\bwww\./g;

/** `s` with every character but line breaks as a space (what `s.replace(/[^\n]/g, ' ')` gives). */
function blank(s: string): string {
  if (!s.includes('\n')) return ' '.repeat(s.length);
  return s
    .split('\n')
    .map((part) => ' '.repeat(part.length))
    .join('\n');
}

/**
 * Returns `text` with every skipped region replaced by spaces (newlines kept), so that offsets
 * stay valid and patterns cannot match inside code, quotes or URLs.
 */
export function maskSkipped(text: string): string {
  let out = '';
  let last = 0;
  SKIP_START_RE.lastIndex = 0;
  for (let c = SKIP_START_RE.exec(text); c !== null; c = SKIP_START_RE.exec(text)) {
    const re = SKIP_BY_START.get(text.charCodeAt(c.index));
    if (re === undefined) continue;
    re.lastIndex = c.index;
    const m = re.exec(text);
    if (m === null || m[0].length === 0) continue;
    out += text.slice(last, m.index) + blank(m[0]);
    last = m.index + m[0].length;
    SKIP_START_RE.lastIndex = last;
  }
  return maskLines(last === 0 ? text : out + text.slice(last));
}

/**
 * Lines that are not prose (tested one line at a time, so `^` and `$` need no `m` flag, which
 * would make the engine try every position): stack frames, log lines, shell sessions, diffs, e-mail attributions and
 * trailers, and lines of code (a statement end, a brace, or mostly symbols). A pasted log full of
 * "error", "fatal" and "killed" is not the writer judging anyone.
 */
const LOG_LINE_RE =
  /^[ \t]*(?:#{1,6}[ \t]|at\s+[\w$.<>[\]/-]+\s*\(?[^\n]*:\d+|at\s+(?:async\s+)?\S+\s+\(|File\s+"[^"]*",\s+line\s+\d+|Traceback\s+\(most\s+recent|Caused\s+by:|\.\.\.\s+\d+\s+more|#\d+\s+0x[0-9a-f]|\[\s*\d+\.\d+\]|\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\[?\d\d:\d\d:\d\d[.,]\d|(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL|SEVERE|CRITICAL)\b\s*[:\]|-]|\[(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL|error|warn|warning|info|debug)\]|[EWIDVF]\/\w+.*\(\s*\d+\)|\$\s+\S|>>>\s|PS\s+[A-Z]:\\|C:\\\S*>|npm\s+(?:ERR|WARN)!|error(?:\[E\d+\])?:\s|warning:\s|@@\s+-\d|diff\s+--git|\+\+\+\s|---\s+a\/|index\s+[0-9a-f]{7,}\.\.|(?:Signed-off-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Cc|Fixes|Link|Change-Id):\s|[\w./-]+\.\w{1,5}:\d+(?::\d+)?[:\s]|\S*\/\S+:\s+line\s+\d+:|[A-Z]:\s*\d+,\s*\d+:|On\s[^\n]{5,120}\swrote:\s*$|[^\n]{0,80}<[^\s@<>]+@[^\s@<>]+>\s+(?:wrote|writes):\s*$)/i;

/** A code line opens with a closing bracket, or with a keyword and then a bracket. */
const CODE_START_RE =
  /^[ \t]*(?:[}\])]|(?:if|for|while|switch|return|def|class|function|func|fn|let|const|var|import|from|#include|#define|public|private|static|void|int|char|struct)\b[^\n]*[({=:;])/;

/** A code line ends like a statement or a block: `;`, `{`, `}`, `=>`, `*\/` (trailing blanks aside). */
function endsLikeCode(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  const c = line.charCodeAt(i);
  if (c === 59 || c === 123 || c === 125) return true;
  const two = line.slice(Math.max(0, i - 1), i + 1);
  return two === '=>' || two === '*/';
}

/** Cheap test for whether a line could be a log or code line: one of these symbols ({@link maybeLogOrCode}). */
const MAYBE_SYMBOL_RE = /[;{}()=<>[\]:$@#*\\]/;
/** …or a line that opens like a stack frame or a log line, tried (sticky) at each line start only. */
const MAYBE_START_RE = /[ \t]*(?:at|File|Traceback|Caused|\.\.\.|[EWIDVF]\/)/y;

/**
 * Whether any line of `text` could be a log or code line: what one multiline regex
 * (`/[;{}…]|^[ \t]*(?:at|File|…)/m`) answered, without trying its `^` at every position.
 */
export function maybeLogOrCode(text: string): boolean {
  if (MAYBE_SYMBOL_RE.test(text)) return true;
  MAYBE_START_RE.lastIndex = 0;
  if (MAYBE_START_RE.test(text)) return true;
  // `^` with the `m` flag: after every line terminator, `\r`, U+2028 and U+2029 too.
  LINE_BREAK_RE.lastIndex = 0;
  for (let b = LINE_BREAK_RE.exec(text); b !== null; b = LINE_BREAK_RE.exec(text)) {
    MAYBE_START_RE.lastIndex = b.index + 1;
    if (MAYBE_START_RE.test(text)) return true;
  }
  return false;
}
const LINE_BREAK_RE = /[\n\r\u2028\u2029]/g;

function symbolHeavy(line: string): boolean {
  if (line.length < 12) return false;
  let sym = 0;
  let letters = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c === 40 || c === 41 || c === 123 || c === 125 || c === 91 || c === 93 || c === 59 || c === 61 || c === 60 || c === 62 || c === 38 || c === 124 || c === 47 || c === 92) sym++;
  }
  return sym >= 4 && sym * 4 > letters;
}

function isProse(line: string): boolean {
  if (LOG_LINE_RE.test(line)) return false;
  if (symbolHeavy(line)) return false;
  // A code line has no sentence in it: "if (x) {" yes, "This is wrong; use a map." no.
  if ((endsLikeCode(line) || CODE_START_RE.test(line)) && !/\p{L}{2,}[ \t]+\p{L}{2,}[ \t]+\p{L}{2,}[ \t]+\p{L}{2,}[^;{}]*[.!?]?[ \t]*$/u.test(line.replace(/\([^()]*\)/g, ''))) return false;
  return true;
}

export function maskLines(text: string): string {
  if (!maybeLogOrCode(text)) return text;
  // One line: the test above was the line's own.
  const single = !text.includes('\n');
  // Only the lines blanked are copied: `out` holds the text up to `kept`, which a blanked line moves on.
  let out = '';
  let kept = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if ((single || maybeLogOrCode(line)) && line.trim().length > 0 && !isProse(line)) {
      out += text.slice(kept, start) + ' '.repeat(line.length);
      kept = end;
    }
    start = end + 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** A sentence ends at `.`, `!`, `?` or `…` followed by white space or the end, or at a line break. */
function isSentenceEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10 /* \n */) return true;
  if (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */) {
    const next = text.charCodeAt(i + 1);
    return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * Conventional Comments label at the start of a sentence: `nit: `, `suggestion (non-blocking): `, …
 * https://conventionalcomments.org/ — plus the common `nit` and `typo`.
 */
export const LABEL_RE =
  /^(?:praise|nitpick|nit|suggestion|issue|todo|question|thought|chore|note|typo|polish|quibble|fyi|optional|minor)(?:\s*\([^)\n]*\))?\s*:\s*/i;

/** Bullets and numbering at the start of a line. */
const BULLET_RE = /^(?:[-*+•]|\d+[.)])\s+/;

/** The longest stretch, each side of a hint, searched for the ends of its sentence. */
export const MAX_SENTENCE = 400;

export interface Span {
  start: number;
  end: number;
}

/**
 * The sentence around `offset`: from after the previous sentence end to the end of this one,
 * including its closing punctuation, without leading white space, bullets or a
 * Conventional Comments label, and without trailing white space.
 */
export function sentenceAt(text: string, offset: number): Span {
  // Text without any sentence end (a pasted log, a minified line) is cut into windows, so that
  // each hint costs at most a few hundred steps, whatever the size of the text.
  const min = Math.max(0, offset - MAX_SENTENCE);
  const max = Math.min(text.length, offset + MAX_SENTENCE);
  let start = offset;
  while (start > min && !isSentenceEnd(text, start - 1)) start--;
  let end = offset;
  while (end < max && !isSentenceEnd(text, end)) end++;
  // Include the closing run of punctuation ("?!", "...") but not a line break.
  while (end < text.length && text.charCodeAt(end) !== 10 && /[.!?\u2026]/.test(text[end] ?? '')) end++;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  for (;;) {
    const rest = text.slice(start, Math.min(end, start + 80));
    const m = BULLET_RE.exec(rest) ?? LABEL_RE.exec(rest);
    if (!m || start + m[0].length > offset) break;
    start += m[0].length;
  }
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** True when the sentence starting at `start` begins with a Conventional Comments label. */
export function hasLabelBefore(text: string, sentenceStart: number): boolean {
  let lineStart = sentenceStart;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const before = text.slice(lineStart, sentenceStart).replace(BULLET_RE, '');
  return LABEL_RE.test(before);
}
