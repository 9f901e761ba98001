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
 * Tried only where one of these regions can start ({@link SKIP_START_RE}), as a sticky regex,
 * so that plain prose costs one quick scan.
 */
const SKIP_RE = new RegExp(
  [
    // Fenced blocks; an unclosed fence runs to the end of the text, as Markdown renders it.
    '(?<=^[ \\t]*)```[^\\n]*(?:\\n[\\s\\S]*?(?:\\n[ \\t]*```[ \\t]*(?=\\n|$)|$(?![\\s\\S]))|$(?![\\s\\S]))',
    '(?<=^[ \\t]*)~~~[^\\n]*(?:\\n[\\s\\S]*?(?:\\n[ \\t]*~~~[ \\t]*(?=\\n|$)|$(?![\\s\\S]))|$(?![\\s\\S]))',
    // Inline code: double backticks may contain single ones.
    '``[^\\n]*?``',
    '`[^`\\n]*`',
    // Quote lines (what the author wrote, quoted back).
    '(?<=^[ \\t]*)>[^\\n]*',
    // URLs.
    '\\b(?:https?|ftp|file)://[^\\s<>"`]+',
    '\\bwww\\.[^\\s<>"`]+',
    // Quoted text.
    '"[^"\\n]*"',
    '\u201c[^\u201d\\n]*\u201d',
    "(?<![\\p{L}\\p{N}])'[^'\\n]{1,120}'(?![\\p{L}\\p{N}])",
    '(?<![\\p{L}\\p{N}])\u2018[^\u2019\\n]{1,120}\u2019(?![\\p{L}\\p{N}])',
  ].join('|'),
  'muy',
);

/** Where a skipped region can start. */
const SKIP_START_RE = /[`~>"'\u201c\u2018]|\b(?:https?|ftp|file):\/\/|\bwww\./g;

/**
 * Returns `text` with every skipped region replaced by spaces (newlines kept), so that offsets
 * stay valid and patterns cannot match inside code, quotes or URLs.
 */
export function maskSkipped(text: string): string {
  let out = '';
  let last = 0;
  SKIP_START_RE.lastIndex = 0;
  for (let c = SKIP_START_RE.exec(text); c !== null; c = SKIP_START_RE.exec(text)) {
    SKIP_RE.lastIndex = c.index;
    const m = SKIP_RE.exec(text);
    if (m === null || m[0].length === 0) continue;
    out += text.slice(last, m.index) + m[0].replace(/[^\n]/g, ' ');
    last = m.index + m[0].length;
    SKIP_START_RE.lastIndex = last;
  }
  return last === 0 ? text : out + text.slice(last);
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
