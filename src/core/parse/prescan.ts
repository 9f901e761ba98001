/**
 * The checks on the raw text, before the YAML parser sees it: the size limit, git's merge
 * conflict markers and absurd nesting. Each stops `parse` (index.ts) early, and verify.ts runs
 * the last two on the part of the text an edit changed. Also the bidi controls (warnings).
 */
import * as l10n from '@vscode/l10n';
import { BIDI_CONTROLS } from '../escape';

/** Files larger than this many UTF-8 bytes are refused before parsing (`ParseOptions.maxBytes`). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** The UTF-8 length when it is over `max`, else undefined; exact only when it matters. */
export function utf8LengthAbove(text: string, max: number): number | undefined {
  if (text.length * 3 <= max) return undefined; // every UTF-16 unit is at most 3 UTF-8 bytes
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > max ? bytes : undefined;
}

/** The one wording of the size limit (the parse's `too-large` and the CLI's read, which stops before reading). */
export function tooLargeMessage(bytes: number, max: number): string {
  return l10n.t('The file is {0}, over the {1} limit: it is not read. Move old sessions to an archive file (e.g. .mentoring/archive-2025.yaml) to make it smaller.', formatBytes(bytes), formatBytes(max));
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return l10n.t('{0} MB', (n / (1024 * 1024)).toFixed(1));
  if (n >= 1024) return l10n.t('{0} KB', (n / 1024).toFixed(1));
  return l10n.t('{0} bytes', n);
}

/**
 * Refuse absurd nesting before the YAML parser sees it: its recursion fails near the stack's end
 * differently from run to run, and V8 can abort the whole process there. Flow collections
 * (`[[[[`) and block ones (`- - - -`, deep indentation) are bounded separately, with wide margins.
 */
export const MAX_DEPTH = 256;
const MAX_BLOCK_PREFIX = 2 * MAX_DEPTH;

export function findDeepNesting(text: string): number | undefined {
  // Character codes, not one-character strings and regular expressions: this reads every
  // character of the file before the YAML parser does.
  const n = text.length;
  let depth = 0;
  let lineStart = true;
  let prefix = 0;
  let last = NL; // the last non-blank character, to tell a flow opener from text like "see [1"
  let lineBegin = 0; // offset of the current line's first character
  let indicatorColumn = -1; // column of the line's last block indicator (`- `, `? `, `: `)
  let nodeColumn = -1; // column of the line's first character after its block prefix
  let header: BlockHeader | undefined; // the line ends in a block scalar header (`key: |`)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === NL || c === CR) {
      if (header) {
        // A block scalar's lines are text, whatever brackets they start with (a pasted log).
        const end = blockScalarEnd(text, nextLine(text, i), header);
        header = undefined;
        if (end > i + 1) i = end - 1; // the loop's i++ lands on the first line after the scalar
        else if (c === CR && text.charCodeAt(i + 1) === NL) i++;
      }
      lineStart = true;
      prefix = 0;
      last = NL;
      lineBegin = i + 1;
      indicatorColumn = -1;
      nodeColumn = -1;
      continue;
    }
    if (lineStart) {
      if (c === SPACE || c === TAB || ((c === DASH || c === QUESTION || c === COLON) && isBlankOrEnd(text, i + 1))) {
        if (++prefix > MAX_BLOCK_PREFIX) return i;
        if (c !== SPACE && c !== TAB) {
          last = c;
          indicatorColumn = i - lineBegin;
        }
        continue;
      }
      lineStart = false;
      nodeColumn = i - lineBegin;
    }
    if (c === SPACE || c === TAB) continue;
    if ((c === PIPE || c === GT) && depth === 0 && opensValue(last)) {
      const h = blockHeader(text, i);
      if (h !== undefined) {
        // The scalar's parent is the key this line starts with, or for `- |` the last indicator.
        const parent = i - lineBegin === nodeColumn ? indicatorColumn : nodeColumn;
        header = { parent, explicit: h.explicit };
        i = h.end - 1; // the comment or line end after the header is read as usual
        last = PLAIN;
        continue;
      }
    }
    if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB || text.charCodeAt(i - 1) === NL)) {
      while (i + 1 < n && text.charCodeAt(i + 1) !== NL && text.charCodeAt(i + 1) !== CR) i++;
      continue;
    }
    if ((c === DQUOTE || c === SQUOTE) && opensValue(last)) {
      // skip a quoted scalar ('' and \" are escapes inside it)
      for (i++; i < n; i++) {
        const q = text.charCodeAt(i);
        if (c === DQUOTE && q === BACKSLASH) i++;
        else if (q === c) {
          if (c === SQUOTE && text.charCodeAt(i + 1) === SQUOTE) i++;
          else break;
        }
      }
      last = c;
      continue;
    }
    if ((c === LBRACKET || c === LBRACE) && opensValue(last)) {
      if (++depth > MAX_DEPTH) return i;
      last = c;
    } else if ((c === RBRACKET || c === RBRACE) && depth > 0) {
      depth--;
      last = c;
    } else {
      last = c === COMMA || c === COLON ? c : PLAIN; // plain text: brackets after it are text too
    }
  }
  return undefined;
}

/** A block scalar header's parent indentation and its explicit indentation indicator (0: none). */
interface BlockHeader {
  parent: number;
  explicit: number;
}

/**
 * `|` or `>` at `i` with its indicators (`-`, `+`, one digit 1-9, in either order), then blanks
 * and an optional comment to the line's end: a block scalar header. `end` is after the indicators.
 */
function blockHeader(text: string, i: number): { end: number; explicit: number } | undefined {
  let j = i + 1;
  let explicit = 0;
  let chomp = false;
  for (let k = 0; k < 2; k++) {
    const c = text.charCodeAt(j);
    if ((c === DASH || c === PLUS) && !chomp) {
      chomp = true;
      j++;
    } else if (c >= DIGIT_1 && c <= DIGIT_9 && explicit === 0) {
      explicit = c - DIGIT_0;
      j++;
    }
  }
  let k = j;
  while (k < text.length && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
  if (k < text.length && text.charCodeAt(k) !== NL && text.charCodeAt(k) !== CR && !(text.charCodeAt(k) === HASH && k > j)) return undefined;
  return { end: j, explicit };
}

/** The offset after the last line of a block scalar whose content starts at `start`: YAML's own rule, by indentation. */
function blockScalarEnd(text: string, start: number, header: BlockHeader): number {
  const n = text.length;
  // Explicit: the content is indented exactly this much more than the parent; auto: as much as its first non-blank line.
  let indent = header.explicit > 0 ? header.parent + header.explicit : -1;
  if (header.explicit > 0 && header.parent < 0) indent = header.explicit - 1;
  let i = start;
  let end = start;
  while (i < n) {
    let spaces = 0;
    while (i + spaces < n && text.charCodeAt(i + spaces) === SPACE) spaces++;
    const lineEnd = lineEndAt(text, i + spaces);
    const blank = lineEnd === i + spaces;
    if (!blank) {
      if (indent < 0) {
        // Not indented more than its parent: the scalar is empty and this line is YAML again.
        if (spaces <= header.parent) return end;
        indent = spaces;
      }
      if (spaces < indent) return end;
    }
    i = nextLine(text, lineEnd);
    if (!blank) end = i;
    else if (indent >= 0) end = i; // blank lines inside the scalar; trailing ones are harmless either way
  }
  return end;
}

/** The offset of the line break (or the text's end) at or after `i`. */
function lineEndAt(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) !== NL && text.charCodeAt(j) !== CR) j++;
  return j;
}

/** The offset of the line after the line break at `i` (`\r\n` counts as one). */
function nextLine(text: string, i: number): number {
  if (i >= text.length) return i;
  return text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === NL ? i + 2 : i + 1;
}

const NL = 10;
const PIPE = 124;
const GT = 62;
const PLUS = 43;
const DIGIT_0 = 48;
const DIGIT_1 = 49;
const DIGIT_9 = 57;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const DASH = 45;
const QUESTION = 63;
const COLON = 58;
const COMMA = 44;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const PLAIN = 97; // 'a', any plain character

/** A space, tab or line break at `i`, or the end of the text. */
function isBlankOrEnd(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === SPACE || c === TAB || c === NL || c === CR;
}

/** After these a bracket or quote starts a value: a line start, `:`, `,`, `[`, `{`, `-`, `?`. */
function opensValue(last: number): boolean {
  return last === NL || last === COLON || last === COMMA || last === LBRACKET || last === LBRACE || last === DASH || last === QUESTION;
}

/** The bidi controls (Trojan Source, CVE-2021-42574) by code point, with their Unicode names. */
const BIDI_NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK', // l10n-exempt: a Unicode character name
  0x200e: 'LEFT-TO-RIGHT MARK', // l10n-exempt: a Unicode character name
  0x200f: 'RIGHT-TO-LEFT MARK', // l10n-exempt: a Unicode character name
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', // l10n-exempt: a Unicode character name
  0x202b: 'RIGHT-TO-LEFT EMBEDDING', // l10n-exempt: a Unicode character name
  0x202c: 'POP DIRECTIONAL FORMATTING', // l10n-exempt: a Unicode character name
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', // l10n-exempt: a Unicode character name
  0x202e: 'RIGHT-TO-LEFT OVERRIDE', // l10n-exempt: a Unicode character name
  0x2066: 'LEFT-TO-RIGHT ISOLATE', // l10n-exempt: a Unicode character name
  0x2067: 'RIGHT-TO-LEFT ISOLATE', // l10n-exempt: a Unicode character name
  0x2068: 'FIRST STRONG ISOLATE', // l10n-exempt: a Unicode character name
  0x2069: 'POP DIRECTIONAL ISOLATE', // l10n-exempt: a Unicode character name
};

/** At most this many bidi controls are reported one by one; the last report says how many more. */
export const MAX_BIDI_REPORTS = 20;

/**
 * Where the text holds bidi control characters: they make text show in another order than it
 * is stored (a reviewer reads one thing, the file says another). `more` counts those not listed.
 */
export function findBidiControls(text: string): { found: { offset: number; code: number; name: string }[]; more: number } {
  const found: { offset: number; code: number; name: string }[] = [];
  let more = 0;
  for (const m of text.matchAll(BIDI_CONTROLS)) {
    if (found.length >= MAX_BIDI_REPORTS) {
      more++;
      continue;
    }
    const code = m[0].charCodeAt(0);
    found.push({ offset: m.index, code, name: BIDI_NAMES[code] ?? 'BIDI CONTROL' }); // l10n-exempt: a Unicode name
  }
  return { found, more };
}

/** Git's conflict markers: at the start of a line, seven characters, then a space or the line's end. */
const CONFLICT = /^(?:<{7}|\|{7}|>{7})(?: [^\r\n]*)?$|^={7}$/m;

export function findConflictMarker(text: string): { offset: number; length: number; marker: string } | undefined {
  const m = CONFLICT.exec(text);
  if (!m) return undefined;
  return { offset: m.index, length: m[0].length, marker: m[0].slice(0, 7) };
}
