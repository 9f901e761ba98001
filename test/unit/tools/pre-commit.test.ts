/**
 * The pre-commit hook (.pre-commit-hooks.yaml), installed by the real `pre-commit` from this
 * repository by path and revision, into a real git repository: a broken mentoring file blocks the
 * commit with its file:line:col error, a good one passes, other YAML files are not its business.
 * Installing runs `npm install` in the hook's clone (postinstall builds the CLI), so this is slow
 * the first time (npm's cache makes it about a minute when `npm ci` ran before).
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isMentoringPath } from '../../../src/core/files';
import { ROOT } from '../../fixtures';

interface HookDef {
  id: string;
  language: string;
  entry: string;
  files: string;
  exclude: string;
}
const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDef[];
const hook = hooks.find((h) => h.id === 'mentoring-check');

describe('pre-commit hook: mentoring-check', function () {
  this.timeout(600_000);

  it('is a node hook whose file pattern is the mentoring-file rule of src/core/files.ts', () => {
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    const files = new RegExp(hook.files);
    const exclude = new RegExp(hook.exclude);
    const picked = (p: string) => files.test(p) && !exclude.test(p);
    for (const p of ['.mentoring.yaml', 'team/a/.mentoring.yaml', '.mentoring/ana-ben.yaml', 'x/.mentoring/pair.yml', '.mentoring/.yaml', 'mentoring.yaml',
      '.mentoring.yml', '.mentoring/sub/pair.yaml', 'node_modules/x/.mentoring.yaml', 'docs/.mentoring.yaml.bak']) {
      const skipped = p.split('/').some((s) => ['node_modules', '.git', '.vscode-test'].includes(s));
      assert.equal(picked(p), isMentoringPath(`/${p}`) && !skipped, p);
    }
  });

  it('installed by the real pre-commit from this repository, blocks a broken file and passes a good one', function () {
    const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    assert.equal(preCommit.status, 0, 'pre-commit is not installed: sudo apt-get install -y pre-commit (npm test installs it as root)');
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const shipped = execFileSync('git', ['show', `${rev}:.pre-commit-hooks.yaml`], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(shipped, readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'), 'commit .pre-commit-hooks.yaml first: pre-commit installs the committed revision');
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-pre-commit-'));
    const home = join(dir, 'home');
    const repo = join(dir, 'repo');
    const env: NodeJS.ProcessEnv = { ...process.env, PRE_COMMIT_HOME: join(home, 'cache'), HOME: home, GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
    // The outer npm's npm_config_* must not steer the npm that pre-commit runs.
    for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    try {
      execFileSync('git', ['init', '-q', repo], { env });
      writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n      - id: mentoring-check\n`);
      execFileSync('pre-commit', ['install'], { cwd: repo, env, encoding: 'utf8' });
      // broken: the mentee has no name (a schema error at a known line)
      writeFileSync(join(repo, '.mentoring.yaml'), 'version: 1\nagreement:\n  mentor: { name: Ana }\n  mentee: { name: "" }\n  started: 2026-09-01\n');
      writeFileSync(join(repo, 'other.yaml'), 'not: [closed\n'); // not a mentoring file: not the hook's business
      git('add', '-A');
      const blocked = git('commit', '-q', '-m', 'broken');
      const said = blocked.stdout + blocked.stderr;
      assert.notEqual(blocked.status, 0, said);
      assert.match(said, /mentoring check\.+Failed/);
      assert.match(said, /\.mentoring\.yaml:4:\d+: error: /);
      assert.equal(git('rev-parse', '--verify', '-q', 'HEAD').status, 1, 'nothing was committed');

      writeFileSync(join(repo, '.mentoring.yaml'), 'version: 1\nagreement:\n  mentor: { name: Ana }\n  mentee: { name: Ben }\n  started: 2026-09-01\n');
      git('add', '-A');
      const passed = git('commit', '-q', '-m', 'good');
      assert.equal(passed.status, 0, passed.stdout + passed.stderr);
      assert.match(passed.stdout + passed.stderr, /mentoring check\.+Passed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
