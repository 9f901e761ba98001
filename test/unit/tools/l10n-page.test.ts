/**
 * The sidebar page's words (webview/, `@vscode/l10n`) and the sidebar host's (src/sidebar/,
 * `vscode.l10n.t`): a scanner fails on a bare user-facing literal in webview/ (a lit template's
 * text between tags, a literal `aria-label`, `title`, `placeholder`, `label` or `alt`, a string
 * literal put into a template or handed to `request`/`invalid` as what the user reads); the
 * export (`npx @vscode/l10n-dev export --outDir ./l10n ./src ./webview`) finds the page's strings
 * in l10n/bundle.l10n.json; German translates them; the host hands the bundle over bounded.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import * as ts from 'typescript';
import { getL10nJson } from '@vscode/l10n-dev';
import { L10nBundle, MAX_BUNDLE_ENTRIES, parseBundle, parseHostMessage } from '../../../src/core/views/protocol';
import { pageBundle } from '../../../src/core/views/l10n';
import { ROOT } from '../../fixtures';

const EXPORT = 'npx @vscode/l10n-dev export --outDir ./l10n ./src ./webview';
const readJson = (p: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Text that is not words: file names, the product's name (the same in every language). */
const NOT_WORDS = new Set(['.mentoring.yaml', 'Mentoring']);
const HAS_WORD = /\p{L}{2,}/u;
const MARK = '\u0000';
const TEXT_ATTRS = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'title', 'placeholder', 'label', 'alt'];

const isL10nCall = (n: ts.Node): boolean =>
  ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 't' && n.expression.expression.getText() === 'l10n';
const isLitTag = (n: ts.Node): n is ts.TaggedTemplateExpression => ts.isTaggedTemplateExpression(n) && ['html', 'svg'].includes(n.tag.getText());

/** Bare user-facing literals in one source text, as `line: what`. */
export function bareLiterals(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (n: ts.Node, what: string): void => {
    found.push(`${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${what}`);
  };
  const wordy = (s: string): boolean => HAS_WORD.test(s) && !NOT_WORDS.has(s.trim());

  /** A string literal whose text a reader would see, unless it is l10n.t's message. */
  const checkLiteral = (n: ts.Node, why: string): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && /\p{L}+\s+\p{L}+|^\p{Lu}\p{Ll}+/u.test(n.text)) at(n, `${why}: ${JSON.stringify(n.text)}`);
    if (ts.isTemplateExpression(n)) {
      const parts = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)];
      if (/\p{L}{2,}\s|\s\p{L}{2,}|^\p{Lu}\p{Ll}/u.test(parts.join(MARK))) at(n, `${why}: \`${parts.join('${…}')}\``);
    }
  };
  /** Literals in an expression, not looking into l10n.t calls, nested lit templates (visited on their own) or functions' bodies' calls. */
  const literalsIn = (e: ts.Node, why: string): void => {
    if (isL10nCall(e) || isLitTag(e)) return;
    if (ts.isCallExpression(e)) {
      // A call's arguments are its own business (a selector, a class name), except the two that reach the reader.
      for (const a of e.arguments) if (ts.isCallExpression(a) || ts.isConditionalExpression(a) || ts.isArrowFunction(a)) literalsIn(a, why);
      return;
    }
    if (ts.isArrowFunction(e) && !ts.isBlock(e.body)) return literalsIn(e.body, why);
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return;
    if (ts.isConditionalExpression(e)) return [e.whenTrue, e.whenFalse].forEach((x) => literalsIn(x, why));
    if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(e.operatorToken.kind)) return [e.left, e.right].forEach((x) => literalsIn(x, why));
    if (ts.isParenthesizedExpression(e)) return literalsIn(e.expression, why);
    checkLiteral(e, why);
  };

  const visit = (n: ts.Node): void => {
    if (isLitTag(n)) {
      const t = n.template;
      const statics = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
      const joined = statics.join(MARK);
      // Text nodes: what is left once the tags are out, between the bindings.
      for (const piece of joined.replace(/<[^>]*>/g, MARK).split(MARK)) if (wordy(piece)) at(n, `text ${JSON.stringify(piece.trim())}`);
      // Literal text attributes (a binding's own text is checked below).
      for (const tag of joined.match(/<[^>]*>/g) ?? []) {
        for (const m of tag.matchAll(/\s([\w-]+)=(?:"([^"]*)"|'([^']*)')/g)) {
          const value = m[2] ?? m[3] ?? '';
          if (TEXT_ATTRS.includes(m[1]!) && value.split(MARK).some(wordy)) at(n, `${m[1]}="${value.replaceAll(MARK, '${…}')}"`);
        }
      }
      if (!ts.isNoSubstitutionTemplateLiteral(t)) for (const span of t.templateSpans) literalsIn(span.expression, 'in a template');
    }
    // What a request is announced as, and what an invalid field says.
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['request', 'invalid', 'say'].includes(n.expression.name.text)) {
      for (const a of n.arguments.slice(1)) literalsIn(a, `${n.expression.name.text}()`);
    }
    // Words kept in tables (labels, moments): a property's literal value that reads as words.
    if (ts.isPropertyAssignment(n) && /^(label|text|title|message|what)$/.test(n.name.getText())) literalsIn(n.initializer, `${n.name.getText()}:`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('localised sidebar page (webview/, @vscode/l10n)', () => {
  let exported: Record<string, unknown> = {};
  before(async function () {
    this.timeout(60_000);
    const files = [...sources('src'), ...sources('webview')].map((f) => ({ extension: extname(f), contents: readFileSync(join(ROOT, f), 'utf8') }));
    exported = await getL10nJson(files);
  });

  it('the scanner finds each kind of bare literal (it can fail)', () => {
    const probe = [
      "const a = html`<h2>Next session</h2>`;",
      "const b = html`<button aria-label=\"Move up\" title='Edit' placeholder=\"Filter tasks\">${x}</button>`;",
      "const c = html`<p>${c.running ? 'Session running' : l10n.t('Next session')}</p>`;",
      "const d = html`<p>Topic: ${t}</p>`;",
      "this.host.request(msg, `Add task \"${title}\"`);",
      "this.host.invalid('#task-title', 'Give the task a title.');",
      "const e = { id: 'agenda', label: 'Agenda' };",
      "const f = html`<vscode-radio label=${`${f} open`}></vscode-radio>`;",
    ].join('\n');
    const found = bareLiterals('probe.ts', probe).map((f) => f.split(': ')[0]);
    assert.deepEqual(found, ['probe.ts:1', 'probe.ts:2', 'probe.ts:2', 'probe.ts:2', 'probe.ts:3', 'probe.ts:4', 'probe.ts:5', 'probe.ts:6', 'probe.ts:7', 'probe.ts:8']);
    const fine = [
      "const a = html`<h2>${l10n.t('Next session')}</h2><code>.mentoring.yaml</code>`;",
      "const b = html`<button class=\"icon-button\" aria-label=${l10n.t('Move \"{0}\" up', item)} data-focus=\"agenda-${i}\">${upIcon()} · (${n})</button>`;",
      "const c = html`<p class=${x ? 'overdue-text' : ''}>${this.host.root.querySelector('#task-title')}</p>`;",
      "this.host.request({ type: 'addTask', title }, l10n.t('Add task \"{0}\"', title));",
    ].join('\n');
    assert.deepEqual(bareLiterals('fine.ts', fine), []);
  });

  it('webview/ has no bare user-facing literal: every word goes through l10n.t', () => {
    const found = sources('webview').flatMap((f) => bareLiterals(f, readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(found, [], `wrap these in l10n.t('…', args) (import * as l10n from '@vscode/l10n'), then run ${EXPORT} and translate them in l10n/bundle.l10n.de.json`);
  });

  it(`the export of ./src ./webview finds the page's strings, and l10n/bundle.l10n.json holds them (run: ${EXPORT})`, () => {
    const bundle = readJson('l10n/bundle.l10n.json');
    for (const s of ['Agenda', 'Tasks', 'Goals', 'Start session', 'Add to calendar…', 'Move "{0}" up', 'No mentoring agreement yet', 'Updated: {0}.',
      'Topic not announced: the notice deadline is {0}.', '{0} open tasks', 'Sealed — readable by {0}']) {
      assert.ok(s in exported, `${s} is found by the export`);
      assert.ok(s in bundle, `${s} is in l10n/bundle.l10n.json`);
    }
    for (const s of ['Task {0} reopened.', 'Mentoring opens only workspace-relative links; not this one ({0}).']) assert.ok(s in exported && s in bundle, s);
    const missing = Object.keys(exported).filter((k) => !(k in bundle));
    assert.deepEqual(missing, [], `run ${EXPORT}`);
  });

  it('German translates every page string, keeping its {n} placeholders, in the Sie form of the host\'s strings', () => {
    const bundle = readJson('l10n/bundle.l10n.json');
    const german = readJson('l10n/bundle.l10n.de.json');
    const page = Object.keys(exported).filter((k) => sources('webview').some((f) => readFileSync(join(ROOT, f), 'utf8').includes(`'${k.replace(/'/g, "\\'")}'`)));
    assert.ok(page.length > 150, `${page.length} page strings`);
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const k of page) {
      assert.ok(typeof german[k] === 'string' && german[k] !== '', `German for ${JSON.stringify(k)}`);
      assert.deepEqual(placeholders(german[k]), placeholders(k), k);
      assert.doesNotMatch(german[k], /\b(du|dich|dir|dein\w*)\b/i, `${k}: Sie, as the host's strings`);
    }
    assert.ok(Object.keys(german).every((k) => k in bundle), 'no German entry the English bundle lacks');
    assert.equal(german.Tasks, 'Aufgaben');
    assert.equal(german['Start session'], 'Sitzung beginnen');
  });

  it('the host hands the bundle over within the protocol\'s bounds, strings only; a bundle over them is not sent', () => {
    const german = readJson('l10n/bundle.l10n.de.json');
    const sent = pageBundle(german);
    assert.ok(sent);
    const parsed = parseBundle(sent);
    assert.ok(parsed.ok && parsed.message.Tasks === 'Aufgaben');
    assert.deepEqual(pageBundle({ Tasks: { message: 'Aufgaben', comment: ['tab'] }, Bad: 3 }), { Tasks: 'Aufgaben' });
    assert.equal(pageBundle(undefined), undefined);
    assert.equal(pageBundle({}), undefined);
    const huge = Object.fromEntries(Array.from({ length: MAX_BUNDLE_ENTRIES + 1 }, (_, i) => [`k${i}`, 'v']));
    assert.equal(pageBundle(huge), undefined);
    assert.equal(L10nBundle.safeParse({ a: 'x'.repeat(8001) }).success, false);
    assert.equal(parseBundle({ constructor: 'x' }).ok, false);
    assert.equal(parseBundle({ Tasks: 1 }).ok, false);
    assert.equal(parseBundle(['Aufgaben']).ok, false);
    // Translations are no host message (they come with the page).
    assert.equal(parseHostMessage({ type: 'l10n', bundle: sent }).ok, false);
  });
});
