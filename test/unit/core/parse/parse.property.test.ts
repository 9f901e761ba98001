import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, positionAt } from '../../../../src/core/parse/index';
import { generateLog } from '../../../fixtures/generate';
import { fixture as readFixture } from '../../../fixtures';

/**
 * Random damage to valid files must never make `parse` throw, and every diagnostic must point
 * inside the text, with line/column matching its offsets.
 */
const VALID = [
  readFixture('valid.mentoring.yaml'),
  generateLog({ sessions: 6, tasks: 10, seed: 7 }),
];
const NOW = new Date(Date.UTC(2026, 10, 20, 12));

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'indentLine'; line: number; by: number };

/** Characters YAML cares about, plus arbitrary unicode (surrogates, BOM, line separators, NUL). */
const interesting = fc.constantFrom(
  ':', ' ', '-', '\n', '\r\n', '\r', '\t', '"', "'", '#', '&a ', '*a', '[', ']', '{', '}', ',', '?', '|', '>', '!', '%', '@', '`',
  '<<<<<<< ', '=======\n', '\uFEFF', '\u2028', '\u0000', '\uD800', '😀', 'é', '---\n', '...\n', 'id: x', '  - ', '9999-99-99',
);
const insertText = fc.oneof(interesting, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertText }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('indentLine' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function apply(text: string, m: Mutation): string {
  const n = Math.max(text.length, 1);
  const lines = text.split('\n');
  const ln = (i: number): number => i % Math.max(lines.length, 1);
  switch (m.kind) {
    case 'delete': {
      const at = m.at % n;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate': {
      const at = m.at % n;
      return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
    }
    case 'swap': {
      const chars = [...text];
      if (chars.length < 2) return text;
      const a = m.a % chars.length;
      const b = m.b % chars.length;
      [chars[a], chars[b]] = [chars[b] as string, chars[a] as string];
      return chars.join('');
    }
    case 'deleteLine':
      lines.splice(ln(m.line), 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const i = ln(m.line);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'swapLines': {
      const a = ln(m.a);
      const b = ln(m.b);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'indentLine': {
      const i = ln(m.line);
      const line = lines[i] ?? '';
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

describe('parse: property — random damage never throws', () => {
  it('every diagnostic lies inside the text and its positions agree with its offsets', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 6 }), (valid, mutations) => {
        const text = mutations.reduce(apply, valid);
        const r = parse(text, { now: NOW });
        assert.equal(typeof r.ok, 'boolean');
        assert.equal(r.ok, !r.diagnostics.some((d) => d.severity === 'error'));
        let previous = -1;
        for (const d of r.diagnostics) {
          assert.ok(Number.isInteger(d.offset) && d.offset >= 0 && d.offset <= d.endOffset && d.endOffset <= text.length, JSON.stringify(d));
          assert.deepEqual(positionAt(text, d.offset), { line: d.line, column: d.column });
          assert.deepEqual(positionAt(text, d.endOffset), { line: d.endLine, column: d.endColumn });
          assert.ok(d.line >= 1 && d.column >= 1);
          assert.ok(d.message.length > 10 && d.code.length > 0);
          assert.ok(d.offset >= previous, 'sorted by position');
          previous = d.offset;
        }
        if (r.model) assert.ok(r.doc, 'a model always comes with its document');
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('the undamaged files parse without errors (the property starts from valid input)', () => {
    for (const valid of VALID) {
      const r = parse(valid, { now: NOW });
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    }
  });
});
