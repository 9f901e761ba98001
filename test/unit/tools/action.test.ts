/**
 * The GitHub Action (action.yml), run locally: each step's script as GitHub runs a `shell: bash`
 * step (`bash --noprofile --norc -eo pipefail`), with the GITHUB_* variables and the `${{ }}`
 * expressions it reads filled in, in a real git repository with a pull request's base commit.
 * No GitHub is reachable here; the annotation lines are what GitHub would turn into annotations.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../../fixtures';

interface Step {
  name: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

type Context = Record<string, unknown>;

/** The few expressions action.yml uses: context paths and `a || b`. Anything else is refused, so the test cannot silently run something else. */
function expand(text: string, ctx: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    for (const operand of expr.split('||').map((s) => s.trim())) {
      if (!/^[a-z_][\w-]*(\.[\w-]+)*$/i.test(operand)) throw new Error(`expression the test does not evaluate: ${expr}`);
      let v: unknown = ctx;
      for (const key of operand.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') if (v !== '') return String(v);
    }
    return '';
  });
}

interface StepResult {
  name: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

function runAction(workspace: string, inputs: Record<string, string>, event: unknown): StepResult[] {
  const temp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
  const withDefaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const ctx: Context = { inputs: withDefaults, github: { action_path: ROOT, workspace, event } };
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp,
    GITHUB_EVENT_NAME: 'pull_request' };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  const results: StepResult[] = [];
  try {
    for (const step of action.runs.steps) {
      assert.equal(step.uses, undefined, 'a `uses:` step cannot run here');
      assert.equal(step.shell, 'bash');
      const stepEnv = { ...env, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, ctx)])) };
      const cwd = step['working-directory'] ? expand(step['working-directory'], ctx) : workspace;
      const script = join(temp, 'step.sh');
      writeFileSync(script, expand(step.run ?? '', ctx));
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env: stepEnv, encoding: 'utf8', timeout: 120_000 });
      results.push({ name: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr });
      if (r.status !== 0) break; // GitHub stops at the first failing step
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return results;
}

describe('GitHub Action (action.yml), its steps run locally', function () {
  this.timeout(300_000);
  let dir: string;
  let base: string;
  const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv, encoding: 'utf8' });
  const good = 'version: 1\nagreement:\n  mentor: { name: Ana }\n  mentee: { name: Ben }\n  started: 2026-09-01\n';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-action-'));
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, '.mentoring.yaml'), good);
    mkdirSync(join(dir, 'reviews'));
    writeFileSync(join(dir, 'reviews', 'old.review.md'), '# Old review\n\nThis is stupid.\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    base = git('rev-parse', 'HEAD').trim();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is a composite action of bash steps', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.runs.steps.every((s) => s.shell === 'bash' && s.run));
  });

  it('annotates the hints of the review files the pull request changed, and only those', () => {
    writeFileSync(join(dir, 'reviews', 'retry.review.md'), '# Review of the retry loop\n\nWhat do you think of the backoff?\n\nYou should have added a test.\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'review');
    const steps = runAction(dir, {}, { pull_request: { base: { sha: base } } });
    assert.deepEqual(steps.map((s) => [s.name, s.status]), action.runs.steps.map((s) => [s.name, 0]), JSON.stringify(steps, null, 2));
    const hints = steps[2]?.stdout ?? '';
    assert.match(hints, /^::warning file=reviews\/retry\.review\.md,line=5,col=1,endLine=5,endColumn=\d+,title=mentoring hint you-should-have::.*As a question: "Could we add a test for this\?"$/m);
    assert.doesNotMatch(hints, /old\.review\.md/, 'an unchanged review file is not annotated');
    assert.equal(steps[1]?.stdout, '', 'a good mentoring file: no annotation');
  });

  it('fails the check step with an error annotation at the line of a broken mentoring file', () => {
    writeFileSync(join(dir, '.mentoring.yaml'), good.replace('Ben', '""'));
    git('commit', '-q', '-am', 'broken');
    const steps = runAction(dir, {}, { pull_request: { base: { sha: base } } });
    assert.equal(steps[1]?.name, 'Check the mentoring files');
    assert.equal(steps[1]?.status, 1);
    assert.match(steps[1]?.stdout ?? '', /^::error file=\.mentoring\.yaml,line=4,col=\d+,title=mentoring [\w-]+::/m);
  });

  it('outside a pull request, reads every tracked review file', () => {
    const steps = runAction(dir, {}, {});
    assert.equal(steps[2]?.status, 0, steps[2]?.stderr);
    assert.match(steps[2]?.stdout ?? '', /^::warning file=reviews\/old\.review\.md,line=3,/m);
  });
});
