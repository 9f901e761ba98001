/**
 * Questions the status bar, the sidebar and the CLI ask of a parsed model. Pure functions of the
 * model and an injected clock; times follow `time.ts` (date-times without an offset are local time,
 * "today" is the clock's local calendar day).
 */
import type { Expectations, Goal, MentoringFile, Role, Session, Task } from './schema';
import { daysBetween, localIsoDate, parseDateTime, parseDuration } from './time';

/** Started, not ended, not cancelled. */
export function isRunning(session: Session): boolean {
  return session.started !== undefined && session.ended === undefined && session.cancelled === undefined && session.status !== 'cancelled';
}

/** The running session (the latest started, should there be several), if any. */
export function runningSession(model: MentoringFile): Session | undefined {
  let best: Session | undefined;
  let bestStart = -Infinity;
  for (const s of model.sessions) {
    if (!isRunning(s)) continue;
    const t = parseDateTime(s.started ?? '')?.getTime() ?? parseDateTime(s.at)?.getTime() ?? -Infinity;
    if (best === undefined || t >= bestStart) {
      best = s;
      bestStart = t;
    }
  }
  return best;
}

/** The earliest planned session (not started, not cancelled) whose time is now or later. */
export function nextSession(model: MentoringFile, now: Date): Session | undefined {
  let best: Session | undefined;
  let bestAt = Infinity;
  for (const s of model.sessions) {
    if (s.status !== 'planned' || s.started !== undefined || s.cancelled !== undefined) continue;
    const at = parseDateTime(s.at)?.getTime();
    if (at === undefined || at < now.getTime()) continue;
    if (at < bestAt) {
      best = s;
      bestAt = at;
    }
  }
  return best;
}

/** When the topic of `session` must be announced by (`at` minus `topicNotice`); undefined without a notice. */
export function noticeDeadline(session: Session, expectations: Expectations): Date | undefined {
  return before(session.at, expectations.topicNotice);
}

/** The latest moment `session` may be cancelled within the agreement (`at` minus `cancellationNotice`). */
export function cancellationDeadline(session: Session, expectations: Expectations): Date | undefined {
  return before(session.at, expectations.cancellationNotice);
}

function before(at: string, notice: string | undefined): Date | undefined {
  const ms = notice === undefined ? undefined : parseDuration(notice);
  const start = parseDateTime(at);
  return ms === undefined || start === undefined ? undefined : new Date(start.getTime() - ms);
}

/** Open tasks whose due date is before today, most overdue first. */
export function overdueTasks(model: MentoringFile, now: Date): Task[] {
  const today = localIsoDate(now);
  return model.tasks
    .filter((t) => t.status === 'open' && t.due !== undefined && t.due < today)
    .sort((a, b) => (a.due as string).localeCompare(b.due as string));
}

/** Tasks grouped by owner, in file order; only those with `status` when given. */
export function tasksByOwner(model: MentoringFile, status?: Task['status']): Record<Role, Task[]> {
  const out: Record<Role, Task[]> = { mentor: [], mentee: [] };
  for (const t of model.tasks) if (status === undefined || t.status === status) out[t.owner].push(t);
  return out;
}

export interface FeedbackPoint {
  session: string;
  at: string;
  /** Ratings given for this session, by role (the last one when a role rated twice). */
  ratings: Partial<Record<Role, number>>;
  /** Mean of all ratings given for the session. */
  average: number;
}

/** Ratings by session, in time order; sessions without any rating are left out. */
export function feedbackTrend(model: MentoringFile): FeedbackPoint[] {
  const points: { point: FeedbackPoint; t: number; i: number }[] = [];
  model.sessions.forEach((s, i) => {
    // A sealed rating is armor text: it counts once opened, not here.
    const rated = s.feedback.filter((f) => typeof f.rating === 'number');
    if (rated.length === 0) return;
    const ratings: Partial<Record<Role, number>> = {};
    let sum = 0;
    for (const f of rated) {
      const rating = f.rating as number;
      ratings[f.from] = rating;
      sum += rating;
    }
    points.push({ point: { session: s.id, at: s.at, ratings, average: sum / rated.length }, t: parseDateTime(s.at)?.getTime() ?? 0, i });
  });
  return points.sort((a, b) => a.t - b.t || a.i - b.i).map((p) => p.point);
}

/** Whole days from today to the goal's `by` date (negative once it has passed). */
export function goalTimeLeft(goal: Goal, now: Date): { days: number; overdue: boolean } {
  const days = daysBetween(localIsoDate(now), goal.by) ?? 0;
  return { days, overdue: days < 0 };
}
