/**
 * A closed mentorship is quiet: `CLOSED_QUIETS` names the checks that nag about what is ahead
 * (`../checks.ts` skips them once `closed:` is in the file), the status bar and the sidebar stop
 * counting down (`../views/status.ts`, `../views/sidebar.ts`), and `closedChecks` warns about what
 * closing left unsaid (a goal still active, two final feedbacks from one side). Imports nothing of
 * the edit runner, so the checks can use it without a cycle.
 */
import type { Finding } from '../checks';
import type { MentoringFile, Role } from '../schema';

/** The checks that nag about what is ahead; a closed mentorship has nothing ahead. */
export const CLOSED_QUIETS: ReadonlySet<string> = new Set(['goal-too-far', 'review-overdue', 'topic-not-announced', 'task-overdue']);

export function isClosed(model: Pick<MentoringFile, 'closed'>): boolean {
  return model.closed !== undefined;
}

/** "closed on 2026-06-30 by the mentor" */
export function closedWords(model: Pick<MentoringFile, 'closed'>): string {
  const c = model.closed;
  return c ? `closed on ${c.on} by the ${c.by}` : 'not closed';
}

/** Warnings about what a closed file leaves unsaid: a goal still active, one side's final feedback twice. */
export function closedChecks(model: MentoringFile): Finding[] {
  const closed = model.closed;
  if (!closed) return [];
  const out: Finding[] = [];
  model.agreement.goals.forEach((g, i) => {
    if (g.status !== 'active') return;
    out.push({
      severity: 'warning',
      code: 'closed-goal-active',
      message: `The mentorship is ${closedWords(model)}, but goal \`${g.id}\` is still active: set its \`status\` to achieved or dropped, with an \`outcome:\` line saying why.`,
      path: ['agreement', 'goals', i],
      pointAtKey: true,
      data: { goal: g.id },
    });
  });
  const seen = new Set<Role>();
  closed.feedback.forEach((f, j) => {
    if (seen.has(f.from)) {
      out.push({
        severity: 'warning',
        code: 'closed-feedback-twice',
        message: `The ${f.from} has two final feedback entries; the closing summary shows the first. Merge them into one.`,
        path: ['closed', 'feedback', j, 'from'],
        data: { from: f.from },
      });
    }
    seen.add(f.from);
  });
  return out;
}

