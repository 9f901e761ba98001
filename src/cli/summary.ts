/** `mentoring summary SESSION-ID`: the session's Markdown summary on stdout. */
import { sessionSummary } from '../core/summary';
import { onePositional, parseCommand, str } from './args';
import { loadForEdit, targetFile } from './files';
import { clock, Failure, type Io } from './io';

export const SUMMARY_USAGE = `Usage: mentoring summary SESSION-ID [--file PATH]

Prints the session's summary as Markdown.

  --file PATH              the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

export async function summary(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { file: { type: 'string' } }, SUMMARY_USAGE);
  if (p.help) return io.out(SUMMARY_USAGE + '\n'), 0;
  const id = onePositional(p, 'session id', SUMMARY_USAGE);
  const { result } = loadForEdit(io, targetFile(io, str(p, 'file')), clock(io.env));
  if (!result.model) throw new Failure('The file could not be read as a mentoring file.');
  let md: string;
  try {
    md = sessionSummary(result.model, id);
  } catch (err) {
    throw new Failure(err instanceof Error ? err.message : String(err));
  }
  io.out(md.endsWith('\n') ? md : md + '\n');
  return 0;
}
