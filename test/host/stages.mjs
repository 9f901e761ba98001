// npm test: every check in order, each stage's duration printed, a summary at the end.
// Stops at the first failing stage (its exit code becomes npm test's); --keep-going runs the rest
// and still fails. --only=a,b or --skip=a,b pick stages by name.
import { spawn } from 'node:child_process';
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
const done = [];
let failed = 0;
for (const [name, args] of STAGES) {
  if ((only && !only.includes(name)) || skip.includes(name)) continue;
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
