/**
 * Duplicate keys in one pass. yaml's own check (`uniqueKeys: true`) compares each new key with
 * every earlier key of its mapping, which takes minutes on a file of 100,000 keys; so the parse
 * runs yaml with `uniqueKeys: false` and this module adds the same `DUPLICATE_KEY` errors to
 * `doc.errors`, found with a hash map per mapping: the same keys (yaml's rule: two scalar keys
 * whose values are `===`), at the same place (where the second key starts), in position order.
 * test/unit/core/parse/duplicates.test.ts holds it equal to yaml's check on tricky documents.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, YAMLParseError } from 'yaml';
import type { Document, Node as YamlNode, Scalar } from 'yaml';

/** logLevel 'error': yaml's warnings become diagnostics, never process warnings on stderr. */
export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' } as const;

/** What the message of a duplicate key says: the key, where it ends, the line of its first use (from the text). */
export interface DuplicateKey {
  readonly key: string;
  readonly end: number;
  /** Offset of the first key of that mapping with the same text, when it is another key than this one. */
  readonly firstOffset?: number;
}

/**
 * A duplicate-key error, and where yaml reports it in the order of its errors: in a block
 * mapping as soon as it has read the key, in a flow mapping once it has read the value too.
 */
interface Found {
  error: YAMLParseError;
  after: number;
}

/** The duplicate keys of each document this module parsed, by the offset of the second key (yamlErrors.ts words them). */
const found = new WeakMap<Document.Parsed, ReadonlyMap<number, DuplicateKey>>();

/** yaml's `parseDocument` with its duplicate-key errors, found in linear time. */
export function parseYaml(text: string): Document.Parsed {
  const doc = parseDocument(text, YAML_OPTIONS);
  const errors: Found[] = [];
  const details = new Map<number, DuplicateKey>();
  collect(doc.contents, true, text, errors, details);
  if (errors.length > 0) {
    // The walk finds an outer mapping's duplicates before those of the mappings inside it.
    errors.sort((x, y) => x.after - y.after);
    doc.errors = mergeInOrder(doc.errors, errors);
    found.set(doc, details);
  }
  return doc;
}

/** The duplicate key starting at `offset` of a document `parseYaml` read, when it was found where a message can name it. */
export function duplicateAt(doc: Document.Parsed, offset: number): DuplicateKey | undefined {
  return found.get(doc)?.get(offset);
}

/**
 * Every mapping under `node`. `named`: reached through values and list items only (not through a
 * key that is itself a mapping), where the message names the key and its first line; a mapping
 * inside a key gets the error alone, as before this module.
 */
function collect(root: unknown, named: boolean, text: string, errors: Found[], details: Map<number, DuplicateKey>): void {
  // An explicit stack: nesting is bounded by prescan.ts, but a deep walk must not use the call stack.
  const stack: [unknown, boolean][] = [[root, named]];
  while (stack.length > 0) {
    const [node, inNamed] = stack.pop() as [unknown, boolean];
    if (isMap(node)) {
      checkMap(node.items, node.flow === true, inNamed, text, errors, details);
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!pair) continue;
        stack.push([pair.value, inNamed]);
        stack.push([pair.key, false]);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) {
          stack.push([item.value, inNamed]);
          stack.push([item.key, false]);
        } else stack.push([item, inNamed]);
      }
    }
  }
}

function checkMap(items: readonly { key: unknown; value: unknown }[], flow: boolean, named: boolean, text: string, errors: Found[], details: Map<number, DuplicateKey>): void {
  if (items.length < 2) return;
  // yaml's rule: `a === b || (both scalars && a.value === b.value)`. A Map compares keys as `===`
  // does but for NaN (equal to itself in a Map, never with `===`), which is left out.
  const seen = new Set<unknown>();
  let firstByText: Map<string, number> | undefined;
  for (const { key, value: pairValue } of items) {
    if (!isScalar(key)) continue;
    const value: unknown = key.value;
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    if (!seen.has(value)) {
      seen.add(value);
      continue;
    }
    const at = keyStart(key, text);
    const valueEnd = isNode(pairValue) ? pairValue.range?.[1] : undefined;
    const after = flow ? (valueEnd ?? key.range?.[1] ?? at) : at;
    errors.push({ error: new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'), after }); // l10n-exempt: yaml's own words, never shown (yamlErrors.ts words DUPLICATE_KEY)
    // An empty key is left unnamed (the message quotes the text there), as it always was.
    if (!named || !key.range || key.range[0] !== at) continue;
    // The first key with the same text (`String(value)`), as the message has always named it.
    firstByText ??= firstOffsets(items);
     
    const first = firstByText.get(String(value));
    details.set(at, { key: String(value), end: key.range[1], ...(first !== undefined && first !== at ? { firstOffset: first } : {}) });
  }
}

function firstOffsets(items: readonly { key: unknown }[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const { key } of items) {
    if (!isScalar(key) || !key.range) continue;
     
    const name = String(key.value);
    if (!first.has(name)) first.set(name, key.range[0]);
  }
  return first;
}

/**
 * Where yaml reports a duplicate: where the key starts after its properties (`?`, a tag, an
 * anchor). That is where its node starts, except for an empty key, which yaml places back
 * before the spaces, comments and line breaks that follow its properties: skipped here again.
 */
function keyStart(key: Scalar & YamlNode, text: string): number {
  const r = key.range;
  if (!r) return 0;
  if (r[0] !== r[1]) return r[0];
  let i = r[0];
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else break;
  }
  return i;
}

/** yaml's errors with the duplicates put where yaml reports them: before the first error that starts after their `after`. */
function mergeInOrder(a: readonly YAMLParseError[], b: readonly Found[]): YAMLParseError[] {
  const out: YAMLParseError[] = [];
  let j = 0;
  for (const e of a) {
    while (j < b.length && (b[j] as Found).after < e.pos[0]) out.push((b[j++] as Found).error);
    out.push(e);
  }
  while (j < b.length) out.push((b[j++] as Found).error);
  return out;
}

function isNode(x: unknown): x is YamlNode {
  return typeof x === 'object' && x !== null && 'range' in x;
}
