/** What the operations share: finding the item an operation names, checking its arguments, warnings built from the agreement. */
import * as l10n from '@vscode/l10n';
import type { MentoringFile, Session, Task, Thread } from '../schema';
import { IsoDate, IsoDateTime } from '../schema';
import { addMonthsIso, formatDurationLocal, parseDuration, parseInstant } from '../time';
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
  if (!s) return refuse(l10n.t('There is no session "{0}". Sessions: {1}.', id, listIds(model.sessions.map((x) => x.id))));
  return [i, s];
}

export function findTask(model: MentoringFile, id: string): [number, Task] | Refusal {
  const i = model.tasks.findIndex((t) => t.id === id);
  const t = model.tasks[i];
  if (!t) return refuse(l10n.t('There is no task "{0}". Open tasks: {1}.', id, listIds(model.tasks.filter((x) => x.status === 'open').map((x) => x.id))));
  return [i, t];
}

export function findThread(model: MentoringFile, id: string): [number, Thread] | Refusal {
  const i = model.threads.findIndex((t) => t.id === id);
  const t = model.threads[i];
  if (!t) return refuse(l10n.t('There is no thread "{0}" in the mentoring file (was it deleted or renamed?).', id));
  return [i, t];
}

export function checkIndex(s: Session, index: number): Refusal | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= s.agenda.length) {
    return refuse(l10n.t('Session {0} has no agenda item {1} (it has {2}; the first is 0).', s.id, index, s.agenda.length));
  }
  return undefined;
}

/** The last few ids, for "Sessions: …" in a message. */
export function listIds(ids: string[]): string {
  if (ids.length === 0) return l10n.t('none yet');
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

/** `s` as a date, or the refusal naming `what` (a whole phrase from its caller: "The due date"). */
export function checkDate(s: string, what: string): string | Refusal {
  const r = IsoDate.safeParse(s);
  return r.success ? r.data : refuse(l10n.t('{0} "{1}" is not valid: {2}.', what, s, r.error.issues[0]?.message ?? l10n.t('expected YYYY-MM-DD')));
}

/** `s` as a date and time, or the refusal naming `what` (a whole phrase from its caller: "The session time"). */
export function checkDateTime(s: string, what: string): string | Refusal {
  const r = IsoDateTime.safeParse(s);
  return r.success
    ? r.data
    : refuse(l10n.t('{0} "{1}" is not valid: {2}.', what, s, r.error.issues[0]?.message ?? l10n.t('expected a date and time like 2026-11-19T15:00:00+01:00')));
}

/** A warning when `now` is later than `notice` before the session at `at`: a topic announced, or a cancellation, at short notice. */
export function lateWarning(env: Env, at: string, notice: string | undefined, field: 'topicNotice' | 'cancellationNotice'): string | undefined {
  if (notice === undefined) return undefined;
  const ms = parseDuration(notice);
  const start = parseInstant(at);
  if (ms === undefined || start === undefined) return undefined;
  const left = start.getTime() - env.now.getTime();
  if (left >= ms) return undefined;
  const span = formatDurationLocal(left);
  const key = `expectations.${field}`;
  if (field === 'topicNotice') {
    return left >= 0
      ? l10n.t('The topic was announced {0} before the session; the agreement asks for {1} notice ({2}).', span, notice, key)
      : l10n.t('The topic was announced {0} after the session\'s start; the agreement asks for {1} notice ({2}).', span, notice, key);
  }
  return left >= 0
    ? l10n.t('Cancelled {0} before the session; the agreement asks for {1} notice ({2}).', span, notice, key)
    : l10n.t('Cancelled {0} after the session\'s start; the agreement asks for {1} notice ({2}).', span, notice, key);
}

/** The six-month rule for goals, plus a goal date already past. */
export function goalWarnings(set: string, by: string, today: string = set): string[] {
  const out: string[] = [];
  const limit = addMonthsIso(set, 6);
  if (limit !== undefined && by > limit) out.push(l10n.t('The goal date {0} is more than six months after {1}; a goal should be doable within six months (by {2}).', by, set, limit));
  if (by < today) out.push(l10n.t('The goal date {0} is already past.', by));
  return out;
}
