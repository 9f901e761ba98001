/**
 * Dates, times and durations as the mentoring file writes them.
 *
 * Time zones, explicitly:
 * - A date (`2026-11-19`) is a calendar day, not an instant. Calendar arithmetic (`addMonthsIso`,
 *   comparing dates) is done on the strings' numbers, so it never depends on a time zone.
 *   Where a date must become an instant (`dateToLocal`) it is local midnight of that day.
 * - A date-time with an offset (`2026-11-19T15:00:00+01:00`, or `Z`) is that exact instant.
 * - A date-time without an offset (`2026-11-19T15:00`) is local time of the machine that reads it,
 *   as ISO 8601 and ECMAScript both say. We build it field by field rather than trusting
 *   `Date.parse`, whose handling of offset-less strings has differed between engines.
 * - "Today" (for due dates and review dates) is the local calendar day of the injected clock.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const DURATION = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** `'1h30m'` → 5_400_000 (milliseconds). Units: w, d, h, m, in that order. `undefined` when malformed or empty. */
export function parseDuration(text: string): number | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const [, w, d, h, min] = m;
  return num(w) * WEEK + num(d) * DAY + num(h) * HOUR + num(min) * MINUTE;
}

/** 5_400_000 → `'1h30m'`; the inverse of `parseDuration` for whole minutes (`'0m'` for zero). */
export function formatDuration(ms: number): string {
  let minutes = Math.max(0, Math.round(ms / MINUTE));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['w', 7 * 24 * 60],
    ['d', 24 * 60],
    ['h', 60],
    ['m', 1],
  ] as const) {
    const n = Math.floor(minutes / size);
    if (n > 0) parts.push(`${n}${unit}`);
    minutes -= n * size;
  }
  return parts.length > 0 ? parts.join('') : '0m';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Year, month (1-12) and day of a `YYYY-MM-DD` string that names a real calendar day. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** The instant of a date-time string; offset-less means local time (see the file comment). */
export function parseDateTime(text: string): Date | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const date = parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
  if (!date) return undefined;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return undefined;
  const zone = m[8];
  if (zone === undefined) {
    // No offset: local wall-clock time.
    return new Date(date.year, date.month - 1, date.day, hour, minute, second, ms);
  }
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  const utc = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second, ms);
  return new Date(utc - offsetMinutes * MINUTE);
}

/** Local midnight at the start of a `YYYY-MM-DD` day. */
export function dateToLocal(text: string): Date | undefined {
  const d = parseIsoDate(text);
  return d ? new Date(d.year, d.month - 1, d.day) : undefined;
}

/** A date (local midnight) or a date-time, whichever the text is. */
export function parseInstant(text: string): Date | undefined {
  return ISO_DATE.test(text) ? dateToLocal(text) : parseDateTime(text);
}

/** `YYYY-MM-DD` of `date` in local time. */
export function localIsoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/**
 * `n` calendar months after `date` (local time), keeping the time of day. When the day does not
 * exist in the target month it clamps to that month's last day: Aug 31 + 6 months = Feb 28/29.
 */
export function addMonths(date: Date, n: number): Date {
  const y = date.getFullYear();
  const m = date.getMonth() + n;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12; // 0-based
  const day = Math.min(date.getDate(), daysInMonth(targetYear, targetMonth + 1));
  return new Date(
    targetYear,
    targetMonth,
    day,
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
}

/** `addMonths` on a `YYYY-MM-DD` string, as pure calendar arithmetic (no time zone involved). */
export function addMonthsIso(text: string, n: number): string | undefined {
  const d = parseIsoDate(text);
  if (!d) return undefined;
  const m0 = d.month - 1 + n;
  const year = d.year + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const day = Math.min(d.day, daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return undefined;
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY);
}

/** Days in `month` (1-12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number(s);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The UTC offset written in a date-time (`+01:00` → 60, `Z` → 0), or undefined when it has none (local time). */
export function offsetOf(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  const zone = m?.[8];
  if (zone === undefined) return undefined;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

/**
 * `2026-11-17T15:00+01:00`: an instant shown in the offset of `like` (a date-time from the file), so
 * messages speak in the same time zone the user wrote; local time when `like` has no offset.
 */
export function formatInstantLike(date: Date, like?: string): string {
  const offset = (like !== undefined ? offsetOf(like) : undefined) ?? -date.getTimezoneOffset();
  const shifted = new Date(date.getTime() + offset * MINUTE);
  const iso = shifted.toISOString().slice(0, 16);
  if (like !== undefined && offsetOf(like) === undefined) return iso; // the user wrote local time
  if (offset === 0) return `${iso}Z`;
  const abs = Math.abs(offset);
  return `${iso}${offset > 0 ? '+' : '-'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}
