/**
 * The plain data of the YAML nodes, built in one pass that also notes unknown keys as info (the
 * walk follows the zod schema's key structure, so each key's own node is at hand). A file with
 * aliases is left to yaml's toJS, whose alias budget stops alias bombs: `toPlain` throws
 * `AliasFound` at the first alias. Used by `parseText` (index.ts) and verify.ts.
 */
import * as l10n from '@vscode/l10n';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import * as z from 'zod/mini';
import { closest } from '../closeness';
import type { Diagnostic } from '../diagnostics';
import { MentoringFile } from '../schema';
import { formatPath, type Locator } from './positions';

export type AnySchema = z.core.$ZodType;

/** The schema inside optional, default and nullable wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let s: AnySchema = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodMiniOptional || s instanceof z.ZodMiniDefault || s instanceof z.ZodMiniNullable) s = s._zod.def.innerType;
    else break;
  }
  return s;
}

/** The key structure of the schema, computed once: which keys a mapping knows, what a list holds. */
export interface Shape {
  keys?: Map<string, Shape>;
  element?: Shape;
}
export const LEAF: Shape = {};

function shapeOf(schema: AnySchema): Shape {
  const s = unwrap(schema);
  if (s instanceof z.ZodMiniObject) {
    const keys = new Map<string, Shape>();
    const fields: Record<string, AnySchema> = s.shape;
    for (const [k, v] of Object.entries(fields)) keys.set(k, shapeOf(v));
    return { keys };
  }
  if (s instanceof z.ZodMiniArray) return { element: shapeOf(s._zod.def.element) };
  return LEAF;
}

export const FILE_SHAPE = shapeOf(MentoringFile);

/** The signal that the data holds an alias (the plain conversion then gives way to yaml's own). */
export class AliasFound extends Error {}

/**
 * The signal that a tag made a value no mentoring file holds (`!!binary` bytes, a `!!set`…): the
 * parse then locates it (yamlErrors.ts `findUnsupportedTag`). An AliasFound, so verify.ts, which
 * gives way to a full parse on an alias, does so here too.
 */
export class OddValueFound extends AliasFound {}

const ODD_COLLECTION_TAGS = new Set(['tag:yaml.org,2002:set', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs']);

interface PlainContext {
  locator: Locator;
  out: Diagnostic[];
}

/**
 * The plain JavaScript value of a node, as yaml's `toJS` makes it (core schema, string keys),
 * noting unknown keys on the way. Throws `AliasFound` at the first alias.
 */
export function toPlain(node: unknown, shape: Shape, path: (string | number)[], ctx: PlainContext): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    if (typeof node.value === 'object' && node.value !== null) throw new OddValueFound();
    return node.value;
  }
  if ((isMap(node) || isSeq(node)) && node.tag !== undefined && ODD_COLLECTION_TAGS.has(node.tag)) throw new OddValueFound();
  if (isMap(node)) {
    const obj: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = pair.key;
      if (isAlias(key) || isAlias(pair.value)) throw new AliasFound();
      // as yaml's toJS: a null key is '', other scalars their string, collections their JSON
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar's value is a string, number, boolean or null
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
  if (!r) return;
  reportUnknownAt(name, r[0], r[1], shape, path, ctx.locator, ctx.out);
}

/** The info of an unknown key whose text is `start`–`end` (also the fast reader's, fastScan.ts). */
export function reportUnknownAt(name: string, start: number, end: number, shape: Shape, path: readonly (string | number)[], locator: Locator, out: Diagnostic[]): void {
  if (!shape.keys) return;
  const known = [...shape.keys.keys()];
  const guess = closest(name, known);
  const lines = locator.lines;
  const message = path.length === 0
    ? guess
      ? l10n.t('Unknown key `{0}` at the top level: kept as is. Did you mean `{1}`?', name, guess)
      : l10n.t('Unknown key `{0}` at the top level: kept as is. Known keys here: {1}.', name, known.join(', '))
    : guess
      ? l10n.t('Unknown key `{0}` in `{1}`: kept as is. Did you mean `{2}`?', name, formatPath(path), guess)
      : l10n.t('Unknown key `{0}` in `{1}`: kept as is. Known keys here: {2}.', name, formatPath(path), known.join(', '));
  out.push(lines.diagnostic('info', 'unknown-key', message,
    start, Math.min(end, lines.lineEnd(start)), [...path, name], guess ? { key: name, suggestion: guess } : { key: name }));
}

/** Unknown keys of a file with aliases (after yaml's toJS); aliased nodes are reported where they are defined. */
export function reportUnknownKeys(node: unknown, shape: Shape, path: (string | number)[], locator: Locator, out: Diagnostic[]): void {
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

