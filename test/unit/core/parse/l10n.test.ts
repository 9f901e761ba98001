/**
 * The parse's diagnostics in the user's language (src/core/parse/**, schema.ts, diagnostics.ts through
 * `@vscode/l10n`): with the German bundle configured, a real parse says its errors in German, at
 * the same places and with the same data for quick fixes as in English; the schema's own messages
 * and the descriptions the messages quote (parse/schemaWords.ts) are German too. The bundle is
 * module state shared by the whole mocha run: every test here resets it (and the parse's one-entry
 * cache, which would hand the German diagnostics to the next parse of the same text).
 */
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { fileHasErrors } from '../../../../src/core/diagnostics';
import { clearParseCache } from '../../../../src/core/parse/index';
import { describedAs } from '../../../../src/core/parse/schemaWords';
import { IsoDate, toJsonSchema } from '../../../../src/core/schema';
import { inGerman } from '../../../fixtures/german';
import { base, only, run, text } from './base';


/** A file with three mistakes: a goal without its date, a date-time with a space, a task naming a goal by a typo. */
function broken(): string {
  const ls = base();
  ls.splice(8, 1); // `by:` of the goal
  ls[12] = '    at: 2026-11-19 15:00'; // the session's `at`
  ls[18] = '    goal: test-first'; // the task's goal
  return text(ls);
}

describe('parse: diagnostics in the configured language (German bundle)', () => {
  after(() => {
    l10n.config({ contents: {} });
    clearParseCache();
  });

  it('says a dangling reference, a near-miss date-time and a missing field in German, at the same places with the same quick-fix data', () => {
    const english = run(broken(), { checks: false }).diagnostics;
    const deutsch = inGerman(() => run(broken(), { checks: false }).diagnostics);
    assert.equal(deutsch.length, english.length);
    deutsch.forEach((d, i) => {
      const { message: m1, ...rest1 } = d;
      const { message: m2, ...rest2 } = english[i] as typeof d;
      assert.deepEqual(rest1, rest2, 'code, place, path and data do not depend on the language');
      assert.notEqual(m1, m2, `${d.code} is worded in German`);
    });

    const goal = only({ ok: false, diagnostics: deutsch }, 'unknown-goal');
    assert.equal(goal.message, 'Kein Ziel hat die ID `test-first` (meinten Sie `tests-first`?): verwenden Sie eine von tests-first oder entfernen Sie `goal`.');
    assert.deepEqual(goal.data, { candidates: ['tests-first'] });
    assert.match(only({ ok: false, diagnostics: english }, 'unknown-goal').message, /^No goal has the id `test-first` \(did you mean `tests-first`\?\)/);

    const [missing, at] = deutsch.filter((d) => d.code === 'schema');
    assert.equal(missing?.message, 'In `agreement.goals[0]` fehlt das erforderliche Feld `by`: Fügen Sie `by:` hinzu (Zieldatum; höchstens sechs Monate nachdem das Ziel gesetzt wurde, z. B. 2026-11-19).');
    assert.equal(at?.message, '`sessions[0].at`: erwartet wird ein Datum mit Uhrzeit wie 2026-11-19T15:00:00+01:00 (ISO 8601) (gefunden: der Text "2026-11-19 15:00"): Meinten Sie 2026-11-19T15:00?');
    assert.equal(at?.data?.suggested, '2026-11-19T15:00', 'the quick fix reads the suggestion from the data, in any language');
  });

  it('words YAML and file-level errors in German: a duplicate key, a merge conflict, "file has errors"', () => {
    const ls = base();
    ls.splice(1, 0, 'version: 1');
    const dup = inGerman(() => only(run(text(ls), { checks: false }), 'duplicate-key'));
    assert.equal(dup.message, 'Der Schlüssel `version` kommt in derselben Zuordnung zweimal vor (zuerst in Zeile 1): Behalten Sie einen und löschen Sie den anderen oder führen Sie beide zusammen.');
    const conflict = inGerman(() => only(run(`${text(base())}<<<<<<< ours\n`), 'merge-conflict'));
    assert.match(conflict.message, /^Ungelöster Git-Merge-Konflikt: Markierung `<<<<<<<` in Zeile 22\./);
    const refusal = inGerman(() => fileHasErrors('a.yaml', [dup], 'listed-above'));
    assert.equal(refusal, `a.yaml enthält Fehler und kann daher erst geändert werden, wenn sie behoben sind (oben aufgeführt); es wurde nichts geändert. Der erste in Zeile 2, Spalte 1: ${dup.message}`);
    assert.match(fileHasErrors('a.yaml', [dup], 'listed-above'), /^a\.yaml has errors, so it cannot be changed until they are fixed \(listed above\); nothing was changed\. First at line 2/);
  });

  it("gives the schema's own messages in German when they are made (never at import), and English with no bundle", () => {
    const issues = (): string[] => IsoDate.safeParse('2026-2-3').error?.issues.map((i) => i.message) ?? [];
    assert.deepEqual(inGerman(issues), ['erwartet wird ein Datum wie 2026-11-19 (JJJJ-MM-TT)', 'diesen Tag gibt es im Kalender nicht']);
    assert.deepEqual(issues(), ['expected a date like 2026-11-19 (YYYY-MM-DD)', 'that day does not exist in the calendar']);
  });

  it('words every description of the schema (parse/schemaWords.ts), in English as the messages always said it', () => {
    const descriptions = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (typeof x === 'object' && x !== null) {
        const d = (x as { description?: unknown }).description;
        if (typeof d === 'string') descriptions.add(d);
        Object.values(x).forEach(walk);
      }
    };
    const schema = toJsonSchema();
    walk(schema);
    descriptions.delete(schema.description as string); // the file's own, never part of a message
    assert.ok(descriptions.size >= 40, `${descriptions.size} descriptions`);
    for (const d of descriptions) {
      assert.equal(describedAs(d), d.replace(/\.$/, '').replace(/^A /, 'a '), `parse/schemaWords.ts has no entry for "${d}"`);
      const de = inGerman(() => describedAs(d));
      assert.ok(de !== undefined && de !== describedAs(d), `"${d}" in German`);
    }
  });
});
