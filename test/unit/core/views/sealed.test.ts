/**
 * Sealed fields in the sidebar's state: opened ones as text with who can read them, the others
 * absent with a mark (never armor), whether or not decryption ran. Real age keys and armor.
 */
import * as assert from 'node:assert/strict';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { parse } from '../../../../src/core/parse/index';
import { seal } from '../../../../src/core/seal/age';
import { openModel } from '../../../../src/core/seal/read';
import { ViewState, type ReadyState } from '../../../../src/core/views/protocol';
import { sealedView } from '../../../../src/core/views/sealed';
import { AGREEMENT_CHECK_CODES, buildViewState } from '../../../../src/core/views/sidebar';
import { setIn } from '../../../../src/core/yaml/edit';

const NOW = new Date('2026-11-20T12:00:00Z');

async function key(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

describe('sidebar: sealed fields', function () {
  this.timeout(20_000);
  let mentor: { identity: string; recipient: string };
  let mentee: { identity: string; recipient: string };
  let stranger: { identity: string; recipient: string };
  let text: string;

  before(async () => {
    [mentor, mentee, stranger] = [await key(), await key(), await key()];
    text = `version: 1
agreement:
  mentor: { name: Ana, key: ${mentor.recipient} }
  mentee: { name: Ben, key: ${mentee.recipient} }
  started: 2026-08-31
  confidential: [feedback, topic]
sessions:
  - id: s1
    at: 2026-11-19T15:00:00Z
    topic: plain topic
    status: held
    feedback:
      - from: mentee
        rating: 3
        valuable: x
`;
    const pair = [mentor.recipient, mentee.recipient];
    text = setIn(text, ['sessions', 0, 'topic'], await seal('Career worries', pair));
    text = setIn(text, ['sessions', 0, 'feedback', 0, 'rating'], await seal('4', pair));
    text = setIn(text, ['sessions', 0, 'feedback', 0, 'valuable'], await seal('The honest talk', pair));
  });

  function state(opened?: Awaited<ReturnType<typeof openModel>>): ReadyState {
    const result = parse(text, { now: NOW });
    const s = buildViewState({ file: { label: 'm.yaml', result }, now: NOW, privateLabel: 'private', opened });
    ViewState.parse(s); // what the page accepts
    assert.equal(s.kind, 'ready');
    return s;
  }

  it('a recipient sees the text, with the lock and who can read it', async () => {
    const model = parse(text, { now: NOW }).model;
    assert.ok(model);
    const s = state(await openModel(model, [mentee.identity]));
    const f = s.feedback[0];
    assert.equal(f?.rating, 4);
    assert.equal(f?.valuable, 'The honest talk');
    assert.deepEqual(f?.sealed, [
      { field: 'rating', opened: true, readers: 'Ana (mentor) and Ben (mentee)' },
      { field: 'valuable', opened: true, readers: 'Ana (mentor) and Ben (mentee)' },
    ]);
    assert.equal(f?.topic, 'Career worries');
    assert.deepEqual(s.trend.map((p) => p.average), [4]);
  });

  for (const [name, opened] of [
    ['before decryption ran', async () => undefined],
    ['with a key that opens nothing', async () => {
      const model = parse(text, { now: NOW }).model;
      assert.ok(model);
      return openModel(model, [stranger.identity]);
    }],
  ] as const) {
    it(`anyone else (${name}) sees that the fields exist and who can read them, never armor`, async () => {
      const s = state(await opened());
      const f = s.feedback[0];
      assert.equal(f?.rating, undefined);
      assert.equal(f?.valuable, undefined);
      assert.deepEqual(f?.sealed, [
        { field: 'rating', opened: false, readers: 'Ana (mentor) and Ben (mentee)' },
        { field: 'valuable', opened: false, readers: 'Ana (mentor) and Ben (mentee)' },
      ]);
      assert.equal(f?.topic, '🔒 sealed — readable by Ana (mentor) and Ben (mentee)');
      assert.doesNotMatch(JSON.stringify(s), /AGE ENCRYPTED|-----BEGIN/);
      assert.deepEqual(s.trend, [], 'a sealed rating counts for nobody who cannot read it');
    });
  }

  it('leaves a model without sealed fields as it is (the same object)', () => {
    const model = parse('version: 1\nagreement:\n  mentor: { name: A }\n  mentee: { name: B }\n  started: 2026-08-31\n', { now: NOW }).model;
    assert.ok(model);
    const v = sealedView(model);
    assert.equal(v.model, model);
    assert.equal(v.marks.size, 0);
  });

  it('lists the seal checks (plain text while keys exist, a side without a key)', () => {
    const plain = `version: 1
agreement:
  mentor: { name: Ana, key: ${mentor.recipient} }
  mentee: { name: Ben }
  started: 2026-08-31
sessions:
  - id: s1
    at: 2026-11-19T15:00:00Z
    status: held
    notes: said in plain text
`;
    const s = buildViewState({ file: { label: 'm.yaml', result: parse(plain, { now: NOW }) }, now: NOW, privateLabel: 'private' });
    assert.equal(s.kind, 'ready');
    const codes = (s).warnings.map((w) => w.code).sort();
    assert.deepEqual(codes, ['key-missing', 'not-sealed']);
    for (const c of ['not-sealed', 'key-missing', 'unknown-field']) assert.ok(AGREEMENT_CHECK_CODES.has(c), c);
  });
});
