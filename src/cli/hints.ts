/**
 * `mentoring hints [TEXT]` and `--jsonl`. In JSONL mode an input line that is not a JSON string
 * stops the run: the lines before it have their output, stderr names the bad line, exit 2 —
 * so output line N always belongs to input line N.
 */
import { escapeLine } from '../core/escape';
import { findHints, type Hint, type HintOptions } from '../core/hints/index';
import { resolve } from 'node:path';
import { parseCommand, str } from './args';
import { findMentoringFiles } from './find';
import { clock, Failure, UsageError, type Io } from './io';

export const HINTS_USAGE = `Usage: mentoring hints [TEXT] [--jsonl] [--file PATH]

Hints for a review comment: judgments, blame, minimizers, bare commands and the
like, each with a rewrite. TEXT, or stdin when no TEXT is given.

  --jsonl                  stdin holds one JSON string per line; prints one JSON array of
                           {rule,category,start,end,message,rewrites} per line, in order.
                           A line that is not a JSON string: error naming it, exit 2.
  --file PATH              apply the team's \`hints:\` block of this mentoring file
                           (default: the one mentoring file below this folder, if there is one)
  -h, --help               show this help`;

export async function hints(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { jsonl: { type: 'boolean' }, file: { type: 'string' } }, HINTS_USAGE);
  if (p.help) return io.out(HINTS_USAGE + '\n'), 0;
  const options = await teamOptions(io, str(p, 'file'));
  if (p.values.jsonl === true) {
    if (p.positionals.length > 0) throw new UsageError('--jsonl reads stdin; give no TEXT.', HINTS_USAGE);
    const input = await io.readStdin();
    const lines = input.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    let out = '';
    for (let i = 0; i < lines.length; i++) {
      const raw = (lines[i] as string).replace(/\r$/, '');
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      if (typeof value !== 'string') {
        io.out(out);
        io.err(`mentoring hints: stdin line ${i + 1}: expected a JSON string like "This is wrong.", got ${JSON.stringify(raw.slice(0, 60))}.\n`);
        return 2;
      }
      out += JSON.stringify(findHints(value, options).map(pick)) + '\n';
    }
    io.out(out);
    return 0;
  }
  const text = p.positionals.length > 0 ? p.positionals.join(' ') : await io.readStdin();
  const found = findHints(text, options);
  if (found.length === 0) {
    io.out('No hints.\n');
    return 0;
  }
  for (const h of found) {
    io.out(`"${escapeLine(text.slice(h.start, h.end))}" (${h.start}-${h.end}, ${h.category}/${h.rule}): ${escapeLine(h.message)}\n`);
    for (const r of h.rewrites) io.out(`  → ${r === '' ? '(delete it)' : escapeLine(r)}\n`);
  }
  return 0;
}

const pick = (h: Hint): Pick<Hint, 'rule' | 'category' | 'start' | 'end' | 'message' | 'rewrites'> => ({
  rule: h.rule,
  category: h.category,
  start: h.start,
  end: h.end,
  message: h.message,
  rewrites: h.rewrites,
});

/**
 * The team's `hints:` block (extra judgment words, disabled rules): from `--file`, else from the one
 * mentoring file below the current folder, as the editing commands find it. Without --file, a
 * missing, ambiguous or broken file never stops the hints: a note on stderr, and the defaults.
 * The parser (yaml, zod: a fifth of the start-up beyond Node itself) is loaded only when there is a file to read.
 */
export async function teamOptions(io: Io, file: string | undefined): Promise<HintOptions | undefined> {
  if (file === undefined) {
    const found = findMentoringFiles(io.cwd);
    if (found.length > 1) {
      io.err(`mentoring hints: ${found.length} mentoring files below this folder; give --file PATH to apply a team's \`hints:\` block.\n`);
    }
    if (found.length !== 1) return undefined;
    const { display, load } = await import('./files');
    const { result } = load(io, found[0] as string, clock(io.env));
    if (!result.model) {
      io.err(`mentoring hints: ${display(io, found[0] as string)} has errors, so its \`hints:\` block is not applied; run \`mentoring check\`.\n`);
      return undefined;
    }
    return result.model.hints;
  }
  const { load } = await import('./files');
  const { result } = load(io, resolve(io.cwd, file), clock(io.env));
  const block = result.model?.hints;
  if (block === undefined) {
    if (!result.model) throw new Failure(`${file} could not be read as a mentoring file; run \`mentoring check ${file}\`.`);
    return undefined;
  }
  return block;
}
