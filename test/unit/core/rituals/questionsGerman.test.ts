/**
 * The questions to ask and the raised questions in the configured language (src/core/rituals/wording.ts):
 * with the German bundle they are German, an agenda item in English or in German counts as asked,
 * and without a bundle (the CLI) everything is English as before.
 */
import { strict as assert } from 'node:assert';
import * as l10n from '@vscode/l10n';
import { parse } from '../../../../src/core/parse/index';
import { questionsFor } from '../../../../src/core/rituals/questions';
import { raiseBoth, raiseQuestion, spokenDate } from '../../../../src/core/rituals/raise';
import { localSpokenDate } from '../../../../src/core/rituals/wording';
import type { MentoringFile } from '../../../../src/core/schema';
import { inGerman } from '../../../fixtures/german';

const NOW = new Date('2026-11-25T10:00:00Z');
const HOPES_EN = 'What would you like to get out of our time together, and how will we know it is working?';
const HOPES_DE = 'Was möchten Sie aus unserer gemeinsamen Zeit mitnehmen, und woran merken wir, dass es gelingt?';

function model(agenda: string[] = []): MentoringFile {
  const text = [
    'version: 1',
    'agreement:',
    '  mentor: { name: Ana }',
    '  mentee: { name: Ben }',
    '  started: 2026-06-01',
    '  expectations: { cancellationNotice: 24h, feedback: every-session }',
    '  goals:',
    '    - { id: g1, title: Ship the parser, by: "2026-12-10", status: active }',
    'sessions:',
    `  - { id: next, at: "2026-12-02T15:00:00+00:00", status: planned, agenda: ${JSON.stringify(agenda)} }`,
    'tasks: []',
    '',
  ].join('\n');
  const r = parse(text, { now: NOW });
  assert.ok(r.model, JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error')));
  return r.model;
}

const texts = (m: MentoringFile): string[] => questionsFor(m, 'next', NOW).map((q) => q.text);

describe('questions to ask and raised questions in German', () => {
  after(() => l10n.config({ contents: {} }));

  it('the built-in questions are German, each with its English beside it', () => {
    const qs = inGerman(() => questionsFor(model(), 'next', NOW));
    const hopes = qs.find((q) => q.id === 'first-session.hopes');
    assert.equal(hopes?.text, HOPES_DE);
    assert.equal(hopes?.english, HOPES_EN);
    const goal = qs.find((q) => q.id === 'goal-due.g1');
    assert.equal(goal?.text, 'Unser Ziel „Ship the parser“ ist am 10. Dezember fällig. Wie nah fühlt es sich an, und was würde in der verbleibenden Zeit am meisten helfen?');
    assert.equal(goal?.english, 'Our goal "Ship the parser" is due on 10 December. How close does it feel, and what would help most in the time left?');
  });

  it('an agenda holding the English text, or the German, counts as already asked in German', () => {
    assert.ok(!inGerman(() => texts(model([HOPES_EN]))).includes(HOPES_DE));
    assert.ok(!inGerman(() => texts(model([HOPES_DE]))).includes(HOPES_DE));
    assert.ok(inGerman(() => texts(model([]))).includes(HOPES_DE));
  });

  it('a raised question is German, with its English; the spoken date says the year only in another year', () => {
    const m = model();
    const d = { code: 'review-overdue', data: {} };
    const withReview = { ...m, agreement: { ...m.agreement, review: '2025-03-01' } };
    const both = inGerman(() => raiseBoth(d, withReview, NOW));
    assert.equal(both?.text, 'Wir wollten unsere Vereinbarung am 1. März 2025 überprüfen. Sollen wir uns gemeinsam unsere Ziele und Erwartungen ansehen und schauen, was noch passt?');
    assert.equal(both?.english, 'We planned to review our agreement on 1 March 2025. Shall we look at our goals and expectations together and see what still fits?');
    assert.equal(inGerman(() => localSpokenDate('2026-05-21', NOW)), '21. Mai');
  });

  it('without a bundle everything is English, exactly as before', () => {
    const qs = questionsFor(model(), 'next', NOW);
    assert.equal(qs.find((q) => q.id === 'first-session.hopes')?.text, HOPES_EN);
    for (const q of qs) assert.equal(q.text, q.english);
    assert.ok(!texts(model([HOPES_EN])).includes(HOPES_EN));
    assert.equal(localSpokenDate('2026-05-21', NOW), spokenDate('2026-05-21', NOW));
    const m = model();
    assert.equal(raiseQuestion({ code: 'review-overdue', data: {} }, { ...m, agreement: { ...m.agreement, review: '2025-03-01' } }, NOW),
      'We planned to review our agreement on 1 March 2025. Shall we look at our goals and expectations together and see what still fits?');
  });
});
