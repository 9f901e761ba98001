/**
 * A child process for test/unit/node/fileLock.test.ts.
 *   append FILE LINE   — one compare-and-swap that appends LINE; prints {retries, waitedMs}
 *   hold FILE          — takes the lock, prints "held", releases when stdin closes
 */
import { readFileSync } from 'node:fs';
import { casWrite } from '../../../src/node/casWrite';
import { acquireLock } from '../../../src/node/fileLock';

async function main(): Promise<void> {
  const [mode, file, line] = process.argv.slice(2);
  if (mode === 'append' && file !== undefined && line !== undefined) {
    const r = await casWrite(file, () => ({ text: readFileSync(file, 'utf8') + line + '\n', value: undefined }), { timeoutMs: 60_000 });
    process.stdout.write(JSON.stringify({ retries: r.retries, waitedMs: r.waitedMs }) + '\n');
    return;
  }
  if (mode === 'hold' && file !== undefined) {
    const lock = await acquireLock(file);
    process.stdout.write('held\n');
    process.stdin.resume();
    process.stdin.on('end', () => {
      lock.release();
      process.exit(0);
    });
    return;
  }
  throw new Error(`usage: lockWorker append FILE LINE | hold FILE`);
}

void main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
  process.exit(1);
});
