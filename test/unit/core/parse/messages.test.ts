/** Messages that used to mislead (the audit's list): each says what the file really holds. */
import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse/index';
import { base, text, NOW } from './base';

const errors = (t: string): { code: string; line: number; column: number; message: string }[] =>
  parse(t, { now: NOW }).diagnostics.filter((d) => d.severity === 'error');

describe('parse: messages that say what the file holds', () => {
  it('a date in braces is "a calendar date", and the braces are named as the cause', () => {
    const ls = base();
    ls[4] = '  started: { 2026-09-01 }';
    const [e, ...rest] = errors(text(ls));
    assert.equal(rest.length, 0);
    assert.equal(e?.code, 'schema');
    assert.match(e?.message ?? '', /^`agreement\.started` must be a calendar date, YYYY-MM-DD, e\.g\. 2026-11-19, not a mapping \(the braces make `\{ 2026-09-01 \}` a mapping: write the value without them\)\.$/);
  });

  it('CR-only line ends are said to be line ends, at the first one, not "nested mappings" or "empty"', () => {
    const t = text(base()).replace(/\n/g, '\r');
    const e = errors(t);
    assert.deepEqual(e.map((d) => [d.code, d.line, d.column]), [['cr-line-endings', 1, 11]]);
    assert.match(e[0]?.message ?? '', /carriage return only.*Save it with LF/);
    // CRLF files are fine, and so is a CR inside a file that also has LF line ends.
    assert.ok(parse(text(base()).replace(/\n/g, '\r\n'), { now: NOW }).ok);
  });

  it('a long numeric id is quoted as written, never in its rounded form', () => {
    const ls = base();
    ls[12] = '  - id: 12345678901234567890';
    ls[20] = '    session: 12345678901234567890';
    const e = errors(text(ls));
    const id = e.find((d) => d.line === 13);
    assert.match(id?.message ?? '', /reads the number 12345678901234567890 \(as 12345678901234567000: too long to keep exactly\): put it in quotes, e\.g\. "12345678901234567890"\./);
    assert.ok(!e.some((d) => d.message.includes('12345678901234567000"')), JSON.stringify(e));
    // the reference matches the id as written: no "unknown session"
    assert.ok(!e.some((d) => d.code === 'unknown-session'), JSON.stringify(e));
  });
});
