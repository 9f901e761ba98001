/**
 * The closing summary of a mentorship: the goals with their outcomes, the sessions held and
 * cancelled, the tasks done, dropped and open, the feedback trend (ratings over time, numbers
 * only) and each side's final feedback. `closingFacts` is the data (the sidebar's closing section
 * is built from it, `../views/closing.ts`); `closingSummary` is the Markdown (the CLI's
 * `mentoring close --summary`, the command's last step).
 *
 * Sealed values are never shown: a rating still sealed is counted as sealed, not read, and a
 * sealed text is named as sealed. The caller opens the model first (`openModel`,
 * `../seal/read.ts`) when the reader's keys should show what they can read. Every user text is
 * escaped as in the session summary (`inline`, `../summary.ts`).
 */
import { isSealed } from '../seal/armor';
import { feedbackTrend } from '../queries';
import type { Feedback, MentoringFile, Role } from '../schema';
import { inline } from '../summary';

type Path = readonly (string | number)[];

export interface FinalFeedbackFacts {
  from: Role;
  rating?: number;
  valuable?: string;
  change?: string;
  at?: string;
  /** The fields that are sealed and were not opened: named, never shown. */
  sealed: ('rating' | 'valuable' | 'change')[];
}

export interface ClosingFacts {
  closed?: { on: string; by: Role };
  started: string;
  mentor: string;
  mentee: string;
  goals: { id: string; title: string; status: GoalStatus; outcome?: string }[];
  sessions: { held: number; cancelled: number; planned: number };
  tasks: { done: number; dropped: number; open: number };
  /** Held sessions' ratings in time order: each session's mean, and by side. */
  trend: { session: string; at: string; average: number; mentor?: number; mentee?: number }[];
  /** Session ratings still sealed: counted, not read. */
  sealedRatings: number;
  /** How the ratings moved from the first third of the sessions to the last (three or more rated). */
  direction?: { from: number; to: number; word: 'rising' | 'falling' | 'steady' };
  final: FinalFeedbackFacts[];
}

export interface FactsOptions {
  /**
   * A field that is sealed for this reader though the model no longer holds its armor (the
   * sidebar's view leaves locked feedback out and marks it): named as sealed too.
   */
  locked?: (path: Path) => boolean;
}

type GoalStatus = MentoringFile['agreement']['goals'][number]['status'];

export function closingFacts(model: MentoringFile, options: FactsOptions = {}): ClosingFacts {
  const locked = options.locked ?? (() => false);
  const sessions = { held: 0, cancelled: 0, planned: 0 };
  let sealedRatings = 0;
  model.sessions.forEach((s, i) => {
    if (s.status === 'cancelled' || s.cancelled !== undefined) sessions.cancelled++;
    else if (s.status === 'held') sessions.held++;
    else sessions.planned++;
    s.feedback.forEach((f, j) => {
      if (isSealed(f.rating) || locked(['sessions', i, 'feedback', j, 'rating'])) sealedRatings++;
    });
  });
  const tasks = { done: 0, dropped: 0, open: 0 };
  for (const t of model.tasks) tasks[t.status]++;

  const trend = feedbackTrend(model).map((p) => {
    const point: ClosingFacts['trend'][number] = { session: p.session, at: p.at, average: round(p.average) };
    if (p.ratings.mentor !== undefined) point.mentor = p.ratings.mentor;
    if (p.ratings.mentee !== undefined) point.mentee = p.ratings.mentee;
    return point;
  });

  const facts: ClosingFacts = {
    started: model.agreement.started,
    mentor: model.agreement.mentor.name,
    mentee: model.agreement.mentee.name,
    goals: model.agreement.goals.map((g) => ({ id: g.id, title: g.title, status: g.status, ...(g.outcome !== undefined ? { outcome: g.outcome } : {}) })),
    sessions,
    tasks,
    trend,
    sealedRatings,
    final: [],
  };
  const direction = directionOf(trend.map((p) => p.average));
  if (direction) facts.direction = direction;
  if (model.closed) {
    facts.closed = { on: model.closed.on, by: model.closed.by };
    const seen = new Set<Role>();
    model.closed.feedback.forEach((f, j) => {
      if (seen.has(f.from)) return; // a second entry from one side is a warning (closedChecks); the first counts
      seen.add(f.from);
      facts.final.push(finalFacts(f, (k) => locked(['closed', 'feedback', j, k])));
    });
  }
  return facts;
}

function finalFacts(f: Feedback, locked: (k: 'rating' | 'valuable' | 'change') => boolean): FinalFeedbackFacts {
  const out: FinalFeedbackFacts = { from: f.from, sealed: [] };
  for (const k of ['rating', 'valuable', 'change'] as const) {
    const v = f[k];
    if (isSealed(v) || locked(k)) {
      out.sealed.push(k);
      continue;
    }
    if (k === 'rating' && typeof v === 'number') out.rating = v;
    else if (k !== 'rating' && typeof v === 'string' && v.trim() !== '') out[k] = v;
  }
  if (f.at !== undefined) out.at = f.at;
  return out;
}

/** The mean of the first third of `values` against the last third; undefined under three values. */
function directionOf(values: readonly number[]): ClosingFacts['direction'] {
  if (values.length < 3) return undefined;
  const n = Math.max(1, Math.floor(values.length / 3));
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const from = round(mean(values.slice(0, n)));
  const to = round(mean(values.slice(-n)));
  // Half a star either way is a change people notice; less is noise in a 1–5 scale.
  const word = to - from >= 0.5 ? 'rising' : from - to >= 0.5 ? 'falling' : 'steady';
  return { from, to, word };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

const STATUS_WORD: Record<GoalStatus, string> = { achieved: 'achieved', dropped: 'dropped', active: 'still active' };

/** The closing summary as Markdown (see the module comment for what it never shows). */
export function closingSummary(model: MentoringFile, options: FactsOptions = {}): string {
  return closingMarkdown(closingFacts(model, options));
}

export function closingMarkdown(f: ClosingFacts): string {
  const out: string[] = [];
  out.push(`# Closing summary: ${inline(f.mentor)} and ${inline(f.mentee)}`, '');
  out.push(`- **Mentor:** ${inline(f.mentor)} · **Mentee:** ${inline(f.mentee)}`);
  out.push(`- **Started:** ${inline(f.started)}`);
  out.push(f.closed ? `- **Closed:** ${inline(f.closed.on)} by the ${f.closed.by}` : '- **Closed:** not yet (this is how it stands today)');
  out.push('');

  out.push('## Goals', '');
  if (f.goals.length === 0) out.push('_No goals were set._');
  for (const g of f.goals) {
    const why = g.outcome !== undefined && g.outcome.trim() !== '' ? `: ${inline(g.outcome)}` : '';
    out.push(`- **${inline(g.title)}** (${inline(g.id)}) — ${STATUS_WORD[g.status]}${why}`);
  }
  out.push('');

  out.push('## Sessions', '');
  out.push(`- Held: ${f.sessions.held}`, `- Cancelled: ${f.sessions.cancelled}`);
  if (f.sessions.planned > 0) out.push(`- Planned, not held: ${f.sessions.planned}`);
  out.push('');

  out.push('## Tasks', '');
  out.push(`- Done: ${f.tasks.done}`, `- Dropped: ${f.tasks.dropped}`, `- Open: ${f.tasks.open}`, '');

  out.push('## Feedback trend', '');
  if (f.trend.length === 0) out.push('_No session was rated._');
  else {
    out.push('| Session | Date | Mentor | Mentee | Average |', '|---|---|---|---|---|');
    for (const p of f.trend) out.push(`| ${inline(p.session)} | ${inline(p.at.slice(0, 10))} | ${p.mentor ?? '–'} | ${p.mentee ?? '–'} | ${p.average} |`);
    if (f.direction) out.push('', `Ratings went from ${f.direction.from} (first sessions) to ${f.direction.to} (last sessions): ${f.direction.word}.`);
  }
  if (f.sealedRatings > 0) out.push('', `_${f.sealedRatings} sealed rating${f.sealedRatings === 1 ? ' is' : 's are'} not counted: ${f.sealedRatings === 1 ? 'it is' : 'they are'} not opened here._`);
  out.push('');

  out.push('## Final feedback', '');
  if (!f.closed) out.push('_Given when the mentorship closes._');
  for (const role of ['mentor', 'mentee'] as const) {
    if (!f.closed) break;
    const fb = f.final.find((x) => x.from === role);
    out.push(fb ? finalLine(fb) : `- **${role === 'mentor' ? 'Mentor' : 'Mentee'}** — _not given yet_`);
  }
  out.push('');
  return out.join('\n');
}

function finalLine(fb: FinalFeedbackFacts): string {
  const who = fb.from === 'mentor' ? 'Mentor' : 'Mentee';
  const parts: string[] = [];
  if (fb.valuable !== undefined) parts.push(`valuable: ${inline(fb.valuable)}`);
  if (fb.change !== undefined) parts.push(`change: ${inline(fb.change)}`);
  if (fb.sealed.length > 0) parts.push(`${fb.sealed.join(', ')} sealed`);
  const rating = fb.rating !== undefined ? ` (${fb.rating}/5)` : '';
  return `- **${who}**${rating}${parts.length > 0 ? ' — ' + parts.join('; ') : ''}`;
}

