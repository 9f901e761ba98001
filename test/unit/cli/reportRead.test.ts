/**
 * The report's fast path against the full parse, side by side: whenever the fast path gives a
 * model, the full parse finds no error and the very same model; whenever the full parse finds an
 * error, the fast path gives nothing (and the full parse decides). On the fixtures, the hostile
 * corpus, generated logs and hand-made variants of a pair.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../../src/core/parse/index';
import { fastModel } from '../../../src/cli/reportRead';
import { FIXTURES } from '../../fixtures';
import { generateLog } from '../../fixtures/generate';
import { PAIR } from '../../fixtures/reportPair';

const NOW = new Date(2026, 10, 20, 12);

const VARIANTS: Record<string, string> = {
  'duplicate task id': PAIR.replace('id: t2,', 'id: t1,'),
  'task naming no goal': PAIR.replace('id: t1, title: Write the test,', 'id: t1, goal: nope, title: Write the test,'),
  'numeric id': PAIR.replace('id: t5,', 'id: 5,'),
  'rating 0b11': PAIR.replace('rating: 4', 'rating: 0b11'),
  'rating 0o3': PAIR.replace('rating: 4', 'rating: 0o3'),
  'title 1_000': PAIR.replace('title: Someday', 'title: 1_000'),
  'two documents': `${PAIR}---\nversion: 1\n`,
  'merge key': PAIR.replace("  mentor: { name: Ana Silva }", "  mentor: { name: Ana Silva, <<: { handle: ana } }"),
  'tab indentation': PAIR.replace('  - { id: t5, title: Someday }', '\t- { id: t5, title: Someday }'),
  'a note with *stars*': PAIR.replace('status: held }', 'status: held, notes: "- *bold* and * star" }'),
  'thread outside': `${PAIR}threads:\n  - { id: th1, file: ../../etc/passwd, line: 1 }\n`,
  'a refused link (a warning)': PAIR.replace('title: Someday', 'title: Someday, links: ["/etc/passwd"]'),
  'unknown keys': PAIR.replace('version: 1', 'version: 1\nx-team: { a: 1 }'),
  'quoted dates': PAIR.replace('started: 2026-09-07', 'started: "2026-09-07"'),
  'yes is a string': PAIR.replace('title: Someday', 'title: yes'),
  'null title': PAIR.replace('title: Someday', 'title: ~'),
  'empty': '',
  'a list': '- a\n- b\n',
  'version 2': PAIR.replace('version: 1', 'version: 2'),
  '__proto__ key': PAIR.replace('version: 1', 'version: 1\n__proto__: { polluted: true }'),
};

function corpus(): [string, string][] {
  const out: [string, string][] = Object.entries(VARIANTS);
  for (const dir of [FIXTURES, join(FIXTURES, 'hostile')]) {
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.yaml')) out.push([name, readFileSync(join(dir, name), 'utf8')]);
    }
  }
  for (let seed = 1; seed <= 6; seed++) out.push([`generated ${seed}`, generateLog({ sessions: 52, tasks: 52, seed, start: '2025-11-01' })]);
  return out;
}

describe('report: the fast path and the full parse agree', () => {
  for (const [name, text] of corpus()) {
    it(name, () => {
      const full = parse(text, { now: NOW });
      const errors = full.diagnostics.filter((d) => d.severity === 'error');
      const fast = fastModel(text, NOW);
      if (errors.length > 0 || !full.model) {
        assert.equal(fast, undefined, `the full parse finds ${errors[0]?.code ?? 'no model'}, so the fast path must hand over`);
        return;
      }
      if (fast === undefined) return; // handed over: the full parse decides, nothing to compare
      assert.deepEqual(fast, full.model);
    });
  }

  it('takes the fast path on ordinary files (generated logs, the hand-made pair)', () => {
    assert.ok(fastModel(PAIR, NOW));
    assert.ok(fastModel(generateLog({ sessions: 52, tasks: 52, seed: 3 }), NOW));
  });
});
