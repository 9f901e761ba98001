/** `mentoring init` offers the merge driver in a git repository (real git; a real terminal via `script`). */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliBundlePath } from './run';

const ENV = { MENTORING_NOW: '2026-11-20T10:00:00Z' };

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-init-git-'));
  execFileSync('git', ['init', '-q', dir]);
  return dir;
}

function driver(dir: string): string | undefined {
  const r = spawnSync('git', ['config', 'merge.mentoring.driver'], { cwd: dir, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

describe('mentoring init and the merge driver', function () {
  this.timeout(60_000);
  const temps: string[] = [];
  after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('--merge-driver installs it in the repository', async () => {
    const dir = repo();
    temps.push(dir);
    const r = await cli(dir, ['init', '--mentor', 'Ada', '--mentee', 'Bob', '--merge-driver'], ENV);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Registered the merge driver/);
    assert.equal(driver(dir), `'${process.execPath}' '${await cliBundlePath()}' merge-driver %O %A %B %P`);
    assert.match(readFileSync(join(dir, '.gitattributes'), 'utf8'), /^\.mentoring\.yaml merge=mentoring$/m);
  });

  it('without a terminal or the flag: only the tip, nothing installed', async () => {
    const dir = repo();
    temps.push(dir);
    const r = await cli(dir, ['init', '--mentor', 'Ada', '--mentee', 'Bob'], ENV);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Run `mentoring merge-driver install`/);
    assert.equal(driver(dir), undefined);
  });

  it('on a terminal it asks: yes installs, no leaves git alone; outside a repository it does not ask', async function () {
    if (spawnSync('script', ['--version'], { encoding: 'utf8' }).status !== 0) this.skip();
    const cliJs = await cliBundlePath();
    const tty = (cwd: string, input: string): string => {
      const r = spawnSync('script', ['-qec', `"${process.execPath}" "${cliJs}" init --mentor Ada --mentee Bob`, '/dev/null'], {
        cwd, input, encoding: 'utf8', env: { ...process.env, ...ENV, TZ: 'UTC' }, timeout: 20_000,
      });
      assert.equal(r.status, 0, r.stdout);
      return r.stdout;
    };
    const yes = repo();
    temps.push(yes);
    assert.match(tty(yes, 'y\n'), /merge-driver install\)\? \[Y\/n\][\s\S]*Registered the merge driver/);
    assert.ok(driver(yes)?.includes('merge-driver %O %A %B %P'));
    const no = repo();
    temps.push(no);
    assert.match(tty(no, 'n\n'), /Run `mentoring merge-driver install`/);
    assert.equal(driver(no), undefined);
    const plain = mkdtempSync(join(tmpdir(), 'mentoring-init-plain-'));
    temps.push(plain);
    assert.doesNotMatch(tty(plain, ''), /\[Y\/n\]/);
  });
});
