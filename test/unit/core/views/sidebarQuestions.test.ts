/** The sidebar's "Questions to ask" (core/views/sidebar.ts → core/rituals/questions.ts): in the view state, for the current session. */
import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse/index';
import { ViewState, type ReadyState } from '../../../../src/core/views/protocol';
import { buildViewState } from '../../../../src/core/views/sidebar';

const NOW = new Date('2026-11-20T12:00:00Z');

function file(sessions: string): string {
  return `version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: 2026-09-01
  goals:
    - { id: g1, title: Tests first, by: 2026-12-01 }
  expectations: { feedback: on-request }
sessions:${sessions}
questions:
  - { id: energy, when: any, text: "What gave you energy this week?" }
`;
}

function state(text: string): ReadyState {
  const result = parse(text, { now: NOW });
  const s = buildViewState({ file: { label: 'm.yaml', result }, now: NOW, privateLabel: 'private' });
  assert.ok(ViewState.safeParse(s).success, 'the state is one the webview accepts');
  assert.equal(s.kind, 'ready');
  return s;
}

describe('sidebar: questions to ask', () => {
  it("the current session's questions, with id, moment and whose, minus those on its agenda", () => {
    const s = state(file(`
  - { id: next, at: "2026-11-26T15:00:00Z", status: planned, agenda: ["What would you like to get out of our time together, and how will we know it is working?"] }`));
    assert.equal(s.current?.id, 'next');
    assert.deepEqual(s.questions, [
      { id: 'first-session.feedback', moment: 'first-session', team: false, text: 'How do you like to receive feedback: in the moment or saved for our sessions, written or spoken?' },
      { id: 'first-session.between', moment: 'first-session', team: false, text: 'How would you like us to work together between sessions, and what is the best way to reach each other?' },
      { id: 'goal-due.g1', moment: 'goal-due', team: false, text: 'Our goal "Tests first" is due on 1 December. How close does it feel, and what would help most in the time left?' },
      { id: 'team.energy', moment: 'any', team: true, text: 'What gave you energy this week?' },
    ]);
  });

  it('no session to ask them at: no list', () => {
    assert.equal(state(file(' []')).questions, undefined);
  });
});
