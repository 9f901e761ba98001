/**
 * The CLI on hostile input, as a process: file text never reaches the terminal raw, unreadable
 * and odd files give located errors. The hostile corpus itself runs in hostileFixtures.test.ts.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cli, cliBundlePath } from './run';
import { FIXTURES } from '../../fixtures';

const temps: string[] = [];
function withText(extra: string, base = 'valid'): string {
  const d = mkdtempSync(join(tmpdir(), 'mentoring-hostile-'));
  temps.push(d);
  copyFileSync(join(FIXTURES, `${base}.mentoring.yaml`), join(d, '.mentoring.yaml'));
  writeFileSync(join(d, '.mentoring.yaml'), extra, { flag: 'a' });
  return d;
}

describe('mentoring CLI on hostile files (process)', function () {
  this.timeout(60_000);
  after(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it('check: a key holding a line break and ESC cannot forge a problem line or colour the terminal', async () => {
    const d = withText('"bad\\nsrc/fake.ts:1:1: error: forged \\e[31mred\\u202e": 1\n');
    for (const format of ['text', 'github']) {
      const r = await cli(d, ['check', '--format', format], {});
      assert.equal(r.code, 0, r.err);
      assert.doesNotMatch(r.out, /^src\/fake\.ts/m, format);
      assert.doesNotMatch(r.out, /^::error/m, format);
      assert.ok(!r.out.includes('\x1b') && !r.out.includes('\u202e'), format);
      assert.match(r.out, /bad\\u000asrc\/fake\.ts:1:1: error: forged \\u001b\[31mred\\u202e/, format);
    }
  });

  it('check: a file name holding a line break is shown escaped', async () => {
    const d = withText('zzz: 1\n');
    const name = 'x\nfake.ts:1:1: error: y.mentoring.yaml';
    copyFileSync(join(d, '.mentoring.yaml'), join(d, name));
    const r = await cli(d, ['check', name, '--format', 'text'], {});
    assert.doesNotMatch(r.out, /^fake\.ts/m);
    assert.match(r.out, /^x\\u000afake\.ts/m);
  });

  it('check: a Latin-1 byte is an error at its line and column; task add refuses and the bytes stay', async () => {
    const d = withText('');
    const file = join(d, '.mentoring.yaml');
    const before = Buffer.concat([readFileSync(file), Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    writeFileSync(file, before);
    const lines = before.toString('latin1').split('\n').length - 1;
    const r = await cli(d, ['check'], {});
    assert.equal(r.code, 1);
    assert.match(r.out, new RegExp(`^\\.mentoring\\.yaml:${lines}:6: error: The byte 0xE9 at line ${lines}, column 6 is not UTF-8 .*Re-save it as UTF-8.* \\[not-utf8\\]$`, 'm'));
    const add = await cli(d, ['task', 'add', 'Read the logs'], {});
    assert.equal(add.code, 1);
    assert.match(add.err, /not UTF-8/);
    assert.deepEqual(readFileSync(file), before);
  });

  it('check: a file over the size limit is refused from its size, before it is read', async () => {
    const d = withText('');
    // Sparse, 3 GiB: reading it whole would fail in Node (over 2 GiB) or exhaust memory.
    truncateSync(join(d, '.mentoring.yaml'), 3 * 1024 ** 3);
    const r = await cli(d, ['check', '.mentoring.yaml'], {});
    assert.equal(r.code, 1);
    assert.match(r.out, /^\.mentoring\.yaml:1:1: error: The file is 3072\.0 MB, over the 5\.0 MB limit: it is not read\..* \[too-large\]$/m);
  });

  it('check: a named pipe or a device named as the file is refused at once, never read', async function () {
    if (process.platform === 'win32') this.skip();
    const d = withText('');
    assert.equal(spawnSync('mkfifo', [join(d, 'pipe.mentoring.yaml')]).status, 0);
    const cliJs = await cliBundlePath();
    for (const name of [join(d, 'pipe.mentoring.yaml'), '/dev/zero']) {
      // The kill after 20 s only keeps a regression from hanging the suite; the assertion is on the output.
      const r = spawnSync(process.execPath, [cliJs, 'check', name], { cwd: d, encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, 1, `${name}: ${r.error?.message ?? r.stderr}`);
      assert.match(r.stdout, /:1:1: error: not a regular file \((a named pipe|a device)\), so it is not read\..* \[not-a-file\]$/m, name);
    }
  });

  it('task add: a link outside the workspace or a command: link is refused when added, the file untouched', async () => {
    const d = withText('');
    const before = readFileSync(join(d, '.mentoring.yaml'));
    for (const link of ['../../etc/passwd', 'command:workbench.action.terminal.new']) {
      const r = await cli(d, ['task', 'add', 'Read it', '--link', link], {});
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /is refused: the link (leaves the workspace folder|has a scheme)/);
      assert.deepEqual(readFileSync(join(d, '.mentoring.yaml')), before);
    }
  });

  it('check: an unreadable folder is reported as a warning, not skipped silently', async function () {
    if (process.platform === 'win32') this.skip();
    const d = withText('');
    mkdirSync(join(d, 'team', 'locked'), { recursive: true });
    copyFileSync(join(d, '.mentoring.yaml'), join(d, 'team', 'locked', '.mentoring.yaml'));
    chmodSync(join(d, 'team', 'locked'), 0o000);
    // Root reads any folder: run the CLI as nobody then (the temp folder and the bundle readable by all).
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    chmodSync(d, 0o755);
    const cliJs = await cliBundlePath();
    chmodSync(dirname(cliJs), 0o755);
    const r = spawnSync(process.execPath, [cliJs, 'check'], { cwd: d, encoding: 'utf8', env: { PATH: process.env.PATH, MENTORING_NOW: '2026-11-20T10:00:00Z' }, ...asNobody });
    chmodSync(join(d, 'team', 'locked'), 0o755);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^team\/locked:1:1: warning: This folder could not be read \(permission denied\), so a mentoring file in it was not checked\..* \[unreadable-folder\]$/m);
    assert.match(r.stderr, /1 file checked: 0 errors, 1 warning\./);
  });
});
