/**
 * `parse(text)`: a `.mentoring.yaml` text → the validated model, the YAML document (for lossless
 * edits and positions) and diagnostics with exact positions. It never throws, on any input.
 *
 * The stages, each stopping the ones after it when it fails, because later stages would only
 * report noise about a file they cannot read:
 *   size (before any parsing) → merge-conflict markers → absurd nesting → YAML (syntax,
 *   duplicate keys) → empty file / root shape → plain data (one pass that also finds unknown
 *   keys; files with aliases go through yaml's toJS and its alias budget, which stops alias
 *   bombs) → zod schema → ids and references → agreement checks (warnings, `checks.ts`).
 * Unknown keys never stop anything: they are kept and reported as info. Ids and references are
 * checked on the plain data even when the schema fails, so one pass shows every error.
 *
 * Codes: errors `too-large`, `merge-conflict`, `too-deep`, `yaml-syntax`, `duplicate-key`,
 * `empty-file`, `root-not-mapping`, `alias-bomb`, `schema`, `duplicate-id`, `unknown-goal`,
 * `unknown-session`, `unknown-task`, `internal`; warnings `yaml-warning` and those of
 * `checks.ts`; info `unknown-key`.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { z } from 'zod';
import { runChecks } from '../checks';
import type { Finding } from '../checks';
import type { Diagnostic, Severity } from '../diagnostics';
import { sortDiagnostics } from '../diagnostics';
import { MentoringFile } from '../schema';

export interface ParseOptions {
  /** The clock for agreement checks; default `new Date()`. */
  now?: Date;
  /** Files larger than this many UTF-8 bytes are refused before parsing; default 5 MB. */
  maxBytes?: number;
  /** Run the agreement checks (warnings); default true. */
  checks?: boolean;
}

export interface ParseResult {
  /** No diagnostic of severity 'error'. */
  ok: boolean;
  /**
   * Set when the zod schema accepted the file (cross-reference errors may still exist).
   * Deep-frozen and shared with every other parse of the same text: copy it to change it.
   */
  model?: MentoringFile;
  /** The yaml Document when the YAML itself could be read (for edits and positions). Shared like `model`: read it, never change it. */
  doc?: Document.Parsed;
  /** Sorted by position. */
  diagnostics: Diagnostic[];
}

export type Path = readonly (string | number)[];

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Expanded alias nodes allowed before a file counts as an alias bomb (yaml's own default). */
const MAX_ALIAS_COUNT = 100;
/** Schema problems listed before the rest are summed up in one line (a file of 2,000 broken items is one mistake, repeated). */
const MAX_SCHEMA_DIAGNOSTICS = 200;

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  return parseInto(text, options).result;
}

/**
 * `parse`, also handing back the plain data the schema was checked on, when the file has no
 * aliases (for {@link editLeavesNoError}). For edit.ts; others use `parse`.
 */
export function parseForEdit(text: string, options: ParseOptions = {}): { result: ParseResult; data?: AliasFreeData } {
  const { result, data } = parseInto(text, options);
  return data === undefined ? { result } : { result, data };
}

/** The plain data of a file without aliases, as the schema saw it (never handed to the schema's transforms). */
export interface AliasFreeData {
  readonly plain: Record<string, unknown>;
}

/**
 * What a parse finds before the agreement checks: everything that depends on the text alone
 * (the size limit and the checks' clock are applied per call, on top).
 */
interface TextParse {
  readonly text: string;
  /** In the order found, not sorted; never handed out (callers get copies). */
  readonly diagnostics: readonly Diagnostic[];
  readonly doc?: Document.Parsed;
  readonly model?: MentoringFile;
  readonly data?: AliasFreeData;
  readonly locator?: Locator;
}

/**
 * The last text parsed, and what was found in it. The editor parses each text for diagnostics
 * and the sidebar, then a click edits that very text: the edit reuses this instead of parsing
 * a large file again. One entry only (the Document of a large file is tens of MB); compared by
 * content (`===`), so an equal text from another source still hits.
 *
 * Everything in it is shared by every caller that parses that text, so it must never change:
 * the model and the plain data are deep-frozen, the Document is only read (yamlEdit.ts and
 * parse.ts locate nodes, they never set them), and diagnostics are copied per call.
 */
let lastParse: TextParse | undefined;

/** Forget the last parse (tests and benchmarks that need a cold parse). */
export function clearParseCache(): void {
  lastParse = undefined;
}

function parseInto(text: string, options: ParseOptions): { result: ParseResult; data?: AliasFreeData } {
  const source = typeof text === 'string' ? text : '';
  try {
    return parseUnsafe(source, options);
  } catch (err) {
    // A bug of ours or of a library must not take the editor or the CLI down with it.
    const lines = new LineIndex(source);
    const message = err instanceof Error ? err.message : String(err);
    return {
      result: {
        ok: false,
        diagnostics: [
          lines.diagnostic('error', 'internal', `The file could not be checked (${message}). Please report this with the file attached.`, 0, 0),
        ],
      },
    };
  }
}

function parseUnsafe(text: string, options: ParseOptions): { result: ParseResult; data?: AliasFreeData } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  const bytes = utf8LengthAbove(text, maxBytes);
  if (bytes !== undefined) {
    // Not even the line index is built for a file this large: the error sits on line 1.
    const firstLine = new LineIndex(text.slice(0, lineEndOf(text, 0)));
    return { result: fail(firstLine.diagnostic('error', 'too-large',
      `The file is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit: it is not read. Move old sessions to an archive file (e.g. .mentoring/archive-2025.yaml) to make it smaller.`,
      0, firstLine.text.length, undefined, { bytes, limit: maxBytes })) };
  }

  let parsed = lastParse;
  if (parsed?.text !== text) {
    parsed = parseText(text);
    lastParse = parsed;
  }

  const diagnostics = parsed.diagnostics.map(copyDiagnostic);
  const { model, locator } = parsed;
  if (model && locator && options.checks !== false) {
    for (const finding of runChecks(model, { now: options.now ?? new Date() })) {
      diagnostics.push(locator.finding(finding));
    }
  }
  sortDiagnostics(diagnostics);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  const result: ParseResult = parsed.doc === undefined ? { ok, diagnostics } : model ? { ok, model, doc: parsed.doc, diagnostics } : { ok, doc: parsed.doc, diagnostics };
  return parsed.data === undefined ? { result } : { result, data: parsed.data };
}

/** Every stage but the size limit and the agreement checks: what depends on the text alone. */
function parseText(text: string): TextParse {
  const lines = new LineIndex(text);

  const conflict = findConflictMarker(text);
  if (conflict) {
    const line = lines.positionAt(conflict.offset).line;
    return { text, diagnostics: [lines.diagnostic('error', 'merge-conflict',
      `Unresolved git merge conflict: marker \`${conflict.marker}\` on line ${line}. Keep the lines you want from both sides, delete the \`<<<<<<<\`, \`=======\` and \`>>>>>>>\` lines, then save.`,
      conflict.offset, conflict.offset + conflict.length, undefined, { marker: conflict.marker })] };
  }

  const deep = findDeepNesting(text);
  if (deep !== undefined) {
    return { text, diagnostics: [lines.diagnostic('error', 'too-deep',
      `The YAML is nested more than ${MAX_DEPTH} levels deep here; a mentoring file needs fewer than ten. Remove the extra brackets or indentation.`,
      deep, lines.lineEnd(deep))] };
  }

  // logLevel 'error': yaml's warnings become diagnostics here, never process warnings on stderr.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  const diagnostics: Diagnostic[] = [];
  const errorAt = new Set<number>();
  for (const e of doc.errors) {
    // yaml often reports one mistake twice at one place (e.g. an unclosed quote and its collection): keep the first.
    if (errorAt.has(e.pos[0])) continue;
    errorAt.add(e.pos[0]);
    diagnostics.push(yamlErrorDiagnostic(lines, doc, text, e.code, e.message, e.pos, 'error'));
  }
  for (const w of doc.warnings) diagnostics.push(yamlErrorDiagnostic(lines, doc, text, w.code, w.message, w.pos, 'warning'));
  if (doc.errors.length > 0) return { text, diagnostics, doc };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && root.range[0] === root.range[1])) {
    diagnostics.push(lines.diagnostic('error', 'empty-file',
      'The mentoring file is empty: run `mentoring init` (or the command "Mentoring: Set Up an Agreement") to write a commented starter file.',
      0, lines.lineEnd(0)));
    return { text, diagnostics, doc };
  }
  if (!isMap(root)) {
    const kind = isSeq(root) ? 'a list' : isAlias(root) ? 'an alias' : 'a single value';
    const start = root.range[0];
    diagnostics.push(lines.diagnostic('error', 'root-not-mapping',
      `The file must be a mapping of keys (version, agreement, sessions, tasks), but it is ${kind}. Start it with \`version: 1\` and \`agreement:\` — run \`mentoring init\` to see a starter file.`,
      start, lines.lineEnd(start)));
    return { text, diagnostics, doc };
  }

  const locator = new Locator(doc, lines);
  let data: unknown;
  let aliasFree: AliasFreeData | undefined;
  try {
    // One pass over the nodes builds the plain data and finds unknown keys. A file with aliases
    // takes yaml's own toJS instead, whose maxAliasCount stops alias bombs early.
    const unknown: Diagnostic[] = [];
    data = toPlain(root, FILE_SHAPE, [], { locator, out: unknown });
    diagnostics.push(...unknown);
    aliasFree = { plain: data as Record<string, unknown> };
  } catch (signal) {
    if (!(signal instanceof AliasFound)) throw signal;
    data = undefined;
  }
  if (data === undefined) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      reportUnknownKeys(root, FILE_SHAPE, [], locator, diagnostics);
    } catch (err) {
      const alias = firstAlias(root);
      const at = alias?.range?.[0] ?? root.range[0];
      const end = alias?.range?.[1] ?? lines.lineEnd(at);
      const message = err instanceof Error ? err.message : String(err);
      if (/alias count/i.test(message)) {
        diagnostics.push(lines.diagnostic('error', 'alias-bomb',
          `Too many aliases (\`*name\`) expand here: the file would grow without bound (an "alias bomb"), so it is not read. Write the values out instead of aliasing them.`,
          at, end));
      } else {
        diagnostics.push(lines.diagnostic('error', 'yaml-syntax', `The YAML could not be read: ${message}. Fix the alias or anchor here.`, at, end));
      }
      return { text, diagnostics, doc };
    }
  }

  const result = MentoringFile.safeParse(data);
  if (!result.success) {
    const seen = new Set<string>();
    let shown = 0;
    for (const issue of result.error.issues) {
      const key = JSON.stringify(issue.path);
      if (seen.has(key)) continue; // one message per node: the first says the most (format before calendar)
      seen.add(key);
      if (shown++ === MAX_SCHEMA_DIAGNOSTICS) {
        const last = diagnostics[diagnostics.length - 1];
        const rest = result.error.issues.length - MAX_SCHEMA_DIAGNOSTICS;
        diagnostics.push(lines.diagnostic('error', 'schema',
          `About ${rest} more problems like these are not listed: fix the ones above, then check again.`,
          last?.offset ?? 0, last?.endOffset ?? 0));
        break;
      }
      diagnostics.push(schemaDiagnostic(issue, data, locator));
    }
  }

  crossReferences(data, locator, diagnostics);

  const model = result.success ? deepFreeze(result.data) : undefined;
  if (aliasFree) deepFreeze(aliasFree);
  return { text, diagnostics, doc, locator, ...(model ? { model } : {}), ...(aliasFree ? { data: aliasFree } : {}) };
}

function fail(d: Diagnostic): ParseResult {
  return { ok: false, diagnostics: [d] };
}

/** A diagnostic of a shared parse, copied so a caller may change its own. */
function copyDiagnostic(d: Diagnostic): Diagnostic {
  const c: Diagnostic = { ...d };
  if (d.path) c.path = [...d.path];
  if (d.data) c.data = copyPlain(d.data) as Record<string, unknown>;
  return c;
}

function copyPlain(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(copyPlain);
  if (typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = copyPlain(v);
    return out;
  }
  return x;
}

/** Freezes `x` and every plain object and array in it (what a shared parse hands out must not change). */
function deepFreeze<T>(x: T): T {
  const stack: unknown[] = [x];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return x;
}

// ---------------------------------------------------------------------------------------------
// Positions

/**
 * 1-based line and column (UTF-16 code units) of a 0-based offset; `\n`, `\r\n` and `\r` end lines.
 * A leading byte order mark takes no column, as in editors.
 */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).positionAt(offset);
}

/** Line starts computed once per text; lookups are binary searches. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    // A byte order mark is invisible in editors (VS Code drops it), so line 1 columns do not count it.
    const bom = lo === 0 && this.text.charCodeAt(0) === 0xfeff && o > 0 ? 1 : 0;
    return { line: lo + 1, column: o - (this.starts[lo] as number) + 1 - bom };
  }

  /** Offset of the end of the line holding `offset` (before its line break). */
  lineEnd(offset: number): number {
    return lineEndOf(this.text, offset);
  }

  diagnostic(
    severity: Severity,
    code: string,
    message: string,
    offset: number,
    endOffset: number,
    path?: Path,
    data?: Record<string, unknown>,
  ): Diagnostic {
    const start = clamp(offset, 0, this.text.length);
    const end = clamp(Math.max(endOffset, start), start, this.text.length);
    const s = this.positionAt(start);
    const e = this.positionAt(end);
    const d: Diagnostic = {
      severity,
      code,
      message,
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      offset: start,
      endOffset: end,
    };
    if (path) d.path = [...path];
    if (data) d.data = data;
    return d;
  }
}

/** Offset of the end of the line holding `offset` in `text` (before its line break). */
function lineEndOf(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/**
 * Character range of the node at a path. When the path leads to a missing child, the range of
 * the key that holds its nearest existing parent (for a list item, or the root, with no key of
 * its own: its first key), which is where "add the missing field" belongs.
 */
export function rangeOf(doc: Document.Parsed, path: Path): { offset: number; endOffset: number } | undefined {
  const found = walk(doc, path);
  if (!found) return undefined;
  if (found.missing) {
    const anchor = found.key ?? firstKey(found.node);
    const r = anchor?.range ?? found.node?.range;
    return r ? { offset: r[0], endOffset: anchor ? r[1] : r[0] } : undefined;
  }
  const node = found.node;
  if (!node?.range) return found.key?.range ? { offset: found.key.range[0], endOffset: found.key.range[1] } : undefined;
  // An empty value (`title:` with nothing after it) has no width: point at its key instead.
  if (node.range[0] === node.range[1] && found.key?.range) return { offset: found.key.range[0], endOffset: found.key.range[1] };
  return { offset: node.range[0], endOffset: node.range[1] };
}

interface WalkResult {
  /** The node at the path, or the deepest existing parent when `missing`. */
  node: YamlNode | null | undefined;
  /** The key node whose value is `node`, when `node` sits in a mapping. */
  key: YamlNode | undefined;
  missing: boolean;
  /** The key node of the last path segment that was found (for "point at the key"). */
  ownKey?: YamlNode;
}

function walk(doc: Document.Parsed, path: Path): WalkResult | undefined {
  let node: YamlNode | null | undefined = doc.contents;
  let key: YamlNode | undefined;
  if (!node) return undefined;
  for (const seg of path) {
    const target: YamlNode | null | undefined = isAlias(node) ? (node.resolve(doc) as YamlNode | undefined) : node;
    let next: YamlNode | null | undefined;
    let nextKey: YamlNode | undefined;
    let found = false;
    if (isMap(target)) {
      const pair = findPair(target, seg);
      if (pair) {
        found = true;
        next = pair.value as YamlNode | null;
        nextKey = isNodeLike(pair.key) ? pair.key : undefined;
        if (next === null) return { node: null, key: nextKey, missing: false };
      }
    } else if (isSeq(target) && typeof seg === 'number') {
      const item = target.items[seg];
      if (item !== undefined) {
        found = true;
        next = item as YamlNode | null;
        nextKey = undefined;
      }
    }
    if (!found) return { node, key, missing: true };
    node = next;
    key = nextKey;
    if (!node) return { node: null, key, missing: false };
  }
  return { node, key, missing: false };
}

function findPair(map: YAMLMap, seg: string | number): Pair | undefined {
  const want = String(seg);
  for (const item of map.items) {
    const k = item.key;
    if (isScalar(k) ? String(k.value) === want : k === seg) return item as Pair;
  }
  return undefined;
}

function firstKey(node: YamlNode | null | undefined): YamlNode | undefined {
  if (isMap(node)) {
    const k = node.items[0]?.key;
    if (isNodeLike(k)) return k;
  }
  return undefined;
}

function isNodeLike(x: unknown): x is YamlNode {
  return typeof x === 'object' && x !== null && 'range' in x && Array.isArray((x as { range: unknown }).range);
}

/** Turns paths into diagnostics; ranges are cut at the end of their first line so a whole block is never underlined. */
class Locator {
  constructor(
    readonly doc: Document.Parsed,
    readonly lines: LineIndex,
  ) {}

  at(severity: Severity, code: string, message: string, path: Path, data?: Record<string, unknown>, pointAtKey = false): Diagnostic {
    let range: { offset: number; endOffset: number } | undefined;
    if (pointAtKey) {
      const found = walk(this.doc, path);
      if (found && !found.missing && found.key?.range) range = { offset: found.key.range[0], endOffset: found.key.range[1] };
    }
    range ??= rangeOf(this.doc, path) ?? { offset: 0, endOffset: 0 };
    const end = Math.min(range.endOffset, this.lines.lineEnd(range.offset));
    return this.lines.diagnostic(severity, code, message, range.offset, end, path, data);
  }

  finding(f: Finding): Diagnostic {
    return this.at(f.severity, f.code, f.message, f.path, f.data, f.pointAtKey);
  }
}

// ---------------------------------------------------------------------------------------------
// Stage helpers

/** The UTF-8 length when it is over `max`, else undefined; exact only when it matters. */
function utf8LengthAbove(text: string, max: number): number | undefined {
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

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/**
 * Refuse absurd nesting before the YAML parser sees it: its recursion fails near the stack's end
 * differently from run to run, and V8 can abort the whole process there. Flow collections
 * (`[[[[`) and block ones (`- - - -`, deep indentation) are bounded separately, with wide margins.
 */
const MAX_DEPTH = 256;
const MAX_BLOCK_PREFIX = 2 * MAX_DEPTH;

function findDeepNesting(text: string): number | undefined {
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

function findConflictMarker(text: string): { offset: number; length: number; marker: string } | undefined {
  const m = CONFLICT.exec(text);
  if (!m) return undefined;
  return { offset: m.index, length: m[0].length, marker: m[0].slice(0, 7) };
}

function yamlErrorDiagnostic(
  lines: LineIndex,
  doc: Document.Parsed,
  text: string,
  code: string,
  message: string,
  pos: [number, number],
  severity: Severity,
): Diagnostic {
  const [start, rawEnd] = pos;
  const end = Math.min(Math.max(rawEnd, start), lines.lineEnd(start));
  const first = message.split('\n')[0] ?? message;
  const yamlMessage = first.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY': {
      const dup = findDuplicateKey(doc, lines, start);
      const key = dup?.key ?? text.slice(start, end).replace(/:\s*$/, '').trim();
      const keyEnd = dup ? Math.min(dup.end, lines.lineEnd(start)) : end;
      return lines.diagnostic(severity, 'duplicate-key',
        `The key \`${key}\` appears twice in the same mapping${dup?.firstLine ? ` (first on line ${dup.firstLine})` : ''}: keep one and delete or merge the other.`,
        start, keyEnd, undefined, dup?.firstLine ? { key, firstLine: dup.firstLine } : { key });
    }
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(yamlMessage)?.[1];
      const open = quote ? openingQuote(text, start, quote) : undefined;
      if (quote && open !== undefined) {
        return lines.diagnostic(severity, 'yaml-syntax',
          `A quoted value opened here with ${quote} is never closed: add the closing ${quote} at the end of the value.`,
          open, lines.lineEnd(open), undefined, { yamlCode: code });
      }
      return lines.diagnostic(severity, 'yaml-syntax', `YAML syntax error: ${sentence(yamlMessage)} Add what is missing.`, start, end, undefined, { yamlCode: code });
    }
    case 'TAB_AS_INDENT':
      return lines.diagnostic(severity, 'yaml-syntax', 'A tab is used for indentation; YAML allows only spaces there. Replace the tab with spaces.', start, Math.max(end, start + 1));
    case 'MULTIPLE_DOCS':
      return lines.diagnostic(severity, 'yaml-syntax', 'This file holds more than one YAML document (a `---` line after content); a mentoring file is one document. Remove the `---` or move the second document to its own file.', start, end);
    case 'RESOURCE_EXHAUSTION':
      return lines.diagnostic(severity, 'yaml-syntax', `The YAML is nested too deeply to read (${yamlMessage}). Flatten it.`, start, end);
    default:
      if (severity !== 'error') {
        return lines.diagnostic(severity, 'yaml-warning', `YAML warning: ${sentence(yamlMessage)} The value is read as plain text; remove what the warning names if you did not mean it.`,
          start, end, undefined, { yamlCode: code });
      }
      return lines.diagnostic(severity, 'yaml-syntax',
        `YAML syntax error: ${sentence(yamlMessage)} Check the indentation, quotes and colons here (quote a value that contains ": " or starts with a special character).`,
        start, end, undefined, { yamlCode: code });
  }
}

/** The duplicated key that starts at `offset` (yaml reports the second one), and the line of its first occurrence. */
function findDuplicateKey(doc: Document.Parsed, lines: LineIndex, offset: number): { key: string; end: number; firstLine?: number } | undefined {
  let result: { key: string; end: number; firstLine?: number } | undefined;
  const visitNode = (node: unknown): void => {
    if (result !== undefined) return;
    if (isMap(node)) {
      const second = node.items.find((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (second && isScalar(second.key) && second.key.range) {
        const key = String(second.key.value);
        const first = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        const r = isScalar(first?.key) ? first.key.range : undefined;
        result = { key, end: second.key.range[1], ...(r && r[0] !== offset ? { firstLine: lines.positionAt(r[0]).line } : {}) };
        return;
      }
    }
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) visitNode(item.value);
        else visitNode(item);
      }
    }
  };
  visitNode(doc.contents);
  return result;
}

/** Where an unclosed quoted scalar starts: the last `quote` before `before` that can open a value. */
function openingQuote(text: string, before: number, quote: string): number | undefined {
  for (let i = Math.min(before, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    const prev = i === 0 ? '\n' : (text[i - 1] as string);
    if (/[\s:[{,-]/.test(prev)) return i;
  }
  return undefined;
}

function firstAlias(node: unknown): YamlNode | undefined {
  if (isAlias(node)) return node;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = isPair(item) ? (firstAlias(item.key) ?? firstAlias(item.value)) : firstAlias(item);
      if (found) return found;
    }
  }
  return undefined;
}

function sentence(s: string): string {
  const t = s.trim();
  if (t.length === 0) return 'the YAML could not be read.';
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

// ---------------------------------------------------------------------------------------------
// Unknown keys: walk the YAML nodes beside the zod schema, so each key's own node is at hand.

type AnySchema = z.ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let s: AnySchema = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as AnySchema;
    else break;
  }
  return s;
}

/** The key structure of the schema, computed once: which keys a mapping knows, what a list holds. */
interface Shape {
  keys?: Map<string, Shape>;
  element?: Shape;
}
const LEAF: Shape = {};

function shapeOf(schema: AnySchema): Shape {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const keys = new Map<string, Shape>();
    for (const [k, v] of Object.entries(s.shape as Record<string, AnySchema>)) keys.set(k, shapeOf(v));
    return { keys };
  }
  if (s instanceof z.ZodArray) return { element: shapeOf(s.element as AnySchema) };
  return LEAF;
}

const FILE_SHAPE = shapeOf(MentoringFile);

class AliasFound {}

interface PlainContext {
  locator: Locator;
  out: Diagnostic[];
}

/**
 * The plain JavaScript value of a node, as yaml's `toJS` makes it (core schema, string keys),
 * noting unknown keys on the way. Throws `AliasFound` at the first alias.
 */
function toPlain(node: unknown, shape: Shape, path: (string | number)[], ctx: PlainContext): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const obj: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = pair.key;
      if (isAlias(key) || isAlias(pair.value)) throw new AliasFound();
      // as yaml's toJS: a null key is '', other scalars their string, collections their JSON
      const name = isScalar(key) ? (key.value === null ? '' : String(key.value)) : key === null ? '' : JSON.stringify(toPlain(key, LEAF, path, ctx));
      let child = LEAF;
      if (shape.keys) {
        const known = shape.keys.get(name);
        if (known) child = known;
        else if (isScalar(key)) reportUnknown(name, key, shape, path, ctx);
      }
      path.push(name);
      const value = toPlain(pair.value, child, path, ctx);
      path.pop();
      if (name === '__proto__') Object.defineProperty(obj, name, { value, writable: true, enumerable: true, configurable: true });
      else obj[name] = value;
    }
    return obj;
  }
  if (isSeq(node)) {
    const element = shape.element ?? LEAF;
    const arr: unknown[] = [];
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      if (isAlias(item)) throw new AliasFound();
      path.push(i);
      arr.push(toPlain(item, element, path, ctx));
      path.pop();
    }
    return arr;
  }
  throw new AliasFound(); // an alias, or a node kind yaml's toJS should handle
}

function reportUnknown(name: string, key: YamlNode, shape: Shape, path: (string | number)[], ctx: PlainContext): void {
  const r = key.range;
  if (!r || !shape.keys) return;
  const known = [...shape.keys.keys()];
  const guess = closest(name, known);
  const where = path.length === 0 ? 'at the top level' : `in \`${formatPath(path)}\``;
  const lines = ctx.locator.lines;
  ctx.out.push(lines.diagnostic('info', 'unknown-key',
    `Unknown key \`${name}\` ${where}: kept as is.${guess ? ` Did you mean \`${guess}\`?` : ` Known keys here: ${known.join(', ')}.`}`,
    r[0], Math.min(r[1], lines.lineEnd(r[0])), [...path, name], guess ? { key: name, suggestion: guess } : { key: name }));
}

/** Unknown keys of a file with aliases (after yaml's toJS); aliased nodes are reported where they are defined. */
function reportUnknownKeys(node: unknown, shape: Shape, path: (string | number)[], locator: Locator, out: Diagnostic[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      const name = String(key.value);
      const child = shape.keys?.get(name);
      if (shape.keys && child === undefined) reportUnknown(name, key, shape, path, { locator, out });
      else if (child) reportUnknownKeys(pair.value, child, [...path, name], locator, out);
    }
  } else if (isSeq(node) && shape.element) {
    const element = shape.element;
    node.items.forEach((item, i) => reportUnknownKeys(item, element, [...path, i], locator, out));
  }
}

/** The zod schema for a path into the file (list indexes step into the element schema). */
function schemaAt(schema: AnySchema, path: Path): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  for (const seg of path) {
    if (!s) return undefined;
    const inner = unwrap(s);
    if (inner instanceof z.ZodObject && typeof seg === 'string') s = (inner.shape as Record<string, AnySchema>)[seg];
    else if (inner instanceof z.ZodArray && typeof seg === 'number') s = inner.element as AnySchema;
    else return undefined;
  }
  return s;
}

/** "a calendar date, YYYY-MM-DD (e.g. 2026-11-19)" from a schema's metadata, or its enum values. */
function describeSchema(schema: AnySchema | undefined): string | undefined {
  if (!schema) return undefined;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodEnum) return `one of ${(inner.options as unknown[]).map(String).join(', ')}`;
  for (const s of [schema, inner]) {
    const meta = z.globalRegistry.get(s);
    if (meta?.description) {
      const example = Array.isArray(meta.examples) && meta.examples.length > 0 ? `, e.g. ${String(meta.examples[0])}` : '';
      return `${meta.description.replace(/\.$/, '')}${example}`.replace(/^A /, 'a ');
    }
  }
  return undefined;
}

/** The known key within edit distance 2 (a typo), if any. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

// ---------------------------------------------------------------------------------------------
// Schema issues → diagnostics

/** `agreement.goals[0].by` */
export function formatPath(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  return s || '(top level)';
}

function valueAt(data: unknown, path: Path): { exists: boolean; value: unknown } {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return { exists: false, value: undefined };
    const rec = cur as Record<string | number, unknown>;
    if (!Object.prototype.hasOwnProperty.call(rec, seg)) return { exists: false, value: undefined };
    cur = rec[seg];
  }
  return { exists: true, value: cur };
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `\`${value}\` (true/false)`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  object: 'a mapping of keys to values',
  array: 'a list',
  boolean: 'true or false',
  int: 'a whole number',
};

/** A likely intended value for a malformed date or date-time (for the message and quick fixes). */
function suggestFix(value: string, problem: string): string | undefined {
  const v = value.trim();
  if (/date and time/.test(problem)) {
    const m = /^(\d{4}-\d{2}-\d{2})[ _t](\d{2}:\d{2}(?::\d{2})?)(.*)$/i.exec(v);
    if (m) return `${m[1]}T${m[2]}${(m[3] ?? '').trim()}`;
  } else if (/YYYY-MM-DD/.test(problem)) {
    const m = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(v);
    if (m) return m[1];
  }
  return undefined;
}

function missingMessage(parent: Path, name: string, about: string | undefined, exact?: string): string {
  const where = parent.length === 0 ? 'The file is missing the required top-level field' : `\`${formatPath(parent)}\` is missing the required field`;
  return exact !== undefined ? `${where} \`${name}\`: add \`${name}: ${exact}\`.` : `${where} \`${name}\`: add \`${name}:\` (${about ?? 'a value'}).`;
}

function schemaDiagnostic(issue: z.core.$ZodIssue, data: unknown, locator: Locator): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = formatPath(path);
  const { exists, value } = valueAt(data, path);
  let message: string;
  const extra: Record<string, unknown> = {};
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (path[path.length - 1] === 'rating' && exists && typeof value === 'number') {
        message = `\`${field}\` is a whole number from 1 to 5, not ${describe(value)}.`;
      } else if (!exists) {
        const parent = path.slice(0, -1);
        const name = String(path[path.length - 1]);
        const about = describeSchema(schemaAt(MentoringFile, path));
        message = missingMessage(parent, name, about ?? expected);
        extra.missing = name;
      } else if (issue.expected === 'string' && typeof value === 'number') {
        message = `\`${field}\` must be text, but YAML reads ${describe(value)}: put it in quotes, e.g. "${String(value)}".`;
      } else if (issue.expected === 'array' && value === null) {
        message = `\`${field}\` is empty: write \`[]\` for an empty list, or add items starting with "- ".`;
      } else if (value === null) {
        message = `\`${field}\` has no value: write ${expected} after the colon.`;
      } else {
        message = `\`${field}\` must be ${expected}, not ${describe(value)}.`;
      }
      break;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      extra.expected = values;
      if (!exists) extra.missing = String(path[path.length - 1]);
      message = path.length === 1 && path[0] === 'version' && typeof value === 'number' && value > 1
        ? `This file is written in format version ${String(value)}, newer than this Mentoring reads (version ${values.join(', ')}): update the Mentoring extension or the \`mentoring\` CLI to read and edit it.`
        : !exists
        ? missingMessage(path.slice(0, -1), String(path[path.length - 1]), values.length === 1 ? undefined : `one of ${values.join(', ')}`, values.length === 1 ? String(values[0]) : undefined)
        : values.length === 1
          ? `\`${field}\` must be ${values[0]}, not ${describe(value)}.`
          : `\`${field}\` must be one of ${values.join(', ')} — not ${describe(value)}.`;
      break;
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.message && !issue.message.startsWith('Too ')) message = `\`${field}\`: ${issue.message}.`;
      else if (issue.origin === 'number' || issue.origin === 'int')
        message = `\`${field}\` must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)}, not ${describe(value)}.`;
      else if (issue.origin === 'array')
        message = `\`${field}\` needs ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} item(s).`;
      else message = `\`${field}\`: ${issue.message}.`;
      if (path[path.length - 1] === 'rating') message = `\`${field}\` is a whole number from 1 to 5, not ${describe(value)}.`;
      break;
    }
    default: {
      message = `\`${field}\`: ${issue.message.replace(/\.$/, '')} (found ${describe(value)}).`;
      const suggested = typeof value === 'string' ? suggestFix(value, issue.message) : undefined;
      if (suggested !== undefined) {
        message = `${message.slice(0, -1)}: did you mean ${suggested}?`;
        extra.suggested = suggested;
      }
    }
  }
  return locator.at('error', 'schema', message, path, Object.keys(extra).length > 0 ? extra : undefined);
}

// ---------------------------------------------------------------------------------------------
// Ids and references, on the plain data so they are reported even when the schema is not met.

function crossReferences(data: unknown, locator: Locator, out: Diagnostic[]): void {
  const root = asRecord(data);
  if (!root) return;
  const agreement = asRecord(root.agreement);
  const goals = idsOf(agreement?.goals, ['agreement', 'goals'], 'goal', locator, out);
  const sessions = idsOf(root.sessions, ['sessions'], 'session', locator, out);
  const tasks = idsOf(root.tasks, ['tasks'], 'task', locator, out);
  idsOf(root.threads, ['threads'], 'thread', locator, out);

  const refs = (list: unknown, base: string, field: string, ids: Map<string, number>, code: string, kind: string, where: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item: unknown, i) => {
      const ref = asRecord(item)?.[field];
      if (typeof ref !== 'string' && typeof ref !== 'number') return;
      const id = String(ref);
      if (ids.has(id)) return;
      const candidates = [...ids.keys()];
      const guess = closest(id, candidates);
      const options = candidates.length > 0 ? `use one of ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}` : `there are no ${kind}s ${where} yet, so add one`;
      out.push(locator.at('error', code,
        `No ${kind} has the id \`${id}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}: ${options}, or remove \`${field}\`.`,
        [base, i, field], { candidates }));
    });
  };
  refs(root.tasks, 'tasks', 'goal', goals, 'unknown-goal', 'goal', 'in agreement.goals');
  refs(root.tasks, 'tasks', 'session', sessions, 'unknown-session', 'session', 'in sessions');
  refs(root.threads, 'threads', 'task', tasks, 'unknown-task', 'task', 'in tasks');
}

/** The ids of a list (id → index of its first use), reporting the second use of any id. */
function idsOf(list: unknown, base: (string | number)[], kind: string, locator: Locator, out: Diagnostic[]): Map<string, number> {
  const ids = new Map<string, number>();
  if (!Array.isArray(list)) return ids;
  list.forEach((item: unknown, i) => {
    const raw = asRecord(item)?.id;
    if (typeof raw !== 'string' && typeof raw !== 'number') return;
    const id = String(raw);
    const first = ids.get(id);
    if (first === undefined) {
      ids.set(id, i);
      return;
    }
    const firstRange = rangeOf(locator.doc, [...base, first, 'id']);
    const firstLine = firstRange ? locator.lines.positionAt(firstRange.offset).line : undefined;
    out.push(locator.at('error', 'duplicate-id',
      `Two ${kind}s have the id \`${id}\`${firstLine ? ` (the first is on line ${firstLine})` : ''}: give this ${kind} a different id, and update what refers to it.`,
      [...base, i, 'id'], { id, first: [...base, first] }));
  });
  return ids;
}

function asRecord(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(Number.isFinite(n) ? n : lo, hi));
}

// ---------------------------------------------------------------------------------------------
// Re-checking an edit by the part it changed

/** A replacement of `text.slice(start, end)` of the text before an edit by `insert`. */
export interface ChangedSpan {
  start: number;
  end: number;
  insert: string;
}

/**
 * True only when `after` (the text `before` became by `splices`, in text order) certainly parses
 * without errors; false when it may not, or when this shortcut cannot tell — then parse `after`
 * in full. The shortcut covers what the edit operations do to a large file: change items of a
 * top-level block list (`sessions`, `tasks`) or append to it. It parses only those items, alone,
 * and checks the schema and the references on the old plain data with them swapped in.
 *
 * Why the items alone read as they do in the file: each item's lines start at the column of the
 * list's dashes and end where the next item (or the next top-level key, at column 0) starts, and
 * both that line and the end of the text close every block structure the item opened; anything
 * that would run on past it (an unclosed quote or bracket) is an error at the end of the items'
 * text. The items must come out as a block list with every dash in that same column. The rest of
 * the file is byte for byte what parsed without errors, and it holds no alias (`data` is only
 * kept for alias-free files) that the changed items could affect.
 */
export function editLeavesNoError(
  beforeResult: ParseResult,
  data: AliasFreeData,
  before: string,
  after: string,
  splices: readonly ChangedSpan[],
  maxBytes: number = DEFAULT_MAX_BYTES,
): boolean {
  const doc = beforeResult.doc;
  const root = doc?.contents;
  if (!doc || !beforeResult.ok || !isMap(root) || root.flow || splices.length === 0) return false;
  if (utf8LengthAbove(after, maxBytes) !== undefined) return false;
  if (/^%/m.test(before.slice(0, root.range[0]))) return false; // directives would not reach the items parsed alone
  const lo = Math.min(...splices.map((s) => s.start));
  const hi = Math.max(...splices.map((s) => s.end));

  // The top-level key whose lines hold every change, from its key to the next top-level key.
  const pairs = root.items;
  let p = -1;
  let keyEnd = before.length;
  for (let i = 0; i < pairs.length; i++) {
    const start = (pairs[i] as Pair).key;
    const next = pairs[i + 1]?.key;
    const ks = isScalar(start) ? start.range?.[0] : undefined;
    const ke = next === undefined ? before.length : isScalar(next) ? next.range?.[0] : undefined;
    if (ks === undefined || ke === undefined) return false;
    if (ks < lo && hi <= ke) {
      if (!startsColumnZero(before, ks) || (next !== undefined && !startsColumnZero(before, ke))) return false;
      p = i;
      keyEnd = ke;
      break;
    }
  }
  const pair = pairs[p];
  if (!pair || !isScalar(pair.key)) return false;
  const seq = pair.value;
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return false;
  const name = pair.key.value === null ? '' : String(pair.key.value);
  const oldList = Object.prototype.hasOwnProperty.call(data.plain, name) ? data.plain[name] : undefined;
  if (name === '__proto__' || !Array.isArray(oldList) || oldList.length !== seq.items.length) return false;

  // Line starts of the items; every dash in one column.
  const starts: number[] = [];
  let column = -1;
  for (const item of seq.items) {
    const at = itemLineStart(before, item, column);
    if (at === undefined) return false;
    column = at.column;
    starts.push(at.lineStart);
  }
  // Text inserted where an item starts is read with the item before it too (it might close it).
  let a = -1;
  let b = -1;
  for (let j = 0; j < starts.length; j++) {
    if ((starts[j] as number) < lo) a = j;
    if ((starts[j] as number) <= hi) b = j;
  }
  if (a < 0) return false;
  const regionStart = starts[a] as number;
  const regionEnd = b + 1 < starts.length ? (starts[b + 1] as number) : keyEnd;
  let delta = 0;
  for (const s of splices) delta += s.insert.length - (s.end - s.start);
  const region = after.slice(regionStart, regionEnd + delta);

  // Document markers and directives end or start documents: only the whole text can tell.
  if (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)|^%/m.test(region)) return false;
  if (findConflictMarker(region) || findDeepNesting(region) !== undefined) return false;
  const part = parseDocument(region, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });
  if (part.errors.length > 0) return false;
  const items = part.contents;
  if (!isSeq(items) || items.flow || items.items.length === 0) return false;
  for (const item of items.items) {
    const at = itemLineStart(region, item, column);
    if (at === undefined) return false;
    // The first item's dash opens the region, so nothing in it can continue the item before.
    if (item === items.items[0] && at.lineStart !== 0) return false;
  }

  const element = FILE_SHAPE.keys?.get(name)?.element ?? LEAF;
  const locator = new Locator(part, new LineIndex(region));
  let fresh: unknown[];
  try {
    fresh = items.items.map((item, i) => toPlain(item, element, [name, a + i], { locator, out: [] }));
  } catch (signal) {
    if (signal instanceof AliasFound) return false;
    throw signal;
  }
  const merged: Record<string, unknown> = { ...data.plain, [name]: [...oldList.slice(0, a), ...fresh, ...oldList.slice(b + 1)] };
  if (!MentoringFile.safeParse(merged).success) return false;
  const refs: Diagnostic[] = [];
  crossReferences(merged, new Locator(doc, new LineIndex('')), refs);
  return refs.length === 0;
}

function startsColumnZero(text: string, offset: number): boolean {
  return offset === 0 ? text.charCodeAt(0) !== 0xfeff : text.charCodeAt(offset - 1) === 10;
}

/**
 * The start of the line holding a block list item's `-` (only spaces before it, in `column` when
 * that is not -1). Undefined for layouts the shortcut leaves to a full parse.
 */
function itemLineStart(text: string, item: unknown, column: number): { lineStart: number; column: number } | undefined {
  const r = isNodeLike(item) ? item.range : undefined;
  if (!r) return undefined;
  let dash = r[0] - 1;
  while (dash >= 0 && text.charCodeAt(dash) === 32) dash--;
  if (dash < 0 || text.charCodeAt(dash) !== 45) return undefined; // '-'
  let lineStart = dash;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) === 32) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return undefined;
  const col = dash - lineStart;
  if (column !== -1 && col !== column) return undefined;
  return { lineStart, column: col };
}
