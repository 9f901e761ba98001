/**
 * `npm start` moves the demo's dates to today (test/host/demo-dates.mjs): the demo must read the
 * same whenever it is opened — a next session ahead, one announced and one not, an overdue task,
 * a held session without feedback — and still parse without errors.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../../src/core/parse/index';
import { ROOT as ROOT_DIR } from '../../fixtures';

interface DemoDates {
  DEMO_WRITTEN_FOR: string;
  daysBetween(from: string, to: string): number;
  shiftDates(text: string, days: number): string;
  demoForToday(text: string, today?: string): string;
}

const root = ROOT_DIR;

describe('the demo moved to today (test/host/demo-dates.mjs)', () => {
  let m: DemoDates;
  before(async () => {
    m = (await import(join(root, 'test', 'host', 'demo-dates.mjs'))) as DemoDates;
  });

  it('counts whole days across months, years and a leap day', () => {
    assert.equal(m.daysBetween('2026-11-28', '2026-11-28'), 0);
    assert.equal(m.daysBetween('2026-11-28', '2026-12-01'), 3);
    assert.equal(m.daysBetween('2026-11-28', '2027-11-28'), 365);
    assert.equal(m.daysBetween('2027-11-28', '2028-11-28'), 366);
    assert.equal(m.daysBetween('2026-11-28', '2026-11-01'), -27);
  });

  it('moves dates, the date of a date-time, and dated ids; keeps times, offsets and everything else', () => {
    const text = [
      '# written 2026-11-28',
      'at: 2026-12-31T15:00:00+01:00',
      'id: 2026-02-27-d9c8',
      'by: 2028-02-28 # leap',
      'links: [src/a.ts#L2026]',
      'title: "Release 12026-11-28 or v2026-11-28x"',
      'not a date: 2026-13-45, phone 2026-11-280',
    ].join('\r\n');
    assert.equal(m.shiftDates(text, 2), [
      '# written 2026-11-30',
      'at: 2027-01-02T15:00:00+01:00',
      'id: 2026-03-01-d9c8',
      'by: 2028-03-01 # leap',
      'links: [src/a.ts#L2026]',
      'title: "Release 12026-11-28 or v2026-11-28x"',
      'not a date: 2026-13-45, phone 2026-11-280',
    ].join('\r\n'));
    assert.equal(m.shiftDates(text, 0), text);
    assert.equal(m.shiftDates(m.shiftDates(text, 400), -400), text);
  });

  for (const today of ['2026-11-28', '2026-12-11', '2027-03-01', '2028-02-29', '2031-07-04']) {
    it(`reads as written on ${today}: parses cleanly, sessions ahead, an overdue task, a session owing feedback`, () => {
      const demo = m.demoForToday(readFileSync(join(root, 'demo', '.mentoring.yaml'), 'utf8'), today);
      const now = new Date(`${today}T10:00:00Z`);
      const r = parse(demo, { now });
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
      const model = r.model;
      assert.ok(model);
      const codes = r.diagnostics.map((d) => d.code).sort();
      assert.deepEqual(codes, ['missing-feedback', 'task-overdue', 'topic-not-announced']);
      const ahead = model.sessions.filter((s) => s.status === 'planned' && Date.parse(s.at) > now.getTime());
      assert.equal(ahead.length, 2, 'two planned sessions ahead');
      assert.ok(ahead.some((s) => s.announced) && ahead.some((s) => !s.announced), 'one announced, one not');
      // every task's session reference moved with the session ids
      for (const t of model.tasks) if (t.session) assert.ok(model.sessions.some((s) => s.id === t.session), t.session);
      const goal = model.agreement.goals.find((g) => g.status === 'active');
      assert.ok(goal);
      const left = (Date.parse(goal.by) - now.getTime()) / 86_400_000;
      assert.ok(left > 0 && left < 14, `the active goal is near its deadline (${left.toFixed(1)} days left)`);
    });
  }
});
