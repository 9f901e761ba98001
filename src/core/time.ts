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
 *
 * Durations have two formats, both here: the file's compact one (`1h30m`: `parseDuration`,
 * `formatDuration`) and one in words for people (`2 days 3 hours`: `formatDurationHuman`).
 * What people type into prompts (`2026-12-03 15:00`) is read by `parseWhen` and `parseDate`.
 */
import * as l10n from '@vscode/l10n';

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

/**
 * A date-time's own wall clock and offset, as written: `2026-11-19T15:00+01:00` → 15:00 on that
 * day, offset +60 minutes; `offsetMinutes` is undefined when the text has none (local time).
 * For output that keeps the writer's clock (calendar files), where `parseDateTime` gives the instant.
 */
export function wallClock(text: string): { year: number; month: number; day: number; hour: number; minute: number; second: number; offsetMinutes: number | undefined } | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m || parseDateTime(text) === undefined) return undefined;
  const zone = m[8];
  const offsetMinutes = zone === undefined ? undefined : zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: m[6] === undefined ? 0 : Number(m[6]), offsetMinutes };
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

// ------------------------------------------------------------------ writing now into the file

/** The UTC offset, in minutes east of UTC, that `date` has in the runtime's time zone. */
export function localOffsetMinutes(date: Date): number {
  return -date.getTimezoneOffset();
}

/** `2026-11-19T15:00:00+01:00` for `date` shown at `offsetMinutes` east of UTC (`Z` for 0). */
export function formatDateTime(date: Date, offsetMinutes: number): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const iso = shifted.toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${iso}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${iso}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/** `2026-11-19`: the calendar date of `date` at `offsetMinutes` east of UTC. */
export function formatDate(date: Date, offsetMinutes: number): string {
  return new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------ durations for people

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The words of a duration, one function per count so a translation can word each (`ENGLISH_DURATION`). */
export interface DurationWords {
  lessThanAMinute(): string;
  days(n: number): string;
  hours(n: number): string;
  minutes(n: number): string;
}

export const ENGLISH_DURATION: DurationWords = {
  lessThanAMinute: () => 'less than a minute', // l10n-exempt: the English words (raise.ts's questions, the CLI); formatDurationLocal for the display language
  days: (n) => plural(n, 'day'),
  hours: (n) => plural(n, 'hour'),
  minutes: (n) => plural(n, 'minute'),
};

/**
 * A duration in words at the two largest units — "2 days 3 hours", "45 minutes", "less than a
 * minute" — the one human format of every message and view (the sign is ignored).
 */
export function formatDurationHuman(ms: number): string {
  return formatDurationIn(ms, ENGLISH_DURATION);
}

/** The words of a duration in the display language (`@vscode/l10n`): the page's very messages (webview/model.ts). */
const LOCAL_DURATION: DurationWords = {
  lessThanAMinute: () => l10n.t('less than a minute'),
  days: (n) => (n === 1 ? l10n.t('1 day') : l10n.t('{0} days', n)),
  hours: (n) => (n === 1 ? l10n.t('1 hour') : l10n.t('{0} hours', n)),
  minutes: (n) => (n === 1 ? l10n.t('1 minute') : l10n.t('{0} minutes', n)),
};

/** `formatDurationHuman` in the display language, for the core's messages the editor shows (an edit's warnings). */
export function formatDurationLocal(ms: number): string {
  return formatDurationIn(ms, LOCAL_DURATION);
}

/** `formatDurationHuman` in the given words (the page's and the status bar's, in the display language). */
export function formatDurationIn(ms: number, words: DurationWords): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE);
  if (minutes < 1) return words.lessThanAMinute();
  if (minutes >= 1440) {
    // Past a day, minutes no longer matter: round to the nearest hour.
    const totalHours = Math.round(minutes / 60);
    const days = Math.floor(totalHours / 24);
    const hours = totalHours % 24;
    return hours > 0 ? `${words.days(days)} ${words.hours(hours)}` : words.days(days);
  }
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  if (hours > 0) return mins > 0 ? `${words.hours(hours)} ${words.minutes(mins)}` : words.hours(hours);
  return words.minutes(mins);
}

// ------------------------------------------------------------------ what people type into prompts

/** `2026-12-03T15:00:00+01:00`: a local date and time with the local UTC offset. */
export function toLocalIso(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * Reads `2026-12-03 15:00`, `2026-12-03T15:00`, with optional seconds and offset
 * (`Z`, `+01:00`). Without an offset the time is local. Returns the ISO string to
 * store, or a message saying what to type.
 */
export function parseWhen(input: string): { iso: string } | { error: string } {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:\d{2})?\s*$/i.exec(input);
  if (!m) return { error: l10n.t('Type a date and time like 2026-12-03 15:00 (optionally with an offset, e.g. +01:00).') };
  const [, y, mo, d, h, mi, s, zone] = m;
  const hour = Number(h);
  const minute = Number(mi);
  if (hour > 23 || minute > 59 || Number(s ?? 0) > 59) return { error: l10n.t('That time does not exist; use 00:00 to 23:59.') };
  const local = new Date(Number(y), Number(mo) - 1, Number(d), hour, minute, Number(s ?? 0));
  if (local.getFullYear() !== Number(y) || local.getMonth() !== Number(mo) - 1 || local.getDate() !== Number(d)) {
    return { error: l10n.t('That day does not exist in the calendar.') };
  }
  if (zone) {
    const iso = `${y}-${mo}-${d}T${h?.padStart(2, '0')}:${mi}:${s ?? '00'}${zone.toUpperCase()}`;
    return Number.isNaN(Date.parse(iso)) ? { error: l10n.t('That date or time does not exist.') } : { iso };
  }
  return { iso: toLocalIso(local) };
}

/** Reads `2026-12-03`; returns it, or a message saying what to type. */
export function parseDate(input: string): { date: string } | { error: string } {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(input);
  if (!m) return { error: l10n.t('Type a date like 2026-12-03 (YYYY-MM-DD).') };
  const [, y, mo, d] = m;
  const dt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (dt.getUTCFullYear() !== Number(y) || dt.getUTCMonth() !== Number(mo) - 1 || dt.getUTCDate() !== Number(d)) {
    return { error: l10n.t('That day does not exist in the calendar.') };
  }
  return { date: `${y}-${mo}-${d}` };
}

/** A sensible default for the next session: one week from now, on the hour. */
export function defaultNextSession(now: Date): Date {
  const d = new Date(now.getTime() + 7 * 24 * 3600_000);
  d.setMinutes(0, 0, 0);
  return d;
}

/** `2026-12-03 15:00` for prompts' default values. */
export function toPromptValue(date: Date): string {
  return toLocalIso(date).slice(0, 16).replace('T', ' ');
}
