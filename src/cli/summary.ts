/** `mentoring summary SESSION-ID`: the session's Markdown summary on stdout, sealed fields opened with your key. */
import { isSealed } from '../core/seal/armor';
import { fieldValues, type FieldValue } from '../core/seal/fields';
import { openModel } from '../core/seal/read';
import type { MentoringFile } from '../core/schema';
import { sessionSummary } from '../core/summary';
import { onePositional, parseCommand, str } from './args';
import { loadForEdit, targetFile } from './files';
import { clock, Failure, type Io } from './io';
import { optionalIdentities, repositoryOf } from './sealing';

export const SUMMARY_USAGE = `Usage: mentoring summary SESSION-ID [--identity FILE] [--file PATH]

Prints the session's summary as Markdown. Sealed fields your key opens are
shown with a lock (🔒); the others say who can read them.

  --identity FILE          your key file (default: MENTORING_IDENTITY, else
                           ~/.config/mentoring/keys.txt, when it exists)
  --file PATH              the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

export async function summary(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { file: { type: 'string' }, identity: { type: 'string' } }, SUMMARY_USAGE);
  if (p.help) return io.out(SUMMARY_USAGE + '\n'), 0;
  const id = onePositional(p, 'session id', SUMMARY_USAGE);
  const { result } = loadForEdit(io, targetFile(io, str(p, 'file')), clock(io.env));
  if (!result.model) throw new Failure('The file could not be read as a mentoring file.');
  const { model, opened, locked } = await openSession(io, result.model, id, str(p, 'identity'));
  let md: string;
  try {
    md = sessionSummary(model, id);
  } catch (err) {
    throw new Failure(err instanceof Error ? err.message : String(err));
  }
  md = md.endsWith('\n') ? md : md + '\n';
  if (opened.size > 0) md += `\n_🔒 ${[...opened].join('; ')}: sealed in the file, shown opened with your key. Keep this summary out of the repository._\n`;
  const repo = opened.size > 0 && io.stdoutFile !== undefined ? repositoryOf(io.stdoutFile) : undefined;
  if (repo !== undefined) {
    io.err(`warning: this summary holds text opened from sealed fields, and it is going to ${io.stdoutFile}, inside the repository at ${repo}: keep that file out of git (delete it, or add it to .gitignore), or write the summary outside the repository.\n`);
  }
  if (locked > 0) io.err(`${locked} sealed field${locked === 1 ? ' is' : 's are'} shown as sealed: your key does not open ${locked === 1 ? 'it' : 'them'}.\n`);
  io.out(md);
  return 0;
}

/**
 * The model with the session's sealed fields replaced for reading: opened text marked with a
 * lock, or a line saying who can read it. Only that session's fields are opened.
 */
async function openSession(io: Io, model: MentoringFile, id: string, identityFlag: string | undefined): Promise<{ model: MentoringFile; opened: Set<string>; locked: number }> {
  const i = model.sessions.findIndex((s) => s.id === id);
  const select = (fv: FieldValue): boolean => fv.path[0] === 'sessions' && fv.path[1] === i;
  const opened = new Set<string>();
  if (i < 0 || !fieldValues(model).some((fv) => select(fv) && isSealed(fv.value))) return { model, opened, locked: 0 };
  const identities = optionalIdentities(io, identityFlag)?.identities ?? [];
  const r = await openModel(model, identities, {
    select,
    opened: (text, field) => (field === 'feedback.rating' && /^\s*[1-5]\s*$/.test(text) ? Number(text.trim()) : `🔒 ${text}`),
    locked: (readers) => `🔒 sealed — readable by ${readers}`,
  });
  for (const f of r.fields) if (f.opened) opened.add(`readable by ${f.readers}`);
  return { model: r.model, opened, locked: r.fields.filter((f) => !f.opened).length };
}
