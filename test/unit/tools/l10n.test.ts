/**
 * The extension's own strings, localised with `vscode.l10n.t`: `l10n/bundle.l10n.json` is what
 * `npx @vscode/l10n-dev export --outDir ./l10n ./src ./webview` finds (run by its library here, on the real
 * sources), `l10n/bundle.l10n.de.json` translates every entry, and the converted modules keep no bare
 * user-facing text. Not every module is converted yet: `CONVERTED` lists those that are.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { ENGLISH_STATUS } from '../../../src/core/views/status';
import { ROOT } from '../../fixtures';

/** Modules whose every user-visible string goes through vscode.l10n.t (add one when you convert it). */
const CONVERTED = ['src/editor/statusBar.ts', 'src/commands/planSession.ts', 'src/commands/startSession.ts', 'src/commands/endSession.ts',
  'src/commands/cancelSession.ts', 'src/commands/completeTask.ts', 'src/commands/dropTask.ts', 'src/commands/pickFile.ts'];
const EXPORT = 'npx @vscode/l10n-dev export --outDir ./l10n ./src ./webview';

const readJson = (p: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, string>;
const bundle = readJson('l10n/bundle.l10n.json');
const german = readJson('l10n/bundle.l10n.de.json');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('localised extension strings (vscode.l10n.t, l10n/)', () => {
  let exported: Record<string, unknown> = {};
  before(async function () {
    this.timeout(60_000);
    const files = [...sources('src'), ...sources('webview')].map((f) => ({ extension: extname(f), contents: readFileSync(join(ROOT, f), 'utf8') }));
    exported = await getL10nJson(files);
  });

  it(`l10n/bundle.l10n.json is exactly what l10n-dev export finds in src/ and webview/ (run: ${EXPORT})`, () => {
    const sorted = (o: Record<string, unknown>): [string, unknown][] => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
    assert.deepEqual(sorted(bundle), sorted(exported), `l10n/bundle.l10n.json is out of date: run ${EXPORT}, then translate the new entries in l10n/bundle.l10n.de.json`);
  });

  it('finds the converted strings: the status bar and the session and task commands', () => {
    for (const s of ['No session planned. Click to open the Mentoring sidebar.', 'Next session in {0} · topic not announced',
      'Plan a session (1/3)', 'Session {0} planned and its topic announced.', 'Which session is ending?', 'Session {0} cancelled by the mentee.',
      'Task "{0}" dropped.', 'There is no mentoring agreement in this workspace yet.']) {
      assert.ok(s in exported, `${s} among ${Object.keys(exported).length} exported strings`);
    }
  });

  it('leaves no bare user-facing text in a converted module', () => {
    // A prompt's title, prompt, placeholder or pick label, a message shown, a success message returned.
    const bare = [/\b(?:title|prompt|placeHolder|label|description)\s*:\s*(['"`])[A-Za-z]/g, /\.(?:info|error|warn|warning)\(\s*(['"`])[A-Za-z]/g,
      /\(\)\s*=>\s*(['"`])[A-Za-z]/g, /^\s*(['"])[A-Z][^'"]*[?.]\1,$/gm];
    const found: string[] = [];
    for (const file of CONVERTED) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      text.split('\n').forEach((line, i) => {
        if (line.trim().startsWith('*') || line.trim().startsWith('//')) return;
        for (const re of bare) if (new RegExp(re.source, re.flags.replace('g', '')).test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, [], `wrap these in vscode.l10n.t('…', args), then run ${EXPORT} and add the German to l10n/bundle.l10n.de.json`);
  });

  it('the core\'s English status words are the very messages of the bundle (one wording, two places)', () => {
    const args = ['{0}', '{1}', '{2}', '{3}'];
    for (const [name, fn] of Object.entries(ENGLISH_STATUS) as [string, (...a: string[]) => string][]) {
      const message = fn(...args);
      assert.ok(message in bundle, `ENGLISH_STATUS.${name} says "${message}", which src/editor/statusBar.ts does not pass to vscode.l10n.t`);
    }
  });

  it('l10n/bundle.l10n.de.json translates every entry, keeping its {n} placeholders', () => {
    assert.deepEqual(Object.keys(german).sort(), Object.keys(bundle).sort(), 'the German bundle has the same entries as the English');
    // Words German writes the same (the sidebar's tab names and roles among them).
    const same = new Set(['Mentoring: {0}', 'Agenda', 'Feedback', 'Trend', 'Mentor', 'Mentee', 'in {0}']);
    const untranslated = Object.keys(bundle).filter((k) => german[k] === bundle[k] && !same.has(k));
    assert.deepEqual(untranslated, [], 'left in English');
    for (const [k, v] of Object.entries(german)) assert.deepEqual(placeholders(v), placeholders(k), k);
    assert.equal(german['Session {0} planned.'], 'Sitzung {0} geplant.');
  });
});
