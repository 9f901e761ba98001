/** `mentoring summary SESSION-ID`: the session's Markdown summary on stdout, sealed fields opened with your key. */
import { isSealed } from '../core/seal/armor';
import { fieldValues } from '../core/seal/fields';
import { readField } from '../core/seal/write';
import type { MentoringFile, Session } from '../core/schema';
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
  const session = model.sessions[i];
  const opened = new Set<string>();
  if (!session) return { model, opened, locked: 0 };
  const sealed = fieldValues(model).filter((fv) => fv.path[0] === 'sessions' && fv.path[1] === i && isSealed(fv.value));
  if (sealed.length === 0) return { model, opened, locked: 0 };
  const identities = optionalIdentities(io, identityFlag)?.identities ?? [];
  // Deep copies: the parsed model is frozen and shared.
  const copy = JSON.parse(JSON.stringify(session)) as Session;
  let locked = 0;
  for (const fv of sealed) {
    const read = await readField(model, fv, identities);
    if (!read.sealed) continue;
    let shown: string | number;
    if (read.opened) {
      opened.add(`readable by ${read.readers}`);
      shown = fv.field === 'feedback.rating' && /^[1-5]$/.test(read.text.trim()) ? Number(read.text.trim()) : `🔒 ${read.text}`;
    } else {
      locked++;
      shown = `🔒 sealed — readable by ${read.readers}`;
    }
    setAt(copy, fv.path.slice(2), shown);
  }
  const sessions = model.sessions.slice();
  sessions[i] = copy;
  return { model: { ...model, sessions }, opened, locked };
}

function setAt(target: unknown, path: readonly (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}
