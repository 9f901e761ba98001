import { strict as assert } from 'node:assert';
import { FOLD_UNSAFE_RE, foldable, foldCase } from '../../../../src/core/hints/fold';
import { findHints } from '../../../../src/core/hints/index';
import { RULES } from '../../../../src/core/hints/rules';
import { B } from '../../../../src/core/hints/ruleKit';
import { maskSkipped } from '../../../../src/core/hints/tokenize';
import { fixture } from '../../../fixtures';

describe('hint engine: matching without the i flag (fold.ts)', () => {
  it('lets through sources with lower-case letters, escapes and the closed classes', () => {
    for (const src of [
      String.raw`wrong(?:ly)?`,
      String.raw`\S+\s*[a-z0-9_-]+`,
      String.raw`(?<![\p{L}\p{N}_])bad(?![\p{L}\p{N}_])`,
      String.raw`don['\u2019]t`,
      String.raw`(?<=\b(?:is|was)\s+)poor(?=\s*[.!]|\s*$)`,
      String.raw`\p{Extended_Pictographic}\uFE0F?`,
      String.raw`[\-.!?\u2026]+`,
      '\u2019s',
    ]) {
      assert.equal(foldable(src), true, src);
    }
  });

  it('refuses upper-case letters, cased characters beyond ASCII, back-references and unknown properties', () => {
    for (const src of [
      'NOT',
      '[A-Z]+',
      '[a-zA-Z]',
      String.raw`(\w)\1`,
      String.raw`(?<w>a)\k<w>`,
      String.raw`\p{Lu}`,
      String.raw`\P{L}`,
      'caf\u00e9',
      String.raw`caf\u00e9`,
      '[\u00e0-\u00ff]',
      String.raw`\cA`,
      '[abc',
    ]) {
      assert.equal(foldable(src), false, src);
    }
  });

  it('folds every rule pattern of the engine (an upper-case letter in one costs its i-flag compilation again)', () => {
    const refused = RULES.filter((r) => !r.scan && !foldable(r.pattern)).map((r) => r.id);
    assert.deepEqual(refused, []);
  });

  it('lists every character where lower-casing plus u differs from iu, for the classes it lets through', () => {
    // Only a character with a case can behave differently under i; each is compared both ways.
    const cased = /[\p{Cased}\p{Changes_When_Casefolded}\p{Changes_When_Casemapped}]/u;
    const atoms = [
      String.raw`\p{L}`, String.raw`\p{N}`, String.raw`\p{Extended_Pictographic}`, String.raw`[^\p{L}]`, String.raw`[^\p{N}]`,
      String.raw`[^\p{L}\p{N}_]`, String.raw`[^\p{Extended_Pictographic}]`, String.raw`\w`, String.raw`\W`, String.raw`[^\w]`,
      String.raw`\s`, String.raw`\S`, String.raw`\d`, String.raw`\D`, '.', '[a-z]', '[^a-z]',
    ].map((a) => [new RegExp(`^${a}$`, 'iu'), new RegExp(`^${a}$`, 'u')] as const);
    const letters = [...'abcdefghijklmnopqrstuvwxyz'].map((x) => new RegExp(`^${x}$`, 'iu'));
    const unsafe: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!cased.test(c)) continue;
      const lower = c.toLowerCase();
      const differs =
        lower.length !== c.length || /[a-z]/.test(lower) || letters.some((l) => l.test(c)) || atoms.some(([iu, u]) => iu.test(c) !== u.test(lower));
      if (differs) unsafe.push(c);
    }
    assert.ok(unsafe.length > 0);
    for (const c of unsafe) assert.ok(FOLD_UNSAFE_RE.test(c), `U+${c.codePointAt(0)!.toString(16)} is missing from FOLD_UNSAFE_RE`);
    assert.equal(foldCase('Stra\u00dfe \u0130stanbul'), undefined);
    assert.equal(foldCase('THIS is \u00c9t\u00c9'), 'this is \u00e9t\u00e9');
  });

  it('matches every rule pattern at every word exactly as imuy does, on mixed-case and accented text', () => {
    const rows = fixture('hints/mentoring.jsonl')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const variants = rows.flatMap((t) => [
      t,
      t.toUpperCase(),
      t.replace(/\b(\w)/g, (m) => m.toUpperCase()),
      t.replace(/e/g, '\u00e9').replace(/a/g, '\u00c0'),
      t.replace(/o/g, '\u039f').replace(/i/g, '\u0406'),
    ]);
    const pairs = RULES.filter((r) => !r.scan).map((r) => {
      const src = r.pattern.startsWith(B) ? r.pattern.slice(B.length) : r.pattern;
      return [r.id, new RegExp(src, 'imuy'), new RegExp(src, 'muy')] as const;
    });
    let compared = 0;
    for (const text of variants) {
      const masked = maskSkipped(text);
      const lower = foldCase(masked);
      if (lower === undefined) continue;
      for (const m of masked.matchAll(/[\p{L}\p{N}_'\u2019*#@$%!]+/gu)) {
        for (const [id, iu, u] of pairs) {
          iu.lastIndex = u.lastIndex = m.index;
          const a: number | undefined = iu.exec(masked)?.[0].length;
          const b: number | undefined = u.exec(lower)?.[0].length;
          if (a !== b) assert.fail(`${id} at ${m.index} of ${JSON.stringify(text)}: ${a} with imuy, ${b} folded`);
          compared++;
        }
      }
    }
    assert.ok(compared > 100_000, `${compared} comparisons`);
  });

  it('gives the same hints to a text it refuses to fold, through the i-flag patterns', () => {
    // "ſ" (long s) matches "s" under i: the refused text still gets its hint, from the imuy pattern.
    const hints = findHints('This is u\u017feless, the code is ugly. \u0130');
    assert.deepEqual(
      hints.map((h) => h.rule),
      findHints('This is useless, the code is ugly. \u0130').map((h) => h.rule),
    );
    assert.ok(hints.length > 0);
  });
});
