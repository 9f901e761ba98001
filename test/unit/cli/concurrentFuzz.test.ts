/**
 * A random concurrent fuzz of the real CLI: several writers, each a real `mentoring` process per
 * step, run random edit sequences (task add/done/drop, session plan/start/end with feedback/cancel,
 * note add) at once on one file. Afterwards every step's effect is in the file (no lost update:
 * each command is a compare-and-swap under the file's lock, src/cli/write.ts → src/node/casWrite.ts),
 * the file parses without an error, and the comments and unknown keys planted before are kept.
 *
 * Seeded: MENTORING_FUZZ_SEED replays a run; without it each run draws a new seed, printed with the
 * figures and in every failure. Bounded: WRITERS × STEPS processes (a few seconds on 2 cores).
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../../src/core/parse/index';
import type { MentoringFile } from '../../../src/core/schema';
import { ROOT } from '../../fixtures';
import { mulberry32 } from '../../fixtures/generate';
import { finished, type Finished } from '../../fixtures/processes';
import { cliBundlePath } from './run';

const WRITERS = 4;
const STEPS = 6;
const NOW = '2026-11-20T10:00:00Z';

// Characters YAML cares about, quotes, non-ASCII and an astral code point: each title and note
// needs quoting or not, so the writers' edits splice every style of scalar next to each other.
const CHARS = 'abcdefghij KLMN #:\'"{}[],&*!|>%@ü😀';

function text(rand: () => number, tag: string): string {
  const n = 1 + Math.floor(rand() * 10);
  let s = '';
  for (let i = 0; i < n; i++) s += [...CHARS][Math.floor(rand() * [...CHARS].length)];
  // A letter first (a leading `-` would be an option), the tag makes each one unique.
  return `${tag} ${s.trim()}`.trim();
}

type TaskState = { title: string; owner: 'mentor' | 'mentee'; due?: string; status: 'open' | 'done' | 'dropped'; planted: boolean };
type SessionState = { at: string; topic: string; status: 'planned' | 'started' | 'held' | 'cancelled'; feedback?: { from: string; rating: number; valuable: string }; notes: string[]; cancelledBy?: string };

/** One writer's view of what it did: its own tasks and sessions (no other writer touches them). */
interface Writer {
  index: number;
  rand: () => number;
  tasks: Map<string, TaskState>;
  sessions: Map<string, SessionState>;
  steps: string[][];
}

/** The file before: the valid fixture with comments, an unknown key and each writer's own items planted. */
function plantedFile(crlf: boolean): { text: string; comments: string[] } {
  const base = readFileSync(join(ROOT, 'test/fixtures/valid.mentoring.yaml'), 'utf8');
  const comments = ['# planted: a comment line of its own', '# planted: before the tail'];
  const tasks: string[] = [];
  const sessions: string[] = [];
  for (let w = 0; w < WRITERS; w++) {
    tasks.push(`  # planted: writer ${w}'s task`, `  - id: t-w${w}a`, `    title: Planted task ${w}   # planted: trailing ${w}`, '    owner: mentee', '    status: open', `    x-kept: { writer: ${w} }`);
    sessions.push(`  - id: 2026-12-0${w + 1}`, `    at: 2026-12-0${w + 1}T15:00:00Z   # planted: session ${w}`, `    topic: Planted topic ${w}`, '    announced: 2026-11-10T09:00:00Z', '    status: planned');
  }
  let out = base
    .replace('tasks:\n', `${sessions.join('\n')}\n${comments[0]}\ntasks:\n`)
    .replace('hints:', `${tasks.join('\n')}\nx-team:\n  kept: [a, b]   # planted: unknown key\n${comments[1]}\nhints:`);
  for (let w = 0; w < WRITERS; w++) comments.push(`# planted: writer ${w}'s task`, `# planted: trailing ${w}`, `# planted: session ${w}`);
  if (crlf) out = out.replace(/\n/g, '\r\n');
  return { text: out, comments };
}

/** The writer's next step, chosen from what its own items allow, and its expected effect. */
function nextStep(w: Writer, n: number): { args: string[]; apply(out: string): void } {
  const open = [...w.tasks].filter(([, t]) => t.status === 'open');
  const planned = [...w.sessions].filter(([, s]) => s.status === 'planned');
  const started = [...w.sessions].filter(([, s]) => s.status === 'started');
  const notable = [...w.sessions].filter(([, s]) => s.status !== 'cancelled');
  const choices: (() => { args: string[]; apply(out: string): void })[] = [
    () => {
      const title = text(w.rand, `W${w.index}s${n}`);
      const owner = w.rand() < 0.5 ? 'mentor' : 'mentee';
      const due = w.rand() < 0.5 ? `2026-12-${String(10 + Math.floor(w.rand() * 18))}` : undefined;
      return {
        args: ['task', 'add', title, '--owner', owner, ...(due === undefined ? [] : ['--due', due])],
        apply: (out) => {
          const id = /Added task (t-[0-9a-z]+)\./.exec(out)?.[1];
          assert.ok(id !== undefined, out);
          w.tasks.set(id, { title, owner, ...(due === undefined ? {} : { due }), status: 'open', planted: false });
        },
      };
    },
    () => {
      const at = `2027-0${1 + w.index}-${String(10 + n)}T1${Math.floor(w.rand() * 8)}:00:00Z`;
      const topic = text(w.rand, `W${w.index}s${n} topic`);
      return {
        args: ['session', 'plan', '--at', at, '--topic', topic],
        apply: (out) => {
          const id = /Planned session (\S+)\./.exec(out)?.[1];
          assert.ok(id !== undefined, out);
          w.sessions.set(id, { at, topic, status: 'planned', notes: [] });
        },
      };
    },
  ];
  const pick = <T>(list: T[]): T => list[Math.floor(w.rand() * list.length)] as T;
  if (open.length > 0) {
    choices.push(() => {
      const [id, t] = pick(open);
      const done = w.rand() < 0.5;
      return { args: done ? ['task', 'done', id] : ['task', 'drop', id, '--reason', text(w.rand, 'why')], apply: () => void (t.status = done ? 'done' : 'dropped') };
    });
  }
  if (planned.length > 0) {
    choices.push(() => {
      const [id, s] = pick(planned);
      if (w.rand() < 0.3) return { args: ['session', 'cancel', id, '--by', 'mentor', '--reason', text(w.rand, 'busy')], apply: () => void ((s.status = 'cancelled'), (s.cancelledBy = 'mentor')) };
      return { args: ['session', 'start', id], apply: () => void (s.status = 'started') };
    });
  }
  if (started.length > 0) {
    choices.push(() => {
      const [id, s] = pick(started);
      const rating = 1 + Math.floor(w.rand() * 5);
      const valuable = text(w.rand, `W${w.index}s${n} valuable`);
      return {
        args: ['session', 'end', id, '--rating', String(rating), '--valuable', valuable, '--from', 'mentee'],
        apply: () => void ((s.status = 'held'), (s.feedback = { from: 'mentee', rating, valuable })),
      };
    });
  }
  if (notable.length > 0) {
    choices.push(() => {
      const [id, s] = pick(notable);
      const note = text(w.rand, `W${w.index}s${n} note`);
      return { args: ['note', 'add', id, note], apply: () => void s.notes.push(note) };
    });
  }
  return pick(choices)();
}

function runCli(cliJs: string, cwd: string, home: string, args: string[]): Promise<Finished> {
  // HOME of its own: `note add` looks for an identity file, never the real one.
  return finished(spawn(process.execPath, [cliJs, ...args], { cwd, env: { PATH: process.env.PATH, HOME: home, MENTORING_NOW: NOW, TZ: 'UTC' } }));
}

describe('mentoring CLI: a random concurrent fuzz', function () {
  this.timeout(180_000);
  let base = '';
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it(`${WRITERS} writers × ${STEPS} random steps at once lose no step, keep the planted comments and unknown keys`, async () => {
    const seed = process.env.MENTORING_FUZZ_SEED !== undefined ? Number(process.env.MENTORING_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
    const replay = `(seed ${seed}: MENTORING_FUZZ_SEED=${seed} replays this run)`;
    const cliJs = await cliBundlePath();
    base = mkdtempSync(join(tmpdir(), 'mentoring-fuzz-'));
    const dir = join(base, 'repo');
    const home = join(base, 'home');
    mkdirSync(dir);
    mkdirSync(home);
    const file = join(dir, '.mentoring.yaml');
    const top = mulberry32(seed);
    const crlf = top() < 0.3;
    const planted = plantedFile(crlf);
    writeFileSync(file, planted.text);
    const before = parse(planted.text, { now: new Date(NOW) });
    assert.deepEqual(before.diagnostics.filter((d) => d.severity === 'error'), [], 'the planted file is valid');

    const writers: Writer[] = Array.from({ length: WRITERS }, (_, index) => ({
      index,
      rand: mulberry32(seed + 1 + index),
      tasks: new Map([[`t-w${index}a`, { title: `Planted task ${index}`, owner: 'mentee', status: 'open', planted: true } satisfies TaskState]]),
      sessions: new Map([[`2026-12-0${index + 1}`, { at: `2026-12-0${index + 1}T15:00:00Z`, topic: `Planted topic ${index}`, status: 'planned', notes: [] } satisfies SessionState]]),
      steps: [],
    }));
    const started = Date.now();
    await Promise.all(
      writers.map(async (w) => {
        for (let n = 0; n < STEPS; n++) {
          const step = nextStep(w, n);
          w.steps.push(step.args);
          const r = await runCli(cliJs, dir, home, step.args);
          assert.equal(r.code, 0, `writer ${w.index} step ${n}: mentoring ${JSON.stringify(step.args)} failed ${replay}\n${r.err}`);
          step.apply(r.out);
        }
      }),
    );
    const ms = Date.now() - started;

    const after = readFileSync(file, 'utf8');
    const context = `${replay}\nsteps:\n${writers.map((w) => w.steps.map((s) => `  ${w.index}: ${JSON.stringify(s)}`).join('\n')).join('\n')}\nfile:\n${after}`;
    const parsed = parse(after, { now: new Date(NOW) });
    assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), [], context);
    const model = parsed.model as MentoringFile;
    assert.ok(model !== undefined, context);
    assert.equal(after.includes('\r\n'), crlf, `line endings kept ${context}`);
    if (crlf) assert.ok(!/[^\r]\n/.test(after), `no bare LF among CRLF ${context}`);
    for (const c of planted.comments) assert.ok(after.includes(c), `comment "${c}" kept ${context}`);
    assert.deepEqual((model as unknown as Record<string, unknown>)['x-team'], { kept: ['a', 'b'] }, context);

    // Nothing no writer owned changed: the agreement, the fixture's own session and task.
    assert.deepEqual(model.agreement, before.model?.agreement, context);
    assert.deepEqual(model.sessions.find((s) => s.id === '2026-11-19'), before.model?.sessions.find((s) => s.id === '2026-11-19'), context);
    assert.deepEqual(model.tasks.find((t) => t.id === 't-7f3a'), before.model?.tasks.find((t) => t.id === 't-7f3a'), context);

    let ops = 0;
    for (const w of writers) {
      ops += w.steps.length;
      for (const [id, t] of w.tasks) {
        const got = model.tasks.filter((x) => x.id === id);
        assert.equal(got.length, 1, `task ${id} once ${context}`);
        const [g] = got as [MentoringFile['tasks'][number]];
        assert.deepEqual([g.title, g.owner, g.due, g.status], [t.title, t.owner, t.due, t.status], `task ${id} ${context}`);
        if (t.planted) assert.deepEqual((g as unknown as Record<string, unknown>)['x-kept'], { writer: w.index }, `x-kept of ${id} ${context}`);
      }
      for (const [id, s] of w.sessions) {
        const got = model.sessions.filter((x) => x.id === id);
        assert.equal(got.length, 1, `session ${id} once ${context}`);
        const [g] = got as [MentoringFile['sessions'][number]];
        const status = s.status === 'started' ? 'planned' : s.status;
        assert.deepEqual([g.at, g.topic, g.status], [s.at, s.topic, status], `session ${id} ${context}`);
        if (s.status === 'started' || s.status === 'held') assert.equal(typeof g.started, 'string', `session ${id} started ${context}`);
        if (s.status === 'cancelled') assert.equal(g.cancelled?.by, s.cancelledBy, `session ${id} cancelled ${context}`);
        if (s.feedback !== undefined) {
          assert.deepEqual(g.feedback?.map((f) => [f.from, f.rating, f.valuable]), [[s.feedback.from, s.feedback.rating, s.feedback.valuable]], `feedback of ${id} ${context}`);
        }
        // Each note once, in the order that writer added them.
        const notes = typeof g.notes === 'string' ? g.notes : '';
        let from = 0;
        for (const note of s.notes) {
          const at = notes.indexOf(note, from);
          assert.ok(at >= 0, `note "${note}" of ${id} kept ${context}`);
          from = at + note.length;
        }
      }
    }
    assert.ok(!existsSync(`${file}.lock`), 'the lock is released');
    assert.deepEqual(readdirSync(dir).filter((f) => f !== '.mentoring.yaml'), [], 'no temp or lock file left');
    console.log(`      (seed ${seed}${crlf ? ', CRLF' : ''}: ${ops} steps by ${WRITERS} concurrent writers in ${ms} ms wall)`);
  });
});
