/**
 * Property: two branches each run a random script of the real edit operations on one base file;
 * mergeMentoring never throws, a clean result parses with no errors and holds every task either
 * branch added with each one-sided change, and a conflicted result has its markers at the lines
 * it reports.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as edit from '../../../../src/core/edit/index';
import type { EditContext } from '../../../../src/core/edit/index';
import { mergeMentoring } from '../../../../src/core/merge/index';
import { parse } from '../../../../src/core/parse/index';
import type { Task } from '../../../../src/core/schema';
import { fixture } from '../../../fixtures';

const BASE = fixture('base.mentoring.yaml');
const NOW = new Date('2026-11-25T09:00:00Z');

type Step =
  | { kind: 'add'; title: string }
  | { kind: 'done' | 'drop' | 'reopen'; task: number }
  | { kind: 'retitle'; task: number; title: string }
  | { kind: 'due'; task: number; day: number }
  | { kind: 'agenda'; session: number; text: string }
  | { kind: 'plan'; day: number }
  | { kind: 'feedback'; rating: number };

const words = fc.constantFrom('Tests first', 'Read the retry loop', 'Pair on BILL-231', 'Naming', 'Mocks: when', '"Quoted" things');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), title: words }),
  fc.record({ kind: fc.constantFrom('done' as const, 'drop' as const, 'reopen' as const), task: fc.nat(3) }),
  fc.record({ kind: fc.constant('retitle' as const), task: fc.nat(3), title: words }),
  fc.record({ kind: fc.constant('due' as const), task: fc.nat(3), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('agenda' as const), session: fc.nat(1), text: words }),
  fc.record({ kind: fc.constant('plan' as const), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('feedback' as const), rating: fc.integer({ min: 1, max: 5 }) }),
);

function tasksOf(text: string): Task[] {
  const r = parse(text, { now: NOW });
  assert.ok(r.model, text);
  return r.model.tasks;
}

/** Run the script; steps the file refuses (an unknown task, already done) leave it as it was. */
function run(text: string, steps: readonly Step[], ctx: EditContext): string {
  for (const s of steps) {
    const tasks = tasksOf(text);
    const task = (i: number): string => tasks[i % Math.max(1, tasks.length)]?.id ?? 'none';
    const sessions = ['2026-11-19', '2026-11-26'];
    let r: edit.EditResult;
    if (s.kind === 'add') r = edit.addTask(text, { title: s.title }, ctx);
    else if (s.kind === 'done' || s.kind === 'drop' || s.kind === 'reopen') {
      const args = { task: task(s.task) };
      r = s.kind === 'done' ? edit.completeTask(text, args, ctx) : s.kind === 'drop' ? edit.dropTask(text, args, ctx) : edit.reopenTask(text, args, ctx);
    }
    else if (s.kind === 'retitle') r = edit.editTask(text, { task: task(s.task), title: s.title }, ctx);
    else if (s.kind === 'due') r = edit.setTaskDue(text, { task: task(s.task), due: `2026-12-${String(s.day).padStart(2, '0')}` }, ctx);
    else if (s.kind === 'agenda') r = edit.addAgendaItem(text, { session: sessions[s.session] as string, text: s.text }, ctx);
    else if (s.kind === 'plan') r = edit.planSession(text, { at: `2026-12-${String(s.day).padStart(2, '0')}T15:00:00+01:00` }, ctx);
    else if (s.kind === 'feedback') r = edit.addFeedback(text, { session: '2026-11-19', from: 'mentor', rating: s.rating }, ctx);
    else continue;
    if (r.ok) text = r.text;
  }
  return text;
}

const FIELDS = ['title', 'status', 'due', 'closed'] as const;

describe('mergeMentoring (property)', function () {
  this.timeout(300_000);
  it('merges two random edit scripts: clean means valid with both sides, conflicted means marked where reported', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 5 }), fc.array(step, { maxLength: 5 }), fc.integer({ min: 0, max: 2 ** 31 }), (a, b, seed) => {
        let n = seed;
        const random = (): number => ((n = (n * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        const ours = run(BASE, a, { now: NOW, utcOffsetMinutes: 60, random });
        const theirs = run(BASE, b, { now: NOW, utcOffsetMinutes: 60, random });
        const r = mergeMentoring(BASE, ours, theirs);
        const lines = r.text.split('\n');
        if (r.conflicts.length > 0) {
          for (const c of r.conflicts) assert.equal(lines[c.line - 1], '<<<<<<< ours', r.text);
          assert.equal(parse(r.text, { now: NOW }).diagnostics[0]?.code, 'merge-conflict');
          return;
        }
        const errors = parse(r.text, { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors.map((d) => `${d.line}: ${d.message}`), [], r.text);
        const merged = new Map(tasksOf(r.text).map((t) => [t.id, t]));
        const base = new Map(tasksOf(BASE).map((t) => [t.id, t]));
        for (const side of [ours, theirs]) {
          for (const t of tasksOf(side)) {
            const m = merged.get(t.id);
            assert.ok(m, `task ${t.id} kept\n${r.text}`);
            const before = base.get(t.id);
            for (const f of FIELDS) {
              if (before === undefined || before[f] !== t[f]) assert.equal(m[f], t[f], `${t.id}.${f}\n${r.text}`);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
