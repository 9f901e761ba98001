/**
 * The sidebar's view model, built from real parses of small files with an injected clock. Every
 * state is also validated against the protocol's `ViewState` schema (what the webview accepts).
 * The clock is midday UTC, so "today" is 2026-11-20 in every time zone from UTC-11 to UTC+11.
 */
import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse/index';
import { HostMessage, ViewState, type ReadyState } from '../../../../src/core/views/protocol';
import {
  AGREEMENT_CHECK_CODES,
  CARRY_FORWARD_LIMIT,
  LATE_START_GRACE_MS,
  buildViewState,
  carryForwardItem,
  checkWorkspacePath,
  type SidebarInput,
} from '../../../../src/core/views/sidebar';
import { generateLog } from '../../../fixtures/generate';

const NOW = new Date('2026-11-20T12:00:00Z');
const HOUR = 3600_000;
const LABEL = 'private — only on this machine';

const FILE = `# comment
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: 2026-09-01
  review: 2026-11-01
  goals:
    - { id: g1, title: Tests first, by: 2026-12-01 }
    - { id: g2, title: Old goal, by: 2026-11-10 }
    - { id: g3, title: Done goal, by: 2026-11-10, status: achieved }
  expectations:
    topicNotice: 48h
    feedback: every-session
sessions:
  - id: s-old
    at: 2026-11-05T15:00:00Z
    topic: Old
    status: held
    feedback:
      - { from: mentee, rating: 2, valuable: checklist, change: more time, at: 2026-11-05T16:00:00Z }
      - { from: mentor, rating: 5 }
  - id: s-held
    at: 2026-11-12T15:00:00Z
    topic: Reading code
    status: held
    feedback:
      - { from: mentor, rating: 4 }
  - id: s-next
    at: 2026-11-23T12:00:00Z
    topic: Testing the retry loop
    announced: 2026-11-19T09:00:00Z
    status: planned
    agenda:
      - Walk through the loop
      - "Follow up: Read the state machine (t2)"
  - id: s-later
    at: 2026-12-03T15:00:00Z
    status: planned
tasks:
  - { id: t1, title: Write the failing test, due: 2026-11-18, goal: g1 }
  - { id: t2, title: Read the state machine, due: 2026-11-25, goal: g1 }
  - { id: t3, title: Pair on the flaky test, owner: mentor, due: 2026-11-22 }
  - { id: t4, title: Walk through the loop }
  - { id: t5, title: Made in this session, session: s-next }
  - { id: t6, title: No due date }
  - { id: t7, title: Finished, status: done, due: 2026-11-01, closed: 2026-11-02 }
  - { id: t8, title: Dropped, status: dropped, reason: Not needed, closed: 2026-11-03 }
`;

function input(text: string, extra: Partial<SidebarInput> = {}): SidebarInput {
  return { file: { label: '.mentoring.yaml', result: parse(text, { now: extra.now ?? NOW }) }, now: NOW, privateLabel: LABEL, ...extra };
}

/** Builds the state and checks it against the protocol's schema, inside a `state` message too. */
function build(i: SidebarInput): ReturnType<typeof buildViewState> {
  const state = buildViewState(i);
  const checked = ViewState.safeParse(state);
  assert.ok(checked.success, `ViewState invalid: ${JSON.stringify(checked.error?.issues.slice(0, 3))}`);
  assert.ok(HostMessage.safeParse({ type: 'state', state }).success);
  return state;
}

function ready(i: SidebarInput): ReadyState {
  const state = build(i);
  assert.equal(state.kind, 'ready', JSON.stringify(state).slice(0, 400));
  return state;
}

describe('sidebar view model', () => {
  describe('kinds', () => {
    it('loading while the store scans, empty without a file', () => {
      assert.deepEqual(build({ loading: true, now: NOW, privateLabel: LABEL }), { kind: 'loading' });
      assert.deepEqual(build({ now: NOW, privateLabel: LABEL }), { kind: 'empty' });
      assert.deepEqual(build({ now: NOW, privateLabel: LABEL, fileCount: 0 }), { kind: 'empty' });
      // Several files, none chosen yet: the view offers to choose one.
      assert.deepEqual(build({ now: NOW, privateLabel: LABEL, fileCount: 3 }), { kind: 'empty', files: 3 });
    });

    it('broken: the first error by position, its line and column, and the count', () => {
      const text = FILE.replace('  mentee: { name: Ben Okafor }', '  mentee: { name: 7 }').replace('id: t3,', 'id: t1,');
      const state = build(input(text));
      assert.equal(state.kind, 'broken');
      if (state.kind !== 'broken') return;
      assert.equal(state.file, '.mentoring.yaml');
      assert.equal(state.error.severity, 'error');
      assert.equal(state.error.line, 5);
      assert.ok(state.error.column > 1);
      assert.equal(state.errorCount, 2);
    });

    it('broken on a YAML syntax error, pointing at it', () => {
      const state = build(input('version: 1\nagreement: [unclosed\n'));
      assert.equal(state.kind, 'broken');
      if (state.kind === 'broken') {
        assert.equal(state.error.code, 'yaml-syntax');
        assert.ok(state.error.line >= 2);
      }
    });

    it('broken with a clear message when a result has no model and no error', () => {
      const state = build({ file: { label: 'x.yaml', result: { ok: false, diagnostics: [] } }, now: NOW, privateLabel: LABEL });
      assert.equal(state.kind, 'broken');
      if (state.kind === 'broken') assert.deepEqual([state.error.line, state.error.column, state.errorCount], [1, 1, 1]);
    });
  });

  describe('ready', () => {
    it('names the pair, the file, the clock and the role', () => {
      const s = ready(input(FILE, { role: 'mentee' }));
      assert.equal(s.mentor, 'Ana Silva');
      assert.equal(s.mentee, 'Ben Okafor');
      assert.equal(s.file, '.mentoring.yaml');
      assert.equal(s.now, NOW.toISOString());
      assert.equal(s.role, 'mentee');
      assert.equal(s.privateLabel, LABEL);
      assert.equal(ready(input(FILE)).role, undefined);
    });

    it('current: the next planned session with countdowns to its start and notice deadline', () => {
      const s = ready(input(FILE));
      const c = s.current;
      assert.ok(c);
      assert.equal(c.id, 's-next');
      assert.equal(c.topic, 'Testing the retry loop');
      assert.equal(c.announced, '2026-11-19T09:00:00Z');
      assert.equal(c.msToStart, 72 * HOUR);
      assert.equal(c.noticeDeadline, '2026-11-21T12:00Z');
      assert.equal(c.msToNoticeDeadline, 24 * HOUR);
      assert.equal(c.running, false);
      assert.deepEqual(c.agenda, ['Walk through the loop', 'Follow up: Read the state machine (t2)']);
    });

    it('the notice countdown goes negative once the deadline passed', () => {
      const later = new Date(NOW.getTime() + 30 * HOUR);
      const c = ready(input(FILE, { now: later })).current;
      assert.equal(c?.msToNoticeDeadline, -6 * HOUR);
      assert.equal(c?.msToStart, 42 * HOUR);
    });

    it('no notice deadline without topicNotice', () => {
      const c = ready(input(FILE.replace('    topicNotice: 48h\n', ''))).current;
      assert.ok(c);
      assert.equal(c.noticeDeadline, undefined);
      assert.equal(c.msToNoticeDeadline, undefined);
    });

    it('a running session is current, with its start', () => {
      const text = FILE.replace('    status: planned\n    agenda:', '    status: planned\n    started: 2026-11-20T11:30:00Z\n    agenda:');
      const c = ready(input(text)).current;
      assert.equal(c?.id, 's-next');
      assert.equal(c?.running, true);
      assert.equal(c?.started, '2026-11-20T11:30:00Z');
    });

    it('a planned session that should have started a little while ago stays current (late start), not after the grace', () => {
      const text = FILE.replace('at: 2026-11-23T12:00:00Z', 'at: 2026-11-20T11:00:00Z');
      const c = ready(input(text)).current;
      assert.equal(c?.id, 's-next');
      assert.equal(c?.msToStart, -HOUR);
      const muchLater = new Date(Date.parse('2026-11-20T11:00:00Z') + LATE_START_GRACE_MS + HOUR);
      assert.equal(ready(input(text, { now: muchLater })).current?.id, 's-later');
    });

    it('no current session when none is planned or running', () => {
      const text = FILE.replace(/ {2}- id: s-next[\s\S]*?(?=tasks:)/, '').replace(', session: s-next', '');
      const s = ready(input(text));
      assert.equal(s.current, undefined);
      assert.deepEqual(s.carryForward, []);
    });

    it('tasks: every task with status, owner, due, days left, overdue only when open and past', () => {
      const s = ready(input(FILE));
      assert.equal(s.tasks.length, 8);
      const byId = new Map(s.tasks.map((t) => [t.id, t]));
      assert.deepEqual(
        { overdue: byId.get('t1')?.overdue, days: byId.get('t1')?.dueInDays, goal: byId.get('t1')?.goal },
        { overdue: true, days: -2, goal: 'g1' },
      );
      assert.deepEqual([byId.get('t2')?.overdue, byId.get('t2')?.dueInDays], [false, 5]);
      assert.equal(byId.get('t3')?.owner, 'mentor');
      assert.equal(byId.get('t6')?.dueInDays, undefined);
      const done = byId.get('t7');
      assert.deepEqual([done?.status, done?.overdue, done?.dueInDays, done?.closed], ['done', false, undefined, '2026-11-02']);
      assert.deepEqual([byId.get('t8')?.status, byId.get('t8')?.reason], ['dropped', 'Not needed']);
      assert.equal(byId.get('t5')?.session, 's-next');
    });

    it('a task due today is not overdue and has 0 days left', () => {
      const s = ready(input(FILE.replace('due: 2026-11-22 }', 'due: 2026-11-20 }')));
      const t3 = s.tasks.find((t) => t.id === 't3');
      assert.deepEqual([t3?.dueInDays, t3?.overdue], [0, false]);
    });

    it('carry-forward: open tasks not on the agenda and not from this session, overdue first, then by due date', () => {
      const s = ready(input(FILE));
      // t2 is on the agenda by id, t4 by its exact title, t5 was made in this session, t7/t8 are closed.
      assert.deepEqual(s.carryForward.map((t) => t.id), ['t1', 't3', 't6']);
      assert.equal(s.carryForward[0]?.overdue, true);
    });

    it('carry-forward is bounded', () => {
      const many = Array.from({ length: CARRY_FORWARD_LIMIT + 15 }, (_, i) => `  - { id: x${i}, title: Task ${i} }`).join('\n');
      const s = ready(input(`${FILE}${many}\n`));
      assert.equal(s.carryForward.length, CARRY_FORWARD_LIMIT);
      assert.equal(s.tasks.length, 8 + CARRY_FORWARD_LIMIT + 15);
    });

    it('carryForwardItem is what the agenda check recognises', () => {
      const item = carryForwardItem({ id: 't6', title: '  No due date ' });
      assert.equal(item, 'Follow up: No due date (t6)');
      const text = FILE.replace('      - Walk through the loop\n', `      - Walk through the loop\n      - "${item}"\n`);
      assert.ok(!ready(input(text)).carryForward.some((t) => t.id === 't6'));
    });

    it('needsFeedback: the latest held session when it lacks feedback from my role (or from anyone)', () => {
      // s-held has feedback from the mentor only.
      assert.equal(ready(input(FILE, { role: 'mentee' })).needsFeedback?.id, 's-held');
      assert.equal(ready(input(FILE, { role: 'mentor' })).needsFeedback, undefined);
      assert.equal(ready(input(FILE)).needsFeedback, undefined);
      const none = FILE.replace('    feedback:\n      - { from: mentor, rating: 4 }\n', '');
      const n = ready(input(none)).needsFeedback;
      assert.equal(n?.id, 's-held');
      assert.equal(n?.status, 'held');
      // An older session without feedback is not chased once a later one is held.
      const olderMissing = FILE.replace(/ {4}feedback:\n {6}- \{ from: mentee, rating: 2[^\n]*\n {6}- \{ from: mentor, rating: 5 \}\n/, '');
      assert.equal(ready(input(olderMissing, { role: 'mentor' })).needsFeedback, undefined);
    });

    it('goals: days left, overdue only when active, open task counts', () => {
      const s = ready(input(FILE));
      assert.deepEqual(s.goals, [
        { id: 'g1', title: 'Tests first', by: '2026-12-01', status: 'active', daysLeft: 11, overdue: false, openTasks: 2 },
        { id: 'g2', title: 'Old goal', by: '2026-11-10', status: 'active', daysLeft: -10, overdue: true, openTasks: 0 },
        { id: 'g3', title: 'Done goal', by: '2026-11-10', status: 'achieved', daysLeft: -10, overdue: false, openTasks: 0 },
      ]);
    });

    it('warnings: the agreement checks with positions; no schema notes like unknown keys', () => {
      const text = FILE.replace('version: 1\n', 'version: 1\nx-future: kept\n');
      const s = ready(input(text));
      const codes = s.warnings.map((w) => w.code).sort();
      // s-later has no topic yet; review date and t1 are past.
      assert.deepEqual(codes, ['review-overdue', 'task-overdue', 'topic-not-announced']);
      const review = s.warnings.find((w) => w.code === 'review-overdue');
      assert.equal(review?.severity, 'warning');
      assert.equal(review?.line, 8);
      assert.equal(review?.column, 11);
      assert.match(review?.message ?? '', /review/);
      // The parse did report the unknown key (as info); the sidebar leaves it to the Problems view.
      assert.ok(parse(text, { now: NOW }).diagnostics.some((d) => d.code === 'unknown-key'));
    });

    it('warnings: a bidi control in a task title is flagged at its position (the page shows the text in another order)', () => {
      const text = FILE.replace('title: Write the failing test,', 'title: Write the \u202efailing test,');
      assert.notEqual(text, FILE);
      const s = ready(input(text));
      const bidi = s.warnings.filter((w) => w.code === 'bidi-control');
      assert.equal(bidi.length, 1, JSON.stringify(s.warnings));
      const line = text.split('\n').findIndex((l) => l.includes('\u202e')) + 1;
      assert.equal(bidi[0]?.line, line);
      assert.equal(bidi[0]?.column, (text.split('\n')[line - 1] ?? '').indexOf('\u202e') + 1);
      assert.match(bidi[0]?.message ?? '', /U\+202E/);
      assert.equal(ready(input(FILE)).warnings.filter((w) => w.code === 'bidi-control').length, 0);
    });

    it('every code the agreement checks produce is a known check code', () => {
      // A file that trips every check: goal too far, review overdue, topic missing, late cancel, missing feedback, overdue task,
      // and sealing's: plain notes while a key exists, the mentee without a key, an unknown confidential field.
      const text = `version: 1
agreement:
  mentor: { name: A, key: age10y9u60qjt0vp58cgzqgal3hlnph2lr0rajrm7sp5eak5jagf6a7qj3w3p6 }
  mentee: { name: B }
  confidential: [notes, bogus]
  started: 2026-01-01
  review: 2026-02-01
  goals: [{ id: g, title: G, by: 2027-12-01 }]
  expectations: { topicNotice: 48h, cancellationNotice: 24h, feedback: every-session }
sessions:
  - { id: a, at: 2026-11-21T10:00:00Z, status: planned }
  - { id: b, at: 2026-11-19T10:00:00Z, status: cancelled, cancelled: { at: 2026-11-19T09:00:00Z, by: mentor } }
  - { id: c, at: 2026-11-10T10:00:00Z, status: held, notes: said in plain text }
tasks:
  - { id: t, title: T, due: 2026-11-01 }
`;
      const diagnostics = parse(text, { now: NOW }).diagnostics.filter((d) => d.severity !== 'error');
      const found = new Set(diagnostics.map((d) => d.code));
      for (const code of AGREEMENT_CHECK_CODES) assert.ok(found.has(code), `the fixture should trip ${code}`);
      assert.equal(ready(input(text)).warnings.length, diagnostics.filter((d) => AGREEMENT_CHECK_CODES.has(d.code)).length);
    });

    it('feedback history newest session first, with topic and fields; trend in time order with averages', () => {
      const s = ready(input(FILE));
      assert.deepEqual(
        s.feedback.map((f) => [f.session, f.from, f.rating]),
        [
          ['s-held', 'mentor', 4],
          ['s-old', 'mentee', 2],
          ['s-old', 'mentor', 5],
        ],
      );
      const first = s.feedback[1];
      assert.deepEqual(
        { topic: first?.topic, valuable: first?.valuable, change: first?.change, at: first?.at, sessionAt: first?.sessionAt },
        { topic: 'Old', valuable: 'checklist', change: 'more time', at: '2026-11-05T16:00:00Z', sessionAt: '2026-11-05T15:00:00Z' },
      );
      assert.deepEqual(s.trend, [
        { session: 's-old', at: '2026-11-05T15:00:00Z', average: 3.5 },
        { session: 's-held', at: '2026-11-12T15:00:00Z', average: 4 },
      ]);
    });

    it('private notes oldest first, with their session', () => {
      const s = ready(
        input(FILE, {
          notes: [
            { id: 'n2', text: 'second', created: '2026-11-19T10:00:00.000Z' },
            { id: 'n1', text: 'first <b>', created: '2026-11-18T10:00:00.000Z', sessionId: 's-held' },
          ],
        }),
      );
      assert.deepEqual(s.notes, [
        { id: 'n1', text: 'first <b>', created: '2026-11-18T10:00:00.000Z', session: 's-held' },
        { id: 'n2', text: 'second', created: '2026-11-19T10:00:00.000Z' },
      ]);
      assert.deepEqual(ready(input(FILE)).notes, []);
    });

    it('the state is plain data: it survives JSON (what postMessage sends) unchanged', () => {
      const s = ready(input(FILE, { role: 'mentor', notes: [{ id: 'n', text: 't', created: '2026-11-19T10:00:00.000Z' }] }));
      assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
    });

    it('a 10-year log (520 sessions, 3,000 tasks) gives a valid state with every task', () => {
      const text = generateLog({ sessions: 520, tasks: 3000 });
      const now = new Date('2026-11-20T12:00:00Z');
      const s = ready({ file: { label: 'big.yaml', result: parse(text, { now }) }, now, privateLabel: LABEL, role: 'mentee' });
      assert.equal(s.tasks.length, 3000);
      assert.ok(s.trend.length > 400);
      assert.ok(s.feedback.length > s.trend.length);
      assert.ok(s.carryForward.length <= CARRY_FORWARD_LIMIT);
    });
  });
});

describe('checkWorkspacePath (links from the webview)', () => {
  it('accepts workspace-relative paths and returns their segments', () => {
    assert.deepEqual(checkWorkspacePath('src/billing/retry.ts'), { ok: true, segments: ['src', 'billing', 'retry.ts'] });
    assert.deepEqual(checkWorkspacePath('README.md'), { ok: true, segments: ['README.md'] });
    assert.deepEqual(checkWorkspacePath('a//b'), { ok: true, segments: ['a', 'b'] });
    assert.deepEqual(checkWorkspacePath('.github/workflows/ci.yml'), { ok: true, segments: ['.github', 'workflows', 'ci.yml'] });
  });

  for (const [bad, why] of [
    ['', /no file/],
    ['   ', /no file/],
    ['/etc/passwd', /absolute/],
    ['~/secrets', /absolute/],
    ['../outside.ts', /leaves/],
    ['src/../../outside.ts', /leaves/],
    ['./src/a.ts', /leaves/],
    ['C:/Windows/win.ini', /scheme or drive/],
    ['file:///etc/passwd', /scheme/],
    ['javascript:alert(1)', /scheme/],
    ['command:workbench.action.terminal.new', /scheme/],
    ['https://example.com/x', /scheme/],
    ['src\\..\\..\\x', /backslash/],
    ['src/a\u0000.ts', /control/],
    ['src/a\n.ts', /control/],
  ] as const) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      const r = checkWorkspacePath(bad);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, why);
    });
  }
});
