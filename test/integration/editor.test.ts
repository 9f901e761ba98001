/**
 * The editor part (issue 4) in the real extension host, on real files in the test
 * workspace: every command's saved text (comments kept), the dirty-buffer case, the
 * changed-on-disk case, the invalid-file case, diagnostics while typing, quick fixes,
 * the status bar and private notes. Each test works in its own folder under the
 * first workspace folder and names its file explicitly (`file:` argument), so the
 * tests do not depend on each other or on other mentoring files in the workspace.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { MentoringApi } from '../../src/extension';
import type { InputOptions, PickItem } from '../../src/editor/ui';
import { RecordingUi } from './helpers';

const EXTENSION_ID = 'mentoring-dev.mentoring';
const DAY = 86_400_000;

let api: MentoringApi;
let counter = 0;

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function isoAt(d: Date): string {
  return d.toISOString().slice(0, 19) + 'Z';
}

/** A valid file with comments everywhere, dated around today so every warning is predictable. */
function sampleFile(now = new Date()): string {
  const started = isoDate(new Date(now.getTime() - 30 * DAY));
  const soon = new Date(now.getTime() + 5 * DAY);
  const held = new Date(now.getTime() - 7 * DAY);
  return `# The agreement between Ana and Ben, and the log of our sessions.
version: 1
agreement:
  mentor: { name: Ana Silva, handle: anasilva }   # keep this comment
  mentee: { name: Ben Okafor, handle: benok }
  started: ${started}
  goals:
    - id: tests-first
      title: Write a failing test before every bug fix
      by: ${isoDate(new Date(now.getTime() + 90 * DAY))}   # within six months
  expectations:
    cadence: weekly
    topicNotice: 48h
    cancellationNotice: 24h
    feedback: on-request
  future-field: kept as it is   # unknown key, passed through

# Sessions, oldest first.
sessions:
  - id: ${isoDate(held)}
    at: ${isoAt(held)}
    topic: Reading unfamiliar code
    announced: ${isoAt(new Date(held.getTime() - 4 * DAY))}
    status: held
    feedback: []
  - id: next-one
    at: ${isoAt(soon)}
    topic: Testing the retry loop
    announced: ${isoAt(now)}
    status: planned   # not yet held

tasks:
  - id: t-0001
    title: Add a failing test before fixing BILL-231
    owner: mentee
    status: open
    goal: tests-first
  - id: t-0002
    title: Read the retry state machine
    owner: mentee
    status: open
`;
}

/** A fresh folder under the first workspace folder, with a mentoring file holding `text`. */
async function fixture(text = sampleFile()): Promise<{ dir: string; file: string; uri: vscode.Uri }> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the integration suite needs a workspace folder');
  const dir = path.join(root, `editor-${process.pid}-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.mentoring.yaml');
  fs.writeFileSync(file, text);
  const uri = vscode.Uri.file(file);
  // Opening the document is what a user does; the store parses every mentoring document opened.
  await vscode.workspace.openTextDocument(uri);
  await waitFor(() => api.store.get(uri) !== undefined, 'the store to parse the opened file');
  return { dir, file, uri };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Every comment line and unknown key of `before` is still in `after`, in the same order. */
function assertCommentsKept(before: string, after: string): void {
  const kept = before.split('\n').filter((l) => l.includes('#') || l.includes('future-field'));
  let from = 0;
  for (const line of kept) {
    const at = after.indexOf(line, from);
    assert.ok(at >= 0, `lost or changed line: ${line}`);
    from = at + line.length;
  }
}

type Outcome = { ok: true; id?: string; unsaved?: boolean; warnings?: string[] } | { ok: false; message: string } | undefined;

async function run(command: string, args: Record<string, unknown>): Promise<Outcome> {
  return vscode.commands.executeCommand<Outcome>(command, args);
}

/** Prompts answered from a script, in order; records every question and message. */
class ScriptedUi extends RecordingUi {
  readonly asked: string[] = [];
  constructor(private readonly answers: (string | number | undefined)[]) {
    super();
  }
  override async input(options: InputOptions): Promise<string | undefined> {
    this.asked.push(options.prompt);
    const answer = this.answers.shift();
    assert.ok(answer === undefined || typeof answer === 'string', `expected a text answer for "${options.prompt}"`);
    if (answer !== undefined && options.validate) assert.equal(options.validate(answer), undefined, `"${answer}" was refused`);
    return answer;
  }
  override async pick<T>(items: PickItem<T>[], options: { placeHolder: string }): Promise<T | undefined> {
    this.asked.push(options.placeHolder);
    const answer = this.answers.shift();
    if (answer === undefined) return undefined;
    const item = items.find((i) => i.value === answer || i.label === answer);
    assert.ok(item, `no item "${String(answer)}" among ${items.map((i) => i.label).join(', ')}`);
    return item.value;
  }
}

/** Every file under `dir` (recursively), for the private-note check. */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : allFiles(p);
    return e.isFile() ? [p] : [];
  });
}

describe('Editor (issue 4) in the real host', function () {
  this.timeout(60_000);
  let ui: ScriptedUi;
  let restoreUi: vscode.Disposable | undefined;

  before(async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    await api.store.ready;
  });

  beforeEach(() => {
    ui = new ScriptedUi([]);
    restoreUi = api.useUi(ui);
  });

  afterEach(async () => {
    restoreUi?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers every command', async () => {
    const all = await vscode.commands.getCommands(true);
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const { command } of pkg.contributes.commands) assert.ok(all.includes(command), command);
  });

  it('asks which file when there are several, and works with the chosen one', async () => {
    const a = await fixture();
    const b = await fixture(sampleFile().replace('Ana Silva', 'Cy Dee'));
    assert.ok(api.store.files().length >= 2);
    ui = new ScriptedUi([]);
    restoreUi?.dispose();
    restoreUi = api.useUi(ui);
    let offered: string[] = [];
    ui.pick = async <T,>(items: PickItem<T>[]): Promise<T | undefined> => {
      offered = items.map((i) => `${i.label} ${i.description ?? ''}`);
      const chosen = items.find((i) => String(i.value) === b.uri.toString());
      assert.ok(chosen, 'the second file is offered');
      return chosen.value;
    };
    const result = await run('mentoring.pickFile', {});
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(api.store.current?.uri.toString(), b.uri.toString());
    assert.ok(offered.some((o) => o.includes(path.basename(a.dir)) && o.includes('Ana Silva mentors Ben Okafor')), offered.join(' | '));
    assert.ok(offered.some((o) => o.includes('Cy Dee mentors Ben Okafor')), offered.join(' | '));
    // Commands without a file now work on the chosen one.
    const done = await run('mentoring.completeTask', { task: 't-0001' });
    assert.ok(done?.ok, JSON.stringify(done));
    assert.match(read(b.file), /status: done/);
    assert.doesNotMatch(read(a.file), /status: done/);
  });

  it('opens the sidebar from the status bar command', async () => {
    const result = await run('mentoring.showSidebar', {});
    assert.ok(result?.ok, JSON.stringify(result));
  });

  it('plans a session: appended with announced = now, comments and unknown keys kept, saved', async () => {
    const { file } = await fixture();
    const before = read(file);
    const at = new Date(Date.now() + 10 * DAY);
    const result = await run('mentoring.planSession', { file: vscode.Uri.file(file).toString(), at: isoAt(at), topic: 'Pairing on flaky tests', agenda: ['Pick a flaky test', 'Write it down'] });
    assert.ok(result?.ok, JSON.stringify(result));
    const after = read(file);
    assertCommentsKept(before, after);
    assert.ok(after.startsWith(before.slice(0, before.indexOf('\ntasks:'))), 'text before the new session is unchanged');
    assert.match(after, /topic: Pairing on flaky tests/);
    assert.match(after, /- Pick a flaky test/);
    assert.match(after, new RegExp(`id: ${result.id}`));
    const state = api.store.get(vscode.Uri.file(file));
    await waitFor(() => (api.store.get(vscode.Uri.file(file))?.text ?? '') === after, 'the store to see the saved text');
    const session = state && api.store.get(vscode.Uri.file(file))?.result.model?.sessions.find((s) => s.id === result.id);
    assert.ok(session?.announced, 'announced is recorded');
  });

  it('plans a session through the guided prompts', async () => {
    const { file, uri } = await fixture();
    ui = new ScriptedUi(['2031-03-04 15:00', 'Reading the billing code', 'Retry loop; Questions']);
    restoreUi?.dispose();
    restoreUi = api.useUi(ui);
    const result = await run('mentoring.planSession', { file: uri.toString() });
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(ui.asked.length, 3);
    const after = read(file);
    assert.match(after, /at: 2031-03-04T15:00:00[+-]\d{2}:\d{2}/);
    assert.match(after, /- Retry loop\n\s+- Questions/);
  });

  it('starts and ends a session; ending records the feedback', async () => {
    const { file, uri } = await fixture();
    const started = await run('mentoring.startSession', { file: uri.toString(), session: 'next-one' });
    assert.ok(started?.ok, JSON.stringify(started));
    assert.match(read(file), /started: /);
    const ended = await run('mentoring.endSession', { file: uri.toString(), session: 'next-one', feedback: { from: 'mentee', rating: 5, valuable: 'The checklist', change: 'More questions' } });
    assert.ok(ended?.ok, JSON.stringify(ended));
    const after = read(file);
    assert.match(after, /ended: /);
    assert.match(after, /status: held +# not yet held/, 'the status changed and its comment stayed');
    assert.match(after, /rating: 5/);
    assert.match(after, /valuable: The checklist/);
    assertCommentsKept(sampleFile().replace('status: planned   # not yet held', ''), after);
  });

  it('cancels a session late: records when and by whom, and warns', async () => {
    const now = new Date();
    const text = sampleFile(now).replace(/at: .*\n(\s+topic: Testing)/, `at: ${isoAt(new Date(now.getTime() + 2 * 3600_000))}\n$1`);
    const { file, uri } = await fixture(text);
    const result = await run('mentoring.cancelSession', { file: uri.toString(), session: 'next-one', by: 'mentor', reason: 'Sick' });
    assert.ok(result?.ok, JSON.stringify(result));
    assert.ok((result.warnings ?? []).some((w) => /cancellationNotice|notice/i.test(w)), `a late warning: ${JSON.stringify(result.warnings)}`);
    assert.ok(ui.messages.some((m) => m.level === 'warn'), 'the warning is shown');
    const after = read(file);
    assert.match(after, /status: cancelled/);
    assert.match(after, /by: mentor/);
    assert.match(after, /reason: Sick/);
  });

  it('adds a task from the selection, linking file and lines', async () => {
    const { dir, file, uri } = await fixture();
    const source = path.join(dir, 'retry.ts');
    fs.writeFileSync(source, Array.from({ length: 30 }, (_, i) => `const line${i + 1} = ${i + 1};`).join('\n') + '\n');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(source));
    editor.selection = new vscode.Selection(9, 0, 19, 5);
    const result = await run('mentoring.addTask', { file: uri.toString(), title: 'Simplify the retry loop', owner: 'mentee' });
    assert.ok(result?.ok, JSON.stringify(result));
    const rel = `${path.basename(dir)}/retry.ts`;
    const after = read(file);
    assert.ok(after.includes(`${rel}#L10-L20`), after);
    assert.match(after, new RegExp(`id: ${result.id}\\n\\s+title: Simplify the retry loop`));

    editor.selection = new vscode.Selection(11, 2, 11, 4);
    const one = await run('mentoring.addTask', { file: uri.toString(), title: 'One line', owner: 'mentor' });
    assert.ok(one?.ok);
    assert.ok(read(file).includes(`${rel}#L12`));
  });

  it('completes and drops tasks', async () => {
    const { file, uri } = await fixture();
    const done = await run('mentoring.completeTask', { file: uri.toString(), task: 't-0001' });
    assert.ok(done?.ok, JSON.stringify(done));
    const dropped = await run('mentoring.dropTask', { file: uri.toString(), task: 't-0002', reason: 'Covered by t-0001' });
    assert.ok(dropped?.ok, JSON.stringify(dropped));
    const after = read(file);
    assert.match(after, /id: t-0001\n(?:.*\n)*?\s+status: done/);
    assert.match(after, /id: t-0002\n(?:.*\n)*?\s+status: dropped/);
    assertCommentsKept(sampleFile(), after);
    const again = await run('mentoring.completeTask', { file: uri.toString(), task: 't-0001' });
    assert.equal(again?.ok, undefined, 'a done task is no longer offered');
    assert.ok(ui.messages.some((m) => m.level === 'error' && /no open task "t-0001"/.test(m.text)));
  });

  it('opens the agreement and exports a session summary as an untitled Markdown document', async () => {
    const { uri } = await fixture();
    await run('mentoring.openAgreement', { file: uri.toString() });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const result = await run('mentoring.exportSummary', { file: uri.toString(), session: 'next-one' });
    assert.ok(result?.ok, JSON.stringify(result));
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc?.isUntitled);
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.getText(), /Testing the retry loop/);
  });

  it('sets up an agreement: a commented starter file that parses without errors', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const dir = path.join(root, `setup-${process.pid}-${++counter}`);
    fs.mkdirSync(dir, { recursive: true });
    const result = await run('mentoring.setUp', {
      folder: vscode.Uri.file(dir).toString(),
      mentor: { name: 'Ana Silva', handle: 'anasilva' },
      mentee: { name: 'Ben Okafor' },
      goal: { title: 'Write tests first', by: isoDate(new Date(Date.now() + 60 * DAY)) },
      cadence: 'biweekly',
    });
    assert.ok(result?.ok, JSON.stringify(result));
    const text = read(path.join(dir, '.mentoring.yaml'));
    assert.match(text, /^#/m, 'the starter file explains itself in comments');
    assert.match(text, /Ana Silva/);
    assert.match(text, /cadence: biweekly/);
    const uri = vscode.Uri.file(path.join(dir, '.mentoring.yaml'));
    await waitFor(() => api.store.get(uri) !== undefined, 'the new file to be parsed');
    assert.deepEqual(api.store.get(uri)?.result.diagnostics.filter((d) => d.severity === 'error'), []);
    const second = await run('mentoring.setUp', { folder: vscode.Uri.file(dir).toString(), mentor: { name: 'Cy' }, mentee: { name: 'Dee' }, cadence: 'weekly' });
    assert.ok(second?.ok);
    assert.equal(read(path.join(dir, '.mentoring.yaml')), text, 'an existing agreement is never overwritten');
    assert.ok(fs.existsSync(path.join(dir, '.mentoring', 'cy-dee.yaml')));
  });

  it('applies onto an editor with unsaved changes instead of overwriting them', async () => {
    const { file, uri } = await fixture();
    const onDisk = read(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const typed = new vscode.WorkspaceEdit();
    typed.insert(uri, new vscode.Position(1, 0), '# an unsaved thought\n');
    assert.ok(await vscode.workspace.applyEdit(typed));
    assert.ok(doc.isDirty);
    const result = await run('mentoring.completeTask', { file: uri.toString(), task: 't-0002' });
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(result.unsaved, true);
    assert.equal(read(file), onDisk, 'the disk is untouched');
    assert.ok(doc.isDirty);
    assert.match(doc.getText(), /# an unsaved thought/);
    assert.match(doc.getText(), /id: t-0002\n(?:.*\n)*?\s+status: done/);
    assert.ok(ui.messages.some((m) => /unsaved changes/.test(m.text)));
    // Undo works: one undo removes our change and keeps the user's.
    await vscode.commands.executeCommand('undo');
    assert.match(doc.getText(), /# an unsaved thought/);
    assert.doesNotMatch(doc.getText(), /status: done/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('re-reads and re-applies when the file changes on disk between read and write', async () => {
    const { file, uri } = await fixture();
    await vscode.workspace.openTextDocument(uri);
    let calls = 0;
    const { completeTask } = await import('../../src/core/edit/index');
    const result = await api.store.edit((text) => {
      calls++;
      if (calls === 1) fs.writeFileSync(file, read(file).replace('# Sessions, oldest first.', '# Sessions, oldest first (edited elsewhere).'));
      return completeTask(text, { task: 't-0001' }, { now: new Date() });
    }, uri);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(calls, 2, 'the operation ran again on the new text');
    const after = read(file);
    assert.match(after, /edited elsewhere/, 'the other change is kept');
    assert.match(after, /id: t-0001\n(?:.*\n)*?\s+status: done/, 'and ours is applied');
  });

  it('works from what is on disk right after an outside change (git pull)', async () => {
    const { file, uri } = await fixture();
    await vscode.window.showTextDocument(uri);
    fs.writeFileSync(file, read(file).replace('title: Read the retry state machine', 'title: Read the retry state machine (pulled)'));
    const result = await run('mentoring.completeTask', { file: uri.toString(), task: 't-0001' });
    assert.ok(result?.ok, JSON.stringify(result));
    const after = read(file);
    assert.match(after, /\(pulled\)/);
    assert.match(after, /status: done/);
  });

  it('never edits a file with errors, and shows them at the right line', async () => {
    const broken = sampleFile().replace('    owner: mentee\n    status: open\n    goal: tests-first', '    owner: mentee\n    status: open\n    goal: no-such-goal');
    const { file, uri } = await fixture(broken);
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an error diagnostic');
    const error = vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const line = broken.split('\n').findIndex((l) => l.includes('no-such-goal'));
    assert.equal(error?.range.start.line, line);
    assert.equal(error?.source, 'mentoring');
    const result = await run('mentoring.completeTask', { file: uri.toString(), task: 't-0002' });
    assert.equal(result?.ok ?? false, false);
    assert.equal(read(file), broken, 'nothing was written');
    assert.ok(ui.messages.some((m) => m.level === 'error' && /has errors/.test(m.text) && new RegExp(`line ${line + 1}`, 'i').test(m.text)), JSON.stringify(ui.messages));
    // The quick fix offers the existing goal.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, error?.range);
    const fix = actions.find((a) => a.title.includes('tests-first'));
    assert.ok(fix?.edit, `a quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /goal: tests-first/);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the error to go away');
    await doc.save();
  });

  it('finds a mentoring file created on disk and forgets a deleted one (file system watcher)', async () => {
    const { dir } = await fixture();
    fs.mkdirSync(path.join(dir, '.mentoring'));
    await new Promise((r) => setTimeout(r, 1000));
    const second = path.join(dir, '.mentoring', 'cy-dee.yaml');
    fs.writeFileSync(second, sampleFile());
    const uri = vscode.Uri.file(second);
    await waitFor(() => api.store.files().some((f) => f.toString() === uri.toString()), 'the watcher to report the new file', 20_000);
    fs.rmSync(second);
    await waitFor(() => !api.store.files().some((f) => f.toString() === uri.toString()), 'the watcher to report the deletion', 20_000);
  });

  it('updates diagnostics as the user types (debounced) and when the disk changes', async () => {
    const { file, uri } = await fixture();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => api.store.get(uri) !== undefined, 'parse');
    const line = doc.getText().split('\n').findIndex((l) => l.includes('cadence: weekly'));
    const typo = new vscode.WorkspaceEdit();
    typo.replace(uri, doc.lineAt(line).range, '    cadence: weakly');
    assert.ok(await vscode.workspace.applyEdit(typo));
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Error), 'an error at the typo');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the error to clear after revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Now from disk, with no editor involved.
    fs.writeFileSync(file, read(file).replace('feedback: on-request', 'feedback: sometimes'));
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an error after the disk change');
  });

  it('offers to set a goal that is too far out to the six-month limit', async () => {
    const now = new Date();
    const far = sampleFile(now).replace(/by: \S+ {3}# within six months/, `by: ${isoDate(new Date(now.getTime() + 400 * DAY))}   # within six months`);
    const { uri } = await fixture(far);
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'goal-too-far'), 'the goal-too-far warning');
    const warning = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'goal-too-far');
    assert.equal(warning?.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning?.range);
    const fix = actions.find((a) => /six months/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'goal-too-far'), 'the warning to go away');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /# within six months/, 'the comment after the date stays');
    await doc.save();
  });

  it('offers the ISO form of a near-miss date-time', async () => {
    const text = sampleFile().replace(/(id: next-one\n\s+at: )\S+/, '$12031-03-04 15:00');
    const { uri } = await fixture(text);
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the date error');
    const error = vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, error?.range);
    const fix = actions.find((a) => a.title === 'Change to 2031-03-04T15:00');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /at: 2031-03-04T15:00\n/);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the error to go away');
    await doc.save();
  });

  it('offers the feedback questions for a held session without feedback, and records the answers', async () => {
    const text = sampleFile().replace('feedback: on-request', 'feedback: every-session');
    const { file, uri } = await fixture(text);
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'missing-feedback'), 'the missing-feedback warning');
    const warning = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'missing-feedback');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning?.range);
    const action = actions.find((a) => a.command?.command === 'mentoring.addFeedback');
    assert.ok(action?.command, actions.map((a) => a.title).join(' | '));
    ui = new ScriptedUi(['mentee', 4, 'Tracing the state machine', 'Shorter intro']);
    restoreUi?.dispose();
    restoreUi = api.useUi(ui);
    const result = await vscode.commands.executeCommand<Outcome>(action.command.command, ...(action.command.arguments ?? []));
    assert.ok(result?.ok, JSON.stringify(result));
    const after = read(file);
    assert.match(after, /from: mentee/);
    assert.match(after, /rating: 4/);
    assert.match(after, /valuable: Tracing the state machine/);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'missing-feedback'), 'the warning to go away');
  });

  it('shows the next session and its countdown in the status bar, and the running session once started', async () => {
    const { uri } = await fixture();
    await run('mentoring.pickFile', { file: uri.toString() });
    // What the item shows, as the status bar announces it.
    let shown: { text: string; kind: string; sessionId?: string | undefined } | undefined;
    const recording = api.statusBar.onDidUpdate((s) => (shown = s));
    api.statusBar.update();
    await waitFor(() => shown?.sessionId === 'next-one', 'the status bar to show the next session');
    assert.match(shown?.text ?? '', /\$\(calendar\) (4|5) days[^·]* · Testing the retry loop/);
    await run('mentoring.startSession', { file: uri.toString(), session: 'next-one' });
    await waitFor(() => shown?.kind === 'running', 'the running session');
    assert.match(shown?.text ?? '', /\$\(pulse\) Session 0:0\d · Testing the retry loop/);
    recording.dispose();
  });

  it('keeps private notes out of the workspace, marked private, and exports them', async () => {
    const { uri } = await fixture();
    const secret = `I worry Ben is overloaded ${Date.now()}-${Math.random()}`;
    const result = await run('mentoring.addPrivateNote', { file: uri.toString(), session: 'next-one', text: secret });
    assert.ok(result?.ok, JSON.stringify(result));
    assert.ok(ui.messages.some((m) => m.text.includes('private — only on this machine')));
    const { fileKeyOf } = await import('../../src/editor/privateNotes');
    assert.ok(api.notes.list(fileKeyOf(uri)).some((n) => n.text === secret && n.sessionId === 'next-one'));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const f of allFiles(folder.uri.fsPath)) {
        const content = fs.readFileSync(f);
        assert.ok(!content.includes(secret), `the private note leaked into ${f}`);
      }
    }
    assert.ok(!(vscode.workspace.workspaceFolders ?? []).some((f) => api.notes.file.fsPath.startsWith(f.uri.fsPath)));
    const stored = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.notes.file));
    assert.ok(stored.includes(secret), 'the note is in the extension storage file');
    // A fresh instance reads what the last one wrote: notes survive a restart.
    const { PrivateNotes, notesFolder } = await import('../../src/editor/privateNotes');
    const reloaded = await PrivateNotes.load(api.notes.folder);
    assert.ok(reloaded.list(fileKeyOf(uri), 'next-one').some((n) => n.text === secret));
    reloaded.dispose();
    // A configured folder inside the workspace is refused, with a reason.
    const ws = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(ws);
    const inside = await notesFolder(api.notes.folder, vscode.Uri.joinPath(ws, 'notes').fsPath, [ws]);
    assert.equal(inside.folder.toString(), api.notes.folder.toString());
    assert.match(inside.problem ?? '', /overlaps an open workspace folder/);
    // Compared as real paths: a link to the workspace, and (where the disk ignores case) another case, are inside it.
    const { NODE_PLATFORM } = await import('../../src/node/platform');
    const linkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-notes-link-'));
    fs.symlinkSync(ws.fsPath, path.join(linkDir, 'ws'));
    const linked = await notesFolder(api.notes.folder, path.join(linkDir, 'ws', 'notes'), [ws], NODE_PLATFORM);
    assert.match(linked.problem ?? '', /overlaps an open workspace folder/);
    // (Upper-cased from the real path: on this Linux disk only the case-insensitive comparison can match it.)
    const cased = await notesFolder(api.notes.folder, fs.realpathSync(ws.fsPath).toUpperCase() + '/notes', [ws], { ...NODE_PLATFORM, caseInsensitive: true });
    assert.equal((await notesFolder(api.notes.folder, fs.realpathSync(ws.fsPath).toUpperCase() + '/notes', [ws], NODE_PLATFORM)).problem, undefined, 'a case-sensitive disk keeps them apart');
    assert.match(cased.problem ?? '', /overlaps an open workspace folder/);
    // The default storage itself inside a workspace folder (a workspace opened on the home folder) is said.
    const home = await notesFolder(vscode.Uri.joinPath(ws, '.storage'), undefined, [ws], NODE_PLATFORM);
    assert.match(home.problem ?? '', /lies inside an open workspace folder/);
    fs.rmSync(linkDir, { recursive: true, force: true });
    await run('mentoring.exportPrivateNotes', { file: uri.toString() });
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc?.isUntitled);
    assert.match(doc.getText(), /private — only on this machine/);
    assert.ok(doc.getText().includes(secret));
  });
});
