/**
 * demo/ is what `npm start` opens: it must show every feature — a goal near its deadline, an
 * overdue task, a session owing feedback, an unannounced session, a review thread on a real line,
 * the team's `hints:` block and a Markdown review file that gets hints — whenever it is opened,
 * at any hour of the day, after test/host/demo-dates.mjs moved its dates to that day.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findHints } from '../../../src/core/hints';
import { parse } from '../../../src/core/parse/index';
import { goalTimeLeft } from '../../../src/core/queries';
import { reanchor, splitLines } from '../../../src/core/threads/anchor';
import { ROOT as ROOT_DIR } from '../../fixtures';

interface DemoDates {
  DEMO_WRITTEN_FOR: string;
  localToday(now?: Date): string;
  demoForToday(text: string, today?: string): string;
}

const root = ROOT_DIR;
const demoDir = join(root, 'demo');
const demoText = readFileSync(join(demoDir, '.mentoring.yaml'), 'utf8');

describe('the demo workspace (demo/)', () => {
  let m: DemoDates;
  before(async () => {
    m = (await import(join(root, 'test', 'host', 'demo-dates.mjs'))) as DemoDates;
  });

  it('says in its header the day it was written for, the day npm start shifts from', () => {
    const said = /^# Written for (\d{4}-\d{2}-\d{2})\b/m.exec(demoText)?.[1];
    assert.equal(said, m.DEMO_WRITTEN_FOR);
  });

  it("takes this machine's calendar day as today, as the extension does", () => {
    assert.equal(m.localToday(new Date(2028, 1, 29, 23, 59)), '2028-02-29');
    assert.equal(m.localToday(new Date(2027, 0, 1, 0, 1)), '2027-01-01');
  });

  for (const today of ['2026-11-28', '2026-12-31', '2028-02-29', '2030-06-15']) {
    for (const time of ['00:01', '12:00', '23:59']) {
      it(`on ${today} at ${time} (local): the same warnings, the goal a week from its deadline`, () => {
        const now = new Date(`${today}T${time}:00`);
        const r = parse(m.demoForToday(demoText, today), { now });
        assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
        assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.path)}`).sort(), [
          'missing-feedback ["sessions",1,"feedback"]',
          'task-overdue ["tasks",0,"due"]',
          'topic-not-announced ["sessions",4,"topic"]',
        ]);
        const model = r.model;
        assert.ok(model);
        const goal = model.agreement.goals.find((g) => g.status === 'active');
        assert.ok(goal);
        assert.deepEqual(goalTimeLeft(goal, now), { days: 7, overdue: false });
        assert.ok(model.sessions.some((s) => s.feedback.length > 0), 'feedback history');
        assert.ok(model.tasks.some((t) => t.status === 'done'), 'a done task');
      });
    }
  }

  it('anchors its review thread to the line it names, unchanged', () => {
    const model = parse(demoText, { now: new Date('2026-11-28T12:00:00') }).model;
    assert.ok(model);
    assert.ok(model.threads.length > 0, 'a review thread');
    for (const thread of model.threads) {
      const lines = splitLines(readFileSync(join(demoDir, thread.file), 'utf8'));
      assert.deepEqual(reanchor(thread, lines), { status: 'unchanged', line: thread.line }, thread.id);
    }
  });

  it('has a Markdown file for the default hints glob, with judgments, one of them the team word', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } | { properties: Record<string, { default?: unknown }> }[] };
    };
    const sections = [pkg.contributes.configuration].flat();
    const glob = sections.map((c) => c.properties['mentoring.hints.markdownGlob']?.default).find((d) => d !== undefined);
    assert.equal(glob, '**/*.review.md', 'the demo file below follows this default');
    const reviews = readdirSync(demoDir).filter((f) => f.endsWith('.review.md'));
    assert.ok(reviews.length > 0);

    const model = parse(demoText, { now: new Date('2026-11-28T12:00:00') }).model;
    const team = model?.hints;
    assert.ok(team?.extraJudgmentWords.length, 'a hints: block with the team words');
    for (const f of reviews) {
      const text = readFileSync(join(demoDir, f), 'utf8');
      const hints = findHints(text, team);
      assert.ok(hints.some((h) => h.category === 'judgment'), `${f}: a judgment to hint on`);
      const teamWords = team.extraJudgmentWords.map((w) => w.toLowerCase());
      const flagged = hints.map((h) => text.slice(h.start, h.end).toLowerCase());
      assert.ok(flagged.some((s) => teamWords.some((w) => s.includes(w))), `${f}: a team word flagged`);
      assert.ok(!findHints(text).some((h) => teamWords.some((w) => text.slice(h.start, h.end).toLowerCase().includes(w))), `${f}: the team word only with the block`);
    }
  });
});
