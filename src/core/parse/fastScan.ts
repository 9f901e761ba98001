/**
 * The fast reader: the block YAML a mentoring file is written in, read straight into plain data
 * and the positions diagnostics need (fastTree.ts), about an order of magnitude faster than
 * yaml's lossless Document, which only edits need (index.ts builds that one when it is asked for).
 *
 * It reads a subset and gives way (`undefined`: the caller runs yaml) on anything outside it or
 * anything it is not certain yaml reads the same and without an error or a warning:
 *   read: block mappings and lists (lists also at their key's indentation), plain scalars on one
 *   line (resolved by YAML 1.2's core schema as yaml does: null, booleans, ints, floats),
 *   single- and double-quoted scalars on one line, `|` and `>` block scalars (clipped, or
 *   stripped with `-`), one-line flow lists and mappings (nested too), comments, LF and CRLF line
 *   ends, a leading byte order mark;
 *   given way on: a tab, a CR without its LF, a byte order mark further in, a control character, an anchor, an alias, a tag,
 *   a directive or document marker, an explicit (`?`) or non-string or over-long key, two keys
 *   of one text in a mapping, a multi-line plain or quoted scalar, an empty or `+`-kept or
 *   explicitly indented block scalar, a whitespace-only line with more spaces than its indentation inside one, a folded line indented
 *   more, a flow collection across lines or with an empty entry, an empty list item, a compact
 *   nested list (`- - a`), a root that is not a block mapping at column 0, odd indentation, a
 *   value that yaml would call an error (`a: b: c`, `title: Note:`), nesting past 64 levels.
 * Every step moves forward through the text, so it is linear; a give-up costs at most one scan.
 * Proven equal to the yaml path by test/unit/core/parse/fastScan.test.ts (same data, same
 * ranges, same diagnostics) on the fixtures and on generated, randomly edited files.
 */
import { MAP, SCALAR, SEQ, type FastMap, type FastNode, type FastSeq, type FastTree } from './fastTree';

export interface FastRead extends FastTree {
  readonly data: Record<string, unknown>;
}

/** Thrown when the text leaves the subset: one shared Error, so no stack trace is built per give-way. */
const GIVE_WAY = new Error('outside the fast reader’s subset'); // l10n-exempt: a signal, caught in this module

const MAX_DEPTH = 64;
/** yaml refuses implicit keys longer than 1024 characters; well below that, to be sure. */
const MAX_KEY = 1000;

/** The file's data and positions, or undefined when yaml must read it. Never throws. */
export function fastRead(text: string): FastRead | undefined {
  if (!plainCharacters(text)) return undefined;
  try {
    const s = new Scanner(text);
    const root = s.root();
    return { data: s.value as Record<string, unknown>, fastRoot: root };
  } catch (signal) {
    if (signal === GIVE_WAY) return undefined;
    throw signal;
  }
}

/** No tab, CR outside a CRLF, byte order mark after the first character, control, or C1 or non-character code unit. */
function plainCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== NL && !(c === CR && text.charCodeAt(i + 1) === NL)) return false;
    } else if (c >= 0x7f && (c <= 0x9f || (c === 0xfeff && i > 0) || c >= 0xfffe || c === 0x2028 || c === 0x2029)) return false;
  }
  return true;
}

function giveWay(): never {
  throw GIVE_WAY;
}

class Scanner {
  private pos = 0;
  private depth = 0;
  /** The plain value of the node the last parse method read. */
  value: unknown;
  private readonly n: number;

  constructor(private readonly t: string) {
    this.n = t.length;
  }

  root(): FastMap {
    if (this.t.charCodeAt(0) === 0xfeff) this.pos = 1; // yaml skips a byte order mark; offsets still count it
    const indent = this.nextLine();
    if (indent !== 0) giveWay();
    const map = this.map(0, this.pos);
    if (this.nextLine() !== -1) giveWay();
    return map;
  }

  /**
   * From a line start, past blank and comment lines to the next line with content: its
   * indentation (`pos` at its start), or -1 at the end of the text.
   */
  private nextLine(): number {
    const t = this.t;
    let p = this.pos;
    for (;;) {
      let i = p;
      while (t.charCodeAt(i) === SP) i++;
      if (i >= this.n) {
        this.pos = this.n;
        return -1;
      }
      const c = t.charCodeAt(i);
      if (c === NL || c === CR || c === HASH) {
        p = this.lineAfter(i);
        continue;
      }
      if (i === p && (c === DASH || c === DOT) && (t.startsWith('---', i) || t.startsWith('...', i))) giveWay();
      this.pos = p;
      return i - p;
    }
  }

  /** The start of the line after the one holding `i` (the text's end on the last line); a CR is always followed by its LF here. */
  private lineAfter(i: number): number {
    const e = this.t.indexOf('\n', i);
    return e < 0 ? this.n : e + 1;
  }

  /** A block mapping whose keys sit at column `indent`, the first at `at` (a line's start + indent, or after a `- `). */
  private map(indent: number, at: number): FastMap {
    if (++this.depth > MAX_DEPTH) giveWay();
    const map: FastMap = { kind: MAP, start: at, end: at, keys: new Map(), first: undefined };
    const obj: Record<string, unknown> = {};
    let keyAt = at;
    for (;;) {
      const key = this.key(keyAt);
      const name = this.value as string;
      if (map.keys.has(name)) giveWay();
      const value = this.mapValue(indent);
      const entry = { keyStart: keyAt, keyEnd: key, value };
      map.keys.set(name, entry);
      map.first ??= entry;
      if (name === '__proto__') Object.defineProperty(obj, name, { value: this.value, writable: true, enumerable: true, configurable: true });
      else obj[name] = this.value;
      const m = this.nextLine();
      if (m < indent) break;
      if (m > indent) giveWay();
      keyAt = this.pos + m;
      if (this.isDash(keyAt)) giveWay();
    }
    map.end = this.pos;
    this.depth--;
    this.value = obj;
    return map;
  }

  /** A `-` that starts a plain scalar (`-5`, `-x`): followed by a character that is no space, line end or flow indicator. */
  private dashStartsPlain(i: number): boolean {
    if (this.t.charCodeAt(i) !== DASH || i + 1 >= this.n) return false;
    const c = this.t.charCodeAt(i + 1);
    return c !== SP && c !== NL && c !== CR && FLOW[c] !== 1;
  }

  /** `-` followed by a space, a line end or the text's end. */
  private isDash(i: number): boolean {
    if (this.t.charCodeAt(i) !== DASH) return false;
    const c = this.t.charCodeAt(i + 1);
    return c === SP || c === NL || c === CR || i + 1 >= this.n;
  }

  /**
   * The key at `at` and its colon: its name in `value`, the end of its text returned, `pos`
   * after the colon.
   */
  private key(at: number): number {
    const t = this.t;
    const c = t.charCodeAt(at);
    let end: number;
    let i: number;
    if (c === DQUOTE || c === SQUOTE) {
      end = this.quoted(at);
      i = end;
      while (t.charCodeAt(i) === SP) i++;
      if (t.charCodeAt(i) !== COLON) giveWay();
    } else {
      if (INDICATOR[c] === 1 && !this.dashStartsPlain(at)) giveWay();
      i = at;
      for (;;) {
        const d = t.charCodeAt(i);
        if (i >= this.n || d === NL || d === CR) giveWay();
        if (d === COLON) {
          const e = t.charCodeAt(i + 1);
          if (e === SP || e === NL || e === CR || i + 1 >= this.n) break;
        } else if (d === HASH && t.charCodeAt(i - 1) === SP) giveWay();
        else if (FLOW[d] === 1) giveWay();
        i++;
      }
      end = i;
      while (t.charCodeAt(end - 1) === SP) end--;
      this.value = resolvePlain(t.slice(at, end));
    }
    if (typeof this.value !== 'string' || end - at > MAX_KEY) giveWay();
    const e = t.charCodeAt(i + 1);
    if (!(e === SP || e === NL || e === CR || i + 1 >= this.n)) giveWay();
    this.pos = i + 1;
    return end;
  }

  /** The value after a block mapping's key (`pos` after the colon); `pos` ends at a line start. */
  private mapValue(indent: number): FastNode {
    const t = this.t;
    let i = this.pos;
    while (t.charCodeAt(i) === SP) i++;
    const c = t.charCodeAt(i);
    if (i >= this.n || c === NL || c === CR || (c === HASH && i > this.pos)) {
      const at = this.pos;
      this.pos = this.lineAfter(i);
      const m = this.nextLine();
      if (m > indent) return this.block(m);
      if (m === indent && this.isDash(this.pos + m)) return this.seq(m);
      this.value = null;
      return { kind: SCALAR, start: at, end: at };
    }
    return this.inlineValue(i, indent);
  }

  /** A block list or mapping whose line (at `pos`) is indented `m`. */
  private block(m: number): FastNode {
    const at = this.pos + m;
    return this.isDash(at) ? this.seq(m) : this.map(m, at);
  }

  /** A block list whose dashes sit at column `indent` (`pos` at the first one's line start). */
  private seq(indent: number): FastSeq {
    if (++this.depth > MAX_DEPTH) giveWay();
    const t = this.t;
    const seq: FastSeq = { kind: SEQ, start: this.pos + indent, end: 0, items: [] };
    const arr: unknown[] = [];
    for (;;) {
      const lineStart = this.pos;
      const dash = lineStart + indent;
      let i = dash + 1;
      while (t.charCodeAt(i) === SP) i++;
      const c = t.charCodeAt(i);
      // An empty item (its range is a point yaml places by rules of its own), or a compact nested list.
      if (i >= this.n || c === NL || c === CR || c === HASH || this.isDash(i)) giveWay();
      const item = this.looksLikeKey(i) ? this.map(i - lineStart, i) : this.inlineValue(i, indent);
      seq.items.push(item);
      arr.push(this.value);
      const m = this.nextLine();
      if (m < indent) break;
      if (m > indent) giveWay();
      if (!this.isDash(this.pos + m)) break; // the mapping holding this list at its own indentation goes on
    }
    seq.end = this.pos;
    this.depth--;
    this.value = arr;
    return seq;
  }

  /** Whether the line from `i` is a key and its colon (a list item that starts a mapping). */
  private looksLikeKey(i: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(i);
    let j = i;
    if (c === LBRACKET || c === LBRACE) return false; // a flow collection (as a key, it is left to yaml by restOfLine)
    if (c === DQUOTE || c === SQUOTE) {
      j = closingQuote(t, i);
      if (j < 0) return false;
      while (t.charCodeAt(j) === SP) j++;
      if (t.charCodeAt(j) !== COLON) return false;
      const e = t.charCodeAt(j + 1);
      return e === SP || e === NL || e === CR || j + 1 >= this.n;
    }
    for (; j < this.n; j++) {
      const d = t.charCodeAt(j);
      if (d === NL || d === CR) return false;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (e === SP || e === NL || e === CR || j + 1 >= this.n) return true;
      } else if (d === HASH && t.charCodeAt(j - 1) === SP) return false;
    }
    return false;
  }

  /**
   * A value that starts on this line at `i` (after `key: ` or `- `): a block scalar, a quoted or
   * plain scalar, or a one-line flow collection. `indent` is its parent's. `pos` ends at the next line's start.
   */
  private inlineValue(i: number, indent: number): FastNode {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === PIPE || c === GT) return this.blockScalar(i, indent);
    if (c === LBRACKET || c === LBRACE) {
      const flow = c === LBRACKET ? this.flowSeq(i) : this.flowMap(i);
      this.restOfLine(flow.end);
      return flow;
    }
    let end: number;
    if (c === DQUOTE || c === SQUOTE) end = this.quoted(i);
    else {
      if (INDICATOR[c] === 1 && !this.dashStartsPlain(i)) giveWay();
      // A plain scalar: to a comment or the line's end; `: ` or a closing `:` is yaml's error.
      let j = i;
      for (; j < this.n; j++) {
        const d = t.charCodeAt(j);
        if (d === NL || d === CR) break;
        if (d === COLON) {
          const e = t.charCodeAt(j + 1);
          if (e === SP || e === NL || e === CR || j + 1 >= this.n) giveWay();
        } else if (d === HASH && t.charCodeAt(j - 1) === SP) break;
      }
      end = j;
      while (t.charCodeAt(end - 1) === SP) end--;
      this.value = resolvePlain(t.slice(i, end));
      this.pos = this.lineAfter(j);
      return { kind: SCALAR, start: i, end };
    }
    this.restOfLine(end);
    return { kind: SCALAR, start: i, end };
  }

  /** After a value ending at `i`: only spaces and a comment may follow on its line. */
  private restOfLine(i: number): void {
    const t = this.t;
    let j = i;
    while (t.charCodeAt(j) === SP) j++;
    const c = t.charCodeAt(j);
    if (!(j >= this.n || c === NL || c === CR || (c === HASH && j > i))) giveWay();
    this.pos = this.lineAfter(j);
  }

  /** A one-line quoted scalar at `i`: its value in `value`, the offset after its closing quote returned. */
  private quoted(i: number): number {
    const t = this.t;
    const q = t.charCodeAt(i);
    let out = '';
    let from = i + 1;
    let j = i + 1;
    for (;;) {
      if (j >= this.n) giveWay();
      const c = t.charCodeAt(j);
      if (c === NL || c === CR) giveWay();
      if (c === q) {
        if (q === SQUOTE && t.charCodeAt(j + 1) === SQUOTE) {
          out += t.slice(from, j + 1);
          j += 2;
          from = j;
          continue;
        }
        break;
      }
      if (c === BACKSLASH && q === DQUOTE) {
        out += t.slice(from, j);
        const e = t[j + 1] ?? '';
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          j += 2;
        } else {
          const length = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
          const hex = t.substr(j + 2, length);
          if (length === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) giveWay();
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) giveWay();
          out += String.fromCodePoint(code);
          j += 2 + length;
        }
        from = j;
        continue;
      }
      j++;
    }
    this.value = out + t.slice(from, j);
    return j + 1;
  }

  /** A `[...]` on one line at `i`, its `end` after the `]`. */
  private flowSeq(i: number): FastSeq {
    const t = this.t;
    const seq: FastSeq = { kind: SEQ, start: i, end: i, items: [] };
    const arr: unknown[] = [];
    let j = this.skipSpaces(i + 1);
    if (t.charCodeAt(j) !== RBRACKET) {
      for (;;) {
        const item = this.flowValue(j);
        j = item.end;
        seq.items.push(item);
        arr.push(this.value);
        j = this.skipSpaces(j);
        const c = t.charCodeAt(j);
        if (c === RBRACKET) break;
        if (c !== COMMA) giveWay();
        j = this.skipSpaces(j + 1);
        if (t.charCodeAt(j) === RBRACKET) giveWay(); // a trailing comma
      }
    }
    seq.end = j + 1;
    this.value = arr;
    return seq;
  }

  /** A `{...}` on one line at `i`, every entry `key: value`, its `end` after the `}`. */
  private flowMap(i: number): FastMap {
    const t = this.t;
    const map: FastMap = { kind: MAP, start: i, end: i, keys: new Map(), first: undefined };
    const obj: Record<string, unknown> = {};
    let j = this.skipSpaces(i + 1);
    if (t.charCodeAt(j) !== RBRACE) {
      for (;;) {
        const keyStart = j;
        j = this.flowScalar(j);
        const keyEnd = j;
        const name = this.value;
        if (typeof name !== 'string' || map.keys.has(name) || name === '__proto__' || keyEnd - keyStart > MAX_KEY) giveWay();
        if (t.charCodeAt(j) !== COLON || t.charCodeAt(j + 1) !== SP) giveWay();
        j = this.skipSpaces(j + 1);
        const c = t.charCodeAt(j);
        if (c === COMMA || c === RBRACE) giveWay(); // an empty value
        const value = this.flowValue(j);
        j = value.end;
        const entry = { keyStart, keyEnd, value };
        map.keys.set(name, entry);
        map.first ??= entry;
        obj[name] = this.value;
        j = this.skipSpaces(j);
        const d = t.charCodeAt(j);
        if (d === RBRACE) break;
        if (d !== COMMA) giveWay();
        j = this.skipSpaces(j + 1);
        if (t.charCodeAt(j) === RBRACE) giveWay();
      }
    }
    map.end = j + 1;
    this.value = obj;
    return map;
  }

  /** A value inside a flow collection at `i`: a scalar, or a collection nested in it (`[{ a: 1 }]`). */
  private flowValue(i: number): FastNode {
    const c = this.t.charCodeAt(i);
    if (c === LBRACKET || c === LBRACE) {
      if (++this.depth > MAX_DEPTH) giveWay();
      const node = c === LBRACKET ? this.flowSeq(i) : this.flowMap(i);
      this.depth--;
      return node;
    }
    return { kind: SCALAR, start: i, end: this.flowScalar(i) };
  }

  private skipSpaces(i: number): number {
    let j = i;
    while (this.t.charCodeAt(j) === SP) j++;
    return j;
  }

  /**
   * A scalar inside a flow collection at `i` (quoted, or plain up to `,`, a bracket, `: ` or the
   * line's end): the offset after it. A comment or a line break inside the collection is left to yaml.
   */
  private flowScalar(i: number): number {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(i);
    if ((INDICATOR[c] === 1 && !this.dashStartsPlain(i)) || i >= this.n || c === NL || c === CR) giveWay();
    let j = i;
    for (; j < this.n; j++) {
      const d = t.charCodeAt(j);
      if (d === NL || d === CR || FLOW[d] === 1) break;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (e === SP || e === NL || e === CR || j + 1 >= this.n || FLOW[e] === 1) break;
      } else if (d === HASH && t.charCodeAt(j - 1) === SP) giveWay();
    }
    let end = j;
    while (t.charCodeAt(end - 1) === SP) end--;
    this.value = resolvePlain(t.slice(i, end));
    return end;
  }

  /** A `|` or `>` block scalar whose header is at `h`; `parent` is the indentation of what holds it. */
  private blockScalar(h: number, parent: number): FastNode {
    const t = this.t;
    const folded = t.charCodeAt(h) === GT;
    let i = h + 1;
    let strip = false;
    if (t.charCodeAt(i) === DASH) {
      strip = true;
      i++;
    }
    this.restOfLine(i); // `+`, an indentation digit or text after the header: left to yaml
    const lines: string[] = [];
    let indent = -1;
    let leading = 0; // the most spaces of an empty line before the first content line
    let lastContent = -1;
    let p = this.pos;
    while (p < this.n) {
      const nl = t.indexOf('\n', p);
      const next = nl < 0 ? this.n : nl + 1;
      const e = nl < 0 ? this.n : nl > p && t.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      let s = p;
      while (s < e && t.charCodeAt(s) === SP) s++;
      if (s === e) {
        // An empty line: within the scalar whatever its spaces, but spaces beyond its indentation
        // are content whose handling differs between parsers: left to yaml.
        if (indent < 0) leading = Math.max(leading, s - p);
        else if (s - p > indent) giveWay();
        lines.push('');
        p = next;
        continue;
      }
      if (indent < 0) {
        if (s - p <= parent || leading > s - p) giveWay(); // an empty scalar, or more-indented empty lines first
        indent = s - p;
      } else if (s - p < indent) break;
      const line = t.slice(p + indent, e);
      if (folded && s - p > indent) giveWay(); // a more-indented line keeps its breaks when folded
      lines.push(line);
      lastContent = lines.length - 1;
      p = next;
    }
    if (lastContent < 0) giveWay();
    // The scalar's lines are taken; the line that ended it is read as YAML again.
    const body = lines.slice(0, lastContent + 1);
    let value: string;
    if (folded) {
      value = '';
      let blanks = 0;
      let started = false;
      for (const line of body) {
        if (line === '') {
          blanks++;
          continue;
        }
        if (!started) value += '\n'.repeat(blanks);
        else value += blanks === 0 ? ' ' : '\n'.repeat(blanks);
        value += line;
        blanks = 0;
        started = true;
      }
    } else value = body.join('\n');
    this.value = strip ? value : `${value}\n`;
    // Trailing empty lines were taken with the scalar: `pos` goes back to the first line it did not take.
    this.pos = p;
    return { kind: SCALAR, start: h, end: p };
  }

}

/** The offset after the quote closing the one at `i` on its line, or -1. */
function closingQuote(t: string, i: number): number {
  const q = t.charCodeAt(i);
  for (let j = i + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === NL || c === CR) return -1;
    if (q === DQUOTE && c === BACKSLASH) j++;
    else if (c === q) {
      if (q === SQUOTE && t.charCodeAt(j + 1) === SQUOTE) j++;
      else return j + 1;
    }
  }
  return -1;
}

/**
 * A plain scalar's value by YAML 1.2's core schema, in the order yaml's core schema tries its
 * tags (null, bool, int in base 8, 10, 16, then the floats), with the same conversions.
 */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most plain values are words: only these first characters can start a null, a bool or a number.
  if (!(c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || c === 0x2b || c === 0x2d || c === DOT || (c >= 0x30 && c <= 0x39)) && s !== '') return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

const NL = 10;
const CR = 13;
const SP = 32;
const HASH = 35;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const COMMA = 44;
const PIPE = 124;
const GT = 62;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** Characters a plain scalar or key may not start with here (YAML's indicators; `-`, `?`, `:` too, though `-1` could). */
const INDICATOR = new Uint8Array(128);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[ch.charCodeAt(0)] = 1;
/** The flow indicators. */
const FLOW = new Uint8Array(128);
for (const ch of ',[]{}') FLOW[ch.charCodeAt(0)] = 1;
