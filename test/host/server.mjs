// Start code-server (setsid, free loopback port, private HOME/XDG/TMP) and always kill its process group.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE, ROOT, provisionCodeServer } from './provision.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const RUNS = path.join(CACHE, 'runs');
// Every run folder is at least this long, on purpose: a clone at a long path must work, and each
// run proves it (Unix socket paths stop at 107 bytes, so nothing may put a socket in here).
const RUN_PATH_MIN = 110;
// Sockets (Chromium's SingletonSocket, the extension host's IPC) go under TMPDIR: a short one, outside the clone.
const SHORT_TMP = process.platform !== 'win32' && fs.existsSync('/tmp') ? '/tmp' : os.tmpdir();

/**
 * A per-run folder under .vscode-test/runs (home, user-data, extensions, XDG dirs), at least
 * RUN_PATH_MIN characters long, and `tmp` inside it: a link to a short folder under /tmp.
 */
export function runDir(tag) {
  fs.mkdirSync(RUNS, { recursive: true });
  const top = fs.mkdtempSync(path.join(RUNS, `${tag}-`));
  const pad = RUN_PATH_MIN - top.length - 1;
  const dir = pad > 0 ? path.join(top, 'a-deep-run-folder-as-in-a-long-clone-path-'.padEnd(pad, 'x').slice(0, Math.max(pad, 1))) : top;
  for (const d of ['home', 'user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.symlinkSync(fs.mkdtempSync(path.join(SHORT_TMP, `mentoring-${tag}-`)), path.join(dir, 'tmp'));
  console.log(`[host] run folder ${path.relative(ROOT, dir)}: ${dir.length} characters, TMPDIR ${runTmp(dir)}`);
  return dir;
}

/** The run's short TMPDIR (the target of its `tmp` link). */
export function runTmp(run) {
  return fs.realpathSync(path.join(run, 'tmp'));
}

/** Removes a run folder and its short TMPDIR. */
export function removeRun(run) {
  try { fs.rmSync(runTmp(run), { recursive: true, force: true }); } catch { /* already gone */ }
  const top = path.relative(RUNS, run).split(path.sep)[0];
  if (top && !top.startsWith('..')) fs.rmSync(path.join(RUNS, top), { recursive: true, force: true });
}

/** `options.args`: more code-server flags (e.g. `['--locale', 'de']`). */
export async function startCodeServer(run, options = {}) {
  const { nodeDir, entry } = await provisionCodeServer();
  const port = await freePort();
  const env = { ...process.env, HOME: path.join(run, 'home'), TMPDIR: runTmp(run),
    XDG_CONFIG_HOME: path.join(run, 'xdg-config'), XDG_DATA_HOME: path.join(run, 'xdg-data'), XDG_CACHE_HOME: path.join(run, 'xdg-cache'),
    PATH: `${nodeDir}/bin:${process.env.PATH}` };
  const log = fs.openSync(path.join(run, 'code-server.log'), 'a');
  // detached: true makes the child a session leader (setsid), so the whole group can be killed
  const child = spawn(path.join(nodeDir, 'bin', 'node'), [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--reconnection-grace-time', '5',
    '--extensions-dir', path.join(run, 'extensions'), '--user-data-dir', path.join(run, 'user-data'),
    '--vscode-option', 'enable-smoke-test-driver', ...(options.args ?? [])], { env, stdio: ['ignore', log, log], detached: true });
  const stop = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } };
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { stop(); process.exit(130); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline || child.exitCode !== null) { stop(); throw new Error(`code-server did not answer /healthz; see ${run}/code-server.log`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, url, stop, env };
}

/**
 * Workbench URL with the extension under development (and optionally tests) loaded, opened on
 * a folder or on a `.code-workspace` file (a multi-root workspace).
 */
export function workbenchUrl(server, folder, extensionPath, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const open = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `${server.url}/?${open}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
