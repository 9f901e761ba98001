/**
 * Mentoring: Close the Mentorship — each active goal's outcome (achieved or dropped, and why),
 * your final feedback, then `closed:` in the file (src/core/rituals/close.ts, through the store,
 * which seals the feedback like session feedback). On a closed file it adds your final feedback
 * when you have not given it yet. The sidebar then shows the closing summary.
 */
import type { FeedbackInput } from '../core/edit/sessions';
import { addFinalFeedback, closeMentorship as closeEdit, type GoalEnd, type GoalOutcome } from '../core/rituals/close';
import { closedWords } from '../core/rituals/closed';
import type { Role } from '../core/schema';
import { askRole, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runEdit, targetState } from './context';

export interface CloseMentorshipArgs extends FileArgs {
  /** Who closes (default: `mentoring.role`, else asked). */
  by?: Role;
  /** Outcomes given in advance (tests, scripts); the other active goals are asked. */
  outcomes?: GoalOutcome[];
  /** Final feedback given in advance; `false` gives none without asking. */
  feedback?: Omit<FeedbackInput, 'from'> | false;
  /** The closing day, YYYY-MM-DD (default today). */
  on?: string;
  /** Close without the confirmation (tests, scripts). */
  confirmed?: boolean;
}

export async function closeMentorship(ctx: CommandContext, args: CloseMentorshipArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const ui = ctx.ui();
  const by = await askRole(ctx, state.uri, args.by, model.closed ? 'Whose final feedback is this?' : 'Who is closing the mentorship?');
  if (!by) return undefined;

  if (model.closed) {
    if (model.closed.feedback.some((f) => f.from === by)) {
      const message = `This mentorship was already ${closedWords(model)}, and the ${by}'s final feedback is recorded. The sidebar shows the closing summary.`;
      void ui.info(message);
      return { ok: false, message };
    }
    const feedback = args.feedback === false ? undefined : (args.feedback ?? (await askFinalFeedback(ctx)));
    if (!feedback) return undefined;
    return runEdit(ctx, state, (text) => addFinalFeedback(text, { from: by, ...feedback }, { now: ctx.now() }), () => `The ${by}'s final feedback is recorded.`);
  }

  const outcomes: GoalOutcome[] = [...(args.outcomes ?? [])];
  const active = model.agreement.goals.filter((g) => g.status === 'active' && !outcomes.some((o) => o.goal === g.id));
  for (const [n, goal] of active.entries()) {
    const title = `Close the mentorship: goal ${n + 1} of ${active.length}`;
    const status = await ui.pick<GoalEnd>(
      [
        { label: 'Achieved', description: goal.title, value: 'achieved' },
        { label: 'Dropped', description: goal.title, value: 'dropped' },
      ],
      { title, placeHolder: `"${goal.title}": achieved or dropped?` },
    );
    if (status === undefined) return undefined;
    const why = await ui.input({
      title,
      prompt: `Why was "${goal.title}" ${status}? One line.`,
      validate: (v) => (v.trim() === '' ? 'Say in a line why.' : undefined),
    });
    if (why === undefined) return undefined;
    outcomes.push({ goal: goal.id, status, why });
  }
  const feedback = args.feedback === false ? undefined : (args.feedback ?? (await askFinalFeedback(ctx)));
  if (feedback === undefined && args.feedback !== false) return undefined;
  if (!args.confirmed) {
    const sure = await ui.confirm('Close the mentorship?', 'Close', 'Each goal keeps its outcome, reminders stop, and the sidebar shows the closing summary. The other side can still add their final feedback.');
    if (!sure) return undefined;
  }
  const closeArgs = { by, outcomes, ...(feedback && hasAny(feedback) ? { feedback: { from: by, ...feedback } } : {}), ...(args.on !== undefined ? { on: args.on } : {}) };
  return runEdit(ctx, state, (text) => closeEdit(text, closeArgs, { now: ctx.now() }), () => 'The mentorship is closed. The sidebar shows its closing summary.');
}

function hasAny(f: Omit<FeedbackInput, 'from'>): boolean {
  return f.rating !== undefined || (f.valuable ?? '').trim() !== '' || (f.change ?? '').trim() !== '';
}

/** The three final questions (each may be skipped); undefined when the user cancels. */
async function askFinalFeedback(ctx: CommandContext): Promise<Omit<FeedbackInput, 'from'> | undefined> {
  const ui = ctx.ui();
  const rating = await ui.pick<number>(
    [5, 4, 3, 2, 1].map((n) => ({ label: '★'.repeat(n) + '☆'.repeat(5 - n), description: `${n} of 5`, value: n })).concat([{ label: 'Skip the rating', description: '', value: 0 }]),
    { title: 'Your final feedback (1/3)', placeHolder: 'How useful was the mentorship as a whole?' },
  );
  if (rating === undefined) return undefined;
  const valuable = await ui.input({ title: 'Your final feedback (2/3)', prompt: 'What was most valuable? (optional; sealed when the pair has keys)' });
  if (valuable === undefined) return undefined;
  const change = await ui.input({ title: 'Your final feedback (3/3)', prompt: 'What would you change? (optional; sealed when the pair has keys)' });
  if (change === undefined) return undefined;
  return { ...(rating ? { rating } : {}), ...(valuable.trim() ? { valuable: valuable.trim() } : {}), ...(change.trim() ? { change: change.trim() } : {}) };
}
