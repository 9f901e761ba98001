/**
 * A closed mentorship is quiet: `CLOSED_QUIETS` names the checks that nag about what is ahead
 * (`../checks.ts` skips them once `closed:` is in the file), the status bar and the sidebar stop
 * counting down (`../views/status.ts`, `../views/sidebar.ts`), and `closedChecks` warns about what
 * closing left unsaid (a goal still active, two final feedbacks from one side). Imports nothing of
 * the edit runner, so the checks can use it without a cycle.
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../checks';
import type { MentoringFile, Role } from '../schema';

/** The checks that nag about what is ahead; a closed mentorship has nothing ahead. */
export const CLOSED_QUIETS: ReadonlySet<string> = new Set(['goal-too-far', 'review-overdue', 'topic-not-announced', 'task-overdue']);

export function isClosed(model: Pick<MentoringFile, 'closed'>): boolean {
  return model.closed !== undefined;
}

/** "closed on 2026-06-30 by the mentor", in the display language (one message per role: the words around it differ in German). */
export function closedWords(model: Pick<MentoringFile, 'closed'>): string {
  const c = model.closed;
  if (!c) return l10n.t('not closed');
  return c.by === 'mentor' ? l10n.t('closed on {0} by the mentor', c.on) : l10n.t('closed on {0} by the mentee', c.on);
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
      message: l10n.t('The mentorship is {0}, but goal `{1}` is still active: set its `status` to achieved or dropped, with an `outcome:` line saying why.', closedWords(model), g.id),
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
        message: f.from === 'mentor'
          ? l10n.t('The mentor has two final feedback entries; the closing summary shows the first. Merge them into one.')
          : l10n.t('The mentee has two final feedback entries; the closing summary shows the first. Merge them into one.'),
        path: ['closed', 'feedback', j, 'from'],
        data: { from: f.from },
      });
    }
    seen.add(f.from);
  });
  return out;
}

