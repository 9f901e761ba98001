/** Mentoring: Open the Agreement — the current mentoring file in an editor. */
import * as vscode from 'vscode';
import { type CommandContext, type CommandOutcome, type FileArgs, targetState } from './context';

export async function openAgreement(ctx: CommandContext, args: FileArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  if (!state) return undefined;
  await vscode.window.showTextDocument(state.uri, { preview: false });
  return { ok: true };
}
