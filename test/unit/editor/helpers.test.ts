import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyChange, minimalChange } from '../../../src/core/textDiff';
import { codeLink, parseCodeLink, titleFromSelection } from '../../../src/core/links';
import { isMentoringPath, normalizeEol, stripBom } from '../../../src/core/files';

describe('editor helpers', () => {
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

import { parseDate, parseWhen, toLocalIso, toPromptValue } from '../../../src/core/time';

describe('prompt dates and times', () => {
  it('reads local date-times and keeps explicit offsets', () => {
    const local = parseWhen('2026-12-03 15:00');
    assert.ok('iso' in local);
    assert.equal(Date.parse(local.iso), new Date(2026, 11, 3, 15, 0).getTime());
    assert.match(local.iso, /^2026-12-03T15:00:00[+-]\d{2}:\d{2}$/);
    assert.deepEqual(parseWhen('2026-12-03T09:30+01:00'), { iso: '2026-12-03T09:30:00+01:00' });
    assert.deepEqual(parseWhen('2026-12-03 9:30:15z'), { iso: '2026-12-03T09:30:15Z' });
  });
  it('explains what to type on bad input', () => {
    for (const bad of ['tomorrow', '2026-12-03', '2026-02-30 10:00', '2026-12-03 24:00', '2026-12-03 10:60']) {
      const r = parseWhen(bad);
      assert.ok('error' in r, bad);
      assert.match(r.error, /Type a date|does not exist/);
    }
  });
  it('reads dates', () => {
    assert.deepEqual(parseDate(' 2027-02-15 '), { date: '2027-02-15' });
    assert.ok('error' in parseDate('2027-02-30'));
    assert.ok('error' in parseDate('15/02/2027'));
  });
  it('formats local times with their offset', () => {
    const d = new Date(2026, 0, 5, 7, 4);
    assert.equal(Date.parse(toLocalIso(d)), d.getTime());
    assert.equal(toPromptValue(d), '2026-01-05 07:04');
  });
});

import { requote } from '../../../src/core/yaml/scalar';

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
