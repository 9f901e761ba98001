/** The sidebar's closing section: present once closed, no session ahead, sealed final feedback named and never sent. */
import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse/index';
import { ViewState, type ReadyState } from '../../../../src/core/views/protocol';
import { buildViewState } from '../../../../src/core/views/sidebar';
import { seal } from '../../../../src/core/seal/age';
import { openModel } from '../../../../src/core/seal/read';
import { keygen } from '../seal/realAge';

const NOW = new Date('2026-11-20T12:00:00Z');

const file = (key = '', valuable = 'Seeing Ben lead'): string => `version: 1
agreement:
  mentor: { name: Ana${key} }
  mentee: { name: Ben }
  started: 2026-06-01
  goals:
    - { id: g1, title: Tests first, by: 2026-11-01, status: achieved, outcome: Every fix has a test }
sessions:
  - { id: s1, at: "2026-10-01T15:00:00Z", status: held, feedback: [{ from: mentee, rating: 3 }] }
  - { id: s2, at: "2026-10-20T15:00:00Z", status: held }
  - { id: s3, at: "2026-11-21T15:00:00Z", status: planned }
tasks:
  - { id: t1, title: A, status: done }
closed:
  on: 2026-11-20
  by: mentor
  feedback:
    - from: mentor
      rating: 5
      valuable: ${valuable}
`;

function ready(text: string, opened?: Parameters<typeof buildViewState>[0]['opened']): ReadyState {
  const s = buildViewState({ file: { label: '.mentoring.yaml', result: parse(text, { now: NOW }) }, now: NOW, privateLabel: 'private', opened });
  assert.equal(s.kind, 'ready');
  assert.ok(ViewState.safeParse(s).success, 'the state passes the protocol');
  return s;
}

describe('views: the closing section', function () {
  this.timeout(20_000);

  it('a closed file: the summary, no session ahead, no feedback owed, no overdue goal', () => {
    const s = ready(file());
    assert.equal(s.current, undefined);
    assert.equal(s.needsFeedback, undefined);
    assert.deepEqual(s.carryForward, []);
    assert.equal(s.goals[0]?.overdue, false);
    assert.deepEqual(s.closing, {
      on: '2026-11-20',
      by: 'mentor',
      goals: [{ id: 'g1', title: 'Tests first', status: 'achieved', outcome: 'Every fix has a test' }],
      sessions: { held: 2, cancelled: 0, planned: 1 },
      tasks: { done: 1, dropped: 0, open: 0 },
      sealedRatings: 0,
      final: [{ from: 'mentor', rating: 5, valuable: 'Seeing Ben lead', sealed: [] }],
    });
    const open = ready(file().split('closed:')[0] as string);
    assert.equal(open.closing, undefined);
    assert.equal(open.current?.id, 's3');
  });

  it('sealed final feedback: named as sealed and absent until the reader’s key opens it', async () => {
    const mentor = keygen();
    const armor = await seal('Secret praise', [mentor.recipient]);
    const text = file(`, key: ${mentor.recipient}`, `|\n${armor.trimEnd().split('\n').map((l) => '        ' + l).join('\n')}`);
    const locked = ready(text);
    assert.deepEqual(locked.closing?.final, [{ from: 'mentor', rating: 5, sealed: ['valuable'] }]);
    assert.ok(!JSON.stringify(locked).includes('AGE ENCRYPTED') && !JSON.stringify(locked).includes('Secret praise'));
    const model = parse(text, { now: NOW }).model;
    assert.ok(model);
    const opened = ready(text, await openModel(model, [mentor.identity]));
    assert.deepEqual(opened.closing?.final, [{ from: 'mentor', rating: 5, valuable: 'Secret praise', sealed: [] }]);
  });
});
