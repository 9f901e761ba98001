/**
 * The sidebar's view model: `buildViewState` turns what the store holds (no file yet, a file with
 * errors, or a valid model), the private notes of that file, the clock and the user's role into
 * the plain `ViewState` of `protocol.ts`. The webview only renders it, so every rule about what
 * to show (countdowns, overdue, carry-forward, who still owes feedback) lives here and is
 * unit-tested in Node with an injected clock.
 *
 * Also `checkWorkspacePath`: the sidebar opens task links the webview sends back, and the webview
 * renders a cloned repository's text, so a link is untrusted input and is checked here.
 *
 * Pure: no `vscode`, no Node built-ins.
 */
import * as l10n from '@vscode/l10n';
import { raiseQuestion } from '../rituals/raise';
import { acceptanceView } from './acceptance';
import { questionsFor } from '../rituals/questions';
import { blocksEdits, type Diagnostic } from '../diagnostics';
import type { ParseResult } from '../parse/index';
import type { FeedbackView, GoalView, ProblemView, ReadyState, SessionView, TaskView, TrendPoint, ViewState } from './protocol';
import { feedbackTrend, goalTimeLeft, nextSession, noticeDeadline, runningSession } from '../queries';
import type { MentoringFile, Role, Session, Task } from '../schema';
import { daysBetween, formatInstantLike, localIsoDate, parseDateTime } from '../time';
import type { OpenedField } from '../seal/read';
import { pathKey, sealedView, type SealMark } from './sealed';
import { closingView } from './closing';

/** A private note as the sidebar needs it (the extension's `PrivateNote` fits). */
export interface NoteInput {
  id: string;
  text: string;
  created: string;
  sessionId?: string | undefined;
}

export interface SidebarInput {
  /** The store has not finished its first scan. */
  loading?: boolean | undefined;
  /** The current mentoring file: its workspace-relative label and parse result; absent when there is none. */
  file?: { label: string; result: ParseResult } | undefined;
  /** How many mentoring files the workspace holds (without `file`: several, none chosen yet). */
  fileCount?: number | undefined;
  /** Private notes of that file (any order; shown oldest first). */
  notes?: readonly NoteInput[] | undefined;
  now: Date;
  /** The `mentoring.role` setting, when it names a role. */
  role?: Role | undefined;
  /** The words that mark private notes everywhere ("private — only on this machine"). */
  privateLabel: string;
  /** `openModel` of this file's model with the reader's keys, once it is done; sealed fields show as locked without it. */
  opened?: { model: MentoringFile; fields: readonly OpenedField[] } | undefined;
}

/** The codes of `checks.ts` (agreement checks): the sidebar's warnings list shows these. */
export const AGREEMENT_CHECK_CODES: ReadonlySet<string> = new Set([
  'goal-too-far',
  'review-overdue',
  'topic-not-announced',
  'late-cancellation',
  'missing-feedback',
  'task-overdue',
  // Sealing (`../seal/checks.ts`): plain text in a confidential field, a side without a key, an
  // unknown field name. A bad key is an error: the sidebar shows it as the file's error; a damaged
  // sealed block (an error confined to its value, `LOCAL_ERRORS` in ../diagnostics.ts) among these.
  'not-sealed',
  'key-missing',
  'unknown-field',
]);

/**
 * Warnings of the parse itself the sidebar shows too: an invisible bidi control (Trojan Source)
 * makes the text the page shows read in another order than the file holds, so the page says where.
 */
export const SHOWN_PARSE_WARNINGS: ReadonlySet<string> = new Set(['bidi-control']);

/** Carry-forward suggestions shown at most (most urgent first): a suggestion list, not a task list. */
export const CARRY_FORWARD_LIMIT = 20;

/**
 * A planned session whose start time passed without "start" stays current this long, so the
 * pair can still start it from the sidebar when they began a few minutes (or hours) late.
 */
export const LATE_START_GRACE_MS = 12 * 3600_000;

export function buildViewState(input: SidebarInput): ViewState {
  if (input.loading) return { kind: 'loading' };
  const file = input.file;
  if (!file) return input.fileCount ? { kind: 'empty', files: input.fileCount } : { kind: 'empty' };
  // A damaged sealed block is listed with the warnings (below), not a broken file: every other part still shows and edits.
  const errors = file.result.diagnostics.filter(blocksEdits);
  const model = file.result.model;
  if (errors.length > 0 || !model) {
    const first = errors[0];
    const error: ProblemView = first
      ? problemView(first)
      : { severity: 'error', code: 'internal', message: l10n.t('The file could not be read; nothing in it is shown.'), line: 1, column: 1 };
    return { kind: 'broken', file: file.label, error, errorCount: Math.max(1, errors.length) };
  }
  return readyState(model, file, input);
}

function readyState(raw: MentoringFile, file: { label: string; result: ParseResult }, input: SidebarInput): ReadyState {
  const { model, marks } = sealedView(raw, input.opened);
  const now = input.now;
  const today = localIsoDate(now);

  // A closed mentorship has no session ahead and owes no session feedback (core/rituals/closed.ts).
  const closed = model.closed !== undefined;
  const currentSession = closed ? undefined : (runningSession(model) ?? lateToStart(model, now) ?? nextSession(model, now));
  const current = currentSession ? sessionView(currentSession, model, now) : undefined;

  const needs = closed ? undefined : needsFeedback(model, input.role);
  const tasks = model.tasks.map((t) => taskView(t, today));

  const openByGoal = new Map<string, number>();
  for (const t of model.tasks) if (t.status === 'open' && t.goal !== undefined) openByGoal.set(t.goal, (openByGoal.get(t.goal) ?? 0) + 1);
  const goals: GoalView[] = model.agreement.goals.map((g) => {
    const left = goalTimeLeft(g, now);
    return { id: g.id, title: g.title, by: g.by, status: g.status, daysLeft: left.days, overdue: !closed && g.status === 'active' && left.overdue, openTasks: openByGoal.get(g.id) ?? 0 };
  });

  const warnings = file.result.diagnostics
    .filter((d) => ((d.severity === 'warning' || d.severity === 'info') && (AGREEMENT_CHECK_CODES.has(d.code) || SHOWN_PARSE_WARNINGS.has(d.code))) || (d.severity === 'error' && !blocksEdits(d)))
    .map((d) => {
      const raise = raiseQuestion(d, model, now);
      return raise === undefined ? problemView(d) : { ...problemView(d), raise };
    });

  const trend: TrendPoint[] = feedbackTrend(model).map((p) => ({ session: p.session, at: p.at, average: p.average }));

  const notes = [...(input.notes ?? [])]
    .sort((a, b) => a.created.localeCompare(b.created))
    .map((n) => ({ id: n.id, text: n.text, created: n.created, ...(n.sessionId !== undefined ? { session: n.sessionId } : {}) }));

  const state: ReadyState = {
    kind: 'ready',
    file: file.label,
    mentor: model.agreement.mentor.name,
    mentee: model.agreement.mentee.name,
    now: now.toISOString(),
    carryForward: currentSession ? carryForward(model.tasks, currentSession, today).map((t) => taskView(t, today)) : [],
    tasks,
    goals,
    warnings,
    feedback: feedbackHistory(model, marks),
    trend,
    notes,
    privateLabel: input.privateLabel,
  };
  if (input.role) state.role = input.role;
  state.acceptance = acceptanceView(raw, input.role);
  if (current) state.current = current;
  // The opened model: a sealed agenda item that is already there is not offered again.
  if (currentSession) state.questions = questionsFor(model, currentSession.id, now).map((q) => ({ id: q.id, text: q.text, moment: q.moment, team: q.team }));
  if (needs) state.needsFeedback = sessionView(needs, model, now);
  const closing = closed ? closingView(model, marks) : undefined;
  if (closing) state.closing = closing;
  return state;
}

/** A planned, unstarted session whose time came less than `LATE_START_GRACE_MS` ago (the latest such). */
function lateToStart(model: MentoringFile, now: Date): Session | undefined {
  let best: Session | undefined;
  let bestAt = -Infinity;
  for (const s of model.sessions) {
    if (s.status !== 'planned' || s.started !== undefined || s.cancelled !== undefined) continue;
    const at = parseDateTime(s.at)?.getTime();
    if (at === undefined || at > now.getTime() || now.getTime() - at > LATE_START_GRACE_MS) continue;
    if (at > bestAt) {
      best = s;
      bestAt = at;
    }
  }
  return best;
}

/**
 * The most recent held session (by its time), when it still lacks feedback from `role` — or from
 * anyone when the role is unknown. Older sessions are not chased: the form asks about the session
 * just held, while it is fresh.
 */
function needsFeedback(model: MentoringFile, role: Role | undefined): Session | undefined {
  let latest: Session | undefined;
  let latestAt = -Infinity;
  model.sessions.forEach((s) => {
    if (s.status !== 'held') return;
    const at = parseDateTime(s.at)?.getTime() ?? -Infinity;
    if (latest === undefined || at >= latestAt) {
      latest = s;
      latestAt = at;
    }
  });
  const session = latest;
  if (!session) return undefined;
  const given = role ? session.feedback.some((f) => f.from === role) : session.feedback.length > 0;
  return given ? undefined : session;
}

function sessionView(s: Session, model: MentoringFile, now: Date): SessionView {
  const start = parseDateTime(s.at);
  const view: SessionView = {
    id: s.id,
    at: s.at,
    status: s.status,
    msToStart: start ? start.getTime() - now.getTime() : 0,
    running: s.started !== undefined && s.ended === undefined && s.cancelled === undefined && s.status !== 'cancelled',
    agenda: [...s.agenda],
  };
  if (s.topic !== undefined) view.topic = s.topic;
  if (s.announced !== undefined) view.announced = s.announced;
  const deadline = noticeDeadline(s, model.agreement.expectations);
  if (deadline) {
    view.noticeDeadline = formatInstantLike(deadline, s.at);
    view.msToNoticeDeadline = deadline.getTime() - now.getTime();
  }
  if (s.started !== undefined) view.started = s.started;
  if (s.ended !== undefined) view.ended = s.ended;
  return view;
}

function taskView(t: Task, today: string): TaskView {
  const view: TaskView = { id: t.id, title: t.title, owner: t.owner, status: t.status, overdue: false, links: [...t.links] };
  if (t.due !== undefined) {
    view.due = t.due;
    if (t.status === 'open') {
      const days = daysBetween(today, t.due);
      if (days !== undefined) {
        view.dueInDays = days;
        view.overdue = days < 0;
      }
    }
  }
  if (t.goal !== undefined) view.goal = t.goal;
  if (t.session !== undefined) view.session = t.session;
  if (t.closed !== undefined) view.closed = t.closed;
  if (t.reason !== undefined) view.reason = t.reason;
  return view;
}

/**
 * Open tasks worth bringing into `session`'s agenda: not created in that session and not already on
 * its agenda (an item naming the task's id in parentheses, as "carry forward" writes it, or its exact
 * title). Most urgent first: overdue, then by due date, then those without a date, in file order.
 */
export function carryForward(tasks: readonly Task[], session: Session, today: string): Task[] {
  const agenda = session.agenda.map((a) => a.trim());
  const onAgenda = (t: Task): boolean => agenda.some((a) => a === t.title.trim() || a.includes(`(${t.id})`));
  const open = tasks
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.status === 'open' && t.session !== session.id && !onAgenda(t));
  open.sort((a, b) => dueRank(a.t, today) - dueRank(b.t, today) || (a.t.due ?? '').localeCompare(b.t.due ?? '') || a.i - b.i);
  return open.slice(0, CARRY_FORWARD_LIMIT).map(({ t }) => t);
}

function dueRank(t: Task, today: string): number {
  if (t.due === undefined) return 2;
  return t.due < today ? 0 : 1;
}

/**
 * The agenda text "carry forward" adds for a task, in the writer's language: `carryForward` finds it
 * again by the task's id in parentheses only, which every translation keeps (`({1})`).
 */
export function carryForwardItem(task: { id: string; title: string }): string {
  return l10n.t('Follow up: {0} ({1})', task.title.trim(), task.id);
}

/** Every feedback entry, newest session first (entries of one session in file order). */
function feedbackHistory(model: MentoringFile, marks: ReadonlyMap<string, SealMark>): FeedbackView[] {
  const sessions = model.sessions
    .map((s, i) => ({ s, i, t: parseDateTime(s.at)?.getTime() ?? 0 }))
    .filter(({ s }) => s.feedback.length > 0)
    .sort((a, b) => b.t - a.t || b.i - a.i);
  const out: FeedbackView[] = [];
  for (const { s, i } of sessions) {
    s.feedback.forEach((f, j) => {
      const view: FeedbackView = { session: s.id, sessionAt: s.at, from: f.from };
      if (s.topic !== undefined) view.topic = s.topic;
      // A sealed rating (armor text) is shown by the sealing-aware view, never as a number.
      if (typeof f.rating === 'number') view.rating = f.rating;
      if (f.valuable !== undefined) view.valuable = f.valuable;
      if (f.change !== undefined) view.change = f.change;
      if (f.at !== undefined) view.at = f.at;
      const sealed: NonNullable<FeedbackView['sealed']> = [];
      for (const field of ['rating', 'valuable', 'change'] as const) {
        const mark = marks.get(pathKey(['sessions', i, 'feedback', j, field]));
        if (mark) sealed.push({ field, opened: mark.opened, readers: mark.readers });
      }
      if (sealed.length > 0) view.sealed = sealed;
      out.push(view);
    });
  }
  return out;
}

function problemView(d: Diagnostic): ProblemView {
  return { severity: d.severity, code: d.code, message: d.message, line: Math.max(1, d.line), column: Math.max(1, d.column) };
}

// ---------------------------------------------------------------------------------------------
// Links sent back by the webview

// The rule lives with the links (core/links.ts): task links and review-thread files share it.
export { checkWorkspacePath, type CheckedPath } from '../links';
