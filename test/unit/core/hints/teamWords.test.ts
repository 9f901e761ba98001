import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findHints } from '../../../../src/core/hints/index';
import { E } from '../../../../src/core/hints/ruleKit';
import { foldKey, inflected, teamMatcher } from '../../../../src/core/hints/teamWords';

/** The list as the engine hands it to the rule: trimmed, unique, sorted, lower-cased, with a letter or digit (index.ts, rules.ts). */
function asEngine(list: readonly string[]): string[] {
  return [...new Set(list.map((x) => x.trim()).filter((x) => x.length > 0))]
    .sort()
    .map((x) => x.toLowerCase())
    .filter((x) => /[\p{L}\p{N}]/u.test(x));
}

/** The regex the rule compiled before ./teamWords.ts: every entry's alternative, longest first, in one alternation. */
function oldRegex(words: readonly string[], flags: string): RegExp {
  const alts = words.map(inflected).sort((a, b) => b.length - a.length);
  return new RegExp(`(?:${alts.join('|')})${E}`, flags);
}

function oldMatch(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.exec(text)?.[0].length ?? -1;
}

// Letters whose case or folding is tricky, accents, apostrophes, hyphens and punctuation.
const CHARS = ['a', 'b', 'c', 'e', 'y', 's', 'k', 'i', 'é', 'É', 'ß', 'ẞ', 'ſ', 'σ', 'ς', 'Σ', '\u212a', 'K', 'İ', 'ı', 'I', 'µ', 'μ', 'ΐ', '\u1fd3', 'ﬅ', 'ﬆ', '1', '-', "'", '\u2019', '.', '?', '*', '+', '(', '😀'];
const piece = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const entry = fc.array(piece, { minLength: 1, maxLength: 3 }).chain((ps) => fc.constantFrom(' ', '  ', '-', '\t').map((sep) => ps.join(sep)));
const SUFFIXES = ['', 's', 'es', 'ed', 'ing', 'ly', 'er', 'est', 'ness', 'y', 'ier', 'iest', 'ily', 'ies', 'e', 'eness', 'ely'];

/** A list with entries that extend others (one a prefix of another) and a comment built from its entries, changed a little. */
const listAndText = fc.array(entry, { minLength: 1, maxLength: 8 }).chain((base) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...base), fc.constantFrom('', ' ', '-', 'e', 'y', 'es', "'s"), piece), { maxLength: 4 }),
      fc.array(
        fc.oneof(
          fc.tuple(fc.constantFrom(...base), fc.constantFrom(...SUFFIXES), fc.boolean()).map(([w, s, up]) => {
            const t = w + s;
            return up ? t.toUpperCase() : t;
          }),
          piece,
          fc.constantFrom(' ', '  ', '\n', ', ', '. ', '-', '_', "'"),
        ),
        { maxLength: 14 },
      ),
    )
    .map(([extra, parts]) => ({ list: [...base, ...extra.map(([w, sep, p]) => w + sep + p)], text: parts.join('') })),
);

describe('hint engine: team words through one lookup (teamWords.ts)', () => {
  it('finds the same match as the one alternation at every position, both ways of matching', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(listAndText, ({ list, text }) => {
        const words = asEngine(list);
        if (words.length === 0) return;
        const matcher = teamMatcher(words);
        const slow = oldRegex(words, 'imuy');
        const fast = oldRegex(words, 'muy');
        const lower = text.toLowerCase();
        // At every code point (the engine never starts inside a surrogate pair: tokens are runs of code points).
        for (let at = 0; at < text.length; at += text.codePointAt(at)! > 0xffff ? 2 : 1) {
          assert.equal(matcher.matchAt(text, at, false), oldMatch(slow, text, at), `imuy at ${at} of ${JSON.stringify(text)}, list ${JSON.stringify(words)}`);
        }
        for (let at = 0; at < lower.length; at += lower.codePointAt(at)! > 0xffff ? 2 : 1) {
          assert.equal(matcher.matchAt(lower, at, true), oldMatch(fast, lower, at), `muy at ${at} of ${JSON.stringify(lower)}, list ${JSON.stringify(words)}`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('lets the longest entry win over one it extends, and the first listed among equals', () => {
    const words = asEngine(['hack', 'hack job', 'hacky', 'Hand-wavy', 'hand-waving']);
    const m = teamMatcher(words);
    assert.equal(m.matchAt('a hack  job here', 2, false), 'hack  job'.length);
    assert.equal(m.matchAt('a hacks here', 2, false), 'hacks'.length);
    assert.equal(m.matchAt('so HAND-WAVIER', 3, false), 'HAND-WAVIER'.length);
    // The alternation tries the longest source first: "hand"'s (with its nine endings) is longer than "hand-wavy"'s.
    assert.equal(teamMatcher(asEngine(['hand-wavy', 'hand'])).matchAt('so hand-wavy', 3, true), 'hand'.length);
    assert.equal(m.matchAt('so hackathon', 3, false), -1);
    assert.equal(m.matchAt('ſo hack', 0, false), -1);
    // "ſ" and the Kelvin sign match "s" and "k" under `iu`, as the one regex let them.
    assert.equal(teamMatcher(['sketchy']).matchAt('\u017f\u212aetchy', 0, false), 7);
    assert.equal(teamMatcher(['σκληρός']).matchAt('ΣΚΛΗΡΌΣ', 0, false), 7);
  });

  it('gives a key constant on every class of simple case folding (every cased code point)', function () {
    this.timeout(60_000);
    const cased: string[] = [];
    const CASED = /[\p{Cased}\p{Changes_When_Casefolded}\p{Changes_When_Casemapped}]/u;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (CASED.test(ch)) cased.push(ch);
    }
    // Whenever a regex with `iu` takes two letters as one, their keys are the same.
    for (const ch of cased) {
      const re = new RegExp(`^${ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'iu');
      const key = foldKey(ch);
      for (const other of cased) {
        if (re.test(other) && foldKey(other) !== key) assert.fail(`U+${ch.codePointAt(0)!.toString(16)} matches U+${other.codePointAt(0)!.toString(16)} under iu, keys ${key} and ${foldKey(other)}`);
      }
    }
  });

  it('keeps the hint of a long list (the rule through the engine)', () => {
    const list = Array.from({ length: 5000 }, (_, i) => `zorp${i.toString(36)}`);
    const comment = 'This retry loop is zorp1a. The naming is zorpq, honestly. Why zorpzz here?';
    const hints = findHints(comment, { extraJudgmentWords: list });
    assert.equal(hints.filter((h) => h.rule === 'team-word').length, 3);
    assert.deepEqual(hints, findHints(comment, { extraJudgmentWords: ['zorp1a', 'zorpq', 'zorpzz'] }));
  });
});
