/** Mentoring: Cancel a Session — records when and by whom; warns when later than the agreed notice. */
import type { Role } from '../core/schema';
import { askRole, chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runEdit, targetState } from './context';
import * as edit from '../core/edit';

export interface CancelSessionArgs extends FileArgs {
  session?: string;
  by?: Role;
  reason?: string;
}

export async function cancelSession(ctx: CommandContext, args: CancelSessionArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const upcoming = [...model.sessions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const session = await chooseSession(
    ctx,
    upcoming,
    args.session,
    (s) => s.status === 'planned' && s.started === undefined,
    'Which session do you cancel?',
    'There is no planned session to cancel.',
  );
  if (!session) return undefined;
  const by = await askRole(ctx, state.uri, args.by, 'Who cancels?');
  if (!by) return undefined;
  const reason = args.reason ?? (await ctx.ui().input({ title: `Cancel session ${session.id}`, prompt: 'Reason (optional, recorded in the file)' }));
  if (reason === undefined) return undefined;
  return runEdit(
    ctx,
    state,
    (text) => edit.cancelSession(text, { session: session.id, by, reason: reason.trim() || undefined }, { now: ctx.now() }),
    () => `Session ${session.id} cancelled by the ${by}.`,
  );
}
