/**
 * Mentoring: Close the Mentorship — each active goal's outcome (achieved or dropped, and why),
 * your final feedback, then `closed:` in the file (src/core/rituals/close.ts, through the store,
 * which seals the feedback like session feedback). On a closed file it adds your final feedback
 * when you have not given it yet. The sidebar then shows the closing summary.
 */
import * as vscode from 'vscode';
import type { FeedbackInput } from '../core/edit/sessions';
import { roleWord } from '../editor/pickRole';
import { namedEdit } from '../core/edit/named';
import type { GoalEnd, GoalOutcome } from '../core/rituals/close';
import type { Role } from '../core/schema';
import { askRole, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';

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
  const by = await askRole(ctx, state.uri, args.by, model.closed ? vscode.l10n.t('Whose final feedback is this?') : vscode.l10n.t('Who is closing the mentorship?'));
  if (!by) return undefined;

  if (model.closed) {
    if (model.closed.feedback.some((f) => f.from === by)) {
      const message = vscode.l10n.t('This mentorship was already closed on {0} by the {1}, and the {2}\'s final feedback is recorded. The sidebar shows the closing summary.', model.closed.on, roleWord(model.closed.by), roleWord(by));
      void ui.info(message);
      return { ok: false, message };
    }
    const feedback = args.feedback === false ? undefined : (args.feedback ?? (await askFinalFeedback(ctx)));
    if (!feedback) return undefined;
    return runNamed(ctx, state, namedEdit('addFinalFeedback', { from: by, ...feedback }), () => vscode.l10n.t('The {0}\'s final feedback is recorded.', roleWord(by)));
  }

  const outcomes: GoalOutcome[] = [...(args.outcomes ?? [])];
  const active = model.agreement.goals.filter((g) => g.status === 'active' && !outcomes.some((o) => o.goal === g.id));
  for (const [n, goal] of active.entries()) {
    const title = vscode.l10n.t('Close the mentorship: goal {0} of {1}', n + 1, active.length);
    const status = await ui.pick<GoalEnd>(
      [
        { label: vscode.l10n.t('Achieved'), description: goal.title, value: 'achieved' },
        { label: vscode.l10n.t('Dropped'), description: goal.title, value: 'dropped' },
      ],
      { title, placeHolder: vscode.l10n.t('"{0}": achieved or dropped?', goal.title) },
    );
    if (status === undefined) return undefined;
    const why = await ui.input({
      title,
      prompt: status === 'achieved' ? vscode.l10n.t('Why was "{0}" achieved? One line.', goal.title) : vscode.l10n.t('Why was "{0}" dropped? One line.', goal.title),
      validate: (v) => (v.trim() === '' ? vscode.l10n.t('Say in a line why.') : undefined),
    });
    if (why === undefined) return undefined;
    outcomes.push({ goal: goal.id, status, why });
  }
  const feedback = args.feedback === false ? undefined : (args.feedback ?? (await askFinalFeedback(ctx)));
  if (feedback === undefined && args.feedback !== false) return undefined;
  if (!args.confirmed) {
    const sure = await ui.confirm(vscode.l10n.t('Close the mentorship?'), vscode.l10n.t('Close'), vscode.l10n.t('Each goal keeps its outcome, reminders stop, and the sidebar shows the closing summary. The other side can still add their final feedback.'));
    if (!sure) return undefined;
  }
  const closeArgs = { by, outcomes, ...(feedback && hasAny(feedback) ? { feedback: { from: by, ...feedback } } : {}), ...(args.on !== undefined ? { on: args.on } : {}) };
  return runNamed(ctx, state, namedEdit('closeMentorship', closeArgs), () => vscode.l10n.t('The mentorship is closed. The sidebar shows its closing summary.'));
}

function hasAny(f: Omit<FeedbackInput, 'from'>): boolean {
  return f.rating !== undefined || (f.valuable ?? '').trim() !== '' || (f.change ?? '').trim() !== '';
}

/** The three final questions (each may be skipped); undefined when the user cancels. */
async function askFinalFeedback(ctx: CommandContext): Promise<Omit<FeedbackInput, 'from'> | undefined> {
  const ui = ctx.ui();
  const rating = await ui.pick<number>(
    [5, 4, 3, 2, 1].map((n) => ({ label: '★'.repeat(n) + '☆'.repeat(5 - n), description: vscode.l10n.t('{0} of 5', n), value: n })).concat([{ label: vscode.l10n.t('Skip the rating'), description: '', value: 0 }]),
    { title: vscode.l10n.t('Your final feedback ({0})', '1/3'), placeHolder: vscode.l10n.t('How useful was the mentorship as a whole?') },
  );
  if (rating === undefined) return undefined;
  const valuable = await ui.input({ title: vscode.l10n.t('Your final feedback ({0})', '2/3'), prompt: vscode.l10n.t('What was most valuable? (optional; sealed when the pair has keys)') });
  if (valuable === undefined) return undefined;
  const change = await ui.input({ title: vscode.l10n.t('Your final feedback ({0})', '3/3'), prompt: vscode.l10n.t('What would you change? (optional; sealed when the pair has keys)') });
  if (change === undefined) return undefined;
  return { ...(rating ? { rating } : {}), ...(valuable.trim() ? { valuable: valuable.trim() } : {}), ...(change.trim() ? { change: change.trim() } : {}) };
}
