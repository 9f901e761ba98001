/** Questions to ask (src/core/rituals/questions.ts): the questions that fit a session's moment, and the team's own. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findHints } from '../../../../src/core/hints/index';
import { parse } from '../../../../src/core/parse/index';
import { QUESTION_MOMENTS, questionsFor } from '../../../../src/core/rituals/questions';
import type { MentoringFile } from '../../../../src/core/schema';

const NOW = new Date('2026-11-25T10:00:00Z');

interface Parts { expectations?: string; goals?: string; sessions?: string; tasks?: string; questions?: string; hints?: string }

function file(p: Parts): string {
  return [
    'version: 1',
    'agreement:',
    '  mentor: { name: Ana }',
    '  mentee: { name: Ben }',
    '  started: 2026-06-01',
    `  expectations: {${p.expectations ?? ' cancellationNotice: 24h, feedback: every-session'} }`,
    `  goals:${p.goals ?? ' []'}`,
    `sessions:${p.sessions ?? `
  - { id: next, at: "2026-12-02T15:00:00+00:00", status: planned }`}`,
    `tasks:${p.tasks ?? ' []'}`,
    p.hints ?? '',
    p.questions ? `questions:${p.questions}` : '',
    '',
  ].filter((l) => l !== '').join('\n');
}

function model(text: string): MentoringFile {
  const r = parse(text, { now: NOW });
  assert.ok(r.model, JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error')));
  return r.model;
}

function ids(p: Parts, session = 'next'): string[] {
  return questionsFor(model(file(p)), session, NOW).map((q) => q.id);
}

function texts(p: Parts, session = 'next'): string[] {
  return questionsFor(model(file(p)), session, NOW).map((q) => q.text);
}

const HELD = `
  - { id: met, at: "2026-11-18T15:00:00+00:00", status: held, feedback: [{ from: mentee, rating: 4 }] }`;
const NEXT = `
  - { id: next, at: "2026-12-02T15:00:00+00:00", status: planned }`;

describe('questions to ask', () => {
  describe('a first session', () => {
    it('fits when the pair has not met yet: hopes, how feedback lands best, between sessions', () => {
      assert.deepEqual(ids({}).filter((id) => id.startsWith('first-session.')), ['first-session.hopes', 'first-session.feedback', 'first-session.between']);
      assert.ok(texts({}).includes('How do you like to receive feedback: in the moment or saved for our sessions, written or spoken?'));
    });
    it('does not fit once a session was held (or started) before it', () => {
      assert.deepEqual(ids({ sessions: HELD + NEXT }).filter((id) => id.startsWith('first-session.')), []);
      const started = `
  - { id: met, at: "2026-11-18T15:00:00+00:00", status: planned, started: "2026-11-18T15:02:00+00:00" }`;
      assert.deepEqual(ids({ sessions: started + NEXT }).filter((id) => id.startsWith('first-session.')), []);
    });
    it('a session held after it does not count, nor does a cancelled one before it', () => {
      const later = `
  - { id: first, at: "2026-11-10T15:00:00+00:00", status: held }
  - { id: zero, at: "2026-11-01T15:00:00+00:00", status: cancelled, cancelled: { at: "2026-10-20T15:00:00+00:00", by: mentor } }`;
      assert.ok(ids({ sessions: later }, 'first').includes('first-session.hopes'));
    });
  });

  describe('after a late cancellation', () => {
    const cancelled = (at: string) => `
  - { id: off, at: "2026-11-25T15:00:00+00:00", status: cancelled, cancelled: { at: "${at}", by: mentee } }`;
    it('fits when a session since the last meeting was called off inside the agreed notice', () => {
      assert.ok(texts({ sessions: HELD + cancelled('2026-11-25T09:00:00+00:00') + NEXT }).includes(
        'The session on 25 November was called off at short notice. Is our current rhythm still working for both of us, or would another time suit better?'));
    });
    it('does not fit when it was cancelled in time', () => {
      assert.ok(!ids({ sessions: HELD + cancelled('2026-11-23T09:00:00+00:00') + NEXT }).includes('late-cancellation.rhythm'));
    });
    it('does not fit when the pair has met since', () => {
      const metSince = `
  - { id: since, at: "2026-11-28T15:00:00+00:00", status: held, feedback: [{ from: mentor, rating: 5 }] }`;
      assert.ok(!ids({ sessions: cancelled('2026-11-25T09:00:00+00:00') + metSince + NEXT }).includes('late-cancellation.rhythm'));
    });
    it('uses the agreed notice: with 3 days agreed, a cancellation two days ahead was late', () => {
      const p = { expectations: ' cancellationNotice: 3d', sessions: HELD + cancelled('2026-11-23T09:00:00+00:00') + NEXT };
      assert.ok(ids(p).includes('late-cancellation.rhythm'));
    });
    it('without an agreed notice, less than a day ahead is short notice', () => {
      assert.ok(ids({ expectations: '', sessions: HELD + cancelled('2026-11-25T09:00:00+00:00') + NEXT }).includes('late-cancellation.rhythm'));
      assert.ok(!ids({ expectations: '', sessions: HELD + cancelled('2026-11-23T09:00:00+00:00') + NEXT }).includes('late-cancellation.rhythm'));
    });
  });

  describe('a goal near its deadline', () => {
    const goal = (by: string, status = 'active') => `
    - { id: g1, title: Own the release process, by: ${by}, status: ${status} }`;
    it('fits an active goal due within four weeks of the session, naming it and its day', () => {
      assert.ok(texts({ goals: goal('2026-12-20') }).includes('Our goal "Own the release process" is due on 20 December. How close does it feel, and what would help most in the time left?'));
      assert.ok(ids({ goals: goal('2026-12-30') }).includes('goal-due.g1'), 'four weeks from 2 December');
    });
    it('does not fit a goal further out, already past, achieved or dropped', () => {
      for (const g of [goal('2026-12-31'), goal('2026-12-01'), goal('2026-12-10', 'achieved'), goal('2026-12-10', 'dropped')]) {
        assert.ok(!ids({ goals: g }).some((id) => id.startsWith('goal-due.')), g);
      }
    });
  });

  describe('after undone tasks', () => {
    const task = (id: string, due: string, status = 'open') => `
  - { id: ${id}, title: Read the retry loop ${id}, owner: mentee, status: ${status}, due: ${due} }`;
    it('fits one open task planned before the session: its title', () => {
      assert.ok(texts({ tasks: task('t1', '2026-11-30') }).includes('The task "Read the retry loop t1" is still open. What would help it move forward, and is it still the right next step?'));
    });
    it('several: how many, without a list', () => {
      assert.ok(texts({ tasks: task('t1', '2026-11-30') + task('t2', '2026-11-20') }).includes(
        '2 tasks are still open past their planned dates. Which of them still matter to us, and what would help with those?'));
    });
    it('does not fit tasks done, dropped, without a date, or due on or after the session day', () => {
      const none = task('t1', '2026-11-30', 'done') + task('t2', '2026-11-30', 'dropped') + task('t3', '2026-12-02') + `
  - { id: t4, title: No date, owner: mentor, status: open }`;
      assert.ok(!ids({ tasks: none }).includes('undone-tasks.next'));
    });
  });

  describe('the feedback at the end', () => {
    it('fits every session when feedback is asked after every session (or no habit is agreed)', () => {
      assert.ok(ids({ sessions: HELD + NEXT }).includes('feedback.valuable'));
      assert.ok(ids({ expectations: '', sessions: HELD + NEXT }).includes('feedback.support'));
    });
    it('monthly: fits when the month before had no feedback, not when it had', () => {
      assert.ok(!ids({ expectations: ' feedback: monthly', sessions: HELD + NEXT }).includes('feedback.valuable'));
      const old = `
  - { id: met, at: "2026-10-01T15:00:00+00:00", status: held, feedback: [{ from: mentee, rating: 4 }] }`;
      assert.ok(ids({ expectations: ' feedback: monthly', sessions: old + NEXT }).includes('feedback.valuable'));
    });
    it('on request: not offered', () => {
      assert.ok(!ids({ expectations: ' feedback: on-request', sessions: HELD + NEXT }).some((id) => id.startsWith('feedback.')));
    });
  });

  describe("the team's questions", () => {
    const questions = `
  - { id: energy, when: any, text: "What gave you energy this week?" }
  - { when: first-session, text: "What does a good week at work look like for you?" }
  - { when: goal-due, text: "Which part of the goal would you like help with?" }`;
    it('offered when their moment fits (any: always), after the built-in ones, with stable ids', () => {
      const qs = questionsFor(model(file({ sessions: HELD + NEXT, questions })), 'next', NOW);
      assert.deepEqual(qs.filter((q) => q.team).map((q) => [q.id, q.text]), [['team.energy', 'What gave you energy this week?']]);
      const first = questionsFor(model(file({ questions })), 'next', NOW).filter((q) => q.team).map((q) => q.id);
      assert.deepEqual(first, ['team.energy', 'team.2']);
    });
    it('those already on the agenda are left out, built-in or team', () => {
      const sessions = `
  - { id: next, at: "2026-12-02T15:00:00+00:00", status: planned, agenda: ["What gave you energy this week?", "What would you like to get out of our time together, and how will we know it is working?"] }`;
      const got = ids({ sessions, questions });
      assert.ok(!got.includes('team.energy') && !got.includes('first-session.hopes'), got.join());
      assert.ok(got.includes('first-session.feedback'));
    });
    it('no such session: no questions', () => {
      assert.deepEqual(ids({}, 'nope'), []);
    });
  });

  describe('the questions: block in the file', () => {
    it('a `when` that is not a moment: an error at its value, with the allowed values', () => {
      const text = file({ questions: `
  - { when: first, text: "Hello?" }` });
      const err = parse(text, { now: NOW }).diagnostics.find((d) => d.severity === 'error');
      assert.ok(err);
      assert.equal(err.message, '`questions[0].when` must be one of first-session, late-cancellation, goal-due, undone-tasks, feedback, any — not the text "first".');
      const line = text.split('\n').findIndex((l) => l.includes('when: first')) + 1;
      assert.deepEqual([err.line, err.column], [line, text.split('\n')[line - 1]?.indexOf('first') as number + 1]);
    });
    it('text is required and not empty; an id is an id, used once', () => {
      const missing = parse(file({ questions: '\n  - { when: any }' }), { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
      assert.match(missing[0]?.message ?? '', /`questions\[0\]` is missing the required field `text`/);
      const empty = parse(file({ questions: '\n  - { when: any, text: "  " }' }), { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
      assert.match(empty[0]?.message ?? '', /must not be empty/);
      const twice = parse(file({ questions: '\n  - { id: a, when: any, text: "One?" }\n  - { id: a, when: any, text: "Two?" }' }), { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(twice.map((d) => [d.code, d.line]), [['duplicate-id', 13]]);
      assert.match(twice[0]?.message ?? '', /Two questions have the id `a` \(the first is on line 12\)/);
    });
    it('a team question that draws a hint: a gentle info note at its text, never an error', () => {
      const text = file({ questions: '\n  - { when: undone-tasks, text: "You always leave tasks undone. Just finish them." }' });
      const r = parse(text, { now: NOW });
      assert.ok(r.model);
      const notes = r.diagnostics.filter((d) => d.code === 'question-hint');
      assert.equal(notes.length, 1);
      assert.equal(notes[0]?.severity, 'info');
      assert.equal(notes[0]?.line, 12);
      assert.match(notes[0]?.message ?? '', /It is the team's choice/);
      assert.ok(!r.diagnostics.some((d) => d.severity === 'error'));
      // the file's own hints: settings apply: with those rules off, no note
      const rules = (notes[0]?.data?.rules as string[]).map((x) => JSON.stringify(x)).join(', ');
      const off = parse(file({ hints: `hints: { disabledRules: [${rules}] }`, questions: '\n  - { when: undone-tasks, text: "You always leave tasks undone. Just finish them." }' }), { now: NOW });
      assert.deepEqual(off.diagnostics.filter((d) => d.code === 'question-hint'), []);
    });
    it('a kind team question draws nothing', () => {
      const r = parse(file({ questions: '\n  - { when: any, text: "What would you like more time for?" }' }), { now: NOW });
      assert.deepEqual(r.diagnostics.filter((d) => d.code === 'question-hint'), []);
    });
  });

  // A built-in question asks and never judges: over generated facts (dates over years, notices,
  // feedback habits, titles, counts), every moment is reached and the hint engine finds nothing.
  it('no built-in question draws a hint, over generated facts (fast-check)', function () {
    this.timeout(120_000);
    const words = ['release', 'parser', 'tests', 'design', 'review', 'storage', 'retry', 'loop', 'profiler', 'importer', 'docs', 'the', 'a', 'first', 'API', 'CI', 'on-call', "team's", 'lead', 'learn', 'own', 'write'];
    const title = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
    const day = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const reached = new Map<string, number>();
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.record({
          next: day,
          metBefore: fc.boolean(),
          lateHours: fc.integer({ min: -3, max: 72 }),
          notice: fc.constantFrom('', ' cancellationNotice: 24h,', ' cancellationNotice: 2d,', ' cancellationNotice: 90m,'),
          habit: fc.constantFrom('', ' feedback: every-session', ' feedback: monthly', ' feedback: on-request'),
          goals: fc.array(fc.record({ title, inDays: fc.integer({ min: -10, max: 60 }) }), { maxLength: 3 }),
          tasks: fc.array(fc.record({ title, daysBefore: fc.integer({ min: -5, max: 30 }) }), { maxLength: 4 }),
        }),
        (f) => {
          const at = Date.parse(`${f.next}T15:00:00Z`);
          const iso = (t: number) => new Date(t).toISOString().replace('.000Z', '+00:00');
          const dayOf = (offset: number) => new Date(at + offset * 86_400_000).toISOString().slice(0, 10);
          const off = at - 2 * 86_400_000;
          const text = file({
            expectations: `${f.notice}${f.habit}`,
            goals: f.goals.length === 0 ? ' []' : f.goals.map((g, i) => `\n    - { id: g${i}, title: "${g.title}", set: ${dayOf(-30)}, by: ${dayOf(g.inDays)} }`).join(''),
            sessions: `${f.metBefore ? `\n  - { id: met, at: "${iso(at - 7 * 86_400_000)}", status: held }` : ''}
  - { id: off, at: "${iso(off)}", status: cancelled, cancelled: { at: "${iso(off - f.lateHours * 3_600_000)}", by: mentor } }
  - { id: next, at: "${iso(at)}", status: planned }`,
            tasks: f.tasks.length === 0 ? ' []' : f.tasks.map((k, i) => `\n  - { id: t${i}, title: "${k.title}", owner: mentee, status: open, due: ${dayOf(-k.daysBefore)} }`).join(''),
          });
          const qs = questionsFor(model(text), 'next', NOW);
          for (const q of qs) {
            assert.equal(q.team, false);
            reached.set(q.moment, (reached.get(q.moment) ?? 0) + 1);
            assert.ok(q.text.endsWith('?'), q.text);
            if (seen.has(q.text)) continue;
            seen.add(q.text);
            assert.deepEqual(findHints(q.text).map((h) => `${h.rule}: ${q.text.slice(h.start, h.end)}`), [], q.text);
          }
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
    for (const m of QUESTION_MOMENTS) assert.ok((reached.get(m) ?? 0) >= 20, `${m}: ${reached.get(m) ?? 0}`);
    assert.ok(seen.size > 100, String(seen.size));
  });
});
