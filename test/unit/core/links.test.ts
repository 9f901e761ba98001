import { strict as assert } from 'node:assert';
import { checkCodeLink, checkWorkspacePath, codeLink, parseCodeLink, titleFromSelection } from '../../../src/core/links';

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

describe('core/links: checkWorkspacePath and checkCodeLink (the one path rule)', () => {
  it('refuses a path or link over 500 characters as a whole', () => {
    const long = `src/${'a/'.repeat(250)}x.ts`;
    assert.deepEqual(checkWorkspacePath(long), { ok: false, reason: 'the link is longer than 500 characters' });
    assert.equal(checkCodeLink(`${'b/'.repeat(247)}x.ts#L1`).ok, false); // the path fits, the link does not
    assert.equal(checkCodeLink('src/a.ts#L10-L20').ok, true);
  });

  it('refuses what leaves the workspace folder or is not a path', () => {
    for (const bad of ['../../etc/passwd', 'src/../../x', './a', '/etc/passwd', '~/.ssh/config', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'C:/x', 'a\\b', 'a\nb', '']) {
      assert.equal(checkCodeLink(bad).ok, false, JSON.stringify(bad));
    }
    assert.deepEqual(checkWorkspacePath('src/billing/retry.ts'), { ok: true, segments: ['src', 'billing', 'retry.ts'] });
  });
});
