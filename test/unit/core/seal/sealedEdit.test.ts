import * as assert from 'node:assert/strict';
import { planSessionOp, refuse, type Operation } from '../../../../src/core/edit';
import { parse } from '../../../../src/core/parse';
import { open } from '../../../../src/core/seal/age';
import { isSealed } from '../../../../src/core/seal/armor';
import { runSealedEdit } from '../../../../src/core/seal/sealedEdit';
import { ageOpen, keygen } from './realAge';

const NOW = new Date('2026-11-20T10:00:00Z');
const ctx = { now: NOW, utcOffsetMinutes: 0 };
const mentor = keygen();
const mentee = keygen();

const file = (extra = ''): string => `version: 1
agreement:
  mentor: { name: Ana, key: ${mentor.recipient} }
  mentee: { name: Ben, key: ${mentee.recipient} }
  started: 2026-08-31
${extra}sessions:
  - id: s1
    at: 2026-11-19T15:00:00Z
    status: held
`;

/** An operation appending feedback to s1, as the sidebar's feedback form plans it. */
const feedback: Operation = () => ({
  ops: [{ op: 'appendAll', path: ['sessions', 0, 'feedback'], values: [{ from: 'mentee', rating: 5, valuable: 'All of it', at: '2026-11-20T10:00:00Z' }] }],
  id: 's1',
});

describe('seal: sealing as the runner’s async step', function () {
  this.timeout(20_000);

  it('seals the confidential values an operation plans, before the splice: rating and text, not `from` or `at`', async () => {
    const r = await runSealedEdit(file(), ctx, feedback);
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.sealed, 2);
    assert.ok(!r.text.includes('All of it'));
    const fb = parse(r.text, { now: NOW }).model?.sessions[0]?.feedback[0];
    assert.equal(fb?.from, 'mentee');
    assert.equal(fb?.at, '2026-11-20T10:00:00Z');
    assert.ok(isSealed(fb?.rating) && isSealed(fb?.valuable));
    assert.equal(ageOpen(String(fb?.valuable), mentee.file).out, 'All of it');
    assert.deepEqual(await open(String(fb?.rating), [mentor.identity]), { ok: true, text: '5' });
  });

  it('topic and agenda of a new session are sealed only when the agreement makes them confidential', async () => {
    const op = planSessionOp({ at: '2026-11-26T15:00:00Z', topic: 'Leaving the team', agenda: ['My manager', 'Next steps'] });
    const plain = await runSealedEdit(file(), ctx, op);
    assert.ok(plain.ok && plain.text.includes('topic: Leaving the team') && plain.sealed === 0);
    const chosen = await runSealedEdit(file('  confidential: [notes, feedback, topic, agenda]\n'), ctx, op);
    assert.ok(chosen.ok, chosen.ok ? '' : chosen.message);
    assert.equal(chosen.sealed, 3);
    const s = parse(chosen.text, { now: NOW }).model?.sessions[1];
    assert.ok(s && isSealed(s.topic) && s.agenda.every((a) => isSealed(a)));
    assert.equal(ageOpen(String(s.agenda[1]), mentor.file).out, 'Next steps');
    assert.equal(s.status, 'planned');
  });

  it('without keys, a refusal, or a sealer that fails: the runner’s answer, nothing sealed', async () => {
    const noKeys = file().replace(/, key: age1\w+/g, '');
    const r = await runSealedEdit(noKeys, ctx, feedback);
    assert.ok(r.ok && r.text.includes('valuable: All of it'));
    const refused = await runSealedEdit(file(), ctx, () => refuse('Not today.'));
    assert.deepEqual(refused, { ok: false, message: 'Not today. Nothing was changed.' });
    const failing = await runSealedEdit(file(), ctx, feedback, async () => {
      throw new Error('no entropy');
    });
    assert.deepEqual(failing, { ok: false, message: 'The change could not be sealed (no entropy). Nothing was changed.' });
  });
});
