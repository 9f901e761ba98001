// The demo's mentoring file is written for one day (DEMO_WRITTEN_FOR). `npm start` moves every
// date in it by the whole days since, so the next session is always ahead, the goal near its
// deadline is near it and the overdue task is overdue, whenever the demo is opened.

export const DEMO_WRITTEN_FOR = '2026-11-28';

const DAY = 86_400_000;
// A calendar date standing alone (a value, a session id, the date of a date-time), not part of a longer number or word.
const DATE = /(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

/** Whole days from `from` to `to` (both YYYY-MM-DD, as UTC calendar days). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * `text` with every YYYY-MM-DD moved by `days` (times, offsets and everything else kept byte for
 * byte). Session ids are dates too, so they and the references to them move together.
 */
export function shiftDates(text, days) {
  if (days === 0) return text;
  return text.replace(DATE, (whole, y, m, d) => {
    const t = Date.UTC(Number(y), Number(m) - 1, Number(d));
    const back = new Date(t);
    // not a real calendar date (2026-13-45): leave it alone
    if (back.getUTCFullYear() !== Number(y) || back.getUTCMonth() !== Number(m) - 1 || back.getUTCDate() !== Number(d)) return whole;
    return new Date(t + days * DAY).toISOString().slice(0, 10);
  });
}

/** This machine's calendar day (YYYY-MM-DD), the "today" the extension checks against (not UTC's). */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The demo file as it should read on `today` (YYYY-MM-DD; by default this machine's today). */
export function demoForToday(text, today = localToday()) {
  return shiftDates(text, daysBetween(DEMO_WRITTEN_FOR, today));
}
