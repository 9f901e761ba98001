/** Registers every command in `CommandId` with its module; returns the registrations to dispose. */
import * as vscode from 'vscode';
import { fail } from '../editor/outcome';
import { CommandId } from './ids';
import { acceptAgreement } from './acceptAgreement';
import { addFeedback } from './addFeedback';
import { addPrivateNote } from './addPrivateNote';
import { addTask } from './addTask';
import { addToCalendar } from './addToCalendar';
import { cancelSession } from './cancelSession';
import { closeMentorship } from './closeMentorship';
import { completeTask } from './completeTask';
import type { CommandContext, CommandOutcome } from './context';
import { dropTask } from './dropTask';
import { endSession } from './endSession';
import { exportPrivateNotes } from './exportPrivateNotes';
import { exportSummary } from './exportSummary';
import { openAgreement } from './openAgreement';
import { pickFile } from './pickFile';
import { raiseConcern } from './raiseConcern';
import { planSession } from './planSession';
import { setUp } from './setUp';
import { setUpKey } from './setUpKey';
import { showSidebar } from './showSidebar';
import { startSession } from './startSession';

type Handler = (ctx: CommandContext, args?: never) => Promise<CommandOutcome>;

export const handlers: Record<CommandId, Handler> = {
  [CommandId.setUp]: setUp,
  [CommandId.pickFile]: pickFile,
  [CommandId.openAgreement]: openAgreement,
  [CommandId.planSession]: planSession,
  [CommandId.startSession]: startSession,
  [CommandId.endSession]: endSession,
  [CommandId.cancelSession]: cancelSession,
  [CommandId.addFeedback]: addFeedback,
  [CommandId.addTask]: addTask,
  [CommandId.completeTask]: completeTask,
  [CommandId.dropTask]: dropTask,
  [CommandId.exportSummary]: exportSummary,
  [CommandId.addPrivateNote]: addPrivateNote,
  [CommandId.exportPrivateNotes]: exportPrivateNotes,
  [CommandId.showSidebar]: showSidebar,
  [CommandId.setUpKey]: setUpKey,
  [CommandId.raiseConcern]: raiseConcern,
  [CommandId.acceptAgreement]: acceptAgreement,
  [CommandId.closeMentorship]: closeMentorship,
  [CommandId.addToCalendar]: addToCalendar,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (args?: unknown) => {
      // Menus pass a URI or view item; only plain argument objects are ours.
      const options = args && typeof args === 'object' && !(args instanceof vscode.Uri) ? (args as never) : undefined;
      try {
        return await handler(ctx, options);
      } catch (err) {
        return fail(ctx.ui(), err);
      }
    }),
  );
}
