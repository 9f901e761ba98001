/**
 * "Questions to ask": questions for a session's agenda that fit its moment — a first session,
 * the first meeting after a late cancellation, a goal near its deadline, tasks left undone, and
 * the feedback at the end — and the team's own, from the file's `questions:` block.
 *
 * The sibling of `raise.ts`: raise.ts turns a broken rule into a question; these are the questions
 * a pair does well to ask anyway. Each is open and kind, asks rather than judges, and the hint
 * engine finds nothing in any of them (test/unit/core/rituals/questions.test.ts). Like raise.ts they
 * quote only dates and the titles of goals and tasks, never a field that may be sealed.
 *
 * Which moments a session is in is decided from the file alone (`momentsOf`), so the sidebar, the
 * CLI and the edit that adds a question (`../edit/questions.ts`) agree on the same list.
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../checks';
import { findHints } from '../hints/index';
import { QUESTION_MOMENTS, type MentoringFile, type Session, type Task } from '../schema';
import { localIsoDate, parseDateTime, parseDuration } from '../time';
import { bilingual, onAgenda, type Bilingual, type Words } from './wording';

export type Moment = (typeof QUESTION_MOMENTS)[number];
export { QUESTION_MOMENTS };

/** A goal is near its deadline when it is due within this many weeks of the session. */
export const GOAL_DUE_WEEKS = 4;
/** Without an agreed `cancellationNotice`, a cancellation less than this long ahead was at short notice. */
export const SHORT_NOTICE = '24h';
/** With `feedback: monthly`, the feedback question fits when no feedback was given this many days before. */
const MONTH_DAYS = 30;

export interface Question {
  /** Stable while the file does not change: `first-session.hopes`, `goal-due.<goal id>`, `team.<id or position>`. */
  id: string;
  moment: Moment | 'any';
  /** The question, ready for the agenda, in the display language. */
  text: string;
  /** The same question in English (as the CLI writes it): on an agenda, either counts as asked. */
  english: string;
  /** Added by the team in `questions:` (else built in). */
  team: boolean;
}

/** What a session's moments rest on: the facts the built-in templates are filled from. */
export interface MomentFacts {
  firstSession: boolean;
  /** Sessions cancelled at short notice since the pair last met, oldest first. */
  lateCancellations: Session[];
  /** Active goals due from the session's day to `GOAL_DUE_WEEKS` after it, soonest first. */
  goalsDue: MentoringFile['agreement']['goals'];
  /** Open tasks planned for before the session's day, earliest first. */
  undoneTasks: Task[];
  feedback: boolean;
}

/** The facts of `session`'s moment in `model` (see each field). */
export function momentsOf(model: MentoringFile, session: Session): MomentFacts {
  const at = parseDateTime(session.at);
  const t = at?.getTime() ?? Number.NaN;
  const day = at ? localIsoDate(at) : session.at.slice(0, 10);
  const before = model.sessions.filter((s) => s !== session && (parseDateTime(s.at)?.getTime() ?? Infinity) < t);
  const met = before.filter((s) => s.status === 'held' || s.started !== undefined);
  const lastMet = Math.max(-Infinity, ...met.map((s) => parseDateTime(s.at)?.getTime() ?? -Infinity));

  const noticeMs = parseDuration(model.agreement.expectations.cancellationNotice ?? SHORT_NOTICE) ?? 0;
  const lateCancellations = before
    .filter((s) => {
      const sAt = parseDateTime(s.at)?.getTime();
      const when = s.cancelled ? parseDateTime(s.cancelled.at)?.getTime() : undefined;
      return sAt !== undefined && when !== undefined && sAt > lastMet && when > sAt - noticeMs;
    })
    .sort(byTime);

  const horizon = addDays(day, GOAL_DUE_WEEKS * 7) ?? day;
  const goalsDue = model.agreement.goals.filter((g) => g.status === 'active' && g.by >= day && g.by <= horizon).sort((a, b) => a.by.localeCompare(b.by));
  const undoneTasks = model.tasks.filter((k) => k.status === 'open' && k.due !== undefined && k.due < day).sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));

  return { firstSession: met.length === 0, lateCancellations, goalsDue, undoneTasks, feedback: feedbackFits(model, before, t) };
}

/** `every-session` (or no habit agreed): always; `monthly`: when the last month had none; `on-request`: never offered. */
function feedbackFits(model: MentoringFile, before: readonly Session[], t: number): boolean {
  const habit = model.agreement.expectations.feedback;
  if (habit === 'on-request') return false;
  if (habit !== 'monthly') return true;
  const since = t - MONTH_DAYS * 86_400_000;
  return !before.some((s) => s.feedback.length > 0 && (parseDateTime(s.at)?.getTime() ?? -Infinity) >= since);
}

/** `YYYY-MM-DD` plus `n` calendar days, or undefined for a day that is not one. */
function addDays(day: string, n: number): string | undefined {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : new Date(t + n * 86_400_000).toISOString().slice(0, 10);
}

function byTime(a: Session, b: Session): number {
  return (parseDateTime(a.at)?.getTime() ?? 0) - (parseDateTime(b.at)?.getTime() ?? 0);
}

/** The built-in questions for the facts of one moment, in the order the moments are listed. */
export function builtInQuestions(facts: MomentFacts, now: Date): Question[] {
  const out: Question[] = [];
  const add = (moment: Moment, key: string, make: (l10n: Words) => string): void => {
    const { text, english }: Bilingual = bilingual(make);
    out.push({ id: `${moment}.${key}`, moment, text, english, team: false });
  };
  if (facts.firstSession) {
    add('first-session', 'hopes', (l10n) => l10n.t('What would you like to get out of our time together, and how will we know it is working?'));
    add('first-session', 'feedback', (l10n) => l10n.t('How do you like to receive feedback: in the moment or saved for our sessions, written or spoken?'));
    add('first-session', 'between', (l10n) => l10n.t('How would you like us to work together between sessions, and what is the best way to reach each other?'));
  }
  const late = facts.lateCancellations.at(-1);
  if (late) {
    add('late-cancellation', 'rhythm', (l10n) => l10n.t('The session on {0} was called off at short notice. Is our current rhythm still working for both of us, or would another time suit better?', l10n.date(late.at, now)));
  }
  for (const goal of facts.goalsDue) {
    add('goal-due', goal.id, (l10n) => l10n.t('Our goal "{0}" is due on {1}. How close does it feel, and what would help most in the time left?', oneLine(goal.title), l10n.date(goal.by, now)));
  }
  const [first, ...more] = facts.undoneTasks;
  if (first && more.length === 0) {
    add('undone-tasks', 'next', (l10n) => l10n.t('The task "{0}" is still open. What would help it move forward, and is it still the right next step?', oneLine(first.title)));
  } else if (first) {
    add('undone-tasks', 'next', (l10n) => l10n.t('{0} tasks are still open past their planned dates. Which of them still matter to us, and what would help with those?', facts.undoneTasks.length));
  }
  if (facts.feedback) {
    add('feedback', 'valuable', (l10n) => l10n.t('What was most valuable in this session, and what should we change next time?'));
    add('feedback', 'support', (l10n) => l10n.t('Is there anything either of us could do differently to make these sessions more useful?'));
  }
  return out;
}

/** The team's questions (`questions:`), each with its id: `team.<id>`, else `team.<position from 1>`. */
export function teamQuestions(model: MentoringFile): Question[] {
  return (model.questions ?? []).map((q, i) => {
    const text = q.text.trim();
    return { id: `team.${q.id ?? i + 1}`, moment: q.when, text, english: text, team: true };
  });
}

/**
 * The questions that fit the moment of session `sessionId` (built-in, then the team's), minus
 * those already on its agenda (in the display language or in English) and each text once. Empty
 * when there is no such session.
 */
export function questionsFor(model: MentoringFile, sessionId: string, now: Date): Question[] {
  const session = model.sessions.find((s) => s.id === sessionId);
  if (!session) return [];
  return fittingQuestions(model, session, now).filter((q) => !onAgenda(session.agenda, q));
}

/** Every question that fits `session`'s moment, each text once, whether or not it is on its agenda. */
export function fittingQuestions(model: MentoringFile, session: Session, now: Date): Question[] {
  const facts = momentsOf(model, session);
  const fits: Record<Moment | 'any', boolean> = {
    'first-session': facts.firstSession,
    'late-cancellation': facts.lateCancellations.length > 0,
    'goal-due': facts.goalsDue.length > 0,
    'undone-tasks': facts.undoneTasks.length > 0,
    feedback: facts.feedback,
    any: true,
  };
  const seen = new Set<string>();
  const out: Question[] = [];
  for (const q of [...builtInQuestions(facts, now), ...teamQuestions(model).filter((q) => fits[q.moment])]) {
    if (seen.has(q.text) || seen.has(q.english)) continue;
    seen.add(q.text).add(q.english);
    out.push(q);
  }
  return out;
}

/**
 * A team question the hint engine has something to say about: an info note at its text (not a
 * warning — what the team asks is the team's choice), with the file's own `hints:` settings.
 */
export function questionFindings(model: MentoringFile): Finding[] {
  const out: Finding[] = [];
  (model.questions ?? []).forEach((q, i) => {
    const hints = findHints(q.text, model.hints);
    const first = hints[0];
    if (!first) return;
    const words = q.text.slice(first.start, first.end);
    out.push({
      severity: 'info',
      code: 'question-hint',
      message: hints.length === 1
        ? l10n.t('This question may land harder than meant ("{0}": {1}). It is the team\'s choice; an open question leaves room for their side.', oneLine(words), first.message)
        : hints.length === 2
          ? l10n.t('This question may land harder than meant ("{0}": {1}) and 1 more hint. It is the team\'s choice; an open question leaves room for their side.', oneLine(words), first.message)
          : l10n.t('This question may land harder than meant ("{0}": {1}) and {2} more hints. It is the team\'s choice; an open question leaves room for their side.', oneLine(words), first.message, hints.length - 1),
      path: ['questions', i, 'text'],
      data: { rules: hints.map((h) => h.rule) },
    });
  });
  return out;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
