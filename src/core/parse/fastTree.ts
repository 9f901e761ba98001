/**
 * The positions the fast reader (fastScan.ts) keeps of a file: one node per mapping, list and
 * scalar, with the character range yaml's Document gives the same node (see fastScan.ts for how
 * each range is taken), and each mapping's keys with their ranges. `treeRange` and `treeKeyRange`
 * answer what positions.ts's `rangeOf` and `walk` answer on a Document, by the same rules, so a
 * diagnostic lands on the same characters whichever reader the file went through
 * (test/unit/core/parse/fastScan.test.ts compares them path by path).
 */

export const SCALAR = 0;
export const MAP = 1;
export const SEQ = 2;

export interface FastScalar {
  readonly kind: typeof SCALAR;
  readonly start: number;
  /** `start` for an empty value (`title:` with nothing after it). */
  readonly end: number;
}

export interface FastEntry {
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: FastNode;
}

export interface FastMap {
  readonly kind: typeof MAP;
  readonly start: number;
  end: number;
  /** By the key's text; a mapping with two keys of one text never gets here (fastScan.ts gives way). */
  readonly keys: Map<string, FastEntry>;
  first: FastEntry | undefined;
}

export interface FastSeq {
  readonly kind: typeof SEQ;
  readonly start: number;
  end: number;
  readonly items: FastNode[];
}

export type FastNode = FastScalar | FastMap | FastSeq;

/** A file's positions as the fast reader found them: what positions.ts's Locator reads instead of a Document. */
export interface FastTree {
  readonly fastRoot: FastMap;
}

export function isFastTree(x: unknown): x is FastTree {
  return typeof x === 'object' && x !== null && 'fastRoot' in x;
}

interface Range {
  offset: number;
  endOffset: number;
}

interface Walked {
  node: FastNode;
  key: FastEntry | undefined;
  missing: boolean;
}

/** positions.ts `walk`, on the tree: the node at `path`, or its deepest existing parent when `missing`. */
function walkTree(root: FastMap, path: readonly (string | number)[]): Walked {
  let node: FastNode = root;
  let key: FastEntry | undefined;
  for (const seg of path) {
    let next: FastNode | undefined;
    let nextKey: FastEntry | undefined;
    if (node.kind === MAP) {
      nextKey = node.keys.get(String(seg));
      next = nextKey?.value;
    } else if (node.kind === SEQ && typeof seg === 'number') {
      next = Number.isInteger(seg) && seg >= 0 ? node.items[seg] : undefined;
    }
    if (next === undefined) return { node, key, missing: true };
    node = next;
    key = nextKey;
  }
  return { node, key, missing: false };
}

/** positions.ts `rangeOf`, on the tree. */
export function treeRange(tree: FastTree, path: readonly (string | number)[]): Range {
  const found = walkTree(tree.fastRoot, path);
  const { node, key } = found;
  if (found.missing) {
    const anchor = key ?? (node.kind === MAP ? node.first : undefined);
    return anchor ? { offset: anchor.keyStart, endOffset: anchor.keyEnd } : { offset: node.start, endOffset: node.start };
  }
  if (node.start === node.end && key) return { offset: key.keyStart, endOffset: key.keyEnd };
  return { offset: node.start, endOffset: node.end };
}

/** The key of the node at `path` (a Locator's `pointAtKey`), when it is found and sits in a mapping. */
export function treeKeyRange(tree: FastTree, path: readonly (string | number)[]): Range | undefined {
  const found = walkTree(tree.fastRoot, path);
  return !found.missing && found.key ? { offset: found.key.keyStart, endOffset: found.key.keyEnd } : undefined;
}
