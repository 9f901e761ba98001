/**
 * `mentoring report` as a process (the bundled CLI): files below folders, error rows, the four
 * formats with no content leaking, worker threads, and git repositories made here with real git
 * (a bare one by path, one by file:// URL, the cache refreshed after a new commit).
 */
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { seal } from '../../../src/core/seal/age';
import { PAIR } from '../../fixtures/reportPair';
import { cli, cliBundlePath } from './run';

// core/report.test.ts's pair counts against local noon of 2026-11-20; TZ=UTC here.
const ENV = { MENTORING_NOW: '2026-11-20T12:00:00Z' };

interface Json {
  pairs: Record<string, unknown>[];
  errors: { file: string; repo: string | null; line: number; column: number; code: string; message: string }[];
}

let tmp = '';
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'mentoring-report-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function put(path: string, text: string): string {
  const full = join(tmp, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('mentoring report (CLI)', function () {
  this.timeout(120_000);

  it('one row per pair below the folders, and a broken file as an error row with its place', async () => {
    put('team/a/.mentoring.yaml', PAIR);
    put('team/b/.mentoring/pair.yml', PAIR.replace('Ana Silva', 'Cleo Park'));
    put('team/c/.mentoring.yaml', 'version: 1\nagreement:\n  mentor: { name: "Dee }\n');
    put('team/notes.yaml', 'not: a mentoring file\n');
    const r = await cli(tmp, ['report', 'team', '--format', 'json'], ENV);
    assert.equal(r.code, 1, 'an error row makes the exit code 1');
    const json = JSON.parse(r.out) as Json;
    assert.deepEqual(json.pairs.map((p) => [p.file, p.mentor, p.sessionsHeld, p.cancelledLate]), [
      ['team/a/.mentoring.yaml', 'Ana Silva', 4, 1],
      ['team/b/.mentoring/pair.yml', 'Cleo Park', 4, 1],
    ]);
    assert.equal(json.errors.length, 1);
    const e = json.errors[0]!;
    assert.deepEqual([e.file, e.repo, e.line, e.code], ['team/c/.mentoring.yaml', null, 3, 'yaml-syntax']);
    assert.ok(e.column > 1);
    assert.match(r.err, /2 pairs reported, 1 error/);
  });

  it('a link leading out of the folder is an error row, never read', async () => {
    put('outside/.mentoring.yaml', PAIR);
    mkdirSync(join(tmp, 'team/x'), { recursive: true });
    symlinkSync(join(tmp, 'outside/.mentoring.yaml'), join(tmp, 'team/x/.mentoring.yaml'));
    const json = JSON.parse((await cli(tmp, ['report', 'team', '--format', 'json'], ENV)).out) as Json;
    assert.deepEqual(json.pairs, []);
    assert.deepEqual(json.errors.map((x) => [x.file, x.code]), [['team/x/.mentoring.yaml', 'symlink-not-followed']]);
  });

  it('no text of notes, feedback, ratings, agendas, topics, reasons or comments reaches any format, sealed or not', async () => {
    const identity = await generateX25519Identity();
    const sealed = await seal('MARKER-sealed-note', [await identityToRecipient(identity)]);
    const text = [
      'version: 1',
      'agreement:',
      `  mentor: { name: Ana Silva, key: ${await identityToRecipient(identity)} }`,
      '  mentee: { name: Ben Okafor }',
      '  started: 2026-09-07',
      '  goals: [{ id: g1, title: MARKER-goal-title, why: MARKER-goal-why, by: 2027-01-01 }]',
      '  expectations: { cadence: weekly, topicNotice: 48h, cancellationNotice: 24h, undoneTasks: MARKER-undone, confidentiality: MARKER-conf }',
      '  x-extra: MARKER-unknown-key',
      'sessions:',
      '  - id: s1',
      '    at: "2026-09-08T15:00"',
      '    topic: MARKER-topic',
      '    announced: "2026-09-01T15:00"',
      '    status: held',
      '    agenda: [MARKER-agenda-1, MARKER-agenda-2]',
      '    notes: MARKER-notes',
      '    feedback: [{ from: mentee, rating: 5, valuable: MARKER-valuable, change: MARKER-change }]',
      '  - id: s2',
      '    at: "2026-09-15T15:00"',
      '    status: held',
      '    notes: |',
      ...sealed.trim().split('\n').map((l) => `      ${l}`),
      '  - { id: s3, at: "2026-09-22T15:00", status: cancelled, cancelled: { at: "2026-09-22T10:00", by: mentor, reason: MARKER-reason } }',
      'tasks:',
      '  - { id: t1, title: MARKER-task-title, status: dropped, reason: MARKER-task-reason, links: [src/MARKER-link.ts] }',
      'threads:',
      '  - id: th1',
      '    file: src/MARKER-thread-file.ts',
      '    line: 3',
      '    anchor: { text: MARKER-anchor }',
      '    comments: [{ author: mentor, body: MARKER-comment }]',
      '',
    ].join('\n');
    put('p/.mentoring.yaml', text);
    for (const format of ['json', 'csv', 'md', 'html']) {
      const r = await cli(tmp, ['report', 'p', '--format', format], ENV);
      assert.equal(r.code, 0, `${format}: ${r.err}`);
      assert.match(r.out, /Ana Silva/, `${format} shows the pair`);
      assert.doesNotMatch(r.out + r.err, /MARKER/, `${format} leaks no text`);
      assert.doesNotMatch(r.out, /AGE ENCRYPTED|"rating"|rating:/i, `${format} shows no sealed block and no rating`);
    }
    const json = JSON.parse((await cli(tmp, ['report', 'p', '--format', 'json'], ENV)).out) as Json;
    assert.equal(json.pairs[0]?.feedbackGiven, 1, 'feedback is counted, not shown');
  });

  it('many files: worker threads give the same report as one thread, with a progress line', async () => {
    for (let i = 0; i < 90; i++) put(`many/p${String(i).padStart(2, '0')}/.mentoring.yaml`, PAIR.replace('Ana Silva', `Mentor ${i}`));
    put('many/broken/.mentoring.yaml', `${PAIR}  - { id: t1, title: Again }\n`);
    const threads = await cli(tmp, ['report', 'many', '--format', 'json', '--jobs', '2', '--progress'], ENV);
    const single = await cli(tmp, ['report', 'many', '--format', 'json', '--jobs', '0'], ENV);
    assert.equal(threads.out, single.out);
    const json = JSON.parse(threads.out) as Json;
    assert.equal(json.pairs.length, 90);
    assert.deepEqual(json.errors.map((e) => [e.file, e.code]), [['many/broken/.mentoring.yaml', 'duplicate-id']]);
    assert.match(threads.err, /report: 91 of 91 files read/);
    assert.doesNotMatch(single.err, /files read/, 'no progress unless asked (stderr is not a terminal)');
  });

  it('--out writes the page (and CSV with CRLF records); it refuses to write over a mentoring file', async () => {
    put('p/.mentoring.yaml', PAIR);
    const html = await cli(tmp, ['report', 'p', '--format', 'html', '--out', 'report.html'], ENV);
    assert.equal(html.code, 0, html.err);
    assert.match(readFileSync(join(tmp, 'report.html'), 'utf8'), /^<!DOCTYPE html>/);
    await cli(tmp, ['report', 'p', '--format', 'csv', '--out', 'report.csv'], ENV);
    assert.match(readFileSync(join(tmp, 'report.csv'), 'utf8'), /^repo,file,mentor,.*\r\n,p\/\.mentoring\.yaml,Ana Silva,/s);
    const refused = await cli(tmp, ['report', 'p', '--out', 'p/.mentoring.yaml'], ENV);
    assert.equal(refused.code, 2);
    assert.equal(readFileSync(join(tmp, 'p/.mentoring.yaml'), 'utf8'), PAIR);
  });

  it('git repositories: a bare one by path and one by file:// URL, only their mentoring files fetched, refreshed after a new commit', async () => {
    const cache = join(tmp, 'cache');
    const env = { ...ENV, XDG_CACHE_HOME: cache, HOME: tmp };
    // repository one: a work tree pushed into a bare repository, given by its path
    const work1 = join(tmp, 'work1');
    mkdirSync(work1);
    git(work1, 'init', '-q');
    put('work1/pairs/a/.mentoring.yaml', PAIR);
    put('work1/big.bin', 'x'.repeat(200_000));
    put('work1/src/code.ts', 'export const x = 1;\n');
    git(work1, 'add', '.');
    git(work1, 'commit', '-qm', 'one');
    git(tmp, 'clone', '-q', '--bare', work1, join(tmp, 'one.git'));
    // repository two: a plain repository, given by file:// URL
    const work2 = join(tmp, 'work2');
    mkdirSync(work2);
    git(work2, 'init', '-q');
    put('work2/.mentoring/ana-ben.yaml', PAIR.replace('Ana Silva', 'Dana Two'));
    git(work2, 'add', '.');
    git(work2, 'commit', '-qm', 'one');
    git(work2, 'commit', '-q', '--allow-empty', '-m', 'two');
    const url2 = pathToFileURL(work2).href;

    const first = await cli(tmp, ['report', 'one.git', url2, '--format', 'json'], env);
    assert.equal(first.code, 0, first.err);
    const json = JSON.parse(first.out) as Json;
    assert.deepEqual(json.pairs.map((p) => [p.repo, p.file, p.mentor]), [
      [url2, '.mentoring/ana-ben.yaml', 'Dana Two'],
      ['one.git', 'pairs/a/.mentoring.yaml', 'Ana Silva'],
    ]);
    // The clones are in the cache, shallow, with only the mentoring files checked out.
    const clones = readdirSync(join(cache, 'mentoring', 'repos'));
    assert.equal(clones.length, 2);
    const clone2 = join(cache, 'mentoring', 'repos', clones.find((c) => existsSync(join(cache, 'mentoring', 'repos', c, '.mentoring')))!);
    assert.equal(git(clone2, 'rev-list', '--count', 'HEAD').trim(), '1', 'depth 1');
    const clone1 = join(cache, 'mentoring', 'repos', clones.find((c) => join(cache, 'mentoring', 'repos', c) !== clone2)!);
    assert.ok(existsSync(join(clone1, 'pairs/a/.mentoring.yaml')));
    assert.ok(!existsSync(join(clone1, 'big.bin')) && !existsSync(join(clone1, 'src')), 'nothing but the mentoring files is checked out');

    // A new commit: the next run fetches it into the same cache.
    writeFileSync(join(work2, '.mentoring/ana-ben.yaml'), PAIR.replace('Ana Silva', 'Dana Two').replace('status: held }', 'status: held, feedback: [{ from: mentor }] }'));
    git(work2, 'commit', '-qam', 'three');
    const second = JSON.parse((await cli(tmp, ['report', url2, '--format', 'json'], env)).out) as Json;
    assert.equal(second.pairs[0]?.feedbackGiven, 3 + 1, 'the feedback of the new commit is counted');
    assert.equal(readdirSync(join(cache, 'mentoring', 'repos')).length, 2, 'the same cache entry was refreshed');
  });

  it('reports at once on one repository take turns on its copy; one named twice is reported once', async () => {
    const work = join(tmp, 'work');
    mkdirSync(work);
    git(work, 'init', '-q');
    for (let i = 0; i < 30; i++) put(`work/pairs/p${i}/.mentoring.yaml`, PAIR.replace('Ana Silva', `Mentor ${i}`));
    git(work, 'add', '.');
    git(work, 'commit', '-qm', 'one');
    const url = pathToFileURL(work).href;
    const env = { PATH: process.env.PATH, TZ: 'UTC', ...ENV, XDG_CACHE_HOME: join(tmp, 'cache'), HOME: tmp };
    const script = await cliBundlePath();
    // Four processes, the cache empty: without the lock, one run's clean-up removed the clone under another.
    const runs = await Promise.all([0, 1, 2, 3].map(() => new Promise<{ code: number | null; out: string; err: string }>((done) => {
      execFile(process.execPath, [script, 'report', url, '--format', 'json', '--jobs', '0'], { cwd: tmp, env, encoding: 'utf8' }, (err, out, errText) => {
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out, err: errText });
      });
    })));
    for (const r of runs) {
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out) as Json;
      assert.deepEqual(json.errors, []);
      assert.equal(json.pairs.length, 30);
    }
    assert.ok(!readdirSync(join(tmp, 'cache', 'mentoring', 'repos')).some((f) => f.endsWith('.lock')), 'every hold released');
    const twice = await cli(tmp, ['report', url, url, '--format', 'json'], env);
    assert.equal(twice.code, 0, twice.err);
    assert.equal((JSON.parse(twice.out) as Json).pairs.length, 30, 'the same URL twice is one repository');
  });

  it('a repository that cannot be fetched is an error row, not a crash', async () => {
    const r = await cli(tmp, ['report', pathToFileURL(join(tmp, 'nowhere')).href, '--format', 'json'], { ...ENV, XDG_CACHE_HOME: join(tmp, 'cache') });
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out) as Json;
    assert.equal(json.errors[0]?.code, 'repo-unreachable');
  });
});
