/** Mentoring: Choose Mentoring File — which agreement the sidebar, status bar and commands use. */
import * as vscode from 'vscode';
import type { CommandContext, CommandOutcome, FileArgs } from './context';

export async function pickFile(ctx: CommandContext, args: FileArgs = {}): Promise<CommandOutcome> {
  if (args.file) {
    await ctx.store.setCurrent(vscode.Uri.parse(args.file));
    return { ok: true };
  }
  const uri = await ctx.store.pickFile();
  if (!uri && ctx.store.files().length === 0) {
    const choice = await ctx.ui().info(vscode.l10n.t('There is no mentoring agreement in this workspace yet.'), vscode.l10n.t('Set Up an Agreement'));
    if (choice) await vscode.commands.executeCommand('mentoring.setUp');
  }
  return uri ? { ok: true } : undefined;
}
