/**
 * A calendar (`calendar.ts`) as iCalendar text, RFC 5545, through `ical-generator`: it folds lines
 * at 75 octets without splitting a UTF-8 character, escapes `\`, `;`, `,` and line breaks in TEXT
 * values, writes CRLF line ends, and is pure JavaScript without Node built-ins, so it lives in the
 * core (ARCHITECTURE.md, "Layers").
 *
 * The session's length is written as DTEND (start plus the agreed duration): the library writes
 * no DURATION property, and RFC 5545 §3.6.1 makes the two equivalent for an event.
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Calendar, CalendarEvent } from './calendar';

const PRODUCT = { company: 'mentoring', product: 'mentoring', language: 'EN' } as const;

export function toIcs(calendar: Calendar): string {
  const cal = ical({ prodId: PRODUCT, name: calendar.name, method: ICalCalendarMethod.PUBLISH });
  for (const e of calendar.events) addEvent(cal, e);
  // RFC 5545 §3.1 ends every content line with CRLF, the last one too (the library leaves it off).
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

function addEvent(cal: ReturnType<typeof ical>, e: CalendarEvent): void {
  // A floating time is given as the UTC instant with the same fields: the library then writes
  // those fields without the `Z` (its `floating` mode reads the UTC fields).
  const start =
    e.start.kind === 'utc' ? e.start.instant : new Date(Date.UTC(e.start.year, e.start.month - 1, e.start.day, e.start.hour, e.start.minute, e.start.second));
  const end = new Date(start.getTime() + e.durationMinutes * 60_000);
  const event = cal.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp: e.stamp,
    start,
    end,
    floating: e.start.kind === 'floating',
    summary: e.summary,
    description: e.description,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  for (const a of e.alarms) {
    event.createAlarm({ type: ICalAlarmType.display, triggerBefore: a.minutesBefore * 60, description: a.description });
  }
}
