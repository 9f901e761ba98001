/** Mentoring: Drop a Task — picked from the open tasks, with an optional reason. */
import { chooseOpenTask, type CommandContext, type CommandOutcome, modelOf, runEdit, targetState } from './context';
import type { TaskArgs } from './completeTask';
import * as edit from '../core/edit';

export interface DropTaskArgs extends TaskArgs {
  reason?: string;
}

export async function dropTask(ctx: CommandContext, args: DropTaskArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const task = await chooseOpenTask(ctx, model.tasks, args.task, 'Which task do you drop?');
  if (!task) return undefined;
  const reason = args.reason ?? (args.task !== undefined ? '' : await ctx.ui().input({ title: `Drop "${task.title}"`, prompt: 'Why? (optional, recorded in the file)' }));
  if (reason === undefined) return undefined;
  return runEdit(ctx, state, (text) => edit.dropTask(text, { task: task.id, reason: reason.trim() || undefined }, { now: ctx.now() }), () => `Task "${task.title}" dropped.`);
}
