/**
 * The incremental check of an edit (`editLeavesNoError`): when an edit changed only items of a
 * top-level block list, parse those items alone and check them against the plain data of the
 * file before, instead of parsing a large file again. core/edit/index.ts calls it; a false
 * answer means "parse in full", never "the edit is wrong".
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Pair } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import { MentoringFile } from '../schema';
import { AliasFound, FILE_SHAPE, LEAF, toPlain } from './plain';
import { isNodeLike, LineIndex, Locator } from './positions';
import { DEFAULT_MAX_BYTES, findConflictMarker, findDeepNesting, utf8LengthAbove } from './prescan';
import { crossReferences } from './references';
import type { AliasFreeData, ParseResult } from './types';
import { parseYaml } from './yamlErrors';

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
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar's value is a string, number, boolean or null
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
  const part = parseYaml(region);
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
  const kept = oldList as unknown[];
  const merged: Record<string, unknown> = { ...data.plain, [name]: [...kept.slice(0, a), ...fresh, ...kept.slice(b + 1)] };
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
