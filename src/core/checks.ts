/**
 * Agreement checks: warnings about how the pair keeps its own agreement.
 * They run on a model the schema accepted, with an injected clock so tests are exact, and return
 * findings addressed by path; `parse` turns the paths into positions.
 */
import * as l10n from '@vscode/l10n';
import type { Severity } from './diagnostics';
import type { Expectations, MentoringFile, Session } from './schema';
import { byCloseness, editDistance } from './closeness';
import { HINT_CATEGORIES, HINT_RULE_IDS } from './hints/ids';
import { cancellationDeadline, noticeDeadline } from './queries';
import { questionFindings } from './rituals/questions';
import { CLOSED_QUIETS, closedChecks } from './rituals/closed';
import { sealChecks } from './seal/checks';
import { acceptanceChecks } from './rituals/acceptance';
import { addMonthsIso, daysBetween, formatInstantLike, localIsoDate, parseDateTime } from './time';

export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  path: (string | number)[];
  data?: Record<string, unknown>;
  /** Point at the key of `path` rather than its value (e.g. a whole block). */
  pointAtKey?: boolean;
}

export interface CheckOptions {
  now: Date;
}

/** How long a goal may take from when it was set. */
export const GOAL_MONTHS = 6;

export function runChecks(model: MentoringFile, options: CheckOptions): Finding[] {
  const out: Finding[] = [];
  const today = localIsoDate(options.now);
  checkGoals(model, out);
  checkReview(model, today, out);
  model.sessions.forEach((session, i) => {
    checkTopic(model, session, i, options.now, out);
    checkCancellation(model, session, i, out);
    checkFeedback(model, session, i, out);
  });
  checkTasks(model, today, out);
  checkHints(model, out);
  out.push(...questionFindings(model));
  out.push(...sealChecks(model));
  out.push(...acceptanceChecks(model));
  // A closed mentorship has no next session, review or deadline to keep (rituals/close.ts).
  if (model.closed === undefined) return out;
  return [...out.filter((f) => !CLOSED_QUIETS.has(f.code)), ...closedChecks(model)];
}

/** Active goals due more than six months after they were set (`set`, else the agreement's start). */
function checkGoals(model: MentoringFile, out: Finding[]): void {
  model.agreement.goals.forEach((goal, i) => {
    if (goal.status !== 'active') return; // an achieved or dropped goal needs no new date
    const set = goal.set ?? model.agreement.started;
    const limit = addMonthsIso(set, GOAL_MONTHS);
    if (limit === undefined || goal.by <= limit) return;
    out.push({
      severity: 'warning',
      code: 'goal-too-far',
      message: goal.set
        ? l10n.t('Goal `{0}` is due {1}, more than six months after it was set ({2}): set `by` to {3} or earlier, or split the goal into smaller ones.', goal.id, goal.by, set, limit)
        : l10n.t('Goal `{0}` is due {1}, more than six months after the agreement started ({2}): set `by` to {3} or earlier, or split the goal into smaller ones.', goal.id, goal.by, set, limit),
      path: ['agreement', 'goals', i, 'by'],
      data: { limit, set, goal: goal.id },
    });
  });
}

function checkReview(model: MentoringFile, today: string, out: Finding[]): void {
  const review = model.agreement.review;
  if (review === undefined || review >= today) return;
  const days = daysBetween(review, today) ?? 0;
  out.push({
    severity: 'warning',
    code: 'review-overdue',
    message: days === 1
      ? l10n.t('The agreement was due for review on {0} ({1} day ago): meet to revisit goals and expectations, then set `review` to the next date (at most six months ahead).', review, days)
      : l10n.t('The agreement was due for review on {0} ({1} days ago): meet to revisit goals and expectations, then set `review` to the next date (at most six months ahead).', review, days),
    path: ['agreement', 'review'],
    data: { review, days, suggested: addMonthsIso(today, GOAL_MONTHS) },
  });
}

function checkTopic(model: MentoringFile, session: Session, i: number, now: Date, out: Finding[]): void {
  if (session.status !== 'planned' || session.cancelled !== undefined) return;
  const notice = model.agreement.expectations.topicNotice;
  const deadline = noticeDeadline(session, model.agreement.expectations);
  const base = ['sessions', i];
  const when = deadline ? formatInstantLike(deadline, session.at) : undefined;
  const data = { session: session.id, ...(when ? { deadline: when } : {}) };
  if (!hasTopic(session)) {
    out.push({
      severity: 'warning',
      code: 'topic-not-announced',
      message: when
        ? l10n.t('Session `{0}` has no topic yet: add `topic:` and `announced:` (now) by {1}, {2} before the session as agreed.', session.id, when, notice ?? '')
        : l10n.t('Session `{0}` has no topic yet: add `topic:` and `announced:` (now).', session.id),
      path: [...base, 'topic'],
      data,
    });
    return;
  }
  if (!when) return;
  const state = topicNoticeState(session, model.agreement.expectations, now);
  if (state === 'late') {
    out.push({
      severity: 'warning',
      code: 'topic-not-announced',
      message: l10n.t('The topic of session `{0}` was announced after the agreed {1} notice (it was due by {2}): next time announce it earlier, or move the session.', session.id, notice ?? '', when),
      path: [...base, 'announced'],
      data,
    });
  } else if (state === 'missing') {
    out.push({
      severity: 'warning',
      code: 'topic-not-announced',
      message: l10n.t('The topic of session `{0}` is not announced, and the {1} notice ran out at {2}: announce it now (set `announced:`), or move the session.', session.id, notice ?? '', when),
      path: [...base, 'topic'],
      data,
    });
  }
}

function hasTopic(session: Session): boolean {
  return session.topic !== undefined && session.topic.trim() !== '';
}

/**
 * The agreed topic notice for one session: `kept` (a topic announced by `at` minus `topicNotice`),
 * `late` (announced after that), `missing` (no announced topic and the deadline passed), `pending`
 * (not yet, and the deadline is still ahead); undefined when no notice is agreed. The rule of the
 * `topic-not-announced` warning, and what `core/report.ts` counts.
 */
export function topicNoticeState(session: Session, expectations: Expectations, now: Date): 'kept' | 'late' | 'missing' | 'pending' | undefined {
  const deadline = noticeDeadline(session, expectations);
  if (!deadline) return undefined;
  const announced = hasTopic(session) && session.announced !== undefined ? parseDateTime(session.announced) : undefined;
  if (announced) return announced.getTime() > deadline.getTime() ? 'late' : 'kept';
  return now.getTime() > deadline.getTime() ? 'missing' : 'pending';
}

function checkCancellation(model: MentoringFile, session: Session, i: number, out: Finding[]): void {
  const notice = model.agreement.expectations.cancellationNotice;
  const late = lateCancellation(session, model.agreement.expectations);
  if (!late) return;
  const { deadline, hoursBefore } = late;
  out.push({
    severity: 'warning',
    code: 'late-cancellation',
    message: hoursBefore >= 0
      ? l10n.t('Session `{0}` was cancelled {1}h before it, later than the agreed {2} notice (by {3}): talk about it at the next session.', session.id, hoursBefore, notice ?? '', formatInstantLike(deadline, session.at))
      : l10n.t('Session `{0}` was cancelled after it was due to start, later than the agreed {1} notice (by {2}): talk about it at the next session.', session.id, notice ?? '', formatInstantLike(deadline, session.at)),
    path: ['sessions', i, 'cancelled', 'at'],
    data: { session: session.id, deadline: formatInstantLike(deadline, session.at), hoursBefore },
  });
}

/**
 * A cancellation later than the agreed `cancellationNotice` allows: the deadline it missed and how
 * many hours before the session it came (negative: after the start); undefined when it was in time
 * or nothing can be told. The rule of the `late-cancellation` warning, and what the report counts.
 */
export function lateCancellation(session: Session, expectations: Expectations): { deadline: Date; hoursBefore: number } | undefined {
  const cancelled = session.cancelled;
  if (cancelled === undefined) return undefined;
  const deadline = cancellationDeadline(session, expectations);
  const at = parseDateTime(session.at);
  const when = parseDateTime(cancelled.at);
  if (!deadline || !at || !when || when.getTime() <= deadline.getTime()) return undefined;
  return { deadline, hoursBefore: Math.round(((at.getTime() - when.getTime()) / 3_600_000) * 10) / 10 };
}

function checkFeedback(model: MentoringFile, session: Session, i: number, out: Finding[]): void {
  if (model.agreement.expectations.feedback !== 'every-session') return;
  if (session.status !== 'held' || session.feedback.length > 0) return;
  out.push({
    severity: 'warning',
    code: 'missing-feedback',
    message: l10n.t('Session `{0}` was held without feedback, and the agreement asks for feedback after every session: add it ("{1}" or a `feedback:` entry).', session.id, l10n.t('Mentoring: Give Feedback on a Session')),
    path: ['sessions', i, 'feedback'],
    data: { session: session.id },
    pointAtKey: true,
  });
}

function checkTasks(model: MentoringFile, today: string, out: Finding[]): void {
  model.tasks.forEach((task, i) => {
    if (task.status !== 'open' || task.due === undefined || task.due >= today) return;
    const days = daysBetween(task.due, today) ?? 0;
    out.push({
      severity: 'warning',
      code: 'task-overdue',
      message: days === 1
        ? l10n.t('Task `{0}` ({1}) was due {2}, {3} day ago: complete it, drop it, or set a new `due` date.', task.id, task.owner, task.due, days)
        : l10n.t('Task `{0}` ({1}) was due {2}, {3} days ago: complete it, drop it, or set a new `due` date.', task.id, task.owner, task.due, days),
      path: ['tasks', i, 'due'],
      data: { task: task.id, days, owner: task.owner },
    });
  });
}

/** Ids in the `hints:` block that name no rule or category: a typo would silently disable nothing. */
function checkHints(model: MentoringFile, out: Finding[]): void {
  const block = model.hints;
  if (!block) return;
  const lists = [
    ['disabledRules', block.disabledRules, HINT_RULE_IDS, 'rule'],
    ['disabledCategories', block.disabledCategories, HINT_CATEGORIES as readonly string[], 'category'],
  ] as const;
  for (const [key, values, known, what] of lists) {
    values.forEach((value, i) => {
      if (known.includes(value)) return;
      // a suggestion only when it is a likely typo, not merely the least far of unrelated words
      const nearest = byCloseness(value, known)[0];
      const closest = nearest !== undefined && editDistance(value.toLowerCase(), nearest) <= Math.max(2, Math.floor(value.length / 4)) ? nearest : undefined;
      out.push({
        severity: 'warning',
        code: 'unknown-hint-id',
        message: unknownHintIdMessage(what, value, closest, known.join(', ')),
        path: ['hints', key, i],
        data: { value, known: [...known], ...(closest ? { closest } : {}) },
      });
    });
  }
}

function unknownHintIdMessage(what: 'rule' | 'category', value: string, closest: string | undefined, known: string): string {
  if (what === 'rule') {
    return closest
      ? l10n.t('`{0}` is not a hint rule, so it turns nothing off (did you mean `{1}`?). Known: {2}.', value, closest, known)
      : l10n.t('`{0}` is not a hint rule, so it turns nothing off. Known: {1}.', value, known);
  }
  return closest
    ? l10n.t('`{0}` is not a hint category, so it turns nothing off (did you mean `{1}`?). Known: {2}.', value, closest, known)
    : l10n.t('`{0}` is not a hint category, so it turns nothing off. Known: {1}.', value, known);
}
