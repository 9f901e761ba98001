/** Mentoring: Drop a Task — picked from the open tasks, with an optional reason. */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import { chooseOpenTask, type CommandContext, type CommandOutcome, modelOf, runNamed, targetState } from './context';
import type { TaskArgs } from './completeTask';

export interface DropTaskArgs extends TaskArgs {
  reason?: string;
}

export async function dropTask(ctx: CommandContext, args: DropTaskArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const task = await chooseOpenTask(ctx, model.tasks, args.task, vscode.l10n.t('Which task do you drop?'));
  if (!task) return undefined;
  const reason = args.reason ?? (args.task !== undefined ? '' : await ctx.ui().input({ title: vscode.l10n.t('Drop "{0}"', task.title), prompt: vscode.l10n.t('Why? (optional, recorded in the file)') }));
  if (reason === undefined) return undefined;
  return runNamed(ctx, state, namedEdit('dropTask', { task: task.id, reason: reason.trim() || undefined }), () => vscode.l10n.t('Task "{0}" dropped.', task.title));
}
