/** zod issues as messages at their node, and suggested fixes (src/core/parse/schemaMessages.ts). */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../src/core/diagnostics';
import { positionAt } from '../../../../src/core/parse/index';
import { base, text, run, only, at } from './base';

describe('parse: schema', () => {
  const schemaError = (ls: string[]): Diagnostic => only(run(text(ls), { checks: false }), 'schema');

  it('points a wrong type at the value', () => {
    const ls = base();
    ls[3] = '  mentee: Ben Okafor';
    const d = schemaError(ls);
    at(d, 4, 11, 4, 21);
    assert.match(d.message, /`agreement\.mentee` must be a mapping/);
  });

  it('points a wrong collection type at its first line only', () => {
    const ls = base();
    ls.splice(16, 5, 'tasks:', '  id: t-1', '  title: x');
    const d = schemaError(ls);
    at(d, 18, 3, 18, 10);
    assert.match(d.message, /`tasks` must be a list, not a mapping/);
  });

  it('says the expected values of an enum', () => {
    const ls = base();
    ls[15] = '    status: done';
    const d = schemaError(ls);
    at(d, 16, 13, 16, 17);
    assert.match(d.message, /planned, held, cancelled/);
    assert.deepEqual(d.data?.expected, ['planned', 'held', 'cancelled']);
  });

  it('points a missing required field at the key of its parent mapping', () => {
    const ls = base();
    ls.splice(4, 1);
    const d = schemaError(ls);
    at(d, 2, 1, 2, 10);
    assert.match(d.message, /`agreement` is missing the required field `started`: add `started:`.*YYYY-MM-DD/);
    assert.equal(d.data?.missing, 'started');
  });

  it('points a missing field of a list item at the item', () => {
    const ls = base();
    ls.splice(8, 1); // goal without `by`
    const d = schemaError(ls);
    at(d, 7, 7, 7, 9);
    assert.match(d.message, /`agreement\.goals\[0\]` is missing the required field `by`/);
  });

  it('points a missing top-level field at the first key', () => {
    const ls = base();
    ls.splice(0, 1);
    const d = schemaError(ls);
    at(d, 1, 1, 1, 10);
    assert.match(d.message, /missing the required top-level field `version`: add `version: 1`/);
  });

  it('requires version 1', () => {
    const ls = base();
    ls[0] = 'version: 2';
    at(schemaError(ls), 1, 10, 1, 11);
  });

  it('asks to quote an id that YAML reads as a number', () => {
    const ls = base();
    ls[17] = '  - id: 2026';
    ls[20] = '    session: s1';
    const d = schemaError(ls);
    at(d, 18, 9, 18, 13);
    assert.match(d.message, /quotes/);
  });

  it('rejects ids with spaces', () => {
    const ls = base();
    ls[6] = '    - id: tests first';
    ls[19] = '    goal: tests first';
    const errs = run(text(ls), { checks: false }).diagnostics;
    assert.deepEqual(errs.map((d) => [d.code, d.line, d.column]), [['schema', 7, 11], ['schema', 20, 11]]);
    assert.match(errs[0]?.message ?? '', /letters, digits/);
  });

  it('rejects dates that are not in the calendar and malformed times', () => {
    const ls = base();
    ls[4] = '  started: 2026-02-29';
    let d = schemaError(ls);
    at(d, 5, 12, 5, 22);
    assert.match(d.message, /does not exist/);
    const ls2 = base();
    ls2[13] = '    at: 2026-11-19 15:00';
    d = schemaError(ls2);
    at(d, 14, 9, 14, 25);
    assert.match(d.message, /2026-11-19T15:00:00\+01:00/);
  });

  it('rejects durations it cannot read', () => {
    const ls = base();
    ls[10] = '    topicNotice: two days';
    const d = schemaError(ls);
    at(d, 11, 18);
    assert.match(d.message, /45m, 24h, 2d/);
  });

  it('rejects a rating outside 1..5 and a fractional one', () => {
    for (const rating of ['6', '0', '3.5']) {
      const ls = base();
      ls.splice(16, 0, '    feedback:', `      - { from: mentee, rating: ${rating} }`);
      const d = schemaError(ls);
      at(d, 18, 33);
      assert.match(d.message, /1 to 5/);
    }
  });

  it('rejects an empty required text and an empty list value', () => {
    const ls = base();
    ls[7] = '      title: "  "';
    at(schemaError(ls), 8, 14);
    const ls2 = base();
    ls2.splice(16, 5, 'tasks:');
    const d = schemaError(ls2);
    at(d, 17, 1, 17, 6);
    assert.match(d.message, /write `\[\]`/);
  });

  it('reports an empty value at its key', () => {
    const ls = base();
    ls[7] = '      title:';
    const d = schemaError(ls);
    at(d, 8, 7, 8, 12);
    assert.match(d.message, /has no value/);
  });

  it('reports one message per node (a bad date is not also a bad calendar day)', () => {
    const ls = base();
    ls[8] = '      by: soon';
    const r = run(text(ls), { checks: false });
    assert.equal(r.diagnostics.length, 1);
  });

  it('keeps the document when the schema fails, and no model', () => {
    const ls = base();
    ls[0] = 'version: 3';
    const r = run(text(ls));
    assert.ok(r.doc);
    assert.equal(r.model, undefined);
    assert.equal(r.ok, false);
  });

  it('validates threads', () => {
    const ls = base();
    ls.push('threads:', '  - id: th1', '    file: src/a.ts', '    line: 0', '    status: closed');
    const r = run(text(ls), { checks: false });
    const errs = r.diagnostics.filter((d) => d.code === 'schema');
    assert.deepEqual(
      errs.map((d) => [d.line, d.column]),
      [
        [25, 11],
        [26, 13],
      ],
    );
  });
});

describe('parse: every schema rule, each at its node', () => {
  /** [what, edit of BASE, text whose first occurrence (after `after`) is where the error must be, message pattern] */
  const rules: [string, (ls: string[]) => void, string, RegExp, string?][] = [
    ['person name must not be empty', (ls) => (ls[2] = '  mentor: { name: "" }'), '""', /must not be empty/],
    ['person must be a mapping', (ls) => (ls[2] = '  mentor: [Ana]'), '[Ana]', /mapping/],
    ['a person needs a name', (ls) => (ls[2] = '  mentor: { handle: ana }'), 'mentor', /missing the required field `name`/],
    ['cadence is an enum', (ls) => ls.splice(10, 0, '    cadence: daily'), 'daily', /weekly, biweekly, monthly/],
    ['feedback habit is an enum', (ls) => ls.splice(10, 0, '    feedback: always'), 'always', /every-session, monthly, on-request/],
    ['duration format', (ls) => ls.splice(10, 0, '    duration: 45 minutes'), '45 minutes', /45m, 24h/],
    ['review is a date', (ls) => ls.splice(5, 0, '  review: next spring'), 'next spring', /YYYY-MM-DD/],
    ['goal status is an enum', (ls) => ls.splice(9, 0, '      status: done'), 'done', /active, achieved, dropped/],
    ['goal set is a date', (ls) => ls.splice(9, 0, '      set: 2026-13-01'), '2026-13-01', /does not exist/],
    ['goals must be a list', (ls) => ls.splice(5, 4, '  goals: tests-first'), 'tests-first', /must be a list/],
    ['session needs `at`', (ls) => ls.splice(13, 1), '- id: s1', /missing the required field `at`/, 'id'],
    ['announced is a date-time', (ls) => ls.splice(15, 0, '    announced: yesterday'), 'yesterday', /date and time/],
    ['started/ended are date-times', (ls) => ls.splice(15, 0, '    started: 15:00'), 'started: 15:00', /date and time/, '15:00'],
    ['agenda items are text', (ls) => ls.splice(15, 0, '    agenda: [Intro, 42]'), '42', /must be text.*quotes/],
    ['feedback needs `from`', (ls) => ls.splice(16, 0, '    feedback:', '      - rating: 4'), 'rating', /missing the required field `from`/],
    ['feedback from is a role', (ls) => ls.splice(16, 0, '    feedback: [{ from: boss }]'), 'boss', /mentor, mentee/],
    ['cancellation needs `by`', (ls) => ls.splice(16, 0, '    cancelled: { at: 2026-11-18T10:00:00Z }'), 'cancelled', /missing the required field `by`/],
    ['cancellation by is a role', (ls) => ls.splice(16, 0, '    cancelled: { at: 2026-11-18T10:00:00Z, by: both }'), 'both', /mentor, mentee/],
    ['task needs a title', (ls) => ls.splice(18, 1), '- id: t-1', /missing the required field `title`/, 'id'],
    ['task owner is a role', (ls) => ls.push('    owner: team'), 'team', /mentor, mentee/],
    ['task status is an enum', (ls) => ls.push('    status: doing'), 'doing', /open, done, dropped/],
    ['task due is a date', (ls) => ls.push('    due: 26/11/2026'), '26/11/2026', /YYYY-MM-DD/],
    ['task closed is a date', (ls) => ls.push('    closed: 2026-11-31'), '2026-11-31', /does not exist/],
    ['task links are a list', (ls) => ls.push('    links: src/a.ts#L1'), 'src/a.ts#L1', /must be a list/],
    ['thread needs a file', (ls) => ls.push('threads:', '  - { id: th, line: 2 }'), 'id: th', /missing the required field `file`/, 'id'],
    ['thread comment needs a body', (ls) => ls.push('threads:', '  - { id: th, file: a.ts, line: 2, comments: [{ author: Ana }] }'), 'author', /missing the required field `body`/],
    ['thread status is an enum', (ls) => ls.push('threads:', '  - { id: th, file: a.ts, line: 2, status: done }'), 'done', /open, resolved/],
    ['hints words are a list of text', (ls) => ls.push('hints:', '  extraJudgmentWords: hacky'), 'hacky', /must be a list/],
    ['sessions must be a list', (ls) => ls.splice(11, 5, 'sessions: {}'), '{}', /must be a list/],
  ];

  for (const [what, edit, needle, pattern, exact] of rules) {
    it(what, () => {
      const ls = base();
      edit(ls);
      const t = text(ls);
      const r = run(t, { checks: false });
      const errs = r.diagnostics.filter((d) => d.severity === 'error');
      assert.ok(errs.length >= 1, `no error for: ${what}`);
      const d = errs.find((e) => pattern.test(e.message));
      assert.ok(d, `${what}: ${JSON.stringify(errs.map((e) => e.message))}`);
      const index = t.indexOf(needle);
      assert.ok(index >= 0);
      // `exact` narrows to a word inside the needle (e.g. the `id` key of a list item)
      const offset = exact ? t.indexOf(exact, index) : index;
      assert.deepEqual([d.line, d.column], [positionAt(t, offset).line, positionAt(t, offset).column], `${what}: ${d.message}`);
      assert.equal(d.code, 'schema');
      assert.equal(r.model, undefined);
    });
  }
});

describe('parse: suggested fixes', () => {
  it('suggests the ISO form of a date-time written with a space, and a date for a date-time', () => {
    const ls = base();
    ls[13] = '    at: 2026-11-19 15:00 +01:00';
    ls.push('    due: 2026-11-26T12:00');
    const ds = run(text(ls), { checks: false }).diagnostics;
    assert.deepEqual(
      ds.map((d) => [d.line, d.data?.suggested]),
      [
        [14, '2026-11-19T15:00+01:00'],
        [22, '2026-11-26'],
      ],
    );
    assert.match(ds[0]?.message ?? '', /did you mean 2026-11-19T15:00\+01:00\?$/);
  });
});
