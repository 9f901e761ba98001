/**
 * Symbolic links through the real CLI: a linked mentoring file is found and checked by the scan,
 * a write keeps the link and replaces its target atomically (mode kept), and a link leading out of
 * the folder checked (or the repository, for --file) is reported, never read or written.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../fixtures';
import { cli } from './run';

const FIXTURES = join(ROOT, 'test/fixtures');

describe('mentoring CLI: symbolic links', function () {
  this.timeout(60_000);
  let base = '';
  let repo = '';
  let outside = '';
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'mentoring-links-'));
    repo = join(base, 'repo');
    outside = join(base, 'outside');
    mkdirSync(join(repo, 'shared'), { recursive: true });
    mkdirSync(join(repo, '.git'));
    mkdirSync(outside);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('check finds a linked .mentoring.yaml and reports its errors under the link', async () => {
    copyFileSync(join(FIXTURES, 'mistyped.mentoring.yaml'), join(repo, 'shared/agreement.yaml'));
    symlinkSync('shared/agreement.yaml', join(repo, '.mentoring.yaml'));
    const r = await cli(repo, ['check'], {});
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^\.mentoring\.yaml:\d+:\d+: error: /m);
    assert.match(r.err, /1 file checked/);
  });

  it('a write keeps the link and replaces the target (mode kept, no temp file left)', async () => {
    const target = join(repo, 'shared/agreement.yaml');
    copyFileSync(join(FIXTURES, 'valid.mentoring.yaml'), target);
    chmodSync(target, 0o640);
    symlinkSync('shared/agreement.yaml', join(repo, '.mentoring.yaml'));
    const r = await cli(repo, ['task', 'add', 'Through the link'], {});
    assert.equal(r.code, 0, r.err);
    assert.ok(lstatSync(join(repo, '.mentoring.yaml')).isSymbolicLink(), 'the link is kept');
    assert.match(readFileSync(target, 'utf8'), /title: Through the link/);
    assert.equal(statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(join(repo, 'shared')), ['agreement.yaml']);
    // The same through --file naming the link.
    const again = await cli(repo, ['task', 'add', 'Named link', '--file', '.mentoring.yaml'], {});
    assert.equal(again.code, 0, again.err);
    assert.match(readFileSync(target, 'utf8'), /title: Named link/);
    assert.ok(lstatSync(join(repo, '.mentoring.yaml')).isSymbolicLink());
  });

  it('a link leading outside the folder checked is an error, and is neither read nor written', async () => {
    const secret = join(outside, 'agreement.yaml');
    copyFileSync(join(FIXTURES, 'valid.mentoring.yaml'), secret);
    const before = readFileSync(secret, 'utf8');
    symlinkSync(secret, join(repo, '.mentoring.yaml'));
    const checked = await cli(repo, ['check', '--format', 'json'], {});
    assert.equal(checked.code, 1);
    const rows = JSON.parse(checked.out) as { file: string; code: string; message: string }[];
    assert.deepEqual(rows.map((r) => [r.file, r.code]), [['.mentoring.yaml', 'symlink-not-followed']]);
    assert.match(rows[0]?.message ?? '', /symbolic link to .*outside.*not checked/);

    const scanned = await cli(repo, ['task', 'add', 'Escape'], {});
    assert.equal(scanned.code, 1);
    assert.match(scanned.err, /No mentoring file below this folder[\s\S]*\.mentoring\.yaml is a symbolic link to .*outside/);
    const named = await cli(repo, ['task', 'add', 'Escape', '--file', '.mentoring.yaml'], {});
    assert.equal(named.code, 1);
    assert.match(named.err, /is a symbolic link to .*outside .*repo; it is not followed/);
    assert.equal(readFileSync(secret, 'utf8'), before);
    assert.ok(lstatSync(join(repo, '.mentoring.yaml')).isSymbolicLink());
  });

  it('a linked .mentoring folder leading outside is reported; a link cycle ends, each file found once', async () => {
    mkdirSync(join(outside, '.mentoring'));
    copyFileSync(join(FIXTURES, 'valid.mentoring.yaml'), join(outside, '.mentoring/pair.yaml'));
    mkdirSync(join(repo, 'team'));
    symlinkSync(join(outside, '.mentoring'), join(repo, 'team/.mentoring'));
    copyFileSync(join(FIXTURES, 'valid.mentoring.yaml'), join(repo, '.mentoring.yaml'));
    symlinkSync('..', join(repo, 'team/loop'));
    const r = await cli(repo, ['check', '--format', 'json'], {});
    const rows = JSON.parse(r.out) as { file: string; code: string }[];
    assert.deepEqual(rows.filter((x) => x.code === 'symlink-not-followed').map((x) => x.file), ['team/.mentoring']);
    const text = await cli(repo, ['check'], {});
    assert.match(text.err, /^1 file checked/m);
  });
});
