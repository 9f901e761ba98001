import { strict as assert } from 'node:assert';
import { codeLink, parseCodeLink, titleFromSelection } from '../../../src/core/links';

describe('links', () => {
  describe('code links', () => {
    it('links one line as #L42 and a range as #L10-L20 (1-based)', () => {
      assert.equal(codeLink('src/billing/retry.ts', { startLine: 41, endLine: 41, endCharacter: 5 }), 'src/billing/retry.ts#L42');
      assert.equal(codeLink('src/a.ts', { startLine: 9, endLine: 19, endCharacter: 3 }), 'src/a.ts#L10-L20');
    });
    it('leaves out a last line the selection only touches at column 0', () => {
      assert.equal(codeLink('a.ts', { startLine: 9, endLine: 12, endCharacter: 0 }), 'a.ts#L10-L12');
      assert.equal(codeLink('a.ts', { startLine: 9, endLine: 10, endCharacter: 0 }), 'a.ts#L10');
    });
    it('uses forward slashes', () => {
      assert.equal(codeLink('src\\win\\a.ts', { startLine: 0, endLine: 0, endCharacter: 0 }), 'src/win/a.ts#L1');
    });
    it('parses links back', () => {
      assert.deepEqual(parseCodeLink('src/a.ts#L42'), { path: 'src/a.ts', startLine: 42, endLine: 42 });
      assert.deepEqual(parseCodeLink('src/a.ts#L10-L20'), { path: 'src/a.ts', startLine: 10, endLine: 20 });
      assert.deepEqual(parseCodeLink('src/a.ts'), { path: 'src/a.ts' });
      assert.deepEqual(parseCodeLink('src/a.ts#L20-L10'), { path: 'src/a.ts' });
      assert.deepEqual(parseCodeLink('src/a.ts#readme'), { path: 'src/a.ts' });
    });
    it('makes a short title from the selection', () => {
      assert.equal(titleFromSelection('\n   retry(n - 1);\n  more'), 'retry(n - 1);');
      const long = titleFromSelection('x'.repeat(100), 10);
      assert.equal(long.length, 10);
      assert.ok(long.endsWith('…'));
    });
  });

});
