/** The pipeline as a whole (src/core/parse/index.ts): valid files, what stops it, that it never throws, and real files. */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../src/core/diagnostics';
import { parse } from '../../../../src/core/parse/index';
import { NOW, fixture, base, text, run, only, at, consistent } from './base';

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

describe('parse: bad input', () => {
  it('accepts a few ordinary aliases', () => {
    const ls = base();
    ls[2] = '  mentor: &ana { name: Ana Silva }';
    ls.push('threads:', '  - id: th1', '    file: a.ts', '    line: 3', '    comments:', '      - { author: *ana, body: hi }');
    const r = run(text(ls), { checks: false });
    // `author` must be text, and the alias resolves to a mapping: a schema error at the alias, not a crash.
    const d = only(r, 'schema');
    at(d, 27, 19);
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

  it('treats a non-string like an empty file', () => {
    const r = parse(undefined as unknown as string);
    assert.equal(r.diagnostics[0]?.code, 'empty-file');
  });
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
