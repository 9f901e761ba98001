import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse';
import { seal } from '../../../../src/core/seal/age';
import { fieldAt, policyOf, describeReaders } from '../../../../src/core/seal/fields';
import { keygen } from './realAge';

const NOW = new Date('2026-11-20T10:00:00Z');
const mentor = keygen();
const mentee = keygen();
const coordinator = keygen();

/** A block scalar holding `armor`, indented for a key at `indent` spaces. */
function block(armor: string, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  return `|\n${armor.replace(/\n$/, '').split('\n').map((l) => pad + l).join('\n')}`;
}

function file(opts: { mentorKey?: string; menteeKey?: string; extra?: string; notes?: string; valuable?: string; rating?: string; body?: string }): string {
  return [
    'version: 1',
    'agreement:',
    '  mentor:',
    '    name: Ana',
    ...(opts.mentorKey !== undefined ? [`    key: ${opts.mentorKey}`] : []),
    '  mentee:',
    '    name: Ben',
    ...(opts.menteeKey !== undefined ? [`    key: ${opts.menteeKey}`] : []),
    '  started: 2026-08-31',
    ...(opts.extra !== undefined ? [opts.extra] : []),
    'sessions:',
    '  - id: s1',
    '    at: 2026-11-19T15:00:00Z',
    '    topic: Releases',
    '    status: held',
    ...(opts.notes !== undefined ? [`    notes: ${opts.notes}`] : []),
    '    feedback:',
    '      - from: mentee',
    ...(opts.rating !== undefined ? [`        rating: ${opts.rating}`] : []),
    ...(opts.valuable !== undefined ? [`        valuable: ${opts.valuable}`] : []),
    'threads:',
    '  - id: t1',
    '    file: src/a.ts',
    '    line: 3',
    '    comments:',
    '      - author: Ana',
    `        body: ${opts.body ?? 'Why a global here?'}`,
    '',
  ].join('\n');
}

const sealCodes = new Set(['bad-key', 'bad-armor', 'not-sealed', 'key-missing', 'unknown-field']);
const found = (text: string) =>
  parse(text, { now: NOW })
    .diagnostics.filter((d) => sealCodes.has(d.code))
    .map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column, message: d.message }));

describe('seal: checks', function () {
  this.timeout(20_000);

  it('without keys, plain text is fine: nothing to say', () => {
    assert.deepEqual(found(file({ notes: 'Went well.', valuable: 'The demo', rating: '4' })), []);
  });

  it('with keys, each plain confidential field is a warning at its line, saying git history keeps it', () => {
    const ds = found(file({ mentorKey: mentor.recipient, menteeKey: mentee.recipient, notes: 'Went well.', valuable: 'The demo', rating: '4' }));
    assert.deepEqual(ds.map((d) => [d.code, d.severity, d.line, d.column]), [
      ['not-sealed', 'warning', 15, 12],
      ['not-sealed', 'warning', 18, 17],
      ['not-sealed', 'warning', 19, 19],
      ['not-sealed', 'warning', 26, 15],
    ]);
    assert.match(ds[0]?.message ?? '', /^The notes of session s1 is plain text, though session notes are confidential/);
    assert.match(ds[0]?.message ?? '', /only Ana \(mentor\) and Ben \(mentee\) can; git history still holds this text/);
    assert.match(ds[3]?.message ?? '', /^Comment 1 of thread t1/);
    // the topic is not confidential by default
    assert.ok(!ds.some((d) => d.line === 13));
  });

  it('sealed fields pass; `confidential:` chooses the fields, topic included', async () => {
    const armor = await seal('Went well.', [mentor.recipient, mentee.recipient]);
    const keys = { mentorKey: mentor.recipient, menteeKey: mentee.recipient };
    assert.deepEqual(found(file({ ...keys, notes: block(armor, 4), body: block(armor, 8) })), []);
    const onlyTopic = found(file({ ...keys, extra: '  confidential: [topic]', notes: 'Plain is fine now', body: 'plain' }));
    assert.deepEqual(onlyTopic.map((d) => [d.code, d.line]), [['not-sealed', 14]]);
  });

  it('a bad key is an error at its line, naming what is wrong', () => {
    const ds = found(file({ mentorKey: mentor.recipient.slice(0, -1), menteeKey: mentee.identity }));
    assert.deepEqual(ds.map((d) => [d.code, d.severity, d.line, d.column]), [
      ['bad-key', 'error', 5, 10],
      ['bad-key', 'error', 8, 10],
    ]);
    assert.match(ds[0]?.message ?? '', /`agreement.mentor.key` is not a usable age public key: the age public key is 61 characters long, not 62/);
    assert.match(ds[1]?.message ?? '', /secret key/);
  });

  it('a damaged armor is an error at the field, with the line and column inside the block', async () => {
    const armor = await seal('Went well.', [mentor.recipient, mentee.recipient]);
    const lines = armor.split('\n');
    lines[2] = `${(lines[2] as string).slice(0, 9)}!${(lines[2] as string).slice(10)}`;
    const ds = found(file({ mentorKey: mentor.recipient, menteeKey: mentee.recipient, notes: block(lines.join('\n'), 4) })).filter((d) => d.code !== 'not-sealed');
    assert.equal(ds.length, 1);
    assert.deepEqual([ds[0]?.code, ds[0]?.severity, ds[0]?.line], ['bad-armor', 'error', 15]);
    assert.match(ds[0]?.message ?? '', /"!" is not Base64.*\(line 3, column 10 of the sealed block\)/);
    // a parse that fails on it says the file has an error
    assert.equal(parse(file({ mentorKey: mentor.recipient, notes: block(lines.join('\n'), 4) }), { now: NOW }).ok, false);
  });

  it('a sealed rating passes the schema; a rating that is neither is an error', async () => {
    const armor = await seal('4', [mentor.recipient, mentee.recipient]);
    const r = parse(file({ mentorKey: mentor.recipient, menteeKey: mentee.recipient, rating: block(armor, 8) }), { now: NOW });
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    const bad = parse(file({ rating: 'great' }), { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
    assert.match(bad[0]?.message ?? '', /a rating is a whole number from 1 to 5, or a sealed one/);
  });

  it('one side without a key: sealing is on, readable by that side only, and an info says how to add the other', () => {
    const ds = found(file({ mentorKey: mentor.recipient, notes: 'plain' }));
    const info = ds.find((d) => d.code === 'key-missing');
    assert.match(info?.message ?? '', /The mentee has no key yet, so sealed fields are readable by Ana \(mentor\) only: .*mentoring key add --role mentee/);
    assert.equal(info?.line, 6);
    assert.ok(ds.some((d) => d.code === 'not-sealed'));
  });

  it('extra readers get only their named fields; an unknown field name is a warning with the likely one', () => {
    const extra = [
      '  confidential: [notes, feedbak]',
      '  recipients:',
      '    - name: Program coordinator',
      `      key: ${coordinator.recipient}`,
      '      fields: [feedback]',
    ].join('\n');
    const text = file({ mentorKey: mentor.recipient, menteeKey: mentee.recipient, extra });
    const ds = found(text);
    assert.deepEqual(ds.map((d) => [d.code, d.line, d.column]), [['unknown-field', 10, 25]]);
    assert.match(ds[0]?.message ?? '', /`feedbak` is not a field that can be sealed.*did you mean `feedback`/);
    const model = parse(text, { now: NOW }).model;
    assert.ok(model);
    const policy = policyOf(model.agreement);
    assert.equal(describeReaders(policy.readers('feedback.valuable')), 'Ana (mentor), Ben (mentee) and Program coordinator');
    assert.equal(describeReaders(policy.readers('notes')), 'Ana (mentor) and Ben (mentee)');
    assert.equal(policy.isConfidential('notes'), true);
    assert.equal(policy.isConfidential('comments'), false);
  });

  it('maps paths to fields', () => {
    assert.equal(fieldAt(['sessions', 0, 'notes']), 'notes');
    assert.equal(fieldAt(['sessions', 2, 'feedback', 1, 'rating']), 'feedback.rating');
    assert.equal(fieldAt(['sessions', 2, 'feedback', 1, 'from']), undefined);
    assert.equal(fieldAt(['sessions', 2, 'agenda', 0]), 'agenda');
    assert.equal(fieldAt(['threads', 0, 'comments', 3, 'body']), 'comments');
    assert.equal(fieldAt(['threads', 0, 'comments', 3, 'author']), undefined);
    assert.equal(fieldAt(['tasks', 0, 'title']), undefined);
  });
});
