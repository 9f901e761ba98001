/** Mentoring: Export My Private Notes — Markdown in a new untitled document for their owner to keep. */
import * as vscode from 'vscode';
import { fileKeyOf } from '../editor/privateNotes';
import { type CommandContext, type CommandOutcome, type FileArgs, targetState } from './context';

export async function exportPrivateNotes(ctx: CommandContext, args: FileArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  if (!state) return undefined;
  const model = state.result.model;
  const title = model ? vscode.l10n.t('Private notes: {0} and {1}', model.agreement.mentor.name, model.agreement.mentee.name) : vscode.l10n.t('Private mentoring notes');
  await ctx.notes.ready;
  const markdown = ctx.notes.export(fileKeyOf(state.uri), title);
  // Untitled: nothing is written anywhere until the owner chooses where to save it.
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(doc, { preview: false });
  return { ok: true };
}
