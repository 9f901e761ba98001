/** Mentoring: Give Feedback on a Session — rating, what was valuable, what to change. */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import type { Role } from '../core/schema';
import { askRole, chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';

export interface FeedbackAnswers {
  rating?: number;
  valuable?: string;
  change?: string;
}

export interface AddFeedbackArgs extends FileArgs, FeedbackAnswers {
  session?: string;
  from?: Role;
}

/** The three feedback questions; undefined when the user cancels. */
export async function askFeedback(ctx: CommandContext, sessionId: string): Promise<FeedbackAnswers | undefined> {
  const ui = ctx.ui();
  const rating = await ui.pick<number>(
    [5, 4, 3, 2, 1].map((n) => ({ label: '★'.repeat(n) + '☆'.repeat(5 - n), description: vscode.l10n.t('{0} of 5', n), value: n })).concat([{ label: vscode.l10n.t('Skip the rating'), description: '', value: 0 }]),
    { title: vscode.l10n.t('Feedback on session {0} ({1})', sessionId, '1/3'), placeHolder: vscode.l10n.t('How useful was this session?') },
  );
  if (rating === undefined) return undefined;
  const valuable = await ui.input({ title: vscode.l10n.t('Feedback on session {0} ({1})', sessionId, '2/3'), prompt: vscode.l10n.t('What was valuable? (optional)') });
  if (valuable === undefined) return undefined;
  const change = await ui.input({ title: vscode.l10n.t('Feedback on session {0} ({1})', sessionId, '3/3'), prompt: vscode.l10n.t('What should change next time? (optional)') });
  if (change === undefined) return undefined;
  return {
    ...(rating ? { rating } : {}),
    ...(valuable.trim() ? { valuable: valuable.trim() } : {}),
    ...(change.trim() ? { change: change.trim() } : {}),
  };
}

export async function addFeedback(ctx: CommandContext, args: AddFeedbackArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const held = [...model.sessions].reverse();
  const session = await chooseSession(ctx, held, args.session, (s) => s.status === 'held', vscode.l10n.t('Feedback on which session?'), vscode.l10n.t('There is no held session to give feedback on.'));
  if (!session) return undefined;
  const from = await askRole(ctx, state.uri, args.from, vscode.l10n.t('Who is giving feedback?'));
  if (!from) return undefined;
  const given = args.rating !== undefined || args.valuable !== undefined || args.change !== undefined;
  const answers = given ? { rating: args.rating, valuable: args.valuable, change: args.change } : await askFeedback(ctx, session.id);
  if (!answers) return undefined;
  return runNamed(ctx, state, namedEdit('addFeedback', { session: session.id, from, ...answers }), () => vscode.l10n.t('Feedback on session {0} recorded.', session.id));
}
