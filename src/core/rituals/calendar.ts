/**
 * On the calendar: planned and cancelled sessions as calendar events, as plain data. The
 * serialisation to iCalendar text is `ics.ts` beside this file; this module decides what an event
 * says, and above all what it never says: a sealed value, or a field the agreement lists as
 * confidential, never reaches an event (a calendar is synced to servers and shown to colleagues
 * who do not hold the pair's keys).
 *
 * Choices a re-import depends on (RFC 5545 §3.8.4.7 UID, §3.8.7.4 SEQUENCE; RFC 5546 §2.1.5):
 * - UID: `<session id>.<pair hash>@mentoring`. The session id is unique in its file (the
 *   references check refuses duplicates); the pair hash (the mentor's and mentee's names and the
 *   agreement's start date) keeps two mentorships that both have a session `s1` apart. It is a
 *   function of the file alone, so every export, from the CLI or the editor, on either side of the
 *   pair, names the same session the same way: a re-import updates, never duplicates.
 * - SEQUENCE: whole minutes from 2026-01-01T00:00Z to the export. A client takes an import as an
 *   update when its SEQUENCE is at least the stored one (and DTSTAMP newer on a tie). The file keeps
 *   no history: a rescheduled session (only `at` changed) looks like a new one, so a sequence
 *   counted from the file's fields (cancelled +1) would stay put on a move and the client could
 *   keep the old time. The export's clock only grows, so a later export always wins and an older
 *   file imported after a newer one loses, which is what the pair wants; it needs no stored state.
 *   An export that changed nothing is an update that changes nothing.
 * - DTSTART: a time with an offset is written as that instant in UTC (`…Z`): iCalendar has no
 *   offset form, only UTC, floating, or a TZID with a VTIMEZONE, and a made-up fixed-offset TZID
 *   is not understood by clients that know only IANA zone names. A time without an offset is local
 *   time in the file (`time.ts`), so it stays floating: the same wall clock wherever it is opened.
 */
import * as l10n from '@vscode/l10n';
import { topicNoticeState } from '../checks';
import { BIDI_CONTROLS } from '../escape';
import { isSealed } from '../seal/armor';
import { policyOf } from '../seal/fields';
import type { MentoringFile, Session } from '../schema';
import { parseDateTime, parseDuration, wallClock } from '../time';
import { fnv1a64 } from './digest';

/** The event's start: an instant (written in UTC), or a floating wall-clock time. */
export type EventStart =
  | { kind: 'utc'; instant: Date }
  | { kind: 'floating'; year: number; month: number; day: number; hour: number; minute: number; second: number };

export interface CalendarAlarm {
  /** Minutes before the start. */
  minutesBefore: number;
  description: string;
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** DTSTAMP: the export's clock. */
  stamp: Date;
  start: EventStart;
  durationMinutes: number;
  summary: string;
  description: string;
  cancelled: boolean;
  alarms: CalendarAlarm[];
}

export interface Calendar {
  name: string;
  events: CalendarEvent[];
}

/** When `expectations.duration` is not set. */
export const DEFAULT_DURATION_MINUTES = 60;
/** The reminder just before a session. */
export const REMINDER_MINUTES = 15;
/** The neutral title of a session whose topic is sealed, confidential or not set (in the exporter's language). */
export function neutralSummary(): string {
  return l10n.t('Mentoring session');
}

const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

/** Planned (not yet held) or cancelled: the sessions a calendar shows. */
export function isOnCalendar(s: Session): boolean {
  return isCancelled(s) || (s.status === 'planned' && s.ended === undefined);
}

export function isCancelled(s: Session): boolean {
  return s.status === 'cancelled' || s.cancelled !== undefined;
}

/** The calendar of `sessions` (default: every planned and cancelled session of the file, in file order). */
export function calendarOf(model: MentoringFile, now: Date, sessions: readonly Session[] = model.sessions.filter(isOnCalendar)): Calendar {
  const pair = pairHash(model);
  const events: CalendarEvent[] = [];
  for (const s of sessions) {
    const e = eventOf(model, s, pair, now);
    if (e) events.push(e);
  }
  const { mentor, mentee } = model.agreement;
  return { name: oneLine(l10n.t('Mentoring: {0} and {1}', mentor.name, mentee.name)), events };
}

/** The UID of a session of this file (see the file comment). */
export function sessionUid(model: MentoringFile, sessionId: string): string {
  return `${sessionId}.${pairHash(model)}@mentoring`;
}

function eventOf(model: MentoringFile, s: Session, pair: string, now: Date): CalendarEvent | undefined {
  const start = startOf(s.at);
  if (!start) return undefined;
  const { agreement } = model;
  const policy = policyOf(agreement);
  const topic = shownText(s.topic, policy.isConfidential('topic'));
  const cancelled = isCancelled(s);
  const duration = agreement.expectations.duration === undefined ? undefined : parseDuration(agreement.expectations.duration);
  const durationMinutes = duration !== undefined && duration > 0 ? Math.round(duration / 60_000) : DEFAULT_DURATION_MINUTES;

  const lines = [oneLine(l10n.t('Mentoring: {0} (mentor) and {1} (mentee)', agreement.mentor.name, agreement.mentee.name))];
  if (cancelled) lines.push(s.cancelled ? (s.cancelled.by === 'mentor' ? l10n.t('Cancelled by the mentor.') : l10n.t('Cancelled by the mentee.')) : l10n.t('Cancelled.'));
  if (topic.text !== undefined) lines.push(l10n.t('Topic: {0}', oneLine(topic.text)));
  else if (topic.hidden) lines.push(l10n.t('The topic is confidential: it is not shown here.'));
  else lines.push(l10n.t('No topic announced yet.'));
  const agendaConfidential = policy.isConfidential('agenda');
  const items: string[] = [];
  let hiddenItems = 0;
  for (const item of s.agenda) {
    const shown = shownText(item, agendaConfidential);
    if (shown.text !== undefined && shown.text.trim() !== '') items.push(`- ${oneLine(shown.text)}`);
    else if (shown.hidden) hiddenItems++;
  }
  if (items.length > 0) lines.push('', l10n.t('Agenda:'), ...items);
  if (hiddenItems > 0) lines.push('', hiddenItems === 1 ? l10n.t('1 confidential agenda item is not shown.') : l10n.t('{0} confidential agenda items are not shown.', hiddenItems));

  const alarms: CalendarAlarm[] = [];
  if (!cancelled) {
    const notice = agreement.expectations.topicNotice === undefined ? undefined : parseDuration(agreement.expectations.topicNotice);
    // A topic already announced needs no reminder to announce it (the next export drops the alarm).
    const state = topicNoticeState(s, agreement.expectations, now);
    if (notice !== undefined && notice > 0 && state !== 'kept' && state !== 'late') {
      const minutes = Math.round(notice / 60_000);
      alarms.push({ minutesBefore: minutes, description: l10n.t('Mentoring: the topic of this session is to be announced by now ({0} ahead, as agreed).', agreement.expectations.topicNotice ?? '') });
    }
    if (!alarms.some((a) => a.minutesBefore === REMINDER_MINUTES)) {
      alarms.push({ minutesBefore: REMINDER_MINUTES, description: l10n.t('Mentoring session in {0} minutes.', REMINDER_MINUTES) });
    }
  }

  return {
    uid: `${s.id}.${pair}@mentoring`,
    sequence: Math.max(0, Math.floor((now.getTime() - SEQUENCE_EPOCH) / 60_000)),
    stamp: now,
    start,
    durationMinutes,
    summary: topic.text !== undefined && oneLine(topic.text) !== '' ? oneLine(l10n.t('Mentoring: {0}', topic.text)) : neutralSummary(),
    description: lines.join('\n'),
    cancelled,
    alarms,
  };
}

function startOf(at: string): EventStart | undefined {
  const wall = wallClock(at);
  if (!wall) return undefined;
  if (wall.offsetMinutes === undefined) {
    const { year, month, day, hour, minute, second } = wall;
    return { kind: 'floating', year, month, day, hour, minute, second };
  }
  const instant = parseDateTime(at);
  return instant ? { kind: 'utc', instant } : undefined;
}

/** The text of a field as a calendar may show it: nothing when sealed or confidential. */
function shownText(value: string | undefined, confidential: boolean): { text?: string; hidden: boolean } {
  if (value === undefined) return { hidden: false };
  if (isSealed(value) || confidential) return { hidden: true };
  return { text: plainText(value), hidden: false };
}

/**
 * File text made safe for a TEXT value: line breaks as `\n` (the serialiser escapes them, so a
 * topic can never start a new property), other control characters dropped (RFC 5545 TEXT allows
 * none but HTAB), and the bidi controls dropped too (`escape.ts`: they reorder what is shown).
 */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '').replace(BIDI_CONTROLS, '');
}

/** One line: every run of white space (line breaks included) as one space. */
function oneLine(text: string): string {
  return plainText(text).replace(/\s+/g, ' ').trim();
}

/**
 * A short, stable hash of the pair: the FNV-1a 64 of `digest.ts` over the mentor's and mentee's
 * names and the start date. Not a secret and not a defence: a name for the pair that does not
 * change between exports.
 */
function pairHash(model: MentoringFile): string {
  const { mentor, mentee, started } = model.agreement;
  return fnv1a64(`${mentor.name.trim()}\u0000${mentee.name.trim()}\u0000${started}`);
}
