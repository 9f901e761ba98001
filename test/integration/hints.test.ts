/**
 * Review-comment hints (issue 5) in the real extension host, in review Markdown files:
 * diagnostics with source "mentoring", quick fixes that rewrite, label or ignore, the hover,
 * settings that turn categories off, the glob, and the team's `hints:` block.
 * (Comment boxes are covered by the UI test, which types into a real one.)
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';

const EXTENSION_ID = 'mentoring-dev.mentoring';
let api: MentoringApi;
let counter = 0;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function dir(): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the integration suite needs a workspace folder');
  const d = path.join(root, `hints-${process.pid}-${++counter}`);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

async function open(name: string, text: string, inDir = dir()): Promise<vscode.TextDocument> {
  const file = path.join(inDir, name);
  fs.writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mentoring');
}

async function actionsAt(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, range)) ?? [];
  return all.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mentoring.hints').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('Review-comment hints (issue 5) in the real host', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    await api.store.ready;
  });

  afterEach(async () => {
    for (const key of ['disabledCategories', 'disabledRules', 'severity', 'extraJudgmentWords', 'markdownGlob']) await setting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a judgment in a review Markdown file as an Information diagnostic from "mentoring"', async () => {
    const doc = await open('pr-12.review.md', '# Review of #12\n\nThis is wrong.\n\n```ts\nconst wrong = 1;\n```\n');
    await waitFor(() => ours(doc.uri).length > 0, 'a hint');
    const diags = ours(doc.uri);
    assert.equal(diags.length, 1, JSON.stringify(diags));
    const d = diags[0];
    assert.ok(d);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(d.code, 'judgment-word');
    assert.equal(d.range.start.line, 2);
    assert.match(d.message, /verdict/);
  });

  it('applies the preferred rewrite: the judgment becomes a question and the hint goes away', async () => {
    const doc = await open('apply.review.md', 'This is wrong.\n');
    await waitFor(() => ours(doc.uri).length === 1, 'a hint');
    const d = ours(doc.uri)[0];
    assert.ok(d);
    const actions = await actionsAt(doc, d.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Rewrite as: "')), titles.join(' | '));
    assert.ok(titles.includes('Start with the label "question:" (Conventional Comments)'), titles.join(' | '));
    assert.ok(titles.includes('Ignore "judgment-word" in this file'), titles.join(' | '));
    assert.ok(titles.includes('Ignore "judgment-word" in this workspace (settings)'), titles.join(' | '));
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.match(doc.getText(), /^[^\n]*\?\n$/);
    assert.ok(!doc.getText().includes('wrong'));
    await waitFor(() => ours(doc.uri).length === 0, 'the hint to go away');
  });

  it('adds a Conventional Comments label after a list marker', async () => {
    const doc = await open('label.review.md', '- Fix this.\n');
    await waitFor(() => ours(doc.uri).length > 0, 'a hint');
    const d = ours(doc.uri).find((x) => x.code === 'bare-command');
    assert.ok(d, JSON.stringify(ours(doc.uri)));
    const label = (await actionsAt(doc, d.range)).find((a) => a.title === 'Start with the label "suggestion:" (Conventional Comments)');
    assert.ok(label?.edit);
    assert.ok(await vscode.workspace.applyEdit(label.edit));
    assert.equal(doc.getText(), '- suggestion: Fix this.\n');
  });

  it('ignores a rule in one file with a directive it writes', async () => {
    const doc = await open('ignore.review.md', 'This is wrong.\n');
    await waitFor(() => ours(doc.uri).length === 1, 'a hint');
    const d = ours(doc.uri)[0];
    assert.ok(d);
    const ignore = (await actionsAt(doc, d.range)).find((a) => a.title === 'Ignore "judgment-word" in this file');
    assert.ok(ignore?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.equal(doc.getText(), '<!-- mentoring-hints-ignore judgment-word -->\nThis is wrong.\n');
    await waitFor(() => ours(doc.uri).length === 0, 'the hint to go away');
  });

  it('ignores a rule in the workspace settings', async () => {
    const doc = await open('ws.review.md', 'Just rename it.\n');
    await waitFor(() => ours(doc.uri).some((x) => x.code === 'minimizer-just'), 'a minimizer hint');
    await vscode.commands.executeCommand('mentoring.hints.ignoreInWorkspace', 'minimizer-just');
    assert.deepEqual(vscode.workspace.getConfiguration('mentoring.hints').inspect('disabledRules')?.workspaceValue, ['minimizer-just']);
    await waitFor(() => !ours(doc.uri).some((x) => x.code === 'minimizer-just'), 'the hint to go away');
  });

  it('turns a category off by setting and uses Hint severity when asked', async () => {
    const doc = await open('cats.review.md', 'This is a mess.\n\nJust rename it.\n');
    await waitFor(() => ours(doc.uri).length === 2, 'two hints');
    await setting('disabledCategories', ['minimizer']);
    await waitFor(() => ours(doc.uri).length === 1, 'the minimizer to go away');
    await setting('severity', 'hint');
    await waitFor(() => ours(doc.uri)[0]?.severity === vscode.DiagnosticSeverity.Hint, 'Hint severity');
  });

  it('explains a hint on hover, with the rewrites and how to reach them', async () => {
    const doc = await open('hover.review.md', 'This is wrong.\n');
    await waitFor(() => ours(doc.uri).length === 1, 'a hint');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 9));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /Mentoring hint/);
    assert.match(text, /judgment words/);
    assert.match(text, /Ctrl\+\./);
  });

  it('leaves Markdown outside the glob alone', async () => {
    const doc = await open('README.md', 'This is wrong.\n');
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(ours(doc.uri).length, 0);
    assert.equal(api.hints.hintsFor(doc.uri).length, 0);
  });

  it('leaves a file that is neither Markdown nor a comment box alone, as typed in, even with a glob that matches it', async () => {
    // kindOf answers by scheme and language before reading any setting (a keystroke in a large
    // mentoring file reads none): the glob alone never makes a plain-text or YAML file one for hints.
    await setting('markdownGlob', '**/*');
    const d = dir();
    const md = await open('pr-13.review.md', 'This is wrong.\n', d);
    await waitFor(() => ours(md.uri).length > 0, 'the Markdown file under the glob to get its hint');
    const txt = await open('pr-13.review.txt', 'This is wrong.\n', d);
    const editor = await vscode.window.showTextDocument(txt);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'That is stupid.\n')));
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(ours(txt.uri).length, 0);
    assert.equal(api.hints.hintsFor(txt.uri).length, 0);
    assert.ok(api.hints.hintsFor(md.uri).length > 0, 'the Markdown file keeps its hint');
  });

  it('applies the team words of the mentoring file next to the review, current or not', async () => {
    const d = dir();
    const mentoring = path.join(d, '.mentoring.yaml');
    fs.writeFileSync(
      mentoring,
      `version: 1\nagreement:\n  mentor: { name: Ana }\n  mentee: { name: Ben }\n  started: ${new Date().toISOString().slice(0, 10)}\nhints:\n  extraJudgmentWords: [gnarly]\n`,
    );
    const uri = vscode.Uri.file(mentoring);
    // Another pair's file, without the word, is the current one: the file next to the review still applies.
    const otherDir = dir();
    const other = path.join(otherDir, '.mentoring.yaml');
    fs.writeFileSync(other, fs.readFileSync(mentoring, 'utf8').replace(/hints:[\s\S]*$/, ''));
    await api.store.setCurrent(uri); // reads it now rather than waiting for the file watcher
    await api.store.setCurrent(vscode.Uri.file(other));
    await waitFor(() => api.store.get(uri)?.result.model?.hints !== undefined && api.store.current?.uri.fsPath === other, 'both files to parse');
    const doc = await open('team.review.md', 'This part is gnarly.\n', d);
    const elsewhere = await open('other.review.md', 'This part is gnarly.\n', otherDir);
    await waitFor(() => ours(doc.uri).length === 1, 'the team word to be flagged');
    assert.equal(ours(doc.uri)[0]?.code, 'team-word');
    // A review next to the other pair's file does not get this team's word.
    assert.ok(!ours(elsewhere.uri).some((x) => x.code === 'team-word'), JSON.stringify(ours(elsewhere.uri)));
  });
});
