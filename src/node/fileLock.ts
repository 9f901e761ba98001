/**
 * The advisory lock every writer of a mentoring file takes (the CLI, the desktop editor, private
 * notes): a file `NAME.lock` next to the file, created with O_EXCL, holding who took it. Node only
 * (the core stays pure; the web extension has no lock and relies on the compare-and-swap of
 * `casWrite.ts` and VS Code's own save check).
 *
 * A lock whose holder died (same host, pid gone) or that is older than `staleMs` is broken, so a
 * crash never blocks a file for good. Breaking is a rename to a unique name followed by a check
 * that the renamed file is the stale one read before: two processes breaking the same stale lock
 * at once cannot remove a fresh lock a third one just took (the loser puts it back).
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface LockInfo {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  time: string;
  /** Unique per acquisition: a holder releases only its own lock. */
  nonce: string;
}

export interface LockOptions {
  /** A lock older than this is broken even when its holder seems alive (pid reuse, a hung process). Default 30 s. */
  staleMs?: number;
  /**
   * How long to wait for one live holder before giving up. Default 10 s. The clock restarts when
   * the lock changes hands: twenty writers in a queue each wait for the one ahead, not for the
   * whole queue, so a slow machine only makes the queue slower, never a writer fail.
   */
  timeoutMs?: number;
  /** The bound on the whole wait however the lock changes hands. Default 6 × `timeoutMs`. */
  maxWaitMs?: number;
}

export interface Lock {
  readonly path: string;
  readonly info: LockInfo;
  /** Milliseconds spent waiting for other holders. */
  readonly waitedMs: number;
  /** True while the lock file is still ours (nobody broke it as stale). */
  holds(): boolean;
  /** Removes the lock file when it is still ours; safe to call twice. */
  release(): void;
}

/** The lock could not be taken in time: who holds it, and what to do. */
export class LockBusy extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo | undefined,
  ) {
    const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.time}` : 'another process';
    super(`${lockPath} is held by ${who}. If no mentoring command or editor is writing this file, delete ${basename(lockPath)} and try again.`);
  }
}

export const STALE_MS = 30_000;
export const TIMEOUT_MS = 10_000;

/** The lock file of `file` (the real file: callers resolve links first, so every path to a file shares one lock). */
export function lockPathOf(file: string): string {
  return join(dirname(file), `${basename(file)}.lock`);
}

export async function acquireLock(file: string, options: LockOptions = {}): Promise<Lock> {
  const staleMs = options.staleMs ?? STALE_MS;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const maxWaitMs = options.maxWaitMs ?? 6 * timeoutMs;
  const path = lockPathOf(file);
  const started = Date.now();
  // The holder we are waiting for (its nonce, or the raw text of a half-written lock) and since when.
  let holder: string | undefined;
  let since = started;
  for (let round = 0; ; round++) {
    const info: LockInfo = { pid: process.pid, host: hostname(), time: new Date().toISOString(), nonce: randomBytes(8).toString('hex') };
    if (tryCreate(path, info)) return held(path, info, Date.now() - started);
    const seen = readLock(path);
    if (seen === 'gone') continue; // released between our open and our read
    if (isStale(seen, staleMs)) {
      breakStale(path, seen);
      continue;
    }
    const now = Date.now();
    const who = seen.info?.nonce ?? seen.text;
    if (who !== holder) {
      holder = who;
      since = now;
    }
    if (now - since >= timeoutMs || now - started >= maxWaitMs) throw new LockBusy(path, seen.info);
    // Holders keep the lock for milliseconds (a parse, an edit, a rename): poll briefly, with
    // jitter so twenty waiters do not wake in step.
    await sleep(Math.min(2 + round * 2, 25) + Math.random() * 5);
  }
}

/** Runs `fn` holding the lock of `file`; the lock is released however `fn` ends. */
export async function withLock<T>(file: string, fn: (lock: Lock) => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const lock = await acquireLock(file, options);
  try {
    return await fn(lock);
  } finally {
    lock.release();
  }
}

function tryCreate(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(info) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

type Seen = 'gone' | { text: string; info: LockInfo | undefined; mtimeMs: number };

function readLock(path: string): Seen {
  try {
    const mtimeMs = statSync(path).mtimeMs;
    const text = readFileSync(path, 'utf8');
    return { text, info: parseInfo(text), mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
}

function parseInfo(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.time === 'string' && typeof v.nonce === 'string') {
      return { pid: v.pid, host: v.host, time: v.time, nonce: v.nonce };
    }
  } catch {
    /* half written (the holder is between open and write) or not ours */
  }
  return undefined;
}

function isStale(seen: Exclude<Seen, 'gone'>, staleMs: number): boolean {
  const info = seen.info;
  // Unreadable content ages by the file's time; readable content by the time it says.
  const taken = info ? Date.parse(info.time) : seen.mtimeMs;
  if (!Number.isFinite(taken) || Date.now() - taken > staleMs) return true;
  return info !== undefined && info.host === hostname() && !alive(info.pid);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // it exists, it is someone else's
  }
}

function breakStale(path: string, seen: Exclude<Seen, 'gone'>): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it first
    throw err;
  }
  let moved: string | undefined;
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    moved = undefined;
  }
  if (moved !== seen.text) {
    // We moved a lock taken after the stale one was broken by another process: put it back
    // (link fails when yet another lock exists, and then that one stands).
    try {
      linkSync(aside, path);
    } catch {
      /* a newer lock stands; the holder we displaced sees holds() false before it writes */
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    /* already gone */
  }
}

function held(path: string, info: LockInfo, waitedMs: number): Lock {
  let released = false;
  const mine = (): boolean => {
    try {
      return parseInfo(readFileSync(path, 'utf8'))?.nonce === info.nonce;
    } catch {
      return false;
    }
  };
  return {
    path,
    info,
    waitedMs,
    holds: () => !released && mine(),
    release() {
      if (released) return;
      released = true;
      if (!mine()) return;
      try {
        unlinkSync(path);
      } catch {
        /* already gone */
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
