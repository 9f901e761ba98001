/**
 * Every palette command's handler by id, and `runCommand`, the one way to run one. The extension
 * bundle loads this module and the command modules on the first command run (a shared lazy part,
 * `PARTS.commands` in esbuild.mjs): it imports what the bundle already holds from the bundle
 * itself, so the store, the settings and the rest stay one copy.
 */
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

const handlers: Record<CommandId, Handler> = {
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

/** Runs the command `id` with `args` (a plain argument object, or undefined). */
export function runCommand(id: CommandId, ctx: CommandContext, args?: object): Promise<CommandOutcome> {
  return handlers[id](ctx, args as never);
}
