import * as assert from 'node:assert/strict';
import { parse } from '../../../src/core/parse/index';
import {
  cancellationDeadline,
  feedbackTrend,
  goalTimeLeft,
  isRunning,
  nextSession,
  noticeDeadline,
  overdueTasks,
  runningSession,
  tasksByOwner,
} from '../../../src/core/queries';
import type { MentoringFile } from '../../../src/core/schema';

const FILE = `version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: 2026-09-01
  goals:
    - { id: g1, title: Tests first, by: 2026-12-01 }
  expectations:
    topicNotice: 48h
    cancellationNotice: 1d
sessions:
  - id: s-held-late
    at: 2026-11-12T15:00:00+01:00
    status: held
    feedback:
      - { from: mentee, rating: 4 }
      - { from: mentor, rating: 5 }
  - id: s-held-early
    at: 2026-11-05T15:00:00+01:00
    status: held
    feedback:
      - { from: mentee, rating: 2 }
      - { from: mentee, valuable: no rating here }
  - id: s-unrated
    at: 2026-11-13T15:00:00+01:00
    status: held
  - id: s-later
    at: 2026-12-03T15:00:00+01:00
    topic: B
  - id: s-next
    at: 2026-11-26T15:00:00+01:00
    topic: A
  - id: s-cancelled
    at: 2026-11-24T15:00:00+01:00
    status: cancelled
    cancelled: { at: 2026-11-20T10:00:00Z, by: mentor }
  - id: s-past
    at: 2026-11-19T15:00:00+01:00
tasks:
  - { id: t1, title: a, due: 2026-11-10 }
  - { id: t2, title: b, due: 2026-11-01, owner: mentor }
  - { id: t3, title: c, due: 2026-11-01, status: done }
  - { id: t4, title: d }
  - { id: t5, title: e, due: 2026-11-20, owner: mentor, status: dropped }
`;

/** A copy of the file's model that a test may change (parse hands out a frozen, shared one). */
function model(text = FILE): MentoringFile {
  const r = parse(text, { checks: false });
  assert.ok(r.model, JSON.stringify(r.diagnostics));
  return structuredClone(r.model);
}

const session = (m: MentoringFile, id: string) => {
  const s = m.sessions.find((x) => x.id === id);
  assert.ok(s);
  return s;
};

describe('queries', () => {
  const now = new Date(Date.UTC(2026, 10, 20, 12)); // 2026-11-20 12:00Z

  it('nextSession: the earliest planned session still ahead, not cancelled', () => {
    assert.equal(nextSession(model(), now)?.id, 's-next');
    assert.equal(nextSession(model(), new Date(Date.UTC(2026, 10, 26, 14, 1)))?.id, 's-later');
    assert.equal(nextSession(model(), new Date(Date.UTC(2027, 0, 1))), undefined);
  });

  it('nextSession skips a planned session that has started', () => {
    const m = model();
    session(m, 's-next').started = '2026-11-26T15:02:00+01:00';
    assert.equal(nextSession(m, now)?.id, 's-later');
  });

  it('runningSession: started, not ended, not cancelled; the latest when several', () => {
    const m = model();
    assert.equal(runningSession(m), undefined);
    session(m, 's-past').started = '2026-11-19T15:00:00+01:00';
    session(m, 's-next').started = '2026-11-26T15:00:00+01:00';
    assert.equal(runningSession(m)?.id, 's-next');
    session(m, 's-next').ended = '2026-11-26T15:45:00+01:00';
    assert.equal(runningSession(m)?.id, 's-past');
    const c = session(m, 's-cancelled');
    c.started = '2026-11-24T15:00:00+01:00';
    assert.equal(isRunning(c), false);
  });

  it('noticeDeadline and cancellationDeadline subtract the agreed notice', () => {
    const m = model();
    const s = session(m, 's-next');
    assert.equal(noticeDeadline(s, m.agreement.expectations)?.toISOString(), '2026-11-24T14:00:00.000Z');
    assert.equal(cancellationDeadline(s, m.agreement.expectations)?.toISOString(), '2026-11-25T14:00:00.000Z');
    assert.equal(noticeDeadline(s, {}), undefined);
  });

  it('overdueTasks: open tasks due before today, most overdue first', () => {
    const today = new Date(2026, 10, 20, 12);
    assert.deepEqual(overdueTasks(model(), today).map((t) => t.id), ['t2', 't1']);
    assert.deepEqual(overdueTasks(model(), new Date(2026, 10, 10, 12)).map((t) => t.id), ['t2']);
  });

  it('tasksByOwner groups in file order, optionally by status', () => {
    const all = tasksByOwner(model());
    assert.deepEqual(all.mentee.map((t) => t.id), ['t1', 't3', 't4']);
    assert.deepEqual(all.mentor.map((t) => t.id), ['t2', 't5']);
    const open = tasksByOwner(model(), 'open');
    assert.deepEqual([open.mentee.map((t) => t.id), open.mentor.map((t) => t.id)], [['t1', 't4'], ['t2']]);
  });

  it('feedbackTrend: rated sessions in time order with the mean rating', () => {
    assert.deepEqual(feedbackTrend(model()), [
      { session: 's-held-early', at: '2026-11-05T15:00:00+01:00', ratings: { mentee: 2 }, average: 2 },
      { session: 's-held-late', at: '2026-11-12T15:00:00+01:00', ratings: { mentee: 4, mentor: 5 }, average: 4.5 },
    ]);
  });

  it('goalTimeLeft counts calendar days to `by`, negative once past', () => {
    const g = model().agreement.goals[0];
    assert.ok(g);
    assert.deepEqual(goalTimeLeft(g, new Date(2026, 10, 20, 23, 59)), { days: 11, overdue: false });
    assert.deepEqual(goalTimeLeft(g, new Date(2026, 11, 1, 0, 1)), { days: 0, overdue: false });
    assert.deepEqual(goalTimeLeft(g, new Date(2026, 11, 3, 8)), { days: -2, overdue: true });
  });
});
