/** `mentoring init`: writes the commented starter file; never overwrites. */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { initFile } from '../core/init';
import { MENTORING_FILE } from '../core/files';
import { parseCommand, str } from './args';
import { display, reason } from './files';
import { clock, Failure, UsageError, type Io } from './io';
import { gitTopLevel, installMergeDriver, mergeDriverInstalled } from './mergeDriver';

export const INIT_USAGE = `Usage: mentoring init --mentor NAME --mentee NAME [--file PATH] [--merge-driver]

Writes a commented starter agreement (default: ./.mentoring.yaml). Asks for the
names on a terminal when the flags are missing; refuses to overwrite a file.
In a git repository it offers the merge driver (mentoring merge-driver install)
on a terminal.

  --mentor NAME            the mentor's name
  --mentee NAME            the mentee's name
  --file PATH              where to write (default .mentoring.yaml)
  --merge-driver           install the merge driver without asking (in a git repository)
  -h, --help               show this help`;

export async function init(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { mentor: { type: 'string' }, mentee: { type: 'string' }, file: { type: 'string' }, 'merge-driver': { type: 'boolean' } }, INIT_USAGE);
  if (p.help) return io.out(INIT_USAGE + '\n'), 0;
  if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals.join(' ')}.`, INIT_USAGE);
  let mentor = str(p, 'mentor')?.trim();
  let mentee = str(p, 'mentee')?.trim();
  const terminal = io.interactive ? prompter() : undefined;
  try {
    if (!mentor || !mentee) {
      while (terminal && !mentor) mentor = await terminal.ask("Mentor's name: ");
      while (terminal && !mentee) mentee = await terminal.ask("Mentee's name: ");
    }
    if (!mentor) throw new UsageError('--mentor NAME is required (no terminal to ask on).', INIT_USAGE);
    if (!mentee) throw new UsageError('--mentee NAME is required (no terminal to ask on).', INIT_USAGE);
    const path = write(io, mentor, mentee, str(p, 'file'));
    io.out(`Wrote ${display(io, path)}. Edit the goals, then commit it.\n`);
    await offerMergeDriver(io, path, p.values['merge-driver'] === true, terminal);
  } finally {
    terminal?.close();
  }
  return 0;
}

/** Questions on the terminal; the line iterator keeps lines typed (or pasted) ahead of a prompt, which rl.question drops. */
function prompter(): { ask(prompt: string): Promise<string>; close(): void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const lines = rl[Symbol.asyncIterator]();
  return {
    ask: async (prompt) => {
      rl.setPrompt(prompt);
      rl.prompt();
      const next = await lines.next();
      if (next.done === true) throw new Failure('Cancelled; nothing was written.');
      return String(next.value).trim();
    },
    close: () => rl.close(),
  };
}

/**
 * In a git repository, the merge driver: installed with --merge-driver, offered on a terminal,
 * else the tip. Outside a repository the tip alone (no git to ask).
 */
async function offerMergeDriver(io: Io, path: string, install: boolean, terminal: ReturnType<typeof prompter> | undefined): Promise<void> {
  const folder = dirname(path);
  const tip = 'Run `mentoring merge-driver install` so git merges this file by id.\n';
  if (gitTopLevel(folder) === undefined) return io.out(tip);
  if (mergeDriverInstalled(folder)) return;
  let yes = install;
  if (!yes && terminal) {
    let answer: string;
    try {
      answer = await terminal.ask('Let git merge mentoring files by id (mentoring merge-driver install)? [Y/n] ');
    } catch {
      answer = 'n'; // Ctrl+D: the file is written, the driver is not installed
    }
    yes = /^(y|yes|)$/i.test(answer);
  }
  if (yes) io.out(installMergeDriver(folder));
  else io.out(tip);
}

function write(io: Io, mentor: string, mentee: string, file: string | undefined): string {
  const path = resolve(io.cwd, file ?? MENTORING_FILE);
  const text = initFile({ mentor, mentee }, clock(io.env));
  try {
    writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') throw new Failure(`${display(io, path)} already exists; nothing was written. Choose another --file or edit it.`);
    throw new Failure(`Cannot write ${display(io, path)}: ${reason(err)}`);
  }
  return path;
}
