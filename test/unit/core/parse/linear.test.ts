/**
 * The inputs that once took quadratic time (test/fixtures/adversarial.ts), at a size that runs in
 * a blink: their diagnostics keep their messages, lines and columns. Their speed is measured in
 * bench/adversarial.bench.ts, never here.
 */
import * as assert from 'node:assert/strict';
import { closest, NearestOf } from '../../../../src/core/closeness';
import type { Diagnostic } from '../../../../src/core/diagnostics';
import { findHints } from '../../../../src/core/hints/index';
import { clearParseCache, LineIndex, parse } from '../../../../src/core/parse/index';
import { lineEndOf } from '../../../../src/core/parse/positions';
import { danglingGoals, duplicateKeys, goalId, manyTopLevelKeys, oneLongLine } from '../../../fixtures/adversarial';

const NOW = new Date('2026-11-20T12:00:00Z');

function coded(text: string, code: string): Diagnostic[] {
  clearParseCache();
  return parse(text, { now: NOW, checks: false }).diagnostics.filter((d) => d.code === code);
}

/** 1-based line and column of the `nth` (0-based) occurrence of `needle`, counted by hand. */
function where(text: string, needle: string, nth: number): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} #${nth} is in the text`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('parse: linear on inputs that once were quadratic', () => {
  it('names each duplicate key, its place and the line of its first use', () => {
    const text = duplicateKeys(4);
    const found = coded(text, 'duplicate-key');
    assert.equal(found.length, 4);
    found.forEach((d, i) => {
      const first = where(text, '    title: Read the retry loop', i);
      const second = where(text, '    title: Read it again', i);
      assert.equal(d.message, `The key \`title\` appears twice in the same mapping (first on line ${first.line}): keep one and delete or merge the other.`);
      assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [second.line, 5, second.line, 10]);
      assert.deepEqual(d.data, { key: 'title', firstLine: first.line });
    });
  });

  it('reports every unknown top-level key where it stands', () => {
    const text = manyTopLevelKeys(5);
    const found = coded(text, 'unknown-key');
    assert.equal(found.length, 5);
    found.forEach((d, i) => {
      const key = `x-${String(i).padStart(6, '0')}`;
      const at = where(text, `${key}:`, 0);
      assert.deepEqual([d.severity, d.line, d.column, d.endLine, d.endColumn], ['info', at.line, 1, at.line, 9]);
      assert.match(d.message, new RegExp(`^Unknown key \`${key}\` at the top level: kept as is\\. Known keys here: version, agreement, `));
    });
  });

  it('places each of many diagnostics on one long line at its own column', () => {
    const text = oneLongLine(6);
    const found = coded(text, 'unknown-key');
    assert.equal(found.length, 6);
    found.forEach((d, i) => {
      const at = where(text, ` x${i}:`, 0);
      assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [1, at.column + 1, 1, at.column + 1 + `x${i}`.length]);
    });
  });

  it('guesses the meant goal of each dangling reference, with the candidates for quick fixes', () => {
    const text = danglingGoals(4);
    const found = coded(text, 'unknown-goal');
    assert.equal(found.length, 4);
    const ids = [0, 1, 2, 3].map(goalId);
    found.forEach((d, i) => {
      const at = where(text, 'goal: g-x', i);
      assert.equal(d.message, `No goal has the id \`${ids[i]!.replace('-', '-x')}\` (did you mean \`${ids[i]}\`?): use one of ${ids.join(', ')}, or remove \`goal\`.`);
      assert.deepEqual([d.line, d.column], [at.line, at.column + 6]);
      assert.deepEqual(d.data, { candidates: ids });
    });
  });

  it('lists at most 50 candidates, the guess among them, when a file has more ids', () => {
    const text = danglingGoals(80);
    const found = coded(text, 'unknown-goal');
    assert.equal(found.length, 80);
    const last = found[79]!;
    assert.match(last.message, /\(did you mean `g-00079`\?\): use one of g-00000, g-00001, g-00002, g-00003, g-00004, g-00005, g-00006, g-00007, …, or remove `goal`\.$/);
    const candidates = last.data?.candidates as string[];
    assert.equal(candidates.length, 50);
    assert.equal(candidates[0], 'g-00079');
    assert.deepEqual(found[3]!.data?.candidates, Array.from({ length: 50 }, (_, i) => goalId(i)));
  });
});

describe('LineIndex.lineEnd: from the line starts, as lineEndOf scans', () => {
  it('agrees with the scan at every offset of a text with every kind of line end', () => {
    const text = 'a: 1\r\nbb: 2\rccc: 3\n\n\r\n\rlast';
    const lines = new LineIndex(text);
    for (let o = -2; o <= text.length + 2; o++) assert.equal(lines.lineEnd(o), lineEndOf(text, o), `offset ${o}`);
    assert.equal(lines.lineEnd(1.5), lineEndOf(text, 1.5));
    assert.equal(new LineIndex('').lineEnd(0), 0);
    assert.equal(new LineIndex('x\n').lineEnd(2), 2);
  });
});

describe('closeness: NearestOf, one list for many targets', () => {
  it('answers as closest() does, ties to the first candidate', () => {
    const ids = ['s1', 'S2', 'tests-first', 'tests-frist', 'goal-10', 'goal-1', 'a', '', 'İx', 'x'.repeat(70)];
    const nearest = new NearestOf(ids, { units: 1e9 });
    const targets = ['s3', 's', 'Tests-first', 'testsfirst', 'goal-11', 'goal-', 'b', '', 'ix', 'i̇x', 'x'.repeat(69), 'zzzz', 's1'];
    for (const t of targets) {
      assert.equal(nearest.closest(t), closest(t, ids), t);
      assert.equal(nearest.closest(t), closest(t, ids), `${t} (kept)`);
    }
  });

  it('gives no guess once the budget of its file is spent', () => {
    const budget = { units: 21 }; // each comparison here costs 7: three for the first guess
    const nearest = new NearestOf(['abcdef', 'abcdeg', 'abcdeh'], budget);
    assert.equal(nearest.closest('abcdex'), 'abcdef');
    assert.equal(nearest.closest('abcdey'), undefined);
  });
});

describe('hints: team word lists', () => {
  it('finds the same hints when team words are prefixes of each other, however the list is passed', () => {
    const comment = 'This function is hacky. Your loop is hackish. Your names are hacks.';
    const words = ['hack', 'hackish', 'ha', 'hacky'];
    const expected = findHints(comment, { extraJudgmentWords: [...words] }).map((h) => `${h.rule} ${h.start}-${h.end}`);
    assert.ok(expected.some((h) => h.startsWith('team-word')), expected.join('; '));
    const list = [...words].reverse();
    for (let i = 0; i < 3; i++) assert.deepEqual(findHints(comment, { extraJudgmentWords: list }).map((h) => `${h.rule} ${h.start}-${h.end}`), expected);
    // Another list with other words is another engine, even after the first was kept.
    assert.ok(!findHints(comment, { extraJudgmentWords: ['zorp'] }).some((h) => h.rule === 'team-word'));
    assert.deepEqual(findHints(comment, { extraJudgmentWords: list }).map((h) => `${h.rule} ${h.start}-${h.end}`), expected);
  });
});
