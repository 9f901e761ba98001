/** Mentoring: Start a Session — records when the session began. */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import { chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';

export interface StartSessionArgs extends FileArgs {
  session?: string;
}

export async function startSession(ctx: CommandContext, args: StartSessionArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const now = ctx.now().getTime();
  // Nearest planned session first: the one about to happen is almost always the one meant.
  const planned = [...model.sessions].sort((a, b) => Math.abs(Date.parse(a.at) - now) - Math.abs(Date.parse(b.at) - now));
  const session = await chooseSession(
    ctx,
    planned,
    args.session,
    (s) => s.status === 'planned' && s.started === undefined,
    vscode.l10n.t('Which session is starting?'),
    vscode.l10n.t('There is no planned session to start. Plan one first.'),
  );
  if (!session) return undefined;
  return runNamed(ctx, state, namedEdit('startSession', { session: session.id }), () => vscode.l10n.t('Session {0} started.', session.id));
}
