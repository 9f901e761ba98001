/**
 * Sealing in the editor (issue 12) in the real host: *Set Up My Key* keeps a generated key in
 * SecretStorage and writes its public key into the agreement (a backup refused inside the
 * workspace, written outside it); ending a session with feedback writes no plain text of it to
 * disk; the sidebar state shows it opened, with who can read it; review-thread comments, a hover
 * over a sealed block and the summary export open it for the reader (the export asks before
 * writing opened text into the workspace). "A second window with no key" is this host with the
 * secret removed from SecretStorage through the extension's API (`api.keyring.remove()`, which a
 * real second window would see through SecretStorage's change event too): the sidebar, threads,
 * hovers and the summary say who can read each field (never armor), a task is still added, and a
 * block damaged by hand is an error at its line that stops no other edit.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReadyState, ViewState } from '../../src/core/views/protocol';
import { identityToRecipient } from 'age-encryption';
import { parseIdentityFile } from '../../src/core/seal/keys';
import type { MentoringApi } from '../../src/extension';
import type { PickItem } from '../../src/editor/ui';
import { RecordingUi, waitFor, workspaceDir } from './helpers';

const EXTENSION_ID = 'mentoring-dev.mentoring';
const DAY = 86_400_000;
const SECRET_TEXT = 'The honest talk about missed deadlines';
const CHANGE_TEXT = 'More pairing, fewer slides';

/** Picks by label, answers the backup offer, and hands out save locations in turn. */
class KeyUi extends RecordingUi {
  readonly saves: vscode.Uri[] = [];
  constructor(
    private readonly labels: string[],
    private readonly backup: string | undefined,
    private readonly places: vscode.Uri[],
    private readonly typed?: string,
  ) {
    super();
  }
  override async input(): Promise<string | undefined> {
    return this.typed;
  }
  override async pick<T>(items: PickItem<T>[]): Promise<T | undefined> {
    return items.find((i) => this.labels.includes(i.label))?.value;
  }
  override async warn(text: string): Promise<undefined> {
    await super.warn(text);
    return this.backup as undefined;
  }
  override async saveFile(): Promise<undefined> {
    const next = this.places.shift();
    if (next) this.saves.push(next);
    return next as undefined;
  }
}

describe('Sealed fields in the editor (issue 12) in the real host', function () {
  this.timeout(90_000);
  let api: MentoringApi;
  let dir: string;
  let file: string;
  let previous: vscode.Uri | undefined;
  const states: ViewState[] = [];
  let sub: vscode.Disposable | undefined;
  let restoreUi: vscode.Disposable | undefined;
  let identity = '';
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-key-backup-'));

  before(async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    await api.store.ready;
    previous = api.store.current?.uri;
    await api.keyring.remove();
    sub = api.sidebar.onDidPost((m) => m.type === 'state' && states.push(m.state));
    const now = Date.now();
    dir = path.join(workspaceDir(), `seal-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    file = path.join(dir, '.mentoring.yaml');
    fs.writeFileSync(
      file,
      `version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }   # keep this comment
  started: ${new Date(now - 30 * DAY).toISOString().slice(0, 10)}
sessions:
  - id: s1
    at: ${new Date(now - 3600_000).toISOString().slice(0, 19)}Z
    topic: Career worries
    status: planned
    started: ${new Date(now - 3000_000).toISOString().slice(0, 19)}Z
`,
    );
    const uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    await waitFor(() => api.store.get(uri), 10_000, 'the store to parse the fixture');
    await api.store.setCurrent(uri);
  });

  afterEach(() => restoreUi?.dispose());

  after(async () => {
    sub?.dispose();
    await api.keyring.remove();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
    if (previous && fs.existsSync(previous.fsPath)) await api.store.setCurrent(previous);
  });

  /** The latest ready state for which `ok` holds, asking for states (as the page does) until one comes. */
  async function stateWhere(ok: (s: ReadyState) => boolean, what: string): Promise<ReadyState> {
    return waitFor(
      async () => {
        await api.sidebar.handleMessage({ type: 'ready' });
        const s = states.at(-1);
        return s?.kind === 'ready' && ok(s) ? s : undefined;
      },
      15_000,
      what,
    );
  }

  it('Set Up My Key: generates a key into SecretStorage, writes the public key, refuses a backup inside the workspace', async () => {
    const inside = vscode.Uri.file(path.join(workspaceDir(), 'my-key.txt'));
    const backup = vscode.Uri.file(path.join(outside, 'key.txt'));
    const ui = new KeyUi(['Mentee', 'Generate a new key'], 'Save a Backup…', [inside, backup]);
    restoreUi = api.useUi(ui);
    const outcome = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.setUpKey');
    assert.ok(outcome?.ok, JSON.stringify(ui.messages));

    const ids = await api.keyring.identities();
    assert.equal(ids.length, 1, 'one identity kept in SecretStorage');
    identity = ids[0] ?? '';
    const text = fs.readFileSync(file, 'utf8');
    const key = /mentee: \{ name: Ben Okafor, key: (age1[0-9a-z]+) \} {3}# keep this comment/.exec(text)?.[1];
    assert.ok(key, `the mentee's public key, comment kept:\n${text}`);
    assert.ok(!text.includes('AGE-SECRET-KEY'), 'no secret key in the workspace file');

    assert.ok(ui.messages.some((m) => m.level === 'warn' && /cannot be read by you again/.test(m.text)), 'says what a lost key means');
    assert.ok(ui.messages.some((m) => m.level === 'error' && /inside the workspace/.test(m.text)), 'a backup inside the workspace is refused');
    assert.ok(!fs.existsSync(inside.fsPath), 'nothing written inside the workspace');
    const saved = parseIdentityFile(fs.readFileSync(backup.fsPath, 'utf8'));
    assert.deepEqual(saved.identities, ids, 'the backup outside holds the same key, in age format');
    assert.match(fs.readFileSync(backup.fsPath, 'utf8'), new RegExp(`# public key: ${key}`));
  });

  it('ending a session with feedback seals it: no plain text on disk; the sidebar shows it opened, with the lock', async () => {
    restoreUi = api.useUi(new RecordingUi());
    const outcome = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.endSession', {
      session: 's1',
      feedback: { from: 'mentee', rating: 4, valuable: SECRET_TEXT, change: CHANGE_TEXT },
    });
    assert.ok(outcome?.ok);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes(SECRET_TEXT) && !text.includes(CHANGE_TEXT), `no plain feedback on disk:\n${text}`);
    assert.doesNotMatch(text, /rating: 4/);
    assert.equal(text.split('-----BEGIN AGE ENCRYPTED FILE-----').length - 1, 3, 'rating, valuable and change each sealed');
    assert.match(text, /topic: Career worries/, 'the topic is not confidential by default');

    const s = await stateWhere((st) => st.feedback[0]?.valuable === SECRET_TEXT, 'the feedback opened in the sidebar');
    const f = s.feedback[0];
    assert.equal(f?.rating, 4);
    assert.equal(f?.change, CHANGE_TEXT);
    assert.deepEqual(
      f?.sealed?.map((m) => [m.field, m.opened, m.readers]),
      [
        ['rating', true, 'Ben Okafor (mentee)'],
        ['valuable', true, 'Ben Okafor (mentee)'],
        ['change', true, 'Ben Okafor (mentee)'],
      ],
    );
  });

  it('without the key: the sidebar says who can read it (no armor, no error) and a task can still be added', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const blocks = before.match(/-----BEGIN AGE ENCRYPTED FILE-----[\s\S]*?-----END AGE ENCRYPTED FILE-----/g) ?? [];
    assert.equal(blocks.length, 3);
    await api.keyring.remove();
    const s = await stateWhere((st) => st.feedback[0]?.sealed?.every((m) => !m.opened) === true, 'the feedback shown as sealed');
    const f = s.feedback[0];
    assert.equal(f?.valuable, undefined);
    assert.equal(f?.rating, undefined);
    assert.deepEqual(f?.sealed?.map((m) => [m.field, m.readers]), [
      ['rating', 'Ben Okafor (mentee)'],
      ['valuable', 'Ben Okafor (mentee)'],
      ['change', 'Ben Okafor (mentee)'],
    ]);
    assert.doesNotMatch(JSON.stringify(s), /AGE ENCRYPTED|BEGIN AGE/);

    const sent = states.length;
    await api.sidebar.handleMessage({ type: 'addTask', title: 'Write the retry test', owner: 'mentee', requestId: 9001 });
    const after = await waitFor(() => {
      const t = fs.readFileSync(file, 'utf8');
      return t.includes('Write the retry test') ? t : undefined;
    }, 10_000, 'the task written');
    for (const b of blocks) assert.ok(after.includes(b), 'every sealed block byte for byte as it was');
    assert.ok(states.length >= sent);
  });

  it('a pasted key is kept again; Seal it seals plain text written by hand, with the note about git history', async () => {
    const ui = new KeyUi(['Mentee', 'Paste a secret key'], undefined, [], identity);
    restoreUi = api.useUi(ui);
    const outcome = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.setUpKey');
    assert.ok(outcome?.ok, JSON.stringify(ui.messages));
    assert.deepEqual(await api.keyring.identities(), [identity]);
    assert.ok(ui.messages.some((m) => /already names it/.test(m.text)), 'the agreement is left as it is');

    const uri = vscode.Uri.file(file);
    const text = fs.readFileSync(file, 'utf8').replace('    topic: Career worries\n', '    topic: Career worries\n    notes: written by hand in plain text\n');
    fs.writeFileSync(file, text);
    const diagnostic = await waitFor(
      () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'not-sealed' || (typeof d.code === 'object' && d.code.value === 'not-sealed')),
      15_000,
      'the not-sealed warning',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const fix = actions.find((a) => a.title.startsWith('Seal it'));
    assert.ok(fix?.command, `a Seal it fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.match(fix.title, /git history/);
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(!after.includes('written by hand in plain text'), after);
    assert.equal(after.split('-----BEGIN AGE ENCRYPTED FILE-----').length - 1, 4);
    assert.ok(ui.messages.some((m) => /Git history still holds the old plain text/.test(m.text)), JSON.stringify(ui.messages));
  });

  it('a review-thread comment is sealed on disk and shown as sealed, never as armor', async () => {
    restoreUi = api.useUi(new RecordingUi());
    // The author from the role setting: a picked author would be remembered by the threads for later suites.
    const config = vscode.workspace.getConfiguration('mentoring');
    await config.update('role', 'mentee', vscode.ConfigurationTarget.Workspace);
    try {
      await commentAsMentee();
    } finally {
      await config.update('role', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  async function commentAsMentee(): Promise<void> {
    const code = path.join(dir, 'retry.ts');
    fs.writeFileSync(code, 'export function retry() {\n  return 1;\n}\n');
    await api.store.setCurrent(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(code));
    editor.selection = new vscode.Selection(1, 2, 1, 5);
    const outcome = await vscode.commands.executeCommand<{ ok: boolean; id?: string } | undefined>('mentoring.commentOnSelection', { body: 'This hides a confidential worry' });
    assert.ok(outcome?.ok && outcome.id, JSON.stringify(outcome));
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes('confidential worry'), text);
    await api.reviews.settled();
    const shown = await waitFor(() => api.reviews.views().find((v) => v.id === outcome.id)?.thread.comments[0], 10_000, 'the thread shown');
    // with the key: opened, the lock and who can read it beside the author
    assert.equal(bodyOf(shown), 'This hides a confidential worry');
    assert.equal(shown.label, '🔒 sealed — readable by Ben Okafor (mentee)');
    // without it: who can read it, never armor
    await api.keyring.remove();
    const locked = await waitFor(
      () => {
        const c = api.reviews.views().find((v) => v.id === outcome.id)?.thread.comments[0];
        return c && bodyOf(c).startsWith('🔒') ? c : undefined;
      },
      10_000,
      'the comment shown as sealed once the key is gone',
    );
    assert.equal(bodyOf(locked), '🔒 sealed — readable by Ben Okafor (mentee)');
    await api.keyring.add(identity, await identityToRecipient(identity), new Date());
    await waitFor(() => api.reviews.views().find((v) => v.id === outcome.id)?.thread.comments[0]?.label, 10_000, 'the comment opened again with the key back');
  }

  /** A hover over the first sealed block after `key:` in the mentoring file, as text. */
  async function hoverAfter(key: string): Promise<string> {
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await waitFor(() => api.store.get(uri)?.text === doc.getText(), 10_000, 'the store to hold the text shown');
    const text = doc.getText();
    const at = text.indexOf('-----BEGIN AGE ENCRYPTED FILE-----', text.indexOf(key));
    assert.ok(at > 0, `a sealed block after ${key}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(at + 5));
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  }

  it('for a reader: a hover opens a sealed block with the lock; the summary export opens it and asks before writing into the workspace', async () => {
    const ui = new RecordingUi();
    restoreUi = api.useUi(ui);
    const hover = await hoverAfter('valuable:');
    assert.match(hover, /🔒 \*\*The valuable in the mentee's feedback on session s1\*\*: sealed — readable by Ben Okafor \\\(mentee\\\)/);
    assert.ok(hover.includes(SECRET_TEXT), hover);

    const inside = path.join(workspaceDir(), `summary-${process.pid}.md`);
    const declined = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.exportSummary', { session: 's1', saveTo: vscode.Uri.file(inside).toString() });
    assert.equal(declined, undefined);
    assert.ok(!fs.existsSync(inside), 'nothing written without the yes');
    const asked = ui.messages.find((m) => m.level === 'confirm');
    assert.match(asked?.text ?? '', /holds text opened from sealed fields \(readable by Ben Okafor \(mentee\)\), and .* is inside the workspace folder .*: one `git add` would publish it/);

    ui.confirmAnswer = true;
    try {
      const written = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.exportSummary', { session: 's1', saveTo: vscode.Uri.file(inside).toString() });
      assert.ok(written?.ok);
      const md = fs.readFileSync(inside, 'utf8');
      assert.ok(md.includes(`🔒 ${SECRET_TEXT}`), md);
      assert.match(md, /\(4\/5\)/);
      assert.doesNotMatch(md, /AGE ENCRYPTED/);
    } finally {
      fs.rmSync(inside, { force: true });
    }
    const confirms = ui.messages.filter((m) => m.level === 'confirm').length;
    const away = path.join(outside, 'summary.md');
    const elsewhere = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.exportSummary', { session: 's1', saveTo: vscode.Uri.file(away).toString() });
    assert.ok(elsewhere?.ok);
    assert.equal(ui.messages.filter((m) => m.level === 'confirm').length, confirms, 'outside the workspace: not asked');
    assert.ok(fs.readFileSync(away, 'utf8').includes(SECRET_TEXT));
  });

  it('without the key (as in a window that has none): hover and summary say who can read it; a damaged block is an error at its line and a task is still added', async () => {
    const ui = new RecordingUi();
    restoreUi = api.useUi(ui);
    await api.keyring.remove();
    assert.deepEqual(await api.keyring.identities(), []);
    const hover = await hoverAfter('valuable:');
    assert.match(hover, /sealed — readable by Ben Okafor \\\(mentee\\\)/);
    assert.match(hover, /Your keys do not open it/);
    assert.ok(!hover.includes(SECRET_TEXT) && !hover.includes('BEGIN AGE'), hover);

    const outcome = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.exportSummary', { session: 's1' });
    assert.ok(outcome?.ok);
    const md = vscode.window.activeTextEditor?.document;
    assert.ok(md?.isUntitled);
    assert.match(md.getText(), /🔒 sealed — readable by Ben Okafor \(mentee\)/);
    assert.ok(!md.getText().includes(SECRET_TEXT) && !md.getText().includes('AGE ENCRYPTED'), md.getText());
    assert.equal(ui.messages.filter((m) => m.level === 'confirm').length, 0, 'nothing opened, nothing to ask');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // one block damaged by hand: an error at its line, the rest of the file still edited
    const uri = vscode.Uri.file(file);
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf('-----BEGIN AGE ENCRYPTED FILE-----', text.indexOf('change:'));
    const lineStart = text.indexOf('\n', start) + 1;
    // A Base64 character (past the block's indentation) becomes "!".
    const at = lineStart + (/^ */.exec(text.slice(lineStart))?.[0].length ?? 0) + 9;
    const damaged = `${text.slice(0, at)}!${text.slice(at + 1)}`;
    fs.writeFileSync(file, damaged);
    const diagnostic = await waitFor(
      () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'bad-armor' || (typeof d.code === 'object' && d.code.value === 'bad-armor')),
      15_000,
      'the bad-armor error',
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line + 1, damaged.slice(0, start).split('\n').length - 1, 'at the `change: |` line');
    const blocks = damaged.match(/-----BEGIN AGE ENCRYPTED FILE-----[\s\S]*?-----END AGE ENCRYPTED FILE-----/g) ?? [];
    const added = await vscode.commands.executeCommand<{ ok: boolean } | undefined>('mentoring.addTask', { file: uri.toString(), title: 'Ask about the release', owner: 'mentee', links: [] });
    assert.ok(added?.ok, JSON.stringify(ui.messages));
    const after = fs.readFileSync(file, 'utf8');
    assert.match(after, /title: Ask about the release/);
    for (const b of blocks) assert.ok(after.includes(b), 'every sealed block, the damaged one too, byte for byte');
    const s = await stateWhere((st) => st.warnings.some((w) => w.code === 'bad-armor'), 'the sidebar listing the damaged block');
    assert.equal(s.kind, 'ready');
  });
});

function bodyOf(c: vscode.Comment): string {
  return typeof c.body === 'string' ? c.body : c.body.value;
}
