import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyChange, minimalChange } from '../../../src/core/textDiff';

describe('textDiff', () => {
  describe('minimalChange', () => {
    it('replaces only the differing span', () => {
      const c = minimalChange('a: 1\nb: 2\nc: 3\n', 'a: 1\nb: 20\nc: 3\n');
      assert.deepEqual(c, { start: 9, end: 9, text: '0' });
    });
    it('returns undefined for equal texts', () => {
      assert.equal(minimalChange('x', 'x'), undefined);
    });
    it('handles appends, deletions and whole replacements', () => {
      assert.deepEqual(minimalChange('ab', 'abc'), { start: 2, end: 2, text: 'c' });
      assert.deepEqual(minimalChange('abc', 'ac'), { start: 1, end: 2, text: '' });
      assert.deepEqual(minimalChange('abc', 'xyz'), { start: 0, end: 3, text: 'xyz' });
    });
    it('never splits a CRLF or a surrogate pair', () => {
      const crlf = minimalChange('a\r\nb', 'a\r\r\nb');
      assert.ok(crlf);
      assert.notEqual('a\r\nb'.slice(crlf.start - 1, crlf.start + 1), '\r\n');
      const emoji = minimalChange('x\u{1F600}', 'x\u{1F601}');
      assert.deepEqual(emoji, { start: 1, end: 3, text: '\u{1F601}' });
    });
    it('round-trips on random texts (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
          assert.equal(applyChange(a, minimalChange(a, b)), b);
        }),
        { numRuns: 500 },
      );
      fc.assert(
        fc.property(fc.array(fc.constantFrom('a', '\r', '\n', '\r\n', 'b')), fc.array(fc.constantFrom('a', '\r', '\n', '\r\n')), (x, y) => {
          const a = x.join('');
          const b = y.join('');
          assert.equal(applyChange(a, minimalChange(a, b)), b);
        }),
        { numRuns: 500 },
      );
    });
  });

});
