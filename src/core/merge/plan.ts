/**
 * The plan of a merge by id (index.ts): walk base, ours and theirs as plain data together and
 * collect, as `YamlOp`s on ours' paths, what theirs changed that ours did not; the fields both
 * changed two ways as conflicts; and the merged data, which the result must read back as.
 */
import type { YamlOp, YamlPath } from '../yaml/edit';

export type Plain = unknown;

export interface FieldConflict {
  /** The field's path in ours (list indices as ours has them). */
  path: YamlPath;
  /** The field's path in theirs. */
  theirsPath: YamlPath;
  /** The same path for people: items named by their id. */
  shown: (string | number)[];
  /** Theirs' value; undefined when theirs deleted the field. */
  theirs: Plain;
  message: string;
}

/** The structure cannot be merged by id here; the caller merges the file line by line. */
export class Unmergeable extends Error {}

/** An op, and for an append the items' place in theirs (so their own text can be copied, comments and all). */
export interface PlannedOp {
  op: YamlOp;
  from?: { path: YamlPath; items: number[] };
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function isScalar(v: unknown): boolean {
  return v === null || v instanceof Date || (typeof v !== 'object' && typeof v !== 'function');
}

/** Structural equality of plain YAML data (mapping key order does not matter). */
export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => eq(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && eq(a[k], b[k]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return Number.isNaN(a) && Number.isNaN(b);
}

/** A scalar's identity in a set-like list (`agenda`, `links`): its type and value. */
function key(v: unknown): string {
  return v instanceof Date ? `d:${v.toISOString()}` : `${typeof v}:${String(v)}`;
}

function idOf(v: unknown): string | undefined {
  return isObj(v) && typeof v.id === 'string' && v.id !== '' ? v.id : undefined;
}

const describe = (shown: readonly (string | number)[]): string => shown.join('.');

export function collectOps(base: Plain, ours: Plain, theirs: Plain): { ops: PlannedOp[]; conflicts: FieldConflict[]; merged: Plain } {
  const ops: PlannedOp[] = [];
  const conflicts: FieldConflict[] = [];

  const merge = (path: YamlPath, tp: YamlPath, shown: (string | number)[], b: unknown, o: unknown, t: unknown): unknown => {
    if (eq(o, t) || eq(b, t)) return o;
    if (isObj(o) && isObj(t)) return mergeMaps(path, tp, shown, isObj(b) ? b : {}, o, t);
    if (Array.isArray(o) && Array.isArray(t) && (b === undefined || Array.isArray(b))) return mergeLists(path, tp, shown, (b as unknown[] | undefined) ?? [], o, t);
    if (eq(b, o)) {
      // Only theirs changed it (a scalar, a new key, a deleted key, or a change of kind).
      if (t === undefined) ops.push({ op: { op: 'delete', path } });
      else ops.push({ op: { op: 'set', path, value: t } });
      return t;
    }
    const what = o === undefined ? 'deleted in ours and changed in theirs' : t === undefined ? 'changed in ours and deleted in theirs' : 'changed two ways';
    conflicts.push({ path, theirsPath: tp, shown, theirs: t, message: `${describe(shown)} was ${what}: keep one side and delete the marker lines` });
    return o;
  };

  const mergeMaps = (path: YamlPath, tp: YamlPath, shown: (string | number)[], b: Obj, o: Obj, t: Obj): Obj => {
    const out: Obj = {};
    const keys = [...Object.keys(o), ...Object.keys(t).filter((k) => !Object.hasOwn(o, k)), ...Object.keys(b).filter((k) => !Object.hasOwn(o, k) && !Object.hasOwn(t, k))];
    for (const k of keys) {
      const v = merge([...path, k], [...tp, k], [...shown, k], b[k], o[k], t[k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  };

  const mergeLists = (path: YamlPath, tp: YamlPath, shown: (string | number)[], b: unknown[], o: unknown[], t: unknown[]): unknown[] => {
    const all = [...b, ...o, ...t];
    if (all.every((x) => idOf(x) !== undefined) && [b, o, t].every(uniqueIds)) return mergeById(path, tp, shown, b, o, t);
    if (all.every(isScalar) && [b, o, t].every(uniqueValues)) return mergeAsSet(path, tp, b, o, t);
    // Other lists (feedback, thread comments): only appends on both sides merge.
    if (eq(b, o)) {
      ops.push({ op: { op: 'set', path, value: t } });
      return t;
    }
    const prefix = (l: unknown[]): boolean => l.length >= b.length && b.every((x, i) => eq(x, l[i]));
    if (prefix(o) && prefix(t)) {
      const added = t.slice(b.length);
      ops.push({ op: { op: 'appendAll', path, values: added }, from: { path: tp, items: added.map((_, i) => b.length + i) } });
      return [...o, ...added];
    }
    throw new Unmergeable(`${describe(shown)} is a list without ids that both sides changed, so it was merged line by line`);
  };

  /** Removes and additions as `YamlOp`s; a list emptied and refilled is written whole (the editor cannot do both at once). */
  const planList = (path: YamlPath, tp: YamlPath, o: unknown[], removeAt: number[], added: unknown[], addedAt: number[]): unknown[] => {
    const removed = new Set(removeAt);
    const kept = o.filter((_, i) => !removed.has(i));
    const result = [...kept, ...added];
    if (kept.length === 0 && removeAt.length > 0) {
      ops.push({ op: { op: 'set', path, value: result } });
      return result;
    }
    for (const i of removeAt) ops.push({ op: { op: 'delete', path: [...path, i] } });
    if (added.length > 0) ops.push({ op: { op: 'appendAll', path, values: added }, from: { path: tp, items: addedAt } });
    return result;
  };

  const mergeById = (path: YamlPath, tp: YamlPath, shown: (string | number)[], b: unknown[], o: unknown[], t: unknown[]): unknown[] => {
    const byId = (l: unknown[]): Map<string, number> => new Map(l.map((x, i) => [idOf(x) as string, i]));
    const bi = byId(b);
    const oi = byId(o);
    const ti = byId(t);
    const merged = [...o];
    const added: unknown[] = [];
    const addedAt: number[] = [];
    const removeAt: number[] = [];
    for (const [tIndex, item] of t.entries()) {
      const id = idOf(item) as string;
      const at = oi.get(id);
      const inBase = bi.has(id);
      const bItem = inBase ? b[bi.get(id) as number] : undefined;
      if (at !== undefined) {
        // In both (or added on both with one id): merge field by field; added twice means no common base.
        merged[at] = merge([...path, at], [...tp, tIndex], [...shown, id], inBase ? bItem : {}, o[at], item);
      } else if (!inBase) {
        added.push(item);
        addedAt.push(tIndex);
      } else if (!eq(bItem, item)) {
        throw new Unmergeable(`${describe([...shown, id])} was deleted in ours and changed in theirs, so it was merged line by line`);
      }
    }
    for (const [id, i] of bi) {
      const at = oi.get(id);
      if (ti.has(id) || at === undefined) continue;
      if (!eq(b[i], o[at])) throw new Unmergeable(`${describe([...shown, id])} was changed in ours and deleted in theirs, so it was merged line by line`);
      removeAt.push(at);
    }
    planList(path, tp, o, removeAt, added, addedAt);
    // An item theirs removed was unchanged in ours, so nothing was merged inside it.
    const removed = new Set(removeAt);
    return [...merged.filter((_, i) => !removed.has(i)), ...added];
  };

  const mergeAsSet = (path: YamlPath, tp: YamlPath, b: unknown[], o: unknown[], t: unknown[]): unknown[] => {
    const inB = new Set(b.map(key));
    const inO = new Set(o.map(key));
    const inT = new Set(t.map(key));
    const removeAt = o.flatMap((x, i) => (inB.has(key(x)) && !inT.has(key(x)) ? [i] : []));
    const addedAt = t.flatMap((x, i) => (!inB.has(key(x)) && !inO.has(key(x)) ? [i] : []));
    return planList(path, tp, o, removeAt, addedAt.map((i) => t[i]), addedAt);
  };

  const merged = merge([], [], [], base, ours, theirs);
  return { ops, conflicts, merged };
}

function uniqueIds(l: unknown[]): boolean {
  return new Set(l.map(idOf)).size === l.length;
}

function uniqueValues(l: unknown[]): boolean {
  return new Set(l.map(key)).size === l.length;
}
