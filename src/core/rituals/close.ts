/**
 * "Close well": ending a mentorship records each active goal's outcome (achieved or dropped, and
 * a line why), the closer's final feedback, and `closed: { on, by, feedback }`; the other side adds
 * theirs later (`finalFeedbackOp`). Both are plans for the one edit runner (`../edit/runner.ts`);
 * the final feedback sits at `closed.feedback[j]`, which `../seal/fields.ts` maps to the same
 * confidential fields as a session's feedback, so it is sealed the same way. What a closed file
 * silences and checks: `./closed.ts`.
 */
import * as l10n from '@vscode/l10n';
import { checkDate, listIds, optionalText } from '../edit/helpers';
import { refuse, Refusal, runEdit, type EditContext, type EditResult, type Operation, type Plan } from '../edit/runner';
import { feedbackEntry, type FeedbackInput } from '../edit/sessions';
import type { Role } from '../schema';
import type { YamlOp } from '../yaml/edit';
import { closedWords } from './closed';

export type GoalEnd = 'achieved' | 'dropped';

export interface GoalOutcome {
  goal: string;
  status: GoalEnd;
  /** Why it was achieved or dropped: one line. */
  why: string;
}

export interface CloseArgs {
  /** Who closes the mentorship. */
  by: Role;
  /** One per active goal. */
  outcomes: readonly GoalOutcome[];
  /** The closer's final feedback (its `from` is `by`'s side or the other's). */
  feedback?: FeedbackInput | undefined;
  /** The closing day, YYYY-MM-DD (default today). */
  on?: string | undefined;
}

/** Where `outcome` goes in a goal: after its status (or what comes before it). */
const OUTCOME_AFTER = ['status', 'by', 'set', 'why', 'title', 'id'];
const STATUS_AFTER = ['by', 'set', 'why', 'title', 'id'];

/** Closes the mentorship: every active goal's outcome, the closer's final feedback, `closed:`. */
export const closeOp =
  (args: CloseArgs): Operation =>
  (env) => {
    const { model } = env;
    if (model.closed) return refuse(l10n.t('This mentorship was already {0}.', closedWords(model)));
    if (args.by !== 'mentor' && args.by !== 'mentee') return refuse(l10n.t('A mentorship is closed by the mentor or the mentee, not "{0}".', String(args.by)));
    const on = args.on === undefined ? env.today : checkDate(args.on.trim(), l10n.t('The closing date'));
    if (on instanceof Refusal) return on;
    if (on < model.agreement.started) return refuse(l10n.t('The closing date {0} is before the agreement started ({1}).', on, model.agreement.started));

    const goals = model.agreement.goals;
    const ops: YamlOp[] = [];
    const seen = new Set<string>();
    for (const o of args.outcomes) {
      const i = goals.findIndex((g) => g.id === o.goal);
      const goal = goals[i];
      if (!goal) return refuse(l10n.t('There is no goal "{0}". Goals: {1}.', o.goal, listIds(goals.map((g) => g.id))));
      if (seen.has(goal.id)) return refuse(l10n.t('Goal {0} has two outcomes; give one.', goal.id));
      seen.add(goal.id);
      if (goal.status !== 'active') {
        return refuse(goal.status === 'achieved'
          ? l10n.t('Goal {0} is already achieved; only active goals get an outcome when closing.', goal.id)
          : l10n.t('Goal {0} is already dropped; only active goals get an outcome when closing.', goal.id));
      }
      if (o.status !== 'achieved' && o.status !== 'dropped') return refuse(l10n.t('The outcome of goal {0} is achieved or dropped, not "{1}".', goal.id, String(o.status)));
      const why = optionalText(o.why)?.replace(/\s*[\r\n]+\s*/g, ' ');
      if (why === undefined) return refuse(o.status === 'achieved' ? l10n.t('Say in a line why goal {0} was achieved.', goal.id) : l10n.t('Say in a line why goal {0} was dropped.', goal.id));
      ops.push({ op: 'set', path: ['agreement', 'goals', i, 'status'], value: o.status, after: STATUS_AFTER });
      ops.push({ op: 'set', path: ['agreement', 'goals', i, 'outcome'], value: why, after: OUTCOME_AFTER });
    }
    const missing = goals.filter((g) => g.status === 'active' && !seen.has(g.id));
    if (missing.length > 0) {
      return refuse(l10n.t('Every active goal needs its outcome (achieved or dropped, and why) before the mentorship closes; still open: {0}.', missing.map((g) => `${g.id} "${g.title}"`).join(', ')));
    }

    const closed: Record<string, unknown> = { on, by: args.by };
    if (args.feedback !== undefined) {
      const fb = finalFeedback(args.feedback, env);
      if (fb instanceof Refusal) return fb;
      closed.feedback = [fb];
    }
    ops.push({ op: 'set', path: ['closed'], value: closed });

    const warnings: string[] = [];
    const ahead = model.sessions.filter((s) => s.status === 'planned' && s.cancelled === undefined && s.started === undefined && s.at.slice(0, 10) >= on);
    if (ahead.length > 0) warnings.push(`${ahead.length === 1 ? 'Session' : 'Sessions'} ${ahead.map((s) => s.id).join(', ')} ${ahead.length === 1 ? 'is' : 'are'} still planned; cancel ${ahead.length === 1 ? 'it' : 'them'} if ${ahead.length === 1 ? 'it does' : 'they do'} not happen.`);
    const open = model.tasks.filter((t) => t.status === 'open').length;
    if (open > 0) warnings.push(`${open} task${open === 1 ? ' is' : 's are'} still open; the closing summary counts ${open === 1 ? 'it' : 'them'} as open.`);
    if (args.feedback === undefined) warnings.push(l10n.t('No final feedback was given; each side can add theirs afterwards.'));
    return { ops, warnings } satisfies Plan;
  };

/** One side's final feedback on a mentorship already closed. */
export const finalFeedbackOp =
  (feedback: FeedbackInput): Operation =>
  (env) => {
    const closed = env.model.closed;
    if (!closed) return refuse(l10n.t('The mentorship is not closed yet: the final feedback is given when closing it.'));
    const fb = finalFeedback(feedback, env);
    if (fb instanceof Refusal) return fb;
    return { ops: [{ op: 'append', path: ['closed', 'feedback'], value: fb, after: ['by', 'on'] }] };
  };

function finalFeedback(f: FeedbackInput, env: Parameters<Operation>[0]): Record<string, unknown> | Refusal {
  const given = env.model.closed?.feedback.find((x) => x.from === f.from);
  if (given) return refuse(alreadyRecorded(f.from, given.at));
  if (f.rating === undefined && optionalText(f.valuable) === undefined && optionalText(f.change) === undefined) {
    return refuse(l10n.t('Final feedback needs a rating, what was valuable, or what to change.'));
  }
  return feedbackEntry(f, env);
}

function alreadyRecorded(from: Role, at: string | undefined): string {
  if (from === 'mentor') return at ? l10n.t('The mentor\'s final feedback is already recorded ({0}).', at) : l10n.t('The mentor\'s final feedback is already recorded.');
  return at ? l10n.t('The mentee\'s final feedback is already recorded ({0}).', at) : l10n.t('The mentee\'s final feedback is already recorded.');
}

export function closeMentorship(text: string, args: CloseArgs, ctx: EditContext): EditResult {
  return runEdit(text, ctx, closeOp(args));
}

export function addFinalFeedback(text: string, feedback: FeedbackInput, ctx: EditContext): EditResult {
  return runEdit(text, ctx, finalFeedbackOp(feedback));
}

/**
 * `g1=achieved:Shipped the parser` (or `g1=dropped:…`) as typed on a command line: the goal id,
 * the outcome, and why after the first colon. A message saying what is wrong otherwise.
 */
export function parseOutcome(text: string): GoalOutcome | string {
  const m = /^\s*([^=\s]+)\s*=\s*(achieved|dropped)\s*(?::([\s\S]*))?$/i.exec(text);
  if (!m) return `"${text}" is not an outcome: write GOAL=achieved:WHY or GOAL=dropped:WHY (e.g. g1=achieved:"Shipped the parser").`; // l10n-exempt: the CLI's --outcome, and the CLI speaks English
  const why = (m[3] ?? '').trim();
  if (why === '') return `The outcome of goal ${m[1] as string} needs a line why, after a colon: ${m[1] as string}=${(m[2] as string).toLowerCase()}:WHY.`; // l10n-exempt: the CLI's --outcome, and the CLI speaks English
  return { goal: m[1] as string, status: (m[2] as string).toLowerCase() as GoalEnd, why };
}
