/**
 * A mentoring file named on the command line (`check FILE`, `--file`, `calendar FILE`) that is a
 * symbolic link leading out of its repository (else the current folder) is refused the way the scan
 * refuses one (`symlink-not-followed`, located, exit 1) and never read; the repository is the one
 * holding the link, not the one its target happens to lie in.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../fixtures';
import { cli } from './run';

const FIXTURES = join(ROOT, 'test/fixtures');

describe('mentoring CLI: a file named through a symbolic link', function () {
  this.timeout(60_000);
  let base = '';
  let repo = '';
  let outside = '';
  let secret = '';
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'mentoring-named-links-'));
    repo = join(base, 'repo');
    outside = join(base, 'outside');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(outside);
    // A valid file with a warning-free check would pass unnoticed: what must show is the refusal.
    secret = join(outside, 'agreement.yaml');
    copyFileSync(join(FIXTURES, 'valid.mentoring.yaml'), secret);
    symlinkSync(secret, join(repo, '.mentoring.yaml'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('check FILE refuses a link leading outside the repository: symlink-not-followed at 1:1, exit 1', async () => {
    const r = await cli(repo, ['check', '.mentoring.yaml', '--format', 'json'], {});
    assert.equal(r.code, 1, r.out + r.err);
    const rows = JSON.parse(r.out) as { file: string; line: number; column: number; severity: string; code: string; message: string }[];
    assert.deepEqual(rows.map((x) => [x.file, x.line, x.column, x.severity, x.code]), [['.mentoring.yaml', 1, 1, 'error', 'symlink-not-followed']]);
    assert.match(rows[0]?.message ?? '', /^is a symbolic link to .*outside.*; it is not followed\. Replace the link with the file, or point it inside /);
    const text = await cli(repo, ['check', '.mentoring.yaml'], {});
    assert.equal(text.code, 1);
    assert.match(text.out, /^\.mentoring\.yaml:1:1: error: is a symbolic link to .* \[symlink-not-followed\]$/m);
    assert.match(text.err, /1 file checked: 1 error/);
  });

  it('the same from another folder, the link named by its absolute path', async () => {
    const r = await cli(base, ['check', join(repo, '.mentoring.yaml')], {});
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, /\.mentoring\.yaml:1:1: error: .*\[symlink-not-followed\]/);
  });

  it('a target inside another git repository is still outside this one (check, --file edits and reads)', async () => {
    mkdirSync(join(outside, '.git'));
    const before = readFileSync(secret, 'utf8');
    const checked = await cli(repo, ['check', '.mentoring.yaml'], {});
    assert.equal(checked.code, 1, checked.out + checked.err);
    assert.match(checked.out, /\[symlink-not-followed\]/);
    const added = await cli(repo, ['task', 'add', 'Escape', '--file', '.mentoring.yaml'], {});
    assert.equal(added.code, 1, added.out + added.err);
    assert.match(added.err, /\.mentoring\.yaml: is a symbolic link to .*outside .*; it is not followed/);
    assert.equal(readFileSync(secret, 'utf8'), before, 'the target is not written');
  });

  it('reading commands refuse a named link leading outside too (calendar FILE, summary --file)', async () => {
    const calendar = await cli(repo, ['calendar', '.mentoring.yaml'], {});
    assert.equal(calendar.code, 1, calendar.out + calendar.err);
    assert.match(calendar.err, /^mentoring: \.mentoring\.yaml: is a symbolic link to .*; it is not followed/m);
    assert.equal(calendar.out, '');
    const summary = await cli(repo, ['summary', '2026-11-19', '--file', '.mentoring.yaml'], {});
    assert.equal(summary.code, 1, summary.out + summary.err);
    assert.match(summary.err, /is a symbolic link to .*; it is not followed/);
    assert.equal(summary.out, '');
  });

  it('a named link that stays inside the repository is followed', async () => {
    rmSync(join(repo, '.mentoring.yaml'));
    mkdirSync(join(repo, 'shared'));
    copyFileSync(join(FIXTURES, 'valid.mentoring.yaml'), join(repo, 'shared/pair.yaml'));
    symlinkSync('shared/pair.yaml', join(repo, '.mentoring.yaml'));
    const r = await cli(repo, ['check', '.mentoring.yaml'], {});
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.err, /1 file checked: 0 errors/);
  });
});
