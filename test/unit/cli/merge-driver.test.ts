/**
 * The merge driver with real git: `mentoring merge-driver install` in a temp repository, then
 * real branches merged by `git merge`, the driver run by git itself from the recorded command.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliBundlePath } from './run';

const ENV = { HOME: '/nonexistent-home', GIT_CONFIG_NOSYSTEM: '1' };
const temps: string[] = [];

function git(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...ENV, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function ok(cwd: string, ...args: string[]): string {
  const r = git(cwd, ...args);
  assert.equal(r.code, 0, `git ${args.join(' ')}: ${r.err}`);
  return r.out;
}

const FILE = `version: 1
# The agreement, as we wrote it together.
agreement:
  mentor: { name: Ada Lovelace }
  mentee:
    name: Bob   # prefers Bob
  started: 2026-11-01
  goals:
    - id: tests-first
      title: Write tests first
      by: 2027-03-01

sessions: []

tasks:
  - id: t-1
    title: Read the testing guide   # chapter 2 first
    owner: mentee
    status: open
`;

/** A repository with FILE committed on main and the driver installed (by the CLI, as a user would). */
async function repo(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-merge-'));
  temps.push(dir);
  ok(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, '.mentoring.yaml'), FILE);
  writeFileSync(join(dir, '.gitattributes'), '*.png binary\n');
  const r = await cli(dir, ['merge-driver', 'install'], ENV);
  assert.equal(r.code, 0, r.err);
  ok(dir, 'add', '-A');
  ok(dir, 'commit', '-qm', 'start');
  return dir;
}

async function onBranch(dir: string, name: string, change: (dir: string) => Promise<void> | void): Promise<void> {
  ok(dir, 'checkout', '-q', '-b', name, 'main');
  await change(dir);
  ok(dir, 'commit', '-qam', name);
  ok(dir, 'checkout', '-q', 'main');
}

function edit(dir: string, from: string, to: string): void {
  const p = join(dir, '.mentoring.yaml');
  const text = readFileSync(p, 'utf8');
  assert.ok(text.includes(from), `the file holds ${from}`);
  writeFileSync(p, text.replace(from, to));
}

describe('mentoring merge-driver (real git)', function () {
  this.timeout(60_000);
  before(async () => {
    await cliBundlePath();
  });
  after(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it('install writes .gitattributes (keeping its lines, once) and git config with the running CLI', async () => {
    const dir = await repo();
    assert.equal(readFileSync(join(dir, '.gitattributes'), 'utf8'), '*.png binary\n.mentoring.yaml merge=mentoring\n**/.mentoring/*.yaml merge=mentoring\n**/.mentoring/*.yml merge=mentoring\n');
    const again = await cli(dir, ['merge-driver', 'install'], ENV);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /already names/);
    assert.equal(readFileSync(join(dir, '.gitattributes'), 'utf8').match(/merge=mentoring/g)?.length, 3);
    assert.equal(ok(dir, 'config', 'merge.mentoring.name').trim(), 'mentoring files, merged by id');
    const driver = ok(dir, 'config', 'merge.mentoring.driver').trim();
    assert.equal(driver, `'${process.execPath}' '${await cliBundlePath()}' merge-driver %O %A %B %P`);
    assert.equal(ok(dir, 'check-attr', 'merge', '.mentoring.yaml').trim(), '.mentoring.yaml: merge: mentoring');
    for (const p of ['.mentoring/pairs.yml', 'team/.mentoring/pair.yaml', 'team/x/.mentoring.yaml']) {
      assert.equal(ok(dir, 'check-attr', 'merge', p).trim(), `${p}: merge: mentoring`);
    }
    assert.equal(ok(dir, 'check-attr', 'merge', 'notes.yaml').trim(), 'notes.yaml: merge: unspecified');
  });

  it('init tips the driver; a wrong driver command line is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-init-'));
    temps.push(dir);
    const r = await cli(dir, ['init', '--mentor', 'Ada', '--mentee', 'Bob'], ENV);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Run `mentoring merge-driver install` so git merges this file by id\.$/m);
    const bad = await cli(dir, ['merge-driver', 'a', 'b'], ENV);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Expected install, or BASE OURS THEIRS PATH/);
  });

  it('install outside a git repository fails with git\'s reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-nogit-'));
    temps.push(dir);
    const r = await cli(dir, ['merge-driver', 'install'], { ...ENV, GIT_CEILING_DIRECTORIES: tmpdir() });
    assert.equal(r.code, 1);
    assert.match(r.err, /git rev-parse --show-toplevel failed: .*not a git repository/);
  });

  it('two branches that each add a task: git merge succeeds, both tasks kept, the file checks clean', async () => {
    const dir = await repo();
    await onBranch(dir, 'a', async (d) => void assert.equal((await cli(d, ['task', 'add', 'Pair on the retry bug'], ENV)).code, 0));
    await onBranch(dir, 'b', async (d) => void assert.equal((await cli(d, ['task', 'add', 'Write the flaky-test note', '--owner', 'mentor'], ENV)).code, 0));
    ok(dir, 'merge', '-q', '--no-edit', 'a');
    const m = git(dir, 'merge', '--no-edit', 'b');
    assert.equal(m.code, 0, m.out + m.err);
    const text = readFileSync(join(dir, '.mentoring.yaml'), 'utf8');
    assert.ok(!text.includes('<<<<<<<'), text);
    const a = text.indexOf('title: Pair on the retry bug');
    const b = text.indexOf('title: Write the flaky-test note');
    assert.ok(a > 0 && b > a, `ours' task first, then theirs':\n${text}`);
    assert.ok(text.startsWith(FILE.slice(0, FILE.indexOf('tasks:'))), 'everything above the tasks is byte-identical');
    assert.ok(text.includes('    title: Read the testing guide   # chapter 2 first\n'));
    const check = await cli(dir, ['check'], ENV);
    assert.equal(check.code, 0, check.out + check.err);
  });

  it("a file in a nested .mentoring/ folder with a space in its name: git runs the driver there too", async () => {
    const dir = await repo();
    const rel = "team a/.mentoring/our pair.yml";
    mkdirSync(join(dir, 'team a/.mentoring'), { recursive: true });
    writeFileSync(join(dir, rel), FILE);
    ok(dir, 'add', '-A');
    ok(dir, 'commit', '-qm', 'pair file');
    await onBranch(dir, 'a', async (d) => void assert.equal((await cli(d, ['task', 'add', 'From A', '--file', rel], ENV)).code, 0));
    await onBranch(dir, 'b', async (d) => void assert.equal((await cli(d, ['task', 'add', 'From B', '--file', rel], ENV)).code, 0));
    ok(dir, 'merge', '-q', '--no-edit', 'a');
    const m = git(dir, 'merge', '--no-edit', 'b');
    assert.equal(m.code, 0, m.out + m.err);
    const text = readFileSync(join(dir, rel), 'utf8');
    assert.ok(text.indexOf('title: From A') > 0 && text.indexOf('title: From B') > text.indexOf('title: From A'), text);
    assert.equal((await cli(dir, ['check', rel], ENV)).code, 0);
  });

  it('one branch completes a task, the other retitles it: both changes', async () => {
    const dir = await repo();
    await onBranch(dir, 'done', async (d) => void assert.equal((await cli(d, ['task', 'done', 't-1'], ENV)).code, 0));
    await onBranch(dir, 'title', (d) => edit(d, 'title: Read the testing guide ', 'title: Read the whole testing guide '));
    ok(dir, 'merge', '-q', '--no-edit', 'done');
    const m = git(dir, 'merge', '--no-edit', 'title');
    assert.equal(m.code, 0, m.out + m.err);
    const text = readFileSync(join(dir, '.mentoring.yaml'), 'utf8');
    assert.match(text, /title: Read the whole testing guide +# chapter 2 first\n/);
    assert.match(text, /status: done\n/);
    assert.match(text, /closed: 2026-11-20\n/);
    assert.equal((await cli(dir, ['check'], ENV)).code, 0);
  });

  it('the same field changed two ways: git merge fails, markers only around that field, reported at its line', async () => {
    const dir = await repo();
    await onBranch(dir, 'x', (d) => edit(d, 'title: Read the testing guide ', 'title: Read chapter two   '));
    await onBranch(dir, 'y', (d) => edit(d, 'title: Read the testing guide ', 'title: Skim the guide      '));
    ok(dir, 'merge', '-q', '--no-edit', 'x');
    const m = git(dir, 'merge', '--no-edit', 'y');
    assert.notEqual(m.code, 0);
    const text = readFileSync(join(dir, '.mentoring.yaml'), 'utf8');
    const head = FILE.slice(0, FILE.indexOf('    title: Read'));
    assert.equal(
      text,
      head +
        '<<<<<<< ours\n    title: Read chapter two     # chapter 2 first\n=======\n    title: Skim the guide     # chapter 2 first\n>>>>>>> theirs\n    owner: mentee\n    status: open\n',
    );
    assert.match(m.out + m.err, /\.mentoring\.yaml:17: conflict: tasks\.t-1\.title was changed two ways/);
    const check = await cli(dir, ['check'], ENV);
    assert.equal(check.code, 1);
    assert.match(check.out + check.err, /\.mentoring\.yaml:17:1: error: Unresolved git merge conflict/);
  });
});
