/**
 * Writing a file without losing anyone's change: under the lock of `fileLock.ts`, remember the
 * bytes read, compute the new text, and rename it into place only when the file still holds those
 * bytes; otherwise compute again from what is there now (a writer that takes no lock — an editor
 * saving, `git checkout` — changed it meanwhile). Writers that take the lock wait for each other, so
 * twenty concurrent CLI edits keep twenty changes.
 *
 * A symbolic link is followed: the link stays, its target is written (a temp file next to the
 * target, renamed onto it, the target's mode kept). A link whose target lies outside `root` is
 * refused (`OutsideRoot`): a cloned repository must not make us read or write elsewhere.
 */
import { chmodSync, lstatSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { withLock, type LockOptions } from './fileLock';
import { isWithin } from './within';

/** A symbolic link (or a link on the way) that leads outside the folder it may lead to. */
export class OutsideRoot extends Error {
  constructor(
    readonly link: string,
    readonly target: string,
    readonly root: string,
  ) {
    super(`${link} is a symbolic link to ${target}, outside ${root}; it is not followed. Replace the link with the file, or point it inside ${root}.`);
  }
}

/** The file changed on every attempt (a writer without the lock keeps writing). */
export class KeptChanging extends Error {}

export { isWithin };

/**
 * The real file behind `path`: `path` itself when neither it nor a folder on its way is a link
 * (or it does not exist yet), else its real path, which must lie within `root` when one is given.
 */
export function realTarget(path: string, root?: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return path; // not there yet (or unreadable): written, or reported, as named
  }
  if (root !== undefined) {
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      realRoot = root;
    }
    // Only a link leaves the root: a path named outside the root by hand is the user's choice.
    if (!isWithin(real, realRoot) && isLinkOnTheWay(path, root)) throw new OutsideRoot(path, real, root);
  }
  return real;
}

/** True when `path` itself, or a folder between `root` and it, is a symbolic link. */
function isLinkOnTheWay(path: string, root: string): boolean {
  try {
    if (lstatSync(path).isSymbolicLink()) return true;
  } catch {
    return false;
  }
  if (!isWithin(path, root)) return false;
  for (let dir = dirname(path); isWithin(dir, root) && dir !== root; dir = dirname(dir)) {
    try {
      if (lstatSync(dir).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** Writes `text` onto the real file `target` via a temp file beside it and a rename, keeping its mode. */
export function writeAtomicTo(target: string, text: string): void {
  let mode: number | undefined;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', mode: mode ?? 0o644 });
    // The umask narrowed the mode at creation; the file's own mode is what it keeps.
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw err;
  }
}

export interface CasOptions extends LockOptions {
  /** Computations before giving up when the file changes under every one. Default 5. */
  attempts?: number;
  /** The folder a link may lead into (see `realTarget`). */
  root?: string;
}

export interface CasResult<T> {
  value: T;
  /** Whether the file was written (`text` undefined means nothing to write). */
  written: boolean;
  /** Computations thrown away because the file changed meanwhile. */
  retries: number;
  /** Milliseconds spent waiting for the lock. */
  waitedMs: number;
}

/**
 * Runs `compute` (which reads the file itself, through `path`) and writes its text, as a
 * compare-and-swap under the lock. `compute` may run more than once; it must not have side
 * effects beyond its result.
 */
export async function casWrite<T>(
  path: string,
  compute: () => Promise<{ text: string | undefined; value: T }> | { text: string | undefined; value: T },
  options: CasOptions = {},
): Promise<CasResult<T>> {
  const target = realTarget(path, options.root);
  const attempts = options.attempts ?? 5;
  return withLock(
    target,
    async (lock) => {
      for (let attempt = 0; attempt < attempts; attempt++) {
        const before = readBytes(target);
        const { text, value } = await compute();
        if (text === undefined) return { value, written: false, retries: attempt, waitedMs: lock.waitedMs };
        if (!sameBytes(before, readBytes(target))) continue;
        // Broken as stale while we computed (we took over 30 s): another writer may be in; start over.
        if (!lock.holds()) throw new KeptChanging(`The lock on ${path} was taken over while this edit was computed; nothing was written. Try again.`);
        writeAtomicTo(target, text);
        return { value, written: true, retries: attempt, waitedMs: lock.waitedMs };
      }
      throw new KeptChanging(`${path} changed on disk during each of ${attempts} attempts to edit it (another program keeps writing it); nothing was written. Try again.`);
    },
    options,
  );
}

function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.equals(b);
}
