/**
 * Review threads stored in the mentoring file (`threads:`): the edits that add, answer,
 * resolve, reopen, move and delete them, and re-anchoring — finding where a thread's line
 * went after the code changed.
 *
 * A thread remembers its line by number *and* by content (`anchor.text`) with the nearest
 * non-blank lines around it (`anchor.before`, `anchor.after`). When the numbered line no
 * longer holds that text, the thread looks for it: the same text elsewhere (neighbours break
 * ties, then closeness to the old line), else a line that was edited a little, else the spot
 * between the same two neighbours. When none fits it says so instead of guessing.
 *
 * Pure: no `vscode`, no Node built-ins. Edits splice text through `yamlEdit` (comments and
 * layout of everything else stay as they were) and refuse, with a message, rather than
 * write a file that would not read back.
 */
import { addTask, type EditContext, type EditResult } from '../edit/index';
import { formatDate, formatDateTime, localOffsetMinutes, randomHex, type Random } from '../ids';
import type { Document } from 'yaml';
import { parse } from '../parse/index';
import type { MentoringFile, Role, Thread } from '../schema';
import { applyEdits, YamlEditError, type YamlOp } from '../yaml/edit';

export type { EditContext, EditResult } from '../edit/index';

// ------------------------------------------------------------------ anchors

export interface Anchor {
  /** The anchored line as it was written (trailing spaces dropped). */
  text: string;
  /** The nearest non-blank line above, when there is one. */
  before?: string;
  /** The nearest non-blank line below, when there is one. */
  after?: string;
}

/** The lines of a text, whatever its line endings (`\n`, `\r\n`, `\r`). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The anchor for 1-based `line` of `lines`. */
export function anchorAt(lines: readonly string[], line: number): Anchor {
  const i = line - 1;
  const anchor: Anchor = { text: (lines[i] ?? '').trimEnd() };
  const before = neighbour(lines, i, -1);
  const after = neighbour(lines, i, +1);
  if (before !== undefined) anchor.before = lines[before]?.trimEnd() ?? '';
  if (after !== undefined) anchor.after = lines[after]?.trimEnd() ?? '';
  return anchor;
}

export type AnchorStatus =
  /** The line still holds the anchored text (or the thread has no anchor and the line exists). */
  | 'unchanged'
  /** The anchored text was found on another line. */
  | 'moved'
  /** The anchored line was edited; the thread follows the most similar line or the same neighbours. */
  | 'changed'
  /** Nothing fits: the thread stays at its old line number (clamped to the file). */
  | 'lost';

export interface Reanchored {
  status: AnchorStatus;
  /** 1-based line to show the thread on. */
  line: number;
  /** 1-based last line, for threads on several lines. */
  endLine?: number;
  /** For `changed` and `lost`: one sentence for the user. */
  reason?: string;
}

interface Anchored {
  line: number;
  endLine?: number | undefined;
  anchor?: Anchor | undefined;
}

/** Lines shorter than this (after trimming), or made only of punctuation, say too little on their own. */
const WEAK_LENGTH = 4;
/** How similar (0..1, bigram Dice) an edited line must be to count as the anchored line. */
const SIMILAR = 0.7;
/** How similar it must be when it also sits between the same neighbours. */
const SIMILAR_WITH_NEIGHBOURS = 0.4;

/**
 * Where `thread` belongs in a file that now has `lines`. Deterministic: the same input gives
 * the same line. Cost: one pass over the lines, plus a similarity pass only when the exact
 * text is gone.
 */
export function reanchor(thread: Anchored, lines: readonly string[]): Reanchored {
  const count = lines.length;
  const span = thread.endLine !== undefined && thread.endLine > thread.line ? thread.endLine - thread.line : 0;
  const place = (status: AnchorStatus, line: number, reason?: string): Reanchored => {
    const start = Math.min(Math.max(line, 1), Math.max(count, 1));
    const out: Reanchored = { status, line: start };
    if (thread.endLine !== undefined) out.endLine = Math.min(start + span, Math.max(count, 1));
    if (reason !== undefined) out.reason = reason;
    return out;
  };
  const anchor = thread.anchor;
  if (!anchor) {
    return thread.line <= count
      ? place('unchanged', thread.line)
      : place('lost', count, `The file has only ${count} lines now, fewer than the thread's line ${thread.line}.`);
  }
  // Normalised lines, computed at most once per line per call.
  const normed: (string | undefined)[] = new Array<string | undefined>(count);
  const at = (i: number): string => (normed[i] ??= norm(lines[i] ?? ''));
  const target = norm(anchor.text);
  const before = anchor.before !== undefined ? norm(anchor.before) : undefined;
  const after = anchor.after !== undefined ? norm(anchor.after) : undefined;
  const weak = isWeak(target);
  const old = thread.line - 1;
  const neighboursAt = (i: number): number => {
    let n = 0;
    if (before !== undefined) {
      const b = neighbour(lines, i, -1);
      if (b !== undefined && at(b) === before) n++;
    }
    if (after !== undefined) {
      const a = neighbour(lines, i, +1);
      if (a !== undefined && at(a) === after) n++;
    }
    return n;
  };

  // 1. Same text: still in place, or the best other place.
  if (target.length > 0) {
    const expected = (before !== undefined ? 1 : 0) + (after !== undefined ? 1 : 0);
    if (old >= 0 && old < count && at(old) === target && neighboursAt(old) === expected) {
      return place('unchanged', thread.line);
    }
    let best = -1;
    let bestScore = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < count; i++) {
      if (at(i) !== target) continue;
      const score = neighboursAt(i);
      if (weak && score === 0) continue;
      const distance = Math.abs(i - old);
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = i;
        bestScore = score;
        bestDistance = distance;
      }
    }
    if (best >= 0) return place(best === old ? 'unchanged' : 'moved', best + 1);
  }

  // 2. The line was edited: the most similar line, helped by its neighbours.
  if (!weak) {
    const similar = similarityTo(target);
    let best = -1;
    let bestScore = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < count; i++) {
      const text = at(i);
      // Dice >= 0.4 is impossible when one text is more than 4 times longer than the other.
      if (text.length === 0 || text.length * 4 < target.length || target.length * 4 < text.length) continue;
      const similarity = similar(text);
      const n = neighboursAt(i);
      const needed = n === 2 ? SIMILAR_WITH_NEIGHBOURS : SIMILAR;
      if (similarity < needed) continue;
      const score = similarity + n * 0.25;
      const distance = Math.abs(i - old);
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = i;
        bestScore = score;
        bestDistance = distance;
      }
    }
    if (best >= 0) {
      return place('changed', best + 1, `The line changed since the comment; it now reads "${clip(at(best))}".`);
    }
  }

  // 3. Rewritten beyond recognition, but the same two neighbours still frame one line.
  if (before !== undefined && after !== undefined) {
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < count; i++) {
      if (at(i).length === 0 || neighboursAt(i) < 2) continue;
      const distance = Math.abs(i - old);
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    if (best >= 0) {
      return place('changed', best + 1, `The commented line was rewritten; it was "${clip(target)}".`);
    }
  }

  const what = target.length > 0 ? `"${clip(target)}"` : 'the commented line';
  return place('lost', thread.line, `Could not find ${what} in the file any more; the thread stays at line ${Math.min(thread.line, Math.max(count, 1))}.`);
}

/** Re-anchors every thread of `file`; returns those whose place or status differ from what is stored. */
export function reanchorAll(threads: readonly Thread[], file: string, lines: readonly string[]): { id: string; result: Reanchored }[] {
  const out: { id: string; result: Reanchored }[] = [];
  for (const t of threads) {
    if (t.file !== file) continue;
    const result = reanchor(t, lines);
    if (result.status !== 'unchanged' || result.line !== t.line) out.push({ id: t.id, result });
  }
  return out;
}

function neighbour(lines: readonly string[], i: number, step: -1 | 1): number | undefined {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if ((lines[j] ?? '').trim().length > 0) return j;
  }
  return undefined;
}

function norm(s: string): string {
  const t = s.trim();
  // Most lines have no runs of blanks: skip the replace (and its allocation) for them.
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

function isWeak(s: string): boolean {
  return s.length < WEAK_LENGTH || !/[\p{L}\p{N}]{2}/u.test(s);
}

/**
 * Bigram Dice similarity (0..1) to `target`, for many candidates: the target's bigram counts
 * are built once, and each candidate is scanned by char codes with one reused map.
 */
function similarityTo(target: string): (text: string) => number {
  const want = new Map<number, number>();
  for (let i = 0; i + 1 < target.length; i++) {
    const g = target.charCodeAt(i) * 65536 + target.charCodeAt(i + 1);
    want.set(g, (want.get(g) ?? 0) + 1);
  }
  const targetGrams = Math.max(target.length - 1, 0);
  const used = new Map<number, number>();
  return (text) => {
    used.clear();
    let shared = 0;
    for (let i = 0; i + 1 < text.length; i++) {
      const g = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
      const have = want.get(g);
      if (have === undefined) continue;
      const u = used.get(g) ?? 0;
      if (u < have) {
        shared++;
        used.set(g, u + 1);
      }
    }
    const total = targetGrams + Math.max(text.length - 1, 0);
    return total === 0 ? 0 : (2 * shared) / total;
  };
}

function clip(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

// ------------------------------------------------------------------ edits

export interface NewThread {
  /** Workspace-relative POSIX path of the commented file. */
  file: string;
  /** 1-based first line. */
  line: number;
  /** 1-based last line, when the selection spans several. */
  endLine?: number;
  /** The commented file's lines now, to store the anchor. */
  lines: readonly string[];
  author: string;
  body: string;
}

export interface ThreadEditContext extends EditContext {
  random?: Random;
}

/** Adds a thread with its first comment; the result's `id` is the new thread's. */
export function addThread(text: string, args: NewThread, ctx: ThreadEditContext): EditResult {
  return run(text, ctx, (env) => {
    const body = args.body.trim();
    if (!body) return 'A comment needs some text.';
    const author = args.author.trim();
    if (!author) return 'A comment needs an author.';
    const file = args.file.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!file || file.startsWith('/') || file.startsWith('../')) return `"${args.file}" is not a path inside the workspace.`;
    if (!Number.isInteger(args.line) || args.line < 1 || args.line > Math.max(args.lines.length, 1)) {
      return `Line ${args.line} is not in ${file} (it has ${args.lines.length} lines).`;
    }
    if (args.endLine !== undefined && (!Number.isInteger(args.endLine) || args.endLine < args.line)) {
      return `The last line (${args.endLine}) must not come before the first (${args.line}).`;
    }
    const taken = new Set(env.model.threads.map((t) => t.id));
    let id = '';
    for (let attempt = 0; attempt < 64 && (id === '' || taken.has(id)); attempt++) id = `th-${randomHex(attempt < 32 ? 4 : 6, ctx.random)}`;
    if (taken.has(id)) return 'Could not find a free thread id; nothing was changed.';
    const thread: Record<string, unknown> = { id, file, line: args.line };
    if (args.endLine !== undefined && args.endLine > args.line) thread.endLine = args.endLine;
    thread.anchor = { ...anchorAt(args.lines, args.line) };
    thread.status = 'open';
    thread.comments = [{ author, at: env.nowIso, body }];
    return { ops: [{ op: 'append', path: ['threads'], value: thread }], id };
  });
}

/** Adds a reply to thread `id`. */
export function replyToThread(text: string, args: { id: string; author: string; body: string }, ctx: ThreadEditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findThread(env.model, args.id);
    if (typeof found === 'string') return found;
    const body = args.body.trim();
    if (!body) return 'A reply needs some text.';
    const author = args.author.trim();
    if (!author) return 'A reply needs an author.';
    return { ops: [{ op: 'append', path: ['threads', found[0], 'comments'], value: { author, at: env.nowIso, body } }], id: args.id };
  });
}

/** Resolves or reopens thread `id`. Setting the status it already has changes nothing. */
export function setThreadStatus(text: string, args: { id: string; status: 'open' | 'resolved' }, ctx: ThreadEditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findThread(env.model, args.id);
    if (typeof found === 'string') return found;
    if (args.status !== 'open' && args.status !== 'resolved') return `A thread is open or resolved, not "${String(args.status)}".`;
    if (found[1].status === args.status) return { ops: [], id: args.id };
    return { ops: [{ op: 'set', path: ['threads', found[0], 'status'], value: args.status }], id: args.id };
  });
}

/** Removes thread `id` and its comments. */
export function deleteThread(text: string, args: { id: string }, ctx: ThreadEditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findThread(env.model, args.id);
    if (typeof found === 'string') return found;
    return { ops: [{ op: 'delete', path: ['threads', found[0]] }], id: args.id };
  });
}

/**
 * Stores where threads are now (after re-anchoring against the file's current `lines`):
 * the new line, and an anchor read from the new place, so the next move is found from here.
 * Threads that are `lost` are left alone: their stored anchor is still the best evidence.
 */
export function moveThreads(
  text: string,
  args: { moves: readonly { id: string; line: number; endLine?: number }[]; lines: readonly string[] },
  ctx: ThreadEditContext,
): EditResult {
  return run(text, ctx, (env) => {
    const ops: YamlOp[] = [];
    for (const move of args.moves) {
      const found = findThread(env.model, move.id);
      if (typeof found === 'string') return found;
      const [i, t] = found;
      if (!Number.isInteger(move.line) || move.line < 1 || move.line > Math.max(args.lines.length, 1)) {
        return `Line ${move.line} is not in ${t.file} (it has ${args.lines.length} lines).`;
      }
      const anchor = anchorAt(args.lines, move.line);
      if (t.line !== move.line) ops.push({ op: 'set', path: ['threads', i, 'line'], value: move.line });
      if (move.endLine !== undefined && t.endLine !== undefined && t.endLine !== move.endLine) {
        ops.push({ op: 'set', path: ['threads', i, 'endLine'], value: move.endLine });
      }
      const stored = t.anchor;
      for (const key of ['text', 'before', 'after'] as const) {
        const value = anchor[key];
        if (stored?.[key] === value) continue;
        if (!stored) continue;
        if (value === undefined) ops.push({ op: 'delete', path: ['threads', i, 'anchor', key] });
        else ops.push({ op: 'set', path: ['threads', i, 'anchor', key], value });
      }
      if (!stored) ops.push({ op: 'set', path: ['threads', i, 'anchor'], value: { ...anchor } });
    }
    return { ops };
  });
}

export interface ThreadTaskArgs {
  id: string;
  /** Defaults to the thread's first comment, shortened. */
  title?: string;
  owner?: Role;
  due?: string;
  session?: string;
  goal?: string;
}

/**
 * Turns thread `id` into a task that links `file#Lline` (or `#Lline-Lend`) and records the
 * task's id on the thread (`task:`), in one change. The result's `id` is the task's.
 */
export function threadToTask(text: string, args: ThreadTaskArgs, ctx: ThreadEditContext): EditResult {
  const parsed = readParse(text, ctx.now);
  if (typeof parsed === 'string') return { ok: false, message: parsed };
  const { model } = parsed;
  const found = findThread(model, args.id);
  if (typeof found === 'string') return { ok: false, message: found };
  const [index, thread] = found;
  if (thread.task !== undefined && model.tasks.some((t) => t.id === thread.task)) {
    return { ok: false, message: `Thread ${thread.id} already became task ${thread.task}.` };
  }
  const title = args.title?.trim() || taskTitle(thread);
  if (!title) return { ok: false, message: 'The thread has no comment to take a title from; give the task a title.' };
  const link = thread.endLine !== undefined && thread.endLine > thread.line ? `${thread.file}#L${thread.line}-L${thread.endLine}` : `${thread.file}#L${thread.line}`;
  const added = addTask(
    text,
    {
      title,
      links: [link],
      ...(args.owner ? { owner: args.owner } : {}),
      ...(args.due ? { due: args.due } : {}),
      ...(args.session ? { session: args.session } : {}),
      ...(args.goal ? { goal: args.goal } : {}),
    },
    ctx,
  );
  if (!added.ok || added.id === undefined) return added.ok ? { ok: false, message: 'The task was not created.' } : added;
  const taskId = added.id;
  return run(added.text, ctx, () => ({ ops: [{ op: 'set', path: ['threads', index, 'task'], value: taskId }], id: taskId, warnings: added.warnings }));
}

/** A task title from the thread's first comment: its first sentence or line, at most 80 characters. */
export function taskTitle(thread: Pick<Thread, 'comments'>): string {
  const body = thread.comments[0]?.body ?? '';
  const firstLine = body.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  const withoutLabel = firstLine.replace(/^[a-z]+(?:\s*\([^)]*\))?:\s*/i, '');
  const sentence = /^(.+?[.!?])(\s|$)/.exec(withoutLabel)?.[1] ?? withoutLabel;
  return sentence.length > 80 ? sentence.slice(0, 79).trimEnd() + '…' : sentence;
}

// ------------------------------------------------------------------ the runner

interface Plan {
  ops: YamlOp[];
  id?: string;
  warnings?: string[];
}

interface Env {
  model: MentoringFile;
  nowIso: string;
  today: string;
}

/** Parses, plans, splices, and checks that the result still reads as a valid mentoring file. */
function run(text: string, ctx: ThreadEditContext, plan: (env: Env) => Plan | string): EditResult {
  const parsed = readParse(text, ctx.now);
  if (typeof parsed === 'string') return { ok: false, message: parsed };
  const { model, doc } = parsed;
  const offset = ctx.utcOffsetMinutes ?? localOffsetMinutes(ctx.now);
  const planned = plan({ model, nowIso: formatDateTime(ctx.now, offset), today: formatDate(ctx.now, offset) });
  if (typeof planned === 'string') return { ok: false, message: `${planned} Nothing was changed.` };
  let out = text;
  if (planned.ops.length > 0) {
    try {
      out = applyEdits(text, planned.ops, doc);
    } catch (e) {
      if (e instanceof YamlEditError) return { ok: false, message: `${e.message} (nothing was changed)` };
      throw e;
    }
    const check = readParse(out, ctx.now);
    if (typeof check === 'string') return { ok: false, message: `This change would break the file, so it was not made. ${check}` };
  }
  const result: EditResult = { ok: true, text: out, warnings: planned.warnings ?? [] };
  if (planned.id !== undefined) result.id = planned.id;
  return result;
}

/**
 * The file's model and Document (the parse of this text kept in parse.ts when it was just
 * parsed), or a message naming its first error (line and column) — the same checks as everywhere else.
 */
function readParse(text: string, now: Date): { model: MentoringFile; doc: Document.Parsed } | string {
  const parsed = parse(text, { now, checks: false });
  const first = parsed.diagnostics.find((d) => d.severity === 'error');
  if (first) return `The mentoring file has an error; fix it first. Line ${first.line}, column ${first.column}: ${first.message}`;
  if (!parsed.model || !parsed.doc) return 'The mentoring file could not be read; fix it first.';
  return { model: parsed.model, doc: parsed.doc };
}

function findThread(model: MentoringFile, id: string): [number, Thread] | string {
  const i = model.threads.findIndex((t) => t.id === id);
  const t = model.threads[i];
  if (!t) return `There is no thread "${id}" in the mentoring file (was it deleted or renamed?).`;
  return [i, t];
}
