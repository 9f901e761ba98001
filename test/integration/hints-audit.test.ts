/**
 * Issue 5, the editor cases hints.test.ts leaves open, in the real extension host: the
 * configurable Markdown glob, the "ignore in this workspace" quick fix run as offered, the
 * switch that turns hints off, and the team's `hints:` block turning rules and categories off.
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

function dir(sub = ''): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the integration suite needs a workspace folder');
  const d = path.join(root, `hints-audit-${process.pid}-${++counter}`, sub);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

async function open(file: string, text: string): Promise<vscode.TextDocument> {
  fs.writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mentoring');
const codes = (uri: vscode.Uri): string[] => ours(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code))).sort();

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mentoring.hints').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('Review-comment hints (issue 5) audit: the remaining editor cases in the real host', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    await api.store.ready;
  });

  afterEach(async () => {
    for (const key of ['markdownGlob', 'disabledRules', 'enabled']) await setting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('checks the Markdown files the glob setting names, and stops when it no longer names them', async () => {
    const notes = dir('reviews');
    const doc = await open(path.join(notes, 'pr-7.md'), 'This is wrong.\n');
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual(codes(doc.uri), [], 'pr-7.md is outside the default **/*.review.md');
    await setting('markdownGlob', '**/reviews/*.md');
    await waitFor(() => codes(doc.uri).includes('judgment-word'), 'the hint once the glob names the file');
    await setting('markdownGlob', '');
    await waitFor(() => ours(doc.uri).length === 0, 'the hint to go away with an empty glob (comment boxes only)');
    assert.equal(api.hints.hintsFor(doc.uri).length, 0);
  });

  it('runs the "ignore in this workspace" quick fix as offered: the rule goes into the workspace settings', async () => {
    const doc = await open(path.join(dir(), 'ws.review.md'), 'This is wrong.\n\nJust rename it.\n');
    await waitFor(() => codes(doc.uri).join() === 'judgment-word,minimizer-just', `two hints, got ${codes(doc.uri).join()}`);
    const d = ours(doc.uri).find((x) => x.code === 'minimizer-just');
    assert.ok(d);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range)) ?? [];
    const action = actions.find((a) => a.title === 'Ignore "minimizer-just" in this workspace (settings)');
    assert.ok(action?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    assert.deepEqual(vscode.workspace.getConfiguration('mentoring.hints').inspect('disabledRules')?.workspaceValue, ['minimizer-just']);
    await waitFor(() => codes(doc.uri).join() === 'judgment-word', 'only the minimizer to go away');
    // Offered again for another rule, it adds to the list rather than replacing it.
    const j = ours(doc.uri)[0];
    assert.ok(j);
    const again = ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, j.range)) ?? [])
      .find((a) => a.title === 'Ignore "judgment-word" in this workspace (settings)');
    assert.ok(again?.command);
    await vscode.commands.executeCommand(again.command.command, ...(again.command.arguments ?? []));
    assert.deepEqual(vscode.workspace.getConfiguration('mentoring.hints').inspect('disabledRules')?.workspaceValue, ['minimizer-just', 'judgment-word']);
    await waitFor(() => ours(doc.uri).length === 0, 'both hints to go away');
  });

  it('turns every hint off with mentoring.hints.enabled, and back on', async () => {
    const doc = await open(path.join(dir(), 'off.review.md'), 'This is wrong.\n');
    await waitFor(() => ours(doc.uri).length === 1, 'a hint');
    await setting('enabled', false);
    await waitFor(() => ours(doc.uri).length === 0, 'no hints when turned off');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 9));
    assert.ok(!hovers.some((h) => h.contents.some((c) => /Mentoring hint/.test(typeof c === 'string' ? c : c.value))), 'no hover either');
    await setting('enabled', true);
    await waitFor(() => ours(doc.uri).length === 1, 'the hint back');
  });

  it("applies the team's hints block: its disabled rules and categories are not flagged next to it", async () => {
    const d = dir();
    const text = 'This is wrong.\n\nJust rename it.\n\nFix this.\n';
    const before = await open(path.join(d, 'team.review.md'), text);
    await waitFor(() => codes(before.uri).join() === 'bare-command,judgment-word,minimizer-just', `three hints before the team block, got ${codes(before.uri).join()}`);
    const mentoring = path.join(d, '.mentoring.yaml');
    fs.writeFileSync(
      mentoring,
      `version: 1\nagreement:\n  mentor: { name: Ana }\n  mentee: { name: Ben }\n  started: ${new Date().toISOString().slice(0, 10)}\n` +
        'hints:   # our team\n  disabledRules: [judgment-word]\n  disabledCategories: [minimizer]\n',
    );
    const uri = vscode.Uri.file(mentoring);
    await vscode.workspace.openTextDocument(uri); // the store reads opened mentoring files at once
    await waitFor(() => api.store.get(uri)?.result.model?.hints !== undefined, 'the team file to parse');
    await waitFor(() => codes(before.uri).join() === 'bare-command', `only the bare command left, got ${codes(before.uri).join()}`);
  });
});
