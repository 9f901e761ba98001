/**
 * Offsets in the source text of one edit (editor.ts): lines, columns (a BOM takes none), and
 * where the `:` after a key and the `-` of a sequence item stand. The edits splice text at
 * these offsets, so everything they do not touch stays byte for byte.
 */
import { isScalar, type Node as YamlNode, type Pair, type YAMLSeq } from 'yaml';
import { range, YamlEditError } from './nodes';

/** The line ending a file uses (the first one found), `\n` when it has none. */
export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export class SourceText {
  constructor(readonly text: string) {}

  lineStart(pos: number): number {
    return this.text.lastIndexOf('\n', pos - 1) + 1;
  }

  /** Offset just after the newline ending the line at `pos` (or `pos` if it starts a line). */
  lineEndAfter(pos: number): number {
    if (pos <= 0 || this.text[pos - 1] === '\n') return pos;
    const nl = this.text.indexOf('\n', pos);
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** Offset of the end of the line at `pos`, before its line ending. */
  lineEndNoEol(pos: number): number {
    const nl = this.text.indexOf('\n', pos);
    if (nl < 0) return this.text.length;
    return this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  startsLine(pos: number): boolean {
    const ls = this.lineStart(pos);
    return /^[ \t\uFEFF]*$/.test(this.text.slice(ls, pos));
  }

  firstContentAfter(pos: number): number {
    let i = pos;
    while (i < this.text.length && /[ \t]/.test(this.text[i] as string)) i++;
    return i;
  }

  /** 0-based column, not counting a BOM. */
  column(pos: number): number {
    const ls = this.lineStart(pos);
    return pos - ls - (ls === 0 && this.text.startsWith('\uFEFF') ? 1 : 0);
  }

  colonAfterKey(pair: Pair): number {
    const key = pair.key as YamlNode | null;
    if (!key || !isScalar(key)) throw new YamlEditError('cannot edit a pair with a complex key');
    let i = range(key)[1];
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    if (this.text[i] !== ':') throw new YamlEditError('cannot find the ":" after a key');
    return i;
  }

  /** Offset of the `-` indicator of item `index` in a block sequence. */
  dashOffset(seq: YAMLSeq, index: number): number {
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
}
