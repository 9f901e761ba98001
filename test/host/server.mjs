// Start code-server (setsid, free loopback port, private HOME/XDG/TMP) and always kill its process group.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { CACHE, provisionCodeServer } from './provision.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** A per-run folder under .vscode-test/runs with home, tmp, user-data and extensions dirs. */
export function runDir(tag) {
  fs.mkdirSync(path.join(CACHE, 'runs'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(CACHE, 'runs', `${tag}-`));
  for (const d of ['home', 'tmp', 'user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  return dir;
}

export async function startCodeServer(run) {
  const { nodeDir, entry } = await provisionCodeServer();
  const port = await freePort();
  const env = { ...process.env, HOME: path.join(run, 'home'), TMPDIR: path.join(run, 'tmp'),
    XDG_CONFIG_HOME: path.join(run, 'xdg-config'), XDG_DATA_HOME: path.join(run, 'xdg-data'), XDG_CACHE_HOME: path.join(run, 'xdg-cache'),
    PATH: `${nodeDir}/bin:${process.env.PATH}` };
  const log = fs.openSync(path.join(run, 'code-server.log'), 'a');
  // detached: true makes the child a session leader (setsid), so the whole group can be killed
  const child = spawn(path.join(nodeDir, 'bin', 'node'), [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--reconnection-grace-time', '5',
    '--extensions-dir', path.join(run, 'extensions'), '--user-data-dir', path.join(run, 'user-data'),
    '--vscode-option', 'enable-smoke-test-driver'], { env, stdio: ['ignore', log, log], detached: true });
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
