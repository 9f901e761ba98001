import * as assert from 'node:assert/strict';
import { addFeedback, endSession } from '../../../../src/core/edit';
import { parse } from '../../../../src/core/parse';
import { open, seal } from '../../../../src/core/seal/age';
import { fieldValues } from '../../../../src/core/seal/fields';
import { readField, reseal, sealEdit, sealField } from '../../../../src/core/seal/write';
import { setIn } from '../../../../src/core/yaml/edit';
import { ageOpen, keygen } from './realAge';

const NOW = new Date('2026-11-20T10:00:00Z');
const ctx = { now: NOW, utcOffsetMinutes: 0 };
const mentor = keygen();
const mentee = keygen();
const stranger = keygen();

function head(mentorKey?: string, menteeKey?: string): string {
  return [
    'version: 1',
    '# the pair',
    'agreement:',
    '  mentor:',
    '    name: Ana',
    ...(mentorKey ? [`    key: ${mentorKey}`] : []),
    '  mentee:',
    '    name: Ben',
    ...(menteeKey ? [`    key: ${menteeKey}`] : []),
    '  started: 2026-08-31',
    'sessions:',
    '  - id: s1',
    '    at: 2026-11-12T15:00:00Z',
    '    topic: Releases',
    '    status: held',
    '  - id: s2',
    '    at: 2026-11-19T15:00:00Z',
    '    topic: Tests',
    '    status: planned',
    '    started: 2026-11-19T15:02:00Z',
    '',
  ].join('\n');
}

/** The file with both sessions' notes sealed (set through the lossless editor). */
async function withSealedNotes(recipients: string[]): Promise<string> {
  let text = head(mentor.recipient, mentee.recipient);
  text = setIn(text, ['sessions', 0, 'notes'], await seal('Session one, private.', recipients));
  text = setIn(text, ['sessions', 1, 'notes'], await seal('Session two, private.', recipients));
  return text;
}

/** The lines of each `|` block in the text, in order. */
function blocks(text: string): string[] {
  return [...text.matchAll(/: \|\n((?: {6,}.*\n)+)/g)].map((m) => m[1] as string);
}

describe('seal: writing sealed fields', function () {
  this.timeout(30_000);

  it('an edit with feedback seals each confidential field on its own as a `|` block; other blocks stay byte for byte', async () => {
    const before = await withSealedNotes([mentor.recipient, mentee.recipient]);
    const edited = endSession(before, { session: 's2', feedback: { from: 'mentee', rating: 4, valuable: 'The pairing', change: 'More time' } }, ctx);
    assert.ok(edited.ok);
    const r = await sealEdit(before, edited.text, { now: NOW });
    assert.ok(r.ok);
    assert.deepEqual(r.sealed.map((f) => f.field), ['feedback.rating', 'feedback.valuable', 'feedback.change']);
    // nothing of the feedback in the file; each value a block of armor
    for (const plain of ['The pairing', 'More time', 'rating: 4']) assert.ok(!r.text.includes(plain), plain);
    assert.match(r.text, /\n {8}rating: \|\n {10}-----BEGIN AGE ENCRYPTED FILE-----\n/);
    assert.match(r.text, /\n {8}valuable: \|\n {10}-----BEGIN AGE ENCRYPTED FILE-----\n/);
    // the notes sealed before are exactly as they were
    const [n1, n2] = blocks(before);
    assert.ok(n1 && n2 && r.text.includes(n1) && r.text.includes(n2));
    // every line of the file outside the new feedback is unchanged
    assert.equal(r.text.split('\n').filter((l) => !before.split('\n').includes(l) && !/^ {10}[A-Za-z0-9+/=-]/.test(l)).length, 7);
    // it checks clean, and the real age opens each field with either key
    const parsed = parse(r.text, { now: NOW });
    assert.deepEqual(parsed.diagnostics.filter((d) => d.severity !== 'info'), []);
    const fb = parsed.model?.sessions[1]?.feedback[0];
    for (const k of [mentor, mentee]) {
      const o = ageOpen(String(fb?.valuable), k.file);
      assert.equal(o.out, 'The pairing', o.err);
      assert.equal(ageOpen(String(fb?.rating), k.file).out, '4');
    }
    assert.notEqual(ageOpen(String(fb?.valuable), stranger.file).code, 0);
  });

  it('a second edit seals only what it wrote: the first feedback stays byte for byte', async () => {
    const before = await withSealedNotes([mentor.recipient, mentee.recipient]);
    const e1 = endSession(before, { session: 's2', feedback: { from: 'mentee', valuable: 'One' } }, ctx);
    assert.ok(e1.ok);
    const s1 = await sealEdit(before, e1.text, { now: NOW });
    assert.ok(s1.ok);
    const e2 = addFeedback(s1.text, { session: 's2', from: 'mentor', valuable: 'Two' }, ctx);
    assert.ok(e2.ok);
    const s2 = await sealEdit(s1.text, e2.text, { now: NOW });
    assert.ok(s2.ok);
    assert.equal(s2.sealed.length, 1);
    for (const b of blocks(s1.text)) assert.ok(s2.text.includes(b));
    // the second result is the first with one chunk inserted: the new feedback, and nothing else changed
    let p = 0;
    while (p < s1.text.length && s1.text[p] === s2.text[p]) p++;
    let q = 0;
    while (q < s1.text.length - p && s1.text[s1.text.length - 1 - q] === s2.text[s2.text.length - 1 - q]) q++;
    assert.equal(p + q, s1.text.length);
    assert.match(s2.text.slice(p, s2.text.length - q), /^ *- from: mentor\n {8}valuable: \|\n {10}-----BEGIN AGE/);
  });

  it('without a pair key an edit is written as it is; plain text already there is left alone', async () => {
    const plain = setIn(head(), ['sessions', 0, 'notes'], 'Old plain notes');
    const e = endSession(plain, { session: 's2', feedback: { from: 'mentee', valuable: 'Fine' } }, ctx);
    assert.ok(e.ok);
    const r = await sealEdit(plain, e.text, { now: NOW });
    assert.deepEqual(r.ok && [r.text, r.sealed.length], [e.text, 0]);
    const keyed = setIn(head(mentor.recipient, mentee.recipient), ['sessions', 0, 'notes'], 'Old plain notes');
    const e2 = endSession(keyed, { session: 's2', feedback: { from: 'mentee', valuable: 'Fine' } }, ctx);
    assert.ok(e2.ok);
    const r2 = await sealEdit(keyed, e2.text, { now: NOW });
    assert.ok(r2.ok && r2.text.includes('notes: Old plain notes') && !r2.text.includes('Fine'));
  });

  it('reseal: a key added later can read everything; plain confidential text gets sealed; what the caller cannot open is listed and kept', async () => {
    // sealed to the mentor only (the mentee had no key yet), plus one note sealed to a stranger
    let text = head(mentor.recipient);
    text = setIn(text, ['sessions', 0, 'notes'], await seal('For the mentor.', [mentor.recipient]));
    text = setIn(text, ['sessions', 1, 'notes'], await seal('Not ours.', [stranger.recipient]));
    text = setIn(text, ['sessions', 1, 'agenda'], ['plain agenda stays plain']);
    text = text.replace('  mentee:\n    name: Ben\n', `  mentee:\n    name: Ben\n    key: ${mentee.recipient}\n`);
    text = text.replace('    status: held\n', '    status: held\n    feedback:\n      - from: mentor\n        valuable: Plain so far\n');
    const before = parse(text, { now: NOW }).model;
    assert.ok(before);
    const strangerBlock = String(before.sessions[1]?.notes);
    assert.equal((await open(String(before.sessions[0]?.notes), [mentee.identity])).ok, false);

    const r = await reseal(text, [mentor.identity], { now: NOW });
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual(r.resealed.map((f) => f.path), [['sessions', 0, 'notes']]);
    assert.deepEqual(r.sealedPlain.map((f) => f.path), [['sessions', 0, 'feedback', 0, 'valuable']]);
    assert.deepEqual(r.skipped.map((s) => [s.what, s.why]), [['the notes of session s2', 'none of your keys is among its recipients']]);
    const after = parse(r.text, { now: NOW }).model;
    assert.ok(after);
    assert.equal(String(after.sessions[1]?.notes), strangerBlock);
    assert.ok(r.text.includes(strangerBlock.replace(/\n$/, '').split('\n').map((l) => `      ${l}`).join('\n')));
    assert.deepEqual(after.sessions[1]?.agenda, ['plain agenda stays plain']);
    for (const id of [mentor.identity, mentee.identity]) {
      assert.deepEqual(await open(String(after.sessions[0]?.notes), [id]), { ok: true, text: 'For the mentor.' });
      assert.deepEqual(await open(String(after.sessions[0]?.feedback[0]?.valuable), [id]), { ok: true, text: 'Plain so far' });
    }
  });

  it('reseal refuses a file with errors or without keys', async () => {
    const r = await reseal(head(), [mentor.identity], { now: NOW });
    assert.match(r.ok ? '' : r.message, /neither the mentor nor the mentee has a key/);
    const broken = await reseal('version: 1\nagreement: [', [mentor.identity], { now: NOW });
    assert.match(broken.ok ? '' : broken.message, /error at line/);
  });

  it('sealField seals one plain field (the quick fix), leaving the others plain', async () => {
    let text = head(mentor.recipient, mentee.recipient);
    text = setIn(text, ['sessions', 0, 'notes'], 'First, plain');
    text = setIn(text, ['sessions', 1, 'notes'], 'Second, plain');
    const r = await sealField(text, ['sessions', 1, 'notes'], { now: NOW });
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.ok(r.text.includes('notes: First, plain') && !r.text.includes('Second, plain'));
    const again = await sealField(r.text, ['sessions', 1, 'notes'], { now: NOW });
    assert.match(again.ok ? '' : again.message, /no plain text to seal at sessions\.1\.notes/);
    const noKeys = await sealField(setIn(head(), ['sessions', 0, 'notes'], 'x'), ['sessions', 0, 'notes'], { now: NOW });
    assert.match(noKeys.ok ? '' : noKeys.message, /nobody to seal to/);
  });

  it('readField: plain, opened with who can read it, or sealed with who can', async () => {
    const text = await withSealedNotes([mentor.recipient, mentee.recipient]);
    const model = parse(text, { now: NOW }).model;
    assert.ok(model);
    const fv = fieldValues(model).find((f) => f.field === 'notes');
    assert.ok(fv);
    assert.deepEqual(await readField(model, fv, [mentee.identity]), { sealed: true, opened: true, text: 'Session one, private.', readers: 'Ana (mentor) and Ben (mentee)' });
    const locked = await readField(model, fv, [stranger.identity]);
    assert.deepEqual(locked, { sealed: true, opened: false, readers: 'Ana (mentor) and Ben (mentee)', why: 'none of your keys is among its recipients' });
    const topic = fieldValues(model).find((f) => f.field === 'topic');
    assert.ok(topic);
    assert.deepEqual(await readField(model, topic, []), { sealed: false, value: 'Releases' });
  });

  describe('with the model of the text before (as the store passes it)', () => {
    it('no key before and none written: the edit as it is, even when the text says "age1" somewhere', async () => {
      const before = head().replace('topic: Tests', 'topic: "See page1 and page12"');
      const after = before.replace('status: planned', 'status: planned\n    notes: plain, nobody to seal to');
      const r = await sealEdit(before, after, { now: NOW, beforeModel: parse(before, { now: NOW }).model });
      assert.ok(r.ok);
      assert.equal(r.text, after);
      assert.deepEqual(r.sealed, []);
    });

    it('no key before, an edit that writes one with a note: the note is sealed all the same', async () => {
      const before = head();
      const after = head(mentor.recipient).replace('status: planned', 'status: planned\n    notes: sealed at once');
      const r = await sealEdit(before, after, { now: NOW, beforeModel: parse(before, { now: NOW }).model });
      assert.ok(r.ok && r.sealed.length === 1, JSON.stringify(r));
      assert.ok(!r.text.includes('sealed at once'));
      const notes = parse(r.text, { now: NOW }).model?.sessions[1]?.notes;
      assert.deepEqual(await open(String(notes), [mentor.identity]), { ok: true, text: 'sealed at once' });
    });

    it('keys before: the same sealing as without the model', async () => {
      const before = head(mentor.recipient, mentee.recipient);
      const after = before.replace('status: planned', 'status: planned\n    notes: two readers');
      const r = await sealEdit(before, after, { now: NOW, beforeModel: parse(before, { now: NOW }).model });
      assert.ok(r.ok);
      assert.deepEqual(r.sealed.map((f) => f.path), [['sessions', 1, 'notes']]);
      assert.ok(!r.text.includes('two readers'));
    });
  });
});
