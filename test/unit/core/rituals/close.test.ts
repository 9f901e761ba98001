import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse';
import { addFinalFeedback, closeMentorship, closeOp, parseOutcome } from '../../../../src/core/rituals/close';
import { statusText } from '../../../../src/core/views/status';
import { isSealed } from '../../../../src/core/seal/armor';
import { fieldAt } from '../../../../src/core/seal/fields';
import { runSealedEdit } from '../../../../src/core/seal/sealedEdit';
import { sealEdit } from '../../../../src/core/seal/write';
import { ageOpen, keygen } from '../seal/realAge';

const NOW = new Date('2026-12-01T10:00:00Z');
const ctx = { now: NOW, utcOffsetMinutes: 0 };

const FILE = `version: 1
agreement:
  mentor: { name: AnaKEY_MENTOR }
  mentee: { name: BenKEY_MENTEE }
  started: 2026-06-01
  review: 2026-11-01
  goals:
    - id: g1
      title: Tests first
      by: 2026-11-30
      status: active
    - id: g2
      title: Own a release
      set: 2026-06-01
      by: 2027-06-01
    - id: g3
      title: Old goal
      by: 2026-09-01
      status: achieved
  expectations:
    topicNotice: 48h
sessions:
  - id: s1
    at: 2026-10-01T15:00:00Z
    status: held
    feedback:
      - from: mentee
        rating: 3
  - id: s2
    at: 2026-10-15T15:00:00Z
    status: cancelled
    cancelled: { at: 2026-10-14T15:00:00Z, by: mentor }
  - id: s3
    at: 2026-11-01T15:00:00Z
    status: held
    feedback:
      - from: mentee
        rating: 4
      - from: mentor
        rating: 4
  - id: s4
    at: 2026-11-15T15:00:00Z
    status: held
    feedback:
      - from: mentee
        rating: 5
  - id: s5
    at: 2026-12-02T15:00:00Z
    status: planned
tasks:
  - id: t1
    title: Write the test
    due: 2026-11-20
    status: open
  - id: t2
    title: Read the guide
    status: done
  - id: t3
    title: Old idea
    status: dropped
`;

const plain = FILE.replace('KEY_MENTOR', '').replace('KEY_MENTEE', '');
const outcomes = [
  { goal: 'g1', status: 'achieved' as const, why: 'Every fix since October has a test' },
  { goal: 'g2', status: 'dropped' as const, why: 'The release moved to next year' },
];

function ok(r: { ok: boolean; message?: string; text?: string }): string {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.text as string;
}

describe('rituals: close the mentorship', () => {
  it('writes each active goal’s outcome, the closer’s final feedback and `closed:`, touching nothing else', () => {
    const r = closeMentorship(plain, { by: 'mentor', outcomes, feedback: { from: 'mentor', rating: 5, valuable: 'Seeing Ben lead', change: 'Start earlier' } }, ctx);
    const text = ok(r);
    const expected = plain
      .replace('      status: active\n', '      status: achieved\n      outcome: Every fix since October has a test\n')
      .replace('      by: 2027-06-01\n', '      by: 2027-06-01\n      status: dropped\n      outcome: The release moved to next year\n')
      + 'closed:\n  on: 2026-12-01\n  by: mentor\n  feedback:\n    - from: mentor\n      rating: 5\n      valuable: Seeing Ben lead\n      change: Start earlier\n      at: 2026-12-01T10:00:00Z\n';
    assert.equal(text, expected);
    assert.ok(r.ok && r.warnings.some((w) => w.includes('s5') && w.includes('still planned')));
    assert.ok(r.ok && r.warnings.some((w) => w.includes('1 task is still open')));
    const model = parse(text, { now: NOW }).model;
    assert.deepEqual(model?.closed, { on: '2026-12-01', by: 'mentor', feedback: [{ from: 'mentor', rating: 5, valuable: 'Seeing Ben lead', change: 'Start earlier', at: '2026-12-01T10:00:00Z' }] });
  });

  it('refuses, saying why and changing nothing: an active goal without outcome, an unknown or finished goal, no why, a bad date, a second close', () => {
    const cases: [Parameters<typeof closeMentorship>[1], RegExp][] = [
      [{ by: 'mentor', outcomes: [outcomes[0]!] }, /still open: g2 "Own a release"/],
      [{ by: 'mentor', outcomes: [...outcomes, { goal: 'g9', status: 'achieved', why: 'x' }] }, /no goal "g9"\. Goals: g1, g2, g3/],
      [{ by: 'mentor', outcomes: [...outcomes, { goal: 'g3', status: 'dropped', why: 'x' }] }, /g3 is already achieved/],
      [{ by: 'mentor', outcomes: [outcomes[0]!, { goal: 'g2', status: 'dropped', why: '  ' }] }, /why goal g2 was dropped/],
      [{ by: 'mentor', outcomes, on: '2026-02-30' }, /closing date "2026-02-30" is not valid/],
      [{ by: 'mentor', outcomes, on: '2026-05-01' }, /before the agreement started/],
      [{ by: 'mentor', outcomes, feedback: { from: 'mentor' } }, /needs a rating, what was valuable, or what to change/],
      [{ by: 'mentor', outcomes, feedback: { from: 'mentor', rating: 7 } }, /whole number from 1 to 5/],
    ];
    for (const [args, message] of cases) {
      const r = closeMentorship(plain, args, ctx);
      assert.ok(!r.ok, `expected a refusal for ${JSON.stringify(args)}`);
      assert.match(r.message, message);
      assert.match(r.message, /Nothing was changed\./);
    }
    const closed = ok(closeMentorship(plain, { by: 'mentee', outcomes, on: '2026-11-30' }, ctx));
    const again = closeMentorship(closed, { by: 'mentor', outcomes: [] }, ctx);
    assert.ok(!again.ok);
    assert.match(again.message, /already closed on 2026-11-30 by the mentee/);
  });

  it('the other side adds their final feedback after closing, once', () => {
    const closed = ok(closeMentorship(plain, { by: 'mentor', outcomes, feedback: { from: 'mentor', rating: 4 } }, ctx));
    const both = ok(addFinalFeedback(closed, { from: 'mentee', rating: 5, change: 'More pairing' }, ctx));
    assert.ok(both.endsWith('      at: 2026-12-01T10:00:00Z\n    - from: mentee\n      rating: 5\n      change: More pairing\n      at: 2026-12-01T10:00:00Z\n'));
    const twice = addFinalFeedback(both, { from: 'mentee', rating: 2 }, ctx);
    assert.ok(!twice.ok && /mentee's final feedback is already recorded/.test(twice.message));
    const early = addFinalFeedback(plain, { from: 'mentee', rating: 2 }, ctx);
    assert.ok(!early.ok && /not closed yet/.test(early.message));
    // A closing without feedback: the list is created by the first final feedback.
    const bare = ok(closeMentorship(plain, { by: 'mentee', outcomes }, ctx));
    assert.ok(bare.endsWith('closed:\n  on: 2026-12-01\n  by: mentee\n'));
    const added = parse(ok(addFinalFeedback(bare, { from: 'mentor', valuable: 'All of it' }, ctx)), { now: NOW }).model;
    assert.equal(added?.closed?.feedback[0]?.valuable, 'All of it');
  });

  it('reads an outcome as typed in a terminal', () => {
    assert.deepEqual(parseOutcome('g1=achieved:Shipped it: all of it'), { goal: 'g1', status: 'achieved', why: 'Shipped it: all of it' });
    assert.deepEqual(parseOutcome(' g-2 = Dropped : moved on '), { goal: 'g-2', status: 'dropped', why: 'moved on' });
    assert.match(parseOutcome('g1=achieved') as string, /needs a line why, after a colon: g1=achieved:WHY/);
    assert.match(parseOutcome('g1=done:x') as string, /GOAL=achieved:WHY or GOAL=dropped:WHY/);
    assert.match(parseOutcome('achieved') as string, /is not an outcome/);
  });

  it('a closed file is quiet: no review, topic, overdue-task or goal-date nags; no countdown in the status bar', () => {
    const open = parse(plain, { now: NOW });
    const codes = (r: ReturnType<typeof parse>): string[] => r.diagnostics.map((d) => d.code);
    for (const c of ['review-overdue', 'task-overdue', 'goal-too-far', 'topic-not-announced']) assert.ok(codes(open).includes(c), `the open file warns ${c}`);
    assert.equal(statusText(open.model, NOW, 72 * 3600_000).kind, 'unannounced');

    const closedText = ok(closeMentorship(plain, { by: 'mentor', outcomes }, ctx)).replace('status: dropped\n', 'status: active\n');
    const closed = parse(closedText, { now: NOW });
    for (const c of ['review-overdue', 'task-overdue', 'goal-too-far', 'topic-not-announced']) assert.ok(!codes(closed).includes(c), `a closed file does not warn ${c}`);
    // …and says what closing left unsaid, at the goal's line.
    const active = closed.diagnostics.find((d) => d.code === 'closed-goal-active');
    assert.ok(active && active.severity === 'warning' && /goal `g2` is still active/.test(active.message));
    assert.equal(closedText.split('\n')[active.line - 1]?.trim(), '- id: g2');
    const status = statusText(closed.model, NOW, 72 * 3600_000);
    assert.equal(status.kind, 'closed');
    assert.ok(!/in \d|countdown/.test(status.text) && /closed on 2026-12-01 by the mentor/.test(status.tooltip));
  });

  it('a bad `closed:` value is a located error', () => {
    const bad = plain + 'closed:\n  on: 2026-13-01\n  by: coach\n';
    const r = parse(bad, { now: NOW });
    const on = r.diagnostics.find((d) => d.severity === 'error' && d.line === bad.split('\n').indexOf('  on: 2026-13-01') + 1);
    const by = r.diagnostics.find((d) => d.severity === 'error' && d.line === bad.split('\n').indexOf('  by: coach') + 1);
    assert.ok(on && by, JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error')));
    assert.equal(on.column, 7);
    assert.match(by.message, /mentor|mentee/);
    const twice = parse(plain + 'closed:\n  on: 2026-12-01\n  by: mentor\n  feedback:\n    - { from: mentee, rating: 4 }\n    - { from: mentee, rating: 5 }\n', { now: NOW });
    assert.ok(twice.diagnostics.some((d) => d.code === 'closed-feedback-twice'));
  });

  describe('sealing the final feedback', function () {
    this.timeout(20_000);
    const mentor = keygen();
    const mentee = keygen();
    const keyed = FILE.replace('KEY_MENTOR', `, key: ${mentor.recipient}`).replace('KEY_MENTEE', `, key: ${mentee.recipient}`);

    it('its rating and text are the confidential feedback fields', () => {
      assert.equal(fieldAt(['closed', 'feedback', 0, 'valuable']), 'feedback.valuable');
      assert.equal(fieldAt(['closed', 'feedback', 1, 'rating']), 'feedback.rating');
      assert.equal(fieldAt(['closed', 'feedback', 0, 'from']), undefined);
      assert.equal(fieldAt(['closed', 'on']), undefined);
    });

    it('is sealed by the runner’s sealing step (the editor’s path) and by sealEdit (the CLI’s), readable by both', async () => {
      const op = closeOp({ by: 'mentor', outcomes, feedback: { from: 'mentee', rating: 5, valuable: 'Ana’s patience', change: 'Shorter sessions' } });
      const r = await runSealedEdit(keyed, ctx, op);
      const text = ok(r);
      for (const secret of ['Ana’s patience', 'Shorter sessions']) assert.ok(!text.includes(secret));
      const fb = parse(text, { now: NOW }).model?.closed?.feedback[0];
      assert.ok(fb && isSealed(fb.rating) && isSealed(fb.valuable) && isSealed(fb.change));
      assert.equal(fb.from, 'mentee');
      assert.equal(ageOpen(String(fb.valuable), mentor.file).out, 'Ana’s patience');
      assert.equal(ageOpen(String(fb.change), mentee.file).out, 'Shorter sessions');
      // The outcomes are not confidential: they stay readable.
      assert.ok(text.includes('outcome: Every fix since October has a test'));

    });

    it('added after closing, it is sealed on its way to the disk (sealEdit, the CLI’s step)', async () => {
      const before = ok(closeMentorship(keyed, { by: 'mentor', outcomes }, ctx));
      const after = ok(addFinalFeedback(before, { from: 'mentor', valuable: 'Late words' }, ctx));
      assert.ok(after.includes('Late words'));
      const r = await sealEdit(before, after, { now: NOW });
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.ok(!r.text.includes('Late words'));
      assert.deepEqual(r.sealed.map((f) => f.path), [['closed', 'feedback', 0, 'valuable']]);
      const late = parse(r.text, { now: NOW }).model?.closed?.feedback[0];
      assert.ok(late && isSealed(late.valuable));
      assert.equal(ageOpen(String(late.valuable), mentee.file).out, 'Late words');
    });
  });
});
