/**
 * New values rendered with `yaml`'s own stringifier in the file's own style (its indent, and
 * whether sequences are indented under their key), as text that follows a `key:` or a `-` at a
 * given column, or as one line for a flow collection. The only text editor.ts writes anew.
 */
import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import { YamlEditError } from './nodes';
import type { SourceText } from './source';

export interface Rendered {
  /** Text that follows the indicator (`key:` or `-`) on its own line, e.g. ` value`, ` |-` or ``. */
  first: string;
  /** Following lines, already indented for their place in the file. */
  rest: string[];
}

/** The indent of the file's block mappings and whether its sequences sit indented under their key (2 and yes when it has none). */
export function detectStyle(doc: Document.Parsed, src: SourceText): { indent: number; indentSeq: boolean } {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  visit(doc, {
    Pair: (_k, pair, path) => {
      const parent = path[path.length - 1];
      if (!isMap(parent) || parent.flow || !isScalar(pair.key) || !pair.key.range) return;
      const keyCol = src.column(pair.key.range[0]);
      const v = pair.value;
      if (indent === undefined && isMap(v) && !v.flow && v.items[0] && isScalar(v.items[0].key) && v.items[0].key.range) {
        const d = src.column(v.items[0].key.range[0]) - keyCol;
        if (d > 0) indent = d;
      }
      if (indentSeq === undefined && isSeq(v) && !v.flow && v.items.length > 0) {
        indentSeq = src.column(src.dashOffset(v, 0)) > keyCol;
      }
      if (indent !== undefined && indentSeq !== undefined) return visit.BREAK;
      return undefined;
    },
  });
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true };
}

export class Renderer {
  constructor(
    private readonly indentUnit: number,
    private readonly indentSeq: boolean,
  ) {}

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
  flow(value: unknown): string {
    // Rendered as the item of a flow sequence: at the top level `yaml` would write a string
    // like `---` as a block scalar.
    const s = this.renderDoc([value], true).replace(/\n$/, '');
    if (s.includes('\n') || !s.startsWith('[ ') || !s.endsWith(' ]')) {
      throw new YamlEditError('cannot render this value on one line');
    }
    return s.slice(2, -2);
  }

  flowKey(key: string): string {
    return this.flow(key);
  }

  /** Whole lines of a block rendering of `value`, indented by `col`. */
  blockLines(value: unknown, col: number): string[] {
    const pad = ' '.repeat(col);
    return this.renderDoc(value, false)
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => (l === '' ? l : pad + l));
  }

  /** `value` as it follows `key:` in a block mapping whose keys sit at column `col`. */
  forMap(value: unknown, col: number): Rendered {
    const lines = this.blockLines({ k: value }, col);
    const head = (lines[0] ?? '').slice(col);
    if (!head.startsWith('k:')) throw new YamlEditError('internal: unexpected rendering');
    return { first: head.slice(2), rest: lines.slice(1) };
  }

  /** `value` as it follows `-` in a block sequence whose dashes sit at column `col`. */
  forSeq(value: unknown, col: number): Rendered {
    const lines = this.blockLines([value], col);
    const head = (lines[0] ?? '').slice(col);
    if (!head.startsWith('-')) throw new YamlEditError('internal: unexpected rendering');
    return { first: head.slice(1), rest: lines.slice(1) };
  }
}
