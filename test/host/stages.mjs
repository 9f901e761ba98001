// npm test: every check in order, each stage's duration printed, a summary at the end.
// Stops at the first failing stage (its exit code becomes npm test's); --keep-going runs the rest
// and still fails. --only=a,b or --skip=a,b pick stages by name.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const STAGES = [
  ['lint', ['run', '-s', 'lint']],
  ['types', ['run', '-s', 'check-types']],
  ['unit', ['run', '-s', 'test:unit']],
  ['integration', ['run', '-s', 'test:integration']],
  ['ui', ['run', '-s', 'test:ui']],
  ['vsix', ['run', '-s', 'test:vsix']],
];

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',');
const only = arg('only');
const skip = arg('skip') ?? [];
const keepGoing = process.argv.includes('--keep-going');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runStage(args) {
  return new Promise((resolve) => {
    const child = spawn(npm, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (e) => { console.error(`[test] ${e.message}`); resolve(1); });
  });
}

const t0 = Date.now();
// Cold cache: provision Node 24 + code-server (minutes, mostly download and native builds) while
// lint, types and unit tests run. The host stages then find it ready, or wait on provision's lock.
const CACHE = path.join(ROOT, '.vscode-test');
const needsHost = STAGES.some(([n]) => ['integration', 'ui', 'vsix'].includes(n) && (!only || only.includes(n)) && !skip.includes(n));
fs.mkdirSync(CACHE, { recursive: true });
const cached = fs.readdirSync(CACHE, { withFileTypes: true }).some((d) => d.name.startsWith('code-server-') && fs.existsSync(path.join(CACHE, d.name, '.ok')));
let provisioning;
if (needsHost && !cached) {
  const log = path.join(CACHE, 'provision.log');
  console.log(`[test] provisioning code-server in the background while the first stages run (log: ${path.relative(ROOT, log)})`);
  // the outer npm's npm_* variables must not reach provision's inner npm (see provision.mjs)
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const out = fs.openSync(log, 'w');
  provisioning = spawn(process.execPath, [path.join(ROOT, 'test/host/provision.mjs')], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  const stop = () => { if (provisioning.exitCode === null) provisioning.kill('SIGTERM'); };
  process.on('exit', stop);
}
const done = [];
let failed = 0;
for (const [name, args] of STAGES) {
  if ((only && !only.includes(name)) || skip.includes(name)) continue;
  if (provisioning && ['integration', 'ui', 'vsix'].includes(name) && provisioning.exitCode === null) {
    const tw = Date.now();
    console.log('[test] waiting for the background provisioning to finish');
    await new Promise((resolve) => provisioning.once('exit', resolve));
    const w = ((Date.now() - tw) / 1000).toFixed(1);
    console.log(`[test] background provisioning ended (exit ${provisioning.exitCode}) after ${w} s more`);
    // the wait is part of the total: its own row, so the rows add up
    done.push(`${'(provision)'.padEnd(12)} ${provisioning.exitCode === 0 ? 'ok    ' : 'FAILED'} ${w.padStart(6)} s  waited for the cold code-server download`);
  }
  console.log(`\n== ${name}: npm ${args.join(' ')}`);
  const t = Date.now();
  const code = await runStage(args);
  const s = ((Date.now() - t) / 1000).toFixed(1);
  done.push(`${name.padEnd(12)} ${code === 0 ? 'ok    ' : `FAILED`} ${s.padStart(6)} s`);
  console.log(`== ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${s} s`);
  if (code !== 0) {
    failed = failed || code;
    if (!keepGoing) break;
  }
}
console.log(`\n== npm test stages\n${done.join('\n')}\n${'total'.padEnd(12)} ${failed ? 'FAILED' : 'ok    '} ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
process.exitCode = failed;
