/**
 * What git does with two edits made on two branches from one base: each scenario applies one
 * operation per branch, merges the results with `git merge-file` (plain 3-way, and `--union`)
 * on real temp files, and parses what comes out.
 *
 * Findings (asserted below):
 * - Two appends to the same list (two new tasks, sessions or feedback entries): the plain
 *   3-way merge reports a conflict, because both branches insert at the same place. `parse`
 *   reports the marker and every edit refuses the file until it is resolved. The ids do not
 *   collide. But git shrinks the conflict to the lines that differ (`- id: …`, `title: …`) and
 *   writes the lines both new items share (`status: open`, `created: …`) once, below the
 *   markers: a person who "keeps both sides" gives those lines to the second item only, and
 *   the first silently loses them (the file still parses: defaults fill the gaps).
 * - An edit inside an item plus an append after the last item: clean merge, because edits
 *   insert new keys mid-item (after `status`), not at the end of the item.
 * - The same change on both sides merges cleanly. Contradicting changes to one line conflict.
 * - `--union` (what `merge=union` in .gitattributes does) makes the same loss automatic and
 *   silent, so we do not recommend `merge=union`. Merging concurrent appends cleanly is the
 *   job of the structural merge driver (`src/core/merge/`, `mentoring merge-driver install`;
 *   tested in test/unit/core/merge/ and, with real git, test/unit/cli/merge-driver.test.ts).
 * - Two sessions planned for the same date on two branches both take the date as their id;
 *   the merged file has an error (never a silent merge).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addFeedback,
  addTask,
  cancelSession,
  completeTask,
  dropTask,
  endSession,
  planSession,
  type EditContext,
  type EditResult,
} from '../../../../src/core/edit/index';
import { parse } from '../../../../src/core/parse/index';
import { fixture } from '../../../fixtures';

/** The agreement between Ana and Ben with one session and one task (test/fixtures/base.mentoring.yaml). */
const BASE = fixture('base.mentoring.yaml');

const NOW = new Date('2026-11-25T09:00:00Z');

function hexRandom(hex: string): () => number {
  let i = 0;
  return () => (parseInt(hex[i++ % hex.length] as string, 16) + 0.5) / 16;
}

const branchA: EditContext = { now: NOW, utcOffsetMinutes: 60, random: hexRandom('aaaa') };
const branchB: EditContext = { now: NOW, utcOffsetMinutes: 60, random: hexRandom('bbbb') };

function text(r: EditResult): string {
  if (!r.ok) assert.fail(r.message);
  return r.text;
}

let dir: string | undefined;

/** `git merge-file` on real files; `conflicts` is its exit status (the number of conflicts). */
function merge(base: string, ours: string, theirs: string, union: boolean): { conflicts: number; text: string } {
  if (!dir) throw new Error('no temp folder');
  writeFileSync(join(dir, 'base.yaml'), base);
  writeFileSync(join(dir, 'ours.yaml'), ours);
  writeFileSync(join(dir, 'theirs.yaml'), theirs);
  const args = ['merge-file', ...(union ? ['--union'] : []), join(dir, 'ours.yaml'), join(dir, 'base.yaml'), join(dir, 'theirs.yaml')];
  let conflicts = 0;
  try {
    execFileSync('git', args, { stdio: 'pipe' });
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (typeof status !== 'number' || status < 0 || status > 127) throw e;
    conflicts = status;
  }
  return { conflicts, text: readFileSync(join(dir, 'ours.yaml'), 'utf8') };
}

/** Resolve every conflict the way a person keeping both additions would: drop the markers. */
function keepBoth(t: string): string {
  return t.replace(/^(<<<<<<< |=======$|>>>>>>> ).*\n/gm, '');
}

function errors(t: string): string[] {
  return parse(t, { now: NOW })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);
}

describe('merging two branches (git merge-file)', function () {
  before(function () {
    try {
      execFileSync('git', ['--version'], { stdio: 'pipe' });
    } catch {
      // These tests need the git executable; say so rather than fail on a machine without it.
      console.warn('    (git is not installed: skipping the merge tests)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'mentoring-merge-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('two new tasks: plain merge conflicts, and git shrinks the conflict to the lines that differ', () => {
    const a = text(addTask(BASE, { title: 'Task from A', due: '2026-12-01' }, branchA));
    const b = text(addTask(BASE, { title: 'Task from B', due: '2026-12-01' }, branchB));
    const plain = merge(BASE, a, b, false);
    assert.equal(plain.conflicts, 1);
    assert.deepEqual(errors(plain.text).map((e) => e.split(':')[0]), ['merge-conflict']);
    assert.equal(addTask(plain.text, { title: 'x' }, branchA).ok, false, 'edits refuse a conflicted file');
    // The lines both new tasks share sit below the markers, once.
    assert.ok(
      plain.text.endsWith(
        '=======\n  - id: t-bbbb\n    title: Task from B\n' +
          plain.text.slice(plain.text.indexOf('>>>>>>> ')).split('\n')[0] +
          '\n    owner: mentee\n    due: 2026-12-01\n    status: open\n    created: 2026-11-25\n\n# end of file\n',
      ),
      plain.text,
    );
    // So "keep both sides" gives both ids (no collision) but task A silently loses those lines.
    const resolved = keepBoth(plain.text);
    assert.deepEqual(errors(resolved), []);
    const model = parse(resolved, { now: NOW }).model;
    assert.deepEqual(model?.tasks.map((t) => [t.id, t.title, t.due, t.created]), [
      ['t-7f3a', 'Add a failing test before fixing BILL-231', '2026-11-26', undefined],
      ['t-aaaa', 'Task from A', undefined, undefined],
      ['t-bbbb', 'Task from B', '2026-12-01', '2026-11-25'],
    ]);
  });

  it('--union is not safe: it silently drops the lines two new tasks share', () => {
    const a = text(addTask(BASE, { title: 'Task from A', due: '2026-12-01' }, branchA));
    const b = text(addTask(BASE, { title: 'Task from B', due: '2026-12-01' }, branchB));
    const union = merge(BASE, a, b, true);
    assert.equal(union.conflicts, 0);
    assert.deepEqual(errors(union.text), [], 'the damaged file still parses');
    const tasks = parse(union.text, { now: NOW }).model?.tasks ?? [];
    assert.deepEqual(tasks.map((t) => [t.id, t.due, t.created]), [
      ['t-7f3a', '2026-11-26', undefined],
      ['t-aaaa', undefined, undefined], // lost `due` and `created`: shared lines were written once
      ['t-bbbb', '2026-12-01', '2026-11-25'],
    ]);
  });

  it('two new sessions on different dates: a conflict; keeping both sides loses shared lines', () => {
    const a = text(planSession(BASE, { at: '2026-12-03T15:00:00+01:00', topic: 'A' }, branchA));
    const b = text(planSession(BASE, { at: '2026-12-10T15:00:00+01:00', topic: 'B' }, branchB));
    const plain = merge(BASE, a, b, false);
    assert.equal(plain.conflicts, 1);
    const resolved = keepBoth(plain.text);
    assert.deepEqual(errors(resolved), []);
    assert.deepEqual(
      parse(resolved, { now: NOW }).model?.sessions.map((s) => [s.id, s.topic, s.announced]),
      [
        ['2026-11-19', 'Reading unfamiliar code', '2026-11-16T09:00:00+01:00'],
        ['2026-11-26', undefined, undefined],
        ['2026-12-03', 'A', undefined], // its `announced` line went to the other session
        ['2026-12-10', 'B', '2026-11-25T10:00:00+01:00'],
      ],
    );
  });

  it('two feedback entries on one session: a conflict; keeping both sides keeps both', () => {
    const a = text(addFeedback(BASE, { session: '2026-11-19', from: 'mentor', rating: 5 }, branchA));
    const b = text(addFeedback(BASE, { session: '2026-11-19', from: 'mentee', valuable: 'B' }, branchB));
    const plain = merge(BASE, a, b, false);
    assert.equal(plain.conflicts, 1);
    const resolved = keepBoth(plain.text);
    assert.deepEqual(errors(resolved), []);
    assert.deepEqual(
      parse(resolved, { now: NOW }).model?.sessions[0]?.feedback.map((f) => [f.from, f.rating, f.valuable]),
      [
        ['mentee', 4, undefined],
        ['mentor', 5, undefined],
        ['mentee', undefined, 'B'],
      ],
    );
  });

  it('completing a task on one branch and adding a task on the other merges cleanly, even plain', () => {
    const a = text(completeTask(BASE, { task: 't-7f3a' }, branchA));
    const b = text(addTask(BASE, { title: 'New' }, branchB));
    for (const union of [false, true]) {
      const m = merge(BASE, a, b, union);
      assert.equal(m.conflicts, 0, union ? 'union' : 'plain');
      assert.deepEqual(errors(m.text), []);
      const model = parse(m.text, { now: NOW }).model;
      assert.deepEqual(model?.tasks.map((t) => [t.id, t.status, t.closed]), [
        ['t-7f3a', 'done', '2026-11-25'],
        ['t-bbbb', 'open', undefined],
      ]);
    }
  });

  it('ending the last session on one branch and planning the next on the other merges cleanly, even plain', () => {
    const a = text(endSession(BASE, { session: '2026-11-26', feedback: { from: 'mentee', rating: 4 } }, branchA));
    const b = text(planSession(BASE, { at: '2026-12-03T15:00:00+01:00' }, branchB));
    for (const union of [false, true]) {
      const m = merge(BASE, a, b, union);
      assert.equal(m.conflicts, 0, union ? 'union' : 'plain');
      assert.deepEqual(errors(m.text), []);
      const sessions = parse(m.text, { now: NOW }).model?.sessions ?? [];
      assert.deepEqual(sessions.map((s) => [s.id, s.status, s.feedback.length]), [
        ['2026-11-19', 'held', 1],
        ['2026-11-26', 'held', 1],
        ['2026-12-03', 'planned', 0],
      ]);
    }
  });

  it('cancelling a session on one branch and adding a task on the other merges cleanly', () => {
    const a = text(cancelSession(BASE, { session: '2026-11-26', by: 'mentor' }, branchA));
    const b = text(addTask(BASE, { title: 'New' }, branchB));
    const m = merge(BASE, a, b, false);
    assert.equal(m.conflicts, 0);
    assert.deepEqual(errors(m.text), []);
  });

  it('the same change on both branches merges cleanly', () => {
    const a = text(completeTask(BASE, { task: 't-7f3a' }, branchA));
    const b = text(completeTask(BASE, { task: 't-7f3a' }, branchB));
    for (const union of [false, true]) {
      const m = merge(BASE, a, b, union);
      assert.equal(m.conflicts, 0);
      assert.equal(m.text, a);
    }
  });

  it('contradicting changes to one task never merge silently', () => {
    const a = text(completeTask(BASE, { task: 't-7f3a' }, branchA));
    const b = text(dropTask(BASE, { task: 't-7f3a' }, branchB));
    const plain = merge(BASE, a, b, false);
    assert.equal(plain.conflicts, 1);
    assert.deepEqual(errors(plain.text).map((e) => e.split(':')[0]), ['merge-conflict']);
    const union = merge(BASE, a, b, true);
    assert.equal(union.conflicts, 0);
    assert.ok(errors(union.text).length > 0, 'union of contradicting changes must not parse cleanly');
    assert.match(errors(union.text).join('\n'), /duplicate|twice|more than once/i);
    // And no edit will touch the file until it is fixed.
    const r = addTask(union.text, { title: 'x' }, branchA);
    assert.equal(r.ok, false);
  });

  it('two sessions planned for the same date collide on the id, and parse says so', () => {
    const a = text(planSession(BASE, { at: '2026-12-03T15:00:00+01:00' }, branchA));
    const b = text(planSession(BASE, { at: '2026-12-03T18:00:00+01:00' }, branchB));
    const plain = merge(BASE, a, b, false);
    assert.equal(plain.conflicts, 1);
    assert.match(errors(keepBoth(plain.text)).join('\n'), /^duplicate-(id|key): /m);
    assert.match(errors(merge(BASE, a, b, true).text).join('\n'), /^duplicate-(id|key): /m);
  });
});
