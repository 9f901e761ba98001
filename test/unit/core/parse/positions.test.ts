/** Lines and columns of offsets, and the ranges of paths (src/core/parse/positions.ts). */
import * as assert from 'node:assert/strict';
import { positionAt, rangeOf } from '../../../../src/core/parse/index';
import { base, text, run } from './base';

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
