/** addQuestion (src/core/edit/questions.ts): a question to ask, by id, onto a session's agenda through the one edit runner. */
import * as assert from 'node:assert/strict';
import { addQuestion, type EditResult } from '../../../../src/core/edit/index';
import { fixture } from '../../../fixtures';

const BASE = fixture('base.mentoring.yaml');
const NOW = new Date('2026-11-25T09:00:00Z');
const ctx = { now: NOW, utcOffsetMinutes: 60 };
const FEEDBACK = 'What was most valuable in this session, and what should we change next time?';

function ok(r: EditResult): string {
  if (!r.ok) assert.fail(`expected success, got: ${r.message}`);
  return r.text;
}

function refused(r: EditResult): string {
  assert.equal(r.ok, false);
  return r.ok ? '' : r.message;
}

describe('addQuestion', () => {
  it('appends the question that fits, in the file\'s own style, and nothing else changes', () => {
    const text = ok(addQuestion(BASE, { session: '2026-11-26', question: 'feedback.valuable' }, ctx));
    assert.equal(text, BASE.replace('    agenda: []\n', `    agenda: ["${FEEDBACK}"]\n`));
  });

  it('a team question by its id, after the items already there', () => {
    const base = BASE.replace('# end of file', 'questions:\n  - { id: energy, when: any, text: "What gave you energy this week?" }\n# end of file');
    const text = ok(addQuestion(base, { session: '2026-11-19', question: 'team.energy' }, ctx));
    assert.equal(text, base.replace('      - "Open questions: from last week"   # quoted\n', '      - "Open questions: from last week"   # quoted\n      - What gave you energy this week?\n'));
  });

  it('refuses a question that does not fit that session, naming those that do', () => {
    assert.equal(refused(addQuestion(BASE, { session: '2026-11-26', question: 'first-session.hopes' }, ctx)),
      'No question "first-session.hopes" fits session 2026-11-26 now; these do: feedback.valuable, feedback.support. Nothing was changed.');
  });

  it('refuses one already on the agenda, an unknown session, and a text that changed meanwhile', () => {
    const once = ok(addQuestion(BASE, { session: '2026-11-26', question: 'feedback.valuable' }, ctx));
    assert.match(refused(addQuestion(once, { session: '2026-11-26', question: 'feedback.valuable' }, ctx)), /already on the agenda of session 2026-11-26/);
    assert.match(refused(addQuestion(BASE, { session: 'nope', question: 'feedback.valuable' }, ctx)), /There is no session "nope"/);
    assert.match(refused(addQuestion(BASE, { session: '2026-11-26', question: 'feedback.valuable', text: 'Another question?' }, ctx)), /changed in the file meanwhile/);
    assert.ok(addQuestion(BASE, { session: '2026-11-26', question: 'feedback.valuable', text: ` ${FEEDBACK} ` }, ctx).ok);
  });

  it('refuses a file with errors, saying where', () => {
    assert.match(refused(addQuestion(BASE.replace('status: planned', 'status: plan'), { session: '2026-11-26', question: 'feedback.valuable' }, ctx)), /First at line 39, column 13/);
  });
});
