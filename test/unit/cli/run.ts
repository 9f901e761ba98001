/** The bundled `mentoring` CLI as a process, for the CLI's tests. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../fixtures';

export interface Ran {
  code: number | null;
  out: string;
  err: string;
}

let cliJs = '';

/** Bundle the CLI with esbuild.mjs's own options (into a temp folder, parts and all), once per process. */
export async function buildCli(): Promise<void> {
  if (cliJs !== '') return;
  const out = mkdtempSync(join(tmpdir(), 'mentoring-cli-bundle-'));
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  const { buildInto } = (await import(pathToFileURL(join(ROOT, 'esbuild.mjs')).href)) as {
    buildInto: (outfile: string, dir: string, extra?: object) => Promise<void>;
  };
  await buildInto('dist/cli.js', out, { logLevel: 'silent', sourcemap: false });
  cliJs = join(out, 'cli.js');
}

/** The path of the bundled CLI (built once per process). */
export async function cliBundlePath(): Promise<string> {
  await buildCli();
  return cliJs;
}

/** `node cli.js ARGS` in `cwd` with exactly `env` (plus PATH and a fixed clock). */
export async function cli(cwd: string, args: string[], env: NodeJS.ProcessEnv, input = '', stdoutTo?: string): Promise<Ran> {
  await buildCli();
  // stdoutTo: stdout redirected to that file, as `mentoring … > FILE` does
  const fd = stdoutTo === undefined ? undefined : openSync(stdoutTo, 'w');
  try {
    const r = spawnSync(process.execPath, [cliJs, ...args], {
      cwd,
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, MENTORING_NOW: '2026-11-20T10:00:00Z', TZ: 'UTC', ...env },
      ...(fd === undefined ? {} : { stdio: ['pipe', fd, 'pipe'] as const }),
    });
    return { code: r.status, out: r.stdout ?? '', err: r.stderr };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

