/**
 * Concurrent writers through the real CLI: twenty `mentoring task add` processes at once on one
 * file keep twenty tasks (each command is a compare-and-swap under the file's lock,
 * src/cli/write.ts), and the file stays valid.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../../src/core/parse/index';
import { ROOT } from '../../fixtures';
import { cliBundlePath } from './run';
import { finished, type Finished } from '../../fixtures/processes';

function runAsync(cliJs: string, cwd: string, args: string[]): Promise<Finished> {
  return finished(spawn(process.execPath, [cliJs, ...args], { cwd, env: { PATH: process.env.PATH, MENTORING_NOW: '2026-11-20T10:00:00Z', TZ: 'UTC' } }));
}

describe('mentoring CLI: concurrent writers', function () {
  this.timeout(120_000);
  let cliJs = '';
  let dir = '';

  before(async () => {
    cliJs = await cliBundlePath();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-concurrent-'));
    copyFileSync(join(ROOT, 'test/fixtures/valid.mentoring.yaml'), join(dir, '.mentoring.yaml'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('twenty concurrent `task add` processes keep twenty tasks', async () => {
    const before = parse(readFileSync(join(dir, '.mentoring.yaml'), 'utf8'), { now: new Date('2026-11-20T10:00:00Z') });
    const tasksBefore = before.model?.tasks.length ?? 0;
    const started = Date.now();
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => runAsync(cliJs, dir, ['task', 'add', `Concurrent task ${i}`])));
    const ms = Date.now() - started;
    for (const r of runs) assert.equal(r.code, 0, r.err);
    const text = readFileSync(join(dir, '.mentoring.yaml'), 'utf8');
    const after = parse(text, { now: new Date('2026-11-20T10:00:00Z') });
    assert.deepEqual(after.diagnostics.filter((d) => d.severity === 'error'), []);
    const titles = (after.model?.tasks ?? []).map((t) => t.title);
    assert.equal(titles.length, tasksBefore + 20, text);
    for (let i = 0; i < 20; i++) assert.ok(titles.includes(`Concurrent task ${i}`), `task ${i} lost`);
    // Each printed id is in the file: no process reported a task that was then overwritten.
    for (const r of runs) {
      const id = /Added task (t-[0-9a-z]+)\./.exec(r.out)?.[1];
      assert.ok(id !== undefined && text.includes(`id: ${id}`), r.out);
    }
    assert.ok(!existsSync(join(dir, '.mentoring.yaml.lock')), 'the lock is released');
    console.log(`      (20 concurrent task add: ${ms} ms wall)`);
  });
});
