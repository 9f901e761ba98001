/**
 * Duplicate keys in one pass (src/core/parse/duplicates.ts) against yaml's own check
 * (`uniqueKeys: true`, which scans the earlier keys for each key): the same errors, at the same
 * places, in the same order, on documents chosen to find where the two could differ.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { parseYaml } from '../../../../src/core/parse/duplicates';

const DOCUMENTS = [
  'a: 1\na: 2\n',
  'a: 1\nb: 2\na: 3\na: 4\n',
  '"a": 1\na: 2\n\'a\': 3\n',
  '1: x\n"1": y\n1.0: z\n0x1: w\n',
  'true: 1\nTrue: 2\nTRUE: 3\nfalse: 4\n',
  '~: 1\nnull: 2\n: 3\n',
  '.nan: 1\n.NaN: 2\n.inf: 3\n.Inf: 4\n',
  '{a: 1, a: 2, b: {c: 1, c: 2}}\n',
  '[a: 1, a: 2]\n',
  'x:\n  - a: 1\n    a: 2\n  - { a: 1, a: [1, 2] }\n',
  '? a\n: 1\n? a\n: 2\n',
  '? # note\n: 1\n? # note\n  # more\n: 2\n',
  '? \n: 1\n?\n: 2\n',
  '!!str a: 1\na: 2\n&x b: 1\nb: 2\n*x : 3\n',
  '? [a]\n: 1\n? [a]\n: 2\n',
  '? {a: 1, a: 2}\n: 1\n',
  '%YAML 1.1\n---\n<<: {a: 1}\n<<: {b: 2}\nc: 1\nc: 2\n',
  'a: 1\nb: [\nc: 1\nc: 2\n',
  'a: "x\nb: 1\nb: 2\n',
  'a:\n  b: 1\n  b: 2\nc: 3\nc: 4\n',
  'a: 1\n a: 2\na: 3\n',
  'k: 1\nk:\n  k: 1\n  k: 2\n',
  '"a\\u0062": 1\nab: 2\n',
  'a: 1\n---\na: 2\na: 3\n',
  '- {a: 1, "a": 2, ? a : 3}\n',
  '{a: 1, a: {b: [, ], b: 2}}\n',
  '{a: {b: 1, b: 2}, a: 3, c: [, ]}\n',
  'x: {a: 1, a: [, ]}\ny: 1\ny: [, ]\n',
  '{a: 1, a: 2 b: 3}\n',
];

function errors(doc: { errors: readonly { code: string; pos: [number, number]; message: string }[] }): string[] {
  return doc.errors.map((e) => `${e.code} ${e.pos[0]}-${e.pos[1]} ${e.message}`);
}

describe('parse: duplicate keys in one pass (duplicates.ts)', () => {
  for (const text of DOCUMENTS) {
    it(`finds what yaml's own check finds in ${JSON.stringify(text)}`, () => {
      const theirs = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
      const ours = parseYaml(text);
      assert.deepEqual(errors(ours), errors(theirs));
      assert.equal(ours.warnings.length, theirs.warnings.length);
    });
  }

  it('finds every duplicate of a mapping of many keys, each once', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) lines.push(`k${i % 1000}: ${i}`);
    const ours = parseYaml(`${lines.join('\n')}\n`);
    assert.equal(ours.errors.length, 1000);
    assert.ok(ours.errors.every((e) => e.code === 'DUPLICATE_KEY'));
    assert.deepEqual(errors(ours), errors(parseDocument(`${lines.join('\n')}\n`, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' })));
  });
});
