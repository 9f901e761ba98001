/**
 * Multi-root workspaces (issue 4): run in a window opened on a `.code-workspace` with
 * two folders (the runner writes it: `writeMultiRootWorkspace` in test/host/integration-bundle.mjs). Every folder's
 * mentoring files are found, names say which folder they are in, set-up asks which
 * folder, and a task's code link is relative to the folder of its mentoring file.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';
import type { InputOptions, PickItem, Ui } from '../../src/editor/ui';

class AnswerUi implements Ui {
  readonly asked: string[] = [];
  constructor(private readonly choose: (labels: string[]) => string) {}
  async input(o: InputOptions): Promise<string | undefined> {
    this.asked.push(o.prompt);
    return undefined;
  }
  async pick<T>(items: PickItem<T>[], o: { placeHolder: string }): Promise<T | undefined> {
    this.asked.push(o.placeHolder);
    const label = this.choose(items.map((i) => i.label));
    return items.find((i) => i.label === label)?.value;
  }
  async info(): Promise<undefined> {
    return undefined;
  }
  async warn(): Promise<undefined> {
    return undefined;
  }
  async error(): Promise<undefined> {
    return undefined;
  }
  async saveFile(): Promise<undefined> {
    return undefined;
  }
  async openFile(): Promise<undefined> {
    return undefined;
  }
  async confirm(): Promise<boolean> {
    return false;
  }
}

async function twoFolders(ms: number): Promise<void> {
  const names = () => vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ') || 'no folder';
  if (vscode.workspace.workspaceFolders?.length === 2) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new assert.AssertionError({ message: `expected the two-folder workspace within ${ms} ms, got ${names()}` }));
    }, ms);
    const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (vscode.workspace.workspaceFolders?.length !== 2) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

describe('Editor in a multi-root workspace', function () {
  this.timeout(60_000);
  let api: MentoringApi;

  before(async function () {
    // The runners open this file's own window on the two-folder workspace: anything else is a harness fault.
    // The web workbench can start the extension host before it has read the `.code-workspace` file
    // (seen once in CI: no folders at first); it then adds the folders, so wait for them.
    await twoFolders(20_000);
    const ext = vscode.extensions.getExtension<MentoringApi>('mentoring-dev.mentoring');
    assert.ok(ext);
    api = await ext.activate();
    await api.store.ready;
    // If the folders came late, the store's own rescan (on the folder change) may still be running: this scan is the same one, awaited.
    await api.store.scan();
  });

  it('finds the mentoring file of every folder and names each with its folder', async () => {
    const files = api.store.files().map((u) => api.store.label(u));
    assert.ok(files.includes('one/.mentoring.yaml'), files.join(', '));
    assert.ok(files.includes('two/.mentoring.yaml'), files.join(', '));
  });

  it('offers both in the picker, and links a task relative to the folder of its mentoring file', async () => {
    const ui = new AnswerUi((labels) => {
      assert.deepEqual([...labels].sort(), ['one/.mentoring.yaml', 'two/.mentoring.yaml']);
      return 'two/.mentoring.yaml';
    });
    const restore = api.useUi(ui);
    try {
      const picked = await vscode.commands.executeCommand<{ ok: boolean }>('mentoring.pickFile');
      assert.ok(picked?.ok);
      const two = vscode.workspace.workspaceFolders?.[1]?.uri;
      assert.ok(two);
      assert.equal(api.store.current?.uri.toString(), vscode.Uri.joinPath(two, '.mentoring.yaml').toString());
      const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(two, 'src', 'code.ts'));
      editor.selection = new vscode.Selection(1, 0, 1, 3);
      const added = await vscode.commands.executeCommand<{ ok: boolean }>('mentoring.addTask', { title: 'Look at b', owner: 'mentee' });
      assert.ok(added?.ok, JSON.stringify(added));
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(two, '.mentoring.yaml')));
      assert.match(text, /links:\s*\n?\s*-? ?\[?src\/code\.ts#L2/);
    } finally {
      restore.dispose();
    }
  });

  it('asks which folder a new agreement belongs to', async () => {
    const ui = new AnswerUi((labels) => {
      assert.deepEqual(labels, ['one', 'two']);
      return 'one';
    });
    const restore = api.useUi(ui);
    try {
      // Cancelled at the first question after the folder: nothing is written.
      const result = await vscode.commands.executeCommand('mentoring.setUp');
      assert.equal(result, undefined);
      assert.equal(ui.asked[0], 'Which folder does the agreement belong to?');
      assert.equal(ui.asked.length, 2);
    } finally {
      restore.dispose();
    }
  });
});
