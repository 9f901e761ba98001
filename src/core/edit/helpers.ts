/** What the operations share: finding the item an operation names, checking its arguments, warnings built from the agreement. */
import type { MentoringFile, Session, Task, Thread } from '../schema';
import { IsoDate, IsoDateTime } from '../schema';
import { addMonthsIso, formatDurationHuman, parseDuration, parseInstant } from '../time';
import { refuse, Refusal, type Env } from './runner';

/**
 * Where new keys go inside an existing session or task: right after the first of these keys the
 * item has, so they land in the middle of the item rather than at its end. Additions at the
 * end of the last item would touch the same lines as an item appended after it on another
 * branch; in the middle, git merges the two cleanly (see test/unit/core/edit/merge.test.ts).
 */
export const AFTER = {
  topic: ['at', 'id'],
  announced: ['topic', 'at', 'id'],
  status: ['announced', 'topic', 'at', 'id'],
  started: ['status', 'announced', 'topic', 'at', 'id'],
  ended: ['started', 'status', 'announced', 'topic', 'at', 'id'],
  feedback: ['ended', 'started', 'status', 'announced', 'topic', 'at', 'id'],
  cancelled: ['status', 'announced', 'topic', 'at', 'id'],
  agenda: ['status', 'announced', 'topic', 'at', 'id'],
  taskStatus: ['due', 'owner', 'title', 'id'],
  closed: ['status', 'due', 'owner', 'title', 'id'],
  reason: ['closed', 'status', 'due', 'owner', 'title', 'id'],
  due: ['owner', 'title', 'id'],
} as const satisfies Record<string, readonly string[]>;

export function findSession(model: MentoringFile, id: string): [number, Session] | Refusal {
  const i = model.sessions.findIndex((s) => s.id === id);
  const s = model.sessions[i];
  if (!s) return refuse(`There is no session "${id}". Sessions: ${listIds(model.sessions.map((x) => x.id))}.`);
  return [i, s];
}

export function findTask(model: MentoringFile, id: string): [number, Task] | Refusal {
  const i = model.tasks.findIndex((t) => t.id === id);
  const t = model.tasks[i];
  if (!t) return refuse(`There is no task "${id}". Open tasks: ${listIds(model.tasks.filter((x) => x.status === 'open').map((x) => x.id))}.`);
  return [i, t];
}

export function findThread(model: MentoringFile, id: string): [number, Thread] | Refusal {
  const i = model.threads.findIndex((t) => t.id === id);
  const t = model.threads[i];
  if (!t) return refuse(`There is no thread "${id}" in the mentoring file (was it deleted or renamed?).`);
  return [i, t];
}

export function checkIndex(s: Session, index: number): Refusal | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= s.agenda.length) {
    return refuse(`Session ${s.id} has no agenda item ${index} (it has ${s.agenda.length}; the first is 0).`);
  }
  return undefined;
}

/** The last few ids, for "Sessions: …" in a message. */
export function listIds(ids: string[]): string {
  if (ids.length === 0) return 'none yet';
  const shown = ids.slice(-8);
  return (ids.length > shown.length ? '…, ' : '') + shown.join(', ');
}

/**
 * User text as the file stores it: trimmed, and `undefined` when nothing is left. The one place
 * text from a caller (the CLI, a command's input box, the sidebar) is cleaned.
 */
export function optionalText(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  return t.length > 0 ? t : undefined;
}

export function checkDate(s: string, what: string): string | Refusal {
  const r = IsoDate.safeParse(s);
  return r.success ? r.data : refuse(`${capitalize(what)} "${s}" is not valid: ${r.error.issues[0]?.message ?? 'expected YYYY-MM-DD'}.`);
}

export function checkDateTime(s: string, what: string): string | Refusal {
  const r = IsoDateTime.safeParse(s);
  return r.success
    ? r.data
    : refuse(`${capitalize(what)} "${s}" is not valid: ${r.error.issues[0]?.message ?? 'expected a date and time like 2026-11-19T15:00:00+01:00'}.`);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A warning when `now` is later than `notice` before the session at `at`. */
export function lateWarning(env: Env, at: string, notice: string | undefined, what: string, field: string): string | undefined {
  if (notice === undefined) return undefined;
  const ms = parseDuration(notice);
  const start = parseInstant(at);
  if (ms === undefined || start === undefined) return undefined;
  const left = start.getTime() - env.now.getTime();
  if (left >= ms) return undefined;
  const when = left >= 0 ? `${formatDurationHuman(left)} before the session` : `${formatDurationHuman(left)} after the session's start`;
  return `${what} ${when}; the agreement asks for ${notice} notice (expectations.${field}).`;
}

/** The six-month rule for goals, plus a goal date already past. */
export function goalWarnings(set: string, by: string, today: string = set): string[] {
  const out: string[] = [];
  const limit = addMonthsIso(set, 6);
  if (limit !== undefined && by > limit) out.push(`The goal date ${by} is more than six months after ${set}; a goal should be doable within six months (by ${limit}).`);
  if (by < today) out.push(`The goal date ${by} is already past.`);
  return out;
}
