import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { HINT_RULE_IDS, HINT_CATEGORIES as CATEGORY_IDS } from '../../../../src/core/hints/ids';
import { findHints, HINT_CATEGORIES, HINT_RULES, type Hint, type HintOptions } from '../../../../src/core/hints/index';

/** The text with rewrite `i` of `h` applied. */
function apply(text: string, h: Hint, i = 0): string {
  const r = h.rewrites[i];
  assert.ok(r !== undefined, `hint ${h.rule} has no rewrite ${i}`);
  return text.slice(0, h.start) + r + text.slice(h.end);
}

/** The only hint in `text`; fails with the list when there are none or several. */
function only(text: string, options?: HintOptions): Hint {
  const hints = findHints(text, options);
  assert.equal(hints.length, 1, `${JSON.stringify(text)}: expected one hint, got ${JSON.stringify(hints.map((h) => [h.rule, text.slice(h.start, h.end)]))}`);
  return hints[0]!;
}

/**
 * Positive cases: [text, rule, the exact text of the hint's range]. The range must be the first
 * occurrence of that text (every case below is written so that it is).
 */
const POSITIVES: readonly [string, string, string][] = [
  // judgments: the range is the sentence, so the rewrite can be a whole question
  ['This is wrong.', 'judgment-word', 'This is wrong.'],
  // the learned model (./model.test.ts): no cue word, a statement aimed at someone, 120+ characters
  [
    'Honestly I have been waiting for months and you people keep promising things that never come, so forget it, I am out of here and will tell everyone else to stay away too.',
    'heated-tone',
    'Honestly I have been waiting for months and you people keep promising things that never come, so forget it, I am out of here and will tell everyone else to stay away too.',
  ],
  ['Looks fine overall. This loop is really ugly though.', 'judgment-word', 'This loop is really ugly though.'],
  ['Ugly hack.', 'judgment-word', 'Ugly hack.'],
  ['What a mess', 'judgment-word', 'What a mess'],
  ['This code is garbage.', 'judgment-word', 'This code is garbage.'],
  ['These checks are completely useless.', 'judgment-word', 'These checks are completely useless.'],
  ['That was a stupid idea', 'judgment-word', 'That was a stupid idea'],
  ['Terrible naming!', 'judgment-word', 'Terrible naming!'],
  ['horrendous', 'judgment-word', 'horrendous'],
  ['The uglier of the two options.', 'judgment-word', 'The uglier of the two options.'],
  ['nit: this is hacky', 'judgment-word', 'this is hacky'],
  ['This is useless.', 'judgment-word', 'This is useless.'],
  ['This function is useless.', 'judgment-word', 'This function is useless.'],
  ["It's useless", 'judgment-word', "It's useless"],
  ['This sucks.', 'sucks', 'This sucks.'],
  ['The error handling kinda sucks here', 'sucks', 'The error handling kinda sucks here'],
  ['I hate these macros.', 'hate', 'I hate these macros.'],
  // blame
  ['You always forget the changelog.', 'you-always', 'You always forget the changelog.'],
  ["Sorry, but you're always late with reviews.", 'you-always', "Sorry, but you're always late with reviews."],
  ['you never write tests', 'you-always', 'you never write tests'],
  ["Why didn't you add a test?", 'why-didnt-you', "Why didn't you"],
  ['It was your fault the build broke.', 'your-fault', 'your fault'],
  ['You broke the build again.', 'your-fault', 'You broke'],
  ['Shame on you!', 'your-fault', 'Shame on you'],
  ['You should know better.', 'your-fault', 'You should know better'],
  ["You clearly don't understand async.", 'you-dont-understand', "You clearly don't understand"],
  // minimizers: the range takes the trailing space so that deleting it leaves clean text
  ['You can just call close().', 'minimizer-just', 'just '],
  ['Why not simply return early?', 'minimizer-just', 'simply '],
  ['You should just drop it.', 'minimizer-just', 'just '],
  ['One day you could just drop it.', 'minimizer-just', 'just '],
  ['Looks odd, just use a map.', 'minimizer-just', 'just '],
  ['Not needed here; simply return early.', 'minimizer-just', 'simply '],
  ['Looks odd - just use a map.', 'minimizer-just', 'just '],
  ['Looks odd \u2014 just use a map.', 'minimizer-just', 'just '],
  ['Obviously, this leaks.', 'minimizer-obviously', 'Obviously, t'],
  ['this obviously leaks', 'minimizer-obviously', 'obviously '],
  ['Of course you can cache it.', 'minimizer-obviously', 'Of course y'],
  ["It's trivial.", 'minimizer-easy', 'trivial'],
  ['This should be easy', 'minimizer-easy', 'easy'],
  ['A no-brainer.', 'minimizer-easy', 'no-brainer'],
  // bare commands
  ['Fix this.', 'bare-command', 'Fix this.'],
  ['Looks odd. Remove this', 'bare-command', 'Remove this'],
  ['- change that now!', 'bare-command', 'change that now!'],
  ['Get rid of this helper.', 'bare-command', 'Get rid of this helper.'],
  ['Clean this up.', 'bare-command', 'Clean this up.'],
  ['Remove this entire if block.', 'bare-command', 'Remove this entire if block.'],
  // judgments disguised as questions
  ['Why would you use a global here?', 'why-would-you', 'Why would you'],
  ['why would anyone do this', 'why-would-you', 'why would anyone'],
  ['Why on earth is this here?', 'why-would-you', 'Why on earth'],
  ['Did you even run the tests?', 'did-you-even', 'Did you even'],
  ['What were you thinking?', 'rhetorical-question', 'What were you thinking'],
  ['Who wrote this?', 'rhetorical-question', 'Who wrote this'],
  ['How hard is it to add a test?', 'rhetorical-question', 'How hard is it to'],
  ['Are you kidding me?', 'rhetorical-question', 'Are you kidding'],
  ['Seriously?', 'seriously', 'Seriously?'],
  ['Really?!', 'seriously', 'Really?!'],
  ['Seriously, again.', 'seriously', 'Seriously, a'],
  // sarcasm
  ['Great, another wrapper class.', 'sarcasm', 'Great, another'],
  ['Nice job breaking the build.', 'sarcasm', 'Nice job breaking'],
  ['Thanks for nothing.', 'sarcasm', 'Thanks for nothing'],
  ['Oh great.', 'sarcasm', 'Oh great.'],
  ['what a surprise, it fails', 'sarcasm', 'what a surprise, it fails'],
  // profanity and insults, with common and masked spellings
  ['damn, missed that', 'profanity', 'damn'],
  ['Dammit.', 'profanity', 'Dammit'],
  ['wtf is this', 'profanity', 'wtf'],
  ['WTF, why is this here?', 'profanity', 'WTF'],
  ['The tabs make this a bitch to read.', 'profanity', 'bitch'],
  ['This is f*cked up', 'profanity', 'f*cked'],
  ['oh fu**', 'profanity', 'fu**'],
  ['sh!t happens', 'profanity', 'sh!t'],
  ['fuuuuck', 'profanity', 'fuuuuck'],
  ['what a crappy API', 'judgment-word', 'what a crappy API'],
  ['pain in the ass', 'profanity', 'ass'],
  ['rebase hell', 'profanity', 'hell'],
  ['darn it', 'profanity', 'darn'],
  ['Sorry, brain fart.', 'profanity', 'brain fart'],
  ['That was half-assed.', 'profanity', 'assed'],
  ['This is fugly.', 'judgment-word', 'This is fugly.'],
  ['This code is a joke.', 'judgment-word', 'This code is a joke.'],
  ['You idiot.', 'insult', 'idiot'],
  ['written by morons', 'insult', 'morons'],
  ['Threads sux', 'sucks', 'Threads sux'],
  // sentence cues (./cues): the range is the sentence, so the rewrite can ask the whole point
  ['You should have added a test.', 'you-should-have', 'You should have added a test.'],
  ['Looks odd. You need to handle the error case.', 'you-need-to', 'You need to handle the error case.'],
  ['For the hundredth time, no build folder.', 'pile-on', 'For the hundredth time, no build folder.'],
  ["I'm tired of pointing this out.", 'impatience', "I'm tired of pointing this out."],
  ["You're being lazy.", 'personal-attack', "You're being lazy."],
  ['Since when do we commit generated files?', 'rhetorical-why', 'Since when do we commit generated files?'],
  ["Don't do this.", 'dont-do-this', "Don't do this."],
  ['This breaks everything!!!', 'shouting', 'This breaks everything!!!'],
  ['Sure, because that worked so well last time.', 'sarcastic-praise', 'Sure, because that worked so well last time.'],
  ['Looks odd. This is broken.', 'blunt-verdict', 'This is broken.'],
  ['Nope.', 'curt-dismissal', 'Nope.'],
  ['Can you not hardcode the path?', 'disguised-order', 'Can you not hardcode the path?'],
  // heated threads (./heat)
  ['Looks good. I am so frustrated with this flaky installer.', 'frustration', 'I am so frustrated with this flaky installer.'],
  ['We pay for this service.', 'entitlement', 'We pay for this service.'],
  ["Fine. You didn't even bother with the docs.", 'contempt', "You didn't even bother with the docs."],
  ['How is anyone supposed to read this log?', 'complaint-question', 'How is anyone supposed to read this log?'],
  ['Just fork it.', 'fork-it', 'Just fork it.'],
];

describe('hints: the light id list the file check uses (src/core/hints/ids.ts)', () => {
  it('names exactly the rules and categories of the engine', () => {
    assert.deepEqual([...HINT_RULE_IDS].sort(), HINT_RULES.map((r) => r.id).sort());
    assert.deepEqual(CATEGORY_IDS, HINT_CATEGORIES);
  });
});

describe('hints: every rule, positive cases with exact ranges', () => {
  for (const [text, rule, range] of POSITIVES) {
    it(`${rule}: ${JSON.stringify(text)}`, () => {
      const h = only(text);
      assert.equal(h.rule, rule);
      assert.equal(text.slice(h.start, h.end), range);
      assert.equal(h.start, text.indexOf(range));
      assert.ok(h.message.length > 20, 'a message that explains');
      assert.ok(h.rewrites.length > 0, 'at least one rewrite');
      assert.equal(HINT_RULES.find((r) => r.id === rule)?.category, h.category);
    });
  }

  it('covers every rule of HINT_RULES (team-word is tested with options)', () => {
    const covered = new Set(POSITIVES.map((p) => p[1]));
    const missing = HINT_RULES.map((r) => r.id).filter((id) => id !== 'team-word' && !covered.has(id));
    assert.deepEqual(missing, []);
  });
});

/** Negative cases: [text, why it is not a hint]. */
const NEGATIVES: readonly [string, string][] = [
  // genuine questions
  ['What led you to use a global here?', 'genuine question'],
  ['Have you considered using a map?', 'genuine question'],
  ['Could we extract this into a helper?', 'genuine question'],
  ['Could we just use a map?', 'a proposal with "just" inside a genuine question'],
  ['We should just drop it.', 'a proposal that includes the writer ("we"), not advice that it was easy for the author'],
  ["I think we can just revert that for now.", 'a proposal that includes the writer'],
  ['One could simply raise the limit for larger maps.', 'a generic "one"'],
  ['What do you think about renaming this?', 'genuine question'],
  ["Is there a reason this isn't async?", 'genuine question'],
  ['How does this behave when the list is empty?', 'genuine question'],
  ['Why did you choose a map here?', 'genuine question'],
  ['Why is this needed?', 'genuine question'],
  ['Would it make sense to cache this?', 'genuine question'],
  ['Do we need this check?', 'genuine question'],
  ['Is this really needed?', '"really" inside a question is not "Really?"'],
  ['Would it be silly to cache the result?', 'asking about one\'s own idea'],
  ['Probably a dumb C question: why is this static?', 'about one\'s own question'],
  ['Do we need a factory here (it seems awfully Java-like)?', '"awfully" as an intensifier'],
  // Conventional Comments labels, praise, neutral statements
  ['question: what happens when the list is empty?', 'label + question'],
  ['suggestion (non-blocking): remove this.', 'a labelled suggestion is not a bare command'],
  ['nitpick: rename it', 'label'],
  ['praise: nice work on the retry loop!', 'praise'],
  ['Nice work removing the dead code!', 'praise, not sarcasm'],
  ['Great, thanks!', 'praise'],
  ['Oh great, thanks for the fix.', 'thanks, not sarcasm'],
  ['Good catch.', 'praise'],
  ['Please remove this.', 'polite request'],
  ['This returns null when the list is empty.', 'neutral'],
  ['Just curious, why a map?', '"just" that is not advice'],
  ['I just noticed this is duplicated in utils.', '"just" about oneself'],
  ['It is easy to miss.', 'kind'],
  ['This class is trivially copyable.', 'technical term'],
  ['Of course, thanks!', 'agreement'],
  // technical senses and self-directed words
  ['garbage collection runs here', 'technical'],
  ['The lazy loader is fine.', 'technical'],
  ['useless assignment to x', 'technical note, like "unused"'],
  ['Removes a useless cast.', 'technical note'],
  ['If it fails, could we just retry once?', 'a proposal as a question'],
  ["It's just a rename.", '"just" describing the change, not the author\'s effort'],
  ['Run it with -just use as the flag.', 'a dash glued to the word is not a clause break'],
  ['Returns 400 Bad Request on invalid input.', 'technical'],
  ['My bad, fixed.', 'self'],
  ['Not bad at all!', 'praise'],
  ['I was wrong about this.', 'self'],
  ["What's wrong with the old one?", 'question'],
  ['If anything goes wrong we retry.', 'neutral'],
  ["I'm an idiot, fixed now.", 'self-directed'],
  ['Silly me, I forgot the import.', 'self-directed'],
  ['Dumb question: where is this used?', 'self-directed'],
  ['An idiot-proof API.', 'describes the design'],
  ['Not your fault, the old flag was misnamed.', 'kindness, not blame'],
  ['A knee-jerk fix would hide the bug.', 'not an insult'],
  ['This uses the wrong index.', 'a specific correction, not a verdict'],
  ['The driver should stay as dumb as possible.', 'a design goal'],
  ['WTF::Vector is fine here', 'Chromium namespace'],
  ['Should this live in platform/wtf/HashTable.h?', 'Chromium\'s WTF library in a path'],
  ['The style guide prefers the WTF types here.', 'the WTF library by name'],
  ['The videos are also mirrored on BitChute.', 'a site name, not a swear word'],
  ['The shell prints hello', 'no profanity in shell'],
  ['Please assert the class passes.', 'no "ass" inside words'],
  ['You never know with flaky tests.', 'idiom'],
  ['Remove the white space here.', '"remove the…" is not "remove this"'],
  ['Remove these, as you have #pragma once already.', 'a command with its reason'],
  ['Drop this method: the config fields are now unused.', 'a command with its reason'],
  ['Kill this line once the return below is a tail call.', 'a command with its condition'],
  ['Remove this blank line, it violates W391.', 'a command with its reason'],
];

describe('hints: negative cases', () => {
  for (const [text, why] of NEGATIVES) {
    it(`${why}: ${JSON.stringify(text)}`, () => {
      assert.deepEqual(findHints(text).map((h) => [h.rule, text.slice(h.start, h.end)]), []);
    });
  }
});

describe('hints: skipped regions', () => {
  const cases: readonly [string, string][] = [
    ['inline code', 'Use `wrong_value` here.'],
    ['double backticks', 'The ``stupid `x` trick`` is in the docs.'],
    ['fenced block', 'See below.\n\n```\n// this is wrong, damn\nfix this\n```\n'],
    ['tilde fence', '~~~\nugly()\n~~~'],
    ['unclosed fence', 'Context:\n```\nhorrible\n'],
    ['quote line', '> This is wrong.\nI see what you mean.'],
    ['URL', 'See https://example.com/stupid-bugs/wtf for details.'],
    ['www URL', 'See www.example.com/ugly for details.'],
    ['double quotes', 'The error says "this is garbage" when it fails.'],
    ['curly quotes', 'The log prints \u201cwtf\u201d at start-up.'],
    ['single quotes', "I would not use 'sucks' in a log message."],
  ];
  for (const [name, text] of cases) {
    it(`skips ${name}`, () => {
      assert.deepEqual(findHints(text).map((h) => [h.rule, text.slice(h.start, h.end)]), []);
    });
  }

  it('still flags text outside the skipped region, with offsets into the original text', () => {
    const text = 'Use `wrong_value` here. Damn.';
    const h = only(text);
    assert.equal(h.rule, 'profanity');
    assert.equal(h.start, text.indexOf('Damn'));
    assert.equal(text.slice(h.start, h.end), 'Damn');
  });

  it('does not treat apostrophes as quotes', () => {
    assert.equal(only("It's wrong and don't tell me otherwise.").rule, 'judgment-word');
  });
});

describe('hints: UTF-16 ranges', () => {
  it('counts an emoji before the match as two code units', () => {
    const text = '😀😀 damn';
    const h = only(text);
    assert.deepEqual([h.start, h.end], [5, 9]);
  });

  it('counts a ZWJ sequence and accented letters as VS Code does', () => {
    const text = '👩‍💻 Café ok, but wtf';
    const h = only(text);
    assert.equal(h.start, text.indexOf('wtf'));
    assert.equal(h.start, 19); // 5 units for the ZWJ sequence, 14 for ' Café ok, but '
    assert.equal(text.slice(h.start, h.end), 'wtf');
  });

  it('keeps ranges when the same comment follows an emoji line', () => {
    fc.assert(
      // A bare "No." is a dismissal only as the whole comment: a line before it makes it an answer.
      fc.property(fc.constantFrom(...POSITIVES.map((p) => p[0]).filter((t) => !/^(?:no+|nope+|nah+|meh+)[\s.!]*$/i.test(t))), fc.constantFrom('😀\n', '👍🏽\n', 'é\n', '\u{1F9D1}\u200D\u{1F4BB}\n'), (text, prefix) => {
        const plain = findHints(text).map((h) => [h.rule, h.start + prefix.length, h.end + prefix.length]);
        const shifted = findHints(prefix + text).map((h) => [h.rule, h.start, h.end]);
        assert.deepEqual(shifted, plain);
      }),
    );
  });

  it('returns sorted, non-empty ranges inside the text for any input, and never throws', () => {
    const words = fc.constantFrom('this', 'is', 'wrong', 'just', 'use', 'fix', 'damn', 'you', 'always', '`x`', '"q"', '😀', '\n', '?', '.', ',', 'why', 'would', 'ugly', 'f*ck', 'https://x.y/z', '> ', 'nit:', ' ');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(words, { maxLength: 60 }).map((ws) => ws.join(' '))), (text) => {
        const hints = findHints(text);
        let last = -1;
        for (const h of hints) {
          assert.ok(h.start >= 0 && h.end <= text.length && h.start < h.end, `range ${h.start}-${h.end} in ${text.length}`);
          assert.ok(h.start >= last, 'sorted');
          last = h.start;
          assert.ok(HINT_CATEGORIES.includes(h.category));
          assert.ok(h.rewrites.length > 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never reports a hint inside inline code', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }).filter((s) => !/[`\n]/.test(s)), (s) => {
        assert.deepEqual(findHints(`\`${s} damn wrong\``), []);
      }),
    );
  });
});

describe('hints: rewrites', () => {
  it('turns the canonical judgments into questions built from the comment', () => {
    const cases: readonly [string, string][] = [
      ['This is wrong.', 'What do you expect this to do here?'],
      ['This variable name is just hideous!', 'Could this variable name be simpler? What led to this approach?'],
      ['These checks are completely useless.', 'What do these checks add here?'],
      ['This is useless.', 'What does this add here?'],
      ['This function is useless.', 'What does this function add here?'],
      ['Ugly hack.', 'Could this hack be simpler? What led to this approach?'],
      ['Use a set so that you can remove this ugly hack.', 'Could this hack be simpler? What led to this approach?'],
      ['IMHO the retry loop looks kind of messy.', 'Could the retry loop be simpler? What led to this approach?'],
      ['Your code is garbage.', 'Could this code be simpler? What led to this approach?'],
      ['This sucks.', 'Could this be simpler? What led to this approach?'],
      ['I hate these macros.', 'What would you think about avoiding these macros here?'],
    ];
    for (const [text, question] of cases) {
      const h = only(text);
      assert.equal(h.category, 'judgment');
      assert.equal(apply(text, h), question, text);
    }
  });

  it('gives every judgment hint a question as its first rewrite, or says why there is none', () => {
    for (const [text] of POSITIVES) {
      for (const h of findHints(text).filter((x) => x.category === 'judgment')) {
        if (h.rule === 'heated-tone' && !/\?$/.test(h.rewrites[0] ?? '')) {
          // No proposal to ask about: the writer's own words as their view, and the message says why.
          assert.match(h.rewrites[0] ?? '', /^thought: /, text);
          assert.match(h.message, /no question would keep your point without putting words in your mouth/, text);
          continue;
        }
        assert.match(h.rewrites[0] ?? '', /\?$/, `${text}: ${h.rewrites[0]}`);
      }
    }
  });

  it('rewrites disguised questions and blame into real questions', () => {
    const cases: readonly [string, string][] = [
      ['Why would you use a global here?', 'What led you to use a global here?'],
      ["Why didn't you add a test?", 'Could we add a test?'],
      ['Did you even run the tests?', 'Did you get a chance to run the tests?'],
      ['How hard is it to add a test?', 'Could we add a test?'],
      ['What were you thinking?', 'What led to this approach?'],
      ['Seriously?', 'Could you walk me through this?'],
    ];
    for (const [text, question] of cases) assert.equal(apply(text, only(text)), question, text);
  });

  it('turns a bare command into a question and offers a labelled suggestion', () => {
    const text = 'Looks odd. Remove this.';
    const h = only(text);
    assert.equal(apply(text, h, 0), 'Looks odd. Could we remove this?');
    assert.equal(apply(text, h, 1), 'Looks odd. suggestion: remove this.');
  });

  it('deletes minimizers cleanly, capitalising the next word at a sentence start', () => {
    assert.equal(apply('You can just call close().', only('You can just call close().')), 'You can call close().');
    assert.equal(apply('Just use a map.', only('Just use a map.')), 'Use a map.');
    assert.equal(apply('Obviously, this leaks.', only('Obviously, this leaks.')), 'This leaks.');
    assert.equal(apply('Looks odd, just use a map.', only('Looks odd, just use a map.')), 'Looks odd, use a map.');
    assert.equal(apply('Looks odd - just use a map.', only('Looks odd - just use a map.')), 'Looks odd - use a map.');
  });

  it('flags both the verdict and the minimizer after its comma', () => {
    const text = 'This is wrong, just use a map.';
    const [verdict, just] = findHints(text);
    assert.deepEqual(findHints(text).map((h) => [h.rule, h.start, h.end]), [['judgment-word', 0, 30], ['minimizer-just', 15, 20]]);
    assert.match(verdict!.rewrites[0] ?? '', /\?$/);
    assert.equal(apply(text, just!), 'This is wrong, use a map.');
  });

  it('replaces blame and absolutes with shared wording', () => {
    // "You always/never…": the point asked as a shared question first, the calmer statement next.
    assert.equal(apply('You always forget the changelog.', only('You always forget the changelog.'), 1), 'We sometimes forget the changelog.');
    assert.equal(apply('you never write tests', only('you never write tests'), 1), "we don't always write tests");
    assert.equal(apply('you never write tests', only('you never write tests')), 'Could we write tests here?');
    assert.equal(apply('You always forget to handle errors.', only('You always forget to handle errors.')), 'Could we handle errors here?');
    assert.equal(apply('You keep breaking the build.', only('You keep breaking the build.')), 'Could we avoid breaking the build here?');
    assert.equal(apply('You always overcomplicate things.', only('You always overcomplicate things.')), 'Here it looks like we overcomplicate things; could we look at it together?');
    assert.equal(apply("Sorry, but you're always late with reviews.", only("Sorry, but you're always late with reviews.")), 'Sorry, but we are sometimes late with reviews.');
    assert.equal(apply('You broke the build again.', only('You broke the build again.')), 'This change broke the build again.');
  });

  it('replaces profanity and insults with plain words', () => {
    assert.equal(apply('damn, missed that', only('damn, missed that')), 'oops, missed that');
    assert.equal(apply('what a crappy API', only('what a crappy API'), 0).endsWith('?'), true);
    assert.equal(apply('written by morons', only('written by morons')), 'written by people');
    assert.equal(apply('Great, another wrapper class.', only('Great, another wrapper class.')), 'I see another wrapper class.');
  });
});

describe('hints: one hint per judgment sentence', () => {
  it('reports an ugly mess once, and two sentences twice', () => {
    assert.equal(findHints('This ugly mess is terrible.').length, 1);
    assert.deepEqual(findHints('This damn ugly mess is terrible.').map((h) => h.rule), ['judgment-word', 'profanity']);
    const text = 'This is ugly. That is wrong.';
    const hints = findHints(text);
    assert.deepEqual(hints.map((h) => text.slice(h.start, h.end)), ['This is ugly.', 'That is wrong.']);
  });

  it('reports different categories in one sentence separately', () => {
    const text = 'Why would you just use this garbage?';
    assert.deepEqual(findHints(text).map((h) => h.rule), ['why-would-you', 'judgment-word']);
  });
});

describe('hints: options', () => {
  it('adds the team\'s extra judgment words, with inflections, only when asked', () => {
    const options = { extraJudgmentWords: ['janky', 'yak shaving'] };
    assert.deepEqual(findHints('This is janky.'), []);
    const h = only('This is janky.', options);
    assert.equal(h.rule, 'team-word');
    assert.equal(h.category, 'judgment');
    assert.match(h.rewrites[0] ?? '', /\?$/);
    assert.equal(only('Even jankier now', options).rule, 'team-word');
    assert.equal(only('Pure yak  shaving.', options).rule, 'team-word');
    // The cache must not leak the words into calls without them.
    assert.deepEqual(findHints('This is janky.'), []);
    assert.deepEqual(findHints('This is janky.', { extraJudgmentWords: [] }), []);
  });

  it('keeps giving the right answer when many option sets have come and gone (bounded cache)', () => {
    for (let i = 0; i < 50; i++) assert.equal(only(`so word${i}y here`, { extraJudgmentWords: [`word${i}y`] }).rule, 'team-word');
    assert.equal(only('so word0y here', { extraJudgmentWords: ['word0y'] }).rule, 'team-word');
    assert.deepEqual(findHints('so word0y here', { extraJudgmentWords: ['word1y'] }), []);
  });

  it('treats regex characters in team words literally', () => {
    assert.equal(only('so c++ish', { extraJudgmentWords: ['c++ish'] }).rule, 'team-word');
    assert.deepEqual(findHints('so cish', { extraJudgmentWords: ['c++ish'] }), []);
  });

  it('leaves out disabled rules and categories, and nothing else', () => {
    const text = 'This is wrong. Damn. Just use a map.';
    assert.deepEqual(findHints(text).map((h) => h.rule), ['judgment-word', 'profanity', 'minimizer-just']);
    assert.deepEqual(findHints(text, { disabledRules: ['judgment-word'] }).map((h) => h.rule), ['profanity', 'minimizer-just']);
    assert.deepEqual(findHints(text, { disabledCategories: ['profanity', 'minimizer'] }).map((h) => h.rule), ['judgment-word']);
    assert.deepEqual(findHints('This is janky.', { extraJudgmentWords: ['janky'], disabledRules: ['team-word'] }), []);
    assert.deepEqual(findHints(text, { disabledCategories: [...HINT_CATEGORIES] }), []);
  });

  it('ignores unknown ids, blank words and values of the wrong type instead of failing', () => {
    assert.equal(findHints('This is wrong.', { disabledRules: ['no-such-rule'], extraJudgmentWords: ['', '  '] }).length, 1);
    const broken = { disabledRules: 'judgment-word', extraJudgmentWords: [42, null, 'janky'] } as unknown as HintOptions;
    assert.deepEqual(findHints('This is wrong. So janky.', broken).map((h) => h.rule), ['judgment-word', 'team-word']);
  });
});

describe('hints: rule list', () => {
  it('has stable, unique kebab-case ids in known categories', () => {
    const ids = HINT_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of HINT_RULES) {
      assert.match(r.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(HINT_CATEGORIES.includes(r.category), r.id);
      assert.ok(r.description.length > 10, r.id);
    }
  });
});
