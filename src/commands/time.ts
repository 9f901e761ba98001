/**
 * Reading the dates and times people type into prompts. Pure (no vscode), so the
 * accepted forms are unit-tested.
 */

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

/** `2026-12-03` in local time. */
export function toLocalDate(date: Date): string {
  return toLocalIso(date).slice(0, 10);
}

/**
 * Reads `2026-12-03 15:00`, `2026-12-03T15:00`, with optional seconds and offset
 * (`Z`, `+01:00`). Without an offset the time is local. Returns the ISO string to
 * store, or a message saying what to type.
 */
export function parseWhen(input: string): { iso: string } | { error: string } {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:\d{2})?\s*$/i.exec(input);
  if (!m) return { error: 'Type a date and time like 2026-12-03 15:00 (optionally with an offset, e.g. +01:00).' };
  const [, y, mo, d, h, mi, s, zone] = m;
  const hour = Number(h);
  const minute = Number(mi);
  if (hour > 23 || minute > 59 || Number(s ?? 0) > 59) return { error: 'That time does not exist; use 00:00 to 23:59.' };
  const local = new Date(Number(y), Number(mo) - 1, Number(d), hour, minute, Number(s ?? 0));
  if (local.getFullYear() !== Number(y) || local.getMonth() !== Number(mo) - 1 || local.getDate() !== Number(d)) {
    return { error: 'That day does not exist in the calendar.' };
  }
  if (zone) {
    const iso = `${y}-${mo}-${d}T${h?.padStart(2, '0')}:${mi}:${s ?? '00'}${zone.toUpperCase()}`;
    return Number.isNaN(Date.parse(iso)) ? { error: 'That date or time does not exist.' } : { iso };
  }
  return { iso: toLocalIso(local) };
}

/** Reads `2026-12-03`; returns it, or a message saying what to type. */
export function parseDate(input: string): { date: string } | { error: string } {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(input);
  if (!m) return { error: 'Type a date like 2026-12-03 (YYYY-MM-DD).' };
  const [, y, mo, d] = m;
  const dt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (dt.getUTCFullYear() !== Number(y) || dt.getUTCMonth() !== Number(mo) - 1 || dt.getUTCDate() !== Number(d)) {
    return { error: 'That day does not exist in the calendar.' };
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
