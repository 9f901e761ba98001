/**
 * The editor's merge driver line (src/node/mergeDriver.ts, `driverLine` in src/cli/mergeDriver.ts):
 * run by a real `sh -c` as git runs it, from folders whose names hold spaces, quotes and `$`; then
 * installed by the platform capability in a real repository and run by a real `git merge`.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { driverLine, editorDriverParts, shQuote } from '../../../src/cli/mergeDriver';
import { isStaleEditorLine, nodeMergeDriver } from '../../../src/node/mergeDriver';
import { cliBundlePath } from '../cli/run';

const GIT_ENV = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** What git does with a driver line (ll-merge.c): each placeholder replaced by its single-quoted path, then `sh -c`. */
function asGitRuns(line: string, paths: Record<'O' | 'A' | 'B' | 'P', string>): string {
  return line.replace(/%([OABP])/g, (_m, k: 'O' | 'A' | 'B' | 'P') => shQuote(paths[k]));
}

const FILE = `version: 1
agreement:
  mentor: { name: Ada Lovelace }
  mentee: { name: Bob }
  started: 2026-11-01
tasks:
  - id: t-1
    title: Read the testing guide
    owner: mentee
    status: open
`;

const task = (id: string, title: string): string => `  - id: ${id}\n    title: ${title}\n    owner: mentee\n    status: open\n`;

describe('the editor\'s merge driver line (real sh, real git)', function () {
  this.timeout(60_000);
  let top: string;
  let weird: string;
  before(() => {
    top = mkdtempSync(join(tmpdir(), 'mentoring-driver-'));
    // Where an extension and its Electron may sit: spaces, both quotes, a `$` sh would expand.
    weird = join(top, `it's a "$HOME" dir $(echo x) \`y\``);
    mkdirSync(weird, { recursive: true });
    symlinkSync(process.execPath, join(weird, `no'de $PATH`));
  });
  after(() => rmSync(top, { recursive: true, force: true }));

  it('sh runs the Node and the script at those paths with ELECTRON_RUN_AS_NODE=1 and git\'s four paths as arguments', () => {
    const script = join(weird, `cli 'x' $1.js`);
    const out = join(top, 'seen.json');
    writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ argv: process.argv.slice(2), electron: process.env.ELECTRON_RUN_AS_NODE ?? null }));\n`);
    const line = driverLine(join(weird, `no'de $PATH`), script, { electron: true });
    assert.match(line, /^ELECTRON_RUN_AS_NODE=1 '/);
    const paths = { O: '.merge_file_a b', A: `.merge_file_'q'`, B: '.merge_file_$X', P: `team/it's "my" $file.yaml` };
    execFileSync('sh', ['-c', asGitRuns(line, paths)], { env: { PATH: process.env.PATH ?? '' } });
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), { argv: ['merge-driver', paths.O, paths.A, paths.B, paths.P], electron: '1' });
    assert.doesNotMatch(driverLine('/n', '/s'), /ELECTRON/, 'the CLI\'s own line is unchanged');
  });

  it('the platform installs it in a real repository, and git merge keeps both branches\' tasks', async () => {
    const cli = join(weird, 'dist', 'cli.js');
    mkdirSync(join(weird, 'dist'));
    copyFileSync(await cliBundlePath(), cli);
    // dist/cli.js loads its libraries from dist/parts/ (esbuild.mjs, CLI_PARTS): they go with it.
    cpSync(join(dirname(await cliBundlePath()), 'parts'), join(weird, 'dist', 'parts'), { recursive: true });
    const driver = nodeMergeDriver(cli, join(weird, `no'de $PATH`));
    const outside = join(top, 'no-repo');
    mkdirSync(outside);
    const ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = top;
    try {
      assert.equal(await driver.state(outside), 'none');
    } finally {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    }

    const repo = join(top, 'repo with space');
    mkdirSync(join(repo, 'sub'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(join(repo, '.mentoring.yaml'), FILE);
    assert.equal(await driver.state(join(repo, 'sub')), 'missing');
    const done = await driver.install(join(repo, 'sub'));
    assert.match(done, /Added to \.gitattributes/);
    assert.equal(await driver.state(repo), 'installed');
    assert.equal(git(repo, 'config', 'merge.mentoring.driver').trim(), driverLine(join(weird, `no'de $PATH`), cli, { electron: true }));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'start');
    for (const [branch, id, title] of [['a', 't-2', 'Pair on the retry bug'], ['b', 't-3', 'Write the flaky-test note']] as const) {
      git(repo, 'checkout', '-q', '-b', branch, 'main');
      writeFileSync(join(repo, '.mentoring.yaml'), FILE + task(id, title));
      git(repo, 'commit', '-qam', branch);
      git(repo, 'checkout', '-q', 'main');
    }
    git(repo, 'merge', '-q', '--no-edit', 'a');
    git(repo, 'merge', '-q', '--no-edit', 'b'); // a line merge would conflict: both append at the same place
    const merged = readFileSync(join(repo, '.mentoring.yaml'), 'utf8');
    assert.match(merged, /id: t-2\n\s+title: Pair on the retry bug/);
    assert.match(merged, /id: t-3\n\s+title: Write the flaky-test note/);
    assert.doesNotMatch(merged, /<<<<<<<|>>>>>>>/);
  });

  it('install without the bundled CLI rejects with where it looked', async () => {
    const driver = nodeMergeDriver(join(top, 'missing', 'cli.js'));
    await assert.rejects(driver.install(top), /bundled CLI is missing at .*missing\/cli\.js/);
  });

  it('editorDriverParts reads back exactly the Node and script driverLine quoted, and nothing else', () => {
    const node = join(weird, `no'de $PATH`);
    const script = join(weird, `it's`, 'dist', 'cli.js');
    assert.deepEqual(editorDriverParts(driverLine(node, script, { electron: true })), { node, script });
    assert.equal(editorDriverParts(driverLine(node, script)), undefined, 'the CLI\'s own line (no ELECTRON_RUN_AS_NODE) is not the editor\'s');
    assert.equal(editorDriverParts(`ELECTRON_RUN_AS_NODE=1 '${node}' '/x/dist/cli.js' merge-driver %O %A %B %P`), undefined, 'an unescaped quote is not a line driverLine wrote');
    assert.equal(editorDriverParts(`${driverLine(node, script, { electron: true })} --verbose`), undefined);
    assert.equal(editorDriverParts('mentoring merge-driver %O %A %B %P'), undefined);
  });

  it('isStaleEditorLine: only an editor line whose Node or dist/cli.js is gone', () => {
    const cli = join(top, 'publisher.mentoring-0.1.0', 'dist', 'cli.js');
    mkdirSync(join(top, 'publisher.mentoring-0.1.0', 'dist'), { recursive: true });
    writeFileSync(cli, '');
    const gone = join(top, 'publisher.mentoring-0.0.9', 'dist', 'cli.js');
    assert.equal(isStaleEditorLine(driverLine(process.execPath, cli, { electron: true })), false, 'it still runs (perhaps another editor\'s)');
    assert.equal(isStaleEditorLine(driverLine(process.execPath, gone, { electron: true })), true, 'the extension folder of an earlier version');
    assert.equal(isStaleEditorLine(driverLine(join(top, 'old-electron'), cli, { electron: true })), true, 'the editor\'s executable moved');
    assert.equal(isStaleEditorLine(driverLine(process.execPath, gone)), false, 'the CLI\'s own line');
    assert.equal(isStaleEditorLine(driverLine(process.execPath, join(top, 'gone', 'merge.js'), { electron: true })), false, 'not a bundled CLI');
  });

  it('repair points a stale editor line at this installation, in a real repository, and leaves every other line alone', async () => {
    const cli = join(top, 'publisher.mentoring-0.2.0', 'dist', 'cli.js');
    mkdirSync(join(top, 'publisher.mentoring-0.2.0', 'dist'), { recursive: true });
    copyFileSync(await cliBundlePath(), cli);
    const driver = nodeMergeDriver(cli);
    const repo = join(top, 'repair repo');
    mkdirSync(join(repo, 'team'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    assert.equal(await driver.repair(join(repo, 'team')), undefined, 'no driver registered: nothing to repair');

    const stale = driverLine(process.execPath, join(top, 'publisher.mentoring-0.1.9', 'dist', 'cli.js'), { electron: true });
    git(repo, 'config', 'merge.mentoring.driver', stale);
    assert.equal(await driver.state(repo), 'missing');
    assert.equal(await driver.repair(join(repo, 'team')), realpathSync(repo));
    assert.equal(git(repo, 'config', 'merge.mentoring.driver').trim(), driverLine(process.execPath, cli, { electron: true }));
    assert.equal(await driver.repair(repo), undefined, 'once repaired there is nothing left to do');

    for (const other of [driverLine(process.execPath, join(top, 'gone', 'dist', 'cli.js')), 'my-own-merge %O %A %B', driverLine(process.execPath, await cliBundlePath(), { electron: true })]) {
      git(repo, 'config', 'merge.mentoring.driver', other);
      assert.equal(await driver.repair(repo), undefined, other);
      assert.equal(git(repo, 'config', 'merge.mentoring.driver').trim(), other);
    }
  });
});
