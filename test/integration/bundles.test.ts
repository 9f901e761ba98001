/**
 * The extension's lazy parts (esbuild.mjs, EXTENSION_PARTS) in the real host: activation loads
 * none of dist/parts/; the first review comment loads the hint engine, and its hints are there;
 * the first palette command loads the commands' shared part, and it runs.
 * Runs first of the suite (file order) only when run alone: `run-integration.mjs bundles`.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';

const EXTENSION_ID = 'mentoring-dev.mentoring';

/** The parts the host has loaded, by name (`hints` for dist/parts/hints.js). */
function loadedParts(): string[] {
  return Object.keys(require.cache)
    .map((f) => /[\\/]dist[\\/]parts[\\/]([\w-]+)\.js$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
}

describe('lazy parts of the extension bundle (real host)', function () {
  this.timeout(60_000);

  it('activation loads no part; the first review comment loads the hint engine', async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const main = path.join(ext.extensionPath, 'dist', 'extension.js');
    const before = loadedParts();
    const api = await ext.activate();
    await api.store.ready;
    const size = fs.statSync(main).size;
    console.log(`[bundles] dist/extension.js ${(size / 1024).toFixed(0)} KB; activate() ${api.activationMs.toFixed(1)} ms; parts loaded at activation: ${loadedParts().join(', ') || 'none'}`);
    // Other suites run before this one in a whole run and may have used a part already.
    if (before.length === 0) assert.deepEqual(loadedParts(), [], 'activation loads no part');

    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the integration suite needs a workspace folder');
    const file = path.join(root, `bundles-${process.pid}.review.md`);
    fs.writeFileSync(file, '# Review\n\nThis is wrong.\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const start = Date.now();
    while (!vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'mentoring')) {
      if (Date.now() - start > 10_000) throw new Error('no hint on "This is wrong." within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(loadedParts().includes('hints'), `the hint engine is loaded: ${loadedParts().join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the first palette command loads the commands part, and the command runs', async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const outcome = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.showSidebar');
    assert.deepEqual(outcome, { ok: true });
    assert.ok(loadedParts().includes('commands'), `the commands part is loaded: ${loadedParts().join(', ')}`);
  });
});
