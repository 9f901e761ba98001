import { strict as assert } from 'node:assert';
import { byCloseness, closest, distanceWithin, editDistance } from '../../../src/core/closeness';

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
    // Speed is the bench's to measure; here the guess must still be right (and mocha's timeout
    // catches a hang).
    assert.deepEqual(byCloseness(long, [long + 'y', 'x']), [long + 'y', 'x']);
  });

  it('names the one candidate a typo most likely meant, only when it is within two edits', () => {
    const keys = ['version', 'agreement', 'sessions', 'tasks', 'threads'];
    assert.equal(closest('sesions', keys), 'sessions');
    assert.equal(closest('Agrement', keys), 'agreement', 'case does not count');
    assert.equal(closest('taks', keys), 'tasks');
    assert.equal(closest('tsks', ['tasks', 'tsk']), 'tasks', 'the first of equally close ones');
    assert.equal(closest('tasks', ['task', 'tasks']), 'tasks', 'an exact match beats an earlier near one');
    assert.equal(closest('owner', keys), undefined, 'three or more edits away is no guess');
    assert.equal(closest('abcde', ['ab']), undefined, 'three characters longer is three edits at least');
    assert.equal(closest('abcde', ['abc']), 'abc');
    assert.equal(closest('x', []), undefined);
    assert.equal(closest('ab', ['ad'], 0), undefined, 'a tighter bound');
  });

  it('distanceWithin is the edit distance up to its bound, and the bound plus one beyond it', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const word = (): string => Array.from({ length: next(9) }, () => 'abC'[next(3)]).join('');
    for (let k = 0; k < 20_000; k++) {
      const a = word();
      const b = word();
      const max = next(5);
      assert.equal(distanceWithin(a, b, max), Math.min(editDistance(a, b), max + 1), `${a} ${b} ${max}`);
    }
    assert.equal(distanceWithin('kitten', 'sitting', 3), 3);
    assert.equal(distanceWithin('kitten', 'sitting', 2), 3);
    assert.equal(distanceWithin('', '', 0), 0);
  });

  it('guesses among ids of any length (only the cells near the diagonal are computed)', () => {
    // Two ids of 200,000 characters: a full table would be 4e10 cells and never finish.
    const long = 'x'.repeat(200_000);
    assert.equal(closest(`a${long}`, ['b', `b${long}`, `c${long}`]), `b${long}`);
    assert.equal(closest(`a${long}`, [`${long}bcd`]), undefined);
  });
});
