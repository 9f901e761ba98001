/**
 * A git repository's mentoring files, for `mentoring report`: a shallow (`--depth 1`),
 * blob-filtered (`--filter=blob:none`), sparse clone that checks out only the paths of
 * `core/files.ts`, kept in a cache outside any workspace (`$XDG_CACHE_HOME/mentoring/repos/<hash of
 * the URL>`) and refreshed (fetch + reset) on the next run. The real `git`, with argument arrays
 * (never a shell), no terminal prompt, the `ext::` transport refused, every call bounded in time.
 * What the clone holds is untrusted: `report` reads it through `find.ts` (links leaving the clone
 * are not followed) and `readFile.ts` (bounded, regular files only). Two reports at once (a cron job
 * and a person) take turns on one cache entry under the writers' lock (`src/node/fileLock.ts`):
 * without it, one run's refresh or clean-up ran under the other's read.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MENTORING_PATTERNS } from '../core/files';
import { LockBusy, acquireLock } from '../node/fileLock';

/** The sparse-checkout patterns (gitignore syntax, no-cone mode): each pattern at the root and at any depth. */
export const SPARSE_PATTERNS: readonly string[] = MENTORING_PATTERNS.flatMap((p) => {
  const rest = p.replace(/^\*\*\//, '');
  return [`/${rest}`, `**/${rest}`];
});

/** A URL git can fetch (`https://`, `ssh://`, `file://`, …, or scp-like `user@host:path`) rather than a local path. */
export function isGitUrl(arg: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return true;
  // scp-like: a colon before any slash, and something before it (git's own rule, url.c).
  const colon = arg.indexOf(':');
  const slash = arg.indexOf('/');
  return colon > 0 && (slash < 0 || colon < slash) && !existsSync(arg);
}

/** A local folder that is a bare repository (no working tree to read: it is cloned like a URL). */
export function isBareRepository(path: string): boolean {
  try {
    return statSync(join(path, 'HEAD')).isFile() && statSync(join(path, 'objects')).isDirectory() && statSync(join(path, 'refs')).isDirectory();
  } catch {
    return false;
  }
}

/** The cache of cloned repositories: `$XDG_CACHE_HOME/mentoring/repos`, else `~/.cache/mentoring/repos`. */
export function cacheRoot(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(env.HOME ?? homedir(), '.cache');
  return join(resolve(base), 'mentoring', 'repos');
}

export interface Fetched {
  /** The clone's working tree: only the mentoring files are checked out. */
  dir: string;
  /** Set when the refresh failed and the last copy was used. */
  stale?: string;
  /** Ends this run's hold on the copy (taken by `fetchRepo`); call it once its files are read. */
  release(): void;
}

export class RepoFailure extends Error {}

export interface FetchOptions {
  env: NodeJS.ProcessEnv;
  /** Per git call; default 120 s. */
  timeoutMs?: number;
}

/** What `url` is fetched from, and its folder in the cache: two spellings of one repository share it. */
export function cacheEntry(url: string, env: NodeJS.ProcessEnv): { source: string; dir: string } {
  // A local bare repository by path: git ignores --depth for local paths, but not for file://.
  const source = !isGitUrl(url) ? pathToFileURL(resolve(url)).href : url;
  return { source, dir: join(cacheRoot(env), createHash('sha256').update(source).digest('hex').slice(0, 24)) };
}

/** The mentoring files of `url` in the cache: cloned on the first run, fetched and reset after. */
export async function fetchRepo(url: string, options: FetchOptions): Promise<Fetched> {
  const { source, dir } = cacheEntry(url, options.env);
  if (source.startsWith('-')) throw new RepoFailure(`"${url}" is not a repository URL.`);
  mkdirSync(join(dir, '..'), { recursive: true });
  // Held from the fetch until the caller has read the files (`release`): the longest a holder may take is its
  // three git calls; a holder that died is seen at once (its pid is gone).
  const bound = 3 * (options.timeoutMs ?? 120_000) + 10_000;
  const lock = { staleMs: bound, timeoutMs: bound };
  let held;
  try {
    held = await acquireLock(dir, lock);
  } catch (err) {
    if (err instanceof LockBusy) throw new RepoFailure(`could not fetch ${url}: another mentoring report is using its copy (${err.message})`);
    throw err;
  }
  try {
    return { ...(await fetchInto(dir, url, source, options)), release: () => held.release() };
  } catch (err) {
    held.release();
    throw err;
  }
}

async function fetchInto(dir: string, url: string, source: string, options: FetchOptions): Promise<Omit<Fetched, 'release'>> {
  const run = (args: string[], cwd?: string): Promise<string> => git(args, cwd, options);
  if (existsSync(join(dir, '.git'))) {
    try {
      await run(['fetch', '--quiet', '--depth', '1', '--filter=blob:none', '--no-tags', 'origin', 'HEAD'], dir);
      // The patterns again: a cache from an older version may have other ones.
      await run(['sparse-checkout', 'set', '--no-cone', ...SPARSE_PATTERNS], dir);
      await run(['reset', '--quiet', '--hard', 'FETCH_HEAD'], dir);
      return { dir };
    } catch (err) {
      return { dir, stale: `could not refresh ${url} (${message(err)}); the copy fetched on an earlier run was used` };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  try {
    await run(['clone', '--quiet', '--depth', '1', '--filter=blob:none', '--no-checkout', '--no-tags', '--', source, dir]);
    await run(['sparse-checkout', 'set', '--no-cone', ...SPARSE_PATTERNS], dir);
    await run(['checkout', '--quiet'], dir);
  } catch (err) {
    // A half clone would look like a cache next time.
    rmSync(dir, { recursive: true, force: true });
    throw new RepoFailure(`could not fetch ${url}: ${message(err)}`);
  }
  return { dir };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function git(args: string[], cwd: string | undefined, options: FetchOptions): Promise<string> {
  const full = ['-c', 'protocol.ext.allow=never', '-c', 'core.hooksPath=/dev/null', '-c', 'advice.detachedHead=false', ...args];
  return new Promise((resolveOut, reject) => {
    execFile('git', full, {
      ...(cwd !== undefined ? { cwd } : {}),
      timeout: options.timeoutMs ?? 120_000,
      killSignal: 'SIGKILL',
      maxBuffer: 4 * 1024 * 1024,
      encoding: 'utf8',
      // Never a prompt for a password or a host key: a report runs unattended.
      env: { ...options.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'echo', SSH_ASKPASS: 'echo', GCM_INTERACTIVE: 'never', LC_ALL: 'C' },
    }, (err, stdout, stderr) => {
      if (err) {
        const killed = (err as { killed?: boolean }).killed === true;
        const why = killed ? `git ${args[0] ?? ''} took longer than ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s` : stderr.trim().split('\n').slice(-2).join(' ') || err.message;
        reject(new Error(why));
      } else resolveOut(stdout);
    });
  });
}
