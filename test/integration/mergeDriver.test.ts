/**
 * *Set Up an Agreement* in a real git repository, in the real host: the merge driver question is
 * asked (through the Ui), *Install* writes `.gitattributes` and `.git/config`, and a real
 * `git merge` of two branches that each add a task runs the driver line — the bundled CLI under
 * this host's own executable — and keeps both tasks. *Not now*, and a folder outside git, install
 * nothing.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';
import { RecordingUi, waitFor } from './helpers';

const QUESTION = /^Let git merge \.mentoring\.yaml by id\?/;
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };

/** Answers the merge driver question with `answer`, recording it as level `question`. */
class AnsweringUi extends RecordingUi {
  constructor(private readonly answer: string | undefined) {
    super();
  }
  override async info(text: string, ...actions: string[]): Promise<undefined> {
    if (!QUESTION.test(text)) return super.info(text);
    this.messages.push({ level: 'question', text });
    return (actions.includes(this.answer ?? '') ? this.answer : undefined) as undefined;
  }
}

/** git in `cwd`; retried while another git (the host's git extension may scan these folders) holds index.lock. */
function git(cwd: string, ...args: string[]): string {
  for (let attempt = 0; ; attempt++) {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      if (attempt >= 20 || !/index\.lock/.test(String((err as { stderr?: string }).stderr))) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

describe('Set Up an Agreement: the merge driver', function () {
  this.timeout(90_000);
  let api: MentoringApi;
  let extensionPath: string;
  let counter = 0;
  let ceiling: string | undefined;

  before(async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>('mentoring-dev.mentoring');
    assert.ok(ext);
    api = await ext.activate();
    extensionPath = ext.extensionPath;
    await api.store.ready;
    // The fixture copy may sit inside some clone (the harness's run folder): git stops above it,
    // so "outside a repository" is outside, and only the repositories made here count.
    ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(root());
  });
  after(() => {
    if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
    else process.env.GIT_CEILING_DIRECTORIES = ceiling;
  });

  function root(): string {
    const r = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(r);
    return r;
  }

  function folder(repo: boolean): string {
    const dir = path.join(root(), `driver-${process.pid}-${++counter}`);
    fs.mkdirSync(dir, { recursive: true });
    if (repo) git(dir, 'init', '-q', '-b', 'main');
    return dir;
  }

  /** Runs the command in `dir`; `expect`: what ends the offer — its outcome message, the question alone, or nothing (a short wait). */
  async function setUpIn(dir: string, answer: string | undefined, expect: 'outcome' | 'question' | 'none'): Promise<AnsweringUi> {
    const ui = new AnsweringUi(answer);
    const restore = api.useUi(ui);
    try {
      const result = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.setUp', {
        folder: vscode.Uri.file(dir).toString(),
        mentor: { name: 'Ana Silva' },
        mentee: { name: 'Ben Okafor' },
        cadence: 'weekly',
      });
      assert.ok(result?.ok, JSON.stringify(result));
      // The question is asked after the command resolves (the sidebar waits for it); wait for its end.
      if (expect === 'outcome') await waitFor(() => ui.messages.some((m) => /^Merge driver installed|^Could not install/.test(m.text)), 20_000, 'the merge driver outcome');
      else if (expect === 'question') await waitFor(() => ui.messages.some((m) => m.level === 'question'), 20_000, 'the merge driver question');
      else await new Promise((r) => setTimeout(r, 2_000)); // time for a git call that must not lead to a question
    } finally {
      restore.dispose();
    }
    return ui;
  }

  it('Install: .gitattributes and git config, and git merge runs the driver from this host and keeps both tasks', async () => {
    const dir = folder(true);
    const ui = await setUpIn(dir, 'Install', 'outcome');
    assert.deepEqual(ui.messages.filter((m) => m.level === 'error'), []);
    assert.ok(ui.messages.some((m) => /^Merge driver installed: git now merges the mentoring files by id\. Added to \.gitattributes/.test(m.text)), JSON.stringify(ui.messages));
    assert.equal(ui.messages.filter((m) => m.level === 'question').length, 1);
    assert.match(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8'), /^\.mentoring\.yaml merge=mentoring$/m);
    const line = git(dir, 'config', 'merge.mentoring.driver').trim();
    assert.ok(line.startsWith(`ELECTRON_RUN_AS_NODE=1 '${process.execPath}' '${path.join(extensionPath, 'dist', 'cli.js')}' merge-driver`), line);

    const cli = path.join(extensionPath, 'dist', 'cli.js');
    const addTask = (title: string): void =>
      void execFileSync(process.execPath, [cli, 'task', 'add', title], { cwd: dir, env: { ...GIT_ENV, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'agreement');
    for (const [branch, title] of [['a', 'Pair on the retry bug'], ['b', 'Write the flaky-test note']] as const) {
      git(dir, 'checkout', '-q', '-b', branch, 'main');
      addTask(title);
      git(dir, 'commit', '-qam', branch);
      git(dir, 'checkout', '-q', 'main');
    }
    git(dir, 'merge', '-q', '--no-edit', 'a');
    git(dir, 'merge', '-q', '--no-edit', 'b'); // throws on a conflict: a line merge conflicts here
    const merged = fs.readFileSync(path.join(dir, '.mentoring.yaml'), 'utf8');
    assert.match(merged, /title: Pair on the retry bug/);
    assert.match(merged, /title: Write the flaky-test note/);
    assert.doesNotMatch(merged, /<<<<<<<|>>>>>>>/);

    const again = await setUpIn(dir, 'Install', 'none');
    assert.equal(again.messages.filter((m) => m.level === 'question').length, 0, 'not asked again once installed');
  });

  it('Not now installs nothing; a folder outside git is not asked', async () => {
    const dir = folder(true);
    const ui = await setUpIn(dir, 'Not now', 'question');
    assert.equal(ui.messages.filter((m) => m.level === 'question').length, 1);
    assert.ok(!fs.existsSync(path.join(dir, '.gitattributes')));
    assert.throws(() => git(dir, 'config', 'merge.mentoring.driver'));
    const plain = folder(false);
    const asked = await setUpIn(plain, 'Install', 'none');
    assert.equal(asked.messages.filter((m) => m.level === 'question').length, 0);
    assert.ok(!fs.existsSync(path.join(plain, '.gitattributes')));
  });

  it("a line naming an earlier installation is pointed at this one when the folder's file is read, and the user is told", async () => {
    const dir = folder(true);
    const cli = path.join(extensionPath, 'dist', 'cli.js');
    const stale = `ELECTRON_RUN_AS_NODE=1 '${process.execPath}' '${path.join(path.dirname(extensionPath), 'mentoring-dev.mentoring-0.0.1', 'dist', 'cli.js')}' merge-driver %O %A %B %P`;
    git(dir, 'config', 'merge.mentoring.driver', stale);
    const ui = new RecordingUi();
    const restore = api.useUi(ui);
    try {
      fs.writeFileSync(path.join(dir, '.mentoring.yaml'), 'version: 1\nagreement:\n  mentor: { name: Ana Silva }\n  mentee: { name: Ben Okafor }\n  started: 2026-11-01\n');
      await waitFor(() => ui.messages.some((m) => m.text.startsWith('Mentoring updated the merge driver in ')), 30_000, 'the repair message');
    } finally {
      restore.dispose();
    }
    assert.equal(git(dir, 'config', 'merge.mentoring.driver').trim(), `ELECTRON_RUN_AS_NODE=1 '${process.execPath}' '${cli}' merge-driver %O %A %B %P`);
    assert.equal(ui.messages.filter((m) => m.text.startsWith('Mentoring updated the merge driver')).length, 1);
  });
});
