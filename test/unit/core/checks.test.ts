import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { parse } from '../../../src/core/parse/index';
import {
  addMonths,
  addMonthsIso,
  daysBetween,
  formatDuration,
  formatInstantLike,
  localIsoDate,
  parseDateTime,
  parseDuration,
  parseInstant,
  parseIsoDate,
} from '../../../src/core/time';

/** Local noon on a calendar day: "today" is that day whatever the machine's time zone. */
const day = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
};

const HEAD = [
  'version: 1', //                          1
  'agreement:', //                          2
  '  mentor: { name: Ana }', //             3
  '  mentee: { name: Ben }', //             4
  '  started: 2026-08-31', //               5
  '  review: 2027-02-28', //                6
  '  goals:', //                            7
  '    - id: g1', //                        8
  '      title: Tests first', //            9
  '      by: 2027-02-28', //                10
  '  expectations:', //                     11
  '    topicNotice: 48h', //                12
  '    cancellationNotice: 24h', //         13
  '    feedback: every-session', //         14
];

function check(body: string[], now: Date, head: string[] = HEAD): Diagnostic[] {
  const r = parse(`${[...head, ...body].join('\n')}\n`, { now });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], 'the file itself is valid');
  return r.diagnostics.filter((d) => d.severity === 'warning');
}

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => d.code);
}

function one(ds: Diagnostic[], code: string): Diagnostic {
  const found = ds.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}: ${JSON.stringify(ds.map((d) => d.message))}`);
  return found[0] as Diagnostic;
}

function at(d: Diagnostic, line: number, column: number): void {
  assert.deepEqual([d.line, d.column], [line, column], d.message);
}

describe('checks: goals', () => {
  it('accepts a goal exactly six months after the agreement started (end of month clamps)', () => {
    // started 2026-08-31 + 6 months = 2027-02-28 (no Feb 31st)
    assert.deepEqual(check([], day('2026-09-01')), []);
  });

  it('warns one day later, at the goal date, with the latest allowed date', () => {
    const head = [...HEAD];
    head[9] = '      by: 2027-03-01';
    const d = one(check([], day('2026-09-01'), head), 'goal-too-far');
    at(d, 10, 11);
    assert.equal(d.severity, 'warning');
    assert.equal(d.data?.limit, '2027-02-28');
    assert.match(d.message, /2027-02-28 or earlier/);
    assert.match(d.message, /agreement started \(2026-08-31\)/);
  });

  it('measures from the goal’s own `set` date when there is one', () => {
    const head = [...HEAD];
    head.splice(9, 1, '      set: 2026-12-15', '      by: 2027-06-15');
    assert.deepEqual(check([], day('2026-12-15'), head), []);
    head[10] = '      by: 2027-06-16';
    const d = one(check([], day('2026-12-15'), head), 'goal-too-far');
    at(d, 11, 11);
    assert.equal(d.data?.limit, '2027-06-15');
    assert.match(d.message, /it was set \(2026-12-15\)/);
  });

  it('leaves achieved and dropped goals alone', () => {
    const head = [...HEAD];
    head.splice(9, 1, '      by: 2028-01-01', '      status: achieved');
    assert.deepEqual(check([], day('2026-09-01'), head), []);
  });
});

describe('checks: review', () => {
  it('is quiet on the review day and warns the day after', () => {
    assert.deepEqual(check([], day('2027-02-28')), []);
    const d = one(check([], day('2027-03-02')), 'review-overdue');
    at(d, 6, 11);
    assert.equal(d.data?.days, 2);
    assert.match(d.message, /2 days ago/);
  });
});

describe('checks: topic notice', () => {
  // The session is at 2026-11-20 15:00 +01:00 = 14:00Z; the 48h deadline is 2026-11-18 14:00Z.
  const session = (...extra: string[]): string[] => ['sessions:', '  - id: s1', '    at: 2026-11-20T15:00:00+01:00', ...extra];
  const beforeDeadline = new Date(Date.UTC(2026, 10, 18, 13, 59));
  const afterDeadline = new Date(Date.UTC(2026, 10, 18, 14, 1));

  it('warns when a planned session has no topic, pointing at the session', () => {
    const d = one(check(session(), beforeDeadline), 'topic-not-announced');
    at(d, 16, 5);
    assert.equal(d.data?.session, 's1');
    assert.equal(d.data?.deadline, '2026-11-18T15:00+01:00');
    assert.match(d.message, /no topic yet/);
  });

  it('is quiet when the topic was announced in time', () => {
    assert.deepEqual(check(session('    topic: Naming', '    announced: 2026-11-18T15:00:00+01:00'), afterDeadline), []);
  });

  it('warns at `announced` when it was later than the notice allows', () => {
    const d = one(check(session('    topic: Naming', '    announced: 2026-11-18T15:01:00+01:00'), afterDeadline), 'topic-not-announced');
    at(d, 19, 16);
    assert.match(d.message, /after the agreed 48h notice/);
  });

  it('warns about a topic not announced only once the deadline has passed', () => {
    assert.deepEqual(check(session('    topic: Naming'), beforeDeadline), []);
    const d = one(check(session('    topic: Naming'), afterDeadline), 'topic-not-announced');
    at(d, 18, 12);
    assert.match(d.message, /notice ran out/);
  });

  it('ignores held and cancelled sessions', () => {
    assert.deepEqual(
      check(session('    status: held', '    feedback: [{ from: mentee, rating: 4 }]'), afterDeadline).filter((d) => d.code === 'topic-not-announced'),
      [],
    );
    assert.deepEqual(
      check(session('    status: cancelled', '    cancelled: { at: 2026-11-10T10:00:00Z, by: mentor }'), afterDeadline),
      [],
    );
  });

  it('reads offset-less times as local time', () => {
    const local = ['sessions:', '  - id: s1', '    at: 2026-11-20T15:00', '    topic: Naming'];
    assert.deepEqual(check(local, new Date(2026, 10, 18, 14, 59)), []);
    assert.deepEqual(codes(check(local, new Date(2026, 10, 18, 15, 1))), ['topic-not-announced']);
  });
});

describe('checks: cancellation', () => {
  const cancelledAt = (at: string): string[] => [
    'sessions:',
    '  - id: s1',
    '    at: 2026-11-20T15:00:00+01:00',
    '    topic: Naming',
    '    announced: 2026-11-01T09:00:00+01:00',
    '    status: cancelled',
    '    cancelled:',
    `      at: ${at}`,
    '      by: mentee',
  ];
  const now = day('2026-11-25');

  it('is quiet when cancelled exactly at the notice deadline', () => {
    assert.deepEqual(check(cancelledAt('2026-11-19T15:00:00+01:00'), now), []);
  });

  it('warns at `cancelled.at` when later, saying how late', () => {
    const d = one(check(cancelledAt('2026-11-20T09:00:00+01:00'), now), 'late-cancellation');
    at(d, 22, 11);
    assert.equal(d.data?.hoursBefore, 6);
    assert.equal(d.data?.deadline, '2026-11-19T15:00+01:00');
    assert.match(d.message, /6h before it/);
  });

  it('compares instants across offsets', () => {
    // 14:30Z is 15:30 +01:00: half an hour after the deadline
    assert.deepEqual(codes(check(cancelledAt('2026-11-19T14:30:00Z'), now)), ['late-cancellation']);
    assert.deepEqual(check(cancelledAt('2026-11-19T13:59:00Z'), now), []);
  });
});

describe('checks: tasks', () => {
  const task = (due: string, status = 'open'): string[] => ['tasks:', '  - id: t-1', '    title: Write the test', `    due: ${due}`, `    status: ${status}`];

  it('is quiet on the due day and warns the day after, at `due`', () => {
    assert.deepEqual(check(task('2026-11-20'), day('2026-11-20')), []);
    const d = one(check(task('2026-11-20'), day('2026-11-21')), 'task-overdue');
    at(d, 18, 10);
    assert.deepEqual(d.data, { task: 't-1', days: 1, owner: 'mentee' });
    assert.match(d.message, /1 day ago/);
  });

  it('ignores done and dropped tasks, and tasks without a due date', () => {
    assert.deepEqual(check(task('2026-01-01', 'done'), day('2026-11-21')), []);
    assert.deepEqual(check(task('2026-01-01', 'dropped'), day('2026-11-21')), []);
    assert.deepEqual(check(['tasks:', '  - { id: t-1, title: x }'], day('2026-11-21')), []);
  });
});

describe('checks: feedback', () => {
  const held = (...extra: string[]): string[] => [
    'sessions:',
    '  - id: s1',
    '    at: 2026-11-20T15:00:00+01:00',
    '    topic: Naming',
    '    announced: 2026-11-01T09:00:00+01:00',
    '    status: held',
    ...extra,
  ];
  const now = day('2026-11-21');

  it('warns about a held session without feedback, naming the session', () => {
    const d = one(check(held(), now), 'missing-feedback');
    at(d, 16, 5);
    assert.deepEqual(d.data, { session: 's1' });
  });

  it('points at an empty feedback list', () => {
    const d = one(check(held('    feedback: []'), now), 'missing-feedback');
    at(d, 21, 5);
  });

  it('is quiet with feedback, or when feedback is not asked for every session', () => {
    assert.deepEqual(check(held('    feedback: [{ from: mentor }]'), now), []);
    const head = [...HEAD];
    head[13] = '    feedback: monthly';
    assert.deepEqual(check(held(), now, head), []);
  });
});

describe('checks: the hints block', () => {
  const now = day('2026-11-28');

  it('names a rule or category that does not exist, at the item, with the likely one meant', () => {
    const ds = check([
      'hints:', //                                          15
      '  extraJudgmentWords: [hacky]', //                   16
      '  disabledRules: [judgment-word, judgement-word]', // 17
      '  disabledCategories:', //                           18
      '    - blame', //                                     19
      '    - bogus', //                                     20
    ], now);
    assert.deepEqual(codes(ds), ['unknown-hint-id', 'unknown-hint-id']);
    const [rule, category] = ds as [Diagnostic, Diagnostic];
    at(rule, 17, 34);
    assert.match(rule.message, /^`judgement-word` is not a hint rule, so it turns nothing off \(did you mean `judgment-word`\?\)\. Known: why-would-you, /);
    at(category, 20, 7);
    assert.match(category.message, /^`bogus` is not a hint category, so it turns nothing off\. Known: judgment, blame, /);
    assert.doesNotMatch(category.message, /did you mean/);
  });

  it('is quiet for known ids and without a block', () => {
    assert.deepEqual(check(['hints:', '  disabledRules: [team-word, minimizer-just]', '  disabledCategories: [sarcasm]'], now), []);
    assert.deepEqual(check([], now), []);
  });
});

describe('time', () => {
  it('parses durations', () => {
    assert.equal(parseDuration('45m'), 45 * 60_000);
    assert.equal(parseDuration('1h30m'), 90 * 60_000);
    assert.equal(parseDuration('2d'), 48 * 3_600_000);
    assert.equal(parseDuration('1w2d'), 9 * 86_400_000);
    assert.equal(parseDuration(''), undefined);
    assert.equal(parseDuration('30m1h'), undefined);
    assert.equal(parseDuration('1.5h'), undefined);
    assert.equal(formatDuration(90 * 60_000), '1h30m');
    assert.equal(formatDuration(0), '0m');
  });

  it('adds months with end-of-month clamping', () => {
    assert.equal(addMonthsIso('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonthsIso('2027-08-31', 6), '2028-02-29');
    assert.equal(addMonthsIso('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonthsIso('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonthsIso('2026-11-15', 14), '2028-01-15');
    assert.equal(addMonthsIso('2026-02-30', 1), undefined);
    const d = addMonths(new Date(2026, 7, 31, 9, 30), 6);
    assert.deepEqual([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()], [2027, 1, 28, 9, 30]);
    const back = addMonths(new Date(2026, 0, 15), -2);
    assert.deepEqual([back.getFullYear(), back.getMonth(), back.getDate()], [2025, 10, 15]);
  });

  it('reads dates as calendar days and date-times with or without an offset', () => {
    assert.deepEqual(parseIsoDate('2028-02-29'), { year: 2028, month: 2, day: 29 });
    assert.equal(parseIsoDate('2027-02-29'), undefined);
    assert.equal(parseDateTime('2026-11-19T15:00:00+01:00')?.toISOString(), '2026-11-19T14:00:00.000Z');
    assert.equal(parseDateTime('2026-11-19T15:00Z')?.toISOString(), '2026-11-19T15:00:00.000Z');
    assert.equal(parseDateTime('2026-11-19T15:00:00.5-02:30')?.toISOString(), '2026-11-19T17:30:00.500Z');
    assert.equal(parseDateTime('2026-11-19T15:00')?.getTime(), new Date(2026, 10, 19, 15, 0).getTime());
    assert.equal(parseDateTime('2026-11-31T15:00'), undefined);
    assert.equal(parseDateTime('2026-11-19'), undefined);
    assert.equal(parseInstant('2026-11-19')?.getTime(), new Date(2026, 10, 19).getTime());
    assert.equal(localIsoDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    assert.equal(daysBetween('2026-12-30', '2027-01-02'), 3);
    assert.equal(daysBetween('2027-01-02', '2026-12-30'), -3);
  });

  it('shows an instant in the offset the user wrote', () => {
    const t = new Date(Date.UTC(2026, 10, 18, 14, 0));
    assert.equal(formatInstantLike(t, '2026-11-20T15:00:00+01:00'), '2026-11-18T15:00+01:00');
    assert.equal(formatInstantLike(t, '2026-11-20T15:00:00Z'), '2026-11-18T14:00Z');
    assert.equal(formatInstantLike(t, '2026-11-20T15:00:00-05:30'), '2026-11-18T08:30-05:30');
  });
});
