/**
 * Questions to ask, in the real host: the team's `questions:` block is checked in the editor (a bad
 * `when` is an error at its value naming the moments; a team question that draws a hint is an info
 * note, never an error), and the sidebar offers the questions that fit the current session; one
 * added through `api.sidebar.handleMessage` (the path every webview message takes) lands on that
 * session's agenda on disk with the rest of the file as it was, and is offered no more.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostMessage, ReadyState, ViewState } from '../../src/core/views/protocol';
import type { MentoringApi } from '../../src/extension';
import { waitFor } from './helpers';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 19) + '+00:00';
type Result = Extract<HostMessage, { type: 'result' }>;

describe('Rituals: questions to ask', function () {
  this.timeout(60_000);
  let api: MentoringApi;
  let dir: string;
  let previous: vscode.Uri | undefined;
  const states: ViewState[] = [];
  const results: Result[] = [];
  const rejected: string[] = [];
  let subs: vscode.Disposable[] = [];

  before(async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>('mentoring-dev.mentoring');
    assert.ok(ext);
    api = await ext.activate();
    await api.store.ready;
    previous = api.store.current?.uri;
    subs = [
      api.sidebar.onDidPost((m) => (m.type === 'state' ? states.push(m.state) : m.type === 'result' ? results.push(m) : undefined)),
      api.sidebar.onDidReject((r) => rejected.push(r)),
    ];
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root);
    dir = path.join(root, `questions-${process.pid}-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true });
  });

  after(async () => {
    subs.forEach((s) => s.dispose());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
    if (previous && fs.existsSync(previous.fsPath)) await api.store.setCurrent(previous);
  });

  async function open(name: string, text: string): Promise<{ file: string; uri: vscode.Uri }> {
    const file = path.join(dir, name, '.mentoring.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    await waitFor(() => api.store.get(uri), 10_000, 'the store to parse the file');
    return { file, uri };
  }

  function agreement(questions: string): string {
    const now = Date.now();
    return `# our agreement
version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: ${new Date(now - 30 * DAY).toISOString().slice(0, 10)}
  goals:
    - { id: g1, title: Own the release process, by: ${new Date(now + 10 * DAY).toISOString().slice(0, 10)} }
  expectations: { feedback: on-request }
sessions:
  - id: next
    at: ${iso(new Date(now + 3 * DAY))}
    status: planned
    topic: Releases   # announced early
    announced: ${iso(new Date(now - DAY))}
    agenda:
      - Backoff
questions:   # the team's own
${questions}`;
  }

  it('checks the questions: block in the editor: an error for a bad moment, an info note for a question that draws a hint', async () => {
    const bad = await open('bad-moment', agreement(`  - { when: someday, text: "What gave you energy this week?" }
`));
    const error = await waitFor(() => vscode.languages.getDiagnostics(bad.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error), 10_000, 'the bad moment error');
    assert.match(error.message, /`questions\[0\]\.when` must be one of first-session, late-cancellation, goal-due, undone-tasks, feedback, any — not the text "someday"/);
    assert.deepEqual([error.range.start.line, error.range.start.character], [18, 12], 'at the value (0-based line and column)');

    // The agreement checks run on a file without errors: the hint note is on a valid file.
    const hinted = await open('hinted', agreement(`  - { when: any, text: "What gave you energy this week?" }
  - { when: any, text: "You always leave tasks undone. Just finish them." }
`));
    const note = await waitFor(() => vscode.languages.getDiagnostics(hinted.uri).find((d) => d.code === 'question-hint'), 10_000, 'the question-hint note');
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(note.range.start.line, 19);
    assert.ok(!vscode.languages.getDiagnostics(hinted.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  it('the sidebar offers the questions that fit; Add puts one on the agenda on disk, and it is offered no more', async () => {
    const { file, uri } = await open('sidebar', agreement(`  - { id: energy, when: any, text: "What gave you energy this week?" }
`));
    await api.store.setCurrent(uri);
    const before = fs.readFileSync(file, 'utf8');
    await api.sidebar.handleMessage({ type: 'ready' });
    const state = states.at(-1) as ReadyState;
    assert.equal(state.kind, 'ready');
    assert.equal(state.current?.id, 'next');
    assert.deepEqual(state.questions?.map((q) => q.id), ['first-session.hopes', 'first-session.feedback', 'first-session.between', 'goal-due.g1', 'team.energy']);
    const goal = state.questions?.find((q) => q.id === 'goal-due.g1');
    assert.match(goal?.text ?? '', /^Our goal "Own the release process" is due on .+\. How close does it feel, and what would help most in the time left\?$/);

    const sent = results.length;
    await api.sidebar.handleMessage({ type: 'addQuestion', requestId: 9001, session: 'next', question: 'goal-due.g1', text: goal?.text });
    const result = results.slice(sent).find((r) => r.requestId === 9001);
    assert.ok(result?.ok, JSON.stringify(result));
    await waitFor(() => fs.readFileSync(file, 'utf8').includes('How close does it feel'), 10_000, 'the question on disk');
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(after, before.replace('      - Backoff\n', `      - Backoff\n      - ${goal?.text ?? ''}\n`));
    const latest = await waitFor(() => {
      const s = states.at(-1);
      return s?.kind === 'ready' && !s.questions?.some((q) => q.id === 'goal-due.g1') ? s : undefined;
    }, 10_000, 'a state without the added question');
    assert.ok(latest.questions?.some((q) => q.id === 'team.energy'));

    // the same again is refused, a malformed message is rejected, and the file stays as it is
    await api.sidebar.handleMessage({ type: 'addQuestion', requestId: 9002, session: 'next', question: 'goal-due.g1', text: goal?.text });
    const again = results.find((r) => r.requestId === 9002);
    assert.equal(again?.ok, false);
    assert.match(again?.message ?? '', /already on the agenda of session next/);
    const refusedBefore = rejected.length;
    await api.sidebar.handleMessage({ type: 'addQuestion', requestId: 9003, session: 'next', question: '../goal', text: 'x' });
    assert.equal(rejected.length, refusedBefore + 1);
    assert.equal(fs.readFileSync(file, 'utf8'), after);
  });
});
