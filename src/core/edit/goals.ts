/** Operations on the agreement's goals: add one, move its date. */
import * as l10n from '@vscode/l10n';
import { newGoalId } from '../ids';
import { checkDate, goalWarnings, listIds, optionalText } from './helpers';
import { refuse, Refusal, runEdit, type EditContext, type EditResult } from './runner';

export function addGoal(text: string, args: { title: string; by: string; why?: string | undefined }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const title = optionalText(args.title);
    if (title === undefined) return refuse(l10n.t('A goal needs a title.'));
    const by = checkDate(args.by.trim(), l10n.t('The goal date ("by")'));
    if (by instanceof Refusal) return by;
    const id = newGoalId(title, env.model.agreement.goals.map((g) => g.id), env.random);
    const goal: Record<string, unknown> = { id, title };
    const why = optionalText(args.why);
    if (why !== undefined) goal.why = why;
    goal.set = env.today;
    goal.by = by;
    goal.status = 'active';
    return { ops: [{ op: 'append', path: ['agreement', 'goals'], value: goal }], id, warnings: goalWarnings(env.today, by) };
  });
}

export function setGoalBy(text: string, args: { goal: string; by: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const i = env.model.agreement.goals.findIndex((g) => g.id === args.goal);
    const goal = env.model.agreement.goals[i];
    if (!goal) return refuse(l10n.t('There is no goal "{0}". Goals: {1}.', args.goal, listIds(env.model.agreement.goals.map((g) => g.id))));
    const by = checkDate(args.by.trim(), l10n.t('The goal date ("by")'));
    if (by instanceof Refusal) return by;
    const set = goal.set ?? env.model.agreement.started;
    return { ops: [{ op: 'set', path: ['agreement', 'goals', i, 'by'], value: by }], id: goal.id, warnings: goalWarnings(set, by, env.today) };
  });
}
