import * as assert from 'node:assert/strict';
import { isInside, pathStyleOf } from '../../../../src/core/seal/paths';

describe('seal/paths: is a file inside a folder', () => {
  const posix = pathStyleOf('linux');
  const mac = pathStyleOf('darwin');
  const win = pathStyleOf('win32');

  it('follows segments, not string prefixes', () => {
    assert.equal(isInside('/work/repo/notes/s.md', '/work/repo', posix), true);
    assert.equal(isInside('/work/repo', '/work/repo/', posix), true);
    assert.equal(isInside('/work/repo-other/s.md', '/work/repo', posix), false);
    assert.equal(isInside('/work/repo/../elsewhere/s.md', '/work/repo', posix), false);
    assert.equal(isInside('/work', '/work/repo', posix), false);
  });

  it('ignores case where the file system does (darwin, win32), not on Linux', () => {
    assert.equal(isInside('/Users/Ana/Repo/s.md', '/users/ana/repo', posix), false);
    assert.equal(isInside('/Users/Ana/Repo/s.md', '/users/ana/repo', mac), true);
    assert.equal(isInside('C:\\Users\\Ana\\Repo\\s.md', 'c:/users/ana/repo', win), true);
    assert.equal(isInside('D:\\Repo\\s.md', 'C:\\Repo', win), false);
  });

  it('a platform it does not know (the web) is case-sensitive POSIX', () => {
    assert.deepEqual(pathStyleOf(undefined), { caseInsensitive: false, windows: false });
  });
});
