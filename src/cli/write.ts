/**
 * The CLI's one way to change a mentoring file: read, edit and write as a compare-and-swap under
 * the file's lock (`src/node/casWrite.ts`), so concurrent commands and an editor saving meanwhile
 * lose nothing. A symbolic link is followed to its target when the target stays inside the link's
 * trust root (`trustRoot` in files.ts).
 */
import { casWrite, KeptChanging, OutsideRoot } from '../node/casWrite';
import { LockBusy } from '../node/fileLock';
import { display, reason, trustRoot } from './files';
import { Failure, type Io } from './io';

/**
 * Runs `compute` (it loads the file, edits, seals; it may run again when the file changed
 * meanwhile) and writes its text. Lock, link and write failures become a `Failure` in words.
 */
export async function editFile<T>(io: Io, path: string, compute: () => Promise<{ text: string | undefined; value: T }>): Promise<T> {
  try {
    const r = await casWrite(path, compute, { root: trustRoot(io, path) });
    return r.value;
  } catch (err) {
    if (err instanceof OutsideRoot || err instanceof KeptChanging || err instanceof LockBusy) throw new Failure(`${display(io, path)}: ${err.message}`);
    // The OS refused the lock, the temp file or the rename (a read-only folder, a full disk).
    if (typeof (err as { code?: unknown }).code === 'string') throw new Failure(`Cannot write ${display(io, path)}: ${reason(err)}`);
    throw err; // the command's own Failure or UsageError, or a bug: main() words each
  }
}
