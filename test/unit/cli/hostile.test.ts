/**
 * The CLI on hostile input, as a process: file text never reaches the terminal raw, unreadable
 * and odd files give located errors. The hostile corpus itself runs in hostileFixtures.test.ts.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run';
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
});
