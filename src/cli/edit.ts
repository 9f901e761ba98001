/** `mentoring session …` and `mentoring task …`: the core's lossless edits on a file. */
import * as core from '../core/edit/index';
import type { EditResult } from '../core/edit/index';
import { escapeLine } from '../core/escape';
import { need, onePositional, parseCommand, role, str, strs, type OptionSpec, type Parsed } from './args';
import { display, loadForEdit, targetFile } from './files';
import { clock, Failure, UsageError, type Io } from './io';
import { sealForWrite } from './sealing';
import { editFile } from './write';

const FILE = '  --file PATH              the mentoring file (default: the one below this folder)\n  -h, --help               show this help';

export const SESSION_USAGE = `Usage: mentoring session plan|start|end|cancel … [--file PATH]

  mentoring session plan --at ISO-TIME [--topic T] [--agenda ITEM]...
  mentoring session start ID
  mentoring session end ID [--rating 1-5 --valuable T --change T --from mentor|mentee]
  mentoring session cancel ID --by mentor|mentee [--reason T]

Run \`mentoring session SUB --help\` for details.`;

export const TASK_USAGE = `Usage: mentoring task add|done|drop … [--file PATH]

  mentoring task add "TITLE" [--owner mentor|mentee] [--due YYYY-MM-DD] [--goal ID]
                             [--session ID] [--link PATH#L42]...
  mentoring task done ID
  mentoring task drop ID [--reason T]

Run \`mentoring task SUB --help\` for details.`;

interface Sub {
  usage: string;
  options: OptionSpec;
  run(p: Parsed, text: string, ctx: core.EditContext): EditResult;
  /** What to print on success, given the id. */
  done(id: string): string;
}

const SESSION: Record<string, Sub> = {
  plan: {
    usage: `Usage: mentoring session plan --at ISO-TIME [--topic T] [--agenda ITEM]... [--file PATH]

Plans a session (the topic counts as announced now) and prints its id.

  --at ISO-TIME            e.g. 2026-11-26T15:00+01:00
  --topic T                the topic
  --agenda ITEM            an agenda item (repeat for more)
${FILE}`,
    options: { at: { type: 'string' }, topic: { type: 'string' }, agenda: { type: 'string', multiple: true } },
    run(p, text, ctx) {
      if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals.join(' ')}.`, this.usage);
      return core.planSession(text, { at: need(p, 'at', this.usage), topic: str(p, 'topic'), agenda: strs(p, 'agenda') }, ctx);
    },
    done: (id) => `Planned session ${id}.`,
  },
  start: {
    usage: `Usage: mentoring session start ID [--file PATH]\n\nRecords that session ID started now.\n\n${FILE}`,
    options: {},
    run(p, text, ctx) {
      return core.startSession(text, { session: onePositional(p, 'session id', this.usage) }, ctx);
    },
    done: (id) => `Started session ${id}.`,
  },
  end: {
    usage: `Usage: mentoring session end ID [--rating 1-5] [--valuable T] [--change T] [--from mentor|mentee] [--file PATH]

Records that session ID was held and ended now, with feedback when any of
--rating, --valuable or --change is given (--from is then required).

  --rating N               1..5
  --valuable T             what was valuable
  --change T               what to change
  --from mentor|mentee     who gives the feedback
${FILE}`,
    options: { rating: { type: 'string' }, valuable: { type: 'string' }, change: { type: 'string' }, from: { type: 'string' } },
    run(p, text, ctx) {
      const id = onePositional(p, 'session id', this.usage);
      const ratingText = str(p, 'rating');
      const valuable = str(p, 'valuable');
      const change = str(p, 'change');
      const from = role(str(p, 'from'), 'from', this.usage);
      let rating: number | undefined;
      if (ratingText !== undefined) {
        rating = Number(ratingText);
        if (!/^[1-5]$/.test(ratingText.trim())) throw new UsageError(`--rating must be a whole number from 1 to 5, not "${ratingText}".`, this.usage);
      }
      const any = rating !== undefined || valuable !== undefined || change !== undefined;
      if (any && from === undefined) throw new UsageError('--from mentor|mentee is required with feedback.', this.usage);
      if (!any && from !== undefined) throw new UsageError('--from needs at least one of --rating, --valuable, --change.', this.usage);
      const feedback = from === undefined ? undefined : { from, rating, valuable, change };
      return core.endSession(text, { session: id, feedback }, ctx);
    },
    done: (id) => `Ended session ${id}.`,
  },
  cancel: {
    usage: `Usage: mentoring session cancel ID --by mentor|mentee [--reason T] [--file PATH]

Cancels session ID, recording when and by whom; warns when later than the
agreement's cancellationNotice.

  --by mentor|mentee       who cancels
  --reason T               why
${FILE}`,
    options: { by: { type: 'string' }, reason: { type: 'string' } },
    run(p, text, ctx) {
      const id = onePositional(p, 'session id', this.usage);
      const by = role(need(p, 'by', this.usage), 'by', this.usage) as 'mentor' | 'mentee';
      return core.cancelSession(text, { session: id, by, reason: str(p, 'reason') }, ctx);
    },
    done: (id) => `Cancelled session ${id}.`,
  },
};

const TASK: Record<string, Sub> = {
  add: {
    usage: `Usage: mentoring task add "TITLE" [options] [--file PATH]

Adds an open task and prints its id.

  --owner mentor|mentee    who does it (default mentee)
  --due YYYY-MM-DD         due date
  --goal ID                the goal it serves
  --session ID             the session it came from
  --link PATH#L42          a code link (repeat for more)
${FILE}`,
    options: {
      owner: { type: 'string' },
      due: { type: 'string' },
      goal: { type: 'string' },
      session: { type: 'string' },
      link: { type: 'string', multiple: true },
    },
    run(p, text, ctx) {
      const title = onePositional(p, 'title (quote it)', this.usage);
      const owner = role(str(p, 'owner'), 'owner', this.usage);
      return core.addTask(text, { title, owner, due: str(p, 'due'), goal: str(p, 'goal'), session: str(p, 'session'), links: strs(p, 'link') }, ctx);
    },
    done: (id) => `Added task ${id}.`,
  },
  done: {
    usage: `Usage: mentoring task done ID [--file PATH]\n\nMarks task ID done.\n\n${FILE}`,
    options: {},
    run(p, text, ctx) {
      return core.completeTask(text, { task: onePositional(p, 'task id', this.usage) }, ctx);
    },
    done: (id) => `Task ${id} is done.`,
  },
  drop: {
    usage: `Usage: mentoring task drop ID [--reason T] [--file PATH]\n\nDrops task ID.\n\n  --reason T               why\n${FILE}`,
    options: { reason: { type: 'string' } },
    run(p, text, ctx) {
      return core.dropTask(text, { task: onePositional(p, 'task id', this.usage), reason: str(p, 'reason') }, ctx);
    },
    done: (id) => `Dropped task ${id}.`,
  },
};

export const session = (argv: string[], io: Io): Promise<number> => group(SESSION, SESSION_USAGE, 'session', argv, io);
export const task = (argv: string[], io: Io): Promise<number> => group(TASK, TASK_USAGE, 'task', argv, io);

async function group(subs: Record<string, Sub>, usage: string, name: string, argv: string[], io: Io): Promise<number> {
  const [subName, ...rest] = argv;
  if (subName === undefined) throw new UsageError(`Missing ${name} command.`, usage);
  if (subName === '-h' || subName === '--help') return io.out(usage + '\n'), 0;
  const sub = Object.hasOwn(subs, subName) ? subs[subName] : undefined;
  if (sub === undefined) throw new UsageError(`Unknown ${name} command "${subName}".`, usage);
  const p = parseCommand(rest, { ...sub.options, file: { type: 'string' } }, sub.usage);
  if (p.help) return io.out(sub.usage + '\n'), 0;
  const now = clock(io.env);
  const path = targetFile(io, str(p, 'file'));
  // Read, edit, seal and write as one compare-and-swap: run again on the new text when the file
  // changed meanwhile, so a concurrent command's change is kept (src/cli/write.ts).
  const { result, sealed } = await editFile(io, path, async () => {
    const { text } = loadForEdit(io, path, now);
    const result = sub.run(p, text, { now });
    if (!result.ok) throw new Failure(`${display(io, path)}: ${result.message}`);
    // Confidential fields the edit wrote (feedback, notes…) are sealed before anything reaches the disk.
    const sealed = await sealForWrite(io, path, text, result.text, now);
    return { text: sealed.text, value: { result, sealed: sealed.lines } };
  });
  for (const w of result.warnings) io.err(`warning: ${escapeLine(w)}\n`);
  for (const line of sealed) io.err(`${line}\n`);
  io.out(`${escapeLine(sub.done(result.id ?? ''))}  (${escapeLine(display(io, path))})\n`);
  return 0;
}
