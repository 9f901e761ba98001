/**
 * The sidebar (design section 4): a webview view that renders the `ViewState` built by
 * `core/sidebarModel.ts` and sends back the protocol's messages (`core/protocol.ts`).
 *
 * The webview is untrusted: it renders a cloned repository's text. So every message goes through
 * `parseWebviewMessage` first; a rejected one is logged to the "Mentoring" log channel, counted
 * (`rejectedCount`) and never acted on. Accepted requests run the same core operations as the
 * commands (the core operations of `core/edit`) through the same document-edit path (`store.edit`), one at a time,
 * and are answered with a `result`. Links are opened only inside a workspace folder.
 *
 * The page is locked down: `default-src 'none'`, the one script by a fresh nonce (Web Crypto),
 * styles and fonts only from the extension (`cspSource`), no inline script or style, resources
 * only from `dist/` and `media/`.
 *
 * State is pushed, not pulled: on `ready`, on every change of the current file (typing, disk, git
 * pull), of the private notes and of the role setting (debounced), and every minute while the view
 * is visible so countdowns move.
 */
import * as vscode from 'vscode';
import { CommandId, SIDEBAR_VIEW_ID } from '../commands/ids';
import { selectionLink } from '../commands/addTask';
import { configuredRole, warningText } from '../commands/context';
import { addAgendaItem, addFeedback, addTask, announceTopic, completeTask, dropTask, editAgendaItem, endSession, moveAgendaItem, planSession, removeAgendaItem, reopenTask, setTaskDue, startSession } from '../core/edit';
import { parseWhen } from '../core/time';
import { parseWebviewMessage, type HostMessage, type ViewState, type WebviewMessage, type WebviewRequest } from '../core/views/protocol';
import { buildViewState, carryForwardItem, checkWorkspacePath } from '../core/views/sidebar';
import type { Role } from '../core/schema';
import { parseCodeLink } from '../core/links';
import { Disposable, toDisposable } from '../editor/lifecycle';
import { PRIVATE_LABEL, fileKeyOf, type PrivateNotes } from '../editor/privateNotes';
import type { EditResult, MentoringState, MentoringStore } from '../editor/store';
import type { Ui } from '../editor/ui';

export interface SidebarDeps {
  now(): Date;
  ui(): Ui;
  /** The "Mentoring" log channel; created (and disposed) by the sidebar when not given. */
  log?: vscode.LogOutputChannel;
  /** Milliseconds to gather changes before posting a new state (default 50). */
  debounceMs?: number;
  /** Milliseconds between clock ticks while the view is visible (default one minute). */
  tickMs?: number;
}

type RequestOutcome = { ok: boolean; message?: string };

const DEFAULT_DEBOUNCE_MS = 50;
const DEFAULT_TICK_MS = 60_000;

/** Registers the sidebar's view provider; everything it creates is disposed with the extension. */
export function registerSidebar(context: vscode.ExtensionContext, store: MentoringStore, notes: PrivateNotes, deps: SidebarDeps): MentoringSidebar {
  const sidebar = new MentoringSidebar(context.extensionUri, store, notes, deps);
  context.subscriptions.push(sidebar, vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar));
  return sidebar;
}

export class MentoringSidebar extends Disposable implements vscode.WebviewViewProvider {
  /** Messages refused by validation (or links refused as unsafe); for tests and the log. */
  rejectedCount = 0;
  /** Milliseconds from the webview's start to its first full render, as it reported (`rendered`). */
  firstRenderMs: number | undefined;
  /** The latest render report: milliseconds and the number of tasks shown. */
  lastRender: { ms: number; tasks: number } | undefined;
  /** The state most recently built (posted or not: the view may be hidden). */
  lastState: ViewState | undefined;
  /** The message most recently posted to the webview (or that would have been, with no view). */
  lastPosted: HostMessage | undefined;
  /** The latest `result` sent. */
  lastResult: Extract<HostMessage, { type: 'result' }> | undefined;

  private view: vscode.WebviewView | undefined;
  private readonly log: vscode.LogOutputChannel;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** Requests run one at a time, in the order they came (an agenda move after an add sees the add). */
  private queue: Promise<void> = Promise.resolve();
  private storeReady = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: MentoringStore,
    private readonly notes: PrivateNotes,
    private readonly deps: SidebarDeps,
  ) {
    super();
    this.log = deps.log ?? this._register(vscode.window.createOutputChannel('Mentoring', { log: true }));
    this._register(store.onDidChange(() => this.schedule()));
    this._register(store.onDidRemove(() => this.schedule()));
    this._register(notes.onDidChange(() => this.schedule()));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('mentoring.role') && this.schedule()));
    void store.ready.then(() => {
      this.storeReady = true;
      this.schedule();
    });
    this._register(
      toDisposable(() => {
        if (this.timer) clearTimeout(this.timer);
        this.stopTicking();
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    view.webview.html = this.html(view.webview);
    const subs = [
      view.webview.onDidReceiveMessage((raw: unknown) => void this.handleMessage(raw)),
      view.onDidChangeVisibility(() => {
        if (view.visible) {
          this.startTicking();
          this.postState();
        } else this.stopTicking();
      }),
    ];
    view.onDidDispose(() => {
      subs.forEach((s) => s.dispose());
      if (this.view === view) {
        this.view = undefined;
        this.stopTicking();
      }
    });
    // Several agreements and none chosen: the state says so (`empty` with `files`) and the view
    // offers the choice (`pickFile`), rather than a quick pick popping up as the view opens.
    if (view.visible) this.startTicking();
  }

  /** The view's current HTML for a webview (exposed for tests of the CSP). */
  html(webview: Pick<vscode.Webview, 'asWebviewUri' | 'cspSource'>): string {
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'sidebar.css'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    // The body holds only the root the bundle renders into (it replaces the fallback text there).
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${String(style)}">
<title>Mentoring</title>
</head>
<body>
<main id="root"><p class="fallback">Loading the mentoring sidebar… If this text stays, its script did not load: run “Developer: Reload Window”, or use the Mentoring commands in the Command Palette.</p></main>
<script type="module" nonce="${nonce}" src="${String(script)}"></script>
</body>
</html>`;
  }

  /** The path every webview message takes (tests call it directly with any value). */
  async handleMessage(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.reject(parsed.reason);
      return;
    }
    const msg = parsed.message;
    // Only requests wait their turn; `ready`, `rendered` and opening files never wait behind an edit.
    if (!('requestId' in msg)) return this.dispatch(msg);
    const run = this.queue.then(() => this.dispatch(msg));
    this.queue = run.catch(() => undefined);
    await run;
  }

  /** Builds the state now and posts it (when a view is showing); returns it. */
  postState(): ViewState {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const state = this.buildState();
    this.lastState = state;
    this.post({ type: 'state', state });
    return state;
  }

  private buildState(): ViewState {
    const current = this.store.current;
    const now = this.deps.now();
    if (!current) return buildViewState({ loading: !this.storeReady, fileCount: this.store.files().length, now, privateLabel: PRIVATE_LABEL });
    return buildViewState({
      file: { label: this.store.label(current.uri), result: current.result },
      notes: this.notes.list(fileKeyOf(current.uri)),
      now,
      role: configuredRole(current.uri),
      privateLabel: PRIVATE_LABEL,
    });
  }

  private schedule(): void {
    if (this.isDisposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.isDisposed) this.postState();
    }, this.deps.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  private post(message: HostMessage): void {
    this.lastPosted = message;
    if (message.type === 'result') this.lastResult = message;
    const view = this.view;
    if (view && view.visible) void view.webview.postMessage(message);
  }

  private reject(reason: string): void {
    this.rejectedCount++;
    this.log.warn(`sidebar: ${reason}; ignored`);
  }

  private startTicking(): void {
    if (this.ticker || this.isDisposed) return;
    this.ticker = setInterval(() => this.postState(), this.deps.tickMs ?? DEFAULT_TICK_MS);
  }

  private stopTicking(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private async dispatch(msg: WebviewMessage): Promise<void> {
    try {
      switch (msg.type) {
        case 'ready':
          this.postState();
          return;
        case 'rendered':
          this.firstRenderMs ??= msg.ms;
          this.lastRender = { ms: msg.ms, tasks: msg.tasks };
          this.log.info(`sidebar: rendered ${msg.tasks} task${msg.tasks === 1 ? '' : 's'} in ${msg.ms.toFixed(1)} ms (first render: ${this.firstRenderMs.toFixed(1)} ms)`);
          return;
        case 'setUp':
          await vscode.commands.executeCommand(CommandId.setUp);
          return;
        case 'pickFile':
          await vscode.commands.executeCommand(CommandId.pickFile);
          return;
        case 'exportNotes':
          await vscode.commands.executeCommand(CommandId.exportPrivateNotes);
          return;
        case 'openFile':
          await this.openFile(msg.line, msg.column);
          return;
        case 'openLink':
          await this.openLink(msg.link);
          return;
        default: {
          const outcome = await this.request(msg);
          this.post({ type: 'result', requestId: msg.requestId, ok: outcome.ok, ...(outcome.message !== undefined ? { message: outcome.message } : {}) });
        }
      }
    } catch (err) {
      const message = `Mentoring: ${err instanceof Error ? err.message : String(err)}`;
      this.log.error(`sidebar: ${msg.type} failed: ${message}`);
      if ('requestId' in msg) this.post({ type: 'result', requestId: msg.requestId, ok: false, message });
    }
  }

  /** Runs one request on the current file through `store.edit` (or the private notes). */
  private async request(msg: WebviewRequest): Promise<RequestOutcome> {
    const state = await this.store.ensureCurrent();
    if (!state) {
      return this.store.files().length > 0
        ? { ok: false, message: 'No mentoring file was chosen, so nothing was changed. Choose one ("Mentoring: Choose Mentoring File") and try again.' }
        : { ok: false, message: 'There is no mentoring file in this workspace yet. Set up an agreement first.' };
    }
    const now = (): Date => this.deps.now();
    switch (msg.type) {
      case 'planSession': {
        const when = parseWhen(msg.at);
        if ('error' in when) return { ok: false, message: `Cannot plan the session: ${when.error}` };
        const topic = msg.topic?.trim() || undefined;
        return this.edit(state, (t) => planSession(t, { at: when.iso, topic, agenda: msg.agenda }, { now: now() }), (id) => `Session ${id ?? ''} planned${topic ? ' and its topic announced' : ''}.`);
      }
      case 'announceTopic':
        return this.edit(state, (t) => announceTopic(t, { session: msg.session, topic: msg.topic }, { now: now() }), () => `Topic of session ${msg.session} announced.`);
      case 'startSession':
        return this.edit(state, (t) => startSession(t, { session: msg.session }, { now: now() }), () => `Session ${msg.session} started.`);
      case 'endSession':
        // Feedback is the sidebar's own form (needsFeedback), offered once the session is held.
        return this.edit(state, (t) => endSession(t, { session: msg.session }, { now: now() }), () => `Session ${msg.session} ended.`);
      case 'addAgendaItem':
        return this.edit(state, (t) => addAgendaItem(t, { session: msg.session, text: msg.text }, { now: now() }), () => 'Agenda item added.');
      case 'editAgendaItem':
        return this.edit(state, (t) => editAgendaItem(t, { session: msg.session, index: msg.index, text: msg.text }, { now: now() }), () => 'Agenda item changed.');
      case 'moveAgendaItem':
        return this.edit(state, (t) => moveAgendaItem(t, { session: msg.session, from: msg.from, to: msg.to }, { now: now() }), () => `Agenda item moved to position ${msg.to + 1}.`);
      case 'removeAgendaItem':
        return this.edit(state, (t) => removeAgendaItem(t, { session: msg.session, index: msg.index }, { now: now() }), () => 'Agenda item removed.');
      case 'carryForward': {
        const task = state.result.model?.tasks.find((t) => t.id === msg.task);
        if (!task) return { ok: false, message: `There is no task "${msg.task}" in ${this.store.label(state.uri)}.` };
        const item = carryForwardItem(task);
        return this.edit(state, (t) => addAgendaItem(t, { session: msg.session, text: item }, { now: now() }), () => `"${task.title}" added to the agenda.`);
      }
      case 'addTask': {
        const link = msg.linkSelection ? selectionLink(state.uri) : undefined;
        const links = link ? [link.link] : [];
        const unlinked = msg.linkSelection && !link ? ' No code was selected in an editor, so it has no link.' : '';
        return this.edit(
          state,
          (t) => addTask(t, { title: msg.title.trim(), owner: msg.owner, due: msg.due, links }, { now: now() }),
          (id) => `Task ${id ?? ''} added for the ${msg.owner}${links.length ? ` (links ${links.join(', ')})` : ''}.${unlinked}`,
        );
      }
      case 'completeTask':
        return this.edit(state, (t) => completeTask(t, { task: msg.task }, { now: now() }), () => `Task ${msg.task} done.`);
      case 'dropTask':
        return this.edit(state, (t) => dropTask(t, { task: msg.task, reason: msg.reason?.trim() || undefined }, { now: now() }), () => `Task ${msg.task} dropped.`);
      case 'reopenTask':
        return this.edit(state, (t) => reopenTask(t, { task: msg.task }, { now: now() }), () => `Task ${msg.task} reopened.`);
      case 'setTaskDue':
        return this.edit(state, (t) => setTaskDue(t, { task: msg.task, due: msg.due }, { now: now() }), () => `Task ${msg.task} is now due ${msg.due}.`);
      case 'submitFeedback': {
        const from: Role | undefined = msg.from ?? configuredRole(state.uri);
        if (!from) return { ok: false, message: 'Say who gives this feedback (mentor or mentee), or set your role in the setting mentoring.role.' };
        const answers = { rating: msg.rating, valuable: msg.valuable, change: msg.change };
        return this.edit(state, (t) => addFeedback(t, { session: msg.session, from, ...answers }, { now: now() }), () => `Feedback on session ${msg.session} recorded.`);
      }
      case 'addNote': {
        const note = await this.notes.add({ fileKey: fileKeyOf(state.uri), ...(msg.session ? { sessionId: msg.session } : {}), text: msg.text });
        return { ok: true, message: `Private note ${note.id} saved (${PRIVATE_LABEL}).` };
      }
    }
  }

  private async edit(state: MentoringState, op: (text: string) => EditResult, done: (id?: string) => string): Promise<RequestOutcome> {
    const result = await this.store.edit(op, state.uri);
    if (!result.ok) return { ok: false, message: result.message };
    const name = this.store.label(state.uri);
    const saved = result.unsaved ? ` The change is in the open editor of ${name}, which had unsaved changes: save it to keep both.` : ` Saved in ${name}.`;
    const warnings = result.warnings.map(warningText);
    return { ok: true, message: `${done(result.id)}${saved}${warnings.length ? ` ${warnings.join(' ')}` : ''}` };
  }

  private async openFile(line: number | undefined, column: number | undefined): Promise<void> {
    const current = this.store.current;
    if (!current) {
      this.log.warn('sidebar: openFile with no current mentoring file; ignored');
      return;
    }
    const doc = await vscode.workspace.openTextDocument(current.uri);
    const options: vscode.TextDocumentShowOptions = { preview: false };
    if (line !== undefined) {
      const l = Math.min(Math.max(0, line - 1), Math.max(0, doc.lineCount - 1));
      const c = Math.min(Math.max(0, (column ?? 1) - 1), doc.lineAt(l).text.length);
      options.selection = new vscode.Range(l, c, l, c);
    }
    await vscode.window.showTextDocument(doc, options);
  }

  /** Opens a task link inside the mentoring file's workspace folder; anything else is refused. */
  private async openLink(link: string): Promise<void> {
    const parsed = parseCodeLink(link.trim());
    const checked = checkWorkspacePath(parsed.path);
    if (!checked.ok) {
      this.reject(`refused link ${JSON.stringify(link.slice(0, 200))}: ${checked.reason}`);
      void this.deps.ui().warn(`Mentoring opens only workspace-relative links; not this one (${checked.reason}).`);
      return;
    }
    const current = this.store.current;
    const folder = (current && vscode.workspace.getWorkspaceFolder(current.uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      this.log.warn('sidebar: openLink with no workspace folder; ignored');
      return;
    }
    const target = vscode.Uri.joinPath(folder.uri, ...checked.segments);
    try {
      const stat = await vscode.workspace.fs.stat(target);
      if (stat.type & vscode.FileType.Directory) {
        await vscode.commands.executeCommand('revealInExplorer', target);
        return;
      }
    } catch {
      void this.deps.ui().warn(`The linked file ${checked.segments.join('/')} is not in ${folder.name} (moved or deleted?).`);
      return;
    }
    const doc = await vscode.workspace.openTextDocument(target);
    const options: vscode.TextDocumentShowOptions = { preview: true };
    if (parsed.startLine !== undefined) {
      const last = Math.max(0, doc.lineCount - 1);
      const start = Math.min(parsed.startLine - 1, last);
      const end = Math.min((parsed.endLine ?? parsed.startLine) - 1, last);
      options.selection = new vscode.Range(start, 0, end, doc.lineAt(end).text.length);
    }
    await vscode.window.showTextDocument(doc, options);
  }
}

/** A CSP nonce: 16 random bytes from Web Crypto (Node 20 and browsers), base64. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
