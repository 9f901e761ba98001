/** Mentoring: Export a Session Summary — Markdown in a new untitled document. */
import * as vscode from 'vscode';
import { chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, targetState } from './context';
import { sessionSummary } from '../core/summary';

export interface ExportSummaryArgs extends FileArgs {
  session?: string;
}

export async function exportSummary(ctx: CommandContext, args: ExportSummaryArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const latestFirst = [...model.sessions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const session = await chooseSession(ctx, latestFirst, args.session, () => true, 'Summary of which session?', 'There are no sessions yet. Plan one first.');
  if (!session) return undefined;
  const markdown = sessionSummary(model, session.id);
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(doc, { preview: false });
  return { ok: true, id: session.id };
}
