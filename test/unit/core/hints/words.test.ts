/**
 * How the engine finds the words it looks up (src/core/hints/index.ts: the word scan, the quick
 * no on the first two letters, prefixes by length, de-elongation, the word-start test outside the
 * rules' regexes). Each case pins what a word becomes, including the odd corners.
 */
import * as assert from 'node:assert/strict';
import { findHints, type HintOptions } from '../../../../src/core/hints';

function found(text: string, options?: HintOptions): [string, string][] {
  return findHints(text, options).map((h) => [h.rule, text.slice(h.start, h.end)]);
}

describe('hints: finding the words', () => {
  it('hears elongated words in any case, through the prefix and the exact tables', () => {
    assert.deepEqual(found('Fuuuck this.'), [['profanity', 'Fuuuck']]);
    assert.deepEqual(found('UGGHH, this again.'), [['judgment-word', 'UGGHH, this again.']]);
    assert.deepEqual(found('wtfff'), [['profanity', 'wtfff']]);
    assert.deepEqual(found('ewww'), [['judgment-word', 'ewww']]);
    assert.deepEqual(found('Ew.'), []);
  });

  it('hears "screw-up" with or without its hyphen, and offers "mistake" for the noun', () => {
    assert.deepEqual(found('This is a massive screw-up.'), [['profanity', 'screw-up']]);
    assert.deepEqual(found('Two screwups in one release.'), [['profanity', 'screwups']]);
    assert.equal(findHints('This is a massive screw-up.')[0]?.rewrites[0], 'mistake');
    assert.deepEqual(found('Tighten the screw on the fan.'), []);
  });

  it('finds a prefix trigger inside a longer word, and capitals', () => {
    assert.deepEqual(found('Assholes.'), [['profanity', 'Assholes']]);
    assert.deepEqual(found('This is STUPID.'), [['judgment-word', 'This is STUPID.']]);
  });

  it('a letter, digit or underscore glued to the word means it is another word', () => {
    // An astral letter (two UTF-16 units) and `_` both belong to the word before the judgment.
    assert.deepEqual(found('This is so 𝐀wrong.'), []);
    assert.deepEqual(found('This is _stupid.'), []);
    assert.deepEqual(found('This is stupid_.'), []);
    assert.deepEqual(found('This is a mess\u2019s end'), []);
  });

  it("a team's one-letter word is a prefix of every word that starts with it", () => {
    const team = { extraJudgmentWords: ['i'] };
    // "is" is "i" inflected: the first such word takes the sentence's one judgment.
    assert.deepEqual(found('This is STUPID.', team), [['team-word', 'This is STUPID.']]);
    assert.deepEqual(found('i', team), [['team-word', 'i']]);
    assert.deepEqual(found('This is janky.', { extraJudgmentWords: ['janky'] }), [['team-word', 'This is janky.']]);
  });

  it('finds the same words whether the trigger table is a trie (a short team list) or too large for one (a long list)', () => {
    // 4,000 made-up words of twelve letters: more trie nodes than the engine builds, so every word goes through the memo.
    const filler = Array.from({ length: 4000 }, (_, i) => `zq${i.toString(36).padStart(4, '0')}wordlist`);
    const short = { extraJudgmentWords: ['janky', 'meh'] };
    const long = { extraJudgmentWords: ['janky', 'meh', ...filler] };
    for (const text of ['This is janky.', 'Meh, just use a map.', 'Fuuuck this.', 'This is STUPID and wrong.', 'Assholes.', 'Ew.', 'is this OK? it looks fine', `A ${filler[7]!} here.`]) {
      const want = text.includes(filler[7]!) ? [['team-word', `A ${filler[7]!} here.`]] : found(text, short);
      assert.deepEqual(found(text, long), want, text);
    }
    assert.deepEqual(found('This is janky.', long), [['team-word', 'This is janky.']]);
  });
});
