/**
 * Where things are: offsets to 1-based lines and columns (`LineIndex`), paths into the file to
 * the characters of their YAML nodes (`rangeOf`), and both together into a diagnostic
 * (`Locator`). Every stage of `parse` (index.ts) reports through these, so positions agree.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { Finding } from '../checks';
import type { Diagnostic, Severity } from '../diagnostics';
import { isFastTree, treeKeyRange, treeRange, type FastTree } from './fastTree';

/** A path into the file's data: mapping keys and list indexes, as diagnostics carry it. */
export type Path = readonly (string | number)[];

/** `agreement.goals[0].by` */
export function formatPath(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  return s || '(top level)';
}

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
    const lo = this.lineOf(o);
    // A byte order mark is invisible in editors (VS Code drops it), so line 1 columns do not count it.
    const bom = lo === 0 && this.text.charCodeAt(0) === 0xfeff && o > 0 ? 1 : 0;
    return { line: lo + 1, column: o - (this.starts[lo] as number) + 1 - bom };
  }

  /**
   * Offset of the end of the line holding `offset` (before its line break), as {@link lineEndOf}
   * finds it, from the line starts: a file of one long line with thousands of diagnostics on it
   * must not scan the rest of that line for each one.
   */
  lineEnd(offset: number): number {
    if (!Number.isInteger(offset)) return lineEndOf(this.text, offset);
    const o = Math.max(0, Math.min(offset, this.text.length));
    const next = this.starts[this.lineOf(o) + 1];
    if (next === undefined) return this.text.length;
    // The line break before the next line: `\n`, `\r`, or `\r\n` (where an offset on its `\n` is its own end).
    const end = next - 1 > 0 && this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    return Math.max(end, o);
  }

  /** The 0-based line holding offset `o` (an integer within the text). */
  private lineOf(o: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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
export function lineEndOf(text: string, offset: number): number {
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
/**
 * A number as the file writes it: `12345678901234567890` stays that (the parsed number rounds it
 * to 12345678901234567000), so a message quoting it names what the user wrote.
 */
export function numberAsWritten(locator: Locator, path: Path, value: number): string {
  const r = locator.range(path);
  const written = r ? locator.lines.text.slice(r.offset, r.endOffset).trim() : '';
  return /^[-+]?[0-9][0-9_.eE+-]*$/.test(written) ? written : String(value);
}

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
    const target: YamlNode | null | undefined = isAlias(node) ? (node.resolve(doc)) : node;
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
  if (map.items.length > INDEXED_MAP) return keyIndex(map).get(want) ?? map.items.find((item) => item.key === seg);
  for (const item of map.items) {
    const k = item.key;
    if (isScalar(k) ? String(k.value) === want : k === seg) return item;
  }
  return undefined;
}

/**
 * Mappings longer than this are looked up through an index of their scalar keys (the first pair
 * of each key text, as the scan finds it): a diagnostic per key of a mapping of 100,000 keys
 * would otherwise scan the mapping once per diagnostic. A parsed Document is only read (index.ts),
 * and an index is rebuilt if its mapping's items ever change.
 */
const INDEXED_MAP = 32;
const keyIndexes = new WeakMap<YAMLMap, { items: readonly Pair[]; length: number; index: Map<string, Pair> }>();

function keyIndex(map: YAMLMap): Map<string, Pair> {
  const items = map.items;
  const kept = keyIndexes.get(map);
  if (kept?.items === items && kept.length === items.length) return kept.index;
  const index = new Map<string, Pair>();
  for (const item of items) {
    const k = item.key;
    if (!isScalar(k)) continue;
    const name = String(k.value);
    if (!index.has(name)) index.set(name, item);
  }
  keyIndexes.set(map, { items, length: items.length, index });
  return index;
}

function firstKey(node: YamlNode | null | undefined): YamlNode | undefined {
  if (isMap(node)) {
    const k = node.items[0]?.key;
    if (isNodeLike(k)) return k;
  }
  return undefined;
}

export function isNodeLike(x: unknown): x is YamlNode {
  return typeof x === 'object' && x !== null && 'range' in x && Array.isArray((x).range);
}

/**
 * Turns paths into diagnostics; ranges are cut at the end of their first line so a whole block is
 * never underlined. The positions come from yaml's Document, or from the fast reader's tree
 * (fastTree.ts), which gives the same ranges.
 */
export class Locator {
  constructor(
    readonly source: Document.Parsed | FastTree,
    readonly lines: LineIndex,
  ) {}

  /** `rangeOf` of the path, in whichever source this locator reads. */
  range(path: Path): { offset: number; endOffset: number } | undefined {
    return isFastTree(this.source) ? treeRange(this.source, path) : rangeOf(this.source, path);
  }

  at(severity: Severity, code: string, message: string, path: Path, data?: Record<string, unknown>, pointAtKey = false): Diagnostic {
    let range: { offset: number; endOffset: number } | undefined;
    if (pointAtKey) range = this.keyRange(path);
    range ??= this.range(path) ?? { offset: 0, endOffset: 0 };
    const end = Math.min(range.endOffset, this.lines.lineEnd(range.offset));
    return this.lines.diagnostic(severity, code, message, range.offset, end, path, data);
  }

  finding(f: Finding): Diagnostic {
    return this.at(f.severity, f.code, f.message, f.path, f.data, f.pointAtKey);
  }

  private keyRange(path: Path): { offset: number; endOffset: number } | undefined {
    if (isFastTree(this.source)) return treeKeyRange(this.source, path);
    const found = walk(this.source, path);
    return found && !found.missing && found.key?.range ? { offset: found.key.range[0], endOffset: found.key.range[1] } : undefined;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(Number.isFinite(n) ? n : lo, hi));
}
