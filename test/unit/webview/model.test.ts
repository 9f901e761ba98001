import { strict as assert } from 'node:assert';
import type { ReadyState, TaskView } from '../../../src/core/views/protocol';
import {
  DEFAULT_UI, agendaLines, countByStatus, describeChange, dueText, feedbackHistory, formatDuration, groupTasks, moveTarget, noticeText,
  relative, restoreSnapshot, sanitizeUiState, snapshotOf, suggestedSessionTime, trendGeometry, trendSummary,
} from '../../../webview/model';
import { formatDurationHuman } from '../../../src/core/views/format';

const t = (id: string, over: Partial<TaskView> = {}): TaskView => ({ id, title: id, owner: 'mentee', status: 'open', overdue: false, links: [], ...over });

describe('webview model', () => {
  describe('sanitizeUiState', () => {
    it('keeps valid stored state and drops the rest', () => {
      assert.deepEqual(sanitizeUiState({ tab: 'tasks', status: 'done', text: 'abc', scroll: { tasks: 120, agenda: -5, feedback: 'x', bogus: 3 } }),
        { tab: 'tasks', status: 'done', text: 'abc', scroll: { tasks: 120 } });
      assert.deepEqual(sanitizeUiState(undefined), DEFAULT_UI);
      assert.deepEqual(sanitizeUiState({ tab: '<script>', status: 'everything', text: 42 }), DEFAULT_UI);
      assert.equal(sanitizeUiState({ text: 'x'.repeat(1000) }).text.length, 200);
    });
  });

  describe('groupTasks', () => {
    const tasks = [
      t('a', { due: '2026-12-10' }), t('b', { due: '2026-11-01', overdue: true }), t('c'), t('d', { owner: 'mentor', title: 'Review the parser' }),
      t('e', { status: 'done', closed: '2026-11-01' }), t('f', { status: 'done', closed: '2026-11-20' }), t('g', { status: 'dropped' }),
    ];
    it('groups by owner (mentee first without a role, own role first with one), overdue first, then by due date', () => {
      const groups = groupTasks(tasks, 'open', '');
      assert.deepEqual(groups.map((g) => [g.owner, g.tasks.map((x) => x.id)]), [['mentee', ['b', 'a', 'c']], ['mentor', ['d']]]);
      assert.deepEqual(groupTasks(tasks, 'open', '', 'mentor').map((g) => g.owner), ['mentor', 'mentee']);
    });
    it('filters by status and by every word of the text, in title, id and links', () => {
      assert.deepEqual(groupTasks(tasks, 'done', '')[0]!.tasks.map((x) => x.id), ['f', 'e']);
      assert.deepEqual(groupTasks(tasks, 'all', 'REVIEW parser')[1]!.tasks.map((x) => x.id), ['d']);
      assert.deepEqual(groupTasks(tasks, 'all', 'review nothing').flatMap((g) => g.tasks), []);
      assert.deepEqual(groupTasks([t('h', { links: ['src/billing/retry.ts#L42'] }), t('i')], 'open', 'retry.ts')[0]!.tasks.map((x) => x.id), ['h']);
      assert.deepEqual(countByStatus(tasks), { open: 4, done: 2, dropped: 1, all: 7 });
    });
    it('filters 3,000 tasks', () => {
      const many = Array.from({ length: 3000 }, (_, i) => t(`t-${i}`, { title: `Task ${i} ${i % 7 ? 'billing' : 'parsing'}`, owner: i % 2 ? 'mentor' : 'mentee' }));
      groupTasks(many, 'open', 'warm');
      const groups = groupTasks(many, 'open', 'parsing');
      assert.equal(groups.reduce((n, g) => n + g.tasks.length, 0), 429);
    });
  });

  describe('words for time', () => {
    it('says a duration in English exactly as the host does (core/time.ts formatDurationHuman), from seconds to weeks', () => {
      for (let ms = -40 * 86_400_000; ms <= 40 * 86_400_000; ms += 997_337) assert.equal(formatDuration(ms), formatDurationHuman(ms), String(ms));
      for (const ms of [0, 29_999, 30_000, 59_999, 60_000, 3_599_999, 3_600_000, 86_399_999, 86_400_000, 88_200_000]) assert.equal(formatDuration(ms), formatDurationHuman(ms), String(ms));
    });

    it('formats durations at the two largest units, rounded', () => {
      assert.equal(formatDuration(29 * 3_600_000 - 500), '1 day 5 hours');
      assert.equal(formatDuration(48 * 3_600_000), '2 days');
      assert.equal(formatDuration(90 * 60_000), '1 hour 30 minutes');
      assert.equal(formatDuration(60_000), '1 minute');
      assert.equal(formatDuration(20_000), 'less than a minute');
      assert.equal(relative(-3 * 3_600_000), '3 hours ago');
      assert.equal(relative(45 * 60_000), 'in 45 minutes');
    });
    it('says when the topic notice deadline is, and when it passed', () => {
      assert.equal(noticeText({ running: false, msToNoticeDeadline: 5 * 3_600_000 }), 'Topic not announced: the notice deadline is in 5 hours.');
      assert.equal(noticeText({ running: false, msToNoticeDeadline: 5 * 3_600_000 }, 6 * 3_600_000), 'Topic not announced: the notice deadline passed 1 hour ago.');
      assert.equal(noticeText({ running: false }), 'Topic not announced yet.');
      assert.match(noticeText({ running: false, announced: '2026-11-16T09:00:00Z' }), /^Topic announced /);
    });
    it('says overdue in words', () => {
      assert.equal(dueText(t('x', { due: '2026-11-20', dueInDays: -8, overdue: true })), 'overdue by 8 days (due 2026-11-20)');
      assert.equal(dueText(t('x', { due: '2026-11-28', dueInDays: 0 })), 'due today (2026-11-28)');
      assert.equal(dueText(t('x', { due: '2026-11-29', dueInDays: 1 })), 'due tomorrow (2026-11-29)');
      assert.equal(dueText(t('x', { due: '2026-11-20', status: 'done' })), 'due 2026-11-20');
      assert.equal(dueText(t('x')), undefined);
    });
    it('proposes the next slot a week ahead on the hour, as a datetime-local value', () => {
      const v = suggestedSessionTime(new Date(2026, 10, 28, 10, 17));
      assert.equal(v, '2026-12-05T10:00');
    });
  });

  describe('agenda', () => {
    it('moves within bounds only', () => {
      assert.equal(moveTarget(0, 1, 3), 1);
      assert.equal(moveTarget(2, -1, 3), 1);
      assert.equal(moveTarget(0, -1, 3), undefined);
      assert.equal(moveTarget(2, 1, 3), undefined);
      assert.equal(moveTarget(5, -1, 3), undefined);
    });
    it('takes one item per non-blank line', () => {
      assert.deepEqual(agendaLines(' a \r\n\n b\n  '), ['a', 'b']);
    });
  });

  describe('trend', () => {
    const pts = [{ session: 's1', at: '', average: 2 }, { session: 's2', at: '', average: 5 }, { session: 's3', at: '', average: 4.5 }];
    it('maps ratings 1..5 to the chart height and sessions across its width', () => {
      const g = trendGeometry(pts, 100, 50, 10);
      assert.deepEqual(g.dots.map((d) => [d.x, d.y]), [[10, 32.5], [50, 10], [90, 13.8]]);
      assert.equal(g.line, '10,32.5 50,10 90,13.8');
      assert.deepEqual(g.grid.map((l) => l.y), [40, 32.5, 25, 17.5, 10]);
      assert.equal(trendGeometry([pts[0]!], 100, 50, 10).dots[0]!.x, 50);
    });
    it('says what the chart shows', () => {
      assert.equal(trendSummary(pts), 'Average rating over 3 sessions, rising: from 2 (s1) to 4.5 (s3); lowest 2 (s1), highest 5 (s2). Ratings are out of 5.');
      assert.equal(trendSummary([]), 'No ratings yet.');
      assert.match(trendSummary([{ session: 'a', at: '', average: 4 }, { session: 'b', at: '', average: 4.1 }]), /about level/);
    });
    it('lists feedback newest first', () => {
      const f = (session: string, sessionAt: string, at?: string) => ({ session, sessionAt, from: 'mentee' as const, ...(at ? { at } : {}) });
      assert.deepEqual(feedbackHistory([f('a', '2026-01-01'), f('c', '2026-03-01', '1'), f('b', '2026-02-01'), f('c', '2026-03-01', '2')]).map((x) => `${x.session}${x.at ?? ''}`),
        ['c2', 'c1', 'b', 'a']);
    });
  });

  describe('describeChange', () => {
    const base: ReadyState = {
      kind: 'ready', file: 'f', mentor: 'A', mentee: 'B', now: '', carryForward: [], tasks: [t('a')], goals: [], warnings: [], feedback: [], trend: [], notes: [], privateLabel: 'p',
      current: { id: 's1', at: '', status: 'planned', msToStart: 1, running: false, agenda: ['x'] },
    };
    it('names what changed, and nothing when nothing did', () => {
      assert.equal(describeChange(base, { ...base }), '');
      assert.equal(describeChange(base, { ...base, tasks: [t('a'), t('b')], current: { ...base.current!, agenda: ['x', 'y'] } }),
        'Updated: 2 open tasks (+1), agenda has 2 items.');
      assert.equal(describeChange(base, { ...base, current: { ...base.current!, running: true } }), 'Updated: session started.');
      assert.equal(describeChange(base, { ...base, current: undefined }), 'Updated: no session planned.');
      assert.equal(describeChange(base, { ...base, feedback: [{ session: 's1', sessionAt: '', from: 'mentor' }, { session: 's1', sessionAt: '', from: 'mentee' }] }),
        'Updated: 2 feedback entries.');
    });
  });

  describe('the snapshot kept for the next start', () => {
    const full: ReadyState = {
      kind: 'ready', file: '.mentoring.yaml', mentor: 'Ana', mentee: 'Ben', now: '2026-01-01T00:00:00.000Z', role: 'mentee', privateLabel: 'only on this machine',
      current: { id: 's2', at: '2026-01-02T10:00:00.000Z', status: 'planned', msToStart: 3_600_000, running: false, agenda: ['Review the retry loop'] },
      needsFeedback: { id: 's1', at: '2025-12-30T10:00:00.000Z', status: 'held', msToStart: -1, running: false, agenda: [] },
      carryForward: [t('t-1', { title: 'Carry me' })],
      questions: [{ id: 'q1', text: 'What blocked you?', moment: 'before', team: false }],
      tasks: [t('t-1'), t('t-2'), t('t-3', { status: 'done' })],
      goals: [{ id: 'g', title: 'G', by: '2026-06-01', status: 'active', daysLeft: 100, overdue: false, openTasks: 2 }],
      warnings: [{ severity: 'warning', code: 'w', message: 'a warning', line: 1, column: 1 }],
      feedback: [{ session: 's1', sessionAt: '', from: 'mentor', valuable: 'OPENED SEALED TEXT', sealed: [{ field: 'valuable', opened: true, readers: 'Ana' }] }],
      trend: [{ session: 's1', at: '', average: 4 }],
      notes: [{ id: 'n1', text: 'MY PRIVATE NOTE', created: '2026-01-01T00:00:00.000Z' }],
    };

    it('keeps the frame and the Agenda tab, with the tab counts, and no notes, feedback or other lists', () => {
      const k = snapshotOf(full, 1234)!;
      assert.equal(k.at, 1234);
      assert.equal(k.open, 2);
      assert.equal(k.warnings, 1);
      assert.deepEqual(k.state.current, full.current);
      assert.deepEqual(k.state.needsFeedback, full.needsFeedback);
      assert.deepEqual(k.state.carryForward, full.carryForward);
      assert.deepEqual(k.state.questions, full.questions);
      for (const list of ['tasks', 'goals', 'warnings', 'feedback', 'trend', 'notes'] as const) assert.deepEqual(k.state[list], [], list);
      const text = JSON.stringify(k);
      assert.ok(!text.includes('MY PRIVATE NOTE') && !text.includes('OPENED SEALED TEXT') && !text.includes('n1'), text);
    });

    it('keeps nothing of a closed mentorship (its final feedback may be opened with your key)', () => {
      const closing = { on: '2026-01-01', by: 'mentor' as const, goals: [], sessions: { held: 1, cancelled: 0, planned: 0 }, tasks: { done: 1, dropped: 0, open: 0 }, sealedRatings: 0, final: [] };
      assert.equal(snapshotOf({ ...full, closing }, 1), undefined);
    });

    it('restores only a valid snapshot, through the host message check, and strips what it should not hold', () => {
      const k = snapshotOf(full, 1234)!;
      assert.deepEqual(restoreSnapshot({ tab: 'agenda', snapshot: JSON.parse(JSON.stringify(k)) }), k);
      // A stored state written by hand (or an older version) with notes in it: they are dropped.
      const tampered = { ...k, state: { ...k.state, notes: full.notes, feedback: full.feedback } };
      const back = restoreSnapshot({ snapshot: tampered })!;
      assert.deepEqual(back.state.notes, []);
      assert.deepEqual(back.state.feedback, []);
      for (const bad of [undefined, null, 'x', {}, { snapshot: null }, { snapshot: { ...k, at: 'now' } }, { snapshot: { ...k, open: -1 } },
        { snapshot: { ...k, state: { kind: 'loading' } } }, { snapshot: { ...k, state: { ...k.state, file: 3 } } }, { snapshot: { ...k, state: { ...k.state, extra: 1 } } }]) {
        assert.equal(restoreSnapshot(bad), undefined, JSON.stringify(bad));
      }
    });
  });
});
