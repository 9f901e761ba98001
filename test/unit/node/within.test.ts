import * as assert from 'node:assert/strict';
import { isAbsolute, join, relative } from 'node:path';
import { isWithin } from '../../../src/node/within';
import { isWithin as casWriteIsWithin } from '../../../src/node/casWrite';

describe('isWithin (src/node/within.ts)', () => {
  const root = join('/', 'work', 'repo');

  it('is casWrite’s isWithin (one function, re-exported there)', () => {
    assert.equal(casWriteIsWithin, isWithin);
  });

  it('holds for the root itself and for paths below it', () => {
    assert.equal(isWithin(root, root), true);
    assert.equal(isWithin(join(root, 'a'), root), true);
    assert.equal(isWithin(join(root, 'a', 'b.mentoring.yaml'), root), true);
    // As before the move: a name starting with two dots counts as outside (the safe side).
    assert.equal(isWithin(join(root, '..hidden'), root), false);
  });

  it('fails for the parent, a sibling with the same prefix, and elsewhere', () => {
    assert.equal(isWithin(join('/', 'work'), root), false);
    assert.equal(isWithin(join('/', 'work', 'repo2'), root), false);
    assert.equal(isWithin(join('/', 'etc', 'passwd'), root), false);
  });

  it('agrees with path.relative on a spread of paths', () => {
    const paths = ['/', '/work', '/work/repo', '/work/repo/', '/work/repo/x', '/work/repox', '/work/repo/../repo/y', '/work/other/repo'];
    for (const p of paths) {
      const rel = relative(root, p);
      assert.equal(isWithin(p, root), rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)), p);
    }
  });
});

describe('the CLI’s file search loads no node:crypto', () => {
  it('src/cli/find.ts imports isWithin from ../node/within, not ../node/casWrite', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(join(__dirname, '../../../src/cli/find.ts'), 'utf8');
    assert.match(src, /from '\.\.\/node\/within'/);
    assert.doesNotMatch(src, /casWrite|fileLock|node:crypto/);
  });
});
