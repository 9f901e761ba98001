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

  it('opens the mentoring activity-bar container and the sidebar view', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mentoring');
    await vscode.commands.executeCommand('mentoring.sidebar.focus');
  });
});
