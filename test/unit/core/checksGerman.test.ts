/**
 * The core's own words in German: with the German bundle configured (as src/extension.ts configures
 * the host's), an agreement check's warning, an edit's refusal and an edit's warning read in German;
 * with none configured (the CLI, every other test) they read in English as before.
 */
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { cancelSession, planSession, startSession } from '../../../src/core/edit/index';
import { parse } from '../../../src/core/parse/index';
import { GERMAN as german } from '../../fixtures/german';


/** Local noon on a calendar day: "today" is that day whatever the machine's time zone. */
const noon = (y: number, m: number, d: number): Date => new Date(y, m - 1, d, 12);

const FILE = `${[
  'version: 1',
  'agreement:',
  '  mentor: { name: Ana }',
  '  mentee: { name: Ben }',
  '  started: 2026-08-31',
  '  review: 2027-02-28',
  '  goals: []',
  '  expectations:',
  '    topicNotice: 48h',
  '    cancellationNotice: 24h',
  '    feedback: every-session',
  'sessions:',
  '  - id: s1',
  '    at: 2026-11-10T15:00:00+01:00',
  '    topic: Reviews',
  '    announced: 2026-11-01T10:00:00+01:00',
  '    status: held',
  'tasks:',
  '  - { id: t-1, title: Write the test, owner: mentee, due: 2026-11-18, status: open }',
].join('\n')}\n`;

const NOW = noon(2026, 11, 21);

function warning(code: string): string {
  const found = parse(FILE, { now: NOW }).diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, code);
  return (found[0] as { message: string }).message;
}

function refusal(): string {
  const r = cancelSession(FILE, { session: 's1', by: 'mentee' }, { now: NOW });
  assert.equal(r.ok, false);
  return (r as { message: string }).message;
}

describe('the core in German (the German bundle configured)', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('words an agreement check\'s warning, an edit\'s refusal and an edit\'s warning in German, keeping ids and dates', () => {
    l10n.config({ contents: german });
    assert.equal(warning('task-overdue'), 'Aufgabe `t-1` (mentee) war am 2026-11-18 fällig, vor 3 Tagen: Erledigen Sie sie, verwerfen Sie sie, oder setzen Sie ein neues Datum `due`.');
    assert.equal(warning('missing-feedback'), 'Sitzung `s1` fand ohne Feedback statt, und die Vereinbarung verlangt Feedback nach jeder Sitzung: Ergänzen Sie es („Mentoring: Feedback zu einer Sitzung geben“ oder ein Eintrag `feedback:`).');
    assert.equal(refusal(), 'Sitzung s1 hat bereits stattgefunden; sie kann nicht abgesagt werden. Es wurde nichts geändert.');
    // A refusal already saying that nothing changed is not told twice.
    const started = startSession(FILE, { session: 'nope' }, { now: NOW });
    assert.deepEqual(started, { ok: false, message: 'Es gibt keine Sitzung „nope“. Sitzungen: s1. Es wurde nichts geändert.' });
    // An edit's warning, with its duration in the page's German words.
    const planned = planSession(FILE, { at: '2026-11-22T12:00:00+01:00', topic: 'Pairing' }, { now: NOW, utcOffsetMinutes: 60 });
    assert.equal(planned.ok, true);
    const late = (planned as { warnings: string[] }).warnings.find((w) => w.startsWith('Das Thema'));
    assert.match(late ?? '', /^Das Thema wurde mit einem Vorlauf von \d+ Stunden?( \d+ Minuten?)? vor der Sitzung angekündigt; die Vereinbarung verlangt eine Frist von 48h \(expectations\.topicNotice\)\.$/);
  });

  it('speaks English again once the bundle is reset (the CLI configures none)', () => {
    l10n.config({ contents: german });
    assert.match(refusal(), /^Sitzung s1/);
    l10n.config({ contents: {} });
    assert.equal(refusal(), 'Session s1 was already held; it cannot be cancelled. Nothing was changed.');
    assert.match(warning('task-overdue'), /^Task `t-1` \(mentee\) was due 2026-11-18, 3 days ago:/);
  });
});
