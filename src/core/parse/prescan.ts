/**
 * The checks on the raw text, before the YAML parser sees it: the size limit, git's merge
 * conflict markers and absurd nesting. Each stops `parse` (index.ts) early, and verify.ts runs
 * the last two on the part of the text an edit changed.
 */

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
  return `The file is ${formatBytes(bytes)}, over the ${formatBytes(max)} limit: it is not read. Move old sessions to an archive file (e.g. .mentoring/archive-2025.yaml) to make it smaller.`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
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
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === NL || c === CR) {
      lineStart = true;
      prefix = 0;
      last = NL;
      continue;
    }
    if (lineStart) {
      if (c === SPACE || c === TAB || ((c === DASH || c === QUESTION || c === COLON) && isBlankOrEnd(text, i + 1))) {
        if (++prefix > MAX_BLOCK_PREFIX) return i;
        if (c !== SPACE && c !== TAB) last = c;
        continue;
      }
      lineStart = false;
    }
    if (c === SPACE || c === TAB) continue;
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

const NL = 10;
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

/** Git's conflict markers: at the start of a line, seven characters, then a space or the line's end. */
const CONFLICT = /^(?:<{7}|\|{7}|>{7})(?: [^\r\n]*)?$|^={7}$/m;

export function findConflictMarker(text: string): { offset: number; length: number; marker: string } | undefined {
  const m = CONFLICT.exec(text);
  if (!m) return undefined;
  return { offset: m.index, length: m[0].length, marker: m[0].slice(0, 7) };
}
