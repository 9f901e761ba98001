/**
 * The `yaml` nodes as the editor (editor.ts) reads them: their source ranges, keys and empty
 * values, and the error every edit throws when it cannot edit safely. Shared by the modules of
 * core/yaml so each reads a node one way.
 */
import { isCollection, isScalar, visit, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';

export type YamlPath = readonly (string | number)[];

export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEditError';
  }
}

/** A node's source range: start, end of its value, end of the node with its trailing comment. */
export type Range3 = [number, number, number];

export function range(node: YamlNode): Range3 {
  const r = node.range;
  if (!r) throw new YamlEditError('cannot edit a node without a source range');
  return r;
}

export function findPair(map: YAMLMap, seg: string | number): Pair | undefined {
  return map.items.find((p) => keyMatches(p, seg));
}

export function keyMatches(pair: Pair, seg: string | number): boolean {
  return isScalar(pair.key) && String(pair.key.value) === String(seg);
}

export function isEmptyScalar(node: YamlNode | null): boolean {
  return node === null || (isScalar(node) && !!node.range && node.range[0] === node.range[1]);
}

/** An absent value: `key:`, `key: ~` or `key: null`. */
export function isEmptyish(node: YamlNode | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

export function inFlow(node: YamlNode | null): boolean {
  return isCollection(node) && !!node.flow;
}

export function inFlowAncestor(doc: Document.Parsed, target: YamlNode): boolean {
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
export function trimmedEnd(text: string, r: Range3): number {
  let e = r[1];
  while (e > r[0] && /[ \t\r\n]/.test(text[e - 1] as string)) e--;
  return e;
}

/** `{a: {b: value}}` for path `['a', 'b']`; numeric segments build sequences. */
export function buildNested(path: YamlPath, value: unknown): unknown {
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

export function fmtPath(path: YamlPath): string {
  if (path.length === 0) return 'the document';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
