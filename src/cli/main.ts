/** The `mentoring` command line: the core's checks and lossless edits for terminals, hooks and CI. */
import { fstatSync, readlinkSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { escapeBlock, escapeLine } from '../core/escape';
import { Failure, UsageError, type Io } from './io';

const USAGE = `Usage: mentoring COMMAND [options]   (mentoring COMMAND --help for more)

  check [FILE...]                         check mentoring files (exit 1 on errors)
  init --mentor NAME --mentee NAME        write a commented starter file
  session plan|start|end|cancel           plan and log sessions
  task add|done|drop                      track tasks
  summary SESSION-ID                      a session's summary as Markdown
  agenda suggest [SESSION-ID]             broken rules as questions for the next session
  agreement accept|status [FILE]          accept the agreement (again), who accepted it
  agenda questions|add-question           questions that fit the next session's moment
  close [FILE] --outcome G=achieved:WHY   close the mentorship (--summary: the closing summary)
  calendar [FILE] [--out FILE.ics]        planned and cancelled sessions as iCalendar
  hints [TEXT] [--jsonl]                  hints for a review comment
  review FILE...                          hints for review Markdown files, at their lines
  key generate|show|add                   your age key; a public key into the agreement
  note add|show SESSION-ID                a session's shared notes (sealed with keys)
  reseal                                  seal every sealed field again to the current readers
  merge-driver install                    let git merge mentoring files by id
  report [PATH|REPO...]                   counts per pair across files and git repositories

Environment: MENTORING_NOW=ISO-TIME fixes the clock (for scripts and tests);
MENTORING_IDENTITY=FILE is your age key file (default ~/.config/mentoring/keys.txt).`;

type Command = (argv: string[], io: Io) => Promise<number>;

// Loaded on demand: esbuild defers each module's evaluation to its first import, so `hints`
// never pays for yaml and zod, and `--help` for neither.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check')).check,
  init: async () => (await import('./init')).init,
  session: async () => (await import('./edit')).session,
  task: async () => (await import('./edit')).task,
  summary: async () => (await import('./summary')).summary,
  hints: async () => (regexpsCompiledAtOnce(), (await import('./hints')).hints),
  review: async () => (regexpsCompiledAtOnce(), (await import('./review')).review),
  agenda: async () => (await import('./agenda')).agenda,
  agreement: async () => (await import('./agreement')).agreement,
  close: async () => (await import('./close')).close,
  calendar: async () => (await import('./calendar')).calendar,
  key: async () => (await import('./key')).key,
  note: async () => (await import('./note')).note,
  reseal: async () => (await import('./reseal')).reseal,
  'merge-driver': async () => (await import('./mergeDriver')).mergeDriver,
  report: async () => (await import('./report')).report,
};

/**
 * For the commands that run the hint engine over many comments: V8 compiles each regex straight
 * to machine code instead of first to bytecode (which it interprets once, then compiles again).
 * The engine's rule patterns run on every comment that has their words, so the bytecode was
 * thrown away at once: about 8 % of `mentoring hints --jsonl` over 9,825 comments (`npm run
 * bench -- hints`). Matching is the same either way; only how V8 gets there differs.
 */
function regexpsCompiledAtOnce(): void {
  setFlagsFromString('--no-regexp-tier-up');
}

/** The entry of `report`'s worker threads: they load this bundle and call it (src/cli/reportWorker.ts). */
export async function reportWorkerMain(): Promise<void> {
  (await import('./reportWorker')).runReportWorker();
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) throw new UsageError('Missing command.', USAGE);
    if (name === '-h' || name === '--help' || name === 'help') return io.out(USAGE + '\n'), 0;
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (load === undefined) throw new UsageError(`Unknown command "${name}".`, USAGE);
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`mentoring: ${err.message}\n${err.usage ? `\n${err.usage}\n` : ''}`);
      return 2;
    }
    if (err instanceof Failure) {
      io.err(`mentoring: ${escapeLine(err.message)}\n`);
      return 1;
    }
    io.err(`mentoring: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

/** Where stdout goes when it is a regular file (Linux tells through /proc; elsewhere nothing is known). */
function stdoutFile(): { stdoutFile?: string } {
  try {
    if (process.platform !== 'linux' || !fstatSync(1).isFile()) return {};
    return { stdoutFile: readlinkSync('/proc/self/fd/1') };
  } catch {
    return {};
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolveText, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolveText(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

if (require.main === module) {
  // `mentoring check | head` closes the pipe early: stop quietly rather than crash on EPIPE.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    // Whatever a printer missed, no escape sequence, carriage return or bidi control from a
    // file reaches the terminal (core/escape.ts); one-line printers also escape line breaks.
    out: (t) => void process.stdout.write(escapeBlock(t)),
    err: (t) => void process.stderr.write(escapeBlock(t)),
    readStdin,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    ...stdoutFile(),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
