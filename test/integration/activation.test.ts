/** The extension activates in the real host, registers every contributed command, reports bad input at the right line. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';
import { openDocument, waitFor, writeFile } from './helpers';

const EXTENSION_ID = 'mentoring-dev.mentoring';

describe('activation (real extension host)', () => {
  let api: MentoringApi;

  it('activates on a workspace with a .mentoring.yaml and reports its activation time', async () => {
    writeFile('activation/.mentoring.yaml', 'version: 1\n');
    const ext = vscode.extensions.getExtension<MentoringApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    api = await ext.activate();
    assert.equal(ext.isActive, true);
    assert.equal(typeof api.activationMs, 'number');
    console.log(`[activation] activate() took ${api.activationMs.toFixed(1)} ms in the real host`);
  });

  it('registers every command contributed in package.json', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (ext?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('an invalid file gets diagnostics at the right line', async () => {
    const file = writeFile('invalid/.mentoring.yaml', 'version: 1\nagreement:\n  mentor: { name: Ana }\n  cadence: [unclosed\n');
    const editor = await openDocument(file);
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(editor.document.uri);
      return d.length > 0 ? d : undefined;
    }, 10_000, 'diagnostics on the invalid file');
    assert.ok(diags.some((d) => d.range.start.line >= 3), `a diagnostic at or after line 4: ${JSON.stringify(diags.map((d) => [d.range.start.line + 1, d.message]))}`);
  });

  it('schema errors get diagnostics at their exact line and column ranges (the offending value)', async () => {
    const text = [
      'version: 1',
      'agreement:',
      '  mentor: { name: Ana Silva }',
      '  mentee: { name: Ben Okafor }',
      '  started: 2026-09-01',
      '  expectations:',
      '    cadence: fortnightly', // line 7 (index 6), the value at columns 14-24
      'tasks:',
      '  - id: t-1',
      '    title: Read the retry loop',
      '    owner: mentor',
      '    due: 2099-01-10',
      '    status: open',
      '    goal: no-such-goal', // line 14 (index 13), the value at columns 11-22
      '',
    ].join('\n');
    const file = writeFile('exact/.mentoring.yaml', text);
    const editor = await openDocument(file);
    const errors = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(editor.document.uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
      return d.length >= 2 ? d : undefined;
    }, 10_000, 'two errors on the file');
    const show = JSON.stringify(errors.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]));
    assert.equal(errors.length, 2, show);
    const byCode = (code: string): vscode.Diagnostic => {
      const d = errors.find((x) => x.code === code);
      assert.ok(d, `a ${code} error: ${show}`);
      return d;
    };
    const cadence = byCode('schema');
    assert.deepEqual([cadence.range.start.line, cadence.range.start.character, cadence.range.end.line, cadence.range.end.character], [6, 13, 6, 24]);
    assert.equal(editor.document.getText(cadence.range), 'fortnightly');
    assert.match(cadence.message, /must be one of weekly, biweekly, monthly/);
    assert.equal(cadence.source, 'mentoring');
    const goal = byCode('unknown-goal');
    assert.deepEqual([goal.range.start.line, goal.range.start.character, goal.range.end.line, goal.range.end.character], [13, 10, 13, 22]);
    assert.equal(editor.document.getText(goal.range), 'no-such-goal');
  });

  it('a YAML syntax error is reported where the parser stops (the end of the unclosed sequence)', async () => {
    const file = writeFile('syntax/.mentoring.yaml', 'version: 1\nagreement:\n  mentor: { name: Ana }\n  cadence: [unclosed\n');
    const editor = await openDocument(file);
    const d = await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).find((x) => x.code === 'yaml-syntax'), 10_000, 'the yaml-syntax error');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([d.range.start.line, d.range.start.character], [4, 0], 'after the last line: the ] never came');
    assert.match(d.message, /Flow sequence .* end with a \]/);
  });

  it('opens the mentoring activity-bar container and the sidebar view', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mentoring');
    await vscode.commands.executeCommand('mentoring.sidebar.focus');
  });
});
