/**
 * "Raise it as a question": every broken-rule warning of `checks.ts` turned into an open question
 * for the next session's agenda, built from the agreement's own rule and the facts. A question
 * asks and never accuses: it names what we agreed and what happened, then asks what would help —
 * and the hint engine finds nothing in any of them (test/unit/core/rituals/raise.test.ts).
 * Never quotes a field that may be sealed (topics, agenda, notes, feedback): only dates, notices
 * and the titles of tasks and goals.
 */
// Read by `npx @vscode/l10n-dev export`, which finds `l10n.t('…'` only in a module importing @vscode/l10n: the
// wordings' `l10n` is the parameter of `bilingual` (./wording.ts), in the display language or in English.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from '../diagnostics';
import type { MentoringFile, Session } from '../schema';
import { nextSession } from '../queries';
import { parseDuration } from '../time';
import { bilingual, onAgenda, type Bilingual, type Words } from './wording';

export { spokenDate } from './wording';

/** The warning codes that can be raised at the next session. */
export const RAISABLE_CODES = ['late-cancellation', 'topic-not-announced', 'task-overdue', 'missing-feedback', 'goal-too-far', 'review-overdue'] as const;
export type RaisableCode = (typeof RAISABLE_CODES)[number];

export function isRaisable(code: string): code is RaisableCode {
  return (RAISABLE_CODES as readonly string[]).includes(code);
}

export interface Suggestion {
  /** The warning it comes from. */
  code: RaisableCode;
  /** The question, ready for the agenda (the user may edit it first), in the display language. */
  question: string;
  /** The same question in English (as the CLI writes it): on an agenda, either counts as raised. */
  english: string;
  /** Where the warning is, for "from line N". */
  line: number;
}

/** "24 hours", "2 days": a notice from the agreement in words. */
function notice(l10n: Words, duration: string | undefined): string | undefined {
  const ms = duration === undefined ? undefined : parseDuration(duration);
  return ms === undefined ? undefined : l10n.duration(ms);
}

function sessionById(model: MentoringFile, id: unknown): Session | undefined {
  return typeof id === 'string' ? model.sessions.find((s) => s.id === id) : undefined;
}

/** The question for one warning in the display language, or undefined when it is not one to raise (or the facts are gone). */
export function raiseQuestion(d: Pick<Diagnostic, 'code' | 'data'>, model: MentoringFile, now: Date): string | undefined {
  return raiseBoth(d, model, now)?.text;
}

/** The question for one warning in the display language and in English (see `raiseQuestion`). */
export function raiseBoth(d: Pick<Diagnostic, 'code' | 'data'>, model: MentoringFile, now: Date): Bilingual | undefined {
  const make = wording(d, model, now);
  return make === undefined ? undefined : bilingual(make);
}

function wording(d: Pick<Diagnostic, 'code' | 'data'>, model: MentoringFile, now: Date): ((l10n: Words) => string) | undefined {
  const data = d.data ?? {};
  const ex = model.agreement.expectations;
  switch (d.code) {
    case 'late-cancellation': {
      const s = sessionById(model, data.session);
      if (!s || ex.cancellationNotice === undefined || parseDuration(ex.cancellationNotice) === undefined) return undefined;
      const hours = typeof data.hoursBefore === 'number' ? data.hoursBefore : undefined;
      return (l10n) => {
        const agreed = notice(l10n, ex.cancellationNotice) ?? '';
        const day = l10n.date(s.at, now);
        if (hours === undefined) return l10n.t('We agreed to cancel at least {0} ahead; the session on {1} was cancelled late. What would help us keep to that?', agreed, day);
        if (hours < 0) return l10n.t('We agreed to cancel at least {0} ahead; the session on {1} was cancelled after it was due to start. What would help us keep to that?', agreed, day);
        return l10n.t('We agreed to cancel at least {0} ahead; the session on {1} was cancelled {2} before. What would help us keep to that?', agreed, day, l10n.duration(hours * 3_600_000));
      };
    }
    case 'topic-not-announced': {
      const s = sessionById(model, data.session);
      if (!s) return undefined;
      // No notice agreed: there is no rule to recall, only the open question of the topic.
      if (ex.topicNotice === undefined || parseDuration(ex.topicNotice) === undefined) {
        return (l10n) => l10n.t('The session on {0} has no topic yet. What would be most useful for us to focus on?', l10n.date(s.at, now));
      }
      const late = s.announced !== undefined;
      return (l10n) => {
        const agreed = notice(l10n, ex.topicNotice) ?? '';
        const day = l10n.date(s.at, now);
        return late
          ? l10n.t('We agreed to announce each session\'s topic {0} ahead; for the session on {1} it came later than that. What would make it easier to settle the topic earlier?', agreed, day)
          : l10n.t('We agreed to announce each session\'s topic {0} ahead; the session on {1} has no topic announced yet. What would make it easier to settle the topic earlier?', agreed, day);
      };
    }
    case 'task-overdue': {
      const task = typeof data.task === 'string' ? model.tasks.find((t) => t.id === data.task) : undefined;
      const due = task?.due;
      if (!task || due === undefined) return undefined;
      const rule = ex.undoneTasks;
      return (l10n) => rule
        ? l10n.t('The task "{0}" was planned for {1}. We agreed: "{2}". How is it going, and is it still the right next step?', oneLine(task.title), l10n.date(due, now), oneLine(rule))
        : l10n.t('The task "{0}" was planned for {1}. How is it going, and is it still the right next step?', oneLine(task.title), l10n.date(due, now));
    }
    case 'missing-feedback': {
      const s = sessionById(model, data.session);
      if (!s) return undefined;
      return (l10n) => l10n.t('We agreed to share feedback after every session; the session on {0} has none yet. Could we take a few minutes for it together?', l10n.date(s.at, now));
    }
    case 'goal-too-far': {
      const goal = typeof data.goal === 'string' ? model.agreement.goals.find((g) => g.id === data.goal) : undefined;
      if (!goal) return undefined;
      const limit = typeof data.limit === 'string' ? data.limit : undefined;
      return (l10n) => limit !== undefined
        ? l10n.t('Our goal "{0}" is set for {1}, more than six months out. Could we find a first step we can reach by {2}?', oneLine(goal.title), l10n.date(goal.by, now), l10n.date(limit, now))
        : l10n.t('Our goal "{0}" is set for {1}, more than six months out. Could we find a first step we can reach?', oneLine(goal.title), l10n.date(goal.by, now));
    }
    case 'review-overdue': {
      const review = model.agreement.review;
      if (!review) return undefined;
      return (l10n) => l10n.t('We planned to review our agreement on {0}. Shall we look at our goals and expectations together and see what still fits?', l10n.date(review, now));
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
    const both = raiseBoth(d, model, now);
    if (both === undefined || seen.has(both.text)) continue;
    seen.add(both.text);
    out.push({ code: d.code, question: both.text, english: both.english, line: d.line });
  }
  return out;
}

/** The suggestions still to raise at `target`: those already on its agenda (in the display language or in English) are left out. */
export function suggestionsFor(target: Session | undefined, model: MentoringFile, diagnostics: readonly Diagnostic[], now: Date): Suggestion[] {
  const agenda = target?.agenda ?? [];
  return suggestQuestions(model, diagnostics, now).filter((s) => !onAgenda(agenda, { text: s.question, english: s.english }));
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
