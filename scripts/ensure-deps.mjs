// `npm start` / `npm test` on a fresh clone, before anything else runs (Node built-ins only):
// 1. the system packages the command needs: as root with apt-get they are installed; otherwise it
//    stops at once with the one command to run;
// 2. the locked npm dependencies (npm ci) when node_modules is missing or older than package-lock.json.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { missingPackages } from './system-deps.mjs';

const root = path.resolve(import.meta.dirname, '..');
const forTest = process.env.npm_lifecycle_event !== 'prestart';

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
// Debian's python3-* packages are for Debian's python3, whatever else (pyenv, a venv) is on PATH.
const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const pythonModule = (name) => spawnSync(python, ['-c', `import ${name}`], { stdio: 'ignore' }).status === 0;
const cache = path.join(root, '.vscode-test');
const provisioned = fs.existsSync(cache)
  && fs.readdirSync(cache).some((d) => d.startsWith('code-server-') && fs.existsSync(path.join(cache, d, '.ok')));

if (process.platform === 'linux') {
  const need = missingPackages({ test: forTest, codeServerCached: provisioned, has: onPath, pythonModule });
  if (need.length > 0) {
    const names = need.map(([p]) => p).join(' ');
    for (const [p, why] of need) console.log(`[deps] missing ${p}: ${why}`);
    if (process.getuid?.() === 0 && onPath('apt-get')) {
      console.log(`[deps] installing with apt-get: ${names}`);
      execFileSync('sh', ['-c', `apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ${names}`], { stdio: 'inherit' });
    } else {
      console.error(`[deps] run this once, then npm ${forTest ? 'test' : 'start'} again:\n  sudo apt-get update && sudo apt-get install -y ${names}`);
      process.exit(1);
    }
  }
}

const marker = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs;
if (stale) {
  console.log('[deps] installing the locked dependencies (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // A clean environment: the outer npm's npm_config_* would otherwise steer the inner one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
}
