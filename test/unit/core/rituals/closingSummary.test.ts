import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse';
import type { MentoringFile } from '../../../../src/core/schema';
import { closingFacts, closingSummary } from '../../../../src/core/rituals/closingSummary';
import { openModel } from '../../../../src/core/seal/read';
import { seal } from '../../../../src/core/seal/age';
import { keygen } from '../seal/realAge';

const NOW = new Date('2026-12-01T10:00:00Z');

function model(text: string): MentoringFile {
  const r = parse(text, { now: NOW });
  const e = r.diagnostics.find((d) => d.severity === 'error');
  assert.ok(r.model && !e, e?.message);
  return r.model;
}

const head = (keys = ''): string => `version: 1
agreement:
  mentor: { name: "Ana *the* <b>mentor</b>"${keys ? `, key: ${keys}` : ''} }
  mentee: { name: Ben }
  started: 2026-06-01
  goals:
    - { id: g1, title: "# Tests first", by: 2026-11-30, status: achieved, outcome: "Every fix | has a test" }
    - { id: g2, title: Own a release, by: 2026-11-30, status: dropped, outcome: Moved on }
`;

const rated = (id: string, at: string, mentee: number | string, mentor?: number): string =>
  `  - id: ${id}\n    at: ${at}\n    status: held\n    feedback:\n      - { from: mentee, rating: ${typeof mentee === 'number' ? mentee : JSON.stringify(mentee)} }\n${mentor !== undefined ? `      - { from: mentor, rating: ${mentor} }\n` : ''}`;

describe('rituals: the closing summary', () => {
  it('counts goals, sessions and tasks of a hand-made file, and the ratings over time', () => {
    const text =
      head() +
      'sessions:\n' +
      rated('s1', '2026-07-01T15:00:00Z', 2, 2) +
      rated('s2', '2026-08-01T15:00:00Z', 3) +
      '  - { id: s3, at: 2026-08-15T15:00:00Z, status: cancelled, cancelled: { at: 2026-08-14T15:00:00Z, by: mentee } }\n' +
      '  - { id: s4, at: 2026-08-22T15:00:00Z, status: planned, cancelled: { at: 2026-08-20T15:00:00Z, by: mentor } }\n' +
      rated('s5', '2026-09-01T15:00:00Z', 4) +
      '  - { id: s6, at: 2026-09-10T15:00:00Z, status: held }\n' +
      rated('s7', '2026-10-01T15:00:00Z', 5, 4) +
      '  - { id: s8, at: 2026-12-20T15:00:00Z, status: planned }\n' +
      'tasks:\n  - { id: t1, title: A, status: done }\n  - { id: t2, title: B, status: done }\n  - { id: t3, title: C, status: dropped }\n  - { id: t4, title: D }\n' +
      'closed:\n  on: 2026-11-30\n  by: mentee\n  feedback:\n    - { from: mentee, rating: 5, valuable: "Ana\'s *reviews*", change: Less email }\n';
    const f = closingFacts(model(text));
    assert.deepEqual(f.sessions, { held: 5, cancelled: 2, planned: 1 });
    assert.deepEqual(f.tasks, { done: 2, dropped: 1, open: 1 });
    assert.deepEqual(f.trend.map((p) => p.average), [2, 3, 4, 4.5]);
    assert.deepEqual(f.direction, { from: 2, to: 4.5, word: 'rising' });
    assert.deepEqual(f.closed, { on: '2026-11-30', by: 'mentee' });
    assert.deepEqual(f.final, [{ from: 'mentee', rating: 5, valuable: "Ana's *reviews*", change: 'Less email', sealed: [] }]);

    const md = closingSummary(model(text));
    assert.ok(md.startsWith('# Closing summary: Ana \\*the\\* \\<b\\>mentor\\</b\\> and Ben\n'), md.split('\n')[0]);
    assert.ok(md.includes('- **Closed:** 2026-11-30 by the mentee'));
    assert.ok(md.includes('- **\\# Tests first** (g1) — achieved: Every fix \\| has a test'));
    assert.ok(md.includes('- **Own a release** (g2) — dropped: Moved on'));
    assert.ok(md.includes('## Sessions\n\n- Held: 5\n- Cancelled: 2\n- Planned, not held: 1\n'));
    assert.ok(md.includes('## Tasks\n\n- Done: 2\n- Dropped: 1\n- Open: 1\n'));
    assert.ok(md.includes('| s1 | 2026-07-01 | 2 | 2 | 2 |\n| s2 | 2026-08-01 | – | 3 | 3 |'));
    assert.ok(md.includes('| s7 | 2026-10-01 | 4 | 5 | 4.5 |'));
    assert.ok(md.includes('Ratings went from 2 (first sessions) to 4.5 (last sessions): rising.'));
    assert.ok(md.includes("- **Mentee** (5/5) — valuable: Ana's \\*reviews\\*; change: Less email"));
    assert.ok(md.includes('- **Mentor** — _not given yet_'));
  });

  it('an open mentorship: how it stands, no final feedback; no ratings, no trend', () => {
    const md = closingSummary(model(head() + 'sessions: []\n'));
    assert.ok(md.includes('- **Closed:** not yet'));
    assert.ok(md.includes('_No session was rated._'));
    assert.ok(md.includes('_Given when the mentorship closes._'));
    assert.ok(!md.includes('Ratings went'));
  });

  describe('sealed values', function () {
    this.timeout(20_000);
    const mentor = keygen();

    it('are never in the summary, neither as armor nor as text; counted as sealed; shown once the reader opens them', async () => {
      const sealedRating = await seal('1', [mentor.recipient]);
      const sealedText = await seal('Private words about Ben', [mentor.recipient]);
      const block = (armor: string, indent: string): string => `|\n${armor.trimEnd().split('\n').map((l) => indent + l).join('\n')}\n`;
      const text =
        head(mentor.recipient) +
        'sessions:\n' +
        rated('s1', '2026-07-01T15:00:00Z', 4) +
        `  - id: s2\n    at: 2026-08-01T15:00:00Z\n    status: held\n    feedback:\n      - from: mentor\n        rating: ${block(sealedRating, '          ')}` +
        `closed:\n  on: 2026-11-30\n  by: mentor\n  feedback:\n    - from: mentor\n      rating: 4\n      valuable: ${block(sealedText, '        ')}`;
      const m = model(text);
      const md = closingSummary(m);
      assert.ok(!md.includes('AGE ENCRYPTED') && !md.includes('Private words'));
      assert.ok(md.includes('_1 sealed rating is not counted'));
      assert.ok(md.includes('- **Mentor** (4/5) — valuable sealed'));
      assert.deepEqual(closingFacts(m).trend.map((p) => p.session), ['s1']);

      const opened = await openModel(m, [mentor.identity]);
      const mdOpened = closingSummary(opened.model);
      assert.ok(mdOpened.includes('- **Mentor** (4/5) — valuable: Private words about Ben'));
      assert.ok(mdOpened.includes('| s2 | 2026-08-01 | 1 | – | 1 |'));
      assert.ok(!mdOpened.includes('sealed rating'));
    });
  });
});
