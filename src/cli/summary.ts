/** `mentoring summary SESSION-ID`: the session's Markdown summary on stdout (or `--out FILE`), sealed fields opened with your key. */
import { resolve } from 'node:path';
import { isSealed } from '../core/seal/armor';
import { fieldValues } from '../core/seal/fields';
import { openedSummary } from '../core/seal/summary';
import { onePositional, parseCommand, str } from './args';
import { realTarget, writeAtomicTo } from '../node/casWrite';
import { display, loadForEdit, targetFile } from './files';
import { clock, Failure, type Io } from './io';
import { optionalIdentities, sharedFolderOf } from './sealing';

export const SUMMARY_USAGE = `Usage: mentoring summary SESSION-ID [--identity FILE] [--out FILE] [--file PATH]

Prints the session's summary as Markdown. Sealed fields your key opens are
shown with a lock (🔒); the others say who can read them. Opened text going
into the repository (--out, or stdout redirected there) gets a warning.

  --identity FILE          your key file (default: MENTORING_IDENTITY, else
                           ~/.config/mentoring/keys.txt, when it exists)
  --out FILE               write the summary to FILE instead of stdout
  --file PATH              the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

export async function summary(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { file: { type: 'string' }, identity: { type: 'string' }, out: { type: 'string' } }, SUMMARY_USAGE);
  if (p.help) return io.out(SUMMARY_USAGE + '\n'), 0;
  const id = onePositional(p, 'session id', SUMMARY_USAGE);
  const path = targetFile(io, str(p, 'file'));
  const { result } = loadForEdit(io, path, clock(io.env));
  if (!result.model) throw new Failure('The file could not be read as a mentoring file.');
  const model = result.model;
  const i = model.sessions.findIndex((s) => s.id === id);
  // A key is looked for only when the session holds something sealed.
  const needsKey = fieldValues(model).some((fv) => fv.path[0] === 'sessions' && fv.path[1] === i && isSealed(fv.value));
  const identities = needsKey ? (optionalIdentities(io, str(p, 'identity'))?.identities ?? []) : [];
  let s: Awaited<ReturnType<typeof openedSummary>>;
  try {
    s = await openedSummary(model, id, identities);
  } catch (err) {
    throw new Failure(err instanceof Error ? err.message : String(err));
  }
  const outFlag = str(p, 'out');
  const target = outFlag !== undefined ? resolve(io.cwd, outFlag) : io.stdoutFile;
  const shared = s.opened.length > 0 && target !== undefined ? sharedFolderOf(target, path) : undefined;
  if (shared !== undefined) {
    io.err(`warning: this summary holds text opened from sealed fields, and it is going to ${target}, inside the repository at ${shared}: keep that file out of git (delete it, or add it to .gitignore), or write the summary outside the repository.\n`);
  }
  if (s.locked > 0) io.err(`${s.locked} sealed field${s.locked === 1 ? ' is' : 's are'} shown as sealed: your key does not open ${s.locked === 1 ? 'it' : 'them'}.\n`);
  if (outFlag !== undefined) {
    try {
      writeAtomicTo(realTarget(resolve(io.cwd, outFlag)), s.markdown);
    } catch (err) {
      throw new Failure(`Cannot write ${outFlag}: ${err instanceof Error ? err.message : String(err)}`);
    }
    io.err(`Wrote the summary of ${id} to ${display(io, resolve(io.cwd, outFlag))}.\n`);
  } else io.out(s.markdown);
  return 0;
}
