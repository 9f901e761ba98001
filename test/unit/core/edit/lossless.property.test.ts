/**
 * Losslessness of the one edit runner (src/core/edit/runner.ts) under random edit sequences, with
 * fixed seeds and run counts (bounded time by construction; a failure replays exactly):
 * - untouched bytes are identical: an edit of task i changes only bytes inside task i's block;
 * - re-parse equal: the file parsed after the edit equals the file before, task i aside, and
 *   task i changed as the operation says;
 * - edits of two different tasks commute (the same text in either order).
 * The concurrent-writer properties (twenty processes keep twenty changes) run against real
 * processes in test/unit/node/fileLock.test.ts and test/unit/cli/concurrency.test.ts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as edit from '../../../../src/core/edit/index';
import type { EditContext, EditResult } from '../../../../src/core/edit/index';
import { parse } from '../../../../src/core/parse/index';
import type { MentoringFile } from '../../../../src/core/schema';
import { minimalChange } from '../../../../src/core/textDiff';

const NOW = new Date('2026-11-25T09:00:00Z');
const SEED = 16_016;

const words = fc.constantFrom('Read the loop', 'Tests first', 'Pair on it', 'ü 😀 naming', 'a: b', '#not a comment', "it's", 'x "y"', '- dash', '[flow]');
const titleArb = fc.oneof(words, fc.string({ minLength: 1, maxLength: 16, unit: fc.constantFrom(...'ab #:-"\'{}[],&*!|>%@ü😀'.split('')) }).filter((s) => s.trim() !== ''));

const taskArb = fc.record({
  title: titleArb,
  style: fc.constantFrom('json', 'single', 'plain'),
  status: fc.constantFrom('open', 'done', 'dropped'),
  comment: fc.boolean(),
  lineComment: fc.boolean(),
  flowLinks: fc.boolean(),
  unknown: fc.boolean(),
});
const fileArb = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  tasks: fc.array(taskArb, { minLength: 2, maxLength: 5 }),
});
type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function scalar(title: string, style: string): string {
  if (style === 'single' && !/[\n']/.test(title)) return `'${title}'`;
  if (style === 'plain' && /^[A-Za-z][A-Za-z ]*[A-Za-z]$/.test(title)) return title;
  return JSON.stringify(title);
}

/** The text, and each task's block as [start, end) offsets (its comment line included). */
function render(spec: FileSpec): { text: string; blocks: [number, number][] } {
  const eol = spec.crlf ? '\r\n' : '\n';
  let text = (spec.bom ? '\uFEFF' : '') + ['# head comment', 'version: 1', 'agreement:', '  mentor: { name: Ana }   # aligned', '  mentee: { name: Ben }', '  started: 2026-09-01', '  goals: []', '', 'tasks:'].join(eol) + eol;
  const blocks: [number, number][] = [];
  spec.tasks.forEach((t, i) => {
    const start = text.length;
    const lines: string[] = [];
    if (t.lineComment) lines.push(`  # about t-000${i}`);
    lines.push(`  - id: t-000${i}${t.comment ? '   # id comment' : ''}`);
    lines.push(`    title: ${scalar(t.title, t.style)}`);
    lines.push('    owner: mentee');
    lines.push(`    status: ${t.status}${t.comment ? ' # status comment' : ''}`);
    if (t.flowLinks) lines.push('    links: [src/a.ts#L1]');
    if (t.unknown) lines.push(`    x-kept: v${i}`);
    text += lines.join(eol) + eol;
    blocks.push([start, text.length]);
  });
  text += `# tail comment${eol}`;
  return { text, blocks };
}

type TaskOp = { kind: 'completeTask' | 'dropTask' | 'reopenTask' | 'setTaskDue' | 'editTask'; text: string; day: number };
const opArb: fc.Arbitrary<TaskOp> = fc.record({
  kind: fc.constantFrom('completeTask', 'dropTask', 'reopenTask', 'setTaskDue', 'editTask'),
  text: titleArb,
  day: fc.integer({ min: 1, max: 28 }),
});

const ctx: EditContext = { now: NOW, utcOffsetMinutes: 60, random: () => 0.5 };

function run(text: string, task: string, op: TaskOp): EditResult {
  const due = `2027-01-${String(op.day).padStart(2, '0')}`;
  switch (op.kind) {
    case 'completeTask':
      return edit.completeTask(text, { task }, ctx);
    case 'dropTask':
      return edit.dropTask(text, { task, reason: op.text }, ctx);
    case 'reopenTask':
      return edit.reopenTask(text, { task }, ctx);
    case 'setTaskDue':
      return edit.setTaskDue(text, { task, due }, ctx);
    case 'editTask':
      return edit.editTask(text, { task, title: op.text }, ctx);
  }
}

function model(text: string): MentoringFile {
  const r = parse(text, { now: NOW, checks: false });
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), [], text);
  assert.ok(r.model);
  return r.model;
}

/** The model with task `id` taken out (what an edit of that task must leave exactly as it was). */
function without(m: MentoringFile, id: string): unknown {
  return { ...m, tasks: m.tasks.filter((t) => t.id !== id) };
}

describe('edit runner losslessness (property, fixed seeds)', function () {
  this.timeout(120_000);

  it('an edit of one task changes only bytes inside its block, and the re-parsed file equals the old one but for that task', () => {
    let applied = 0;
    fc.assert(
      fc.property(fileArb, fc.array(fc.tuple(fc.nat(10), opArb), { minLength: 1, maxLength: 6 }), (spec, ops) => {
        let { text, blocks } = render(spec);
        for (const [pick, op] of ops) {
          const i = pick % spec.tasks.length;
          const id = `t-000${i}`;
          const before = model(text);
          const r = run(text, id, op);
          if (!r.ok) {
            assert.ok(r.message.length > 0);
            continue;
          }
          applied++;
          const after = model(r.text);
          assert.deepEqual(without(after, id), without(before, id), `${op.kind} ${id} changed something else:\n${r.text}`);
          const task = after.tasks.find((t) => t.id === id);
          assert.ok(task);
          if (op.kind === 'completeTask') assert.equal(task.status, 'done');
          if (op.kind === 'dropTask') assert.equal(task.status, 'dropped');
          if (op.kind === 'reopenTask') assert.equal(task.status, 'open');
          if (op.kind === 'setTaskDue') assert.equal(task.due, `2027-01-${String(op.day).padStart(2, '0')}`);
          if (op.kind === 'editTask') assert.equal(task.title, op.text.trim()); // titles are stored trimmed
          const change = minimalChange(text, r.text);
          if (change) {
            const [start, end] = blocks[i] as [number, number];
            assert.ok(change.start >= start && change.end <= end, `${op.kind} ${id} touched bytes ${change.start}..${change.end} outside its block ${start}..${end}:\n${r.text}`);
            // The blocks after this one move by the change's length; the others stay.
            const delta = change.text.length - (change.end - change.start);
            blocks = blocks.map(([s, e], k) => (k < i ? [s, e] : k === i ? [s, e + delta] : [s + delta, e + delta]));
          }
          text = r.text;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    assert.ok(applied > 300, `only ${applied} edits applied`);
  });

  it('edits of two different tasks commute', () => {
    fc.assert(
      fc.property(fileArb, fc.nat(10), fc.nat(10), opArb, opArb, (spec, a, b, opA, opB) => {
        const i = a % spec.tasks.length;
        const j = (i + 1 + (b % (spec.tasks.length - 1))) % spec.tasks.length;
        const { text } = render(spec);
        const then = (t: string, id: string, op: TaskOp): string => {
          const r = run(t, id, op);
          return r.ok ? r.text : t;
        };
        const ab = then(then(text, `t-000${i}`, opA), `t-000${j}`, opB);
        const ba = then(then(text, `t-000${j}`, opB), `t-000${i}`, opA);
        assert.equal(ab, ba);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });
});
