/**
 * Close well, in the real host: *Mentoring: Close the Mentorship* asks each active goal's outcome
 * and the final feedback, writes `closed:` to disk with the rest of the file as it was, and then
 * the status bar stops counting down, the checks about what is ahead go quiet and the sidebar's
 * state carries the closing summary. A second close writes nothing.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';
import type { InputOptions, PickItem } from '../../src/editor/ui';
import type { ViewState } from '../../src/core/views/protocol';
import type { StatusText } from '../../src/core/views/status';
import { RecordingUi, waitFor } from './helpers';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 19) + '+00:00';
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Answers the picks and inputs in order, recording what was asked. */
class ScriptedUi extends RecordingUi {
  readonly asked: string[] = [];
  constructor(private readonly answers: unknown[]) {
    super();
    this.confirmAnswer = true;
  }
  override async pick<T>(items: PickItem<T>[], o: { placeHolder: string }): Promise<T | undefined> {
    this.asked.push(o.placeHolder);
    const want = this.answers.shift();
    return items.find((i) => i.value === want)?.value;
  }
  override async input(o: InputOptions): Promise<string | undefined> {
    this.asked.push(o.prompt ?? '');
    return this.answers.shift() as string | undefined;
  }
}

describe('Close the mentorship', function () {
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
    const dir = path.join(root, `close-${process.pid}-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true });
    const now = Date.now();
    file = path.join(dir, '.mentoring.yaml');
    fs.writeFileSync(file, `# our agreement
version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: ${day(new Date(now - 120 * DAY))}
  review: ${day(new Date(now - 3 * DAY))}   # overdue
  goals:
    - id: g1
      title: Tests first
      by: ${day(new Date(now - 10 * DAY))}
    - id: g2
      title: Own a release
      by: ${day(new Date(now + 30 * DAY))}
      status: active
  expectations: { topicNotice: 48h }
sessions:
  - { id: s1, at: "${iso(new Date(now - 20 * DAY))}", status: held, feedback: [{ from: mentee, rating: 3 }] }
  - { id: s2, at: "${iso(new Date(now - 6 * DAY))}", status: held, feedback: [{ from: mentee, rating: 4 }] }
  - { id: next, at: "${iso(new Date(now + DAY))}", status: planned }   # topic not announced
tasks:
  - { id: t1, title: Write the test, status: open, due: ${day(new Date(now - 2 * DAY))} }
`);
    uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'review-overdue'), 10_000, 'the review-overdue warning');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('asks each goal’s outcome and the final feedback, writes closed:, and silences the countdown and the nags', async () => {
    await api.store.setCurrent(uri);
    let shown: StatusText | undefined;
    const statusSub = api.statusBar.onDidUpdate((s) => (shown = s));
    const states: ViewState[] = [];
    const postSub = api.sidebar.onDidPost((m) => void (m.type === 'state' && states.push(m.state)));
    api.statusBar.update();
    assert.ok(shown && shown.kind !== 'closed' && shown.kind !== 'idle', `before: ${JSON.stringify(shown)}`);

    const ui = new ScriptedUi(['achieved', 'Every fix has a test', 'dropped', 'The release moved', 5, 'Seeing Ben lead', 'Start earlier']);
    const restore = api.useUi(ui);
    try {
      const r = await vscode.commands.executeCommand<{ ok: boolean }>('mentoring.closeMentorship', { file: uri.toString(), by: 'mentor' });
      assert.ok(r?.ok, JSON.stringify(r) + JSON.stringify(ui.messages));
    } finally {
      restore.dispose();
    }
    assert.equal(ui.asked.length, 7, ui.asked.join(' | '));
    assert.match(ui.asked[0] ?? '', /"Tests first": achieved or dropped\?/);
    assert.ok(ui.messages.some((m) => m.level === 'confirm'));

    await waitFor(() => fs.readFileSync(file, 'utf8').includes('closed:'), 10_000, 'closed: on disk');
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /- id: g1\n {6}title: Tests first\n {6}by: \S+\n {6}status: achieved\n {6}outcome: Every fix has a test\n/);
    assert.match(text, /status: dropped\n {6}outcome: The release moved\n/);
    assert.match(text, /closed:\n {2}on: \d{4}-\d{2}-\d{2}\n {2}by: mentor\n {2}feedback:\n {4}- from: mentor\n {6}rating: 5\n {6}valuable: Seeing Ben lead\n {6}change: Start earlier\n/);
    assert.match(text, /# overdue\n/);
    assert.match(text, /# topic not announced\n/);

    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'review-overdue'), 10_000, 'the review nag to go');
    const codes = vscode.languages.getDiagnostics(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
    for (const quiet of ['review-overdue', 'task-overdue', 'topic-not-announced', 'goal-too-far']) assert.ok(!codes.includes(quiet), `${quiet} in ${codes.join(', ')}`);

    await waitFor(() => shown?.kind === 'closed', 10_000, 'the status bar to say closed');
    assert.ok(shown && !/\d/.test(shown.text), `no countdown: ${shown?.text}`);

    const ready = await waitFor(() => [...states].reverse().find((s) => s.kind === 'ready' && s.closing !== undefined), 10_000, 'a sidebar state with the closing summary');
    assert.ok(ready.kind === 'ready' && ready.closing);
    assert.equal(ready.current, undefined, 'no session ahead');
    assert.deepEqual(ready.closing.goals.map((g) => [g.id, g.status, g.outcome]), [['g1', 'achieved', 'Every fix has a test'], ['g2', 'dropped', 'The release moved']]);
    assert.deepEqual(ready.closing.sessions, { held: 2, cancelled: 0, planned: 1 });
    assert.deepEqual(ready.closing.tasks, { done: 0, dropped: 0, open: 1 });
    assert.deepEqual(ready.closing.final, [{ from: 'mentor', rating: 5, valuable: 'Seeing Ben lead', change: 'Start earlier', sealed: [] }]);
    statusSub.dispose();
    postSub.dispose();

    // Closing again: the mentor's feedback is there, so nothing is asked and nothing written.
    const again = new ScriptedUi([]);
    const restoreAgain = api.useUi(again);
    try {
      const r = await vscode.commands.executeCommand<{ ok: boolean; message?: string }>('mentoring.closeMentorship', { file: uri.toString(), by: 'mentor' });
      assert.ok(r && !r.ok && /already closed on .+ by the mentor/.test(r.message ?? ''), JSON.stringify(r));
    } finally {
      restoreAgain.dispose();
    }
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'nothing written');

    // The mentee adds theirs afterwards.
    const mentee = new ScriptedUi([4, 'The reviews', '']);
    const restoreMentee = api.useUi(mentee);
    try {
      const r = await vscode.commands.executeCommand<{ ok: boolean }>('mentoring.closeMentorship', { file: uri.toString(), by: 'mentee' });
      assert.ok(r?.ok, JSON.stringify(r) + JSON.stringify(mentee.messages));
    } finally {
      restoreMentee.dispose();
    }
    await waitFor(() => fs.readFileSync(file, 'utf8').includes('valuable: The reviews'), 10_000, 'the mentee’s final feedback on disk');
  });

  it('cancelling at any question writes nothing', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const ui = new ScriptedUi(['achieved', undefined]);
    const restore = api.useUi(ui);
    try {
      const r = await vscode.commands.executeCommand<unknown>('mentoring.closeMentorship', { file: uri.toString(), by: 'mentee' });
      assert.equal(r, undefined);
    } finally {
      restore.dispose();
    }
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });
});
