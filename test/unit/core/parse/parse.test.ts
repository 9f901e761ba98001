import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../src/core/diagnostics';
import { parse, positionAt, rangeOf } from '../../../../src/core/parse/index';
import type { ParseResult } from '../../../../src/core/parse/index';
import { fixture as readFixture } from '../../../fixtures';

const NOW = new Date(2026, 10, 20, 12, 0, 0); // local time: "today" is 2026-11-20 in any time zone
const fixture = (name: string): string => readFixture(name);
const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

/** A small valid file; tests change one thing in it. Line numbers are given in the comments. */
const BASE = [
  'version: 1', //                       1
  'agreement:', //                       2
  '  mentor: { name: Ana Silva }', //    3
  '  mentee: { name: Ben Okafor }', //   4
  '  started: 2026-09-01', //            5
  '  goals:', //                         6
  '    - id: tests-first', //            7
  '      title: Tests first', //         8
  '      by: 2027-02-15', //             9
  '  expectations:', //                  10
  '    topicNotice: 48h', //             11
  'sessions:', //                        12
  '  - id: s1', //                       13
  '    at: 2026-11-19T15:00:00+01:00', //14
  '    topic: Reading code', //          15
  '    status: held', //                 16
  'tasks:', //                           17
  '  - id: t-1', //                      18
  '    title: Write the test', //        19
  '    goal: tests-first', //            20
  '    session: s1', //                  21
];
const base = (): string[] => [...BASE];
const text = (ls: string[]): string => `${ls.join('\n')}\n`;

function run(t: string, options: Parameters<typeof parse>[1] = {}): ParseResult {
  return parse(t, { now: NOW, ...options });
}

function only(result: ParseResult, code: string): Diagnostic {
  const found = result.diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got: ${JSON.stringify(result.diagnostics.map((d) => [d.code, d.message]))}`);
  return found[0] as Diagnostic;
}

function at(d: Diagnostic, line: number, column: number, endLine?: number, endColumn?: number): void {
  assert.deepEqual(
    { line: d.line, column: d.column, ...(endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}) },
    { line, column, ...(endLine !== undefined ? { endLine, endColumn } : {}) },
    `${d.code}: ${d.message}`,
  );
}

/** The diagnostic's offsets and line/column must name the same place in `t`. */
function consistent(t: string, d: Diagnostic): void {
  assert.deepEqual(positionAt(t, d.offset), { line: d.line, column: d.column });
  assert.deepEqual(positionAt(t, d.endOffset), { line: d.endLine, column: d.endColumn });
}

describe('parse: a valid file', () => {
  it('reads the design example with no error and applies defaults', () => {
    const t = fixture('valid.mentoring.yaml');
    const r = run(t, { checks: false });
    assert.equal(r.ok, true);
    assert.deepEqual(r.diagnostics, []);
    assert.ok(r.model && r.doc);
    assert.equal(r.model.agreement.mentor.name, 'Ana Silva');
    assert.equal(r.model.sessions[0]?.feedback[0]?.rating, 4);
    assert.deepEqual(r.model.tasks[0]?.links, ['src/billing/retry.ts#L42']);
    assert.deepEqual(r.model.threads, []); // default
  });

  it('keeps dates as the strings the user wrote (core schema, no timestamps)', () => {
    const r = run(text(base()), { checks: false });
    assert.equal(r.model?.agreement.started, '2026-09-01');
    assert.equal(r.model?.sessions[0]?.id, 's1');
    assert.equal(r.model?.tasks[0]?.status, 'open');
    assert.equal(r.model?.tasks[0]?.owner, 'mentee');
  });

  it('runs the agreement checks only when asked', () => {
    const t = fixture('valid.mentoring.yaml');
    const later = new Date(2027, 0, 5, 12);
    assert.ok(parse(t, { now: later }).diagnostics.some((d) => d.code === 'task-overdue'));
    assert.ok(!parse(t, { now: later, checks: false }).diagnostics.some((d) => d.severity === 'warning'));
  });

  it('sorts diagnostics by position', () => {
    const ls = base();
    ls[8] = '      by: tomorrow';
    ls[15] = '    status: done';
    ls[19] = '    goal: test-first';
    const r = run(text(ls));
    const offsets = r.diagnostics.map((d) => d.offset);
    assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
    assert.deepEqual(r.diagnostics.map((d) => d.line), [9, 16, 20]);
  });
});

describe('parse: positions', () => {
  it('counts lines for LF, CRLF and CR, and columns in UTF-16 units', () => {
    assert.deepEqual(positionAt('a\nb', 2), { line: 2, column: 1 });
    assert.deepEqual(positionAt('a\r\nb', 3), { line: 2, column: 1 });
    assert.deepEqual(positionAt('a\rb', 2), { line: 2, column: 1 });
    assert.deepEqual(positionAt('😀x', 2), { line: 1, column: 3 });
    assert.deepEqual(positionAt('abc', 99), { line: 1, column: 4 });
    assert.deepEqual(positionAt('abc', -5), { line: 1, column: 1 });
  });

  it('does not count a byte order mark as a column', () => {
    assert.deepEqual(positionAt('\uFEFFab', 2), { line: 1, column: 2 });
    assert.deepEqual(positionAt('\uFEFFa\nb', 3), { line: 2, column: 1 });
  });

  it('rangeOf finds values, empty values (their key), and missing children (the parent key)', () => {
    const ls = base();
    ls[7] = '      title:';
    const t = text(ls);
    const doc = run(t).doc;
    assert.ok(doc);
    const slice = (r: { offset: number; endOffset: number } | undefined): string => (r ? t.slice(r.offset, r.endOffset) : '(none)');
    assert.equal(slice(rangeOf(doc, ['agreement', 'started'])), '2026-09-01');
    assert.equal(slice(rangeOf(doc, ['tasks', 0, 'goal'])), 'tests-first');
    assert.equal(slice(rangeOf(doc, ['agreement', 'goals', 0, 'title'])), 'title');
    assert.equal(slice(rangeOf(doc, ['agreement', 'review'])), 'agreement');
    assert.equal(slice(rangeOf(doc, ['sessions', 0, 'notes'])), 'id'); // a list item has no key: its first key
    assert.equal(slice(rangeOf(doc, ['hints'])), 'version'); // the root: its first key
    assert.equal(slice(rangeOf(doc, ['agreement', 'mentor', 'name'])), 'Ana Silva');
  });
});

describe('parse: bad input', () => {
  it('reports a YAML syntax error where it is, and no schema noise after it', () => {
    const ls = base();
    ls[7] = '      title: a: b';
    const r = run(text(ls));
    const d = only(r, 'yaml-syntax');
    at(d, 8, 14);
    assert.match(d.message, /quote/);
    assert.equal(r.ok, false);
    assert.equal(r.model, undefined);
    assert.ok(r.doc, 'the document is still returned for positions');
    assert.equal(r.diagnostics.length, 1);
  });

  it('points an unclosed quote at its opening quote', () => {
    const ls = base();
    ls[2] = '  mentor: { name: "Ana Silva }';
    const d = only(run(text(ls)), 'yaml-syntax');
    at(d, 3, 19);
    assert.match(d.message, /never closed/);
  });

  it('reports duplicate keys at the second key, naming the first line', () => {
    const ls = base();
    ls.splice(5, 0, '  started: 2026-09-02');
    const d = only(run(text(ls)), 'duplicate-key');
    at(d, 6, 3, 6, 10);
    assert.match(d.message, /`started` appears twice.*first on line 5/);
    assert.deepEqual(d.data, { key: 'started', firstLine: 5 });
  });

  it('reports one merge-conflict error at the first marker and reads no further', () => {
    const ls = base();
    ls.splice(4, 1, '<<<<<<< HEAD', '  started: 2026-09-01', '=======', '  started: 2026-09-02', '>>>>>>> feature');
    const r = run(text(ls));
    assert.equal(r.diagnostics.length, 1);
    const d = only(r, 'merge-conflict');
    at(d, 5, 1, 5, 13);
    assert.match(d.message, /line 5.*delete/);
    assert.equal(r.doc, undefined);
    assert.equal(r.model, undefined);
  });

  it('finds a conflict that starts with ======= (diff3 or a hand-cut conflict) and CRLF markers', () => {
    const t = 'version: 1\r\n=======\r\nagreement: {}\r\n>>>>>>> x\r\n';
    const d = only(run(t), 'merge-conflict');
    at(d, 2, 1, 2, 8);
    assert.equal(d.data?.marker, '=======');
  });

  it('does not mistake seven = inside a value for a conflict', () => {
    const ls = base();
    ls.push('    notes: "======= not a marker"');
    assert.ok(!run(text(ls)).diagnostics.some((d) => d.code === 'merge-conflict'));
  });

  it('fails fast on an alias bomb (billion laughs), pointing at the first alias', () => {
    const bomb = lines(
      'version: 1',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    );
    const t0 = Date.now();
    const r = run(bomb);
    assert.ok(Date.now() - t0 < 2000, 'stops long before expanding a billion nodes');
    const d = only(r, 'alias-bomb');
    at(d, 3, 8, 3, 10);
    assert.equal(r.ok, false);
    assert.equal(r.model, undefined);
  });

  it('accepts a few ordinary aliases', () => {
    const ls = base();
    ls[2] = '  mentor: &ana { name: Ana Silva }';
    ls.push('threads:', '  - id: th1', '    file: a.ts', '    line: 3', '    comments:', '      - { author: *ana, body: hi }');
    const r = run(text(ls), { checks: false });
    // `author` must be text, and the alias resolves to a mapping: a schema error at the alias, not a crash.
    const d = only(r, 'schema');
    at(d, 27, 19);
  });

  it('refuses files over 5 MB before parsing, counting UTF-8 bytes', () => {
    const limit = 5 * 1024 * 1024;
    const head = 'version: 1\n# ';
    const big = head + 'x'.repeat(limit + 1 - head.length);
    const d = only(run(big), 'too-large');
    at(d, 1, 1, 1, 11);
    assert.equal(d.data?.bytes, limit + 1);
    assert.ok(!run(big.slice(0, -1)).diagnostics.some((x) => x.code === 'too-large'), 'exactly 5 MB is allowed');
    // 'é' is two bytes in UTF-8: half as many characters reach the limit.
    assert.ok(run('é'.repeat(600), { maxBytes: 1000 }).diagnostics.some((x) => x.code === 'too-large'));
    assert.ok(!run('é'.repeat(400), { maxBytes: 1000 }).diagnostics.some((x) => x.code === 'too-large'));
  });

  for (const [name, t] of [
    ['an empty file', ''],
    ['only blank lines', '\n  \n\n'],
    ['only comments', '# nothing yet\n# really\n'],
    ['only a BOM', '\uFEFF'],
  ] as const) {
    it(`says how to start on ${name}`, () => {
      const r = run(t);
      const d = only(r, 'empty-file');
      at(d, 1, 1);
      assert.match(d.message, /mentoring init/);
      assert.equal(r.ok, false);
    });
  }

  it('reports a list at the root', () => {
    const d = only(run('\n- version: 1\n- agreement: {}\n'), 'root-not-mapping');
    at(d, 2, 1, 2, 13);
    assert.match(d.message, /a list/);
  });

  it('reports a single value at the root', () => {
    const d = only(run('# hi\nhello world\n'), 'root-not-mapping');
    at(d, 2, 1, 2, 12);
  });

  it('rejects tabs used for indentation, but not tabs inside values', () => {
    const ls = base();
    ls[4] = '\tstarted: 2026-09-01';
    const d = run(text(ls)).diagnostics[0] as Diagnostic;
    assert.equal(d.code, 'yaml-syntax');
    at(d, 5, 1);
    assert.match(d.message, /tab/i);
    const ok = base();
    ok[14] = '    topic: "Reading\tcode"';
    assert.equal(run(text(ok), { checks: false }).ok, true);
  });

  it('reports a second document', () => {
    const d = only(run(`${text(base())}---\nversion: 1\n`), 'yaml-syntax');
    at(d, 22, 1);
    assert.match(d.message, /more than one YAML document/);
  });

  it('reads CRLF files with the same positions', () => {
    const ls = base();
    ls[8] = '      by: 2027-02-30';
    const t = ls.join('\r\n') + '\r\n';
    const d = only(run(t), 'schema');
    at(d, 9, 11, 9, 21);
    consistent(t, d);
  });

  it('reads a file with a BOM, columns as the editor shows them', () => {
    const ls = base();
    ls[0] = '\uFEFFversion: 2';
    const d = only(run(text(ls)), 'schema');
    at(d, 1, 10, 1, 11);
    assert.equal(d.offset, 10);
    const ok = base();
    ok[0] = '\uFEFFversion: 1';
    assert.equal(run(text(ok), { checks: false }).ok, true);
  });

  it('says a file of a newer format version needs a newer Mentoring, and an older or odd one is simply wrong', () => {
    const ls = base();
    ls[0] = 'version: 2';
    const d = only(run(text(ls)), 'schema');
    at(d, 1, 10, 1, 11);
    assert.match(d.message, /format version 2, newer than this Mentoring reads \(version 1\): update the Mentoring extension or the `mentoring` CLI/);
    ls[0] = 'version: 0';
    assert.equal(only(run(text(ls)), 'schema').message, '`version` must be 1, not the number 0.');
    ls[0] = 'version: "2"';
    assert.doesNotMatch(only(run(text(ls)), 'schema').message, /newer/);
  });
});

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

describe('parse: ids and references', () => {
  it('reports a duplicate id at the second one, for goals, sessions, tasks and threads', () => {
    const cases: [string, string[], number, number][] = [
      ['goal', ['    - id: tests-first', '      title: Again', '      by: 2027-01-01'], 10, 11],
      ['session', ['  - id: s1', '    at: 2026-11-26T15:00:00+01:00'], 17, 9],
      ['task', ['  - id: t-1', '    title: again'], 22, 9],
      ['thread', [], 0, 0],
    ];
    for (const [kind, extra, line, column] of cases) {
      const ls = base();
      if (kind === 'goal') ls.splice(9, 0, ...extra);
      if (kind === 'session') ls.splice(16, 0, ...extra);
      if (kind === 'task') ls.push(...extra);
      if (kind === 'thread') ls.push('threads:', '  - { id: th, file: a.ts, line: 1 }', '  - { id: th, file: b.ts, line: 2 }');
      const d = only(run(text(ls), { checks: false }), 'duplicate-id');
      if (kind === 'thread') at(d, 24, 11, 24, 13);
      else at(d, line, column);
      assert.match(d.message, new RegExp(`Two ${kind}s have the id`));
      assert.match(d.message, /the first is on line \d+/);
    }
  });

  it('reports a task naming a missing goal or session, with the candidates', () => {
    const ls = base();
    ls[19] = '    goal: test-first';
    ls[20] = '    session: s2';
    const r = run(text(ls), { checks: false });
    const goal = only(r, 'unknown-goal');
    at(goal, 20, 11, 20, 21);
    assert.deepEqual(goal.data?.candidates, ['tests-first']);
    assert.match(goal.message, /did you mean `tests-first`/);
    const session = only(r, 'unknown-session');
    at(session, 21, 14, 21, 16);
    assert.deepEqual(session.data?.candidates, ['s1']);
    assert.equal(r.ok, false);
    assert.ok(r.model, 'the schema still accepted the file');
  });

  it('reports a thread naming a missing task', () => {
    const ls = base();
    ls.push('threads:', '  - { id: th, file: a.ts, line: 1, task: t-2 }');
    const d = only(run(text(ls), { checks: false }), 'unknown-task');
    at(d, 23, 42);
  });

  it('checks references even when the schema fails elsewhere', () => {
    const ls = base();
    ls[0] = 'version: 2';
    ls[20] = '    session: nope';
    const r = run(text(ls));
    assert.ok(r.diagnostics.some((d) => d.code === 'unknown-session'));
    assert.ok(r.diagnostics.some((d) => d.code === 'schema'));
  });
});

describe('parse: unknown keys (forward compatibility)', () => {
  it('keeps unknown keys in the model and notes them as info', () => {
    const ls = base();
    ls.splice(1, 0, 'x-future: { anything: [1, 2] }');
    ls.push('    estimate: 3h');
    const r = run(text(ls), { checks: false });
    assert.equal(r.ok, true);
    const infos = r.diagnostics.filter((d) => d.code === 'unknown-key');
    assert.deepEqual(
      infos.map((d) => [d.line, d.column, d.endColumn, d.severity]),
      [
        [2, 1, 9, 'info'],
        [23, 5, 13, 'info'],
      ],
    );
    assert.match(infos[0]?.message ?? '', /kept as is/);
    const model = r.model as unknown as Record<string, unknown> & { tasks: Record<string, unknown>[] };
    assert.deepEqual(model['x-future'], { anything: [1, 2] });
    assert.equal(model.tasks[0]?.estimate, '3h');
  });

  it('suggests the known key for a typo', () => {
    const ls = base();
    ls[7] = '      titel: Tests first';
    ls.splice(8, 0, '      title: Tests first');
    const d = only(run(text(ls), { checks: false }), 'unknown-key');
    at(d, 8, 7, 8, 12);
    assert.match(d.message, /Did you mean `title`\?/);
    assert.equal(d.data?.suggestion, 'title');
  });
});

describe('parse: never throws', () => {
  it('survives odd inputs', () => {
    const odd = [
      '\u0000\u0001',
      '\uD800',
      ':',
      '[',
      '{',
      '- - - -',
      '? ? ?',
      '&a *a',
      'a: &a\n  b: *a\n',
      '%YAML 1.1\n---\na: 1',
      'version: 1\nagreement: !!map\n',
      'x'.repeat(10000),
      '['.repeat(5000),
      '- '.repeat(3000),
      'version: 1\nsessions: [' + '{},'.repeat(2000) + ']\n',
    ];
    for (const t of odd) {
      const r = parse(t, { now: NOW });
      assert.equal(typeof r.ok, 'boolean');
      for (const d of r.diagnostics) {
        assert.ok(d.offset >= 0 && d.endOffset <= t.length && d.offset <= d.endOffset, JSON.stringify(d));
        consistent(t, d);
      }
    }
  });

  it('refuses absurd nesting before the YAML parser recurses into it', () => {
    for (const [t, column] of [
      ['['.repeat(5000), 257],
      ['- '.repeat(3000), 513],
      ['{a: '.repeat(3000), 1025],
    ] as const) {
      const d = only(parse(t), 'too-deep');
      at(d, 1, column);
    }
    // brackets inside quotes, comments and plain text are not nesting
    const ok = base();
    ok.push(`    links: ["${'['.repeat(300)}"] # ${'{'.repeat(300)}`, `    notes: see ${'['.repeat(300)}`);
    assert.ok(!parse(text(ok)).diagnostics.some((d) => d.code === 'too-deep'));
  });

  it('treats a non-string like an empty file', () => {
    const r = parse(undefined as unknown as string);
    assert.equal(r.diagnostics[0]?.code, 'empty-file');
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

describe('parse: files nobody here wrote (test/fixtures)', () => {
  const first = (name: string): Diagnostic[] => run(fixture(`${name}.mentoring.yaml`)).diagnostics;

  it('conflicted: one error at the first marker', () => {
    const ds = first('conflicted');
    assert.deepEqual(ds.map((d) => [d.code, d.line, d.column]), [['merge-conflict', 8, 1]]);
  });

  it('duplicated: the second `topic`', () => {
    const ds = first('duplicated');
    assert.deepEqual(ds.map((d) => [d.code, d.line, d.column]), [['duplicate-key', 14, 5]]);
  });

  it('aliased: a billion laughs stops at the first alias', () => {
    const ds = first('aliased');
    assert.deepEqual(ds.map((d) => [d.code, d.line, d.column]), [['alias-bomb', 7, 13]]);
  });

  it('mistyped: every mistake at its value, nothing else', () => {
    const ds = first('mistyped');
    assert.deepEqual(
      ds.map((d) => [d.code, d.line, d.column]),
      [
        ['schema', 4, 11],
        ['schema', 5, 12],
        ['schema', 10, 15],
        ['schema', 12, 14],
        ['schema', 13, 18],
        ['schema', 16, 9],
        ['schema', 20, 17],
        ['schema', 22, 9],
        ['unknown-goal', 24, 11],
      ],
    );
  });

  it('future: every unknown key is an info note, and the file is fine', () => {
    const r = run(fixture('future.mentoring.yaml'));
    assert.equal(r.ok, true);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]),
      [
        ['unknown-key', 'info', 4, 30],
        ['unknown-key', 'info', 11, 7],
        ['unknown-key', 'info', 14, 5],
        ['unknown-key', 'info', 21, 5],
        ['unknown-key', 'info', 22, 43],
        ['unknown-key', 'info', 23, 1],
      ],
    );
    const model = r.model as unknown as { retro: unknown; sessions: { recording: string }[] };
    assert.deepEqual(model.retro, [{ when: '2027-01-01' }]);
    assert.equal(model.sessions[0]?.recording, 'https://example.com/rec/1');
  });
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
