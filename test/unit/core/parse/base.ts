/**
 * What the parse tests share: a small valid file (BASE) that each test changes in one place,
 * and assertions on where a diagnostic stands. Not a test file itself (mocha runs *.test.ts).
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../src/core/diagnostics';
import { parse, positionAt } from '../../../../src/core/parse/index';
import type { ParseResult } from '../../../../src/core/parse/index';
import { fixture as readFixture } from '../../../fixtures';

export const NOW = new Date(2026, 10, 20, 12, 0, 0); // local time: "today" is 2026-11-20 in any time zone
export const fixture = (name: string): string => readFixture(name);
export const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

/** A small valid file; tests change one thing in it. Line numbers are given in the comments. */
const BASE = [
  'version: 1', //                       1
  'agreement:', //                       2
  '  mentor: { name: Ana Silva }', //    3
  '  mentee: { name: Ben Okafor }', //   4
  '  started: 2026-09-01', //            5
  '  goals:', //                         6
  '    - id: tests-first', //            7
  '      title: Tests first', //         8
  '      by: 2027-02-15', //             9
  '  expectations:', //                  10
  '    topicNotice: 48h', //             11
  'sessions:', //                        12
  '  - id: s1', //                       13
  '    at: 2026-11-19T15:00:00+01:00', //14
  '    topic: Reading code', //          15
  '    status: held', //                 16
  'tasks:', //                           17
  '  - id: t-1', //                      18
  '    title: Write the test', //        19
  '    goal: tests-first', //            20
  '    session: s1', //                  21
];
export const base = (): string[] => [...BASE];
export const text = (ls: string[]): string => `${ls.join('\n')}\n`;

export function run(t: string, options: Parameters<typeof parse>[1] = {}): ParseResult {
  return parse(t, { now: NOW, ...options });
}

export function only(result: ParseResult, code: string): Diagnostic {
  const found = result.diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got: ${JSON.stringify(result.diagnostics.map((d) => [d.code, d.message]))}`);
  return found[0] as Diagnostic;
}

export function at(d: Diagnostic, line: number, column: number, endLine?: number, endColumn?: number): void {
  assert.deepEqual(
    { line: d.line, column: d.column, ...(endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}) },
    { line, column, ...(endLine !== undefined ? { endLine, endColumn } : {}) },
    `${d.code}: ${d.message}`,
  );
}

/** The diagnostic's offsets and line/column must name the same place in `t`. */
export function consistent(t: string, d: Diagnostic): void {
  assert.deepEqual(positionAt(t, d.offset), { line: d.line, column: d.column });
  assert.deepEqual(positionAt(t, d.endOffset), { line: d.endLine, column: d.endColumn });
}
