/**
 * `mentoring close`: closes the mentorship (each active goal's outcome, the closer's final
 * feedback, `closed:`), adds the other side's final feedback afterwards, or prints the closing
 * summary. The plans are the core's (src/core/rituals/close.ts); the write is `editFile`'s
 * compare-and-swap, with the final feedback sealed before it reaches the disk (`sealForWrite`).
 */
import { escapeLine } from '../core/escape';
import { addFinalFeedback, closeMentorship, parseOutcome, type GoalOutcome } from '../core/rituals/close';
import { closingSummary } from '../core/rituals/closingSummary';
import type { FeedbackInput } from '../core/edit/sessions';
import { isSealed } from '../core/seal/armor';
import { fieldValues } from '../core/seal/fields';
import { openModel } from '../core/seal/read';
import { parseCommand, role, str, strs, type Parsed } from './args';
import { display, loadForEdit, targetFile } from './files';
import { clock, Failure, UsageError, type Io } from './io';
import { optionalIdentities, sealForWrite, sharedFolderOf } from './sealing';
import { editFile } from './write';

export const CLOSE_USAGE = `Usage: mentoring close [FILE] --from mentor|mentee --outcome GOAL=achieved:WHY ... [feedback] [--date YYYY-MM-DD]
       mentoring close [FILE] --add-feedback --from mentor|mentee [feedback]
       mentoring close [FILE] --summary [--identity FILE]

Closes the mentorship: every active goal gets its outcome (achieved or dropped,
and a line why), the closer may give their final feedback, and \`closed:\` is
written. Reminders and nags about what is ahead stop. The other side adds their
final feedback afterwards with --add-feedback. Final feedback is sealed like
session feedback when the pair has keys.

  --outcome GOAL=achieved:WHY  one per active goal, e.g. --outcome g1=achieved:"Ships tests first"
  --outcome GOAL=dropped:WHY   (quote WHY for the shell)
  --from mentor|mentee     who closes, and whose feedback follows
  --rating N               final rating of the whole mentorship, 1..5
  --valuable T             what was valuable
  --change T               what you would change
  --date YYYY-MM-DD        the closing day (default today)
  --add-feedback           add --from's final feedback to a closed mentorship
  --summary                print the closing summary as Markdown (nothing is written)
  --identity FILE          your key file, to open sealed feedback in the summary
  --file PATH              the mentoring file (or FILE; default: the one below this folder)
  -h, --help               show this help`;

const OPTIONS = {
  file: { type: 'string' },
  outcome: { type: 'string', multiple: true },
  from: { type: 'string' },
  rating: { type: 'string' },
  valuable: { type: 'string' },
  change: { type: 'string' },
  date: { type: 'string' },
  'add-feedback': { type: 'boolean' },
  summary: { type: 'boolean' },
  identity: { type: 'string' },
} as const;

export async function close(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, OPTIONS, CLOSE_USAGE);
  if (p.help) return io.out(CLOSE_USAGE + '\n'), 0;
  if (p.positionals.length > 1) throw new UsageError(`Give at most one file, not ${p.positionals.length}: ${p.positionals.join(' ')}.`, CLOSE_USAGE);
  const fileFlag = str(p, 'file');
  if (fileFlag !== undefined && p.positionals.length > 0) throw new UsageError('Give the file either as FILE or with --file, not both.', CLOSE_USAGE);
  const path = targetFile(io, fileFlag ?? p.positionals[0]);
  const now = clock(io.env);
  if (p.values.summary === true) return printSummary(io, p, path, now);

  const adding = p.values['add-feedback'] === true;
  const from = role(str(p, 'from'), 'from', CLOSE_USAGE);
  if (from === undefined) throw new UsageError(adding ? '--from mentor|mentee says whose final feedback this is.' : '--from mentor|mentee says who closes the mentorship.', CLOSE_USAGE);
  const feedback = feedbackOf(p, from);
  const outcomes = strs(p, 'outcome').map((o) => {
    const r = parseOutcome(o);
    if (typeof r === 'string') throw new UsageError(r, CLOSE_USAGE);
    return r;
  });
  if (adding) {
    if (outcomes.length > 0 || str(p, 'date') !== undefined) throw new UsageError('--add-feedback adds final feedback only: leave out --outcome and --date.', CLOSE_USAGE);
    if (feedback === undefined) throw new UsageError('--add-feedback needs at least one of --rating, --valuable, --change.', CLOSE_USAGE);
  }

  const { result, sealed } = await editFile(io, path, async () => {
    const { text, result: parsed } = loadForEdit(io, path, now);
    const closed = parsed.model?.closed;
    if (!adding && closed) {
      throw new Failure(
        `${display(io, path)}: this mentorship was already closed on ${closed.on} by the ${closed.by}; nothing was written. ` +
          'To add final feedback: mentoring close --add-feedback --from mentor|mentee --rating N --valuable T --change T. To read it: mentoring close --summary.',
      );
    }
    const result = adding ? addFinalFeedback(text, feedback as FeedbackInput, { now }) : closeMentorship(text, closeArgs(from, outcomes, feedback, str(p, 'date')), { now });
    if (!result.ok) throw new Failure(`${display(io, path)}: ${result.message}`);
    const sealed = await sealForWrite(io, path, text, result.text, now);
    return { text: sealed.text, value: { result, sealed: sealed.lines } };
  });
  for (const w of result.warnings) io.err(`warning: ${escapeLine(w)}\n`);
  for (const line of sealed) io.err(`${line}\n`);
  const done = adding ? `Added the ${from}'s final feedback.` : 'Closed the mentorship.';
  io.out(`${done}  (${escapeLine(display(io, path))})\n`);
  io.err('The closing summary: mentoring close --summary\n');
  return 0;
}

function closeArgs(by: 'mentor' | 'mentee', outcomes: GoalOutcome[], feedback: FeedbackInput | undefined, on: string | undefined): Parameters<typeof closeMentorship>[1] {
  return { by, outcomes, ...(feedback ? { feedback } : {}), ...(on !== undefined ? { on } : {}) };
}

function feedbackOf(p: Parsed, from: 'mentor' | 'mentee'): FeedbackInput | undefined {
  const ratingText = str(p, 'rating');
  const valuable = str(p, 'valuable');
  const change = str(p, 'change');
  if (ratingText !== undefined && !/^[1-5]$/.test(ratingText.trim())) throw new UsageError(`--rating must be a whole number from 1 to 5, not "${ratingText}".`, CLOSE_USAGE);
  if (ratingText === undefined && valuable === undefined && change === undefined) return undefined;
  return { from, rating: ratingText === undefined ? undefined : Number(ratingText.trim()), valuable, change };
}

async function printSummary(io: Io, p: Parsed, path: string, now: Date): Promise<number> {
  for (const flag of ['outcome', 'from', 'rating', 'valuable', 'change', 'date', 'add-feedback'] as const) {
    if (p.values[flag] !== undefined) throw new UsageError(`--summary only prints: leave out --${flag}.`, CLOSE_USAGE);
  }
  const { result } = loadForEdit(io, path, now);
  if (!result.model) throw new Failure(`${display(io, path)} could not be read as a mentoring file.`);
  let model = result.model;
  // A key is looked for only when a value the summary shows is sealed: the final feedback, a rating.
  const shows = fieldValues(model).filter((fv) => isSealed(fv.value) && (fv.path[0] === 'closed' || fv.field === 'feedback.rating'));
  let opened = false;
  if (shows.length > 0) {
    const identities = optionalIdentities(io, str(p, 'identity'))?.identities ?? [];
    if (identities.length > 0) {
      const keys = new Set(shows.map((fv) => JSON.stringify(fv.path)));
      const r = await openModel(model, identities, {
        select: (fv) => keys.has(JSON.stringify(fv.path)),
        opened: (text, field) => (field === 'feedback.rating' && /^\s*[1-5]\s*$/.test(text) ? Number(text.trim()) : `🔒 ${text}`),
      });
      model = r.model;
      opened = r.fields.some((f) => f.opened && f.path[0] === 'closed' && f.field !== 'feedback.rating');
      const locked = r.fields.filter((f) => !f.opened).length;
      if (locked > 0) io.err(`${locked} sealed value${locked === 1 ? ' is' : 's are'} shown as sealed: your key does not open ${locked === 1 ? 'it' : 'them'}.\n`);
    } else io.err(`${shows.length} sealed value${shows.length === 1 ? ' is' : 's are'} shown as sealed (no key: --identity FILE opens what your key can read).\n`);
  }
  const shared = opened && io.stdoutFile !== undefined ? sharedFolderOf(io.stdoutFile, path) : undefined;
  if (shared !== undefined) io.err(`warning: this summary holds final feedback opened from sealed fields, and it is going to ${io.stdoutFile}, inside the repository at ${shared}: keep that file out of git.\n`);
  io.out(closingSummary(model));
  return 0;
}
