/**
 * The seal's messages in the user's language: with the German bundle configured (as the extension
 * does at activation, src/extension.ts), the Problems panel's sealing warnings, an armor problem and
 * the reason a hover gives for a block the keys do not open are German; with none (the CLI) English.
 */
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { parse } from '../../../../src/core/parse';
import { open, seal } from '../../../../src/core/seal/age';
import { GERMAN as german } from '../../../fixtures/german';
import { keygen } from './realAge';

const NOW = new Date('2026-11-20T10:00:00Z');

/** A file whose mentor has a key and whose mentee has none, with plain notes and a damaged sealed block. */
function file(mentorKey: string, armor: string, notes: string): string {
  const damaged = armor.replace(/\n$/, '').split('\n');
  damaged[2] = `${damaged[2]?.slice(0, 9)}!${damaged[2]?.slice(10)}`;
  return [
    'version: 1',
    'agreement:',
    '  mentor:',
    '    name: Ana',
    `    key: ${mentorKey}`,
    '  mentee:',
    '    name: Ben',
    '  started: 2026-08-31',
    'sessions:',
    '  - id: s1',
    '    at: 2026-11-19T15:00:00Z',
    '    status: held',
    `    notes: ${notes}`,
    '    feedback:',
    '      - from: mentee',
    '        valuable: |',
    ...damaged.map((l) => `          ${l}`),
    '',
  ].join('\n');
}

const messages = (text: string): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const d of parse(text, { now: NOW }).diagnostics) (out[d.code] ??= []).push(d.message);
  return out;
};

describe('seal: messages in German with the German bundle', function () {
  this.timeout(20_000);
  const mentor = keygen();
  const other = keygen();

  after(() => l10n.config({ contents: {} }));

  it('the sealing warnings, an armor problem and why a block stays closed are German; without a bundle English', async () => {
    const armor = await seal('The demo', [mentor.recipient]);
    l10n.config({ contents: german });
    // Each text is parsed once (the parse keeps the last text's result): a new note for each language.
    const de = messages(file(mentor.recipient, armor, 'Lief gut.'));
    assert.deepEqual(de['not-sealed'], [
      'Die Notiz der Sitzung s1 ist Klartext, obwohl die Vereinbarung Sitzungsnotizen als vertraulich festlegt: Alle, die das Repository lesen können, können es lesen. Versiegeln Sie es (`mentoring reseal` oder die Schnellkorrektur), damit nur noch Ana (Mentor) es lesen können; die Git-Historie enthält diesen Text weiterhin (siehe docs/confidentiality.md).',
    ]);
    assert.deepEqual(de['key-missing'], [
      'Der Mentee hat noch keinen Schlüssel, daher sind versiegelte Felder nur für Ana (Mentor) lesbar: Der Mentee fügt seinen mit `mentoring key add --role mentee PUBLIC_KEY` hinzu, danach führt jemand, der lesen kann, `mentoring reseal` aus.',
    ]);
    assert.deepEqual(de['bad-armor'], [
      'Das Feld valuable im Feedback des Mentees zur Sitzung s1 ist versiegelt, aber „!“ ist kein Base64: Der versiegelte Block wurde von Hand geändert oder beschädigt; stellen Sie ihn aus Git wieder her (Zeile 3, Spalte 10 des versiegelten Blocks).',
    ]);
    const closed = await open(armor, [other.identity]);
    assert.deepEqual(closed, { ok: false, reason: 'not-for-you', message: 'keiner Ihrer Schlüssel ist unter seinen Empfängern' });

    l10n.config({ contents: {} });
    const en = messages(file(mentor.recipient, armor, 'Went well.'));
    assert.match(en['not-sealed']?.[0] ?? '', /^The notes of session s1 is plain text, though session notes are confidential: .* so only Ana \(mentor\) can;/);
    assert.deepEqual(await open(armor, [other.identity]), { ok: false, reason: 'not-for-you', message: 'none of your keys is among its recipients' });
  });
});
