/**
 * Our own review threads, through the Comments API: comment on any line or selection of a
 * workspace file; threads and replies are stored in the current mentoring file (`threads:`),
 * can be resolved, reopened, deleted or turned into a task, and follow the code when it
 * moves (re-anchoring by the line's content and its neighbours, `core/threads/anchor.ts`). A thread
 * that cannot find its line says so in its label and once in a notification.
 *
 * This adapter holds no review data of its own: the mentoring file is the truth, and every
 * change goes through `MentoringStore.edit` (a WorkspaceEdit on the file, then save).
 */
import * as vscode from 'vscode';
import { compact } from '../core/compact';
import { blocksEdits } from '../core/diagnostics';
import type { Role, Thread } from '../core/schema';
import { taskTitle } from '../core/edit';
import { namedEdit, runNamedEdit, type NamedEdit } from '../core/edit/named';
import { reanchor, splitLines, type Reanchored } from '../core/threads/anchor';
import { Debouncer } from '../editor/debounce';
import { Disposable, toDisposable } from '../editor/lifecycle';
import { SettingSection, configuredRole, saveThreadMoves, threadsEnabled } from '../editor/settings';
import { isMentoringPath } from '../core/files';
import { checkWorkspacePath } from '../core/links';
import { ARMOR_BEGIN, isSealed } from '../core/seal/armor';
import { describeReaders, policyOf } from '../core/seal/fields';
import { openModel } from '../core/seal/read';
import type { MentoringFile } from '../core/schema';
import { lockedText } from '../core/views/sealed';
import type { Keyring } from '../editor/keyring';
import { CONTROLLER_ID, ThreadCommand } from '../commands/ids';
import { readText, type MentoringStore, type StoreEditResult } from '../editor/store';
import { fail, noMentoringFile, refuse, whereSaved } from '../editor/outcome';
import { pickRole, roleWord } from '../editor/pickRole';
import { VsCodeUi, type Ui } from '../editor/ui';

export { CONTROLLER_ID, ThreadCommand };

/** What the commands resolve with (tests read it); undefined when the user cancelled. */
export type ThreadOutcome = { ok: true; id?: string | undefined } | { ok: false; message: string } | undefined;

/** Where a stored thread is shown now. */
export interface ThreadView {
  id: string;
  uri: vscode.Uri;
  placed: Reanchored;
  thread: vscode.CommentThread;
}

interface Live {
  stored: Thread;
  uri: vscode.Uri;
  placed: Reanchored;
  vs: vscode.CommentThread;
  shape: string;
}

/** The largest commented file read from disk to place its threads (a larger one shows them as lost). */
const MAX_THREAD_FILE_MB = 5;

/** Milliseconds of quiet typing in a commented file before its threads are placed again. */
const REPLACE_DELAY_MS = 300;

export interface ReviewThreadOptions {
  ui?: () => Ui;
  now?: () => Date;
  /** Your age identities: sealed comment bodies they open are shown opened, with the lock and who can read them. */
  keyring?: Keyring | undefined;
}

/** A sealed comment as shown: opened for a reader, else only who can read it. */
interface ShownBody {
  body: string;
  /** "🔒 sealed — readable by …", shown beside the author. */
  label: string;
}

export class ReviewThreads extends Disposable {
  private readonly controller = this._register(vscode.comments.createCommentController(CONTROLLER_ID, vscode.l10n.t('Mentoring review')));
  private readonly live = new Map<string, Live>();
  /** Who can read a sealed comment body (the agreement's readers of `comments`), for the text shown instead of its armor. */
  private commentReaders = vscode.l10n.t('the pair');
  /** Sealed comment bodies opened with your keys, per thread id and comment index, for one text and keyring generation. */
  private opened: { text: string; keys: number; bodies: Map<string, ShownBody> } | undefined;
  private readonly keyring: Keyring | undefined;
  private readonly drafts = new Set<vscode.CommentThread>();
  private readonly expandNext = new Set<string>();
  private readonly reported = new Set<string>();
  private readonly typing = this._register(new Debouncer());
  private syncing: Promise<void> = Promise.resolve();
  /** A sync is chained on `syncing` and has not started yet. */
  private syncQueued = false;
  private author: string | undefined;
  private readonly ui: () => Ui;
  private readonly now: () => Date;
  private readonly _onDidSync = this._register(new vscode.EventEmitter<void>());
  /** Threads were (re)placed from the mentoring file or after an edit of a commented file. */
  readonly onDidSync = this._onDidSync.event;

  constructor(
    private readonly store: MentoringStore,
    options: ReviewThreadOptions = {},
  ) {
    super();
    const realUi = new VsCodeUi();
    this.ui = options.ui ?? (() => realUi);
    this.now = options.now ?? (() => new Date());
    this.keyring = options.keyring;
    this.controller.options = {
      prompt: vscode.l10n.t('Comment for the mentoring review…'),
      placeHolder: vscode.l10n.t('Ask rather than judge: "What happens here when…?"'),
    };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (doc) => (this.canComment(doc.uri) ? [new vscode.Range(0, 0, Math.max(doc.lineCount - 1, 0), 0)] : []),
    };
    this._register(store.onDidChange(() => this.sync()));
    this._register(
      store.onDidParse((state) => {
        if (state.uri.toString() === store.current?.uri.toString()) this.sync();
      }),
    );
    this._register(vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.schedule(e.document)));
    this._register(vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc)));
    this._register(vscode.workspace.onDidSaveTextDocument((doc) => void this.saveMoves(doc)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingSection.threads)) this.sync();
      }),
    );
    this._register(toDisposable(() => this.drafts.forEach((t) => t.dispose())));
    if (this.keyring) this._register(this.keyring.onDidChange(() => this.sync()));
    const command = (id: string, run: (arg: unknown) => Promise<ThreadOutcome>): void => {
      this._register(
        vscode.commands.registerCommand(id, async (arg: unknown) => {
          try {
            return await run(arg);
          } catch (err) {
            return fail(this.ui(), err);
          }
        }),
      );
    };
    command(ThreadCommand.commentOnSelection, (arg) => this.commentOnSelection(arg));
    command(ThreadCommand.create, (arg) => this.create(arg));
    command(ThreadCommand.reply, (arg) => this.reply(arg));
    command(ThreadCommand.resolve, (arg) => this.setStatus(arg, 'resolved'));
    command(ThreadCommand.reopen, (arg) => this.setStatus(arg, 'open'));
    command(ThreadCommand.toTask, (arg) => this.toTask(arg));
    command(ThreadCommand.delete, (arg) => this.delete(arg));
    void store.ready.then(() => this.sync());
  }

  /** The threads shown now, by id (tests and the sidebar read them). */
  views(): ThreadView[] {
    return [...this.live.entries()].map(([id, l]) => ({ id, uri: l.uri, placed: l.placed, thread: l.vs }));
  }

  /** Resolves after every pending re-placement has run. */
  async settled(): Promise<void> {
    await this.syncing;
  }

  // ---------------------------------------------------------------- showing stored threads

  private enabled(): boolean {
    return threadsEnabled();
  }

  /**
   * Re-reads the current mentoring file's threads and places each one (serialised). A sync asked
   * for while another is waiting to start is that one: it reads the store when it runs. A parse of
   * the current file announces itself twice (the store's onDidParse and onDidChange, one after the
   * other), and each sync reads every commented file: on each keystroke in the mentoring file
   * (after the debounce) that was done twice.
   */
  private sync(): void {
    if (this.syncQueued) return;
    this.syncQueued = true;
    this.syncing = this.syncing
      .then(() => {
        this.syncQueued = false;
        return this.syncNow();
      })
      .catch((err: unknown) => console.error('[mentoring] threads:', err));
  }

  private async syncNow(): Promise<void> {
    if (this.isDisposed) return;
    const state = this.store.current;
    if (!this.enabled() || !state) {
      this.clear();
      return;
    }
    const model = state.result.model;
    // A file with errors (often half-typed) keeps the threads as they were shown.
    if (!model || state.result.diagnostics.some(blocksEdits)) return;
    const folder = vscode.workspace.getWorkspaceFolder(state.uri);
    if (!folder) return;
    this.commentReaders = describeReaders(policyOf(model.agreement).readers('comments'));
    await this.openBodies(model, state.text);
    const seen = new Set<string>();
    const linesCache = new Map<string, string[] | undefined>();
    for (const stored of model.threads) {
      // The path is text from a file that may come from a cloned repository: the rule of
      // core/links.ts (the parse reports a refused one as an error, so this is the second guard).
      // A refused thread is not shown at all (never attached to a file outside the folder).
      const checked = checkWorkspacePath(stored.file);
      if (!checked.ok) continue;
      seen.add(stored.id);
      const uri = vscode.Uri.joinPath(folder.uri, ...checked.segments);
      const key = uri.toString();
      if (!linesCache.has(key)) linesCache.set(key, await this.linesOf(uri));
      const lines = linesCache.get(key);
      const placed: Reanchored = lines
        ? reanchor(stored, lines)
        : { status: 'lost', line: stored.line, endLine: stored.endLine, reason: vscode.l10n.t('{0} is not a readable file in the workspace (missing, not a regular file, or over {1} MB).', stored.file, MAX_THREAD_FILE_MB) };
      this.show(stored, uri, placed, lines);
    }
    for (const [id, l] of this.live) {
      if (!seen.has(id)) {
        l.vs.dispose();
        this.live.delete(id);
      }
    }
    this.reportLost();
    this._onDidSync.fire();
  }

  /**
   * Opens the sealed comment bodies your keys open (`openModel`, the one way to open), once per
   * text and keyring generation. Only the display uses them: the stored thread keeps its armor,
   * so nothing opened can reach the file (a task title, a reply).
   */
  private async openBodies(model: MentoringFile, text: string): Promise<void> {
    const keys = this.keyring?.version ?? 0;
    if (this.opened && this.opened.text === text && this.opened.keys === keys) return;
    const bodies = new Map<string, ShownBody>();
    if (this.keyring && text.includes(ARMOR_BEGIN)) {
      const identities = await this.keyring.identities();
      if (identities.length > 0) {
        const r = await openModel(model, identities, { select: (fv) => fv.field === 'comments' });
        for (const f of r.fields) {
          if (!f.opened) continue;
          const [, ti, , ci] = f.path as ['threads', number, 'comments', number];
          const id = model.threads[ti]?.id;
          const body = r.model.threads[ti]?.comments[ci]?.body;
          if (id !== undefined && typeof body === 'string') bodies.set(`${id}/${ci}`, { body, label: `🔒 ${lockedText(f.readers)}` });
        }
      }
    }
    this.opened = { text, keys, bodies };
  }

  /** A comment's body as shown: its text, opened when your keys open it, and never armor. */
  private shownBody(threadId: string, index: number, body: string): ShownBody | { body: string; label?: undefined } {
    if (!isSealed(body)) return { body };
    const label = `🔒 ${lockedText(this.commentReaders)}`;
    return this.opened?.bodies.get(`${threadId}/${index}`) ?? { body: label, label };
  }

  private clear(): void {
    for (const l of this.live.values()) l.vs.dispose();
    this.live.clear();
  }

  /**
   * The lines of a commented file, from its open editor or the disk. From the disk only a regular
   * file no larger than MAX_THREAD_FILE_MB is read: a FIFO or a device (`/dev/zero`) never ends, and
   * a symbolic link may lead out of the workspace folder (its FileType carries SymbolicLink).
   */
  private async linesOf(uri: vscode.Uri): Promise<string[] | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return splitLines(open.getText());
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type !== vscode.FileType.File || stat.size > MAX_THREAD_FILE_MB * 1024 * 1024) return undefined;
      return splitLines(await readText(uri));
    } catch {
      return undefined;
    }
  }

  private show(stored: Thread, uri: vscode.Uri, placed: Reanchored, lines: readonly string[] | undefined): void {
    const endLine = placed.endLine ?? placed.line;
    const range = new vscode.Range(placed.line - 1, 0, endLine - 1, lines?.[endLine - 1]?.length ?? 0);
    let l = this.live.get(stored.id);
    if (l && l.uri.toString() !== uri.toString()) {
      l.vs.dispose();
      this.live.delete(stored.id);
      l = undefined;
    }
    if (!l) {
      const vs = this.controller.createCommentThread(uri, range, []);
      l = { stored, uri, placed, vs, shape: '' };
      this.live.set(stored.id, l);
      vs.collapsibleState = this.expandNext.delete(stored.id) ? vscode.CommentThreadCollapsibleState.Expanded : vscode.CommentThreadCollapsibleState.Collapsed;
    }
    l.stored = stored;
    l.placed = placed;
    if (!l.vs.range?.isEqual(range)) l.vs.range = range;
    const shown = stored.comments.map((c, i) => this.shownBody(stored.id, i, c.body));
    const shape = JSON.stringify([stored.comments, shown, stored.status, stored.task, placed.status, placed.reason]);
    if (shape === l.shape) return;
    l.shape = shape;
    l.vs.comments = stored.comments.map((c, i) =>
      compact({
        // A sealed body is never shown as armor: opened for a reader, with the lock and who can read it beside the author; else only who can read it.
        body: new vscode.MarkdownString((shown[i] as ShownBody).body),
        label: shown[i]?.label,
        mode: vscode.CommentMode.Preview,
        author: { name: c.author },
        timestamp: c.at ? new Date(c.at) : undefined,
        contextValue: 'mentoring-comment',
      }),
    );
    l.vs.state = stored.status === 'resolved' ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
    l.vs.canReply = true;
    l.vs.contextValue = ['mentoring-thread', stored.status, placed.status, stored.task ? 'task' : 'no-task'].join(' ');
    l.vs.label = labelOf(stored, placed);
  }

  /** One notification per thread that could not be re-anchored (not one per keystroke). */
  private reportLost(): void {
    const lost = [...this.live.entries()].filter(([id, l]) => l.placed.status === 'lost' && !this.reported.has(id));
    if (lost.length === 0) return;
    for (const [id] of lost) this.reported.add(id);
    const names = lost.map(([, l]) => `${l.stored.file}:${l.stored.line}`).join(', ');
    void this.ui().warn(
      lost.length === 1
        ? vscode.l10n.t('Mentoring: a review thread ({0}) could not find its line after the code changed; it is shown at its old line and marked "{1}".', names, vscode.l10n.t('could not re-anchor'))
        : vscode.l10n.t('Mentoring: {0} review threads ({1}) could not find their lines after the code changed; they are shown at their old lines and marked "{2}".', lost.length, names, vscode.l10n.t('could not re-anchor')),
    );
  }

  /** A commented file changed: re-place its threads after a pause (typing). */
  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (![...this.live.values()].some((l) => l.uri.toString() === key)) return;
    this.typing.schedule(key, REPLACE_DELAY_MS, () => {
      if (this.isDisposed || doc.isClosed) return;
      this.syncing = this.syncing.then(() => {
        const lines = splitLines(doc.getText());
        for (const l of this.live.values()) if (l.uri.toString() === key) this.show(l.stored, l.uri, reanchor(l.stored, lines), lines);
        this.reportLost();
        this._onDidSync.fire();
      });
    });
  }

  /** A commented file was saved: store the lines its threads moved to, so they keep following the code. */
  private async saveMoves(doc: vscode.TextDocument): Promise<void> {
    if (!saveThreadMoves()) return;
    const key = doc.uri.toString();
    const state = this.store.current;
    if (!state) return;
    const lines = splitLines(doc.getText());
    const moves: { thread: string; line: number; endLine?: number | undefined }[] = [];
    for (const [id, l] of this.live) {
      if (l.uri.toString() !== key) continue;
      const placed = reanchor(l.stored, lines);
      if (placed.status === 'lost' || (placed.line === l.stored.line && placed.status === 'unchanged')) continue;
      moves.push({ thread: id, line: placed.line, endLine: placed.endLine });
    }
    if (moves.length === 0) return;
    const moved = namedEdit('moveThreads', { moves, lines });
    const result = await this.store.edit((text) => runNamedEdit(moved, text, this.now()), state.uri, moved);
    if (!result.ok) void this.ui().warn(vscode.l10n.t('Mentoring: the review threads of {0} moved, but their new lines were not stored: {1}', vscode.workspace.asRelativePath(doc.uri), result.message));
  }

  // ---------------------------------------------------------------- commands

  /** Whether a new thread may start in `uri` (a workspace file that is not a mentoring file or a comment box). */
  canComment(uri: vscode.Uri): boolean {
    if (!this.enabled()) return false;
    if (['comment', 'git', 'output', 'vscode-userdata', 'untitled'].includes(uri.scheme)) return false;
    if (isMentoringPath(uri.path)) return false;
    return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }

  /** Mentoring: Comment on Selection — opens an empty thread on the selection, or adds one at once with `{ body }`. */
  private async commentOnSelection(arg: unknown): Promise<ThreadOutcome> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.canComment(editor.document.uri)) {
      const message = vscode.l10n.t('Open a file of this workspace and select the lines to comment on (mentoring files and comment boxes cannot be commented).');
      void this.ui().info(message);
      return { ok: false, message };
    }
    const sel = editor.selection;
    let endLine = sel.end.line;
    if (endLine > sel.start.line && sel.end.character === 0) endLine--;
    const range = new vscode.Range(sel.start.line, 0, endLine, editor.document.lineAt(endLine).text.length);
    const body = isRecord(arg) && typeof arg.body === 'string' ? arg.body : undefined;
    if (body !== undefined) return this.add(editor.document.uri, range, body);
    if (!(await this.store.ensureCurrent())) {
      const message = noMentoringFile();
      void this.ui().info(message);
      return { ok: false, message };
    }
    const draft = this.controller.createCommentThread(editor.document.uri, range, []);
    draft.canReply = true;
    draft.contextValue = 'mentoring-draft';
    draft.label = vscode.l10n.t('New mentoring review thread');
    draft.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    this.drafts.add(draft);
    return { ok: true };
  }

  /** The first comment of a new thread (the reply box of an empty thread: ours or the gutter "+"). */
  private async create(arg: unknown): Promise<ThreadOutcome> {
    if (!isReply(arg)) return { ok: false, message: vscode.l10n.t('Nothing to comment.') };
    const result = await this.add(arg.thread.uri, arg.thread.range ?? new vscode.Range(0, 0, 0, 0), arg.text);
    if (result?.ok) {
      this.drafts.delete(arg.thread);
      arg.thread.dispose();
    }
    return result;
  }

  private async add(uri: vscode.Uri, range: vscode.Range, body: string): Promise<ThreadOutcome> {
    const state = await this.store.ensureCurrent();
    if (!state) return this.fail(noMentoringFile());
    const file = relativeTo(state.uri, uri);
    if (!file) return this.fail(vscode.l10n.t('{0} is not in the workspace folder of {1}, so a thread there could not be found again.', vscode.workspace.asRelativePath(uri), this.store.label(state.uri)));
    const author = await this.authorName();
    if (!author) return undefined;
    const lines = (await this.linesOf(uri)) ?? [];
    const line = range.start.line + 1;
    const endLine = range.end.line + 1;
    const result = await this.edit(namedEdit('addThread', { file, line, ...(endLine > line ? { endLine } : {}), lines, author, body }), state.uri);
    if (result.ok && result.id) {
      // Show the new thread open, like the box it was typed in.
      const shown = this.live.get(result.id);
      if (shown) shown.vs.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      else this.expandNext.add(result.id);
    }
    return this.done(result);
  }

  private async reply(arg: unknown): Promise<ThreadOutcome> {
    if (!isReply(arg)) return { ok: false, message: vscode.l10n.t('Nothing to reply to.') };
    const found = this.find(arg.thread);
    if (!found) {
      // An empty thread (the gutter "+") whose first comment came through the reply button.
      if (arg.thread.comments.length === 0) return this.create(arg);
      return this.fail(vscode.l10n.t('This thread is no longer in the mentoring file.'));
    }
    const author = await this.authorName();
    if (!author) return undefined;
    return this.done(await this.edit(namedEdit('replyToThread', { thread: found, author, body: arg.text })));
  }

  private async setStatus(arg: unknown, status: 'open' | 'resolved'): Promise<ThreadOutcome> {
    const id = this.idOf(arg);
    if (!id) return this.fail(vscode.l10n.t('Choose a mentoring review thread first.'));
    return this.done(await this.edit(namedEdit('setThreadStatus', { thread: id, status })));
  }

  private async delete(arg: unknown): Promise<ThreadOutcome> {
    const id = this.idOf(arg);
    if (!id) return this.fail(vscode.l10n.t('Choose a mentoring review thread first.'));
    if (!isRecord(arg) || arg.confirm !== false) {
      const del = vscode.l10n.t('Delete');
      const yes = await this.ui().warn(vscode.l10n.t('Delete this review thread and all its comments from the mentoring file?'), del);
      if (yes !== del) return undefined;
    }
    return this.done(await this.edit(namedEdit('deleteThread', { thread: id })));
  }

  /** Turn into Task: asks the title (the first comment by default) and the owner, unless given. */
  private async toTask(arg: unknown): Promise<ThreadOutcome> {
    const id = this.idOf(arg);
    const l = id ? this.live.get(id) : undefined;
    if (!id || !l) return this.fail(vscode.l10n.t('Choose a mentoring review thread first.'));
    const given = isRecord(arg) ? arg : {};
    const title =
      typeof given.title === 'string'
        ? given.title
        : await this.ui().input({
            title: vscode.l10n.t('Turn the thread into a task'),
            prompt: vscode.l10n.t('Task title (links {0})', `${l.stored.file}#L${l.stored.line}`),
            value: taskTitle(l.stored),
            validate: (v) => (v.trim() ? undefined : vscode.l10n.t('A task needs a title.')),
          });
    if (title === undefined || !title.trim()) return undefined;
    const owner: Role | undefined =
      given.owner === 'mentor' || given.owner === 'mentee'
        ? given.owner
        : await pickRole(this.ui(), { title: vscode.l10n.t('Turn the thread into a task'), placeHolder: vscode.l10n.t('Whose task is it?'), first: 'mentee', agreement: this.store.current?.result.model?.agreement });
    if (!owner) return undefined;
    const result = await this.edit(namedEdit('threadToTask', { thread: id, title: title.trim(), owner }));
    if (result.ok) void this.ui().info(vscode.l10n.t('Task {0} added for the {1}; the thread links to it.', result.id ?? '', roleWord(owner)));
    return this.done(result, true);
  }

  // ---------------------------------------------------------------- helpers

  /** An operation by name (core/edit/named.ts), so on a large file the store runs it in its parse worker. */
  private async edit(named: NamedEdit, uri?: vscode.Uri): Promise<StoreEditResult> {
    const result = await this.store.edit((text) => runNamedEdit(named, text, this.now()), uri ?? this.store.current?.uri, named);
    // Show the change at once rather than after the store's debounce.
    this.sync();
    await this.syncing;
    return result;
  }

  private done(result: StoreEditResult, quiet = false): ThreadOutcome {
    if (!result.ok) return this.fail(result.message);
    if (result.unsaved && !quiet) void this.ui().info(whereSaved(this.store.current ? this.store.label(this.store.current.uri) : vscode.l10n.t('the mentoring file'), true));
    return { ok: true, id: result.id };
  }

  private fail(message: string): ThreadOutcome {
    return refuse(this.ui(), message);
  }

  private find(thread: vscode.CommentThread): string | undefined {
    for (const [id, l] of this.live) if (l.vs === thread) return id;
    return undefined;
  }

  /** A thread id from a menu argument (the CommentThread) or a plain `{ id }`. */
  private idOf(arg: unknown): string | undefined {
    if (isRecord(arg) && typeof arg.id === 'string') return arg.id;
    if (isRecord(arg) && isThread(arg.thread)) return this.find(arg.thread);
    if (isThread(arg)) return this.find(arg);
    return undefined;
  }

  /** Who is writing: from `mentoring.role` and the agreement, else asked once per window. */
  private async authorName(): Promise<string | undefined> {
    const current = this.store.current;
    const model = current?.result.model;
    const role = configuredRole(current?.uri);
    if (model && role) return model.agreement[role].name;
    if (this.author) return this.author;
    if (!model) return undefined;
    const picked = await pickRole(this.ui(), {
      title: vscode.l10n.t('Mentoring review'),
      placeHolder: vscode.l10n.t('{0} (set mentoring.role to stop being asked)', vscode.l10n.t('Who is writing?')),
      agreement: model.agreement,
    });
    this.author = picked && model.agreement[picked].name;
    return this.author;
  }
}

/** Wires the review threads; the object is also disposed through `context.subscriptions`. */
export function registerReviewThreads(context: vscode.ExtensionContext, store: MentoringStore, options: ReviewThreadOptions = {}): ReviewThreads {
  const threads = new ReviewThreads(store, options);
  context.subscriptions.push(threads);
  return threads;
}

function labelOf(t: Thread, placed: Reanchored): string {
  const parts: string[] = [t.status === 'resolved' ? vscode.l10n.t('Resolved') : vscode.l10n.t('Open')];
  if (t.task) parts.push(vscode.l10n.t('task {0}', t.task));
  if (placed.status === 'lost') parts.push(`⚠ ${vscode.l10n.t('could not re-anchor')}: ${placed.reason ?? vscode.l10n.t('the line was not found')}`);
  else if (placed.status === 'changed') parts.push(placed.reason ? vscode.l10n.t('line changed: {0}', placed.reason) : vscode.l10n.t('line changed'));
  else if (placed.status === 'moved') parts.push(vscode.l10n.t('moved from line {0}', t.line));
  return parts.join(' · ');
}

/** `uri`'s path relative to the workspace folder of the mentoring file, or undefined when outside it. */
function relativeTo(mentoring: vscode.Uri, uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(mentoring);
  if (!folder) return undefined;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority || !uri.path.startsWith(base)) return undefined;
  return uri.path.slice(base.length);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isThread(v: unknown): v is vscode.CommentThread {
  return isRecord(v) && v.uri instanceof vscode.Uri && Array.isArray(v.comments);
}

function isReply(v: unknown): v is vscode.CommentReply {
  return isRecord(v) && typeof v.text === 'string' && isThread(v.thread);
}
