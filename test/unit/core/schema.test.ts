/**
 * The schema on zod/mini (src/core/schema.ts): the JSON schema the editor's YAML support reads is
 * the one committed (esbuild.mjs writes it from `toJsonSchema`), and the messages left to zod are
 * its English ones, which the parse's messages read (parse/schemaMessages.ts: "Too small: …").
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExtraRecipient, Id, IsoDate, MentoringFile, Rating, toJsonSchema } from '../../../src/core/schema';
import { ROOT } from '../../fixtures';

describe('the mentoring file schema (zod/mini)', () => {
  it('gives the JSON schema committed in media/mentoring.schema.json, byte for byte', () => {
    const committed = readFileSync(join(ROOT, 'media', 'mentoring.schema.json'), 'utf8');
    const schema = { $id: 'https://mentoring.dev/mentoring.schema.json', ...toJsonSchema() };
    assert.equal(JSON.stringify(schema, null, 2) + '\n', committed);
  });

  it("leaves zod's English messages where the schema gives none", () => {
    const few = ExtraRecipient.safeParse({ name: 'Coord', key: 'age1x', fields: [] });
    assert.equal(few.success, false);
    assert.equal(few.error?.issues[0]?.code, 'too_small');
    assert.match(few.error?.issues[0]?.message ?? '', /^Too small: expected array to have >=1 items?$/);
    assert.equal(Rating.safeParse(9).error?.issues[0]?.message, 'Too big: expected number to be <=5');
    assert.equal(IsoDate.safeParse(7).error?.issues[0]?.message, 'Invalid input: expected string, received number');
  });

  it("keeps the schema's own messages, checks in order, defaults and unknown keys", () => {
    assert.deepEqual(IsoDate.safeParse('2026-02-30').error?.issues.map((i) => i.message), ['that day does not exist in the calendar']);
    assert.deepEqual(IsoDate.safeParse('2026-2-3').error?.issues.map((i) => i.message), ['expected a date like 2026-11-19 (YYYY-MM-DD)', 'that day does not exist in the calendar']);
    assert.match(Id.safeParse('-x').error?.issues[0]?.message ?? '', /^an id is letters, digits/);
    const file = MentoringFile.safeParse({ version: 1, agreement: { mentor: { name: 'Ana' }, mentee: { name: 'Ben' }, started: '2026-09-01', extra: 1 }, later: true });
    assert.ok(file.success);
    assert.deepEqual(file.data.sessions, []);
    assert.deepEqual(file.data.agreement.expectations, {});
    assert.equal((file.data as Record<string, unknown>).later, true, 'loose: unknown keys pass through');
    assert.equal(MentoringFile.safeParse({ version: 2 }).error?.issues[0]?.message, 'version must be 1');
  });
});
