/**
 * Lossless YAML edits: each primitive takes the text of a YAML file and returns new text in
 * which only the touched node differs. Everything else — comments, blank lines, key order,
 * quoting, flow vs block style, aligned trailing comments, CRLF line endings, a BOM — stays
 * byte-for-byte, because we never re-stringify the document: we locate nodes with the `yaml`
 * Document API (source ranges, CST tokens) and splice text. Only new values are rendered,
 * with `yaml`'s own stringifier, then re-indented to where they go.
 *
 * Pure: no `vscode`, no Node built-ins. Primitives throw {@link YamlEditError} when they cannot
 * edit safely (syntax errors, a path through a scalar, layouts they do not support); callers
 * turn that into a message and write nothing.
 */
import {
  Document,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

export type YamlPath = readonly (string | number)[];

export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEditError';
  }
}

/** Set the value at `path`, creating missing mapping keys (and the maps above them) as needed. */
export function setIn(text: string, path: YamlPath, value: unknown): string {
  const ed = new Editor(text);
  ed.set(path, value);
  return ed.apply();
}

/** Remove the pair or sequence item at `path`. Missing paths are left alone. */
export function deleteIn(text: string, path: YamlPath): string {
  const ed = new Editor(text);
  ed.delete(path);
  return ed.apply();
}

/** Append `value` to the sequence at `path`, creating the sequence (and its key) when missing. */
export function appendIn(text: string, path: YamlPath, value: unknown): string {
  const ed = new Editor(text);
  ed.append(path, [value]);
  return ed.apply();
}

/** Move item `from` of the sequence at `seqPath` so that it ends up at index `to`. */
export function moveItem(text: string, seqPath: YamlPath, from: number, to: number): string {
  const ed = new Editor(text);
  ed.move(seqPath, from, to);
  return ed.apply();
}

/** One planned change, for {@link applyEdits}. */
export type YamlOp =
  | { op: 'set'; path: YamlPath; value: unknown; after?: readonly string[] }
  | { op: 'append'; path: YamlPath; value: unknown; after?: readonly string[] }
  /** Append several items in order (creating the sequence once when it is missing). */
  | { op: 'appendAll'; path: YamlPath; values: readonly unknown[]; after?: readonly string[] }
  | { op: 'delete'; path: YamlPath }
  | { op: 'move'; path: YamlPath; from: number; to: number };

/**
 * Several changes planned against one parse of `text` (one parse instead of one per change).
 * The changes must touch different places: two that overlap, or two that would both create
 * the same missing key, throw {@link YamlEditError} instead of producing a broken file.
 * Inserts at the same place come out in the order given.
 *
 * `parsed`: the Document of exactly this `text`, when the caller already has one (from
 * `parse`), so the text is not parsed twice.
 */
export function applyEdits(text: string, ops: readonly YamlOp[], parsed?: Document.Parsed): string {
  return planEdits(text, ops, parsed).text;
}

/** A replacement of `text.slice(start, end)` (offsets into the text before the edit) by `insert`. */
export interface TextSplice {
  start: number;
  end: number;
  insert: string;
}

/**
 * {@link applyEdits}, also returning the splices it made (sorted by offset, not overlapping), so
 * a caller can tell which part of the text changed (edit.ts re-checks only that part).
 */
export function planEdits(text: string, ops: readonly YamlOp[], parsed?: Document.Parsed): { text: string; splices: TextSplice[] } {
  const ed = new Editor(text, parsed);
  for (const o of ops) {
    if (o.op === 'set') ed.set(o.path, o.value, o.after);
    else if (o.op === 'append') ed.append(o.path, [o.value], o.after);
    else if (o.op === 'appendAll') ed.append(o.path, o.values, o.after);
    else if (o.op === 'delete') ed.delete(o.path);
    else ed.move(o.path, o.from, o.to);
  }
  const out = ed.apply();
  return { text: out, splices: ed.applied() };
}

/** The line ending a file uses (the first one found), `\n` when it has none. */
export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

interface Splice {
  start: number;
  end: number;
  insert: string;
  /** Planning order, so inserts at one offset keep the order they were planned in. */
  seq: number;
}

type Range3 = [number, number, number];

interface Rendered {
  /** Text that follows the indicator (`key:` or `-`) on its own line, e.g. ` value`, ` |-` or ``. */
  first: string;
  /** Following lines, already indented for their place in the file. */
  rest: string[];
}

/**
 * One edit session over one text. Each public method plans exactly one splice (or a few for
 * a move), and `apply` performs them.
 */
class Editor {
  private readonly doc: Document.Parsed;
  private readonly eol: '\n' | '\r\n';
  private readonly splices: Splice[] = [];
  private readonly addedKeys = new Map<YAMLMap, Set<string>>();
  private readonly indentUnit: number;
  private readonly indentSeq: boolean;

  constructor(
    private readonly text: string,
    parsed?: Document.Parsed,
  ) {
    this.doc = parsed ?? parseDocument(text, { uniqueKeys: false });
    const err = this.doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      throw new YamlEditError(
        `cannot edit: the YAML has a syntax error${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${err.message.split('\n')[0] ?? ''}`,
      );
    }
    if (!isMap(this.doc.contents)) throw new YamlEditError('cannot edit: the document root is not a mapping');
    this.eol = detectEol(text);
    const style = this.detectStyle();
    this.indentUnit = style.indent;
    this.indentSeq = style.indentSeq;
  }

  apply(): string {
    const sorted = this.sorted();
    let out = this.text;
    for (const s of sorted) out = out.slice(0, s.start) + s.insert + out.slice(s.end);
    return out;
  }

  /** The planned splices in text order (what `apply` does, from the end of the text back). */
  applied(): TextSplice[] {
    return this.sorted()
      .reverse()
      .map(({ start, end, insert }) => ({ start, end, insert }));
  }

  private sorted(): Splice[] {
    const sorted = [...this.splices].sort((a, b) => b.start - a.start || b.seq - a.seq);
    for (let i = 1; i < sorted.length; i++) {
      const later = sorted[i - 1] as Splice;
      const earlier = sorted[i] as Splice;
      if (earlier.end > later.start) throw new YamlEditError('cannot apply edits that overlap each other');
    }
    return sorted;
  }

  // ---------------------------------------------------------------- operations

  /**
   * `after`: when a key has to be added, put it right after the first of these keys that the
   * mapping has (instead of after its last key). Keeping additions away from the end of an
   * item keeps them apart from items appended after it on another branch, so git merges them.
   */
  set(path: YamlPath, value: unknown, after?: readonly string[]): void {
    if (path.length === 0) throw new YamlEditError('cannot replace the whole document');
    let node: YamlNode = this.root();
    for (let i = 0; i < path.length; i++) {
      const seg = path[i] as string | number;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = findPair(node, seg);
        if (!pair) {
          this.addPair(node, String(seg), buildNested(path.slice(i + 1), value), after);
          return;
        }
        if (last || !isCollection(pair.value)) {
          if (last) {
            this.replacePairValue(node, pair, value);
          } else {
            // The value is a scalar (typically an empty `key:`): replace it with the nested structure.
            if (!isEmptyish(pair.value as YamlNode | null)) {
              throw new YamlEditError(`cannot set ${fmtPath(path)}: ${fmtPath(path.slice(0, i + 1))} is not a mapping or sequence`);
            }
            this.replacePairValue(node, pair, buildNested(path.slice(i + 1), value));
          }
          return;
        }
        node = pair.value as YamlNode;
      } else if (isSeq(node)) {
        if (typeof seg !== 'number' || !Number.isInteger(seg) || seg < 0 || seg > node.items.length) {
          throw new YamlEditError(`cannot set ${fmtPath(path)}: no item ${String(seg)} in ${fmtPath(path.slice(0, i))}`);
        }
        if (seg === node.items.length) {
          this.appendToSeq(node, [buildNested(path.slice(i + 1), value)]);
          return;
        }
        const item = node.items[seg] as YamlNode | null;
        if (last || !isCollection(item)) {
          if (!last && !isEmptyish(item)) {
            throw new YamlEditError(`cannot set ${fmtPath(path)}: ${fmtPath(path.slice(0, i + 1))} is not a mapping or sequence`);
          }
          this.replaceSeqItem(node, seg, last ? value : buildNested(path.slice(i + 1), value));
          return;
        }
        node = item;
      } else {
        throw new YamlEditError(`cannot set ${fmtPath(path)}: ${fmtPath(path.slice(0, i))} is not a mapping or sequence`);
      }
    }
  }

  append(path: YamlPath, values: readonly unknown[], after?: readonly string[]): void {
    if (values.length === 0) return;
    const found = this.lookup(path);
    if (found === undefined || isEmptyish(found)) {
      this.set(path, [...values], after);
      return;
    }
    if (isSeq(found)) {
      if (found.flow && found.items.length === 0 && values.length > 1) {
        this.appendToSeq(found, values, true);
        return;
      }
      for (const v of values) this.appendToSeq(found, [v]);
      return;
    }
    throw new YamlEditError(`cannot append to ${fmtPath(path)}: it is not a sequence`);
  }

  delete(path: YamlPath): void {
    if (path.length === 0) throw new YamlEditError('cannot delete the whole document');
    const parent = this.lookup(path.slice(0, -1));
    const seg = path[path.length - 1] as string | number;
    if (isMap(parent)) {
      const idx = parent.items.findIndex((p) => keyMatches(p, seg));
      if (idx < 0) return;
      if (parent.items.length === 1) {
        this.replaceWhole(parent, path.slice(0, -1), {});
        return;
      }
      this.deleteEntry(parent, idx);
    } else if (isSeq(parent)) {
      if (typeof seg !== 'number' || seg < 0 || seg >= parent.items.length) return;
      if (parent.items.length === 1) {
        this.replaceWhole(parent, path.slice(0, -1), []);
        return;
      }
      this.deleteEntry(parent, seg);
    }
  }

  move(path: YamlPath, from: number, to: number): void {
    const seq = this.lookup(path);
    if (!isSeq(seq)) throw new YamlEditError(`cannot move items in ${fmtPath(path)}: it is not a sequence`);
    const n = seq.items.length;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < 0 || from >= n || to >= n) {
      throw new YamlEditError(`cannot move item ${from} to ${to} in ${fmtPath(path)}: it has ${n} item${n === 1 ? '' : 's'}`);
    }
    if (from === to) return;
    const chunks = this.itemChunks(seq);
    const texts = chunks.map((c) => this.text.slice(c.start, c.end));
    const lastChunk = chunks[n - 1] as { start: number; end: number };
    // In a block sequence every chunk is whole lines; the last may lack its newline at EOF.
    const block = !seq.flow;
    const missingEol = block && !/\n$/.test(texts[n - 1] ?? '');
    if (missingEol) texts[n - 1] += this.eol;
    const order = [...texts];
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved as string);
    if (missingEol) order[n - 1] = (order[n - 1] as string).replace(/\r?\n$/, '');
    let out = '';
    for (let i = 0; i < n; i++) {
      out += order[i] as string;
      if (i < n - 1) out += this.text.slice((chunks[i] as { end: number }).end, (chunks[i + 1] as { start: number }).start);
    }
    this.push({ start: (chunks[0] as { start: number }).start, end: lastChunk.end, insert: out });
  }

  private push(s: Omit<Splice, 'seq'>): void {
    this.splices.push({ ...s, seq: this.splices.length });
  }

  // ---------------------------------------------------------------- lookup

  private root(): YAMLMap {
    return this.doc.contents as YAMLMap;
  }

  /** The node at `path`, `null` for an explicit empty value, `undefined` when missing. */
  private lookup(path: YamlPath): YamlNode | null | undefined {
    let node: YamlNode | null = this.root();
    for (const seg of path) {
      if (isMap(node)) {
        const pair = findPair(node, seg);
        if (!pair) return undefined;
        node = (pair.value as YamlNode | null) ?? null;
      } else if (isSeq(node)) {
        if (typeof seg !== 'number') return undefined;
        const item = node.items[seg] as YamlNode | null | undefined;
        if (item === undefined) return undefined;
        node = item;
      } else {
        return undefined;
      }
    }
    return node;
  }

  /** Replace a whole collection found at `path` (used when deleting its last entry). */
  private replaceWhole(node: YAMLMap | YAMLSeq, path: YamlPath, value: unknown, forceBlock = false): void {
    if (path.length === 0) throw new YamlEditError('cannot empty the document root');
    const parentPath = path.slice(0, -1);
    const parent = this.lookup(parentPath);
    const seg = path[path.length - 1] as string | number;
    if (isMap(parent)) {
      const pair = findPair(parent, seg);
      if (pair && pair.value === node) {
        this.replacePairValue(parent, pair, value, forceBlock);
        return;
      }
    } else if (isSeq(parent) && typeof seg === 'number') {
      this.replaceSeqItem(parent, seg, value);
      return;
    }
    throw new YamlEditError(`cannot replace ${fmtPath(path)}`);
  }

  // ---------------------------------------------------------------- mapping edits

  /** `forceBlock` lets an empty flow value (`tasks: []`) become a block collection. */
  private replacePairValue(map: YAMLMap, pair: Pair, value: unknown, forceBlock = false): void {
    const v = pair.value as YamlNode | null;
    if (map.flow || (inFlow(v) && !forceBlock)) {
      if (v && !isEmptyScalar(v)) {
        const r = range(v);
        this.push({ start: r[0], end: r[1], insert: this.renderFlow(value) });
      } else {
        const colon = this.colonAfterKey(pair);
        this.push({ start: colon + 1, end: colon + 1, insert: ' ' + this.renderFlow(value) });
      }
      return;
    }
    const colon = this.colonAfterKey(pair);
    const keyCol = this.column(range(pair.key as YamlNode)[0]);
    this.replaceAfterIndicator(colon + 1, v, this.renderForMap(value, keyCol));
  }

  private addPair(map: YAMLMap, key: string, value: unknown, after?: readonly string[]): void {
    const added = this.addedKeys.get(map) ?? new Set<string>();
    if (added.has(key)) throw new YamlEditError(`cannot add the key "${key}" twice in one edit`);
    added.add(key);
    this.addedKeys.set(map, added);
    if (map.flow) {
      const last = map.items[map.items.length - 1];
      const r = range(map as YamlNode);
      const body = `${this.renderFlowKey(key)}: ${this.renderFlow(value)}`;
      if (!last) {
        // `{}` → `{ key: value }`
        const close = this.text.lastIndexOf('}', r[1]);
        this.push({ start: r[0] + 1, end: close, insert: ` ${body} ` });
      } else {
        const end = last.value ? range(last.value as YamlNode)[1] : range(last.key as YamlNode)[1];
        this.push({ start: end, end, insert: `, ${body}` });
      }
      return;
    }
    const first = map.items[0];
    const last = map.items[map.items.length - 1];
    if (!first || !last) throw new YamlEditError('cannot add a key to an empty block mapping');
    const col = this.column(range(first.key as YamlNode)[0]);
    const lines = this.renderBlockLines({ [key]: value }, col);
    const anchorKey = after?.find((k) => findPair(map, k));
    const anchor = anchorKey === undefined ? undefined : findPair(map, anchorKey);
    if (anchor && anchor !== last) {
      this.insertLinesAt(this.pairEnd(anchor), lines);
      return;
    }
    const lastEnd = Math.max(range(map as YamlNode)[1], this.pairEnd(last));
    this.insertLinesAt(lastEnd, lines);
  }

  /** Where a block pair's text ends (its value, trailing comment and line break included). */
  private pairEnd(pair: Pair): number {
    return pair.value ? range(pair.value as YamlNode)[2] : range(pair.key as YamlNode)[2];
  }

  // ---------------------------------------------------------------- sequence edits

  /**
   * Append `values` (one, or several into an empty flow sequence when `all`) to `seq`.
   */
  private appendToSeq(seq: YAMLSeq, values: readonly unknown[], all = false): void {
    const value = values[0];
    const items = seq.items as (YamlNode | null)[];
    if (seq.flow) {
      const r = range(seq as YamlNode);
      const last = items[items.length - 1];
      if (last === undefined) {
        if (values.some((v) => typeof v === 'object' && v !== null)) {
          if (!inFlowAncestor(this.doc, seq)) {
            // `tasks: []` + a mapping: switch this (empty) sequence to block style.
            const path = this.pathOf(seq);
            if (path) {
              this.replaceWhole(seq, path, [...values], true);
              return;
            }
          }
        }
        const close = this.text.lastIndexOf(']', r[1]);
        const inner = all ? values.map((v) => this.renderFlow(v)).join(', ') : this.renderFlow(value);
        this.push({ start: r[0] + 1, end: close, insert: inner });
        return;
      }
      const end = last ? range(last)[1] : r[0] + 1;
      this.push({ start: end, end, insert: `, ${this.renderFlow(value)}` });
      return;
    }
    const dash = this.dashOffset(seq, 0);
    const col = this.column(dash);
    const lines = this.renderBlockLines([value], col);
    const last = items[items.length - 1];
    const end = Math.max(range(seq as YamlNode)[1], last ? range(last)[2] : 0, this.dashOffset(seq, items.length - 1) + 1);
    this.insertLinesAt(end, lines);
  }

  private replaceSeqItem(seq: YAMLSeq, index: number, value: unknown): void {
    const item = seq.items[index] as YamlNode | null;
    if (seq.flow) {
      if (!item) throw new YamlEditError('cannot replace an empty flow sequence item');
      const r = range(item);
      this.push({ start: r[0], end: r[1], insert: this.renderFlow(value) });
      return;
    }
    const dash = this.dashOffset(seq, index);
    this.replaceAfterIndicator(dash + 1, item, this.renderForSeq(value, this.column(dash)));
  }

  /** Delete entry `index` (a pair or an item) of a collection that keeps at least one entry. */
  private deleteEntry(coll: YAMLMap | YAMLSeq, index: number): void {
    const chunks = this.itemChunks(coll);
    const c = chunks[index] as { start: number; end: number };
    if (coll.flow) {
      const next = chunks[index + 1];
      const prev = chunks[index - 1];
      if (next) this.push({ start: c.start, end: next.start, insert: '' });
      else if (prev) this.push({ start: prev.end, end: c.end, insert: '' });
      return;
    }
    let { start, end } = c;
    if (!this.startsLine(start)) {
      // A first pair sharing the line with `- ` (`- id: a`): pull the next pair up onto this line.
      const next = chunks[index + 1];
      if (!next || !isMap(coll)) throw new YamlEditError('cannot delete this entry: unsupported layout');
      end = this.firstContentAfter(next.start);
    } else {
      start = this.lineStart(start);
    }
    if (end === this.text.length && !/\n$/.test(this.text.slice(start, end)) && start > 0) {
      // Removing the last line of a file without a final newline: drop the newline before it.
      start = this.text[start - 2] === '\r' ? start - 2 : start - 1;
    }
    this.push({ start, end, insert: '' });
  }

  /**
   * Source chunks of a collection's entries. Block: from the entry's first token (`-` or the
   * key) to the end of its last line, newline included. Flow: the entry's own characters.
   */
  private itemChunks(coll: YAMLMap | YAMLSeq): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    const items = coll.items as unknown[];
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      let start: number;
      let end: number;
      if (isSeq(coll)) {
        const node = it as YamlNode | null;
        start = coll.flow ? (node ? range(node)[0] : -1) : this.dashOffset(coll, i);
        end = node ? (coll.flow ? range(node)[1] : range(node)[2]) : start + 1;
        if (start < 0) throw new YamlEditError('cannot edit a flow sequence with empty items');
      } else {
        const pair = it as Pair;
        start = range(pair.key as YamlNode)[0];
        const v = pair.value as YamlNode | null;
        end = v ? (coll.flow ? range(v)[1] : range(v)[2]) : range(pair.key as YamlNode)[coll.flow ? 1 : 2];
      }
      if (!coll.flow) {
        if (!this.startsLine(start) && !(isMap(coll) && i === 0)) {
          throw new YamlEditError('cannot edit this sequence: an item does not start its own line');
        }
        end = this.lineEndAfter(end);
      }
      out.push({ start, end });
    }
    return out;
  }

  // ---------------------------------------------------------------- splicing helpers

  /**
   * Replace what follows an indicator (`key:` or `- `) with a rendered value. `old` is the node
   * being replaced (null/empty for `key:` with no value).
   */
  private replaceAfterIndicator(at: number, old: YamlNode | null, rendered: Rendered): void {
    const spanEnd = old && !isEmptyScalar(old) ? trimmedEnd(this.text, range(old)) : at;
    const lineEnd = this.lineEndNoEol(spanEnd);
    const tail = this.text.slice(spanEnd, lineEnd);
    if (rendered.rest.length === 0) {
      const aligned = /^( +)#/.exec(tail);
      if (aligned && old && !isEmptyScalar(old)) {
        // Keep an aligned trailing comment in its column (at least one space before it).
        const pad = (aligned[1] as string).length + (spanEnd - at) - rendered.first.length;
        this.push({ start: at, end: spanEnd + (aligned[1] as string).length, insert: rendered.first + ' '.repeat(Math.max(1, pad)) });
        return;
      }
      this.push({ start: at, end: spanEnd, insert: rendered.first });
      return;
    }
    const restText = rendered.rest.join(this.eol);
    if (/^\s*(#.*)?$/.test(tail) && tail.trim() !== '') {
      // Keep a trailing comment on the indicator's line (`tasks: # ours`) above the new block.
      this.push({ start: at, end: lineEnd, insert: rendered.first + tail + this.eol + restText });
    } else {
      this.push({ start: at, end: spanEnd, insert: rendered.first + this.eol + restText });
    }
  }

  /** Insert whole lines after the line holding `pos` (or at `pos` if it starts a line). */
  private insertLinesAt(pos: number, lines: string[]): void {
    const at = this.lineEndAfter(pos);
    const body = lines.join(this.eol);
    if (at === this.text.length && this.text.length > 0 && !this.text.endsWith('\n')) {
      // The file ends without a newline: keep it that way.
      this.push({ start: at, end: at, insert: this.eol + body });
    } else {
      this.push({ start: at, end: at, insert: body + this.eol });
    }
  }

  private colonAfterKey(pair: Pair): number {
    const key = pair.key as YamlNode | null;
    if (!key || !isScalar(key)) throw new YamlEditError('cannot edit a pair with a complex key');
    let i = range(key)[1];
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    if (this.text[i] !== ':') throw new YamlEditError('cannot find the ":" after a key');
    return i;
  }

  /** Offset of the `-` indicator of item `index` in a block sequence. */
  private dashOffset(seq: YAMLSeq, index: number): number {
    const tok = (seq as YamlNode).srcToken;
    if (tok && tok.type === 'block-seq') {
      const ind = tok.items[index]?.start.find((t) => t.type === 'seq-item-ind');
      if (ind && 'offset' in ind) return ind.offset;
    }
    // Without source tokens: walk back from the item to its `-`, over spaces on its own line,
    // or up over blank and comment lines when the item starts below the dash (`-\n  key: v`).
    const item = seq.items[index] as YamlNode | null | undefined;
    if (!item?.range) throw new YamlEditError(`cannot find item ${index} of a sequence`);
    let i = item.range[0] - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    if (this.text[i] === '-') return i;
    if (this.text[i] !== '\n') throw new YamlEditError(`cannot find the "-" of item ${index} of a sequence`);
    let lineEnd = i;
    while (lineEnd > 0) {
      const ls = this.text.lastIndexOf('\n', lineEnd - 1) + 1;
      const line = this.text.slice(ls, lineEnd).replace(/\r$/, '');
      const trimmed = line.replace(/^[ \t\uFEFF]+/, '');
      if (trimmed === '' || trimmed.startsWith('#')) {
        lineEnd = ls - 1;
        continue;
      }
      if (/^-(\s+#.*|\s*)$/.test(trimmed)) return ls + line.length - trimmed.length;
      break;
    }
    throw new YamlEditError(`cannot find the "-" of item ${index} of a sequence`);
  }

  private lineStart(pos: number): number {
    return this.text.lastIndexOf('\n', pos - 1) + 1;
  }

  /** Offset just after the newline ending the line at `pos` (or `pos` if it starts a line). */
  private lineEndAfter(pos: number): number {
    if (pos <= 0 || this.text[pos - 1] === '\n') return pos;
    const nl = this.text.indexOf('\n', pos);
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** Offset of the end of the line at `pos`, before its line ending. */
  private lineEndNoEol(pos: number): number {
    const nl = this.text.indexOf('\n', pos);
    if (nl < 0) return this.text.length;
    return this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  private startsLine(pos: number): boolean {
    const ls = this.lineStart(pos);
    return /^[ \t\uFEFF]*$/.test(this.text.slice(ls, pos));
  }

  private firstContentAfter(pos: number): number {
    let i = pos;
    while (i < this.text.length && /[ \t]/.test(this.text[i] as string)) i++;
    return i;
  }

  /** 0-based column, not counting a BOM. */
  private column(pos: number): number {
    const ls = this.lineStart(pos);
    return pos - ls - (ls === 0 && this.text.startsWith('\uFEFF') ? 1 : 0);
  }

  private pathOf(target: YamlNode): (string | number)[] | undefined {
    let found: (string | number)[] | undefined;
    const walk = (node: unknown, path: (string | number)[]): void => {
      if (found) return;
      if (node === target) {
        found = path;
        return;
      }
      if (isMap(node)) for (const p of node.items) walk(p.value, [...path, String(isScalar(p.key) ? p.key.value : '')]);
      else if (isSeq(node)) node.items.forEach((it, i) => walk(it, [...path, i]));
    };
    walk(this.doc.contents, []);
    return found;
  }

  // ---------------------------------------------------------------- rendering

  private detectStyle(): { indent: number; indentSeq: boolean } {
    let indent: number | undefined;
    let indentSeq: boolean | undefined;
    visit(this.doc, {
      Pair: (_k, pair, path) => {
        const parent = path[path.length - 1];
        if (!isMap(parent) || parent.flow || !isScalar(pair.key) || !pair.key.range) return;
        const keyCol = this.column(pair.key.range[0]);
        const v = pair.value;
        if (indent === undefined && isMap(v) && !v.flow && v.items[0] && isScalar(v.items[0].key) && v.items[0].key.range) {
          const d = this.column(v.items[0].key.range[0]) - keyCol;
          if (d > 0) indent = d;
        }
        if (indentSeq === undefined && isSeq(v) && !v.flow && v.items.length > 0) {
          indentSeq = this.column(this.dashOffset(v, 0)) > keyCol;
        }
        if (indent !== undefined && indentSeq !== undefined) return visit.BREAK;
        return undefined;
      },
    });
    return { indent: indent ?? 2, indentSeq: indentSeq ?? true };
  }

  private renderDoc(value: unknown, flow: boolean): string {
    const doc = new Document(value);
    // An empty collection reads best inline (`agenda: []`), even in block style.
    visit(doc, {
      Map: (_k, m) => {
        if (m.items.length === 0) m.flow = true;
      },
      Seq: (_k, s) => {
        if (s.items.length === 0) s.flow = true;
      },
    });
    if (flow) {
      // Multi-line strings inside flow collections read best as one double-quoted line.
      visit(doc, {
        Scalar: (_k, s: Scalar) => {
          if (typeof s.value === 'string' && /[\n\r]/.test(s.value)) s.type = Scalar.QUOTE_DOUBLE;
        },
      });
    }
    return doc.toString({
      lineWidth: 0,
      indent: this.indentUnit,
      indentSeq: this.indentSeq,
      collectionStyle: flow ? 'flow' : 'any',
      flowCollectionPadding: true,
    });
  }

  /** A value rendered on one line for a flow context. */
  private renderFlow(value: unknown): string {
    // Rendered as the item of a flow sequence: at the top level `yaml` would write a string
    // like `---` as a block scalar.
    const s = this.renderDoc([value], true).replace(/\n$/, '');
    if (s.includes('\n') || !s.startsWith('[ ') || !s.endsWith(' ]')) {
      throw new YamlEditError('cannot render this value on one line');
    }
    return s.slice(2, -2);
  }

  private renderFlowKey(key: string): string {
    return this.renderFlow(key);
  }

  /** Whole lines of a block rendering of `value`, indented by `col`. */
  private renderBlockLines(value: unknown, col: number): string[] {
    const pad = ' '.repeat(col);
    return this.renderDoc(value, false)
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => (l === '' ? l : pad + l));
  }

  /** `value` as it follows `key:` in a block mapping whose keys sit at column `col`. */
  private renderForMap(value: unknown, col: number): Rendered {
    const lines = this.renderBlockLines({ k: value }, col);
    const head = (lines[0] ?? '').slice(col);
    if (!head.startsWith('k:')) throw new YamlEditError('internal: unexpected rendering');
    return { first: head.slice(2), rest: lines.slice(1) };
  }

  /** `value` as it follows `-` in a block sequence whose dashes sit at column `col`. */
  private renderForSeq(value: unknown, col: number): Rendered {
    const lines = this.renderBlockLines([value], col);
    const head = (lines[0] ?? '').slice(col);
    if (!head.startsWith('-')) throw new YamlEditError('internal: unexpected rendering');
    return { first: head.slice(1), rest: lines.slice(1) };
  }
}

// ------------------------------------------------------------------ node helpers

function range(node: YamlNode): Range3 {
  const r = node.range;
  if (!r) throw new YamlEditError('cannot edit a node without a source range');
  return r;
}

function findPair(map: YAMLMap, seg: string | number): Pair | undefined {
  return map.items.find((p) => keyMatches(p, seg));
}

function keyMatches(pair: Pair, seg: string | number): boolean {
  return isScalar(pair.key) && String(pair.key.value) === String(seg);
}

function isEmptyScalar(node: YamlNode | null): boolean {
  return node === null || (isScalar(node) && !!node.range && node.range[0] === node.range[1]);
}

/** An absent value: `key:`, `key: ~` or `key: null`. */
function isEmptyish(node: YamlNode | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function inFlow(node: YamlNode | null): boolean {
  return isCollection(node) && !!node.flow;
}

function inFlowAncestor(doc: Document.Parsed, target: YamlNode): boolean {
  let result = false;
  visit(doc, {
    Node: (_k, node, path) => {
      if (node === target) {
        result = path.some((p) => isCollection(p) && !!p.flow);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return result;
}

/** The end of a node's own characters, without trailing spaces and line breaks. */
function trimmedEnd(text: string, r: Range3): number {
  let e = r[1];
  while (e > r[0] && /[ \t\r\n]/.test(text[e - 1] as string)) e--;
  return e;
}

/** `{a: {b: value}}` for path `['a', 'b']`; numeric segments build sequences. */
function buildNested(path: YamlPath, value: unknown): unknown {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i] as string | number;
    if (typeof seg === 'number') {
      if (seg !== 0) throw new YamlEditError(`cannot create item ${seg} of a new sequence`);
      v = [v];
    } else {
      v = { [seg]: v };
    }
  }
  return v;
}

function fmtPath(path: YamlPath): string {
  if (path.length === 0) return 'the document';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
