/**
 * "Raise it as a question": every broken-rule warning of `checks.ts` turned into an open question
 * for the next session's agenda, built from the agreement's own rule and the facts. A question
 * asks and never accuses: it names what we agreed and what happened, then asks what would help —
 * and the hint engine finds nothing in any of them (test/unit/core/rituals/raise.test.ts).
 * Never quotes a field that may be sealed (topics, agenda, notes, feedback): only dates, notices
 * and the titles of tasks and goals.
 */
import type { Diagnostic } from '../diagnostics';
import type { MentoringFile, Session } from '../schema';
import { nextSession } from '../queries';
import { formatDurationHuman, parseDuration } from '../time';

/** The warning codes that can be raised at the next session. */
export const RAISABLE_CODES = ['late-cancellation', 'topic-not-announced', 'task-overdue', 'missing-feedback', 'goal-too-far', 'review-overdue'] as const;
export type RaisableCode = (typeof RAISABLE_CODES)[number];

export function isRaisable(code: string): code is RaisableCode {
  return (RAISABLE_CODES as readonly string[]).includes(code);
}

export interface Suggestion {
  /** The warning it comes from. */
  code: RaisableCode;
  /** The question, ready for the agenda (the user may edit it first). */
  question: string;
  /** Where the warning is, for "from line N". */
  line: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "21 November" (this year) or "21 November 2025": the day as people say it. */
export function spokenDate(isoDateOrTime: string, now: Date): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDateOrTime);
  if (!m) return isoDateOrTime;
  const [, y, mo, d] = m;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  const day = `${Number(d)} ${month}`;
  return Number(y) === now.getUTCFullYear() ? day : `${day} ${y}`;
}

/** "24 hours", "2 days": a notice from the agreement in words. */
function notice(duration: string | undefined): string | undefined {
  const ms = duration === undefined ? undefined : parseDuration(duration);
  return ms === undefined ? undefined : formatDurationHuman(ms);
}

function sessionById(model: MentoringFile, id: unknown): Session | undefined {
  return typeof id === 'string' ? model.sessions.find((s) => s.id === id) : undefined;
}

/** "23 hours" (rounded to the hour, or minutes under one), from `hoursBefore`. */
function hoursInWords(hours: number): string {
  return formatDurationHuman(Math.max(0, hours) * 3_600_000);
}

/** The question for one warning, or undefined when it is not one to raise (or the facts are gone). */
export function raiseQuestion(d: Pick<Diagnostic, 'code' | 'data'>, model: MentoringFile, now: Date): string | undefined {
  const data = d.data ?? {};
  const ex = model.agreement.expectations;
  switch (d.code) {
    case 'late-cancellation': {
      const s = sessionById(model, data.session);
      const agreed = notice(ex.cancellationNotice);
      if (!s || !agreed) return undefined;
      const hours = typeof data.hoursBefore === 'number' ? data.hoursBefore : undefined;
      const when = hours === undefined ? 'late' : hours >= 0 ? `${hoursInWords(hours)} before` : 'after it was due to start';
      return `We agreed to cancel at least ${agreed} ahead; the session on ${spokenDate(s.at, now)} was cancelled ${when}. What would help us keep to that?`;
    }
    case 'topic-not-announced': {
      const s = sessionById(model, data.session);
      if (!s) return undefined;
      const agreed = notice(ex.topicNotice);
      const day = spokenDate(s.at, now);
      // No notice agreed: there is no rule to recall, only the open question of the topic.
      if (!agreed) return `The session on ${day} has no topic yet. What would be most useful for us to focus on?`;
      const fact = s.announced !== undefined ? `for the session on ${day} it came later than that` : `the session on ${day} has no topic announced yet`;
      return `We agreed to announce each session's topic ${agreed} ahead; ${fact}. What would make it easier to settle the topic earlier?`;
    }
    case 'task-overdue': {
      const task = typeof data.task === 'string' ? model.tasks.find((t) => t.id === data.task) : undefined;
      if (!task?.due) return undefined;
      const rule = ex.undoneTasks ? ` We agreed: "${oneLine(ex.undoneTasks)}".` : '';
      return `The task "${oneLine(task.title)}" was planned for ${spokenDate(task.due, now)}.${rule} How is it going, and is it still the right next step?`;
    }
    case 'missing-feedback': {
      const s = sessionById(model, data.session);
      if (!s) return undefined;
      return `We agreed to share feedback after every session; the session on ${spokenDate(s.at, now)} has none yet. Could we take a few minutes for it together?`;
    }
    case 'goal-too-far': {
      const goal = typeof data.goal === 'string' ? model.agreement.goals.find((g) => g.id === data.goal) : undefined;
      if (!goal) return undefined;
      const limit = typeof data.limit === 'string' ? ` by ${spokenDate(data.limit, now)}` : '';
      return `Our goal "${oneLine(goal.title)}" is set for ${spokenDate(goal.by, now)}, more than six months out. Could we find a first step we can reach${limit}?`;
    }
    case 'review-overdue': {
      const review = model.agreement.review;
      if (!review) return undefined;
      return `We planned to review our agreement on ${spokenDate(review, now)}. Shall we look at our goals and expectations together and see what still fits?`;
    }
    default:
      return undefined;
  }
}

/** Every question the file's warnings suggest, in file order, each once. */
export function suggestQuestions(model: MentoringFile, diagnostics: readonly Diagnostic[], now: Date): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.severity !== 'warning' || !isRaisable(d.code)) continue;
    const question = raiseQuestion(d, model, now);
    if (question === undefined || seen.has(question)) continue;
    seen.add(question);
    out.push({ code: d.code, question, line: d.line });
  }
  return out;
}

/** The suggestions still to raise at `target`: those already on its agenda are left out. */
export function suggestionsFor(target: Session | undefined, model: MentoringFile, diagnostics: readonly Diagnostic[], now: Date): Suggestion[] {
  const onAgenda = new Set(target?.agenda ?? []);
  return suggestQuestions(model, diagnostics, now).filter((s) => !onAgenda.has(s.question));
}

/** The session a raised question goes to: the named one, else the next planned one. */
export function raiseTarget(model: MentoringFile, now: Date, session?: string): Session | undefined {
  if (session !== undefined) return model.sessions.find((s) => s.id === session);
  return nextSession(model, now);
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
