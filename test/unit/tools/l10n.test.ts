/**
 * The extension's own strings, localised with `vscode.l10n.t` (and `@vscode/l10n` in the modules kept
 * free of `vscode` for their Node unit tests): `l10n/bundle.l10n.json` is what
 * `npx @vscode/l10n-dev export --outDir ./l10n ./src ./webview` finds (run by its library here, on the real
 * sources), `l10n/bundle.l10n.de.json` translates every entry, and no module of the extension host's
 * adapters (HOST_FOLDERS) keeps bare user-facing text, except the few EXEMPT ones, each with its reason.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { fileHasErrors as coreFileHasErrors } from '../../../src/core/diagnostics';
import { HINT_CATEGORIES, HINT_RULE_IDS } from '../../../src/core/hints/ids';
import { findHints, HINT_RULES } from '../../../src/core/hints/index';
import { heatedMessage } from '../../../src/core/hints/model/heated';
import { ENGLISH_STATUS } from '../../../src/core/views/status';
import { fileHasErrors } from '../../../src/editor/outcome';
import { ROOT } from '../../fixtures';

/** The extension host's adapters: every module in them is scanned for bare user-facing text. */
const HOST_FOLDERS = ['src/commands', 'src/editor', 'src/reviews', 'src/web', 'src/node', 'src/extension.ts'];
/** Modules of HOST_FOLDERS left out of the scan, each with why. Keep it short. */
const EXEMPT: Record<string, string> = {
  'src/node/casWrite.ts': 'shared with the CLI, which speaks English; its two errors reach the editor only inside a store message',
  'src/node/fileLock.ts': 'shared with the CLI, which speaks English (a lock held by another process)',
  'src/node/parseWorker.ts': 'its errors never reach a user: the store catches each and parses on the host instead (editor/store.ts parseInWorker)',
  'src/editor/parseWorkerClient.ts': 'the parse worker\'s client (desktop and browser): its errors are caught by the store as above; its lines are the English log\'s, as the sidebar\'s',
  'src/editor/parseWorkerProtocol.ts': 'runs in the worker; its one error is caught by the store as above',
  'src/web/parseWorker.ts': 'the browser\'s worker start: its errors are caught by the store as above; its lines are the English log\'s',
};
/** Core modules whose text the editor shows: scanned like the adapters (the CLI shares them; with no bundle configured it speaks English). */
// Not src/core/hints: the hint engine stays English by design (its rules read English; its rewrites are of the user's English
// comment), and the editor's words for it (messages, descriptions, rewrite titles) are src/reviews/hintMessages.ts's, by rule id
// (tested below). It is also the extension's lazy part dist/parts/hints.js, whose own copy of @vscode/l10n the host never
// configures: an l10n.t there would stay English in the desktop editor while passing here. Nor src/core/merge or src/core/report*:
// only the CLI (the git merge driver, `mentoring report`) shows their text.
const CORE_FOLDERS = ['src/core/parse', 'src/core/schema.ts', 'src/core/diagnostics.ts', 'src/core/closeness.ts', 'src/core/files.ts',
  'src/core/checks.ts', 'src/core/queries.ts', 'src/core/edit', 'src/core/rituals', 'src/core/links.ts', 'src/core/time.ts',
  'src/core/summary.ts', 'src/core/init.ts', 'src/core/views', 'src/core/threads', 'src/core/seal'];
/** Core modules of CORE_FOLDERS left out of the scan, each with why. */
const CORE_EXEMPT: Record<string, string> = {
  'src/core/schema.ts': 'its descriptions and title are the JSON schema\'s (media/mentoring.schema.json, English, compared byte for byte); its messages are l10n.t calls, held to German in test/unit/core/parse/l10n.test.ts',
  'src/core/parse/schemaWords.ts': 'a table: each English description of the schema it matches, and its l10n.t wording (test/unit/core/parse/l10n.test.ts holds every description to an entry)',
  'src/core/rituals/closingSummary.ts': 'its Markdown is printed by the CLI only (mentoring close); the page words the closing facts itself (webview/closing.ts)',
  'src/core/views/protocol.ts': 'its reasons for a rejected message go to the log (and, on the page, in parentheses after a localised sentence)',
};
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

/** Entries that read the same in German (a name, a loan word, a bare format): allowed to stay as they are. */
const SAME_IN_GERMAN = new Set(['Mentoring: {0}', 'Mentoring', 'Mentor', 'Mentee', '{0}: {1}', '{0} {1}', 'Agenda', 'Feedback', 'Trend', 'in {0}', '{0} MB', '{0} KB', '`{0}`: {1}.',
  '## Agenda', '## Feedback', 'Agenda:', '- **Status:** {0}', '- **Mentor:** {0} · **Mentee:** {1}']);

/** One string or template literal of a module: where its opening quote is, and its text (a template's `${…}` as `${}`). */
interface Literal {
  start: number;
  text: string;
}

/**
 * The module's string and template literals, in order: comments skipped, regular expression
 * literals skipped (a `/` where an operand is expected), templates' substitutions scanned as code.
 */
function literalsOf(src: string): Literal[] {
  const out: Literal[] = [];
  let i = 0;
  const operandExpected = (): boolean => /(?:^|[(,=:[!&|?{};+\-*%<>~^]|\breturn|\btypeof)\s*$/.test(src.slice(Math.max(0, i - 12), i));
  const quoted = (q: string): void => {
    const start = i++;
    let text = '';
    while (i < src.length && src[i] !== q && src[i] !== '\n') {
      if (src[i] === '\\') { text += src.slice(i, i + 2); i += 2; continue; }
      text += src[i++];
    }
    i++;
    out.push({ start, text });
  };
  const template = (): void => {
    const start = i++;
    let text = '';
    while (i < src.length && src[i] !== '`') {
      if (src[i] === '\\') { text += src.slice(i, i + 2); i += 2; continue; }
      if (src[i] === '$' && src[i + 1] === '{') { i += 2; text += '${}'; code(true); continue; }
      text += src[i++];
    }
    i++;
    out.push({ start, text });
  };
  const regex = (): void => {
    i++;
    let inClass = false;
    while (i < src.length && src[i] !== '\n') {
      const c = src[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      i++;
    }
    i++;
  };
  const code = (inSubstitution: boolean): void => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
      if (c === '/' && src[i + 1] === '*') { const end = src.indexOf('*/', i + 2); i = end < 0 ? src.length : end + 2; continue; }
      if (c === '/' && operandExpected()) { regex(); continue; }
      if (c === "'" || c === '"') { quoted(c); continue; }
      if (c === '`') { template(); continue; }
      if (inSubstitution && c === '{') depth++;
      if (inSubstitution && c === '}') {
        if (depth === 0) { i++; return; }
        depth--;
      }
      i++;
    }
  };
  code(false);
  return out;
}

/**
 * Where a literal is user-facing text whatever it says: a message shown (window or Ui), a modal
 * question, a quick pick's label/description/detail, a prompt's title/prompt/placeHolder, a save
 * dialog's label, a thrown error, a code action's title, a hover's Markdown, a comment controller's
 * label, a value returned from an arrow (a done message, a validation).
 */
const SINKS: RegExp[] = [
  /(?:show(?:Information|Warning|Error)Message|\.(?:info|error|warn|warning|confirm)|appendMarkdown|appendText|new vscode\.CodeAction|new vscode\.Hover|new vscode\.MarkdownString)\(\s*$/,
  /createCommentController\([^,()]+,\s*$/,
  /\b(?:title|prompt|placeHolder|placeholder|label|description|detail|tooltip|message|saveLabel|openLabel)\s*[:=]\s*$/,
  /\bthrow new \w+\(\s*$/,
  /=>\s*\(?\s*$/,
];
const LOCALISED = /\bl10n\.t\(\s*$/;
const ID = /^[a-z][A-Za-z]*(?:[-.][a-z][A-Za-z]*)*$/;
/** A line that says why its literal stays English (a constant kept for a caller outside HOST_FOLDERS, the core's English matched). */
const LINE_EXEMPT = /\/\/ l10n-exempt: \S/;

/** The bare user-facing literals of one module, as `file:line: source line`: in a sink, or reading like a sentence (three words or more). */
export function bareLiterals(file: string, source: string): string[] {
  const found = new Map<number, string>();
  for (const lit of literalsOf(source)) {
    const before = source.slice(Math.max(0, lit.start - 80), lit.start);
    if (LOCALISED.test(before) || !/^[A-Za-z]/.test(lit.text) || ID.test(lit.text)) continue;
    const sentence = /\s\S+\s/.test(lit.text);
    if (!sentence && !SINKS.some((re) => re.test(before))) continue;
    const line = source.slice(0, lit.start).split('\n').length;
    if (LINE_EXEMPT.test(source.split('\n')[line - 1] ?? '')) continue;
    found.set(line, `${file}:${line}: ${source.split('\n')[line - 1]?.trim() ?? ''}`);
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
}

function hostModules(): string[] {
  return HOST_FOLDERS.flatMap((f) => (f.endsWith('.ts') ? [f] : sources(f))).filter((f) => !(f in EXEMPT));
}

function coreModules(): string[] {
  return CORE_FOLDERS.flatMap((f) => (f.endsWith('.ts') ? [f] : sources(f))).filter((f) => !(f in CORE_EXEMPT));
}

describe('localised extension strings (vscode.l10n.t, l10n/)', () => {
  let exported: Record<string, unknown> = {};
  before(async function () {
    this.timeout(60_000);
    const files = [...sources('src'), ...sources('webview')].map((f) => ({ extension: extname(f), contents: readFileSync(join(ROOT, f), 'utf8') }));
    exported = await getL10nJson(files);
  });

  it(`l10n/bundle.l10n.json is exactly what l10n-dev export finds in src/ (run: ${EXPORT})`, () => {
    const sorted = (o: Record<string, unknown>): [string, unknown][] => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
    assert.deepEqual(sorted(bundle), sorted(exported), `l10n/bundle.l10n.json is out of date: run ${EXPORT}, then translate the new entries in l10n/bundle.l10n.de.json`);
  });

  it('finds the adapters\' strings: status bar, commands, quick fixes, review threads, hints, private notes', () => {
    for (const s of ['No session planned. Click to open the Mentoring sidebar.', 'Next session in {0} · topic not announced',
      'Plan a session (1/3)', 'Session {0} planned and its topic announced.', 'Which session is ending?', 'Session {0} cancelled by the mentee.',
      'Task "{0}" dropped.', 'There is no mentoring agreement in this workspace yet.', 'Set up a mentoring agreement ({0})', 'Seal it',
      'Delete this review thread and all its comments from the mentoring file?', 'Rewrite as: "{0}"', 'Install', 'Open in Calendar App',
      'There is no mentoring file in this workspace yet. Run "{0}" to create one.', 'Mentor', 'private — only on this machine']) {
      assert.ok(s in exported, `${s} among ${Object.keys(exported).length} exported strings`);
    }
  });

  it(`leaves no bare user-facing text in any module of ${HOST_FOLDERS.join(', ')} (EXEMPT: ${Object.keys(EXEMPT).length})`, () => {
    const modules = hostModules();
    assert.ok(modules.length > 40, `${modules.length} modules scanned`);
    const found = modules.flatMap((file) => bareLiterals(file, readFileSync(join(ROOT, file), 'utf8')));
    assert.deepEqual(found, [], `wrap these in vscode.l10n.t('…', args), then run ${EXPORT} and add the German to l10n/bundle.l10n.de.json`);
    for (const file of Object.keys(EXEMPT)) assert.ok(sources(file.slice(0, file.lastIndexOf('/'))).includes(file), `EXEMPT names ${file}, which is not there`);
  });

  it('leaves no bare user-facing text in the core modules the editor shows (CORE_FOLDERS)', () => {
    const modules = coreModules();
    assert.ok(modules.length > 30, `${modules.length} modules scanned`);
    const found = modules.flatMap((file) => bareLiterals(file, readFileSync(join(ROOT, file), 'utf8')));
    assert.deepEqual(found, [], `wrap these in l10n.t('…', args) (import * as l10n from '@vscode/l10n'), then run ${EXPORT} and add the German to l10n/bundle.l10n.de.json`);
    const all = CORE_FOLDERS.flatMap((f) => (f.endsWith('.ts') ? [f] : sources(f)));
    for (const file of Object.keys(CORE_EXEMPT)) assert.ok(all.includes(file), `CORE_EXEMPT names ${file}, which is not a module of CORE_FOLDERS`);
  });

  it('the scanner catches every kind of bare text it is meant to (and passes the localised forms)', () => {
    const bare = [
      "void vscode.window.showWarningMessage('Your notes could not be read.');",
      'void ui.info(`Saved ${id}.`);',
      "await ui.confirm('Close the mentorship?', 'Close');",
      "{ label: 'Weekly', value: 'weekly' },",
      "{ label: x, description: 'an age key', value: 1 },",
      "detail: 'Open the file',",
      "{ title: 'Add a task', placeHolder: 'Whose task is it?' }",
      "prompt: `Task title (links ${l})`,",
      "throw new Error('A private note needs some text.');",
      "throw new KeptChanging(`The lock on ${path} was taken over`);",
      '() => `Task ${id} added.`',
      "validate: (v) => (v ? undefined : 'A task needs a title.'),",
      "new vscode.CodeAction('Seal it', kind);",
      "md.appendMarkdown('You could write instead:');",
      "draft.label = 'New thread';",
      "const message = 'There is nothing to do here today.';",
      "chooseSession(ctx, all, given, f, 'Feedback on which session?', none);",
    ];
    for (const line of bare) assert.equal(bareLiterals('x.ts', line).length, 1, line);
    const fine = [
      "void vscode.window.showWarningMessage(vscode.l10n.t('Your notes could not be read.'));",
      "{ label: vscode.l10n.t('Weekly'), value: 'weekly' },",
      "throw new Error(l10n.t('A private note needs some text.'));",
      "validate: (v) => (v ? undefined : vscode.l10n.t(\n  'A task needs a title.')),",
      "// void ui.info('Saved it to the file.');",
      "const status = 'planned';",
      "title: 'mentoring.hints.disabledRules',",
      "console.error('[mentoring] threads:', err);",
      "if (/[\"']/.test(s)) return 'x';",
      "const ENGLISH = 'Kept in English for now.'; // l10n-exempt: read by the CLI",
    ];
    for (const line of fine) assert.deepEqual(bareLiterals('x.ts', line), [], line);
  });

  it('every hint rule and category of the core is given a localised message (src/reviews/hintMessages.ts), in the core\'s English words', () => {
    const text = readFileSync(join(ROOT, 'src/reviews/hintMessages.ts'), 'utf8');
    for (const id of [...HINT_RULE_IDS, ...HINT_CATEGORIES]) assert.match(text, new RegExp(`case '${id}':`), `hintMessages.ts has no case for ${id}`);
    // The English a hint says, with its quoted word (or the model's figure) as {0}, is a key of the bundle: a reworded core
    // message fails here instead of silently showing English in German.
    const comments = readFileSync(join(ROOT, 'test/fixtures/hints/mentoring.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
    const seen = new Set<string>();
    for (const c of comments) {
      for (const h of findHints(c, { extraJudgmentWords: ['hacky'] })) {
        seen.add(h.rule);
        const key = h.message in bundle ? h.message : h.rule === 'heated-tone' ? h.message.replace(/\((\d+) %/, '({0} %') : h.message.replace(/"[^"]*"/, '"{0}"');
        assert.ok(key in bundle, `${h.rule}: "${key}" is not in the bundle (src/reviews/hintMessages.ts says it in other words)`);
      }
    }
    assert.ok(seen.size >= 20, `the fixture comments raise ${seen.size} rules`);
    // The model's two messages, with a proposal and without (why no question is offered), whichever the fixtures raise.
    for (const proposes of [true, false]) {
      const key = heatedMessage(0.87, proposes).replace('(87 %', '({0} %');
      assert.ok(key in bundle, `heated-tone: "${key}" is not in the bundle (src/reviews/hintMessages.ts says it in other words)`);
    }
  });

  it('every hint rule\'s description (the hover) is given in the user\'s language, in the core\'s English words (src/reviews/hintMessages.ts)', () => {
    const text = readFileSync(join(ROOT, 'src/reviews/hintMessages.ts'), 'utf8');
    const described = text.slice(text.indexOf('export function hintRuleDescription'));
    for (const rule of HINT_RULES) {
      assert.ok(rule.description in bundle, `${rule.id}: its description "${rule.description}" is not in the bundle: word it in hintRuleDescription`);
      assert.match(described, new RegExp(`case '${rule.id}':`), `hintRuleDescription has no case for ${rule.id}`);
      assert.notEqual(german[rule.description], rule.description, `${rule.id}: its description is not translated`);
    }
  });

  it('the editor\'s "file has errors" words are the core\'s, in English', () => {
    const ds = [{ severity: 'error' as const, line: 3, column: 5, message: 'Expected a date.' }];
    assert.equal(fileHasErrors('a.yaml', ds), coreFileHasErrors('a.yaml', ds, 'problems-panel'));
    assert.equal(fileHasErrors('a.yaml', []), coreFileHasErrors('a.yaml', [], 'problems-panel'));
  });

  it('the core\'s English status words are the very messages of the bundle (one wording, two places)', () => {
    const args = ['{0}', '{1}', '{2}', '{3}'];
    for (const [name, fn] of Object.entries(ENGLISH_STATUS) as [string, unknown][]) {
      if (typeof fn !== 'function') continue; // `duration`: the page's messages ('{0} days'…), checked there
      const message = (fn as (...a: string[]) => string)(...args);
      assert.ok(message in bundle, `ENGLISH_STATUS.${name} says "${message}", which src/editor/statusBar.ts does not pass to vscode.l10n.t`);
    }
  });

  it('l10n/bundle.l10n.de.json translates every entry, keeping its {n} placeholders', () => {
    assert.deepEqual(Object.keys(german).sort(), Object.keys(bundle).sort(), 'the German bundle has the same entries as the English');
    const untranslated = Object.keys(bundle).filter((k) => german[k] === bundle[k] && !SAME_IN_GERMAN.has(k));
    assert.deepEqual(untranslated, [], 'left in English');
    for (const [k, v] of Object.entries(german)) assert.deepEqual(placeholders(v), placeholders(k), k);
    assert.equal(german['Session {0} planned.'], 'Sitzung {0} geplant.');
  });
});
