/** Duplicate ids and dangling references, with candidates (src/core/parse/references.ts). */
import * as assert from 'node:assert/strict';
import { base, text, run, only, at } from './base';

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

  it('guesses the meant id among very long ids (ids have no length limit)', () => {
    // A full edit-distance table for two ids this long would be 1e10 cells; the guess is bounded to two edits.
    const long = 'x'.repeat(100_000);
    const ls = base();
    ls[6] = `    - id: a${long}`;
    ls[19] = `    goal: b${long}`;
    const d = only(run(text(ls), { checks: false }), 'unknown-goal');
    at(d, 20, 11);
    assert.ok(d.message.includes(`(did you mean \`a${long}\`?)`), d.message.slice(0, 200));
  });
});
