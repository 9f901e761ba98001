/**
 * Operations on the review threads stored in the mentoring file (`threads:`): add, reply,
 * resolve or reopen, delete, store where they moved, and turn one into a task — each a plan run
 * by the one runner (`./runner.ts`). Where a thread's line went is `../threads/anchor.ts`.
 */
import * as l10n from '@vscode/l10n';
import { checkWorkspacePath } from '../links';
import { randomHex } from '../ids';
import { isSealed } from '../seal/armor';
import type { Role, Thread } from '../schema';
import { anchorAt } from '../threads/anchor';
import type { YamlOp } from '../yaml/edit';
import { findThread, optionalText } from './helpers';
import { andThen, refuse, Refusal, runEdit, type EditContext, type EditResult } from './runner';
import { addTaskOp } from './tasks';

export interface NewThread {
  /** Workspace-relative POSIX path of the commented file. */
  file: string;
  /** 1-based first line. */
  line: number;
  /** 1-based last line, when the selection spans several. */
  endLine?: number | undefined;
  /** The commented file's lines now, to store the anchor. */
  lines: readonly string[];
  author: string;
  body: string;
}

/** Adds a thread with its first comment; the result's `id` is the new thread's. */
export function addThread(text: string, args: NewThread, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const body = optionalText(args.body);
    if (body === undefined) return refuse(l10n.t('A comment needs some text.'));
    const author = optionalText(args.author);
    if (author === undefined) return refuse(l10n.t('A comment needs an author.'));
    const file = args.file.replace(/\\/g, '/').replace(/^\.\//, '');
    const checked = checkWorkspacePath(file);
    if (!checked.ok) return refuse(l10n.t('"{0}" is not a path inside the workspace: {1}.', args.file, checked.reason));
    if (!Number.isInteger(args.line) || args.line < 1 || args.line > Math.max(args.lines.length, 1)) {
      return refuse(l10n.t('Line {0} is not in {1} (it has {2} lines).', args.line, file, args.lines.length));
    }
    if (args.endLine !== undefined && (!Number.isInteger(args.endLine) || args.endLine < args.line)) {
      return refuse(l10n.t('The last line ({0}) must not come before the first ({1}).', args.endLine, args.line));
    }
    const taken = new Set(env.model.threads.map((t) => t.id));
    let id = '';
    for (let attempt = 0; attempt < 64 && (id === '' || taken.has(id)); attempt++) id = `th-${randomHex(attempt < 32 ? 4 : 6, env.random)}`;
    if (taken.has(id)) return refuse(l10n.t('Could not find a free thread id.'));
    const thread: Record<string, unknown> = { id, file, line: args.line };
    if (args.endLine !== undefined && args.endLine > args.line) thread.endLine = args.endLine;
    thread.anchor = { ...anchorAt(args.lines, args.line) };
    thread.status = 'open';
    thread.comments = [{ author, at: env.nowIso, body }];
    return { ops: [{ op: 'append', path: ['threads'], value: thread }], id };
  });
}

/** Adds a reply to a thread. */
export function replyToThread(text: string, args: { thread: string; author: string; body: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findThread(env.model, args.thread);
    if (found instanceof Refusal) return found;
    const body = optionalText(args.body);
    if (body === undefined) return refuse(l10n.t('A reply needs some text.'));
    const author = optionalText(args.author);
    if (author === undefined) return refuse(l10n.t('A reply needs an author.'));
    return { ops: [{ op: 'append', path: ['threads', found[0], 'comments'], value: { author, at: env.nowIso, body } }], id: found[1].id };
  });
}

/** Resolves or reopens a thread. Setting the status it already has changes nothing. */
export function setThreadStatus(text: string, args: { thread: string; status: 'open' | 'resolved' }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findThread(env.model, args.thread);
    if (found instanceof Refusal) return found;
    if (args.status !== 'open' && args.status !== 'resolved') return refuse(l10n.t('A thread is open or resolved, not "{0}".', String(args.status)));
    if (found[1].status === args.status) return { ops: [], id: found[1].id };
    return { ops: [{ op: 'set', path: ['threads', found[0], 'status'], value: args.status }], id: found[1].id };
  });
}

/** Removes a thread and its comments. */
export function deleteThread(text: string, args: { thread: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findThread(env.model, args.thread);
    if (found instanceof Refusal) return found;
    return { ops: [{ op: 'delete', path: ['threads', found[0]] }], id: found[1].id };
  });
}

/**
 * Stores where threads are now (after re-anchoring against the file's current `lines`):
 * the new line, and an anchor read from the new place, so the next move is found from here.
 * Threads that are `lost` are left alone: their stored anchor is still the best evidence.
 */
export function moveThreads(
  text: string,
  args: { moves: readonly { thread: string; line: number; endLine?: number | undefined }[]; lines: readonly string[] },
  ctx: EditContext,
): EditResult {
  return runEdit(text, ctx, (env) => {
    const ops: YamlOp[] = [];
    for (const move of args.moves) {
      const found = findThread(env.model, move.thread);
      if (found instanceof Refusal) return found;
      const [i, t] = found;
      if (!Number.isInteger(move.line) || move.line < 1 || move.line > Math.max(args.lines.length, 1)) {
        return refuse(l10n.t('Line {0} is not in {1} (it has {2} lines).', move.line, t.file, args.lines.length));
      }
      const anchor = anchorAt(args.lines, move.line);
      if (t.line !== move.line) ops.push({ op: 'set', path: ['threads', i, 'line'], value: move.line });
      if (move.endLine !== undefined && t.endLine !== undefined && t.endLine !== move.endLine) {
        ops.push({ op: 'set', path: ['threads', i, 'endLine'], value: move.endLine });
      }
      const stored = t.anchor;
      if (!stored) {
        ops.push({ op: 'set', path: ['threads', i, 'anchor'], value: { ...anchor } });
        continue;
      }
      for (const key of ['text', 'before', 'after'] as const) {
        const value = anchor[key];
        if (stored[key] === value) continue;
        if (value === undefined) ops.push({ op: 'delete', path: ['threads', i, 'anchor', key] });
        else ops.push({ op: 'set', path: ['threads', i, 'anchor', key], value });
      }
    }
    return { ops };
  });
}

export interface ThreadTaskArgs {
  thread: string;
  /** Defaults to the thread's first comment, shortened. */
  title?: string | undefined;
  owner?: Role | undefined;
  due?: string | undefined;
  session?: string | undefined;
  goal?: string | undefined;
}

/**
 * Turns a thread into a task that links `file#Lline` (or `#Lline-Lend`) and records the task's
 * id on the thread (`task:`), in one change: one parse, one plan, one verification. The
 * result's `id` is the task's.
 */
export function threadToTask(text: string, args: ThreadTaskArgs, ctx: EditContext): EditResult {
  let index = -1;
  const addTheTask = (env: Parameters<ReturnType<typeof addTaskOp>>[0]): ReturnType<ReturnType<typeof addTaskOp>> => {
    const found = findThread(env.model, args.thread);
    if (found instanceof Refusal) return found;
    const [i, thread] = found;
    index = i;
    if (thread.task !== undefined && env.model.tasks.some((t) => t.id === thread.task)) return refuse(l10n.t('Thread {0} already became task {1}.', thread.id, thread.task));
    const title = optionalText(args.title) ?? taskTitle(thread);
    if (!title) return refuse(l10n.t('The thread has no comment to take a title from; give the task a title.'));
    const link = thread.endLine !== undefined && thread.endLine > thread.line ? `${thread.file}#L${thread.line}-L${thread.endLine}` : `${thread.file}#L${thread.line}`;
    return addTaskOp({ title, links: [link], owner: args.owner, due: args.due, session: args.session, goal: args.goal })(env);
  };
  return runEdit(
    text,
    ctx,
    andThen(addTheTask, (_env, task) => ({ ops: [{ op: 'set', path: ['threads', index, 'task'], value: task.id }] })),
  );
}

/** A task title from the thread's first comment: its first sentence or line, at most 80 characters. */
export function taskTitle(thread: Pick<Thread, 'comments'>): string {
  const body = thread.comments[0]?.body ?? '';
  // A sealed comment has no title to give (its first line is the armor's): the user names the task.
  if (isSealed(body)) return '';
  const firstLine = body.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  const withoutLabel = firstLine.replace(/^[a-z]+(?:\s*\([^)]*\))?:\s*/i, '');
  const sentence = /^(.+?[.!?])(\s|$)/.exec(withoutLabel)?.[1] ?? withoutLabel;
  return sentence.length > 80 ? sentence.slice(0, 79).trimEnd() + '…' : sentence;
}
