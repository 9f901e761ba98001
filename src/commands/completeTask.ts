/** Mentoring: Complete a Task — picked from the open tasks. */
import * as vscode from 'vscode';
import { chooseOpenTask, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runEdit, targetState } from './context';
import * as edit from '../core/edit';

export interface TaskArgs extends FileArgs {
  task?: string;
}

export async function completeTask(ctx: CommandContext, args: TaskArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const task = await chooseOpenTask(ctx, model.tasks, args.task, vscode.l10n.t('Which task is done?'));
  if (!task) return undefined;
  return runEdit(ctx, state, (text) => edit.completeTask(text, { task: task.id }, { now: ctx.now() }), () => vscode.l10n.t('Task "{0}" done.', task.title));
}
