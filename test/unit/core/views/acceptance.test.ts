/** The Goals tab's acceptance block (src/core/views/acceptance.ts), through buildViewState as the sidebar builds it. */
import { strict as assert } from 'node:assert';
import { parse } from '../../../../src/core/parse/index';
import { acceptAgreement } from '../../../../src/core/rituals/accept';
import { ViewState, type ReadyState } from '../../../../src/core/views/protocol';
import { buildViewState } from '../../../../src/core/views/sidebar';
import type { Role } from '../../../../src/core/schema';

const NOW = new Date('2026-11-25T10:00:00Z');
const BASE = `version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: 2026-09-01
  goals: [{ id: g1, title: Read the parser, by: 2026-12-01 }]
  expectations: { cadence: weekly }
`;

function view(text: string, role?: Role): NonNullable<ReadyState['acceptance']> {
  const state = buildViewState({ file: { label: '.mentoring.yaml', result: parse(text, { now: NOW }) }, now: NOW, role, privateLabel: 'private' });
  assert.ok(ViewState.safeParse(state).success, 'the state passes the protocol');
  assert.equal(state.kind, 'ready');
  assert.ok(state.kind === 'ready' && state.acceptance);
  return state.acceptance;
}

function accept(text: string, role: Role, date: string): string {
  const r = acceptAgreement(text, { role, date }, { now: NOW, utcOffsetMinutes: 0 });
  assert.ok(r.ok);
  return r.text;
}

describe('sidebar: the acceptance block', () => {
  it('not accepted: a gentle line and the button', () => {
    const a = view(BASE, 'mentee');
    assert.equal(a.state, 'not-accepted');
    assert.match(a.message ?? '', /^Not accepted yet: when you both agree/);
    assert.ok(a.canAccept);
  });

  it('accepted by the mentor only: the button is for the mentee, not the mentor', () => {
    const text = accept(BASE, 'mentor', '2026-11-02');
    assert.equal(view(text, 'mentor').canAccept, false);
    const a = view(text, 'mentee');
    assert.deepEqual([a.state, a.mentor, a.mentee, a.canAccept], ['partly', '2026-11-02', undefined, true]);
    assert.ok(view(text).canAccept, 'without a role: offered while a side still has to');
  });

  it('changed since both accepted: what changed, and the button for both', () => {
    const both = accept(accept(BASE, 'mentor', '2026-11-02'), 'mentee', '2026-11-03');
    const facts = { recorded: true, unrecorded: false, mentor: { current: true, changes: [] }, mentee: { current: true, changes: [] }, changes: [] };
    assert.deepEqual({ ...view(both, 'mentor') }, { state: 'accepted', facts, mentor: '2026-11-02', mentee: '2026-11-03', changes: [], canAccept: false });
    const changed = both.replace('cadence: weekly', 'cadence: monthly');
    const a = view(changed, 'mentor');
    assert.equal(a.state, 'changed');
    assert.deepEqual(a.changes, ['expectations.cadence changed']);
    assert.deepEqual(a.facts.changes, [{ term: 'expectations.cadence', kind: 'changed' }], 'the same change as data, for the page to word');
    assert.equal(a.message, 'The agreement changed since you both accepted it: expectations.cadence changed. Accept it again (the Accept button below).');
    assert.ok(a.canAccept);
  });
});
