/** Mentoring: Cancel a Session — records when and by whom; warns when later than the agreed notice. */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import type { Role } from '../core/schema';
import { askRole, chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';

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
    vscode.l10n.t('Which session do you cancel?'),
    vscode.l10n.t('There is no planned session to cancel.'),
  );
  if (!session) return undefined;
  const by = await askRole(ctx, state.uri, args.by, vscode.l10n.t('Who cancels?'));
  if (!by) return undefined;
  const reason = args.reason ?? (await ctx.ui().input({ title: vscode.l10n.t('Cancel session {0}', session.id), prompt: vscode.l10n.t('Reason (optional, recorded in the file)') }));
  if (reason === undefined) return undefined;
  return runNamed(
    ctx,
    state,
    namedEdit('cancelSession', { session: session.id, by, reason: reason.trim() || undefined }),
    () => (by === 'mentor' ? vscode.l10n.t('Session {0} cancelled by the mentor.', session.id) : vscode.l10n.t('Session {0} cancelled by the mentee.', session.id)),
  );
}
