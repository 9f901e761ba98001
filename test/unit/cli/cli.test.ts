/**
 * The `mentoring` CLI as a process: the bundle is built once, then `node cli.js …` runs in temp
 * folders on real files; exit codes, stdout, stderr and file contents are asserted.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBundlePath } from './run';
import { ROOT as ROOT_DIR } from '../../fixtures';

const ROOT = ROOT_DIR;
const FIXTURES = join(ROOT, 'test/fixtures');
const NOW = '2026-11-20T10:00:00Z';
let cliJs = '';
const temps: string[] = [];

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(cwd: string, args: string[], input?: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [cliJs, ...args], {
    cwd,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, MENTORING_NOW: NOW, TZ: 'UTC', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mentoring-cli-'));
  temps.push(d);
  return d;
}

/** A temp folder holding the named fixture as `.mentoring.yaml`. */
function withFixture(name: string): string {
  const d = tempDir();
  copyFileSync(join(FIXTURES, `${name}.mentoring.yaml`), join(d, '.mentoring.yaml'));
  return d;
}

const read = (d: string, f = '.mentoring.yaml'): string => readFileSync(join(d, f), 'utf8');

describe('mentoring CLI (process)', function () {
  this.timeout(60_000);

  before(async () => {
    // Only the CLI bundle, with esbuild.mjs's options, into a temp folder: other bundles
    // (and the schema file esbuild.mjs writes) are not this suite's business.
    cliJs = await cliBundlePath();
  });

  after(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  describe('the bundle', () => {
    it('starts with a shebang and holds nothing from vscode', () => {
      const js = readFileSync(cliJs, 'utf8');
      assert.ok(js.startsWith('#!/usr/bin/env node\n'));
      assert.doesNotMatch(js, /require\(["']vscode["']\)/);
    });
  });

  describe('usage', () => {
    it('prints help for every command and sub-command, exit 0', () => {
      const d = tempDir();
      const cases: [string[], RegExp][] = [
        [['--help'], /Usage: mentoring COMMAND/],
        [['check', '--help'], /Usage: mentoring check/],
        [['init', '-h'], /Usage: mentoring init/],
        [['session', '--help'], /session plan\|start\|end\|cancel/],
        [['session', 'plan', '--help'], /--at ISO-TIME/],
        [['session', 'start', '-h'], /session start ID/],
        [['session', 'end', '--help'], /--rating/],
        [['session', 'cancel', '--help'], /--by mentor\|mentee/],
        [['task', '--help'], /task add\|done\|drop/],
        [['task', 'add', '--help'], /--link PATH#L42/],
        [['task', 'done', '--help'], /task done ID/],
        [['task', 'drop', '--help'], /--reason/],
        [['summary', '--help'], /summary SESSION-ID/],
        [['hints', '--help'], /--jsonl/],
      ];
      for (const [args, re] of cases) {
        const r = run(d, args);
        assert.equal(r.code, 0, args.join(' '));
        assert.match(r.out, re, args.join(' '));
      }
    });

    it('unknown commands, unknown flags and missing values are usage errors (exit 2) with the usage', () => {
      const d = withFixture('valid');
      const before = read(d);
      const cases: [string[], RegExp][] = [
        [[], /Missing command/],
        [['frobnicate'], /Unknown command "frobnicate"/],
        [['check', '--bogus'], /Unknown option '--bogus'/],
        [['check', '--format'], /--format/],
        [['check', '--format', 'xml'], /text, json or github, not "xml"/],
        [['session'], /Missing session command/],
        [['session', 'reschedule', 'x'], /Unknown session command "reschedule"/],
        [['session', 'plan'], /--at is required/],
        [['session', 'plan', '--at'], /--at/],
        [['session', 'start'], /Missing session id/],
        [['session', 'cancel', '2026-11-19'], /--by is required/],
        [['session', 'cancel', '2026-11-19', '--by', 'boss'], /mentor or mentee, not "boss"/],
        [['session', 'end', '2026-11-19', '--rating', '7', '--from', 'mentee'], /1 to 5, not "7"/],
        [['session', 'end', '2026-11-19', '--rating', '4'], /--from mentor\|mentee is required/],
        [['task', 'add'], /Missing title/],
        [['task', 'add', 'a', 'b'], /Expected one title/],
        [['task', 'add', 'x', '--owner', 'boss'], /not "boss"/],
        [['task', 'done', 't-7f3a', '--force'], /Unknown option '--force'/],
        [['summary'], /Missing session id/],
        [['hints', '--jsonl', 'text'], /give no TEXT/],
      ];
      for (const [args, re] of cases) {
        const r = run(d, args);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
        assert.match(r.err, re, args.join(' '));
        assert.match(r.err, /Usage: mentoring/, args.join(' '));
      }
      assert.equal(read(d), before, 'no usage error writes anything');
    });

    it('a bad MENTORING_NOW is a usage error', () => {
      const r = run(withFixture('valid'), ['check'], '', { MENTORING_NOW: 'tomorrow' });
      assert.equal(r.code, 2);
      assert.match(r.err, /MENTORING_NOW="tomorrow" is not an ISO time/);
    });
  });

  describe('check', () => {
    it('a valid file: exit 0, no lines on stdout, a summary on stderr', () => {
      const r = run(withFixture('valid'), ['check']);
      assert.equal(r.code, 0, r.out + r.err);
      assert.doesNotMatch(r.out, /: error: /);
      assert.match(r.err, /1 file checked: 0 errors/);
    });

    const oddFiles: [string, RegExp][] = [
      ['conflicted', /^\.mentoring\.yaml:8:1: error: Unresolved git merge conflict.*\[merge-conflict\]$/m],
      ['duplicated', /^\.mentoring\.yaml:14:5: error: The key `topic` appears twice.*\[duplicate-key\]$/m],
      ['aliased', /^\.mentoring\.yaml:7:13: error: .*alias bomb.*\[alias-bomb\]$/m],
      ['mistyped', /^\.mentoring\.yaml:4:11: error: `agreement\.mentee` must be a mapping.*\[schema\]$/m],
    ];
    for (const [name, re] of oddFiles) {
      it(`a ${name} file: the exact error line, exit 1`, () => {
        const r = run(withFixture(name), ['check']);
        assert.equal(r.code, 1, r.out + r.err);
        assert.match(r.out, re);
      });
    }

    it('future fields are info only: exit 0', () => {
      const r = run(withFixture('future'), ['check']);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /^\.mentoring\.yaml:4:30: info: Unknown key `pronouns`.*\[unknown-key\]$/m);
      assert.doesNotMatch(r.out, /: error: /);
    });

    it('an empty file is an error that points to init', () => {
      const d = tempDir();
      writeFileSync(join(d, '.mentoring.yaml'), '');
      const r = run(d, ['check']);
      assert.equal(r.code, 1);
      assert.match(r.out, /^\.mentoring\.yaml:1:1: error: .*mentoring init.*\[empty-file\]$/m);
    });

    it('a missing or unreadable file is an error line, not a crash', () => {
      const d = withFixture('valid');
      const r = run(d, ['check', 'nope.yaml', '.mentoring.yaml']);
      assert.equal(r.code, 1);
      assert.match(r.out, /^nope\.yaml:1:1: error: cannot read the file: no such file\. \[unreadable\]$/m);
      assert.match(r.err, /2 files checked: 1 error/);
      assert.doesNotMatch(r.err, /internal error|at .*\.js:/);
    });

    it('a FOLDER argument stands for the mentoring files below it', () => {
      const d = tempDir();
      mkdirSync(join(d, 'a/b'), { recursive: true });
      mkdirSync(join(d, 'empty'));
      copyFileSync(join(FIXTURES, 'duplicated.mentoring.yaml'), join(d, 'a/b/.mentoring.yaml'));
      const r = run(d, ['check', 'a']);
      assert.equal(r.code, 1);
      assert.match(r.out, /^a\/b\/\.mentoring\.yaml:14:5: error: .*\[duplicate-key\]$/m);
      const none = run(d, ['check', 'empty']);
      assert.equal(none.code, 0);
      assert.equal(none.out, '');
      assert.match(none.err, /No mentoring files found/);
    });

    it('a folder with none: exit 0 and says so', () => {
      const r = run(tempDir(), ['check']);
      assert.equal(r.code, 0);
      assert.equal(r.out, '');
      assert.match(r.err, /No mentoring files found/);
    });

    it('finds every **/.mentoring.yaml and .mentoring/*.yaml, skipping node_modules and .git, paths relative to cwd', () => {
      const d = tempDir();
      const valid = readFileSync(join(FIXTURES, 'valid.mentoring.yaml'), 'utf8');
      const conflicted = readFileSync(join(FIXTURES, 'conflicted.mentoring.yaml'), 'utf8');
      for (const dir of ['team/a', '.mentoring', 'node_modules/pkg', '.git/x']) mkdirSync(join(d, dir), { recursive: true });
      writeFileSync(join(d, '.mentoring.yaml'), valid);
      writeFileSync(join(d, 'team/a/.mentoring.yaml'), conflicted);
      writeFileSync(join(d, '.mentoring/ana-ben.yaml'), conflicted);
      writeFileSync(join(d, '.mentoring/notes.txt'), 'not yaml');
      writeFileSync(join(d, 'node_modules/pkg/.mentoring.yaml'), conflicted);
      writeFileSync(join(d, '.git/x/.mentoring.yaml'), conflicted);
      const r = run(d, ['check', '--format', 'json']);
      assert.equal(r.code, 1);
      const rows = JSON.parse(r.out) as { file: string }[];
      assert.deepEqual([...new Set(rows.map((x) => x.file))].sort(), ['.mentoring/ana-ben.yaml', join('team', 'a', '.mentoring.yaml')].sort());
      const text = run(join(d, 'team'), ['check']);
      assert.match(text.out, /^a\/\.mentoring\.yaml:8:1: error: /m);
    });

    it('finds a .mentoring/pair.yml like a .yaml one (the rule of core/files.ts), and skips .vscode-test', () => {
      const d = tempDir();
      const conflicted = readFileSync(join(FIXTURES, 'conflicted.mentoring.yaml'), 'utf8');
      for (const dir of ['.mentoring', 'team/.mentoring', '.vscode-test/ws/.mentoring']) mkdirSync(join(d, dir), { recursive: true });
      writeFileSync(join(d, '.mentoring/pair.yml'), conflicted);
      writeFileSync(join(d, 'team/.mentoring/pair.yaml'), readFileSync(join(FIXTURES, 'valid.mentoring.yaml'), 'utf8'));
      writeFileSync(join(d, '.mentoring/.yml'), conflicted);
      writeFileSync(join(d, '.vscode-test/ws/.mentoring/pair.yml'), conflicted);
      const r = run(d, ['check']);
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /^\.mentoring\/pair\.yml:\d+:\d+: error: /m);
      assert.doesNotMatch(r.out, /vscode-test|\.mentoring\/\.yml/);
      assert.match(r.err, /2 files checked: [1-9]\d* errors?/);
      // An editing command finds it too when it is the only mentoring file.
      const only = tempDir();
      mkdirSync(join(only, '.mentoring'));
      writeFileSync(join(only, '.mentoring/pair.yml'), readFileSync(join(FIXTURES, 'valid.mentoring.yaml'), 'utf8'));
      const added = run(only, ['task', 'add', 'Read the yml rule', '--owner', 'mentee']);
      assert.equal(added.code, 0, added.err);
      assert.match(read(only, '.mentoring/pair.yml'), /title: Read the yml rule/);
    });

    it('--format json is one array of {file,line,column,severity,message,code}', () => {
      const r = run(withFixture('mistyped'), ['check', '--format', 'json']);
      assert.equal(r.code, 1);
      const rows = JSON.parse(r.out) as Record<string, unknown>[];
      assert.ok(Array.isArray(rows) && rows.length >= 3);
      assert.deepEqual(Object.keys(rows[0] ?? {}).sort(), ['code', 'column', 'file', 'line', 'message', 'severity']);
      assert.deepEqual(
        { file: rows[0]?.file, line: rows[0]?.line, column: rows[0]?.column, severity: rows[0]?.severity, code: rows[0]?.code },
        { file: '.mentoring.yaml', line: 4, column: 11, severity: 'error', code: 'schema' },
      );
      const empty = run(withFixture('valid'), ['check', '--format', 'json']);
      assert.equal(empty.code, 0);
      assert.deepEqual(JSON.parse(empty.out), []);
    });

    it('--format github prints escaped annotations', () => {
      const r = run(withFixture('duplicated'), ['check', '--format', 'github']);
      assert.equal(r.code, 1);
      assert.match(r.out, /^::error file=\.mentoring\.yaml,line=14,col=5,title=mentoring duplicate-key::The key `topic` appears twice/m);
      const info = run(withFixture('future'), ['check', '--format', 'github']);
      assert.match(info.out, /^::notice file=\.mentoring\.yaml,line=4,col=30,/m);
    });

    it('warnings alone exit 0 (an overdue task)', () => {
      const r = run(withFixture('valid'), ['check'], '', { MENTORING_NOW: '2027-01-10T10:00:00Z' });
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /: warning: .*t-7f3a/);
    });
  });

  describe('init', () => {
    it('writes a commented starter file that checks clean, and refuses to overwrite it', () => {
      const d = tempDir();
      const r = run(d, ['init', '--mentor', 'Ana Silva', '--mentee', 'Ben: Okafor #2']);
      assert.equal(r.code, 0, r.err);
      const text = read(d);
      assert.match(text, /^# /);
      assert.match(text, /Ben: Okafor #2/);
      assert.equal(run(d, ['check']).code, 0);
      const again = run(d, ['init', '--mentor', 'X', '--mentee', 'Y']);
      assert.equal(again.code, 1);
      assert.match(again.err, /already exists; nothing was written/);
      assert.equal(read(d), text);
    });

    it('--file writes elsewhere; without names and without a terminal it is a usage error', () => {
      const d = tempDir();
      mkdirSync(join(d, '.mentoring'));
      assert.equal(run(d, ['init', '--mentor', 'A', '--mentee', 'B', '--file', '.mentoring/a-b.yaml']).code, 0);
      assert.match(read(d, '.mentoring/a-b.yaml'), /version: 1/);
      const r = run(tempDir(), ['init', '--mentor', 'A']);
      assert.equal(r.code, 2);
      assert.match(r.err, /--mentee NAME is required/);
    });
    it('asks for the names on a terminal (typed ahead, blank answers asked again); Ctrl+D cancels cleanly', function () {
      // A pseudo-terminal via util-linux `script`; without it there is no terminal to test on.
      if (spawnSync('script', ['--version'], { encoding: 'utf8' }).status !== 0) this.skip();
      const tty = (cwd: string, input: string): Run => {
        const r = spawnSync('script', ['-qec', `"${process.execPath}" "${cliJs}" init`, '/dev/null'], {
          cwd,
          input,
          encoding: 'utf8',
          env: { ...process.env, MENTORING_NOW: NOW, TZ: 'UTC' },
          timeout: 20_000,
        });
        return { code: r.status, out: r.stdout, err: r.stderr };
      };
      const d = tempDir();
      const r = tty(d, 'Ana Silva\n\nBen Okafor\n');
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /Mentor's name: [\s\S]*Mentee's name: [\s\S]*Wrote \.mentoring\.yaml/);
      assert.match(read(d), /between Ana Silva \(mentor\) and Ben Okafor \(mentee\)/);
      const e = tempDir();
      const cancelled = tty(e, 'Ana\n\u0004');
      assert.equal(cancelled.code, 1, cancelled.out);
      assert.match(cancelled.out, /Cancelled; nothing was written/);
      assert.doesNotMatch(cancelled.out, /internal error/);
      assert.deepEqual(readdirSync(e), []);
    });
  });

  describe('editing', () => {
    it('session plan appends a session, keeps every comment, prints the id', () => {
      const d = withFixture('valid');
      const before = read(d);
      const r = run(d, ['session', 'plan', '--at', '2026-11-26T15:00:00+01:00', '--topic', 'Tests first', '--agenda', 'Review t-7f3a', '--agenda', 'Questions']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /Planned session 2026-11-26\./);
      const after = read(d);
      for (const line of before.split('\n').filter((l) => l.includes('#'))) assert.ok(after.includes(line), `kept: ${line}`);
      assert.match(after, /- id: 2026-11-26\n\s+at: 2026-11-26T15:00:00\+01:00\n\s+topic: Tests first\n\s+announced: 2026-11-20T10:00:00Z/);
      assert.match(after, /- Review t-7f3a\n\s+- Questions/);
      assert.equal(run(d, ['check']).code, 0);
    });

    it('start, end with feedback, and the summary', () => {
      const d = withFixture('valid');
      assert.equal(run(d, ['session', 'plan', '--at', '2026-11-20T09:00:00Z', '--topic', 'Pairing']).code, 0);
      const s = run(d, ['session', 'start', '2026-11-20']);
      assert.equal(s.code, 0, s.err);
      assert.match(read(d), /started: 2026-11-20T10:00:00Z/);
      const e = run(d, ['session', 'end', '2026-11-20', '--rating', '5', '--valuable', 'The pairing', '--change', 'More breaks', '--from', 'mentee'], '', {
        MENTORING_NOW: '2026-11-20T10:45:00Z',
      });
      assert.equal(e.code, 0, e.err);
      const text = read(d);
      assert.match(text, /ended: 2026-11-20T10:45:00Z/);
      assert.match(text, /from: mentee\n\s+rating: 5\n\s+valuable: The pairing\n\s+change: More breaks/);
      const again = run(d, ['session', 'start', '2026-11-20']);
      assert.equal(again.code, 1);
      assert.match(again.err, /already/);
      const sum = run(d, ['summary', '2026-11-20']);
      assert.equal(sum.code, 0, sum.err);
      assert.match(sum.out, /^# Session 2026-11-20: Pairing/);
      assert.match(sum.out, /The pairing/);
      const none = run(d, ['summary', '2099-01-01']);
      assert.equal(none.code, 1);
      assert.match(none.err, /There is no session "2099-01-01"/);
    });

    it('a late cancellation is recorded and warned about', () => {
      const d = withFixture('valid');
      assert.equal(run(d, ['session', 'plan', '--at', '2026-11-20T15:00:00Z', '--topic', 'T']).code, 0);
      const r = run(d, ['session', 'cancel', '2026-11-20', '--by', 'mentor', '--reason', 'Sick']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /^warning: .*cancellationNotice/m);
      assert.match(read(d), /status: cancelled/);
      assert.match(read(d), /by: mentor\n\s+reason: Sick/);
    });

    it('task add with every option, then done and drop', () => {
      const d = withFixture('valid');
      const r = run(d, ['task', 'add', 'Read: the retry loop', '--owner', 'mentor', '--due', '2026-12-01', '--goal', 'tests-first', '--session', '2026-11-19', '--link', 'src/a.ts#L42', '--link', 'src/b.ts#L7']);
      assert.equal(r.code, 0, r.err);
      const id = /Added task (t-[0-9a-z]+)\./.exec(r.out)?.[1];
      assert.ok(id, r.out);
      const text = read(d);
      assert.match(text, new RegExp(`- id: ${id}\\n\\s+title: "Read: the retry loop"\\n\\s+owner: mentor\\n\\s+due: 2026-12-01\\n\\s+status: open\\n\\s+goal: tests-first\\n\\s+session: 2026-11-19\\n\\s+links:\\n\\s+- src/a.ts#L42\\n\\s+- src/b.ts#L7`));
      assert.equal(run(d, ['task', 'done', id]).code, 0);
      assert.match(read(d), new RegExp(`id: ${id}[\\s\\S]*status: done`));
      const drop = run(d, ['task', 'drop', 't-7f3a', '--reason', 'Fixed upstream']);
      assert.equal(drop.code, 0, drop.err);
      assert.match(read(d), /status: dropped +# open \| done \| dropped/);
      assert.match(read(d), /reason: Fixed upstream/);
      assert.equal(run(d, ['check']).code, 0);
    });

    it('a refused operation writes nothing and says why (exit 1)', () => {
      const d = withFixture('valid');
      const before = read(d);
      const cases: [string[], RegExp][] = [
        [['task', 'add', 'x', '--goal', 'nope'], /There is no goal "nope"/],
        [['task', 'add', 'x', '--due', '1st of May'], /due date/],
        [['task', 'done', 't-none'], /t-none/],
        [['session', 'start', '1999-01-01'], /1999-01-01/],
        [['session', 'plan', '--at', 'next tuesday'], /next tuesday/],
      ];
      for (const [args, re] of cases) {
        const r = run(d, args);
        assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
        assert.match(r.err, re, args.join(' '));
        assert.match(r.err, /Nothing was changed/);
      }
      assert.equal(read(d), before);
    });

    for (const name of ['conflicted', 'duplicated', 'aliased', 'mistyped']) {
      it(`refuses to edit a ${name} file, printing its errors in the check format`, () => {
        const d = withFixture(name);
        const before = read(d);
        const r = run(d, ['task', 'add', 'Anything']);
        assert.equal(r.code, 1);
        assert.match(r.err, /^\.mentoring\.yaml:\d+:\d+: error: .*\[[a-z-]+\]$/m);
        assert.match(r.err, /has errors, so it cannot be changed until they are fixed \(listed above\); nothing was changed/);
        assert.equal(read(d), before);
      });
    }

    it('edits a file with future fields and keeps them', () => {
      const d = withFixture('future');
      const before = read(d);
      assert.equal(run(d, ['task', 'add', 'Keep the unknown keys']).code, 0);
      const after = read(d);
      for (const key of ['pronouns: she/her', 'milestones', 'location']) assert.ok(after.includes(key), key);
      assert.ok(after.startsWith(before.slice(0, before.indexOf('tasks:'))), 'everything before tasks is unchanged');
    });

    it('--file is needed when there are several files, listing them; none → points to init', () => {
      const d = tempDir();
      mkdirSync(join(d, '.mentoring'));
      copyFileSync(join(FIXTURES, 'valid.mentoring.yaml'), join(d, '.mentoring/a.yaml'));
      copyFileSync(join(FIXTURES, 'valid.mentoring.yaml'), join(d, '.mentoring/b.yaml'));
      const r = run(d, ['task', 'done', 't-7f3a']);
      assert.equal(r.code, 2);
      assert.match(r.err, /Several mentoring files.*--file:\n {2}\.mentoring\/a\.yaml\n {2}\.mentoring\/b\.yaml/);
      assert.equal(run(d, ['task', 'done', 't-7f3a', '--file', '.mentoring/b.yaml']).code, 0);
      assert.match(read(d, '.mentoring/b.yaml'), /status: done/);
      assert.match(read(d, '.mentoring/a.yaml'), /status: open/);
      const none = run(tempDir(), ['task', 'add', 'x']);
      assert.equal(none.code, 1);
      assert.match(none.err, /No mentoring file below this folder.*mentoring init/);
      const missing = run(d, ['task', 'add', 'x', '--file', 'gone.yaml']);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /gone\.yaml: cannot read the file: no such file/);
    });

    it('writes atomically: keeps the mode, leaves no temp file, keeps CRLF', () => {
      const d = tempDir();
      const crlf = readFileSync(join(FIXTURES, 'valid.mentoring.yaml'), 'utf8').replace(/\r?\n/g, '\r\n');
      writeFileSync(join(d, '.mentoring.yaml'), crlf);
      chmodSync(join(d, '.mentoring.yaml'), 0o600);
      const r = run(d, ['task', 'done', 't-7f3a']);
      assert.equal(r.code, 0, r.err);
      assert.equal(statSync(join(d, '.mentoring.yaml')).mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(d), ['.mentoring.yaml']);
      const after = read(d);
      assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/, 'every line ends in CRLF');
      assert.match(after, /status: done/);
    });
  });

  describe('hints', () => {
    it('TEXT or stdin: each hint with its quoted span, message and rewrites', () => {
      const d = tempDir();
      const r = run(d, ['hints', 'This is wrong.']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^".*wrong.*" \(\d+-\d+, judgment\/[a-z-]+\): .+\n {2}→ .+\?/m);
      const s = run(d, ['hints'], 'This is wrong.');
      assert.equal(s.out, r.out);
      const none = run(d, ['hints', 'What led you to choose a map here?']);
      assert.equal(none.code, 0);
      assert.equal(none.out, 'No hints.\n');
    });

    it('--jsonl: one JSON array per input line, in order, with exactly the hint fields', () => {
      const lines = ['This is wrong.', 'What led you to choose a map here?', 'Line with "quotes" and ünïcode 🎉: this is a mess.'];
      const r = run(tempDir(), ['hints', '--jsonl'], lines.map((l) => JSON.stringify(l)).join('\r\n') + '\n');
      assert.equal(r.code, 0, r.err);
      const out = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>[]);
      assert.equal(out.length, 3);
      assert.ok((out[0]?.length ?? 0) > 0);
      assert.deepEqual(out[1], []);
      for (const hint of [...(out[0] ?? []), ...(out[2] ?? [])]) {
        assert.deepEqual(Object.keys(hint).sort(), ['category', 'end', 'message', 'rewrites', 'rule', 'start']);
      }
      const mess = out[2]?.find((h) => String(h.rule).length > 0 && (lines[2] ?? '').slice(Number(h.start), Number(h.end)).includes('mess'));
      assert.ok(mess, 'the range is in UTF-16 offsets of the input line');
    });

    it("--file applies the team's hints block (extra judgment words)", () => {
      const d = withFixture('valid');
      writeFileSync(join(d, '.mentoring.yaml'), read(d).replace('extraJudgmentWords: [hacky]', 'extraJudgmentWords: [zorbish]'));
      const line = '"This looks zorbish."\n';
      const flagged = (out: string): number =>
        (JSON.parse(out) as { start: number; end: number }[]).filter((h) => 'This looks zorbish.'.slice(h.start, h.end).includes('zorbish')).length;
      const plain = run(tempDir(), ['hints', '--jsonl'], line);
      assert.equal(plain.code, 0, plain.err);
      assert.equal(flagged(plain.out), 0, plain.out);
      const team = run(d, ['hints', '--jsonl', '--file', '.mentoring.yaml'], line);
      assert.equal(team.code, 0, team.err);
      assert.equal(flagged(team.out), 1, team.out);
      // Without --file: the one mentoring file below this folder, as the editing commands find it.
      const found = run(d, ['hints', '--jsonl'], line);
      assert.equal(found.code, 0, found.err);
      assert.equal(flagged(found.out), 1, found.out);
      assert.equal(found.err, '');
      const broken = run(withFixture('conflicted'), ['hints', 'x', '--file', '.mentoring.yaml']);
      assert.equal(broken.code, 1);
      assert.match(broken.err, /could not be read as a mentoring file/);
    });

    it('without --file, several or broken mentoring files never stop the hints: a note on stderr, the defaults', () => {
      const line = '"This looks zorbish. This is wrong."\n';
      const two = withFixture('valid');
      mkdirSync(join(two, 'other'));
      writeFileSync(join(two, 'other', '.mentoring.yaml'), read(two).replace('extraJudgmentWords: [hacky]', 'extraJudgmentWords: [zorbish]'));
      const several = run(two, ['hints', '--jsonl'], line);
      assert.equal(several.code, 0, several.err);
      assert.match(several.err, /2 mentoring files below this folder; give --file PATH/);
      const hints = JSON.parse(several.out) as { rule: string; start: number; end: number }[];
      assert.ok(hints.some((h) => h.rule === 'judgment-word'), several.out);
      assert.ok(!hints.some((h) => 'This looks zorbish.'.slice(h.start, h.end).includes('zorbish')), 'no team block applied');
      const broken = run(withFixture('conflicted'), ['hints', '--jsonl'], line);
      assert.equal(broken.code, 0, broken.err);
      assert.match(broken.err, /\.mentoring\.yaml has errors, so its `hints:` block is not applied; run `mentoring check`/);
      assert.equal((JSON.parse(broken.out) as unknown[]).length > 0, true);
    });

    it('--jsonl: an invalid line → the lines before it are answered, stderr names the line, exit 2', () => {
      const r = run(tempDir(), ['hints', '--jsonl'], '"fine"\nnot json\n"never read"\n');
      assert.equal(r.code, 2);
      assert.equal(r.out, '[]\n');
      assert.match(r.err, /stdin line 2: expected a JSON string/);
      const num = run(tempDir(), ['hints', '--jsonl'], '42\n');
      assert.equal(num.code, 2);
      assert.match(num.err, /stdin line 1/);
      const empty = run(tempDir(), ['hints', '--jsonl'], '');
      assert.equal(empty.code, 0);
      assert.equal(empty.out, '');
    });
  });
});
