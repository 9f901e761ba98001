/**
 * One edit session over one text (`Editor`): each operation plans splices against one parse,
 * and `apply` performs them, refusing overlaps. The lossless edits of edit.ts are built on it;
 * positions come from source.ts, new text from render.ts, node reading from nodes.ts.
 */
import { isCollection, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import {
  buildNested,
  findPair,
  fmtPath,
  inFlow,
  inFlowAncestor,
  isEmptyish,
  isEmptyScalar,
  keyMatches,
  range,
  trimmedEnd,
  YamlEditError,
  type YamlPath,
} from './nodes';
import { detectStyle, Renderer, type Rendered } from './render';
import { detectEol, SourceText } from './source';

/** A replacement of `text.slice(start, end)` (offsets into the text before the edit) by `insert`. */
export interface TextSplice {
  start: number;
  end: number;
  insert: string;
}

interface Splice {
  start: number;
  end: number;
  insert: string;
  /** Planning order, so inserts at one offset keep the order they were planned in. */
  seq: number;
}

/**
 * One edit session over one text. Each public method plans exactly one splice (or a few for
 * a move), and `apply` performs them.
 */
export class Editor {
  private readonly doc: Document.Parsed;
  private readonly eol: '\n' | '\r\n';
  private readonly splices: Splice[] = [];
  private readonly addedKeys = new Map<YAMLMap, Set<string>>();
  private readonly src: SourceText;
  private readonly render: Renderer;

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
    this.src = new SourceText(text);
    const style = detectStyle(this.doc, this.src);
    this.render = new Renderer(style.indent, style.indentSeq);
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
        this.push({ start: r[0], end: r[1], insert: this.render.flow(value) });
      } else {
        const colon = this.src.colonAfterKey(pair);
        this.push({ start: colon + 1, end: colon + 1, insert: ' ' + this.render.flow(value) });
      }
      return;
    }
    const colon = this.src.colonAfterKey(pair);
    const keyCol = this.src.column(range(pair.key as YamlNode)[0]);
    this.replaceAfterIndicator(colon + 1, v, this.render.forMap(value, keyCol));
  }

  private addPair(map: YAMLMap, key: string, value: unknown, after?: readonly string[]): void {
    const added = this.addedKeys.get(map) ?? new Set<string>();
    if (added.has(key)) throw new YamlEditError(`cannot add the key "${key}" twice in one edit`);
    added.add(key);
    this.addedKeys.set(map, added);
    if (map.flow) {
      const last = map.items[map.items.length - 1];
      const r = range(map as YamlNode);
      const body = `${this.render.flowKey(key)}: ${this.render.flow(value)}`;
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
    const col = this.src.column(range(first.key as YamlNode)[0]);
    const lines = this.render.blockLines({ [key]: value }, col);
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
        const inner = all ? values.map((v) => this.render.flow(v)).join(', ') : this.render.flow(value);
        this.push({ start: r[0] + 1, end: close, insert: inner });
        return;
      }
      const end = last ? range(last)[1] : r[0] + 1;
      this.push({ start: end, end, insert: `, ${this.render.flow(value)}` });
      return;
    }
    const dash = this.src.dashOffset(seq, 0);
    const col = this.src.column(dash);
    const lines = this.render.blockLines([value], col);
    const last = items[items.length - 1];
    const end = Math.max(range(seq as YamlNode)[1], last ? range(last)[2] : 0, this.src.dashOffset(seq, items.length - 1) + 1);
    this.insertLinesAt(end, lines);
  }

  private replaceSeqItem(seq: YAMLSeq, index: number, value: unknown): void {
    const item = seq.items[index] as YamlNode | null;
    if (seq.flow) {
      if (!item) throw new YamlEditError('cannot replace an empty flow sequence item');
      const r = range(item);
      this.push({ start: r[0], end: r[1], insert: this.render.flow(value) });
      return;
    }
    const dash = this.src.dashOffset(seq, index);
    this.replaceAfterIndicator(dash + 1, item, this.render.forSeq(value, this.src.column(dash)));
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
    if (!this.src.startsLine(start)) {
      // A first pair sharing the line with `- ` (`- id: a`): pull the next pair up onto this line.
      const next = chunks[index + 1];
      if (!next || !isMap(coll)) throw new YamlEditError('cannot delete this entry: unsupported layout');
      end = this.src.firstContentAfter(next.start);
    } else {
      start = this.src.lineStart(start);
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
        start = coll.flow ? (node ? range(node)[0] : -1) : this.src.dashOffset(coll, i);
        end = node ? (coll.flow ? range(node)[1] : range(node)[2]) : start + 1;
        if (start < 0) throw new YamlEditError('cannot edit a flow sequence with empty items');
      } else {
        const pair = it as Pair;
        start = range(pair.key as YamlNode)[0];
        const v = pair.value as YamlNode | null;
        end = v ? (coll.flow ? range(v)[1] : range(v)[2]) : range(pair.key as YamlNode)[coll.flow ? 1 : 2];
      }
      if (!coll.flow) {
        if (!this.src.startsLine(start) && !(isMap(coll) && i === 0)) {
          throw new YamlEditError('cannot edit this sequence: an item does not start its own line');
        }
        end = this.src.lineEndAfter(end);
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
    const lineEnd = this.src.lineEndNoEol(spanEnd);
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
    const at = this.src.lineEndAfter(pos);
    const body = lines.join(this.eol);
    if (at === this.text.length && this.text.length > 0 && !this.text.endsWith('\n')) {
      // The file ends without a newline: keep it that way.
      this.push({ start: at, end: at, insert: this.eol + body });
    } else {
      this.push({ start: at, end: at, insert: body + this.eol });
    }
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
}
