import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findHints, HINT_RULES, type Hint } from '../../../../src/core/hints/index';
import { featuresOf } from '../../../../src/core/hints/model/features';
import { ownLength, ruleCues, softerStatement, withModel } from '../../../../src/core/hints/model/heated';
import { AIMED_RE, shippedModel } from '../../../../src/core/hints/model/score';
import { decodeTable, encodeWeights, fromBase64, MODEL_RULE_ID, type Model, type RawTable } from '../../../../src/core/hints/model/table';
import { MODEL_TABLE } from '../../../../src/core/hints/model/weights';
import { maskSkipped } from '../../../../src/core/hints/tokenize';
import { DATA, loadTrainRows, PARAMS, tableOf, trainShipped, weightsModule } from '../../../../scripts/train-hints-model';
import { FIXTURES } from '../../../fixtures';

/** A model of constant probability: every weight 0, the bias alone deciding. */
function constant(p: number, over: Partial<Model> = {}): Model {
  return { dims: 1024, bias: Math.log(p / (1 - p)), threshold: 0.5, gate: 0.1, gateLength: 1000, minLength: 120, w: new Float32Array(1024), ...over };
}

const HEATED =
  'Honestly I have been waiting for months and you people keep promising things that never come, so forget it, I am out of here and will tell everyone else to stay away too.';

describe('hints: the heated-tone model, its table', () => {
  it('the shipped table decodes, checked: a power of two of weights, finite, under 300 KB as shipped', () => {
    const m = shippedModel();
    assert.equal(m.w.length, MODEL_TABLE.dims);
    assert.ok(m.threshold > 0 && m.threshold < 1);
    assert.ok(m.w.every((x) => Number.isFinite(x)));
    assert.ok(m.w.some((x) => x !== 0));
    assert.ok(MODEL_TABLE.weights.length < 300 * 1024, `${MODEL_TABLE.weights.length} characters of weights`);
  });

  it('refuses a bad table with a message that says how to make a good one', () => {
    const good: RawTable = { ...MODEL_TABLE };
    const bad: [Partial<RawTable>, RegExp][] = [
      [{ dims: 1000 }, /dims 1000 is not a power of two/],
      [{ weights: MODEL_TABLE.weights.slice(4) }, /65533 weights for 65536 features/],
      [{ weights: '!!!!' }, /not base64/],
      [{ threshold: Number.NaN }, /threshold is not a finite number/],
      [{ threshold: 2 }, /threshold and gate in \[0, 1\]/],
      [{ scale: 0 }, /scale must be > 0/],
    ];
    for (const [change, message] of bad) {
      assert.throws(() => decodeTable({ ...good, ...change }), (e: Error) => message.test(e.message) && /npm run train:hints/.test(e.message));
    }
  });

  it('encodes weights as signed bytes and reads them back within half a step', () => {
    const w = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i * 12.9898) * (i % 7));
    const t = encodeWeights(w, -0.25);
    const bytes = fromBase64(t.data)!;
    assert.equal(bytes.length, w.length);
    const w512 = Float64Array.from({ length: 512 }, (_, i) => w[i % 300]!);
    const t512 = encodeWeights(w512, 0);
    const m = decodeTable({ dims: 512, scale: t512.scale, bias: t512.bias, threshold: 0.5, gate: 0, gateLength: 0, minLength: 0, weights: t512.data });
    for (let i = 0; i < 512; i++) assert.ok(Math.abs(m.w[i]! - w512[i]!) <= t512.scale / 2 + 1e-6, `weight ${i}`);
    assert.equal(t.bias, -0.25);
    assert.equal(fromBase64('abc'), undefined);
    assert.deepEqual([...fromBase64('AQID')!], [1, 2, 3]);
    assert.deepEqual([...fromBase64('AQI=')!], [1, 2]);
  });
});

describe('hints: the heated-tone model, its features', () => {
  it('the same words give the same features in any case; quoted text and code are not the writer\'s', () => {
    const a = featuresOf(maskSkipped('You never listen to anyone.'), 1 << 16);
    const b = featuresOf(maskSkipped('you never listen to anyone.'), 1 << 16);
    assert.deepEqual([...a.indices], [...b.indices]);
    const quoted = featuresOf(maskSkipped('> You never listen to anyone.\nThanks, merged.'), 1 << 16);
    const plain = featuresOf(maskSkipped('Thanks, merged.'), 1 << 16);
    assert.deepEqual([...quoted.indices], [...plain.indices]);
    assert.equal(featuresOf(maskSkipped('`rm -rf`'), 1 << 16).sentences.length, 0);
  });

  it('splits sentences at . ! ? and line breaks, with their ranges in the text', () => {
    const text = 'This is late. Why?\nYou said Monday!';
    const f = featuresOf(text, 1 << 16);
    assert.deepEqual(f.sentences.map((s) => text.slice(s.start, s.end)), ['This is late.', 'Why?', 'You said Monday!']);
    assert.ok(Math.abs(f.value - 1 / Math.sqrt(f.indices.length)) < 1e-12);
  });

  it('the engine\'s scratch views hold what the copies hold; a copy survives the next call, function words count only in pairs', () => {
    const text = 'You never listen to anyone. THIS is the third time I ask!!! Why?';
    const copy = featuresOf(text, 1 << 16, ['<rules>']);
    const view = featuresOf(text, 1 << 16, ['<rules>'], true);
    assert.deepEqual([...view.indices], [...copy.indices]);
    assert.deepEqual([...view.raw], [...copy.raw]);
    assert.deepEqual(view.sentences, copy.sentences);
    assert.equal(view.value, copy.value);
    const kept = [...copy.indices];
    featuresOf('Something else entirely, with other words.', 1 << 16, [], true);
    assert.deepEqual([...copy.indices], kept);
    // "you" and "the" are function words: as pairs only, so "you" alone adds two features (<s> you, and the length).
    assert.equal(featuresOf('you', 1 << 16).indices.length, 2);
    assert.equal(featuresOf('listen', 1 << 16).indices.length, 3);
  });

  it('does bounded work on a huge comment', () => {
    const f = featuresOf('word '.repeat(200_000), 1 << 16);
    assert.ok(f.sentences[0]!.end <= 20_000);
  });

  it('counts the writer\'s own length with white space runs as one', () => {
    for (const s of ['', '   ', ' a  b ', 'a\n\n\tb', 'abc']) assert.equal(ownLength(s), s.replace(/\s+/g, ' ').trim().length, JSON.stringify(s));
  });

  it('hears an addressee: the second person, people, the team', () => {
    assert.ok(AIMED_RE.test('you people keep promising'));
    assert.ok(AIMED_RE.test("You're killing me"));
    assert.ok(!AIMED_RE.test('I was just being stupid, sorry.'));
  });
});

describe('hints: the heated-tone rule with the rules', () => {
  const long = (s: string): string => `${s} ${'The parser reads the file, then the checks run over the model and report what they find. '.repeat(12)}`;
  const rule = (rule: string, category: Hint['category'] = 'judgment'): Hint => ({ rule, category, start: 0, end: 4, message: 'm', rewrites: ['r'] });

  it('adds a hint on the most heated sentence, aimed at someone, with a message and rewrites', () => {
    const hints = findHints(HEATED);
    assert.equal(hints.length, 1);
    const h = hints[0]!;
    assert.equal(h.rule, MODEL_RULE_ID);
    assert.equal(h.category, 'judgment');
    assert.equal(HEATED.slice(h.start, h.end), HEATED);
    assert.match(h.message, /reads as heated \(\d+ % by a model trained on GitHub threads locked as too heated\)/);
    // No proposal: no question is made up; the writer's own words, calmer, as their view, or leaving it out.
    assert.deepEqual(h.rewrites, [
      'thought: I have been waiting for months and you people keep promising things that never come, so forget it, I am out of here and will tell everyone else to stay away too.',
      '',
    ]);
    assert.match(h.message, /no question would keep your point without putting words in your mouth/);
    assert.ok(!h.rewrites.some((r) => /frustrated|could we talk/i.test(r)), 'no feeling or request the writer did not write');
  });

  it('the softer statement keeps the words and takes the volume down: intensifiers, capitals, "!!!", emphasis', () => {
    assert.equal(softerStatement('You people REALLY NEVER listen to **anyone**!!!'), 'thought: You people never listen to anyone.');
    assert.equal(softerStatement('Honestly, you totally ignored the report?!'), 'thought: You ignored the report?');
    // Acronyms of three letters stay; nothing is added to a calm sentence but the label.
    assert.equal(softerStatement('You broke the API of the CLI again.'), 'thought: You broke the API of the CLI again.');
    // "really" as a word of the point, not of volume, is only taken where it intensifies: the words stay otherwise.
    assert.equal(softerStatement('you keep closing these issues'), 'thought: You keep closing these issues');
  });

  it('asks about the proposal where the sentence makes one', () => {
    const text = 'You always ignore everything people say here and you keep doing it, so just use a map like everyone asked you to three weeks ago, and stop wasting our time.';
    const out = withModel(constant(0.9), text, maskSkipped(text), [], 'team-word');
    assert.equal(out.length, 1);
    assert.equal(out[0]!.rewrites[0], 'What do you think of using a map like everyone asked you to three weeks ago, and stop wasting our time here?');
  });

  it('adds nothing to a short comment, a question, or a sentence aimed at nobody', () => {
    const short = 'You people never finish anything.';
    const question = 'Have you people ever considered that this whole plan has been going on for months and nothing has changed for anyone who uses it every day?';
    const nobody = 'Honestly this has been going on for months and nothing ever changes, so forget it, I am out of here and I will stop using this tool altogether now.';
    for (const t of [short, question, nobody]) assert.deepEqual(withModel(constant(0.99), t, maskSkipped(t), [], 'team-word'), [], t);
    assert.equal(withModel(constant(0.99), HEATED, HEATED, [], 'team-word').length, 1);
    assert.deepEqual(withModel(constant(0.2), HEATED, HEATED, [], 'team-word'), []);
  });

  it('in a long comment the rules\' hints stand only when the model agrees; the team\'s words always stand', () => {
    const text = long('This is wrong.');
    const hints = [rule('judgment-word'), rule('team-word')];
    assert.deepEqual(withModel(constant(0.05), text, text, hints, 'team-word').map((h) => h.rule), ['team-word']);
    assert.deepEqual(withModel(constant(0.5), text, text, hints, 'team-word').map((h) => h.rule), ['judgment-word', 'team-word']);
    // A short comment keeps its hints whatever the model says.
    assert.deepEqual(withModel(constant(0.01), 'This is wrong.', 'This is wrong.', hints, 'team-word'), hints);
    // No gate in the table: the rules stand.
    assert.deepEqual(withModel(constant(0.01, { gate: 0 }), text, text, hints, 'team-word'), hints);
  });

  it('the rules and categories settings turn it off, and then the rules stand alone', () => {
    assert.ok(HINT_RULES.some((r) => r.id === MODEL_RULE_ID && r.category === 'judgment'));
    assert.deepEqual(findHints(HEATED, { disabledRules: [MODEL_RULE_ID] }), []);
    assert.deepEqual(findHints(HEATED, { disabledCategories: ['judgment'] }), []);
    assert.equal(findHints(HEATED, { extraJudgmentWords: ['janky'] }).length, 1);
  });

  it('gives the rules\' hints to the model as cue features', () => {
    assert.deepEqual(ruleCues([rule('pile-on', 'blame'), rule('you-always', 'blame')]), ['<rule:pile-on>', '<cat:blame>', '<rule:you-always>', '<rules>']);
    assert.deepEqual(ruleCues([]), []);
  });

  it('"Why did you not just finish it? You always do this." is a rhetorical question and an absolute', () => {
    const text = 'Why did you not just finish it? You always do this.';
    assert.deepEqual(findHints(text).map((h) => [h.rule, text.slice(h.start, h.end)]), [['why-didnt-you', 'Why did you not'], ['you-always', 'You always do this.']]);
    for (const t of ['You always do this when the build is red.', 'If you always do this, it works.', 'Why did you not see the error?']) {
      assert.ok(!findHints(t).some((h) => h.rule === 'you-always'), t);
    }
  });
});

describe('scripts/train-hints-model.ts', () => {
  it('trains on a small slice deterministically, and writes a table the loader accepts', function () {
    this.timeout(60_000);
    const all = loadTrainRows(join(FIXTURES, 'hints/mentoring.jsonl'));
    const rows = [...all.filter((r) => r.positive).slice(0, 60), ...all.filter((r) => !r.positive).slice(0, 60)];
    const a = tableOf(trainShipped(rows));
    const b = tableOf(trainShipped(rows));
    assert.deepEqual(a, b);
    const m = decodeTable(a);
    assert.equal(m.dims, PARAMS.dims);
    const text = weightsModule(a, rows.length, 'mentoring.jsonl');
    assert.match(text, /^\/\/ Generated by scripts\/train-hints-model\.ts from mentoring\.jsonl \(120 rows\)\. Do not edit\.\n/);
    assert.match(weightsModule(a, 2889, 'ehsani-dev.jsonl'), /\/\*! The heated-tone hint model is trained on data from Ehsani, Imran, Zita, Damevski & Chatterjee,[\s\S]*MSR 2024[\s\S]*MIT licence\. \*\//);
    assert.ok(text.includes(`'${a.weights}'`));
  });

  it('the shipped weights are what the script makes from the Ehsani rows (run `npm run train:hints` after changing a rule)', function () {
    if (!existsSync(DATA)) {
      // The data lives outside the repository (../shared/eval/); without it there is nothing to compare.
      this.skip();
    }
    this.timeout(180_000);
    const fresh = tableOf(trainShipped(loadTrainRows(DATA)));
    assert.deepEqual({ ...fresh, weights: fresh.weights.length }, { ...MODEL_TABLE, weights: MODEL_TABLE.weights.length });
    assert.ok(fresh.weights === MODEL_TABLE.weights, 'the weights differ: run `npm run train:hints` and commit src/core/hints/model/weights.ts');
  });
});
