// A tiny local language pack for the workbench (no download): an extension contributing
// `localizations` for one language, with a translations file for a few workbench strings, put into
// a code-server's --extensions-dir, and the user data that selects the language: `User/argv.json`
// `{ "locale": … }` (code-server reads it when no --locale is given) and `languagepacks.json`, the
// server's index of installed packs (it writes the same itself once it has scanned the extensions;
// written here too so the very first page load already finds the pack).
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `translations`: VS Code module id → { nls key → text } (keys as in code-server's
 * lib/vscode/out/nls.keys.json); every other string stays English. Returns the pack's folder.
 */
export function installLanguagePack({ extensionsDir, userDataDir, locale, label, translations }) {
  const name = `test-language-pack-${locale}`;
  const publisher = 'mentoring-test';
  const version = '1.0.0';
  const dir = path.join(extensionsDir, `${publisher}.${name}-${version}`);
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  const main = path.join(dir, 'translations', 'main.i18n.json');
  fs.writeFileSync(main, JSON.stringify({ version, contents: translations }, null, 2));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name, publisher, version, displayName: `${label} (test language pack)`, engines: { vscode: '*' }, categories: ['Language Packs'],
    contributes: { localizations: [{ languageId: locale, languageName: label, localizedLanguageName: label, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
  }, null, 2));
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale }, null, 2));
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
    [locale]: { hash: `test-${locale}-${version}`, extensions: [{ extensionIdentifier: { id: `${publisher}.${name}` }, version }], translations: { vscode: main }, label },
  }, null, 2));
  return dir;
}
