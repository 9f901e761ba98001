/**
 * The acceptance block's words on the page (webview/acceptance.ts) from the view's facts: in
 * English the very sentences of the core (`message` and `changes`, core/rituals/acceptance.ts),
 * state by state; with the German bundle, German with the same names, dates and terms.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { parse } from '../../../src/core/parse/index';
import { acceptAgreement } from '../../../src/core/rituals/accept';
import { ViewState, type AcceptanceView } from '../../../src/core/views/protocol';
import { buildViewState } from '../../../src/core/views/sidebar';
import type { Role } from '../../../src/core/schema';
import { acceptanceText, changeText } from '../../../webview/acceptance';
import { ROOT } from '../../fixtures';

const NOW = new Date('2026-11-25T10:00:00Z');
const BASE = `version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: 2026-09-01
  goals: [{ id: g1, title: Read the parser and write down how a scalar ends up as a value in the model, by: 2026-12-01 }]
  expectations: { cadence: weekly }
`;

function view(text: string, role?: Role): AcceptanceView {
  const state = buildViewState({ file: { label: '.mentoring.yaml', result: parse(text, { now: NOW }) }, now: NOW, role, privateLabel: 'private' });
  assert.ok(ViewState.safeParse(state).success, 'the state passes the protocol');
  assert.ok(state.kind === 'ready' && state.acceptance, text);
  return state.acceptance;
}

function accept(text: string, role: Role, date: string): string {
  const r = acceptAgreement(text, { role, date }, { now: NOW, utcOffsetMinutes: 0 });
  assert.ok(r.ok);
  return r.text;
}

const mentor = accept(BASE, 'mentor', '2026-11-02');
const both = accept(mentor, 'mentee', '2026-11-03');
const CASES: Record<string, string> = {
  'not accepted': BASE,
  'accepted by the mentor only': mentor,
  'accepted by both': both,
  'changed since both accepted (a term, a goal\'s title, a new goal)': both.replace('cadence: weekly', 'cadence: monthly').replace('Read the parser', 'Read the lexer')
    .replace('goals: [{ id: g1,', 'goals: [{ id: g2, title: Pair weekly, by: 2026-12-20 }, { id: g1,'),
  'changed since the mentor alone accepted': mentor.replace('cadence: weekly', 'cadence: monthly'),
  'the mentor accepted again after a change, the mentee not yet': accept(both.replace('cadence: weekly', 'cadence: monthly'), 'mentor', '2026-11-20'),
  'accepted by hand, without the terms': BASE.replace('  expectations:', '  accepted: { mentor: 2026-11-02, mentee: 2026-11-03 }\n  expectations:'),
  'a goal removed since both accepted': both.replace(/goals: \[.*\]/, 'goals: []'),
};

describe('webview: the acceptance block\'s words', () => {
  after(() => l10n.config({ contents: {} }));

  for (const [name, text] of Object.entries(CASES)) {
    it(`in English, the core's own sentences: ${name}`, () => {
      l10n.config({ contents: {} });
      const a = view(text, 'mentee');
      assert.equal(acceptanceText(a), a.message);
      assert.deepEqual(a.facts.changes.map(changeText), a.changes);
    });
  }

  it('the cases cover every state and the changes\' kinds', () => {
    const views = Object.values(CASES).map((t) => view(t));
    assert.deepEqual([...new Set(views.map((v) => v.state))].sort(), ['accepted', 'changed', 'not-accepted', 'partly']);
    assert.deepEqual([...new Set(views.flatMap((v) => v.facts.changes.map((c) => c.kind)))].sort(), ['added', 'changed', 'removed']);
    assert.ok(views.some((v) => v.facts.unrecorded));
    assert.ok(views.some((v) => v.facts.changes.some((c) => c.title?.endsWith('…'))), 'a long goal title is shortened');
  });

  it('in German, with the German bundle: the same facts in German', () => {
    l10n.config({ contents: JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string> });
    const changed = view(CASES['changed since both accepted (a term, a goal\'s title, a new goal)']!);
    assert.equal(acceptanceText(changed), `Die Vereinbarung hat sich geändert, seit Sie beide sie angenommen haben: ${changed.facts.changes.map(changeText).join(', ')}. Nehmen Sie sie erneut an (mit der Schaltfläche „Annehmen“ unten).`);
    const words = changed.facts.changes.map(changeText);
    assert.equal(words.length, 3);
    assert.ok(words.includes('Ziel g2 hinzugefügt („Pair weekly“)'), words.join(' | '));
    assert.ok(words.includes('expectations.cadence geändert'), words.join(' | '));
    assert.ok(words.some((w) => /^Ziel g1 geändert \(„Read the lexer .*…“\)$/.test(w)), words.join(' | '));
    assert.equal(acceptanceText(view(CASES['accepted by the mentor only']!)), 'Vom Mentor am 2026-11-02 angenommen; vom Mentee noch nicht (mit der Schaltfläche „Annehmen“ unten).');
    assert.match(acceptanceText(view(BASE)) ?? '', /^Noch nicht angenommen:/);
  });
});
