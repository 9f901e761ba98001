/**
 * Where the CLI finds your age identity (secret key): `--identity FILE`, else
 * `MENTORING_IDENTITY`, else `~/.config/mentoring/keys.txt` (`$XDG_CONFIG_HOME/mentoring/keys.txt`
 * when that is set). Always outside the repository; any file `age-keygen` writes works.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { MAX_IDENTITY_FILE_CHARS, parseIdentityFile } from '../core/seal/keys';
import { reason } from './files';
import { Failure, type Io } from './io';

export type IdentitySource = '--identity' | 'MENTORING_IDENTITY' | 'default';

export function defaultIdentityPath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'mentoring', 'keys.txt');
  const home = env.HOME ?? env.USERPROFILE;
  if (home === undefined || home === '') throw new Failure('Cannot tell where your key file goes: HOME is not set. Pass --identity FILE (or --out FILE), or set MENTORING_IDENTITY.');
  return join(home, '.config', 'mentoring', 'keys.txt');
}

/** The identity file to use, and which setting chose it. */
export function identityPath(io: Io, flag: string | undefined): { path: string; source: IdentitySource } {
  if (flag !== undefined && flag !== '') return { path: resolve(io.cwd, flag), source: '--identity' };
  const env = io.env.MENTORING_IDENTITY;
  if (env !== undefined && env !== '') return { path: resolve(io.cwd, env), source: 'MENTORING_IDENTITY' };
  return { path: defaultIdentityPath(io.env), source: 'default' };
}

export interface LoadedIdentities {
  path: string;
  source: IdentitySource;
  identities: string[];
}

/**
 * Your identities, or a Failure saying how to get one. Lines that are not keys and a file
 * others can read are warned about on stderr, never fatal: age itself reads such files.
 */
export function loadIdentities(io: Io, flag: string | undefined): LoadedIdentities {
  const { path, source } = identityPath(io, flag);
  const via = source === 'default' ? '' : ` (from ${source})`;
  let size: number;
  let mode: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = st.size;
    mode = st.mode;
  } catch (err) {
    const missing = (err as { code?: string }).code === 'ENOENT';
    throw new Failure(
      missing
        ? `No key file at ${path}${via}. Make one with \`mentoring key generate\`, or point --identity / MENTORING_IDENTITY at a file from age-keygen.`
        : `Cannot read the key file ${path}${via}: ${reason(err)}`,
    );
  }
  if (size > MAX_IDENTITY_FILE_CHARS) throw new Failure(`${path}${via} is ${Math.round(size / 1024)} KB: not a key file (those are a few lines).`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Failure(`Cannot read the key file ${path}${via}: ${reason(err)}`);
  }
  const parsed = parseIdentityFile(text);
  for (const p of parsed.problems) io.err(`warning: ${path}:${p.line}: not a usable key: ${p.message}\n`);
  if (parsed.identities.length === 0) throw new Failure(`${path}${via} holds no age secret key (a line starting AGE-SECRET-KEY-1).`);
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    io.err(`warning: ${path} can be read by other users of this machine: run \`chmod 600 ${path}\`.\n`);
  }
  return { path, source, identities: parsed.identities };
}
