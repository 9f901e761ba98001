/**
 * Raise it as a question, in the real host: a late cancellation's warning offers *Raise at the
 * next session*; the question it carries is shown for editing (the user's edit wins) and lands on
 * the next planned session's agenda, on disk, with the rest of the file as it was.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';
import type { InputOptions } from '../../src/editor/ui';
import { RecordingUi, waitFor } from './helpers';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 19) + '+00:00';

class EditingUi extends RecordingUi {
  readonly shown: InputOptions[] = [];
  constructor(private readonly answer: (value: string) => string | undefined) {
    super();
  }
  override async input(o: InputOptions): Promise<string | undefined> {
    this.shown.push(o);
    return this.answer(o.value ?? '');
  }
}

describe('Rituals: raise a broken rule as a question', function () {
  this.timeout(60_000);
  let api: MentoringApi;
  let file: string;
  let uri: vscode.Uri;

  before(async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>('mentoring-dev.mentoring');
    assert.ok(ext);
    api = await ext.activate();
    await api.store.ready;
  });

  beforeEach(async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root);
    const dir = path.join(root, `rituals-${process.pid}-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true });
    const now = Date.now();
    const cancelledFor = new Date(now - 3 * DAY);
    const next = new Date(now + 4 * DAY);
    file = path.join(dir, '.mentoring.yaml');
    fs.writeFileSync(file, `# our agreement
version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: ${new Date(now - 30 * DAY).toISOString().slice(0, 10)}
  expectations: { cancellationNotice: 24h }
sessions:
  - id: late
    at: ${iso(cancelledFor)}
    status: planned
    cancelled: { at: ${iso(new Date(cancelledFor.getTime() - 5 * 3_600_000))}, by: mentee }   # only five hours before
  - id: next
    at: ${iso(next)}
    status: planned
    topic: Reading the retry loop
    agenda:
      - Backoff
`);
    uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'late-cancellation'), 10_000, 'the late-cancellation warning');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('offers the quick fix with the question, and adds the edited question to the next agenda on disk', async () => {
    const warning = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'late-cancellation');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning?.range);
    const raise = actions.find((a) => a.command?.command === 'mentoring.raiseConcern');
    assert.ok(raise?.command, actions.map((a) => a.title).join(' | '));
    const args = (raise.command.arguments ?? [])[0] as { question: string };
    assert.match(args.question, /^We agreed to cancel at least 1 day ahead; the session on .+ was cancelled 5 hours before\. What would help us keep to that\?$/);
    const ui = new EditingUi((v) => `${v} (No blame: I want to plan around on-call weeks.)`);
    const restore = api.useUi(ui);
    try {
      const r = await vscode.commands.executeCommand<{ ok: boolean }>(raise.command.command, ...(raise.command.arguments ?? []));
      assert.ok(r?.ok, JSON.stringify(r));
    } finally {
      restore.dispose();
    }
    assert.equal(ui.shown[0]?.value, args.question, 'the question is shown for editing first');
    await waitFor(() => fs.readFileSync(file, 'utf8').includes('on-call weeks'), 10_000, 'the question on disk');
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /agenda:\n\s+- Backoff\n\s+- .*We agreed to cancel at least 1 day ahead.*on-call weeks\.\)/);
    assert.match(text, /# only five hours before/, 'comments are kept');
  });

  it('from the palette: picks one of the file\'s suggestions; dismissing the edit adds nothing', async () => {
    const before = fs.readFileSync(file, 'utf8');
    class PickFirst extends EditingUi {
      override async pick<T>(items: { label: string; value: T }[]): Promise<T | undefined> {
        return items[0]?.value;
      }
    }
    const ui = new PickFirst(() => undefined);
    const restore = api.useUi(ui);
    try {
      const r = await vscode.commands.executeCommand<unknown>('mentoring.raiseConcern', { file: uri.toString() });
      assert.equal(r, undefined, 'cancelled');
    } finally {
      restore.dispose();
    }
    assert.match(ui.shown[0]?.value ?? '', /^We agreed to cancel at least 1 day ahead/);
    assert.equal(fs.readFileSync(file, 'utf8'), before, 'nothing written');
  });
});
