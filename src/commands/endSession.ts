/** Mentoring: End the Session — records the end, then asks for feedback. */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import type { Role } from '../core/schema';
import { isRunning } from '../core/queries';
import { askFeedback, type FeedbackAnswers } from './addFeedback';
import { askRole, chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';

export interface EndSessionArgs extends FileArgs {
  session?: string;
  /** Feedback to record with the end; `false` skips the questions. */
  feedback?: (FeedbackAnswers & { from?: Role }) | false;
}

export async function endSession(ctx: CommandContext, args: EndSessionArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const session = await chooseSession(ctx, model.sessions, args.session, isRunning, vscode.l10n.t('Which session is ending?'), vscode.l10n.t('No session is running. Start one first.'));
  if (!session) return undefined;
  // Ending asks for feedback: the habit the agreement asks for is easiest right now.
  let feedback: (FeedbackAnswers & { from: Role }) | undefined;
  if (args.feedback !== false) {
    const from = await askRole(ctx, state.uri, args.feedback?.from, vscode.l10n.t('Who is giving feedback? (Escape ends without feedback)'));
    const answers = from ? (args.feedback ?? (await askFeedback(ctx, session.id))) : undefined;
    if (from && answers) feedback = { ...answers, from };
  }
  const given = feedback;
  return runNamed(
    ctx,
    state,
    namedEdit('endSession', { session: session.id, ...(given ? { feedback: given } : {}) }),
    () => (given ? vscode.l10n.t('Session {0} ended and your feedback recorded.', session.id) : vscode.l10n.t('Session {0} ended.', session.id)),
  );
}
