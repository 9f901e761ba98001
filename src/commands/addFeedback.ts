/** Mentoring: Give Feedback on a Session — rating, what was valuable, what to change. */
import type { Role } from '../core/schema';
import { askRole, chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runEdit, targetState } from './context';
import * as edit from '../core/edit';

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
  const rating = await ui.pick<number | 0>(
    [5, 4, 3, 2, 1].map((n) => ({ label: '★'.repeat(n) + '☆'.repeat(5 - n), description: `${n} of 5`, value: n })).concat([{ label: 'Skip the rating', description: '', value: 0 }]),
    { title: `Feedback on session ${sessionId} (1/3)`, placeHolder: 'How useful was this session?' },
  );
  if (rating === undefined) return undefined;
  const valuable = await ui.input({ title: `Feedback on session ${sessionId} (2/3)`, prompt: 'What was valuable? (optional)' });
  if (valuable === undefined) return undefined;
  const change = await ui.input({ title: `Feedback on session ${sessionId} (3/3)`, prompt: 'What should change next time? (optional)' });
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
  const session = await chooseSession(ctx, held, args.session, (s) => s.status === 'held', 'Feedback on which session?', 'There is no held session to give feedback on.');
  if (!session) return undefined;
  const from = await askRole(ctx, state.uri, args.from, 'Who is giving feedback?');
  if (!from) return undefined;
  const given = args.rating !== undefined || args.valuable !== undefined || args.change !== undefined;
  const answers = given ? { rating: args.rating, valuable: args.valuable, change: args.change } : await askFeedback(ctx, session.id);
  if (!answers) return undefined;
  return runEdit(ctx, state, (text) => edit.addFeedback(text, { session: session.id, from, ...answers }, { now: ctx.now() }), () => `Feedback on session ${session.id} recorded.`);
}
