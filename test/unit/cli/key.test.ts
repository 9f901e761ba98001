/** `mentoring key …` as a process on real files, and the key it writes used by the real `age`. */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ageOpen, ageSeal, keygen } from '../core/seal/realAge';
import { cli } from './run';

describe('mentoring key', function () {
  this.timeout(30_000);
  const temps: string[] = [];
  const temp = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'mentoring-key-'));
    temps.push(d);
    return d;
  };
  after(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it('generate writes ~/.config/mentoring/keys.txt, mode 0600, in age format; the public key is the last line', async () => {
    const home = temp();
    const r = await cli(home, ['key', 'generate'], { HOME: home });
    assert.equal(r.code, 0, r.err);
    const path = join(home, '.config', 'mentoring', 'keys.txt');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(join(home, '.config', 'mentoring')).mode & 0o777, 0o700);
    const lines = r.out.trimEnd().split('\n');
    const pub = lines[lines.length - 1] as string;
    assert.match(pub, /^age1[02-9ac-hj-np-z]{58}$/);
    const text = readFileSync(path, 'utf8');
    assert.match(text, new RegExp(`^# created: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\n# public key: ${pub}\\nAGE-SECRET-KEY-1[0-9A-Z]{58}\\n$`));
    assert.match(r.err, /Keep a backup outside this repository: if the key is lost, what was sealed to it cannot be read by you again/);
    // the real age reads the file and opens what is sealed to the printed public key
    const opened = ageOpen(ageSeal('hello\n', [pub]), text);
    assert.equal(opened.code, 0, opened.err);
    assert.equal(opened.out, 'hello\n');
  });

  it('never overwrites a key file; --out and MENTORING_IDENTITY choose another place', async () => {
    const home = temp();
    assert.equal((await cli(home, ['key', 'generate'], { HOME: home })).code, 0);
    const path = join(home, '.config', 'mentoring', 'keys.txt');
    const before = readFileSync(path, 'utf8');
    const again = await cli(home, ['key', 'generate'], { HOME: home });
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists and was left alone/);
    assert.equal(readFileSync(path, 'utf8'), before);
    const out = await cli(home, ['key', 'generate', '--out', 'elsewhere/k.txt'], { HOME: home });
    assert.equal(out.code, 0, out.err);
    assert.equal(statSync(join(home, 'elsewhere', 'k.txt')).mode & 0o777, 0o600);
    const viaEnv = await cli(home, ['key', 'generate'], { HOME: home, MENTORING_IDENTITY: join(home, 'env.txt') });
    assert.equal(viaEnv.code, 0, viaEnv.err);
    assert.match(readFileSync(join(home, 'env.txt'), 'utf8'), /AGE-SECRET-KEY-1/);
  });

  it('show prints the public key of our file, of an age-keygen file, from --identity or MENTORING_IDENTITY', async () => {
    const home = temp();
    const gen = await cli(home, ['key', 'generate'], { HOME: home });
    const shown = await cli(home, ['key', 'show'], { HOME: home });
    assert.equal(shown.code, 0, shown.err);
    assert.equal(shown.out, gen.out);
    const k = keygen();
    const f = join(home, 'age-keygen.txt');
    writeFileSync(f, k.file, { mode: 0o600 });
    assert.equal((await cli(home, ['key', 'show', '--identity', 'age-keygen.txt'], { HOME: home })).out, `${k.recipient}\n`);
    assert.equal((await cli('/', ['key', 'show'], { HOME: home, MENTORING_IDENTITY: f })).out, `${k.recipient}\n`);
  });

  it('show says how to get a key when there is none, and warns about a file others can read', async () => {
    const home = temp();
    const none = await cli(home, ['key', 'show'], { HOME: home });
    assert.equal(none.code, 1);
    assert.match(none.err, /No key file at .*keys\.txt\. Make one with `mentoring key generate`/);
    const f = join(home, 'k.txt');
    writeFileSync(f, '# nothing here\nage1notasecret\n');
    const empty = await cli(home, ['key', 'show', '--identity', f], { HOME: home });
    assert.equal(empty.code, 1);
    assert.match(empty.err, /k\.txt:2: not a usable key/);
    assert.match(empty.err, /holds no age secret key/);
    const k = keygen();
    writeFileSync(f, k.file);
    chmodSync(f, 0o644);
    const loose = await cli(home, ['key', 'show', '--identity', f], { HOME: home });
    assert.equal(loose.code, 0);
    assert.match(loose.err, /can be read by other users of this machine: run `chmod 600/);
    mkdirSync(join(home, 'dir'));
    assert.match((await cli(home, ['key', 'show', '--identity', 'dir'], { HOME: home })).err, /Cannot read the key file/);
    writeFileSync(join(home, 'big'), 'x'.repeat(100_000));
    assert.match((await cli(home, ['key', 'show', '--identity', 'big'], { HOME: home })).err, /not a key file/);
  });

  it('usage: help, unknown sub-commands and stray arguments', async () => {
    const home = temp();
    assert.match((await cli(home, ['key', '--help'], { HOME: home })).out, /mentoring key generate \[--out FILE\]/);
    assert.equal((await cli(home, ['key', 'lose'], { HOME: home })).code, 2);
    assert.equal((await cli(home, ['key', 'generate', 'extra'], { HOME: home })).code, 2);
    assert.match((await cli(home, ['--help'], { HOME: home })).out, /key generate\|show/);
  });
});
