/** Mentoring: Complete a Task — picked from the open tasks. */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import { chooseOpenTask, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';

export interface TaskArgs extends FileArgs {
  task?: string;
}

export async function completeTask(ctx: CommandContext, args: TaskArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const task = await chooseOpenTask(ctx, model.tasks, args.task, vscode.l10n.t('Which task is done?'));
  if (!task) return undefined;
  return runNamed(ctx, state, namedEdit('completeTask', { task: task.id }), () => vscode.l10n.t('Task "{0}" done.', task.title));
}
