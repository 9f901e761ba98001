import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse/index';
import { fixture } from '../../../fixtures';

const NOW = new Date('2026-11-20T10:00:00Z');
const valid = fixture('valid.mentoring.yaml');

describe('core/parse: tags that make values a mentoring file cannot hold', () => {
  const cases: [string, string][] = [
    ['!!binary aGVsbG8=', 'binary data'],
    ['!!timestamp 2001-12-14t21:59:43.10-05:00', 'a date object'],
    ['!!set { a, b }', 'a special collection'],
    ['!!omap [ a: 1 ]', 'a special collection'],
  ];
  for (const [value, what] of cases) {
    it(`${value.split(' ')[0]}: one located error at the tag, no internal error`, () => {
      const text = valid.replace('topic: Reading unfamiliar code', `topic: ${value}`);
      const r = parse(text, { now: NOW });
      assert.equal(r.ok, false);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      const e = errors[0]!;
      assert.equal(e.code, 'unsupported-tag');
      const line = text.split('\n').findIndex((l) => l.includes(`topic: ${value}`)) + 1;
      assert.equal(e.line, line);
      assert.equal(e.column, text.split('\n')[line - 1]!.indexOf('!!') + 1);
      assert.ok(e.message.includes(what) && e.message.includes('remove the tag'), e.message);
    });
  }

  it('!!binary in a file with aliases (the toJS path): the same located error', () => {
    const text = `${fixture('aliased.mentoring.yaml')}extra: !!binary |\n  aGVsbG8=\n`;
    const errors = parse(text, { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => [d.code, d.line, d.column]), [['unsupported-tag', 15, 8]]);
  });

  it('!!str and untagged values stay fine', () => {
    const r = parse(valid.replace('topic: Reading unfamiliar code', 'topic: !!str Reading unfamiliar code'), { now: NOW });
    assert.ok(!r.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(r.diagnostics));
  });
});
