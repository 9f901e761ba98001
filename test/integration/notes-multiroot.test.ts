/**
 * Private notes when the folders move under them (issue 16, finding 8): in the two-folder window
 * (a workspace where adding a folder does not restart the extension host), notes kept in a folder
 * chosen in `mentoring.privateNotes.folder` move back to the extension's storage the moment that
 * folder becomes part of the workspace, and follow the setting when it changes, without a reload.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';

const FILE = 'private-notes.json';

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new assert.AssertionError({ message: `timed out waiting for ${what}` });
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function folders(n: number): Promise<void> {
  await until(`${String(n)} workspace folders`, () => (vscode.workspace.workspaceFolders?.length ?? 0) === n, 20_000);
}

describe('Private notes follow the workspace folders and the setting (multi-root window)', function () {
  this.timeout(90_000);
  let api: MentoringApi;
  let elsewhere: string;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('mentoring');
  const inWorkspace = (p: string): boolean =>
    (vscode.workspace.workspaceFolders ?? []).some((f) => p === f.uri.fsPath || p.startsWith(f.uri.fsPath + path.sep));

  before(async function () {
    await folders(2);
    const ext = vscode.extensions.getExtension<MentoringApi>('mentoring-dev.mentoring');
    assert.ok(ext);
    api = await ext.activate();
    await api.notes.ready;
    const one = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(one);
    // Beside the two folders, in neither of them.
    elsewhere = path.join(path.dirname(one), 'notes-elsewhere');
    fs.mkdirSync(elsewhere, { recursive: true });
  });

  after(async () => {
    await config().update('privateNotes.folder', undefined, vscode.ConfigurationTarget.Global);
    const extra = (vscode.workspace.workspaceFolders ?? []).findIndex((f) => f.uri.fsPath === elsewhere);
    if (extra >= 0) vscode.workspace.updateWorkspaceFolders(extra, 1);
  });

  it('moves to the chosen folder when the setting changes, and back to the storage when that folder joins the workspace', async () => {
    const storage = api.notes.folder.fsPath;
    assert.ok(!inWorkspace(storage), `${storage} outside the workspace`);

    // The setting, changed while the window is open: the notes move there at once.
    await config().update('privateNotes.folder', elsewhere, vscode.ConfigurationTarget.Global);
    await until(`the notes in ${elsewhere}`, () => api.notes.folder.fsPath === elsewhere);
    const fileKey = vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? '';
    await api.notes.add({ fileKey, text: 'kept where I chose' });
    assert.ok(fs.existsSync(path.join(elsewhere, FILE)), 'written to the chosen folder');

    // That folder is added to the workspace (where it could be committed): the notes leave it.
    assert.ok(vscode.workspace.updateWorkspaceFolders(2, 0, { uri: vscode.Uri.file(elsewhere) }));
    await folders(3);
    await until('the notes back in the extension storage', () => api.notes.folder.fsPath !== elsewhere);
    assert.equal(api.notes.folder.fsPath, storage);
    assert.ok(!inWorkspace(api.notes.file.fsPath), `${api.notes.file.fsPath} is outside every workspace folder`);
    const before = fs.readFileSync(path.join(elsewhere, FILE), 'utf8');
    await api.notes.add({ fileKey, text: 'never inside a workspace folder' });
    assert.equal(fs.readFileSync(path.join(elsewhere, FILE), 'utf8'), before, 'nothing more is written into the workspace folder');
    assert.ok(api.notes.list(fileKey).some((n) => n.text === 'never inside a workspace folder'));
    const stored = fs.readFileSync(api.notes.file.fsPath, 'utf8');
    assert.match(stored, /never inside a workspace folder/);

    // Removed from the workspace again: the chosen folder is used again, with its note.
    const extra = (vscode.workspace.workspaceFolders ?? []).findIndex((f) => f.uri.fsPath === elsewhere);
    assert.ok(vscode.workspace.updateWorkspaceFolders(extra, 1));
    await folders(2);
    await until(`the notes in ${elsewhere} again`, () => api.notes.folder.fsPath === elsewhere);
    await until('its note read back', () => api.notes.list(fileKey).some((n) => n.text === 'kept where I chose'));
  });
});
