/**
 * The manifest's words, localised: every title and description a contribution shows is a `%key%`
 * in package.json, its English in package.nls.json and its German in package.nls.de.json (VS Code
 * picks the file of its display language; vsce puts the English into the listing).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../fixtures';

const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as Record<string, unknown>;
const pkg = read('package.json');
const LANGUAGES = { en: 'package.nls.json', de: 'package.nls.de.json' } as const;
const nls = { en: read(LANGUAGES.en), de: read(LANGUAGES.de) };

/** Fields whose text VS Code shows to the user (in the palette, settings, views, walkthroughs). */
const SHOWN = new Set(['title', 'shortTitle', 'description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage',
  'markdownDeprecationMessage', 'contextualTitle', 'label']);
const SHOWN_LISTS = new Set(['enumDescriptions', 'markdownEnumDescriptions']);
const PLACEHOLDER = /^%([^%\s]+)%$/;

interface Shown { path: string; value: unknown; suggested: string }

/** The key this file's convention gives a field (what the failure message proposes). */
function suggestKey(path: (string | number)[], node: Record<string, unknown>, field: string): string {
  const short = (id: unknown): string => String(id).replace(/^mentoring\./, '');
  if (path[0] === 'commands') return `command.${short(node.command)}.${field}`;
  if (path[0] === 'configuration' && path[1] === 'properties') return `config.${short(path[2])}.${field}`;
  if (path[0] === 'views') return `view.${short(node.id)}.${field}`;
  if (path[0] === 'walkthroughs') return typeof node.id === 'string' && path.length > 2 ? `walkthrough.${short(path[2])}.${node.id}.${field}` : `walkthrough.${short(node.id)}.${field}`;
  return [...path.filter((p) => typeof p === 'string'), field].join('.');
}

/** Every shown text under `contributes`, with its JSON path. */
function shownTexts(): Shown[] {
  const out: Shown[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    // A property's `items` / `properties` describe JSON values, not what the UI shows, except the settings themselves.
    for (const [k, v] of Object.entries(obj)) {
      const here = [...path, k];
      const owner = path.length >= 3 && path[0] === 'walkthroughs' ? String((pkg.contributes as { walkthroughs: { id: string }[] }).walkthroughs[Number(path[1])]?.id) : undefined;
      const suggested = suggestKey(owner ? [path[0] as string, path[1] as number, owner] : path, obj, k);
      if (SHOWN.has(k) || (k === 'name' && path[0] === 'views')) out.push({ path: here.join('.'), value: v, suggested });
      else if (SHOWN_LISTS.has(k) && Array.isArray(v)) {
        const values = Array.isArray(obj.enum) ? obj.enum : [];
        v.forEach((item, i) => out.push({ path: `${here.join('.')}.${i}`, value: item, suggested: `${suggested}.${String(values[i] ?? i)}` }));
      } else walk(v, here);
    }
  };
  walk(pkg.contributes, []);
  const cap = (pkg.capabilities as { untrustedWorkspaces?: { description?: unknown } }).untrustedWorkspaces;
  out.push({ path: 'description', value: pkg.description, suggested: 'description' });
  out.push({ path: 'capabilities.untrustedWorkspaces.description', value: cap?.description, suggested: 'capabilities.untrustedWorkspaces.description' });
  return out;
}

/** Every `%key%` string anywhere in package.json. */
function placeholders(): string[] {
  return [...readFileSync(join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^"%\s]+)%"/g)].map((m) => m[1] ?? '');
}

describe('localised contributions (package.nls.json, package.nls.de.json)', () => {
  it('has no contribution title or description as bare text in package.json', () => {
    const bare = shownTexts().filter((s) => typeof s.value === 'string' && !PLACEHOLDER.test(s.value));
    assert.deepEqual(bare.map((s) => `package.json ${s.path} is the bare text ${JSON.stringify(s.value)}. `
      + `Write "%${s.suggested}%" there instead, add "${s.suggested}": ${JSON.stringify(s.value)} to package.nls.json `
      + `and its German to package.nls.de.json (test/unit/tools/nls.test.ts).`), []);
  });

  it('finds the shown texts it checks (commands, settings, views, the walkthrough)', () => {
    const paths = shownTexts().map((s) => s.path);
    for (const p of ['commands.0.title', 'configuration.title', 'configuration.properties.mentoring.role.markdownDescription',
      'configuration.properties.mentoring.role.enumDescriptions.0', 'views.mentoring.0.name', 'viewsContainers.activitybar.0.title',
      'walkthroughs.0.title', 'walkthroughs.0.steps.0.description']) {
      assert.ok(paths.includes(p), `${p} among ${paths.length} shown texts`);
    }
    assert.ok(paths.length >= 60, `${paths.length} shown texts`);
  });

  it('keeps a command\'s category the product name, the one word left untranslated', () => {
    for (const c of (pkg.contributes as { commands: { command: string; category?: string }[] }).commands) {
      assert.equal(c.category, 'Mentoring', `${c.command}: category`);
    }
  });

  for (const [lang, file] of Object.entries(LANGUAGES) as [keyof typeof LANGUAGES, string][]) {
    it(`${file} holds every %key% of package.json, as text, and no key package.json does not use`, () => {
      const used = new Set(placeholders());
      const missing = [...used].filter((k) => { const v = nls[lang][k]; return typeof v !== 'string' || v.trim() === ''; });
      assert.deepEqual(missing.map((k) => `package.json uses %${k}%: add "${k}" to ${file}`), []);
      const stale = Object.keys(nls[lang]).filter((k) => !used.has(k));
      assert.deepEqual(stale.map((k) => `${file} has "${k}", which package.json no longer uses: remove it`), []);
    });
  }

  it('is a real German: translated, with the same code, command links and settings as the English', () => {
    const same: string[] = [];
    for (const [key, en] of Object.entries(nls.en) as [string, string][]) {
      const de = nls.de[key] as string;
      if (de === en && en !== 'Mentoring') same.push(key);
      // `code`, [links](command:…) and settings names must survive the translation exactly.
      const kept = (text: string): string[] => [...text.matchAll(/`[^`]+`|\(command:[^)]+\)/g)].map((m) => m[0]).sort();
      assert.deepEqual(kept(de), kept(en), `${key}: the German keeps each code span and command link of the English`);
    }
    assert.deepEqual(same, [], 'left in English in package.nls.de.json');
    assert.match(nls.de['command.planSession.title'] as string, /^Sitzung planen$/);
  });
});
