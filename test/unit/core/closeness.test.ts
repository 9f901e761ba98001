import { strict as assert } from 'node:assert';
import { byCloseness, editDistance } from '../../../src/core/closeness';

describe('closeness (quick-fix candidates for a dangling reference)', () => {
  it('measures edit distance', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('', 'ab'), 2);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('2026-03-04', '2026-03-14'), 1);
    assert.equal(editDistance('tests-frist', 'tests-first'), 2);
  });

  it('puts the id a typo most likely meant first, keeping the order of equally close ones', () => {
    const sessions = ['2026-01-07', '2026-01-14', '2026-01-21', '2026-02-04', '2026-02-11', '2026-03-04', '2026-03-11'];
    // One edit away (01-14, 03-04, 03-11) first, in file order; then two (02-04, 02-11); then three.
    assert.deepEqual(byCloseness('2026-03-14', sessions), ['2026-01-14', '2026-03-04', '2026-03-11', '2026-02-04', '2026-02-11', '2026-01-07', '2026-01-21']);
    assert.deepEqual(byCloseness('retry-lop', ['docs', 'tests-first', 'retry-loop', 'retro']), ['retry-loop', 'retro', 'docs', 'tests-first']);
    assert.deepEqual(byCloseness('zzz', ['aa', 'bb', 'cc']), ['aa', 'bb', 'cc']);
    assert.equal(byCloseness('Tests-First', ['docs', 'tests-first'])[0], 'tests-first', 'case does not count');
  });

  it('leaves its input alone and handles no candidates', () => {
    const input = ['b', 'a'];
    assert.deepEqual(byCloseness('a', input), ['a', 'b']);
    assert.deepEqual(input, ['b', 'a']);
    assert.deepEqual(byCloseness('x', []), []);
  });

  it('stays cheap on very long ids (compares a bounded prefix)', () => {
    const long = 'x'.repeat(100_000);
    const start = Date.now();
    assert.deepEqual(byCloseness(long, [long + 'y', 'x']), [long + 'y', 'x']);
    assert.ok(Date.now() - start < 500, `took ${Date.now() - start} ms`);
  });
});
