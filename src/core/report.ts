/**
 * `mentoring report`'s counts: one row per pair, from a parsed model and an injected clock.
 * Counts, names and dates only: nothing here reads a note, feedback text, a rating, an agenda, a
 * topic or a thread comment (sealed or not), so no format of the report can show one. The rules
 * are the checks' own (`checks.ts`: `lateCancellation`, `topicNoticeState`; `queries.ts`:
 * `overdueTasks`, `goalTimeLeft`); the cadence share is defined here, it has no warning yet.
 * The formats live in `reportFormats.ts` and `reportHtml.ts`.
 */
import { lateCancellation, topicNoticeState } from './checks';
import { goalTimeLeft, overdueTasks } from './queries';
import type { MentoringFile, Session } from './schema';
import { acceptanceStatus } from './rituals/acceptance';
import { isClosed } from './rituals/closed';
import { addMonthsIso, daysBetween, localIsoDate, parseDateTime, parseIsoDate } from './time';

/** One pair. `file` (and `repo`) say where it was read; the adapter sets them. */
export interface PairRow {
  file: string;
  repo: string | null;
  mentor: string;
  mentee: string;
  /** Sessions still planned (not held, not cancelled). */
  sessionsPlanned: number;
  sessionsHeld: number;
  sessionsCancelled: number;
  /** Cancelled later than the agreement's `cancellationNotice` (0 when none is agreed). */
  cancelledLate: number;
  cadence: string | null;
  /** Share (0–1) of the agreed cadence's periods (weeks, two weeks, months) since the start that had a held session; null without a cadence or a whole period yet. */
  cadenceKept: number | null;
  /** Periods counted for `cadenceKept`. */
  cadencePeriods: number;
  /** Sessions whose topic-notice deadline has passed, and of them those announced in time. */
  topicNoticesDue: number;
  topicNoticesKept: number;
  tasksOpen: number;
  tasksDone: number;
  tasksDropped: number;
  tasksOverdue: number;
  /** Feedback entries given, a count (never their text or rating). */
  feedbackGiven: number;
  goalsActive: number;
  goalsAchieved: number;
  goalsOverdue: number;
  /** `at` of the latest held session, as written. */
  lastSession: string | null;
  reviewDue: string | null;
  reviewOverdue: boolean;
  /** Both sides accepted the agreement's terms as they are now (`accepted:`, core/rituals/acceptance.ts). */
  acceptedByBoth: boolean;
  /** The file has `closed:` (core/rituals/closed.ts); `closedOn` is its `on` date. */
  closed: boolean;
  closedOn: string | null;
}

/** A file that could not be read or does not parse: where, and what is wrong. */
export interface ErrorRow {
  file: string;
  repo: string | null;
  line: number;
  column: number;
  code: string;
  message: string;
}

export interface Report {
  pairs: PairRow[];
  errors: ErrorRow[];
}

/** The columns every tabular format shows, in order, with a heading for people. */
export const REPORT_COLUMNS: readonly { key: keyof PairRow; title: string }[] = [
  { key: 'repo', title: 'Repository' },
  { key: 'file', title: 'File' },
  { key: 'mentor', title: 'Mentor' },
  { key: 'mentee', title: 'Mentee' },
  { key: 'sessionsPlanned', title: 'Planned' },
  { key: 'sessionsHeld', title: 'Held' },
  { key: 'sessionsCancelled', title: 'Cancelled' },
  { key: 'cancelledLate', title: 'Cancelled late' },
  { key: 'cadence', title: 'Cadence' },
  { key: 'cadenceKept', title: 'Cadence kept' },
  { key: 'cadencePeriods', title: 'Cadence periods' },
  { key: 'topicNoticesKept', title: 'Topic notices kept' },
  { key: 'topicNoticesDue', title: 'Topic notices due' },
  { key: 'tasksOpen', title: 'Tasks open' },
  { key: 'tasksDone', title: 'Tasks done' },
  { key: 'tasksDropped', title: 'Tasks dropped' },
  { key: 'tasksOverdue', title: 'Tasks overdue' },
  { key: 'feedbackGiven', title: 'Feedback given' },
  { key: 'goalsActive', title: 'Goals active' },
  { key: 'goalsAchieved', title: 'Goals achieved' },
  { key: 'goalsOverdue', title: 'Goals overdue' },
  { key: 'lastSession', title: 'Last session' },
  { key: 'reviewDue', title: 'Review due' },
  { key: 'reviewOverdue', title: 'Review overdue' },
  { key: 'acceptedByBoth', title: 'Accepted by both' },
  { key: 'closed', title: 'Closed' },
  { key: 'closedOn', title: 'Closed on' },
];

/** The counts of one pair's file at `now` (`file` and `repo` are filled in by the caller). */
export function pairRow(model: MentoringFile, now: Date, where: { file: string; repo?: string | null }): PairRow {
  const { agreement } = model;
  const expectations = agreement.expectations;
  const today = localIsoDate(now);
  let planned = 0;
  let held = 0;
  let cancelled = 0;
  let late = 0;
  let noticesDue = 0;
  let noticesKept = 0;
  let feedback = 0;
  let last: { at: string; t: number } | undefined;
  for (const s of model.sessions) {
    feedback += s.feedback.length;
    if (isCancelled(s)) {
      cancelled++;
      if (lateCancellation(s, expectations)) late++;
      continue;
    }
    if (s.status === 'held') {
      held++;
      const t = sessionTime(s);
      if (t !== undefined && (last === undefined || t >= last.t)) last = { at: s.at, t };
    } else planned++;
    const notice = topicNoticeState(s, expectations, now);
    if (notice === 'kept' || notice === 'late' || notice === 'missing') noticesDue++;
    if (notice === 'kept') noticesKept++;
  }
  const closedOn = closedDate(model);
  const cadence = cadenceShare(model, closedOn !== undefined && closedOn < today ? closedOn : today);
  const count = (status: string): number => model.tasks.filter((t) => t.status === status).length;
  const goals = agreement.goals;
  return {
    file: where.file,
    repo: where.repo ?? null,
    mentor: agreement.mentor.name,
    mentee: agreement.mentee.name,
    sessionsPlanned: planned,
    sessionsHeld: held,
    sessionsCancelled: cancelled,
    cancelledLate: late,
    cadence: expectations.cadence ?? null,
    cadenceKept: cadence && cadence.periods > 0 ? cadence.kept / cadence.periods : null,
    cadencePeriods: cadence?.periods ?? 0,
    topicNoticesDue: noticesDue,
    topicNoticesKept: noticesKept,
    tasksOpen: count('open'),
    tasksDone: count('done'),
    tasksDropped: count('dropped'),
    tasksOverdue: overdueTasks(model, now).length,
    feedbackGiven: feedback,
    goalsActive: goals.filter((g) => g.status === 'active').length,
    goalsAchieved: goals.filter((g) => g.status === 'achieved').length,
    goalsOverdue: goals.filter((g) => g.status === 'active' && goalTimeLeft(g, now).overdue).length,
    lastSession: last?.at ?? null,
    reviewDue: agreement.review ?? null,
    reviewOverdue: agreement.review !== undefined && agreement.review < today,
    acceptedByBoth: acceptedByBoth(model),
    closed: isClosed(model),
    closedOn: closedOn ?? null,
  };
}

function isCancelled(s: Session): boolean {
  return s.status === 'cancelled' || s.cancelled !== undefined;
}

function sessionTime(s: Session): number | undefined {
  return (parseDateTime(s.started ?? s.at) ?? parseDateTime(s.at))?.getTime();
}

const PERIOD_DAYS = { weekly: 7, biweekly: 14 } as const;

/**
 * Of the agreed cadence's whole periods from `agreement.started` up to `until` (a local date:
 * today, or the day the pair closed), how many had at least one held session. Periods are counted
 * in calendar days (7 or 14) or calendar months from the start day, so time zones never matter:
 * each session counts on its local calendar day.
 */
export function cadenceShare(model: MentoringFile, until: string): { kept: number; periods: number } | undefined {
  const cadence = model.agreement.expectations.cadence;
  const start = model.agreement.started;
  if (cadence === undefined) return undefined;
  const index = (day: string): number | undefined => {
    if (cadence === 'monthly') return monthIndex(start, day);
    const days = daysBetween(start, day);
    return days === undefined ? undefined : Math.floor(days / PERIOD_DAYS[cadence]);
  };
  const periods = Math.max(0, index(until) ?? 0);
  const kept = new Set<number>();
  for (const s of model.sessions) {
    if (s.status !== 'held' || isCancelled(s)) continue;
    const t = sessionTime(s);
    if (t === undefined) continue;
    const k = index(localIsoDate(new Date(t)));
    if (k !== undefined && k >= 0 && k < periods) kept.add(k);
  }
  return { kept: kept.size, periods };
}

/** Whole calendar months from `start` to `day` (both YYYY-MM-DD), the month boundaries as `addMonthsIso` puts them. */
function monthIndex(start: string, day: string): number | undefined {
  const a = parseIsoDate(start);
  const b = parseIsoDate(day);
  if (!a || !b) return undefined;
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  const boundary = addMonthsIso(start, months);
  if (boundary !== undefined && boundary > day) months--;
  return months;
}

// ------------------------------------------------------------------ acceptance and closing
// The agreement's `accepted:` and the file's `closed:` as the rituals read them
// (core/rituals/acceptance.ts, core/rituals/closed.ts), so the report and the editor agree.

/** Both sides accepted the terms as they are now (a change since is not "accepted by both"). */
function acceptedByBoth(model: MentoringFile): boolean {
  return acceptanceStatus(model.agreement).state === 'accepted';
}

/** The day the pair closed on (`closed.on`). */
function closedDate(model: MentoringFile): string | undefined {
  return model.closed?.on;
}

/** Pairs and errors in a stable order: by repository, then file. */
export function sortReport(report: Report): Report {
  const order = (a: { repo: string | null; file: string }, b: { repo: string | null; file: string }): number =>
    compare(a.repo ?? '', b.repo ?? '') || compare(a.file, b.file);
  return { pairs: [...report.pairs].sort(order), errors: [...report.errors].sort(order) };
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
