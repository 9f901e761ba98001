/**
 * `mentoring calendar [FILE] [--out FILE] [--session ID]`: the planned and cancelled sessions as
 * an iCalendar file (src/core/rituals/calendar.ts decides what an event says; sealed and
 * confidential fields never go in). Importing it again updates the same events.
 */
import { resolve } from 'node:path';
import { calendarOf, isOnCalendar } from '../core/rituals/calendar';
import { toIcs } from '../core/rituals/ics';
import { escapeLine } from '../core/escape';
import { parseCommand, str } from './args';
import { realTarget, writeAtomicTo } from '../node/casWrite';
import { blocksEdits } from '../core/diagnostics';
import { display, formatText, load, targetFile } from './files';
import { clock, Failure, UsageError, type Io } from './io';

export const CALENDAR_USAGE = `Usage: mentoring calendar [FILE] [--out FILE.ics] [--session ID]

Prints the planned and cancelled sessions as iCalendar (.ics) for a calendar app: one event a
session with a stable id (importing again updates it, never duplicates it), the topic and agenda
(never a sealed or confidential one), the agreed duration (1 hour when none is agreed), a reminder
at the topic-notice deadline and 15 minutes before. Cancelled sessions are marked cancelled.

  FILE                     the mentoring file (default: the one below this folder)
  --out FILE.ics           write to FILE.ics (CRLF line ends, as RFC 5545 says) instead of stdout
                           (stdout gets LF line ends: it is escaped for terminals, \\r included)
  --session ID             only that session (planned, cancelled or held)
  -h, --help               show this help`;

export async function calendar(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { file: { type: 'string' }, out: { type: 'string' }, session: { type: 'string' } }, CALENDAR_USAGE);
  if (p.help) return io.out(CALENDAR_USAGE + '\n'), 0;
  if (p.positionals.length > 1) throw new UsageError('Give at most one mentoring file.', CALENDAR_USAGE);
  const given = p.positionals[0] ?? str(p, 'file');
  const now = clock(io.env);
  const path = targetFile(io, given);
  const { result } = load(io, path, now);
  // An error may leave two sessions with one id (one UID) or a value half read: no calendar then.
  const errors = result.diagnostics.filter(blocksEdits);
  for (const d of errors) io.err(formatText(display(io, path), d) + '\n');
  if (!result.model || errors.length > 0) throw new Failure(`${display(io, path)} has errors (listed above); fix them first (\`mentoring check\`), no calendar was written.`);
  const model = result.model;
  const id = str(p, 'session');
  let sessions = model.sessions.filter(isOnCalendar);
  if (id !== undefined) {
    const s = model.sessions.find((x) => x.id === id);
    if (!s) throw new Failure(`${display(io, path)}: no session "${id}".`);
    sessions = [s];
  }
  const cal = calendarOf(model, now, sessions);
  const ics = toIcs(cal);
  const out = str(p, 'out');
  const count = `${cal.events.length} session${cal.events.length === 1 ? '' : 's'}`;
  if (out === undefined) {
    io.out(ics.replace(/\r\n/g, '\n'));
    if (cal.events.length === 0) io.err('No planned or cancelled sessions: the calendar is empty.\n');
    return 0;
  }
  const target = resolve(io.cwd, out);
  try {
    writeAtomicTo(realTarget(target), ics);
  } catch (err) {
    throw new Failure(`Cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`);
  }
  io.err(`Wrote ${count} of ${escapeLine(display(io, path))} to ${escapeLine(display(io, target))}.\n`);
  return 0;
}
