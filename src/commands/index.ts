/** Registers every command in `CommandId`; returns the registrations to dispose. Each runs through `runCommand` (handlers.ts). */
import * as vscode from 'vscode';
import { fail } from '../editor/outcome';
import { CommandId } from './ids';
import type { CommandContext } from './context';
import { runCommand } from './handlers';

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.values(CommandId).map((id) =>
    vscode.commands.registerCommand(id, async (args?: unknown) => {
      // Menus pass a URI or view item; only plain argument objects are ours.
      const options = args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : undefined;
      try {
        return await runCommand(id, ctx, options);
      } catch (err) {
        return fail(ctx.ui(), err);
      }
    }),
  );
}
