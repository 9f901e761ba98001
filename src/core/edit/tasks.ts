/** Operations on tasks: add, complete, drop, reopen, change the due date or the title. */
import * as l10n from '@vscode/l10n';
import { newTaskId } from '../ids';
import { checkCodeLink } from '../links';
import type { Role } from '../schema';
import type { YamlOp } from '../yaml/edit';
import { AFTER, checkDate, findTask, listIds, optionalText } from './helpers';
import { refuse, Refusal, runEdit, type EditContext, type EditResult, type Operation } from './runner';

export interface AddTaskArgs {
  title: string;
  owner?: Role | undefined;
  due?: string | undefined;
  /** The goal the task serves. */
  goal?: string | undefined;
  /** The session the task came from. */
  session?: string | undefined;
  links?: readonly string[] | undefined;
}

export const addTaskOp =
  (args: AddTaskArgs): Operation =>
  (env) => {
    const title = optionalText(args.title);
    if (title === undefined) return refuse(l10n.t('A task needs a title.'));
    const owner = args.owner ?? 'mentee';
    if (owner !== 'mentor' && owner !== 'mentee') return refuse(l10n.t('The owner must be mentor or mentee, not "{0}".', String(owner)));
    const warnings: string[] = [];
    const dueText = optionalText(args.due);
    let due: string | undefined;
    if (dueText !== undefined) {
      const checked = checkDate(dueText, l10n.t('The due date'));
      if (checked instanceof Refusal) return checked;
      due = checked;
      if (due < env.today) warnings.push(l10n.t('The due date {0} is already past.', due));
    }
    const goal = optionalText(args.goal);
    if (goal !== undefined && !env.model.agreement.goals.some((g) => g.id === goal)) {
      return refuse(l10n.t('There is no goal "{0}". Goals: {1}.', goal, listIds(env.model.agreement.goals.map((g) => g.id))));
    }
    const session = optionalText(args.session);
    if (session !== undefined && !env.model.sessions.some((s) => s.id === session)) {
      return refuse(l10n.t('There is no session "{0}". Sessions: {1}.', session, listIds(env.model.sessions.map((s) => s.id))));
    }
    const id = newTaskId(env.model.tasks.map((t) => t.id), env.random);
    const task: Record<string, unknown> = { id, title, owner };
    if (due !== undefined) task.due = due;
    task.status = 'open';
    if (goal !== undefined) task.goal = goal;
    if (session !== undefined) task.session = session;
    const links = (args.links ?? []).map((l) => optionalText(l)).filter((l): l is string => l !== undefined);
    // Refused now, when the user can fix it, rather than stored and refused on the first click.
    for (const link of links) {
      const checked = checkCodeLink(link);
      const shown = link.length > 80 ? `${link.slice(0, 79)}…` : link;
      if (!checked.ok) return refuse(l10n.t('The link "{0}" is refused: {1}. A link is a path inside the workspace folder, such as src/billing/retry.ts#L42.', shown, checked.reason));
    }
    if (links.length > 0) task.links = links;
    task.created = env.today;
    return { ops: [{ op: 'append', path: ['tasks'], value: task }], id, warnings };
  };

export function addTask(text: string, args: AddTaskArgs, ctx: EditContext): EditResult {
  return runEdit(text, ctx, addTaskOp(args));
}

export function completeTask(text: string, args: { task: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, closeTaskOp(args.task, 'done', undefined));
}

export function dropTask(text: string, args: { task: string; reason?: string | undefined }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, closeTaskOp(args.task, 'dropped', optionalText(args.reason)));
}

const closeTaskOp =
  (id: string, status: 'done' | 'dropped', reason: string | undefined): Operation =>
  (env) => {
    const found = findTask(env.model, id);
    if (found instanceof Refusal) return found;
    const [i, t] = found;
    if (t.status === status) return refuse(status === 'done' ? l10n.t('Task {0} is already done.', t.id) : l10n.t('Task {0} is already dropped.', t.id));
    const ops: YamlOp[] = [
      { op: 'set', path: ['tasks', i, 'status'], value: status, after: AFTER.taskStatus },
      { op: 'set', path: ['tasks', i, 'closed'], value: env.today, after: AFTER.closed },
    ];
    if (reason !== undefined) ops.push({ op: 'set', path: ['tasks', i, 'reason'], value: reason, after: AFTER.reason });
    return { ops, id: t.id };
  };

/** Reopen a done or dropped task (the sidebar's undo of complete/drop). */
export function reopenTask(text: string, args: { task: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findTask(env.model, args.task);
    if (found instanceof Refusal) return found;
    const [i, t] = found;
    if (t.status === 'open') return refuse(l10n.t('Task {0} is already open.', t.id));
    const ops: YamlOp[] = [{ op: 'set', path: ['tasks', i, 'status'], value: 'open', after: AFTER.taskStatus }];
    if (t.closed !== undefined) ops.push({ op: 'delete', path: ['tasks', i, 'closed'] });
    return { ops, id: t.id };
  });
}

export function setTaskDue(text: string, args: { task: string; due: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findTask(env.model, args.task);
    if (found instanceof Refusal) return found;
    const due = checkDate(args.due.trim(), l10n.t('The due date'));
    if (due instanceof Refusal) return due;
    const warnings = due < env.today ? [l10n.t('The due date {0} is already past.', due)] : [];
    return { ops: [{ op: 'set', path: ['tasks', found[0], 'due'], value: due, after: AFTER.due }], id: found[1].id, warnings };
  });
}

export function editTask(text: string, args: { task: string; title: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findTask(env.model, args.task);
    if (found instanceof Refusal) return found;
    const title = optionalText(args.title);
    if (title === undefined) return refuse(l10n.t('A task needs a title.'));
    return { ops: [{ op: 'set', path: ['tasks', found[0], 'title'], value: title }], id: found[1].id };
  });
}
