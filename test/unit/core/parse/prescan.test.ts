/** Size, merge-conflict markers and nesting: refused on the raw text, before the YAML parser (src/core/parse/prescan.ts). */
import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse/index';
import { addTask } from '../../../../src/core/edit/index';
import { base, text, run, only, at, lines, NOW } from './base';

describe('parse: text checks before YAML (prescan.ts)', () => {
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
});

describe('parse: the nesting pre-scan knows block scalars (src/core/parse/prescan.ts)', () => {
  // A pasted log: 300 lines that open a bracket and never close it.
  const log = Array.from({ length: 300 }, (_, i) => `[${i} {worker-${i} retry`);

  for (const header of ['|', '|-', '>', '|+ # pasted', '|2']) {
    it(`a log in \`notes: ${header}\` is text: the file is valid and can be edited`, () => {
      const ls = base();
      ls.splice(16, 0, `    notes: ${header}`, ...log.map((l) => `      ${l}`), '', '      after a blank line');
      const t = text(ls);
      const r = parse(t);
      assert.ok(!r.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(r.diagnostics.slice(0, 2)));
      assert.ok(r.model?.sessions[0]?.notes?.startsWith('[0 {worker-0 retry'));
      const added = addTask(t, { title: 'Read the log' }, { now: NOW });
      assert.ok(added.ok, added.ok ? '' : added.message);
    });
  }

  it('with CRLF line ends, and in a list item (`- |`)', () => {
    const ls = base();
    ls.push('    links:', '      - |', ...log.map((l) => `        ${l}`));
    const r = parse(text(ls).replace(/\n/g, '\r\n'));
    assert.ok(!r.diagnostics.some((d) => d.code === 'too-deep'));
  });

  it('real nesting is still refused: after an empty block scalar, and right after one ends', () => {
    const deep = '['.repeat(5000);
    for (const [ls, line] of [
      [['a: |', deep], 2], // not indented: not the scalar's text
      [['s:', '  - notes: |', `   ${deep}`], 3], // indented less than `notes`: the scalar is empty
      [['a: |', '  log [[[', 'b: ' + deep], 3], // the scalar ended
      [['a: |2', '  x', ' ' + deep], 3], // indented less than the explicit indicator says
    ] as const) {
      const d = only(parse(lines(...ls)), 'too-deep');
      assert.equal(d.line, line, ls.join(' / '));
    }
  });

  it('a `|` that is not a header (in a flow collection, or text after it) changes nothing', () => {
    assert.equal(only(parse(lines('a: [ |', '  ' + '['.repeat(5000))), 'too-deep').line, 2);
    assert.equal(only(parse(lines('a: |x', '  ' + '['.repeat(5000))), 'too-deep').line, 2);
  });
});
