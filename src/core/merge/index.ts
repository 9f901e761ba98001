/**
 * Three-way merge of a mentoring file by id, for the git merge driver (`src/cli/mergeDriver.ts`).
 *
 * The result starts from OURS' text and receives THEIRS' changes (relative to BASE) as lossless
 * YAML edits (`src/core/yaml/edit.ts`), so every part theirs did not change keeps ours' comments
 * and layout byte for byte. Lists whose items have ids (tasks, sessions, threads, goals) are
 * matched by id, lists of plain values (agenda, links) as sets, other lists only when both
 * sides appended. The same value changed two ways is a conflict marked around just that field.
 * Anything else — a side that is not YAML, a list item without an id changed on both sides, an
 * item changed on one side and deleted on the other — falls back to a line merge (`diff3.ts`),
 * whose conflicts cover the lines both changed; neither side is ever lost.
 */
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { parseYaml } from '../parse/duplicates';
import { findDeepNesting, utf8LengthAbove, DEFAULT_MAX_BYTES } from '../parse/prescan';
import { planEdits, type TextSplice, type YamlOp } from '../yaml/edit';
import { diff3, splitLines, wholeFileConflict, type LineMerge } from './diff3';
import { collectOps, eq, Unmergeable, type FieldConflict, type Plain, type PlannedOp } from './plan';

export interface MergeConflict {
  /** 1-based line of the `<<<<<<< ours` marker in the merged text. */
  line: number;
  /** Where in the file: `tasks.t-1a2b.title`, or `(file)` for a line-merge conflict. */
  path: string;
  message: string;
}

export interface MergeResult {
  text: string;
  conflicts: MergeConflict[];
}

type Parsed = { doc: Document.Parsed; data: Plain };

const MAX_FIELD_CONFLICTS = 200;

/** The file as YAML and as plain data, or undefined when it is not a YAML mapping we can read safely. */
function read(text: string): Parsed | undefined {
  if (utf8LengthAbove(text, DEFAULT_MAX_BYTES) !== undefined || findDeepNesting(text) !== undefined) return undefined;
  // Duplicate keys found in one pass (parse/duplicates.ts), not by yaml's scan of earlier keys.
  const doc = parseYaml(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  try {
    // maxAliasCount bounds alias expansion (a billion-laughs file from a cloned repository).
    return { doc, data: doc.toJS({ maxAliasCount: 100 }) as Plain };
  } catch {
    return undefined;
  }
}

export function mergeMentoring(base: string, ours: string, theirs: string): MergeResult {
  if (theirs === base || theirs === ours) return { text: ours, conflicts: [] };
  if (ours === base) return { text: theirs, conflicts: [] };
  const B = read(base);
  const O = read(ours);
  const T = read(theirs);
  if (!B || !O || !T) {
    const which = [!B && 'base', !O && 'ours', !T && 'theirs'].filter(Boolean).join(', ');
    return fallback(base, ours, theirs, `${which} is not a YAML mapping the driver can read, so it was merged line by line`);
  }
  let plan: { ops: PlannedOp[]; conflicts: FieldConflict[]; merged: Plain };
  try {
    plan = collectOps(B.data, O.data, T.data);
  } catch (err) {
    if (err instanceof Unmergeable) return fallback(base, ours, theirs, err.message);
    throw err;
  }
  // Each conflict is planned on its own (one editor pass over ours): keep that bounded.
  if (plan.conflicts.length > MAX_FIELD_CONFLICTS) {
    return fallback(base, ours, theirs, `${plan.conflicts.length} fields were changed two ways, so it was merged line by line`);
  }
  let byId: MergeResult;
  try {
    byId = spliceAll({ text: ours, doc: O.doc }, { text: theirs, doc: T.doc }, plan.ops, plan.conflicts);
  } catch {
    // The YAML editor refuses what it cannot splice safely (an unusual layout); lose nothing instead.
    return fallback(base, ours, theirs, 'the edits could not be spliced into ours safely, so it was merged line by line');
  }
  if (byId.conflicts.length > 0) return byId;
  // A clean merge must read back as exactly the merged data; anything else is a bug we do not write.
  const check = read(byId.text);
  if (!check || !eq(check.data, plan.merged)) {
    return fallback(base, ours, theirs, 'merging by id gave an unexpected result, so it was merged line by line');
  }
  // A clean line merge with the same data keeps theirs' comment edits too, so prefer it: first
  // of the two sides; else of the merge by id and theirs, over the base with theirs' data
  // changes already in it (then only ours' changes and theirs' comment edits differ).
  const pairs: [string, string][] = [[base, ours]];
  const baseWithTheirs = theirDataOnBase({ ...B, text: base }, { ...T, text: theirs });
  if (baseWithTheirs !== undefined) pairs.push([baseWithTheirs, byId.text]);
  for (const [from, mine] of pairs) {
    const lines = diff3(from, mine, theirs);
    if (lines.conflictLines.length > 0) continue;
    const asLines = read(lines.text);
    if (asLines && eq(asLines.data, plan.merged)) return { text: lines.text, conflicts: [] };
  }
  return byId;
}

/** The base text with theirs' data changes spliced in (as the merge by id writes them), or undefined. */
function theirDataOnBase(B: Parsed & { text: string }, T: Parsed & { text: string }): string | undefined {
  try {
    const p = collectOps(B.data, B.data, T.data);
    if (p.conflicts.length > 0) return undefined;
    return spliceAll({ text: B.text, doc: B.doc }, { text: T.text, doc: T.doc }, p.ops, []).text;
  } catch {
    return undefined;
  }
}

/** The line merge; when it is clean but no longer YAML, both whole files between markers. */
function fallback(base: string, ours: string, theirs: string, why: string): MergeResult {
  let lm: LineMerge = diff3(base, ours, theirs);
  if (lm.conflictLines.length === 0) {
    const ok = read(lm.text) !== undefined;
    if (ok) return { text: lm.text, conflicts: [] };
    lm = wholeFileConflict(ours, theirs);
  }
  return {
    text: lm.text,
    conflicts: lm.conflictLines.map((l) => ({ line: l + 1, path: '(file)', message: `${why}; both changed these lines: keep what you want from both sides and delete the marker lines` })),
  };
}

/**
 * Apply the ops and mark each conflict: the field's whole lines as ours has them, then with
 * theirs' value — theirs' own text of a one-line scalar, else as the YAML editor writes it.
 */
function spliceAll(
  { text: ours, doc }: { text: string; doc: Document.Parsed },
  their: { text: string; doc: Document.Parsed },
  planned: readonly PlannedOp[],
  conflicts: readonly FieldConflict[],
): MergeResult {
  const eol = /\r\n/.test(ours) ? '\r\n' : '\n';
  const ops = planned.map((p) => p.op);
  const splices: (TextSplice & { conflict?: FieldConflict })[] = ops.length > 0 ? planEdits(ours, ops, doc).splices : [];
  for (const p of planned) {
    if (!p.from || p.op.op !== 'appendAll') continue;
    // Theirs' new items as theirs wrote them (comments, quotes), when they sit where ours' would.
    // The editor appends block items one splice each, all at one place.
    const own = planEdits(ours, [p.op], doc).splices;
    const at = own[0]?.start;
    if (at === undefined || !own.every((x) => x.start === at && x.end === at)) continue;
    const rendered = own.map((x) => x.insert).join('');
    const raw = theirItems(their, p.from.path, p.from.items, eol);
    if (raw === undefined || dashColumn(raw) !== dashColumn(rendered) || !rendered.endsWith('\n') || /^\r?\n/.test(rendered)) continue;
    const targets = own.map((x) => splices.find((y) => y.start === x.start && y.end === x.end && y.insert === x.insert));
    if (targets.some((t) => t === undefined) || new Set(targets).size !== targets.length) continue;
    targets.forEach((t, i) => {
      if (t) t.insert = i === 0 ? raw : '';
    });
  }
  for (const c of conflicts) {
    const op: YamlOp = c.theirs === undefined ? { op: 'delete', path: c.path } : { op: 'set', path: c.path, value: c.theirs };
    const s = theirScalar(ours, doc, their, c) ?? planEdits(ours, [op], doc).splices;
    if (s.length === 0) throw new Error('no splice for a conflict');
    const start = Math.min(...s.map((x) => x.start));
    const end = Math.max(...s.map((x) => x.end));
    let theirsText = ours.slice(start, end);
    for (const x of [...s].sort((p, q) => q.start - p.start)) theirsText = theirsText.slice(0, x.start - start) + x.insert + theirsText.slice(x.end - start);
    // A pure insertion at a line start marks only the inserted lines (ours' side is empty).
    const atLineStart = start === end && (start === 0 || ours[start - 1] === '\n');
    const ls = atLineStart ? start : lineStart(ours, start);
    const le = atLineStart ? end : end > ls && ours[end - 1] === '\n' ? end : lineEnd(ours, end);
    const ourLines = ours.slice(ls, le);
    const theirLines = ours.slice(ls, start) + theirsText + ours.slice(end, le);
    const close = (t: string): string => (t === '' || t.endsWith('\n') ? t : t + eol);
    splices.push({
      start: ls,
      end: le,
      insert: `<<<<<<< ours${eol}${close(ourLines)}=======${eol}${close(theirLines)}>>>>>>> theirs${eol}`,
      conflict: c,
    });
  }
  const sorted = [...splices].sort((p, q) => p.start - q.start || p.end - q.end);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i - 1] as TextSplice).end > (sorted[i] as TextSplice).start) throw new Error('overlapping edits');
  }
  let text = '';
  let at = 0;
  const found: MergeConflict[] = [];
  for (const s of sorted) {
    text += ours.slice(at, s.start);
    if (s.conflict) {
      const line = splitLines(text).length + 1;
      found.push({ line, path: showPath(s.conflict.shown), message: s.conflict.message });
    }
    text += s.insert;
    at = s.end;
  }
  text += ours.slice(at);
  return { text, conflicts: found };
}

/** Whole lines of items `items` of theirs' block sequence at `path`, or undefined when that is not a block sequence in theirs' line breaks. */
function theirItems(their: { text: string; doc: Document.Parsed }, path: readonly (string | number)[], items: readonly number[], eol: string): string | undefined {
  const seq = their.doc.getIn(path, true);
  if (!isSeq(seq) || seq.flow || (/\r\n/.test(their.text) ? '\r\n' : '\n') !== eol) return undefined;
  let out = '';
  for (const i of items) {
    const node = seq.items[i] as YamlNode | null | undefined;
    const r = node?.range;
    if (!r) return undefined;
    const start = lineStart(their.text, r[0]);
    if (!/^ *- +$/.test(their.text.slice(start, r[0]))) return undefined;
    const end = their.text[r[1] - 1] === '\n' ? r[1] : lineEnd(their.text, r[1]);
    const chunk = their.text.slice(start, end);
    out += chunk.endsWith('\n') ? chunk : chunk + eol;
  }
  return out;
}

/** A one-line scalar both sides have: theirs' own text of it (its quotes) in place of ours'. */
function theirScalar(ours: string, doc: Document.Parsed, their: { text: string; doc: Document.Parsed }, c: FieldConflict): TextSplice[] | undefined {
  const o = doc.getIn(c.path, true);
  const t = their.doc.getIn(c.theirsPath, true);
  if (!isScalar(o) || !isScalar(t) || !o.range || !t.range) return undefined;
  const mine = ours.slice(o.range[0], o.range[1]);
  const theirs = their.text.slice(t.range[0], t.range[1]);
  if (mine === '' || theirs === '' || /[\r\n]/.test(mine + theirs)) return undefined;
  return [{ start: o.range[0], end: o.range[1], insert: theirs }];
}

/** The column of the first `-` in a block of sequence items. */
function dashColumn(lines: string): number {
  return /^( *)-/.exec(lines)?.[1]?.length ?? -1;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

function showPath(p: readonly (string | number)[]): string {
  return p.map(String).join('.');
}

