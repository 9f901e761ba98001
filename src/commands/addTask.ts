/** Mentoring: Add a Task from the Selection — the task links the file and lines. */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import type { Role } from '../core/schema';
import { titleFromSelection } from '../core/links';
import { pickRole, roleWord } from '../editor/pickRole';
import { type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';
import { selectionLink } from '../editor/selection';
import { parseDate } from '../core/time';

export interface AddTaskArgs extends FileArgs {
  title?: string;
  owner?: Role;
  due?: string;
  goal?: string;
  session?: string;
  /** Links like `src/a.ts#L42`; when absent, the active editor's selection is linked. */
  links?: string[];
}

export async function addTask(ctx: CommandContext, args: AddTaskArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const ui = ctx.ui();
  const fromSelection = args.links ? undefined : selectionLink(state.uri);
  const links = args.links ?? (fromSelection ? [fromSelection.link] : []);
  const title =
    args.title ??
    (await ui.input({
      title: vscode.l10n.t('Add a task'),
      prompt: links.length ? vscode.l10n.t('Task title (links {0})', links.join(', ')) : vscode.l10n.t('Task title (select code first to link it)'),
      value: fromSelection ? titleFromSelection(fromSelection.text) : undefined,
      validate: (v) => (v.trim() ? undefined : vscode.l10n.t('A task needs a title.')),
    }));
  if (title === undefined || !title.trim()) return undefined;
  const owner = args.owner ?? (await pickRole(ui, { title: vscode.l10n.t('Add a task'), placeHolder: vscode.l10n.t('Whose task is it?'), first: 'mentee', agreement: model.agreement }));
  if (!owner) return undefined;
  let due = args.due;
  if (due === undefined && args.title === undefined) {
    const typed = await ui.input({ title: vscode.l10n.t('Add a task'), prompt: vscode.l10n.t('Due date (optional, YYYY-MM-DD)'), validate: (v) => (v.trim() === '' || 'date' in parseDate(v) ? undefined : vscode.l10n.t('Type a date like {0}.', '2026-12-03')) });
    if (typed === undefined) return undefined;
    due = typed.trim() || undefined;
  }
  const dueDate = due;
  return runNamed(
    ctx,
    state,
    namedEdit('addTask', { title: title.trim(), owner, due: dueDate, goal: args.goal, session: args.session, links }),
    (id) => vscode.l10n.t('Task {0} added for the {1}.', id ?? '', roleWord(owner)),
  );
}
