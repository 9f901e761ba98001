/**
 * The sidebar: a webview view that renders the `ViewState` built by `core/views/sidebar.ts` and
 * sends back the protocol's messages (`core/views/protocol.ts`). Its page is `html.ts`; where
 * "open" messages lead is `navigate.ts`.
 *
 * The webview is untrusted: it renders a cloned repository's text. So every message goes through
 * `parseWebviewMessage` first; a rejected one is logged to the "Mentoring" log channel, announced
 * (`onDidReject`) and never acted on. Accepted requests run the core operations (`core/edit`), the
 * same the commands and the CLI call, through the same document-edit path (`store.edit`), one at a time,
 * and are answered with a `result`. Links are opened only inside a workspace folder.
 *
 * State is pushed, not pulled: on `ready`, on every change of the current file (typing, disk, git
 * pull), of the private notes and of the role setting (debounced), and every minute while the view
 * is visible so countdowns move. In a language the extension translates, the page's words
 * (`vscode.l10n.bundle`) are written into the page itself (./html.ts); in English there are none.
 * Everything sent is announced (`onDidPost`), so the in-host tests
 * see what the view is told without a field kept for them.
 */
import * as vscode from 'vscode';
import { CommandId, SIDEBAR_VIEW_ID } from '../commands/ids';
import { namedEdit, runNamedEdit, type NamedEdit } from '../core/edit/named';
import { parseWhen } from '../core/time';
import { editDone, noMentoringFile, failureText, warningText } from '../editor/outcome';
import { selectionLink } from '../editor/selection';
import { configuredRole } from '../editor/settings';
import { parseWebviewMessage, type HostMessage, type ViewState, type WebviewMessage, type WebviewRequest } from '../core/views/protocol';
import { pageBundle } from '../core/views/l10n';
import { buildViewState, carryForwardItem } from '../core/views/sidebar';
import type { MentoringFile, Role } from '../core/schema';
import { ARMOR_BEGIN } from '../core/seal/armor';
import { openModel, type OpenedField } from '../core/seal/read';
import type { Keyring } from '../editor/keyring';
import { Disposable, toDisposable } from '../editor/lifecycle';
import { fileKeyOf, privateLabel, type PrivateNotes } from '../editor/privateNotes';
import type { MentoringState, MentoringStore } from '../editor/store';
import type { Ui } from '../editor/ui';
import { sidebarHtml } from './html';
import { openFileAt, openLink } from './navigate';

export interface SidebarDeps {
  now(): Date;
  ui(): Ui;
  /** The "Mentoring" log channel; created (and disposed) by the sidebar when not given. */
  log?: vscode.LogOutputChannel;
  /** Milliseconds to gather changes before posting a new state (default 50). */
  debounceMs?: number;
  /** Milliseconds between clock ticks while the view is visible (default one minute). */
  tickMs?: number;
  /** Your age identities: sealed fields they open are shown decrypted. Without it, every sealed field shows as locked. */
  keyring?: Keyring | undefined;
}

/** `openModel` of one text with one generation of the keyring: a state for that text shows it. */
interface OpenedCache {
  text: string;
  keys: number;
  opened?: { model: MentoringFile; fields: OpenedField[] };
}

type RequestOutcome = { ok: boolean; message?: string };

/** A render report from the webview (`rendered`), with the first one's milliseconds. */
export interface RenderReport {
  ms: number;
  tasks: number;
  /** Milliseconds of the first render this sidebar was told of (the view reloads when shown again). */
  firstMs: number;
}

const DEFAULT_DEBOUNCE_MS = 50;
const DEFAULT_TICK_MS = 60_000;

/** Registers the sidebar's view provider; everything it creates is disposed with the extension. */
export function registerSidebar(context: vscode.ExtensionContext, store: MentoringStore, notes: PrivateNotes, deps: SidebarDeps): MentoringSidebar {
  const sidebar = new MentoringSidebar(context.extensionUri, store, notes, deps);
  context.subscriptions.push(sidebar, vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar));
  return sidebar;
}

export class MentoringSidebar extends Disposable implements vscode.WebviewViewProvider {
  private readonly posted = this._register(new vscode.EventEmitter<HostMessage>());
  /** Listeners of `onDidPost` (the in-host tests): while there are none and no view shows, a change builds no state. */
  private postListeners = 0;
  /**
   * Every message for the webview: states and results. Fired whether or not a view is showing
   * (a hidden view is not posted to, and gets a fresh state when shown).
   */
  readonly onDidPost: vscode.Event<HostMessage> = (listener, thisArgs?, disposables?) => {
    this.postListeners++;
    const sub = this.posted.event(listener, thisArgs);
    let live = true;
    const d = toDisposable(() => {
      if (live) this.postListeners--;
      live = false;
      sub.dispose();
    });
    disposables?.push(d);
    return d;
  };
  private readonly rejected = this._register(new vscode.EventEmitter<string>());
  /** A message refused by validation, or a link refused as unsafe: why. Nothing was done for it. */
  readonly onDidReject = this.rejected.event;
  private readonly rendered = this._register(new vscode.EventEmitter<RenderReport>());
  /** The webview reported a render of a state. */
  readonly onDidRender = this.rendered.event;

  /** Milliseconds from the webview's start to its first full render, as it reported (`rendered`). */
  private firstRenderMs: number | undefined;
  private view: vscode.WebviewView | undefined;
  private readonly log: vscode.LogOutputChannel;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** Requests run one at a time, in the order they came (an agenda move after an add sees the add). */
  private queue: Promise<void> = Promise.resolve();
  private storeReady = false;
  /** A view was posted a file's state (later changes wait for the debounce). */
  private readyPosted = false;
  /** The current file's sealed fields opened with your keys (computed after a change, asynchronously). */
  private opened: OpenedCache | undefined;

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
    if (deps.keyring) this._register(deps.keyring.onDidChange(() => this.schedule()));
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
    const words = pageBundle(vscode.l10n.bundle);
    view.webview.html = sidebarHtml(view.webview, this.extensionUri, words);
    this.log.info(`sidebar: display language ${vscode.env.language}; page words ${words && vscode.l10n.uri ? `from ${vscode.l10n.uri.path.split('/').pop() ?? ''} (${Object.keys(words).length})` : 'in English'}`);
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
      for (const s of subs) s.dispose();
      if (this.view === view) {
        this.view = undefined;
        this.stopTicking();
      }
    });
    // Several agreements and none chosen: the state says so (`empty` with `files`) and the view
    // offers the choice (`pickFile`), rather than a quick pick popping up as the view opens.
    if (view.visible) this.startTicking();
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
    const t0 = Date.now();
    const state = this.buildState();
    const viewShown = this.view?.visible === true;
    if (state.kind === 'ready' && viewShown && !this.readyPosted) {
      this.readyPosted = true;
      this.log.info(`sidebar: first file state (${state.tasks.length} task${state.tasks.length === 1 ? '' : 's'}) built in ${Date.now() - t0} ms, posted`);
    }
    this.post({ type: 'state', state });
    return state;
  }

  private buildState(): ViewState {
    const current = this.store.current;
    const now = this.deps.now();
    if (!current) return buildViewState({ loading: !this.storeReady, fileCount: this.store.files().length, now, privateLabel: privateLabel() });
    return buildViewState({
      file: { label: this.store.label(current.uri), result: current.result },
      notes: this.notes.list(fileKeyOf(current.uri)),
      now,
      role: configuredRole(current.uri),
      privateLabel: privateLabel(),
      opened: this.openedFor(current),
    });
  }

  /**
   * The opened model for `current` when it is ready. Otherwise decryption starts (once per text
   * and keyring generation) and a new state is posted when it is done; until then the state shows
   * sealed fields as locked, never as armor and never as an error.
   */
  private openedFor(current: MentoringState): OpenedCache['opened'] {
    const keyring = this.deps.keyring;
    const model = current.result.model;
    if (!keyring || !model || !current.text.includes(ARMOR_BEGIN)) return undefined;
    const keys = keyring.version;
    const cached = this.opened;
    if (cached && cached.text === current.text && cached.keys === keys) return cached.opened;
    const entry: OpenedCache = { text: current.text, keys };
    this.opened = entry;
    void (async () => {
      try {
        const identities = await keyring.identities();
        if (identities.length === 0) return;
        entry.opened = await openModel(model, identities);
      } catch (err) {
        this.log.warn(`sidebar: sealed fields could not be opened (${err instanceof Error ? err.message : String(err)}); they are shown as sealed`);
        return;
      }
      if (this.opened === entry) this.schedule();
    })();
    return undefined;
  }

  private schedule(): void {
    if (this.isDisposed) return;
    if (this.timer) clearTimeout(this.timer);
    // Until a view has been shown the file (at start-up it waits on "Loading"), a change is posted
    // on the next turn, not after the debounce: the first file state is not held back 50 ms.
    const delay = this.readyPosted ? this.deps.debounceMs ?? DEFAULT_DEBOUNCE_MS : 0;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Nobody to tell: a hidden view gets a fresh state when it shows (onDidChangeVisibility), so a
      // keystroke in a large file builds no view state of its thousands of tasks while the sidebar is closed.
      if (this.isDisposed || (!this.view?.visible && this.postListeners === 0)) return;
      this.postState();
    }, delay);
  }

  private post(message: HostMessage): void {
    const view = this.view;
    if (view && view.visible) void view.webview.postMessage(message);
    this.posted.fire(message);
  }

  private reject(reason: string): void {
    this.log.warn(`sidebar: ${reason}; ignored`);
    this.rejected.fire(reason);
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
        case 'ready': {
          this.postState();
          return;
        }
        case 'rendered':
          this.firstRenderMs ??= msg.ms;
          this.log.info(`sidebar: rendered ${msg.tasks} task${msg.tasks === 1 ? '' : 's'} in ${msg.ms.toFixed(1)} ms (first render: ${this.firstRenderMs.toFixed(1)} ms)`);
          if (msg.snapshotMs !== undefined) this.log.info(`sidebar: the agenda kept from the last time was drawn at ${msg.snapshotMs.toFixed(1)} ms, before the file's state`);
          this.rendered.fire({ ms: msg.ms, tasks: msg.tasks, firstMs: this.firstRenderMs });
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
        case 'raiseConcern': {
          // The question is shown for editing in the host before it is added (commands/raiseConcern.ts).
          const current = this.store.current;
          if (!current) return;
          await vscode.commands.executeCommand(CommandId.raiseConcern, { file: current.uri.toString(), question: msg.question });
          return;
        }
        case 'acceptAgreement': {
          // What changed is shown, and the role asked when unknown, in the host (commands/acceptAgreement.ts).
          const current = this.store.current;
          if (!current) return;
          await vscode.commands.executeCommand(CommandId.acceptAgreement, { file: current.uri.toString() });
          return;
        }
        case 'addToCalendar': {
          // The save dialog, and the refusal of a place in the workspace, are the command's.
          const current = this.store.current;
          if (!current) return;
          await vscode.commands.executeCommand(CommandId.addToCalendar, { file: current.uri.toString(), session: msg.session });
          return;
        }
        case 'openFile': {
          const current = this.store.current;
          if (!current) {
            this.log.warn('sidebar: openFile with no current mentoring file; ignored');
            return;
          }
          await openFileAt(current.uri, msg.line, msg.column);
          return;
        }
        case 'openLink': {
          const outcome = await openLink(msg.link, this.store.current?.uri, this.deps.ui());
          if (outcome.kind === 'refused') this.reject(`refused link ${JSON.stringify(msg.link.slice(0, 200))}: ${outcome.reason}`);
          if (outcome.kind === 'noFolder') this.log.warn('sidebar: openLink with no workspace folder; ignored');
          return;
        }
        default: {
          const outcome = await this.request(msg);
          this.post({ type: 'result', requestId: msg.requestId, ok: outcome.ok, ...(outcome.message !== undefined ? { message: outcome.message } : {}) });
        }
      }
    } catch (err) {
      const message = failureText(err);
      this.log.error(`sidebar: ${msg.type} failed: ${message}`);
      if ('requestId' in msg) this.post({ type: 'result', requestId: msg.requestId, ok: false, message });
    }
  }

  /** Runs one request on the current file through `store.edit` (or the private notes). */
  private async request(msg: WebviewRequest): Promise<RequestOutcome> {
    const state = await this.store.ensureCurrent();
    if (!state) {
      return this.store.files().length > 0
        ? { ok: false, message: vscode.l10n.t('No mentoring file was chosen, so nothing was changed. Choose one ("Mentoring: Choose Mentoring File") and try again.') }
        : { ok: false, message: noMentoringFile() };
    }
    switch (msg.type) {
      case 'planSession': {
        const when = parseWhen(msg.at);
        if ('error' in when) return { ok: false, message: vscode.l10n.t('Cannot plan the session: {0}', when.error) };
        const topic = msg.topic?.trim() || undefined;
        return this.edit(state, namedEdit('planSession', { at: when.iso, topic, agenda: msg.agenda }), (id) => (topic ? vscode.l10n.t('Session {0} planned and its topic announced.', id ?? '') : vscode.l10n.t('Session {0} planned.', id ?? '')));
      }
      case 'announceTopic':
        return this.edit(state, namedEdit('announceTopic', { session: msg.session, topic: msg.topic }), () => vscode.l10n.t('Topic of session {0} announced.', msg.session));
      case 'startSession':
        return this.edit(state, namedEdit('startSession', { session: msg.session }), () => vscode.l10n.t('Session {0} started.', msg.session));
      case 'endSession':
        // Feedback is the sidebar's own form (needsFeedback), offered once the session is held.
        return this.edit(state, namedEdit('endSession', { session: msg.session }), () => vscode.l10n.t('Session {0} ended.', msg.session));
      case 'addAgendaItem':
        return this.edit(state, namedEdit('addAgendaItem', { session: msg.session, text: msg.text }), () => vscode.l10n.t('Agenda item added.'));
      case 'editAgendaItem':
        return this.edit(state, namedEdit('editAgendaItem', { session: msg.session, index: msg.index, text: msg.text }), () => vscode.l10n.t('Agenda item changed.'));
      case 'moveAgendaItem':
        return this.edit(state, namedEdit('moveAgendaItem', { session: msg.session, from: msg.from, to: msg.to }), () => vscode.l10n.t('Agenda item moved to position {0}.', msg.to + 1));
      case 'removeAgendaItem':
        return this.edit(state, namedEdit('removeAgendaItem', { session: msg.session, index: msg.index }), () => vscode.l10n.t('Agenda item removed.'));
      case 'carryForward': {
        const task = state.result.model?.tasks.find((t) => t.id === msg.task);
        if (!task) return { ok: false, message: vscode.l10n.t('There is no task "{0}" in {1}.', msg.task, this.store.label(state.uri)) };
        const item = carryForwardItem(task);
        return this.edit(state, namedEdit('addAgendaItem', { session: msg.session, text: item }), () => vscode.l10n.t('"{0}" added to the agenda.', task.title));
      }
      case 'addQuestion':
        // Looked up again in the file as it is now (core/edit/questions.ts): a question that no longer fits is refused.
        return this.edit(state, namedEdit('addQuestion', { session: msg.session, question: msg.question, text: msg.text }), () => vscode.l10n.t('Question added to the agenda of session {0}.', msg.session));
      case 'addTask': {
        const link = msg.linkSelection ? selectionLink(state.uri) : undefined;
        const links = link ? [link.link] : [];
        const unlinked = msg.linkSelection && !link ? ` ${vscode.l10n.t('No code was selected in an editor, so it has no link.')}` : '';
        const added = (id: string): string => (msg.owner === 'mentor'
          ? (links.length ? vscode.l10n.t('Task {0} added for the mentor (links {1}).', id, links.join(', ')) : vscode.l10n.t('Task {0} added for the mentor.', id))
          : (links.length ? vscode.l10n.t('Task {0} added for the mentee (links {1}).', id, links.join(', ')) : vscode.l10n.t('Task {0} added for the mentee.', id)));
        return this.edit(
          state,
          namedEdit('addTask', { title: msg.title.trim(), owner: msg.owner, due: msg.due, links }),
          (id) => `${added(id ?? '')}${unlinked}`,
        );
      }
      case 'completeTask':
        return this.edit(state, namedEdit('completeTask', { task: msg.task }), () => vscode.l10n.t('Task {0} done.', msg.task));
      case 'dropTask':
        return this.edit(state, namedEdit('dropTask', { task: msg.task, reason: msg.reason?.trim() || undefined }), () => vscode.l10n.t('Task {0} dropped.', msg.task));
      case 'reopenTask':
        return this.edit(state, namedEdit('reopenTask', { task: msg.task }), () => vscode.l10n.t('Task {0} reopened.', msg.task));
      case 'setTaskDue':
        return this.edit(state, namedEdit('setTaskDue', { task: msg.task, due: msg.due }), () => vscode.l10n.t('Task {0} is now due {1}.', msg.task, msg.due));
      case 'submitFeedback': {
        const from: Role | undefined = msg.from ?? configuredRole(state.uri);
        if (!from) return { ok: false, message: vscode.l10n.t('Say who gives this feedback (mentor or mentee), or set your role in the setting mentoring.role.') };
        const answers = { rating: msg.rating, valuable: msg.valuable, change: msg.change };
        return this.edit(state, namedEdit('addFeedback', { session: msg.session, from, ...answers }), () => vscode.l10n.t('Feedback on session {0} recorded.', msg.session));
      }
      case 'addNote': {
        const note = await this.notes.add({ fileKey: fileKeyOf(state.uri), ...(msg.session ? { sessionId: msg.session } : {}), text: msg.text });
        return { ok: true, message: vscode.l10n.t('Private note {0} saved ({1}).', note.id, privateLabel()) };
      }
    }
  }

  /** One operation by name: the store may run it off the host's thread on a large file (`store.edit`'s `named`). */
  private async edit(state: MentoringState, edit: NamedEdit, done: (id?: string) => string): Promise<RequestOutcome> {
    const result = await this.store.edit((t) => runNamedEdit(edit, t, this.deps.now()), state.uri, edit);
    if (!result.ok) return { ok: false, message: result.message };
    const warnings = result.warnings.map(warningText);
    return { ok: true, message: `${editDone(done(result.id), this.store.label(state.uri), result.unsaved)}${warnings.length ? ` ${warnings.join(' ')}` : ''}` };
  }
}
