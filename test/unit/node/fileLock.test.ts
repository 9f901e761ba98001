/**
 * The lock and compare-and-swap of src/node/: real files in a temp folder, real child processes
 * (tsx) as the other writers.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { casWrite, KeptChanging } from '../../../src/node/casWrite';
import { acquireLock, LockBusy, lockPathOf } from '../../../src/node/fileLock';
import { finished } from '../../fixtures/processes';

const WORKER = join(__dirname, 'lockWorker.ts');

function worker(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--require', 'tsx/cjs', WORKER, ...args], { cwd: join(__dirname, '../../..') });
}


function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`worker exited (${String(code)}) before a line`)));
  });
}

describe('file lock and compare-and-swap (src/node)', function () {
  this.timeout(120_000);
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-lock-'));
    file = join(dir, '.mentoring.yaml');
    writeFileSync(file, 'start\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('twenty processes appending at once keep twenty lines, and the lock is gone after', async () => {
    const started = Date.now();
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => finished(worker(['append', file, `line ${i}`]))));
    const ms = Date.now() - started;
    for (const r of runs) assert.equal(r.code, 0, r.err);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 21);
    for (let i = 0; i < 20; i++) assert.ok(lines.includes(`line ${i}`), `line ${i} lost`);
    assert.ok(!existsSync(lockPathOf(file)));
    const stats = runs.map((r) => JSON.parse(r.out) as { retries: number; waitedMs: number });
    // Writers that lock never race each other: nothing is computed twice.
    assert.deepEqual(stats.map((s) => s.retries), Array.from({ length: 20 }, () => 0));
    const waits = stats.map((s) => s.waitedMs).sort((a, b) => a - b);
    console.log(`      (20 processes: ${ms} ms wall; lock wait median ${waits[10]} ms, max ${waits[19]} ms; retries 0)`);
  });

  it('a change by a writer without the lock, made while the edit was computed, is kept: the edit runs again on the new text', async () => {
    let runs = 0;
    const r = await casWrite(file, () => {
      const text = readFileSync(file, 'utf8');
      if (runs++ === 0) writeFileSync(file, text + 'editor\n'); // the racing writer
      return { text: text + 'cli\n', value: runs };
    });
    assert.equal(r.retries, 1);
    assert.equal(r.value, 2);
    assert.equal(readFileSync(file, 'utf8'), 'start\neditor\ncli\n');
  });

  it('gives up after the attempts when the file changes under every one, writing nothing of its own', async () => {
    let n = 0;
    await assert.rejects(
      casWrite(file, () => {
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, `other ${n++}\n`);
        return { text: text + 'mine\n', value: undefined };
      }, { attempts: 3 }),
      KeptChanging,
    );
    assert.equal(readFileSync(file, 'utf8'), 'other 2\n');
    assert.ok(!existsSync(lockPathOf(file)), 'released after the failure');
  });

  it('a live holder (another process) makes a writer wait, then give up with who holds it', async () => {
    const holder = worker(['hold', file]);
    const done = finished(holder);
    assert.equal(await firstLine(holder), 'held');
    await assert.rejects(acquireLock(file, { timeoutMs: 200 }), (err: unknown) => {
      assert.ok(err instanceof LockBusy);
      assert.equal(err.holder?.pid, holder.pid);
      assert.match(err.message, new RegExp(`held by process ${String(holder.pid)} on .* since .*delete \\.mentoring\\.yaml\\.lock`));
      return true;
    });
    // Released: the waiter gets it.
    const waiting = acquireLock(file, { timeoutMs: 30_000 });
    holder.stdin.end();
    const lock = await waiting;
    assert.ok(lock.holds());
    lock.release();
    assert.equal((await done).code, 0);
  });

  it('waits through a queue: the clock restarts each time the lock changes hands, within maxWaitMs', async () => {
    // Holders that each keep the lock 120 ms, six in a row (720 ms in all): longer than the
    // waiter's 300 ms for one holder, as twenty CLI writers on a loaded machine are.
    const take = (n: number): void => writeFileSync(lockPathOf(file), JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), nonce: `queue-${String(n)}` }) + '\n');
    const queue = async (): Promise<void> => {
      for (let n = 0; n < 6; n++) {
        take(n);
        await new Promise((r) => setTimeout(r, 120));
      }
      rmSync(lockPathOf(file));
    };
    const [, lock] = await Promise.all([queue(), acquireLock(file, { timeoutMs: 300 })]);
    assert.ok(lock.waitedMs >= 500, `waited ${String(lock.waitedMs)} ms through the queue`);
    lock.release();
    // The whole wait is still bounded.
    await Promise.all([queue(), assert.rejects(acquireLock(file, { timeoutMs: 300, maxWaitMs: 350 }), LockBusy)]);
    assert.ok(!existsSync(lockPathOf(file)));
  });

  it('breaks a lock whose holder died (same host, pid gone) at once', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockPathOf(file), JSON.stringify({ pid: dead, host: hostname(), time: new Date().toISOString(), nonce: 'dead' }));
    const lock = await acquireLock(file, { timeoutMs: 0 });
    assert.ok(lock.holds());
    assert.notEqual(JSON.parse(readFileSync(lockPathOf(file), 'utf8')).nonce, 'dead');
    lock.release();
  });

  it('breaks a lock older than staleMs even when its pid is alive (pid reuse, a hung holder), and a half-written old one', async () => {
    const old = new Date(Date.now() - 60_000).toISOString();
    writeFileSync(lockPathOf(file), JSON.stringify({ pid: process.pid, host: hostname(), time: old, nonce: 'old' }));
    const lock = await acquireLock(file, { timeoutMs: 0, staleMs: 30_000 });
    lock.release();
    writeFileSync(lockPathOf(file), '{"pid":');
    await assert.rejects(acquireLock(file, { timeoutMs: 0 }), LockBusy); // fresh: its holder is writing it
    const lock2 = await acquireLock(file, { timeoutMs: 0, staleMs: -1 });
    lock2.release();
  });

  it('keeps a live lock on another host (its pid means nothing here) until it is stale', async () => {
    writeFileSync(lockPathOf(file), JSON.stringify({ pid: 999_999_999, host: 'elsewhere', time: new Date().toISOString(), nonce: 'far' }));
    await assert.rejects(acquireLock(file, { timeoutMs: 0 }), LockBusy);
  });

  it('a holder whose lock was broken as stale does not remove the new holder\'s lock, and sees it lost it', async () => {
    const first = await acquireLock(file);
    // Made stale by hand (as if its holder hung past staleMs), then taken by another.
    const info = JSON.parse(readFileSync(lockPathOf(file), 'utf8')) as Record<string, unknown>;
    writeFileSync(lockPathOf(file), JSON.stringify({ ...info, time: new Date(Date.now() - 60_000).toISOString() }));
    const second = await acquireLock(file, { timeoutMs: 0 });
    assert.equal(first.holds(), false);
    first.release();
    assert.ok(existsSync(lockPathOf(file)));
    assert.ok(second.holds());
    second.release();
    assert.ok(!existsSync(lockPathOf(file)));
  });

  it('writes nothing when the computation has nothing to write', async () => {
    const r = await casWrite(file, () => ({ text: undefined, value: 'same' }));
    assert.deepEqual([r.written, r.value], [false, 'same']);
    assert.equal(readFileSync(file, 'utf8'), 'start\n');
  });
});
