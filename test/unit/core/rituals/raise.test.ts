/** Raise it as a question (src/core/rituals/raise.ts): each broken rule, as a kind question for the next agenda. */
import { strict as assert } from 'node:assert';
import { findHints } from '../../../../src/core/hints/index';
import { parse } from '../../../../src/core/parse/index';
import { RAISABLE_CODES, raiseTarget, spokenDate, suggestQuestions } from '../../../../src/core/rituals/raise';

const NOW = new Date('2026-11-25T10:00:00Z');

function file(extra: { expectations?: string; goals?: string; sessions?: string; tasks?: string; review?: string }): string {
  return [
    'version: 1',
    'agreement:',
    '  mentor: { name: Ana }',
    '  mentee: { name: Ben }',
    '  started: 2026-06-01',
    extra.review ? `  review: ${extra.review}` : '',
    `  expectations: {${extra.expectations ?? ' cancellationNotice: 24h, topicNotice: 48h, feedback: every-session, undoneTasks: "we talk about them, then keep or drop them"'} }`,
    `  goals:${extra.goals ?? ' []'}`,
    `sessions:${extra.sessions ?? ' []'}`,
    `tasks:${extra.tasks ?? ' []'}`,
    '',
  ].filter((l) => l !== '').join('\n');
}

function questions(text: string): string[] {
  const r = parse(text, { now: NOW });
  assert.ok(r.model, JSON.stringify(r.diagnostics));
  return suggestQuestions(r.model, r.diagnostics, NOW).map((s) => s.question);
}

describe('raise it as a question', () => {
  it('a late cancellation: the agreed notice and how late it came, then an open question', () => {
    const q = questions(file({ sessions: `
  - { id: 2026-11-21, at: "2026-11-21T15:00:00+01:00", status: planned, cancelled: { at: "2026-11-20T15:00:00+00:00", by: mentee } }` }));
    assert.deepEqual(q, ['We agreed to cancel at least 1 day ahead; the session on 21 November was cancelled 23 hours before. What would help us keep to that?']);
  });

  it('a topic not announced, and one announced late', () => {
    const q = questions(file({ sessions: `
  - { id: 2026-11-26, at: "2026-11-26T15:00:00+00:00", status: planned }
  - { id: 2026-11-27, at: "2026-11-27T15:00:00+00:00", status: planned, topic: Retries, announced: "2026-11-26T10:00:00+00:00" }` }));
    assert.deepEqual(q, [
      "We agreed to announce each session's topic 2 days ahead; the session on 26 November has no topic announced yet. What would make it easier to settle the topic earlier?",
      "We agreed to announce each session's topic 2 days ahead; for the session on 27 November it came later than that. What would make it easier to settle the topic earlier?",
    ]);
  });

  it('an undone task, with what the pair agreed about undone tasks', () => {
    const q = questions(file({ tasks: `
  - { id: t-1, title: Read the retry loop, owner: mentee, status: open, due: 2026-11-20 }` }));
    assert.deepEqual(q, ['The task "Read the retry loop" was planned for 20 November. We agreed: "we talk about them, then keep or drop them". How is it going, and is it still the right next step?']);
  });

  it('a held session without feedback, a goal too far out, an agreement past its review', () => {
    const q = questions(file({
      review: '2026-11-01',
      goals: `
    - { id: g1, title: Own the release process, set: 2026-06-01, by: 2027-03-01 }`,
      sessions: `
  - { id: 2026-11-19, at: "2026-11-19T15:00:00+00:00", status: held }`,
    }));
    assert.deepEqual(q.sort(), [
      'Our goal "Own the release process" is set for 1 March 2027, more than six months out. Could we find a first step we can reach by 1 December?',
      'We agreed to share feedback after every session; the session on 19 November has none yet. Could we take a few minutes for it together?',
      'We planned to review our agreement on 1 November. Shall we look at our goals and expectations together and see what still fits?',
    ]);
  });

  it('says the day as people do: the year only when it is not this one', () => {
    assert.equal(spokenDate('2026-11-21T15:00:00+01:00', NOW), '21 November');
    assert.equal(spokenDate('2025-01-02', NOW), '2 January 2025');
  });

  it('goes to the named session, else the next planned one', () => {
    const r = parse(file({ sessions: `
  - { id: a, at: "2026-11-20T15:00:00+00:00", status: held, feedback: [{ from: mentee, rating: 4 }] }
  - { id: b, at: "2026-12-02T15:00:00+00:00", status: planned, topic: T, announced: "2026-11-20T10:00:00+00:00" }
  - { id: c, at: "2026-12-09T15:00:00+00:00", status: planned, topic: T, announced: "2026-11-20T10:00:00+00:00" }` }), { now: NOW });
    assert.ok(r.model);
    assert.equal(raiseTarget(r.model, NOW)?.id, 'b');
    assert.equal(raiseTarget(r.model, NOW, 'c')?.id, 'c');
    assert.equal(raiseTarget(r.model, NOW, 'zz'), undefined);
  });

  // A suggested question asks and never accuses: over generated facts (every template, notices,
  // dates across years, neutral titles), the hint engine finds nothing in any of them.
  it('no suggested question draws a hint, over generated facts for every template', function () {
    this.timeout(120_000);
    let seed = 20261202;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = <T,>(xs: readonly T[]): T => xs[rand(xs.length)] as T;
    const notices = ['1h', '12h', '24h', '36h', '2d', '3d', '7d', '90m'];
    const titles = ['Read the retry loop', 'Write a failing test first', 'Pair on the parser', 'Draft the design note', 'Try the profiler on the importer', 'Review the open pull request'];
    const goals = ['Own the release process', 'Write tests before fixes', 'Lead a design review', 'Learn the storage layer'];
    const undone = ['we talk about them, then keep or drop them', 'they move to the next session', 'the owner says what is in the way'];
    const seen = new Set<string>();
    const asked = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const day = 1 + rand(27);
      const year = pick([2025, 2026]);
      const month = 1 + rand(11);
      const at = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const hoursLate = rand(48);
      const cancelAt = new Date(Date.parse(`${at}T15:00:00Z`) - hoursLate * 3_600_000).toISOString().replace('.000Z', '+00:00');
      const text = file({
        review: `${year}-${String(month).padStart(2, '0')}-01`,
        expectations: ` cancellationNotice: ${pick(notices)},${rand(4) === 0 ? '' : ` topicNotice: ${pick(notices)},`} feedback: every-session${rand(3) === 0 ? '' : `, undoneTasks: "${pick(undone)}"`}`,
        goals: `\n    - { id: g1, title: ${pick(goals)}, set: 2026-06-01, by: 2027-0${1 + rand(8)}-1${rand(9)} }`,
        sessions: `
  - { id: s1, at: "${at}T15:00:00+00:00", status: planned, cancelled: { at: "${cancelAt}", by: mentor } }
  - { id: s2, at: "${at}T16:00:00+00:00", status: held }
  - { id: s3, at: "2026-11-2${rand(9)}T15:00:00+00:00", status: planned${rand(2) ? ', topic: T, announced: "2026-11-28T10:00:00+00:00"' : ''} }`,
        tasks: `\n  - { id: t1, title: ${pick(titles)}, owner: mentee, status: open, due: ${at} }`,
      });
      const r = parse(text, { now: NOW });
      assert.ok(r.model, JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error')));
      for (const s of suggestQuestions(r.model, r.diagnostics, NOW)) {
        asked.set(s.code, (asked.get(s.code) ?? 0) + 1);
        if (seen.has(s.question)) continue;
        seen.add(s.question);
        assert.deepEqual(findHints(s.question).map((h) => `${h.rule}: ${s.question.slice(h.start, h.end)}`), [], s.question);
        assert.ok(s.question.endsWith('?'), s.question);
      }
    }
    // every template was exercised, many times over
    for (const code of RAISABLE_CODES) assert.ok((asked.get(code) ?? 0) >= 20, `${code}: ${asked.get(code) ?? 0}`);
    assert.ok(seen.size > 300, String(seen.size));
    assert.ok([...seen].some((q) => q.endsWith('What would be most useful for us to focus on?')), 'the template without a notice ran');
  });
});
