import { strict as assert } from 'node:assert';
import { requote } from '../../../../src/core/yaml/scalar';

describe('quick-fix scalar replacement', () => {
  it('keeps the quoting style of the replaced scalar', () => {
    assert.equal(requote('2027-09-01', '2027-03-01'), '2027-03-01');
    assert.equal(requote('"2027-09-01"', '2027-03-01'), '"2027-03-01"');
    assert.equal(requote("'no-such-goal'", 'tests-first'), "'tests-first'");
    assert.equal(requote("'x'", "it's"), "'it''s'");
  });
  it('replaces plain date-times with plain ISO ones', () => {
    assert.equal(requote('2026-11-19 15:00', '2026-11-19T15:00'), '2026-11-19T15:00');
    assert.equal(requote('2026-11-19_15:00+01:00', '2026-11-19T15:00+01:00'), '2026-11-19T15:00+01:00');
  });
  it('quotes a plain replacement that would not survive as a plain scalar', () => {
    assert.equal(requote('abc', 'a: b'), '"a: b"');
  });
  it('refuses what is not one scalar any more (the user typed since)', () => {
    assert.equal(requote('', 'x'), undefined);
    assert.equal(requote('a\nb', 'x'), undefined);
    assert.equal(requote('{ a: 1 }', 'x'), undefined);
    assert.equal(requote('x # note', 'y'), undefined);
    assert.equal(requote('a: b', 'y'), undefined);
    assert.equal(requote('- a', 'y'), undefined);
  });
});
