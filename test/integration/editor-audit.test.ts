/**
 * Issue 4, the cases editor.test.ts leaves open, in the real extension host on real files:
 * quick fixes for a dangling session or task reference (the likely meant id first), the
 * chosen file remembered per workspace, a file that keeps changing on disk (never clobbered),
 * a YAML syntax error and an unsaved buffer with errors (never edited), diagnostics that
 * follow a disk change under an open editor, and when and by whom a cancellation is recorded.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { completeTask } from '../../src/core/edit/index';
import { parse } from '../../src/core/parse/index';
import type { MentoringApi } from '../../src/extension';
import { MentoringStore, type ParseResult } from '../../src/editor/store';
import type { WorkerLog } from '../../src/editor/parseWorkerClient';
import { NodeParseCache } from '../../src/node/parseCache';
import { NODE_PLATFORM } from '../../src/node/platform';
import type { InputOptions, PickItem } from '../../src/editor/ui';
import { RecordingUi } from './helpers';

const EXTENSION_ID = 'mentoring-dev.mentoring';
const DAY = 86_400_000;

let api: MentoringApi;
let counter = 0;

const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);
const isoAt = (t: number): string => new Date(t).toISOString().slice(0, 19) + 'Z';

/** A valid file with comments; `sessions` held sessions a week apart (ids are their dates), one planned. */
function sampleFile(sessions = 1, now = Date.now()): string {
  const held = Array.from({ length: sessions }, (_, i) => {
    const at = now - (sessions - i) * 7 * DAY;
    return `  - id: ${isoDate(at)}\n    at: ${isoAt(at)}\n    topic: Session ${i + 1}\n    announced: ${isoAt(at - 3 * DAY)}\n    status: held\n`;
  }).join('');
  return `# Ana and Ben (audit fixture)
version: 1
agreement:
  mentor: { name: Ana Silva }   # keep this comment
  mentee: { name: Ben Okafor }
  started: ${isoDate(now - 90 * DAY)}
  goals:
    - id: tests-first
      title: Write a failing test before every bug fix
      by: ${isoDate(now + 60 * DAY)}
  expectations:
    topicNotice: 48h
    cancellationNotice: 24h
sessions:
${held}  - id: next-one
    at: ${isoAt(now + 5 * DAY)}
    topic: Testing the retry loop
    announced: ${isoAt(now)}
    status: planned   # not yet held
tasks:
  - id: t-0001
    title: Add a failing test before fixing BILL-231
    status: open
  - id: t-0002
    title: Read the retry state machine
    status: open
`;
}

async function fixture(text: string): Promise<{ dir: string; file: string; uri: vscode.Uri }> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the integration suite needs a workspace folder');
  const dir = path.join(root, `audit-${process.pid}-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.mentoring.yaml');
  fs.writeFileSync(file, text);
  const uri = vscode.Uri.file(file);
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

const read = (file: string): string => fs.readFileSync(file, 'utf8');
const errors = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

type Outcome = { ok: true; id?: string; unsaved?: boolean; warnings?: string[] } | { ok: false; message: string } | undefined;

/** Answers picks by value or label from a script; records what was asked and said. */
class ScriptedUi extends RecordingUi {
  readonly asked: string[] = [];
  constructor(private readonly answers: unknown[] = []) {
    super();
  }
  override async input(options: InputOptions): Promise<string | undefined> {
    this.asked.push(options.prompt);
    const answer = this.answers.shift();
    return typeof answer === 'string' ? answer : undefined;
  }
  override async pick<T>(items: PickItem<T>[], options: { placeHolder: string }): Promise<T | undefined> {
    this.asked.push(options.placeHolder);
    const answer = this.answers.shift();
    return items.find((i) => String(i.value) === String(answer) || i.label === answer)?.value;
  }
}

/** The workspace state as VS Code keeps it, in memory: what a window reload would read back. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}

describe('Editor (issue 4) audit: the remaining cases in the real host', function () {
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
    ui = new ScriptedUi();
    restoreUi = api.useUi(ui);
  });

  afterEach(async () => {
    restoreUi?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the existing sessions for a dangling session reference, the likely meant one first', async () => {
    const now = Date.now();
    // Nine held sessions: more than the five offered, and the meant one is the last of them.
    const meant = isoDate(now - 7 * DAY);
    // The last dash left out: one edit from the meant id, at least two from every other.
    const typo = `${meant.slice(0, 7)}${meant.slice(8)}`;
    const text = sampleFile(9, now).replace('    title: Read the retry state machine\n', `    title: Read the retry state machine\n    session: ${typo}   # from the last session\n`);
    const { file, uri } = await fixture(text);
    await waitFor(() => errors(uri).some((d) => d.code === 'unknown-session'), 'the unknown-session error');
    const error = errors(uri).find((d) => d.code === 'unknown-session');
    assert.ok(error);
    assert.equal(error.range.start.line, text.split('\n').findIndex((l) => l.includes(`session: ${typo}`)));
    const fixes = (await quickFixes(uri, error.range)).filter((a) => a.title.startsWith('Use the existing session'));
    assert.equal(fixes.length, 5, fixes.map((a) => a.title).join(' | '));
    assert.equal(fixes[0]?.title, `Use the existing session "${meant}"`, fixes.map((a) => a.title).join(' | '));
    const fix = fixes[0];
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.ok(doc.getText().includes(`    session: ${meant}   # from the last session\n`), 'the id replaced, its comment kept');
    await waitFor(() => errors(uri).length === 0, 'the error to go away');
    assert.ok(await doc.save());
    assert.ok(read(file).includes(`session: ${meant}   # from the last session`));
  });

  it('offers the existing tasks for a thread that names a task that is not there', async () => {
    const text = `${sampleFile()}threads:
  - id: th-1
    file: src/nowhere.ts
    line: 3
    status: open
    comments:
      - author: Ana Silva
        body: Worth a test?
    task: "t-0012"   # turned into a task
`;
    const { uri } = await fixture(text);
    await waitFor(() => errors(uri).some((d) => d.code === 'unknown-task'), 'the unknown-task error');
    const error = errors(uri).find((d) => d.code === 'unknown-task');
    assert.ok(error);
    const fixes = (await quickFixes(uri, error.range)).filter((a) => a.title.startsWith('Use the existing task'));
    assert.deepEqual(fixes.map((a) => a.title), ['Use the existing task "t-0002"', 'Use the existing task "t-0001"']);
    assert.ok(fixes[0]?.edit);
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.ok(doc.getText().includes('    task: "t-0002"   # turned into a task\n'), 'the quotes and the comment are kept');
    await waitFor(() => errors(uri).length === 0, 'the error to go away');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('remembers the chosen file per workspace: a new window starts with it and does not ask again', async () => {
    const a = await fixture(sampleFile());
    const b = await fixture(sampleFile().replace('Ana Silva', 'Cy Dee'));
    const memento = new MemoryMemento();
    const firstUi = new ScriptedUi([b.uri.toString()]);
    const first = new MentoringStore(memento, { parse, ui: () => firstUi });
    try {
      await first.ready;
      assert.ok(first.files().length >= 2, 'several mentoring files in the workspace');
      assert.equal(first.current, undefined, 'with several files and nothing remembered, none is chosen yet');
      const chosen = await first.pickFile();
      assert.equal(chosen?.toString(), b.uri.toString());
      assert.equal(firstUi.asked.length, 1, 'asked once');
    } finally {
      first.dispose();
    }
    assert.equal(memento.get('mentoring.currentFile'), b.uri.toString(), 'the choice is in the workspace state');
    const againUi = new ScriptedUi();
    const again = new MentoringStore(memento, { parse, ui: () => againUi });
    try {
      await again.ready;
      assert.equal((await again.ensureCurrent())?.uri.toString(), b.uri.toString());
      assert.deepEqual(againUi.asked, [], 'not asked again');
      assert.notEqual(again.current?.uri.toString(), a.uri.toString());
    } finally {
      again.dispose();
    }
  });

  describe('the parse kept for the next start (issue 15): the file shown first, then read and parsed as always', () => {
    /** A log that keeps its lines. */
    const lines = (): WorkerLog & { seen: string[] } => {
      const seen: string[] = [];
      return { seen, info: (m) => seen.push(m), warn: (m) => seen.push(m), trace: () => undefined };
    };
    const KEPT_SHOWN = 'store: the state kept from the last time shown';

    /** A file of its own (not opened), a store that makes it current and keeps its parse in `storage`, disposed after. */
    async function keptOnce(storage: string, memento: MemoryMemento): Promise<{ file: string; uri: vscode.Uri; result: ParseResult }> {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      assert.ok(root);
      const dir = path.join(root, `audit-kept-${process.pid}-${++counter}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, '.mentoring.yaml');
      fs.writeFileSync(file, sampleFile(3));
      const uri = vscode.Uri.file(file);
      const log = lines();
      const first = new MentoringStore(memento, { parse, ui: () => new ScriptedUi(), platform: NODE_PLATFORM, parseCache: new NodeParseCache(storage, 'integration', vscode.env.language), log });
      try {
        await first.ready;
        await waitFor(() => first.get(uri) !== undefined, 'the first store to read the file');
        await first.setCurrent(uri);
        await waitFor(() => log.seen.some((l) => l.includes("store: the current file's parse kept for the next start")), 'the parse kept for the next start');
        const result = first.current?.result;
        assert.ok(result?.model);
        return { file, uri, result };
      } finally {
        first.dispose();
      }
    }

    /** A new window's store on the same memento and storage; `parsed` counts the parses of `text`, `atChange` its count at each state of `uri`. */
    function again(storage: string, memento: MemoryMemento, uri: vscode.Uri, text: () => string): { store: MentoringStore; log: ReturnType<typeof lines>; atChange: number[]; firstResult: () => ParseResult | undefined; parsed: () => number } {
      let parsed = 0;
      let firstResult: ParseResult | undefined;
      const atChange: number[] = [];
      const log = lines();
      const store = new MentoringStore(memento, {
        parse: (t, o) => {
          if (t === text()) parsed++;
          return parse(t, o);
        },
        ui: () => new ScriptedUi(),
        platform: NODE_PLATFORM,
        parseCache: new NodeParseCache(storage, 'integration', vscode.env.language),
        log,
      });
      store.onDidChange((s) => {
        if (s?.uri.toString() !== uri.toString()) return;
        firstResult ??= s.result;
        atChange.push(parsed);
      });
      return { store, log, atChange, firstResult: () => firstResult, parsed: () => parsed };
    }

    let storage = '';
    beforeEach(() => {
      storage = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-kept-'));
    });
    afterEach(() => fs.rmSync(storage, { recursive: true, force: true }));

    it('shows the kept state before any parse of the file, equal to its parse; the file is then parsed and stays current', async () => {
      const memento = new MemoryMemento();
      const { file, uri, result } = await keptOnce(storage, memento);
      const text = read(file);
      const next = again(storage, memento, uri, () => text);
      try {
        await next.store.ready;
        assert.ok(next.log.seen.some((l) => l.includes(KEPT_SHOWN)), `the kept state was shown: ${next.log.seen.join(' | ')}`);
        assert.equal(next.atChange[0], 0, 'the first state of the file came before any parse of its text');
        assert.deepEqual(next.firstResult()?.model, result.model);
        assert.deepEqual(next.firstResult()?.diagnostics, result.diagnostics);
        assert.ok(next.parsed() >= 1, 'then the file was read and parsed as always');
        assert.equal(next.store.current?.uri.toString(), uri.toString());
        assert.equal(next.store.current?.text, text);
        assert.notEqual(next.store.current?.result, next.firstResult(), 'the kept state was replaced by the file\'s own parse');
      } finally {
        next.store.dispose();
      }
    });

    it('is not used when the file changed since, is open with unsaved changes, or another file was chosen', async () => {
      const memento = new MemoryMemento();
      const { file, uri } = await keptOnce(storage, memento);
      // Changed on disk while the window was closed (a git pull): the new text, parsed.
      fs.appendFileSync(file, '# pulled\n');
      const pulled = read(file);
      const afterPull = again(storage, memento, uri, () => pulled);
      try {
        await afterPull.store.ready;
        assert.ok(!afterPull.log.seen.some((l) => l.includes(KEPT_SHOWN)), afterPull.log.seen.join(' | '));
        assert.ok(afterPull.atChange[0] !== undefined && afterPull.atChange[0] >= 1, 'its first state is a parse of the new text');
        assert.equal(afterPull.store.current?.text, pulled);
      } finally {
        afterPull.store.dispose();
      }
      // Kept again for this text, then typed into without saving: the editor's text is what counts.
      fs.rmSync(storage, { recursive: true, force: true });
      await keptOnce(storage, memento).then(async (k) => {
        const doc = await vscode.workspace.openTextDocument(k.uri);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(k.uri, new vscode.Position(0, 0), '# typed, not saved\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(doc.isDirty);
        const typed = doc.getText();
        const open = again(storage, memento, k.uri, () => typed);
        try {
          await open.store.ready;
          assert.ok(!open.log.seen.some((l) => l.includes(KEPT_SHOWN)), open.log.seen.join(' | '));
          assert.equal(open.store.current?.text, typed, 'the unsaved text, not the kept one');
        } finally {
          open.store.dispose();
          await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        // Another file chosen since (in another window): the kept parse is not of the current file.
        const other = await fixture(sampleFile().replace('Ana Silva', 'Di Eno'));
        await memento.update('mentoring.currentFile', other.uri.toString());
        const chosen = again(storage, memento, k.uri, () => read(k.file));
        try {
          await chosen.store.ready;
          assert.ok(!chosen.log.seen.some((l) => l.includes(KEPT_SHOWN)), chosen.log.seen.join(' | '));
          assert.equal(chosen.store.current?.uri.toString(), other.uri.toString());
        } finally {
          chosen.store.dispose();
        }
      });
    });
  });

  it('makes a just-created file current even while another read of it is in flight (the watcher)', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root);
    for (let round = 0; round < 5; round++) {
      const dir = path.join(root, `audit-race-${process.pid}-${++counter}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, '.mentoring.yaml');
      fs.writeFileSync(file, sampleFile());
      const uri = vscode.Uri.file(file);
      // Two reads at once, as when a command names the file while the watcher reports it.
      const first = api.store.setCurrent(uri);
      const second = api.store.setCurrent(uri);
      await first;
      assert.ok(api.store.get(uri), `round ${round}: the file is read once setCurrent returns`);
      assert.equal(api.store.current?.uri.toString(), uri.toString(), `round ${round}: and it is current`);
      await second;
    }
  });

  it('never clobbers a file that keeps changing on disk while it is edited, and says so', async () => {
    const { file, uri } = await fixture(sampleFile());
    let calls = 0;
    const result = await api.store.edit((text) => {
      calls++;
      // Another program rewrites the file every time, after we read it and before we write.
      fs.writeFileSync(file, read(file).replace(/# Ana and Ben \(audit fixture\)( \d+)?/, `# Ana and Ben (audit fixture) ${calls}`));
      return completeTask(text, { task: 't-0001' }, { now: new Date() });
    }, uri);
    assert.equal(result.ok, false);
    // Either it gave up after re-reading several times, or the editor had not caught up yet: both refuse.
    assert.ok(!result.ok && /changed on disk|kept changing on disk/.test(result.message) && /nothing was written/.test(result.message), JSON.stringify(result));
    assert.ok(calls >= 2, `re-read and tried again (${calls} tries)`);
    const after = read(file);
    assert.ok(after.includes(`# Ana and Ben (audit fixture) ${calls}`), 'the last outside change is on disk');
    assert.doesNotMatch(after, /status: done/, 'our change was not forced over it');
  });

  it('refuses to edit a file with a YAML syntax error, naming line and column, and writes nothing', async () => {
    const broken = sampleFile().replace('  mentee: { name: Ben Okafor }', '  mentee: { name: Ben Okafor');
    const { file, uri } = await fixture(broken);
    const line = broken.split('\n').findIndex((l) => l.includes('{ name: Ben Okafor')) + 1;
    await waitFor(() => errors(uri).length > 0, 'a syntax error diagnostic');
    const result = await vscode.commands.executeCommand<Outcome>('mentoring.planSession', { file: uri.toString(), at: isoAt(Date.now() + 9 * DAY), topic: 'Never written' });
    assert.equal(result?.ok ?? false, false, JSON.stringify(result));
    assert.equal(read(file), broken, 'nothing was written');
    const said = ui.messages.find((m) => m.level === 'error');
    assert.ok(said, JSON.stringify(ui.messages));
    assert.match(said.text, /has errors/);
    assert.match(said.text, /[Ll]ine (\d+), column \d+/);
    const reported = Number(/[Ll]ine (\d+)/.exec(said.text)?.[1]);
    assert.ok(reported >= line && reported <= line + 2, `the error is placed at or just after line ${line}: ${said.text}`);
  });

  it('refuses to edit an unsaved buffer that has errors, and keeps what was typed', async () => {
    const { file, uri } = await fixture(sampleFile());
    const onDisk = read(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('cancellationNotice: 24h'));
    const typo = new vscode.WorkspaceEdit();
    typo.replace(uri, doc.lineAt(line).range, '    cancellationNotice: a day');
    assert.ok(await vscode.workspace.applyEdit(typo));
    assert.ok(doc.isDirty);
    const typed = doc.getText();
    const result = await vscode.commands.executeCommand<Outcome>('mentoring.completeTask', { file: uri.toString(), task: 't-0001' });
    assert.equal(result?.ok ?? false, false, JSON.stringify(result));
    assert.equal(doc.getText(), typed, 'the buffer is as the user left it');
    assert.ok(doc.isDirty);
    assert.equal(read(file), onDisk, 'the disk is untouched');
    assert.ok(ui.messages.some((m) => m.level === 'error' && /has errors/.test(m.text) && new RegExp(`line ${line + 1}`, 'i').test(m.text)), JSON.stringify(ui.messages));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('follows a change on disk under an open, unmodified editor (git pull): document, diagnostics and status', async () => {
    const { file, uri } = await fixture(sampleFile());
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(errors(uri).length, 0);
    fs.writeFileSync(file, read(file).replace('status: planned   # not yet held', 'status: postponed   # not yet held'));
    await waitFor(() => doc.getText().includes('status: postponed'), 'the editor to reload from disk', 20_000);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('status: postponed'));
    await waitFor(() => errors(uri).some((d) => d.range.start.line === line), 'an error at the pulled line', 20_000);
    assert.ok(!doc.isDirty);
    // Pulled again, fixed: the error goes away without anyone touching the editor.
    fs.writeFileSync(file, read(file).replace('status: postponed', 'status: cancelled\n    cancelled:\n      at: 2026-01-01T10:00:00Z\n      by: mentor'));
    await waitFor(() => errors(uri).length === 0, 'the error to clear after the second pull', 20_000);
    await waitFor(() => api.store.get(uri)?.result.model?.sessions.find((s) => s.id === 'next-one')?.status === 'cancelled', 'the store to see the pulled state');
  });

  it('asks for feedback when a session ends (who, rating, what was valuable, what to change), or ends without it', async () => {
    const { file, uri } = await fixture(sampleFile());
    const started = await vscode.commands.executeCommand<Outcome>('mentoring.startSession', { file: uri.toString(), session: 'next-one' });
    assert.ok(started?.ok, JSON.stringify(started));
    ui = new ScriptedUi(['mentee', 3, 'Reading the state machine together', 'Less time on setup']);
    restoreUi?.dispose();
    restoreUi = api.useUi(ui);
    const ended = await vscode.commands.executeCommand<Outcome>('mentoring.endSession', { file: uri.toString(), session: 'next-one' });
    assert.ok(ended?.ok, JSON.stringify(ended));
    assert.equal(ui.asked.length, 4, `asked: ${ui.asked.join(' | ')}`);
    assert.match(ui.asked[0] ?? '', /Who is giving feedback/);
    assert.match(ui.asked[1] ?? '', /How useful/);
    const after = read(file);
    assert.match(after, /id: next-one\n(?:.*\n)*?\s+ended: \S+\n/);
    assert.match(after, /feedback:\n\s+- from: mentee\n\s+rating: 3\n\s+valuable: Reading the state machine together\n\s+change: Less time on setup/);
    assert.match(after, /status: held +# not yet held/);

    // Escape at the first question: the session still ends, with no feedback written.
    const second = await fixture(sampleFile());
    await vscode.commands.executeCommand<Outcome>('mentoring.startSession', { file: second.uri.toString(), session: 'next-one' });
    ui = new ScriptedUi([undefined]);
    restoreUi?.dispose();
    restoreUi = api.useUi(ui);
    const quiet = await vscode.commands.executeCommand<Outcome>('mentoring.endSession', { file: second.uri.toString(), session: 'next-one' });
    assert.ok(quiet?.ok, JSON.stringify(quiet));
    const text = read(second.file);
    assert.match(text, /id: next-one\n(?:.*\n)*?\s+ended: /);
    assert.doesNotMatch(text.slice(text.indexOf('id: next-one')), /from: /);
  });

  it('records when and by whom a session was cancelled in time, without a warning', async () => {
    const { file, uri } = await fixture(sampleFile());
    const before = Date.now();
    const result = await vscode.commands.executeCommand<Outcome>('mentoring.cancelSession', { file: uri.toString(), session: 'next-one', by: 'mentee', reason: 'Conference week' });
    assert.ok(result?.ok, JSON.stringify(result));
    assert.deepEqual(result.warnings, [], 'five days ahead is within the 24h notice');
    const after = read(file);
    const m = /id: next-one\n(?:.*\n)*?\s+cancelled:\n\s+at: (\S+)\n\s+by: mentee\n\s+reason: Conference week/.exec(after);
    assert.ok(m?.[1], after);
    const at = Date.parse(m[1]);
    assert.ok(at >= before - 1000 && at <= Date.now() + 1000, `cancelled at ${m[1]} is now`);
    assert.match(after, /status: cancelled +# not yet held/, 'the status changed and its comment stayed');
  });

  describe('a file that is not UTF-8 (issue 16): located, never edited', () => {
    /** The sample with a Latin-1 `é` (the byte 0xE9) in a comment of its own: line 2, column 6 (after a byte-order mark with `bom`). */
    function latin1(bom: boolean): Buffer {
      const text = sampleFile();
      const nl = text.indexOf('\n') + 1;
      return Buffer.concat([Buffer.from(bom ? '\uFEFF' : ''), Buffer.from(text.slice(0, nl)), Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' notes\n'), Buffer.from(text.slice(nl))]);
    }

    async function latin1Fixture(bom = false): Promise<{ file: string; uri: vscode.Uri; bytes: Buffer }> {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      assert.ok(root, 'the integration suite needs a workspace folder');
      const dir = path.join(root, `audit-${process.pid}-${++counter}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, '.mentoring.yaml');
      const bytes = latin1(bom);
      fs.writeFileSync(file, bytes);
      const uri = vscode.Uri.file(file);
      // Chosen as the current file (read from disk, not opened), as the sidebar's file picker does.
      await api.store.setCurrent(uri);
      await waitFor(() => api.store.get(uri) !== undefined, 'the store to read the new file');
      return { file, uri, bytes };
    }

    const notUtf8 = (uri: vscode.Uri): vscode.Diagnostic | undefined => errors(uri).find((d) => d.code === 'not-utf8');

    function assertAtBadByte(d: vscode.Diagnostic | undefined): void {
      assert.ok(d, 'a not-utf8 error');
      assert.deepEqual([d.range.start.line, d.range.start.character], [1, 5], 'at the bad byte (line 2, column 6)');
      assert.match(d.message, /^The byte 0xE9 at line 2, column 6 is not UTF-8 .*Save with Encoding/);
    }

    async function assertRefused(uri: vscode.Uri, file: string, bytes: Buffer): Promise<void> {
      // A palette command: refused with the located reason, nothing written.
      const added = await vscode.commands.executeCommand<Outcome>('mentoring.addTask', { file: uri.toString(), title: 'Never written', owner: 'mentee' });
      assert.ok(added === undefined || !added.ok, JSON.stringify(added));
      assert.ok(ui.messages.some((m) => m.level === 'error' && /0xE9 at line 2, column 6 is not UTF-8/.test(m.text)), JSON.stringify(ui.messages));
      // The sidebar's path: the store's edit, refused the same way.
      const completed = await api.store.edit((text) => completeTask(text, { task: 't-0001' }, { now: new Date() }), uri);
      assert.equal(completed.ok, false);
      assert.match(completed.ok ? '' : completed.message, /0xE9 at line 2, column 6 is not UTF-8/);
      assert.ok(fs.readFileSync(file).equals(bytes), 'the bytes on disk are unchanged');
    }

    it('not opened: the not-utf8 error at the first bad byte, and edits refuse, leaving the bytes', async () => {
      const { file, uri, bytes } = await latin1Fixture();
      await waitFor(() => notUtf8(uri) !== undefined, 'the not-utf8 diagnostic');
      assertAtBadByte(notUtf8(uri));
      await assertRefused(uri, file, bytes);
    });

    it('opened in an editor (shown decoded leniently, its byte-order mark hidden), or open when a window starts: the error stays, edits refuse', async () => {
      // With a byte-order mark the document's text (no BOM) differs from the store's lenient one:
      // it must not replace the error when the document is opened.
      const { file, uri, bytes } = await latin1Fixture(true);
      await waitFor(() => notUtf8(uri) !== undefined, 'the not-utf8 diagnostic');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.ok(doc.getText().includes('# Caf\uFFFD notes'), 'VS Code shows the byte as U+FFFD');
      // Past the store's debounce of the opened document.
      await new Promise((r) => setTimeout(r, 1000));
      assertAtBadByte(notUtf8(uri));
      await assertRefused(uri, file, bytes);
      // A window that starts with the file open (a new store, the document already there) reads the disk too.
      const restored = new MentoringStore(new MemoryMemento(), { parse, ui: () => ui });
      try {
        await restored.ready;
        await waitFor(() => restored.get(uri)?.result.diagnostics.some((d) => d.code === 'not-utf8') === true, 'the restored window to see not-utf8');
        const refused = await restored.edit((text) => completeTask(text, { task: 't-0001' }, { now: new Date() }), uri);
        assert.equal(refused.ok, false);
      } finally {
        restored.dispose();
      }
      assert.ok(fs.readFileSync(file).equals(bytes), 'the bytes on disk are unchanged');
      // Fixed outside (re-saved as UTF-8): the error goes, and the file can be edited again.
      fs.writeFileSync(file, bytes.toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '\uFEFF'), 'utf8');
      await waitFor(() => notUtf8(uri) === undefined && api.store.get(uri)?.result.model !== undefined, 'the error to go once the file is UTF-8');
      await waitFor(() => doc.getText().includes('# Café notes'), 'the editor to reload');
      const done = await api.store.edit((text) => completeTask(text, { task: 't-0001' }, { now: new Date() }), uri);
      assert.ok(done.ok, JSON.stringify(done));
      assert.ok(read(file).includes('# Café notes'));
    });
  });
});
