/**
 * Agree, and agree again, in the real host: both sides accept through *Accept the Agreement*; a
 * later change on disk shows as the `agreement-changed` warning at the agreement's line and in the
 * sidebar's state with what changed; the sidebar's *Accept* asks the role, shows the change first
 * and records that side, leaving the other side pending — on disk, the rest of the file as it was.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';
import type { PickItem } from '../../src/editor/ui';
import { RecordingUi, waitFor } from './helpers';

class AcceptingUi extends RecordingUi {
  override confirmAnswer = true;
  readonly picked: string[] = [];
  constructor(private readonly role: string) {
    super();
  }
  override async pick<T>(items: PickItem<T>[], options: { placeHolder: string }): Promise<T | undefined> {
    this.picked.push(options.placeHolder);
    return items.find((i) => i.value === this.role)?.value;
  }
}

describe('Rituals: agree, and agree again', function () {
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
    const dir = path.join(root, `acceptance-${process.pid}-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true });
    file = path.join(dir, '.mentoring.yaml');
    const today = new Date().toISOString().slice(0, 10);
    const by = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    fs.writeFileSync(file, `# our agreement
version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: ${today}
  goals:
    - { id: g1, title: Read the retry loop, by: ${by} }
  expectations:
    cadence: weekly   # Thursdays
`);
    uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('both accept; a change shows as a warning and in the sidebar; the sidebar\'s Accept records one side', async () => {
    const ui = new AcceptingUi('mentee');
    const restore = api.useUi(ui);
    try {
      for (const role of ['mentor', 'mentee'] as const) {
        const r = await vscode.commands.executeCommand<{ ok: boolean }>('mentoring.acceptAgreement', { file: uri.toString(), role });
        assert.ok(r?.ok, JSON.stringify(r) + JSON.stringify(ui.messages));
      }
      assert.equal(ui.messages.filter((m) => m.level === 'confirm').length, 2, 'each side was shown what it accepts');
      await waitFor(() => /accepted:\n {4}mentor: \d{4}-\d\d-\d\d\n {4}mentee: /.test(fs.readFileSync(file, 'utf8')), 10_000, 'both dates on disk');
      const state = api.sidebar.postState();
      assert.ok(state.kind === 'ready' && state.acceptance?.state === 'accepted', JSON.stringify(state.kind === 'ready' ? state.acceptance : state));

      // A change made outside the editor (a pull, a hand edit).
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('cadence: weekly', 'cadence: biweekly'));
      await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'agreement-changed'), 10_000, 'the agreement-changed warning');
      const warning = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'agreement-changed');
      assert.equal(warning?.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(warning?.range.start.line, 2, 'at the agreement\'s line');
      assert.equal(warning?.message, 'The agreement changed since you both accepted it: expectations.cadence changed. Accept it again (Mentoring: Accept the Agreement).');
      await waitFor(() => {
        const s = api.sidebar.postState();
        return s.kind === 'ready' && s.acceptance?.state === 'changed';
      }, 10_000, 'the sidebar state says it changed');
      const changed = api.sidebar.postState();
      assert.ok(changed.kind === 'ready');
      assert.deepEqual(changed.acceptance?.changes, ['expectations.cadence changed']);

      // The sidebar's Accept button: the role is asked (no mentoring.role here), the change is shown first.
      ui.messages.length = 0;
      await api.sidebar.handleMessage({ type: 'acceptAgreement' });
      assert.ok(ui.picked.length > 0, 'the role was asked');
      const shown = ui.messages.find((m) => m.level === 'confirm');
      assert.match(shown?.text ?? JSON.stringify(ui.messages), /^The agreement changed since you \(the mentee\) accepted it on \d{4}-\d\d-\d\d: expectations\.cadence changed\. Accept it as it is now\?$/);
      await waitFor(() => fs.readFileSync(file, 'utf8').includes('pending:'), 10_000, 'the mentor pending on disk');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /pending:\n {6}mentor:\n {8}expectations\.cadence: [0-9a-f]{16}\n/);
      assert.match(text, /cadence: biweekly {3}# Thursdays/, 'comments kept');
      await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'agreement-not-accepted'), 10_000, 'the info for the mentor');
    } finally {
      restore.dispose();
    }
  });

  it('a dismissed summary writes nothing', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const ui = new AcceptingUi('mentor');
    ui.confirmAnswer = false;
    const restore = api.useUi(ui);
    try {
      const r = await vscode.commands.executeCommand<unknown>('mentoring.acceptAgreement', { file: uri.toString(), role: 'mentor' });
      assert.equal(r, undefined, 'cancelled');
    } finally {
      restore.dispose();
    }
    assert.match(ui.messages.find((m) => m.level === 'confirm')?.text ?? '', /^Accept the agreement between Ana \(mentor\) and Ben \(mentee\), as the mentor\?$/);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });
});
