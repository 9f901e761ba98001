/** Mentoring: Add a Task from the Selection — the task links the file and lines. */
import * as vscode from 'vscode';
import type { Role } from '../core/schema';
import { codeLink, titleFromSelection } from '../core/links';
import { type CommandContext, type CommandOutcome, type FileArgs, modelOf, runEdit, targetState } from './context';
import * as edit from '../core/edit';
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

/** The link for the active editor's selection, relative to the mentoring file's workspace folder. */
export function selectionLink(mentoringFile: vscode.Uri): { link: string; text: string } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme === 'comment') return undefined;
  const doc = editor.document;
  if (doc.uri.toString() === mentoringFile.toString()) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(mentoringFile) ?? vscode.workspace.getWorkspaceFolder(doc.uri);
  const rel = folder && doc.uri.path.startsWith(folder.uri.path + '/') ? doc.uri.path.slice(folder.uri.path.length + 1) : vscode.workspace.asRelativePath(doc.uri, false);
  const sel = editor.selection;
  return {
    link: codeLink(rel, { startLine: sel.start.line, endLine: sel.end.line, endCharacter: sel.end.character }),
    text: sel.isEmpty ? doc.lineAt(sel.start.line).text : doc.getText(sel),
  };
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
      title: 'Add a task',
      prompt: links.length ? `Task title (links ${links.join(', ')})` : 'Task title (select code first to link it)',
      value: fromSelection ? titleFromSelection(fromSelection.text) : undefined,
      validate: (v) => (v.trim() ? undefined : 'A task needs a title.'),
    }));
  if (title === undefined || !title.trim()) return undefined;
  const owner =
    args.owner ??
    (await ui.pick<Role>(
      [
        { label: 'Mentee', description: model.agreement.mentee.name, value: 'mentee' },
        { label: 'Mentor', description: model.agreement.mentor.name, value: 'mentor' },
      ],
      { title: 'Add a task', placeHolder: 'Whose task is it?' },
    ));
  if (!owner) return undefined;
  let due = args.due;
  if (due === undefined && args.title === undefined) {
    const typed = await ui.input({ title: 'Add a task', prompt: 'Due date (optional, YYYY-MM-DD)', validate: (v) => (v.trim() === '' || 'date' in parseDate(v) ? undefined : 'Type a date like 2026-12-03.') });
    if (typed === undefined) return undefined;
    due = typed.trim() || undefined;
  }
  const dueDate = due;
  return runEdit(
    ctx,
    state,
    (text) => edit.addTask(text, { title: title.trim(), owner, due: dueDate, goal: args.goal, session: args.session, links }, { now: ctx.now() }),
    (id) => `Task ${id ?? ''} added for the ${owner}.`,
  );
}
