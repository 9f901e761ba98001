/** `mentoring init`: writes the commented starter file; never overwrites. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { initFile } from '../core/init';
import { MENTORING_FILE } from '../core/files';
import { parseCommand, str } from './args';
import { display, reason } from './files';
import { clock, Failure, UsageError, type Io } from './io';

export const INIT_USAGE = `Usage: mentoring init --mentor NAME --mentee NAME [--file PATH]

Writes a commented starter agreement (default: ./.mentoring.yaml). Asks for the
names on a terminal when the flags are missing; refuses to overwrite a file.

  --mentor NAME            the mentor's name
  --mentee NAME            the mentee's name
  --file PATH              where to write (default .mentoring.yaml)
  -h, --help               show this help`;

export async function init(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { mentor: { type: 'string' }, mentee: { type: 'string' }, file: { type: 'string' } }, INIT_USAGE);
  if (p.help) return io.out(INIT_USAGE + '\n'), 0;
  if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals.join(' ')}.`, INIT_USAGE);
  let mentor = str(p, 'mentor')?.trim();
  let mentee = str(p, 'mentee')?.trim();
  if ((!mentor || !mentee) && io.interactive) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    // The line iterator buffers lines typed (or pasted) ahead of a prompt; rl.question drops them.
    const lines = rl[Symbol.asyncIterator]();
    const ask = async (prompt: string): Promise<string> => {
      rl.setPrompt(prompt);
      rl.prompt();
      const next = await lines.next();
      if (next.done === true) throw new Failure('Cancelled; nothing was written.');
      return String(next.value).trim();
    };
    try {
      while (!mentor) mentor = await ask("Mentor's name: ");
      while (!mentee) mentee = await ask("Mentee's name: ");
    } finally {
      rl.close();
    }
  }
  if (!mentor) throw new UsageError('--mentor NAME is required (no terminal to ask on).', INIT_USAGE);
  if (!mentee) throw new UsageError('--mentee NAME is required (no terminal to ask on).', INIT_USAGE);
  const path = resolve(io.cwd, str(p, 'file') ?? MENTORING_FILE);
  const text = initFile({ mentor, mentee }, clock(io.env));
  try {
    writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') throw new Failure(`${display(io, path)} already exists; nothing was written. Choose another --file or edit it.`);
    throw new Failure(`Cannot write ${display(io, path)}: ${reason(err)}`);
  }
  io.out(`Wrote ${display(io, path)}. Edit the goals, then commit it.\nRun \`mentoring merge-driver install\` so git merges this file by id.\n`);
  return 0;
}
