/** Hostile armor (a cloned repository's): inspecting, opening and parsing never throw, whatever the bytes. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../../../src/core/parse';
import { open, seal } from '../../../../src/core/seal/age';
import { ARMOR_BEGIN, ARMOR_END, inspectArmor, isSealed } from '../../../../src/core/seal/armor';
import { keygen } from './realAge';

describe('seal: hostile armor (property)', function () {
  this.timeout(60_000);
  const k = keygen();

  it('inspectArmor answers ok or a problem with a line and column inside the value, on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), (body, tail) => {
        const value = `${ARMOR_BEGIN}\n${body}\n${ARMOR_END}\n${tail}`;
        const r = inspectArmor(value);
        if (!r.ok) {
          const lines = value.split('\n').length;
          assert.ok(r.line >= 1 && r.line <= lines, `line ${r.line} of ${lines}`);
          assert.ok(r.column >= 1);
          assert.ok(r.message.length > 0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a real armor with any one line changed, cut or duplicated opens or says why, never throws', async () => {
    const armor = await seal('the real text', [k.recipient]);
    const lines = armor.split('\n');
    await fc.assert(
      fc.asyncProperty(fc.nat(lines.length - 1), fc.constantFrom('change', 'cut', 'dup', 'join'), fc.string({ maxLength: 80 }), async (i, how, s) => {
        const ls = lines.slice();
        if (how === 'change') ls[i] = s;
        else if (how === 'cut') ls.splice(i);
        else if (how === 'dup') ls.splice(i, 0, ls[i] as string);
        else ls.splice(i, 2, `${ls[i] ?? ''}${ls[i + 1] ?? ''}`);
        const value = ls.join('\n');
        const r = await open(value, [k.identity]);
        if (r.ok) assert.equal(r.text, 'the real text');
        else assert.ok(['damaged', 'not-for-you'].includes(r.reason) && r.message.length > 0);
      }),
      { numRuns: 150 },
    );
  });

  it('a mentoring file whose notes hold any armor-like text parses without throwing, errors at the notes', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9+/=!*]{0,70}$/), { maxLength: 8 }), (body) => {
        const notes = [ARMOR_BEGIN, ...body, ARMOR_END].map((l) => `      ${l}`).join('\n');
        const text = `version: 1\nagreement:\n  mentor: { name: A, key: ${k.recipient} }\n  mentee: { name: B }\n  started: 2026-08-31\nsessions:\n  - id: s1\n    at: 2026-11-19T15:00:00Z\n    notes: |\n${notes}\n`;
        const r = parse(text, { now: new Date('2026-11-20T10:00:00Z') });
        assert.ok(r.model, 'the file still reads');
        assert.ok(isSealed(r.model.sessions[0]?.notes));
        for (const d of r.diagnostics.filter((x) => x.code === 'bad-armor')) assert.equal(d.line, 9);
      }),
      { numRuns: 300 },
    );
  });
});
