/**
 * The one rule for what a mentoring file is (src/core/files.ts): the names, the extensions, the
 * folders skipped, and that the globs the editor searches and watches say the same as the
 * predicates the store and the CLI walker apply.
 */
import { strict as assert } from 'node:assert';
import {
  isFoundMentoringPath,
  isMentoringPath,
  isSkippedFolder,
  MENTORING_EXCLUDE,
  MENTORING_FILES_IN_WORDS,
  MENTORING_GLOB,
  MENTORING_PATTERNS,
  MENTORING_WATCH_GLOBS,
  normalizeEol,
  SKIPPED_FOLDERS,
  stripBom,
} from '../../../src/core/files';

/** A glob as VS Code reads these ones: `**\/` any folders (or none), `*` within a segment, `{a,b}` either. */
function globRegex(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      out += '/.*';
      i += 2;
    } else if (c === '*') out += '[^/]*';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const CORPUS = [
  '.mentoring.yaml',
  'team/a/.mentoring.yaml',
  '.mentoring/pair.yaml',
  '.mentoring/pair.yml',
  'team/.mentoring/ana-ben.yml',
  'team/.mentoring/ana-ben.yaml',
  '.mentoring.yml',
  'mentoring.yaml',
  '.mentoring.yaml.bak',
  '.mentoring/notes.md',
  '.mentoring/deep/x.yaml',
  '.mentoring/pair.yaml.orig',
  'node_modules/pkg/.mentoring.yaml',
  'a/node_modules/pkg/.mentoring/x.yml',
  '.git/x/.mentoring.yaml',
  '.vscode-test/workspace/.mentoring.yaml',
  'node_modules_old/.mentoring.yaml',
  'src/git/.mentoring/pair.yml',
];

describe('what a mentoring file is (core/files)', () => {
  it('is .mentoring.yaml at any depth, or a .yaml or .yml file directly in a .mentoring folder', () => {
    for (const p of ['/w/.mentoring.yaml', '/w/sub/dir/.mentoring.yaml', '/w/.mentoring/ana-ben.yaml', '/w/.mentoring/pair.yml', 'pair/.mentoring/x.yml']) {
      assert.ok(isMentoringPath(p), p);
    }
    for (const p of ['/w/mentoring.yaml', '/w/.mentoring.yml', '/w/.mentoring/notes.md', '/w/.mentoring/deep/x.yaml', '/w/.mentoring.yaml.bak', '/w/.mentoring/.yaml', '/w/.mentoring/.yml', '/w/.mentoring/x.yml.orig', '/w/x.yml']) {
      assert.ok(!isMentoringPath(p), p);
    }
  });

  it('skips node_modules, .git and .vscode-test at any depth, and only those names', () => {
    assert.deepEqual([...SKIPPED_FOLDERS].sort(), ['.git', '.vscode-test', 'node_modules']);
    for (const name of SKIPPED_FOLDERS) assert.ok(isSkippedFolder(name), name);
    for (const name of ['node_modules_old', 'git', '.github', '.mentoring', 'src']) assert.ok(!isSkippedFolder(name), name);
    assert.ok(isFoundMentoringPath('team/.mentoring/pair.yml'));
    assert.ok(isFoundMentoringPath('.mentoring.yaml'));
    assert.ok(!isFoundMentoringPath('node_modules/pkg/.mentoring.yaml'));
    assert.ok(!isFoundMentoringPath('a/b/.git/x/.mentoring/pair.yml'));
    assert.ok(!isFoundMentoringPath('.vscode-test/ws/.mentoring.yaml'));
    assert.ok(isFoundMentoringPath('node_modules_old/.mentoring.yaml'));
    assert.ok(!isFoundMentoringPath('node_modules/.mentoring/pair.yml'));
  });

  it('has one glob per form, .yml included, and the search glob and the watchers use exactly those', () => {
    assert.deepEqual([...MENTORING_PATTERNS], ['**/.mentoring.yaml', '**/.mentoring/*.yaml', '**/.mentoring/*.yml']);
    assert.equal(MENTORING_GLOB, `{${MENTORING_PATTERNS.join(',')}}`);
    assert.deepEqual([...MENTORING_WATCH_GLOBS], [...MENTORING_PATTERNS]);
    assert.equal(MENTORING_EXCLUDE, '**/{node_modules,.git,.vscode-test}/**');
    assert.match(MENTORING_FILES_IN_WORDS, /\.yml/);
  });

  it('the globs (minus the exclude) find exactly what the predicate accepts', () => {
    const search = globRegex(MENTORING_GLOB);
    const exclude = globRegex(MENTORING_EXCLUDE);
    const watched = MENTORING_WATCH_GLOBS.map(globRegex);
    for (const p of CORPUS) {
      const byGlob = search.test(p) && !exclude.test(p);
      assert.equal(isFoundMentoringPath(p), byGlob, p);
      // Watchers see every folder (no exclude): the store applies isFoundMentoringPath to what they report.
      assert.equal(watched.some((w) => w.test(p)), search.test(p), p);
    }
    // Both sides must have said yes and no somewhere, or the comparison proves nothing.
    assert.ok(CORPUS.filter(isFoundMentoringPath).length >= 5);
    assert.ok(CORPUS.filter((p) => !isFoundMentoringPath(p)).length >= 5);
  });
});

describe('files', () => {
  describe('mentoring paths', () => {
    it('recognises both file name forms', () => {
      assert.ok(isMentoringPath('/w/.mentoring.yaml'));
      assert.ok(isMentoringPath('/w/sub/dir/.mentoring.yaml'));
      assert.ok(isMentoringPath('/w/.mentoring/ana-ben.yaml'));
      assert.ok(isMentoringPath('/w/.mentoring/ana-ben.yml'));
      assert.ok(!isMentoringPath('/w/mentoring.yaml'));
      assert.ok(!isMentoringPath('/w/.mentoring/notes.md'));
      assert.ok(!isMentoringPath('/w/.mentoring/deep/x.yaml'));
      assert.ok(!isMentoringPath('/w/.mentoring.yaml.bak'));
    });
    it('normalises line endings and strips a BOM', () => {
      assert.equal(normalizeEol('a\r\nb\rc\n'), 'a\nb\nc\n');
      assert.equal(stripBom('\ufeffa'), 'a');
      assert.equal(stripBom('a'), 'a');
    });
  });
});
