/**
 * The mentoring files of the workspace and the one the user works with.
 *
 * The store is the single place that reads, parses and writes mentoring files:
 * diagnostics, the status bar, the sidebar and the commands all listen to it.
 * It reads open documents (so typing counts, debounced), follows the disk through
 * file system watchers (git pull, other editors), and writes only through the open
 * document (WorkspaceEdit, then save) so undo works and unsaved changes survive.
 * All file access goes through `vscode.workspace.fs`, so it also runs on the web.
 */
import * as vscode from 'vscode';
import { hasBlockingErrors } from '../core/diagnostics';
import type { EditResult } from '../core/edit/index';
import type { NamedEdit } from '../core/edit/named';
import { decodeUtf8, DEFAULT_MAX_BYTES, notUtf8Diagnostic, tooLargeMessage, type Decoded, type ParseResult } from '../core/parse/index';
import type { MentoringFile } from '../core/schema';
import { Debouncer } from './debounce';
import { Disposable } from './lifecycle';
import {
  MENTORING_EXCLUDE,
  MENTORING_GLOB,
  MENTORING_WATCH_GLOBS,
  isFoundMentoringPath,
  isMentoringPath,
  normalizeEol,
  stripBom,
} from '../core/files';
import { sealEdit } from '../core/seal/write';
import { minimalChange } from '../core/textDiff';
import { fileHasErrors, noMentoringFile } from './outcome';
import { roleWord } from './pickRole';
import type { Ui } from './ui';
import { SILENT_LOG, type WorkerLog } from './parseWorkerClient';
import { PARSE_WORKER_MIN_CHARS, WEB_PLATFORM, isWithinPath, type ParseCache, type ParseWorker, type Platform, type WorkerParseResult } from './platform';

export type { ParseResult } from '../core/parse/index';
export type { EditResult } from '../core/edit/index';

/** The core result, and whether the change reached the disk or waits in an unsaved editor. */
export type StoreEditResult = EditResult & { unsaved?: boolean };

export interface MentoringState {
  uri: vscode.Uri;
  text: string;
  result: ParseResult;
}

export interface StoreOptions {
  parse: (text: string, options: { now: Date }) => ParseResult;
  ui: () => Ui;
  now?: () => Date;
  /** Milliseconds to wait after the last keystroke before re-parsing; read per change. */
  debounceMs?: () => number;
  /** The file lock saves take (the CLI's, on the desktop); none on the web. */
  platform?: Platform;
  /** Whether large texts go to the platform's parse worker (`mentoring.diagnostics.worker`); read per parse, default true. */
  parseInWorker?: () => boolean;
  /**
   * The last parse of the current file, kept for the next start (the desktop's, in VS Code's storage
   * for the workspace): at the first scan the current file's state is shown from it when it is of
   * the very text on disk, before the search has found the file; the file is then read and parsed
   * as always and its state replaces the kept one.
   */
  parseCache?: ParseCache;
  /** Where the parse worker says what it did (the "Mentoring" log channel). */
  log?: WorkerLog;
}

const CURRENT_KEY = 'mentoring.currentFile';
const SYNC_WAIT_MS = 3000;
/** Quiet time after the current file's last change before its parse is kept for the next start. */
const KEEP_DELAY_MS = 1000;
/** Reads of a file that keeps changing on disk before an edit gives up. */
const ATTEMPTS = 6;

export class MentoringStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<MentoringState | undefined>());
  /** The current file re-parsed (typing, debounced; disk change; another file picked), or undefined when there is none. */
  readonly onDidChange: vscode.Event<MentoringState | undefined> = this._onDidChange.event;

  private readonly _onDidParse = this._register(new vscode.EventEmitter<MentoringState>());
  /** Any mentoring file parsed (not only the current one): diagnostics follow this. */
  readonly onDidParse: vscode.Event<MentoringState> = this._onDidParse.event;

  private readonly _onDidRemove = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A mentoring file was deleted or left the workspace. */
  readonly onDidRemove: vscode.Event<vscode.Uri> = this._onDidRemove.event;

  private readonly states = new Map<string, MentoringState>();
  private readonly typing = this._register(new Debouncer());
  /** Per file, the number of the latest read started: a slower, older read never overwrites a newer one. */
  private readonly reads = new Map<string, number>();
  /** Per file, the latest disk read in flight. */
  private readonly diskReads = new Map<string, Promise<void>>();
  private currentKey: string | undefined;
  /** The current file was chosen (picked, set, or remembered), not merely the only one found so far. */
  private currentChosen = false;
  private readonly now: () => Date;
  private readonly platform: Platform;
  /** Files found in the workspace that are links leading out of their workspace folder: never read, never written. */
  private readonly outsideLinks = new Map<string, string>();
  /** Per file, the edit running now: the next one starts when it is done. */
  private readonly editing = new Map<string, Promise<void>>();
  /** Resolves when the first scan of the workspace is done. */
  readonly ready: Promise<void>;
  /** The platform's parse worker, started on the first large text. */
  private worker: ParseWorker | undefined;
  /** Whether the first scan has begun (it logs its times). */
  private scanned = false;
  /** Per file, the text in the worker now and its result to come. */
  private readonly parsing = new Map<string, { text: string; result: Promise<ParseResult | undefined> }>();
  /** Files whose state is the parse kept from the last time (`parseCache`), until their own parse replaces it. */
  private readonly kept = new Set<string>();
  /** Keeps the current file's parse for the next start, once it has been quiet for a while. */
  private readonly keeping = this._register(new Debouncer());

  constructor(
    private readonly memento: vscode.Memento,
    private readonly options: StoreOptions,
  ) {
    super();
    this.now = options.now ?? (() => new Date());
    this.platform = options.platform ?? WEB_PLATFORM;
    for (const glob of MENTORING_WATCH_GLOBS) {
      const watcher = this._register(vscode.workspace.createFileSystemWatcher(glob));
      // Watchers do not apply the scan's exclude: a file in node_modules is no more found by one than by the scan.
      this._register(watcher.onDidCreate((uri) => isFound(uri) && void this.reload(uri)));
      this._register(watcher.onDidChange((uri) => isFound(uri) && void this.reloadFromDisk(uri)));
      this._register(watcher.onDidDelete((uri) => this.forget(uri)));
    }
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this._register(vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc)));
    // A closed editor may have held unsaved text: the disk is the truth again.
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => isMentoringDoc(doc) && void this.reloadFromDisk(doc.uri)));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()));
    this._register({ dispose: () => this.worker?.dispose() });
    if (options.parseCache) this._register(this.onDidChange(() => this.keeping.schedule('current', KEEP_DELAY_MS, () => this.keepCurrent())));
    this.ready = this.scan();
  }

  get current(): MentoringState | undefined {
    return this.currentKey ? this.states.get(this.currentKey) : undefined;
  }

  /** Every mentoring file found, sorted by path. */
  files(): readonly vscode.Uri[] {
    return [...this.states.values()].map((s) => s.uri).sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  /** The parsed state of any mentoring file the store knows. */
  get(uri: vscode.Uri): MentoringState | undefined {
    return this.states.get(uri.toString());
  }

  /** A short name for messages: the workspace-relative path. */
  label(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /** Several files: asks which one (remembered per workspace). One file: that one. None: undefined. */
  async pickFile(): Promise<vscode.Uri | undefined> {
    await this.ready;
    const files = this.files();
    if (files.length === 0) return undefined;
    let chosen: vscode.Uri | undefined = files[0];
    if (files.length > 1) {
      chosen = await this.options.ui().pick(
        files.map((uri) => ({
          label: this.label(uri),
          description: describePair(this.states.get(uri.toString())?.result.model),
          picked: uri.toString() === this.currentKey,
          value: uri,
        })),
        { title: vscode.l10n.t('Mentoring'), placeHolder: vscode.l10n.t('Which mentoring agreement do you want to work with?') },
      );
    }
    if (chosen) await this.setCurrent(chosen);
    return chosen;
  }

  /** Makes `uri` the current file (and remembers it for this workspace). */
  async setCurrent(uri: vscode.Uri): Promise<void> {
    if (!isMentoringPath(uri.path)) return;
    if (!this.states.has(uri.toString())) await this.reload(uri);
    // A file that cannot be read (deleted, not a mentoring file) never becomes current.
    if (!this.states.has(uri.toString())) return;
    this.currentKey = uri.toString();
    this.currentChosen = true;
    await this.memento.update(CURRENT_KEY, this.currentKey);
    this._onDidChange.fire(this.current);
  }

  /** The current file, asking which one when there are several and none was chosen yet. */
  async ensureCurrent(): Promise<MentoringState | undefined> {
    await this.ready;
    if (this.current) return this.current;
    const uri = await this.pickFile();
    return uri ? this.get(uri) : undefined;
  }

  /**
   * Runs a core edit on the current (or given) file through its document: a
   * WorkspaceEdit of only the changed span, then save. Refuses when the file has
   * errors. An editor with unsaved changes gets the edit applied onto its buffer and
   * stays unsaved (`unsaved: true`), so nothing the user typed is overwritten. When
   * the file changes on disk between read and write, the new content is read and the
   * operation applied again.
   *
   * The operation may be asynchronous. Whatever it wrote into a confidential field is sealed
   * (`sealEdit`, as the CLI does in `src/cli/sealing.ts`) before the text reaches the document,
   * so plain text of a sealed agreement never reaches a buffer or the disk. The "changed
   * meanwhile?" check runs after both awaits, so a slow seal cannot overwrite a newer change.
   *
   * `named`: the same operation as `op`, by name (core/edit/named.ts). On a file large enough for
   * the parse worker, the worker runs it (the same function, on the same text): the host then
   * neither parses the file nor makes its Document.
   */
  async edit(op: (text: string) => EditResult | Promise<EditResult>, uri?: vscode.Uri, named?: NamedEdit): Promise<StoreEditResult> {
    await this.ready;
    const target = uri ?? (await this.ensureCurrent())?.uri;
    if (!target) {
      return { ok: false, message: noMentoringFile() };
    }
    // One edit of a file at a time: two at once (a click while a command runs) would each see the
    // other's save as a change on disk and start again, until one gave up.
    const key = target.toString();
    const mine = (this.editing.get(key) ?? Promise.resolve()).then(() => this.editFile(op, target, named));
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.editing.set(key, settled);
    try {
      return await mine;
    } finally {
      if (this.editing.get(key) === settled) this.editing.delete(key);
    }
  }

  private async editFile(op: (text: string) => EditResult | Promise<EditResult>, target: vscode.Uri, named: NamedEdit | undefined): Promise<StoreEditResult> {
    const name = this.label(target);
    const outside = await this.linkProblem(target);
    if (outside) return { ok: false, message: outside };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const doc = await vscode.workspace.openTextDocument(target);
      const dirty = doc.isDirty;
      let diskText: string | undefined;
      // The bytes on disk must be UTF-8 even when the buffer is dirty: the document shows VS
      // Code's lenient decoding, and saving it would turn every bad byte into U+FFFD.
      try {
        const onDisk = await readMentoringText(target);
        if (!dirty) diskText = onDisk;
      } catch (err) {
        if (err instanceof NotUtf8Error || err instanceof TooLargeError) return { ok: false, message: vscode.l10n.t('{0}: {1}', name, err.message) };
        if (!dirty) throw err;
      }
      if (diskText !== undefined) {
        if (!(await waitForSync(doc, diskText))) {
          // The disk moved on again while the editor reloaded (CLI writes in a row): read it again.
          if (attempt < ATTEMPTS - 1) continue;
          return {
            ok: false,
            message: vscode.l10n.t('{0} changed on disk and its editor has not reloaded yet, so nothing was written. Try again in a moment.', name),
          };
        }
      }
      const base = doc.getText();
      // A named operation on a large file runs in the worker (`op` is the same function here):
      // yaml's Document, which every edit needs, is made there, not on this thread.
      const worker = named ? this.workerFor(base) : undefined;
      const parsed = worker ? await this.parseForEdit(worker, target, base) : this.options.parse(base, { now: this.now() });
      // A damaged sealed block is an error at its line, not a reason to refuse every other edit (core/diagnostics.ts LOCAL_ERRORS).
      if (hasBlockingErrors(parsed.diagnostics)) return { ok: false, message: fileHasErrors(name, parsed.diagnostics) };
      const planned = worker && named ? await this.editInWorker(worker, named, base, op) : await op(base);
      if (!planned.ok) return planned;
      const sealed = await sealEdit(base, planned.text, { now: this.now(), beforeModel: parsed.model });
      if (!sealed.ok) return { ok: false, message: vscode.l10n.t('{0}: {1}', name, sealed.message) };
      const missing = sealed.sealed.length > 0 ? sealed.policy.missing : [];
      const result: EditResult = {
        ...planned,
        text: sealed.text,
        warnings: [...planned.warnings, ...missing.map((role) => vscode.l10n.t('The {0} has no key in the agreement yet, so they cannot read what was just sealed: once they add one ({1}), someone who can read it runs `mentoring reseal`.', roleWord(role), vscode.l10n.t('Mentoring: Set Up My Key')))],
      };
      // The new text's parse (in the worker for a large file) is awaited after the lock is released.
      let refreshed: Promise<void> | undefined;
      const commit = async (): Promise<StoreEditResult | 'changed'> => {
        // Changed while we computed? Start again from what is there now.
        if (dirty ? doc.getText() !== base : normalizeEol(await readMentoringText(target)) !== normalizeEol(diskText ?? '')) return 'changed';
        const change = minimalChange(base, result.text);
        if (!change) return dirty ? { ...result, unsaved: true } : result;
        const edit = new vscode.WorkspaceEdit();
        edit.replace(target, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.text);
        if (!(await vscode.workspace.applyEdit(edit))) {
          return { ok: false, message: vscode.l10n.t('VS Code refused the change to {0}; nothing was written.', name) };
        }
        if (dirty) {
          refreshed = this.refresh(doc);
          return { ...result, unsaved: true };
        }
        if (!(await doc.save())) {
          return {
            ok: false,
            message: vscode.l10n.t('The change to {0} is in its editor but could not be saved (did the file change on disk?). Compare and save it by hand.', name),
          };
        }
        refreshed = this.refresh(doc);
        return result;
      };
      // A save is a compare-and-swap under the file's lock, the one the CLI takes (src/node/fileLock.ts):
      // no CLI write lands between the check above and the save. An unsaved editor's buffer is no file.
      let outcome: StoreEditResult | 'changed';
      try {
        outcome = dirty || target.scheme !== 'file' ? await commit() : await this.platform.withFileLock(target.fsPath, commit);
      } catch (err) {
        return { ok: false, message: vscode.l10n.t('{0}: {1} Nothing was written.', name, err instanceof Error ? err.message : String(err)) };
      }
      if (outcome === 'changed') continue;
      // When the edit resolves, the store's state is of the text it wrote (as before the worker),
      // or of a newer one: a read of the disk (the watcher's, after the save) may have overtaken it.
      await refreshed;
      const reading = this.diskReads.get(target.toString());
      if (reading) await reading;
      return outcome;
    }
    return { ok: false, message: vscode.l10n.t('{0} kept changing on disk while it was being edited, so nothing was written. Try again.', name) };
  }

  /** Finds every mentoring file again (start, workspace folders changed). */
  async scan(): Promise<void> {
    const first = !this.scanned;
    this.scanned = true;
    const t0 = Date.now();
    // At start, while the search runs, the current file's state as it was kept the last time.
    const early = first ? this.startFromCache() : undefined;
    const found = await vscode.workspace.findFiles(MENTORING_GLOB, MENTORING_EXCLUDE);
    await early;
    const tFound = Date.now();
    const keys = new Set(found.filter(isFound).map((u) => u.toString()));
    for (const [key, state] of this.states) if (!keys.has(key)) this.forget(state.uri);
    // A kept state is read and parsed as any file found: its own parse replaces it.
    await Promise.all([...keys].filter((k) => !this.states.has(k) || this.kept.has(k)).map((k) => this.reload(vscode.Uri.parse(k))));
    // What start-up waits for before the sidebar can show a file.
    if (first) this.options.log?.info(`store: first scan found ${keys.size} file${keys.size === 1 ? '' : 's'} in ${tFound - t0} ms, read and parsed them in ${Date.now() - tFound} ms`); // l10n-exempt: a log line, English as the others
    // The first file read during the scan became current as "the only one so far"; now that every
    // file is known, the remembered choice wins, else the only file, else none (the user is asked).
    if (!this.currentChosen || !this.currentKey || !this.states.has(this.currentKey)) {
      const remembered = this.memento.get<string>(CURRENT_KEY);
      const files = this.files();
      const chosen = remembered !== undefined && this.states.has(remembered);
      const pick = chosen ? remembered : files.length === 1 ? files[0]?.toString() : undefined;
      this.currentChosen = chosen;
      if (pick !== this.currentKey) {
        this.currentKey = pick;
        this._onDidChange.fire(this.current);
      }
    }
  }

  /**
   * The state of the file shown last, from the parse kept then (`parseCache`), when it is the parse
   * of the very text the file (or its open editor) holds now and no other file was chosen since: the
   * sidebar and the diagnostics have it before the search has found the file. Anything else (no
   * cache, another text, a file gone or outside the workspace, not UTF-8) is left to the scan.
   */
  private async startFromCache(): Promise<void> {
    const cache = this.options.parseCache;
    if (!cache) return;
    const t0 = Date.now();
    try {
      const kept = await cache.read();
      if (!kept || this.isDisposed) return;
      const remembered = this.memento.get<string>(CURRENT_KEY);
      if (remembered !== undefined && remembered !== kept.uri) return;
      const uri = vscode.Uri.parse(kept.uri, true);
      const key = uri.toString();
      if (key !== kept.uri || !vscode.workspace.getWorkspaceFolder(uri) || !isFound(uri) || (await this.linkProblem(uri))) return;
      const doc = openDocument(uri);
      const text = doc ? doc.getText() : await this.readEarly(uri);
      if (text === undefined) return;
      if (doc && !doc.isDirty && text.includes('\uFFFD')) return; // the disk decides (fromDocument)
      const result = kept.resultOf(text, localDay(this.now()));
      // A read that finished meanwhile (a watcher's, an open editor's) is newer than the kept parse.
      if (!result || this.states.has(key) || this.isDisposed) return;
      this.update(uri, text, this.withLazyDoc(result, text), true);
      this.options.log?.info(`store: the state kept from the last time shown in ${Date.now() - t0} ms, before the file was found, read and parsed`); // l10n-exempt: a log line, English as the others
    } catch {
      // unreadable now: the scan reads it again and says why
    }
  }

  /** The file's text for `startFromCache`: straight from the disk where the platform can, else as any read; undefined (or a throw) when it cannot be used. */
  private async readEarly(uri: vscode.Uri): Promise<string | undefined> {
    const read = this.platform.readLocalFile;
    if (uri.scheme !== 'file' || !this.platform.localDisk || !read) return readMentoringText(uri);
    const bytes = await read(uri.fsPath, DEFAULT_MAX_BYTES);
    return bytes && mentoringTextOf(bytes);
  }

  /** Keeps the current file's parse for the next start (`parseCache`): its own parse, of the text on disk. */
  private keepCurrent(): void {
    const cache = this.options.parseCache;
    const state = this.current;
    if (!cache || !state || this.isDisposed || this.kept.has(state.uri.toString())) return;
    if (!state.result.model) return; // nothing to show from it
    if (openDocument(state.uri)?.isDirty) return; // unsaved text is not what the next start reads
    const t0 = Date.now();
    // The cache keeps only the plain parts (never the result's lazy `doc`).
    cache.write(state.uri.toString(), state.text, state.result, localDay(this.now()))
      .then((written) => written && this.options.log?.info(`store: the current file's parse kept for the next start in ${Date.now() - t0} ms`)) // l10n-exempt: a log line
      .catch((err: unknown) => this.options.log?.warn(`store: the parse kept for the next start could not be written (${err instanceof Error ? err.message : String(err)})`)); // l10n-exempt: a log line
  }

  /** Reads a file from its open document when there is one, else from disk. */
  private async reload(uri: vscode.Uri): Promise<void> {
    const doc = openDocument(uri);
    if (doc && !(await this.linkProblem(uri))) return this.fromDocument(doc);
    await this.reloadFromDisk(uri);
  }

  /**
   * A document's text as the file's state, unless it is unmodified and shows U+FFFD: VS Code
   * decodes leniently, so it may stand for bytes that are not UTF-8, whose `not-utf8` error its
   * text must not replace (opened, or open when the window starts). The disk decides then.
   */
  private async fromDocument(doc: vscode.TextDocument): Promise<void> {
    if (!doc.isDirty && doc.getText().includes('\uFFFD')) return this.reloadFromDisk(doc.uri);
    return this.refresh(doc);
  }

  private async reloadFromDisk(uri: vscode.Uri): Promise<void> {
    const doc = openDocument(uri);
    // An editor with unsaved changes shows what the user is working on; keep diagnostics on that.
    if (doc?.isDirty) return;
    const key = uri.toString();
    const read = this.readFromDisk(uri, this.nextRead(uri));
    this.diskReads.set(key, read);
    // A newer read that started meanwhile decides the state: wait for it too, so a caller (setCurrent
    // right after a file was created, while the watcher reads it as well) sees the file once this returns.
    let awaited = read;
    await read;
    for (let next = this.diskReads.get(key); next && next !== awaited; next = this.diskReads.get(key)) {
      awaited = next;
      await next;
    }
    if (this.diskReads.get(key) === awaited) this.diskReads.delete(key);
  }

  private async readFromDisk(uri: vscode.Uri, ticket: number): Promise<void> {
    const outside = await this.linkProblem(uri);
    if (outside) {
      if (this.reads.get(uri.toString()) === ticket) this.update(uri, '', linkError(outside));
      return;
    }
    let text: string;
    try {
      text = await readMentoringText(uri);
    } catch (err) {
      if (this.reads.get(uri.toString()) !== ticket) return;
      // Not UTF-8: its error is shown at the first bad byte (over the lenient text, never written).
      if (err instanceof NotUtf8Error) this.update(uri, err.decoded.lossy, { ok: false, diagnostics: [notUtf8Diagnostic(err.decoded)] });
      else if (err instanceof TooLargeError) this.update(uri, '', err.diagnostic());
      else this.forget(uri);
      return;
    }
    if (this.reads.get(uri.toString()) !== ticket) return;
    await this.parseAndUpdate(uri, text, ticket);
  }

  private nextRead(uri: vscode.Uri): number {
    const ticket = (this.reads.get(uri.toString()) ?? 0) + 1;
    this.reads.set(uri.toString(), ticket);
    return ticket;
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isMentoringDoc(doc)) return;
    this.typing.schedule(doc.uri.toString(), this.options.debounceMs?.() ?? 300, () => {
      if (!this.isDisposed && !doc.isClosed) void this.fromDocument(doc);
    });
  }

  private async refresh(doc: vscode.TextDocument): Promise<void> {
    if (this.outsideLinks.has(doc.uri.toString())) return; // its error stands; its text is not ours to read
    const ticket = this.nextRead(doc.uri);
    await this.parseAndUpdate(doc.uri, doc.getText(), ticket);
  }

  /**
   * Parses `text` as the state of `uri`: in-process when it is small (or there is no worker), else
   * in the platform's parse worker, so the host's thread only posts the text and receives plain
   * data. A worker's result is discarded when a newer read of the file started meanwhile (`ticket`,
   * or the worker's own `'stale'`): the state is always the parse of the text it holds. A worker
   * that fails leaves the parse to this thread, as before.
   */
  private async parseAndUpdate(uri: vscode.Uri, text: string, ticket: number): Promise<void> {
    const key = uri.toString();
    const previous = this.states.get(key);
    if (previous && previous.text === text && !this.kept.has(key)) return;
    const worker = this.workerFor(text);
    if (!worker) return this.update(uri, text);
    // The same text asked again while its parse runs (the watcher's read of what an edit just
    // saved, the debounced change of that edit) waits for that parse instead of starting another.
    let running = this.parsing.get(key);
    if (running?.text !== text) {
      const entry = { text, result: this.parseInWorker(worker, key, text) };
      this.parsing.set(key, entry);
      void entry.result.then(() => {
        if (this.parsing.get(key) === entry) this.parsing.delete(key);
      });
      running = entry;
    }
    const result = await running.result;
    if (result === undefined || this.isDisposed || this.reads.get(key) !== ticket) return;
    this.update(uri, text, result);
  }

  /** The worker's parse as a `ParseResult`; undefined when a newer text of the file overtook it; in-process when the worker failed. */
  private async parseInWorker(worker: ParseWorker, key: string, text: string): Promise<ParseResult | undefined> {
    try {
      const answer = await worker.parse(key, text, this.now());
      return answer === 'stale' ? undefined : this.withLazyDoc(answer, text);
    } catch {
      return this.isDisposed ? undefined : this.safeParse(text);
    }
  }

  /** The parse an edit of `base` is checked on: the state's when it is of that very text, else the worker's. */
  private async parseForEdit(worker: ParseWorker, uri: vscode.Uri, base: string): Promise<ParseResult> {
    const state = this.states.get(uri.toString());
    if (state?.text === base && !this.kept.has(uri.toString())) return state.result;
    try {
      // Its own key: this parse is not overtaken by the file's next change, nor overtakes it.
      const answer = await worker.parse(`edit ${uri.toString()}`, base, this.now());
      if (answer !== 'stale') return this.withLazyDoc(answer, base);
    } catch {
      // the worker failed: below
    }
    return this.safeParse(base);
  }

  private async editInWorker(worker: ParseWorker, named: NamedEdit, base: string, op: (text: string) => EditResult | Promise<EditResult>): Promise<EditResult> {
    try {
      return await worker.edit(base, named, this.now());
    } catch {
      return op(base); // the worker failed: the same operation here
    }
  }

  private workerFor(text: string): ParseWorker | undefined {
    if (text.length < PARSE_WORKER_MIN_CHARS || this.isDisposed) return undefined;
    const start = this.platform.parseWorker;
    if (!start || !(this.options.parseInWorker?.() ?? true)) return undefined;
    return (this.worker ??= start(this.options.log ?? SILENT_LOG));
  }

  /**
   * A worker's result as a `ParseResult`: its `doc` (which cannot cross threads) made on this
   * thread on first read, by a parse of the same text (the hover of a sealed field reads it; an
   * edit parses its own text).
   */
  private withLazyDoc(answer: WorkerParseResult, text: string): ParseResult {
    const result: ParseResult = answer.model ? { ok: answer.ok, model: answer.model, diagnostics: answer.diagnostics } : { ok: answer.ok, diagnostics: answer.diagnostics };
    const parse = this.options.parse;
    const now = this.now;
    Object.defineProperty(result, 'doc', { get: () => parse(text, { now: now() }).doc, enumerable: true, configurable: true });
    return result;
  }

  /** Sets the state of `uri` (`kept`: the parse kept from the last time, which the file's own parse replaces). */
  private update(uri: vscode.Uri, text: string, given?: ParseResult, kept = false): void {
    if (this.isDisposed) return;
    const key = uri.toString();
    const previous = this.states.get(key);
    if (previous && previous.text === text && given === undefined && !this.kept.has(key)) return;
    const state: MentoringState = { uri, text, result: given ?? this.safeParse(text) };
    this.states.set(key, state);
    if (kept) this.kept.add(key);
    else this.kept.delete(key);
    this._onDidParse.fire(state);
    if (key === this.currentKey) this._onDidChange.fire(state);
    else if (!this.currentKey && this.states.size === 1) {
      this.currentKey = key;
      this._onDidChange.fire(state);
    }
  }

  /**
   * Why a file is not followed, when it is a symbolic link (or lies behind one) leading out of its
   * workspace folder (a cloned repository must not make us read or write elsewhere); undefined
   * otherwise, and always on the web, where real paths are unknown.
   */
  private async linkProblem(uri: vscode.Uri): Promise<string | undefined> {
    const key = uri.toString();
    const folder = uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    const real = folder ? await this.platform.realPath(uri.fsPath) : undefined;
    if (!folder || real === undefined) {
      this.outsideLinks.delete(key);
      return undefined;
    }
    const realFolder = (await this.platform.realPath(folder.uri.fsPath)) ?? folder.uri.fsPath;
    if (isWithinPath(real, realFolder, this.platform.caseInsensitive)) {
      this.outsideLinks.delete(key);
      return undefined;
    }
    const problem = `${this.label(uri)} is a symbolic link to ${real}, outside the workspace folder ${folder.name}; it is not read or written. Replace the link with the file, or point it inside the folder.`;
    this.outsideLinks.set(key, problem);
    return problem;
  }

  /** The core promises never to throw; if it ever does, say so at line 1 rather than losing the file. */
  private safeParse(text: string): ParseResult {
    try {
      return this.options.parse(text, { now: this.now() });
    } catch (err) {
      const message = vscode.l10n.t('The mentoring parser failed on this file ({0}). Please report it; the file was not changed.', String(err));
      return {
        ok: false,
        diagnostics: [{ severity: 'error', code: 'internal', message, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }],
      };
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.outsideLinks.delete(key);
    this.kept.delete(key);
    if (!this.states.delete(key)) return;
    this._onDidRemove.fire(uri);
    if (key === this.currentKey) {
      const files = this.files();
      this.currentKey = files.length === 1 ? files[0]?.toString() : undefined;
      this.currentChosen = false;
      this._onDidChange.fire(this.current);
    }
  }
}

/**
 * A mentoring file the user works on: inside a workspace folder (any file system,
 * so virtual workspaces count) or a plain file opened from elsewhere. Old versions
 * shown by git or pull-request diff views (their own URI schemes) are not.
 */
export function isMentoringDoc(doc: vscode.TextDocument): boolean {
  if (!isMentoringPath(doc.uri.path)) return false;
  return doc.uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(doc.uri) !== undefined;
}

/** The open document of `uri`, if any. */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The local date of `d` (the day a parse's checks were made for), as the parse cache keys it. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A file the scan would find: the rule of `core/files.ts`, on the path inside its workspace folder. */
function isFound(uri: vscode.Uri): boolean {
  return isFoundMentoringPath(vscode.workspace.asRelativePath(uri, false));
}

/** A mentoring file whose bytes are not UTF-8 (`decoded` says where). */
export class NotUtf8Error extends Error {
  constructor(readonly decoded: Extract<Decoded, { ok: false }>) {
    super(decoded.message);
  }
}

/** A mentoring file over the size limit, found by its size before it was read. */
export class TooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(tooLargeMessage(bytes, DEFAULT_MAX_BYTES));
  }

  /** The one error the diagnostics show on it, as the parse words it (core/parse/prescan.ts). */
  diagnostic(): ParseResult {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', code: 'too-large', message: this.message, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0, data: { bytes: this.bytes, limit: DEFAULT_MAX_BYTES } }],
    };
  }
}

/**
 * Reads a mentoring file: strict UTF-8 (core/parse/utf8.ts), else NotUtf8Error; byte-order mark
 * dropped. Its size is checked first (TooLargeError): a cloned repository's file of gigabytes is
 * never read into the extension host's memory only for the parse to refuse it.
 */
export async function readMentoringText(uri: vscode.Uri): Promise<string> {
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > DEFAULT_MAX_BYTES) throw new TooLargeError(size);
  return mentoringTextOf(await vscode.workspace.fs.readFile(uri));
}

/** A mentoring file's bytes as its text, decoded strictly (`NotUtf8Error` at the first bad byte), byte-order mark dropped. */
function mentoringTextOf(bytes: Uint8Array): string {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new NotUtf8Error(decoded);
  return stripBom(decoded.text);
}

/** Reads any other file as text (lenient UTF-8, byte-order mark dropped as editors do). */
export async function readText(uri: vscode.Uri): Promise<string> {
  return stripBom(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
}

/** A link not followed, as the one error at 1:1 the diagnostics show on it. */
function linkError(message: string): ParseResult {
  return {
    ok: false,
    diagnostics: [{ severity: 'error', code: 'symlink-not-followed', message, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }],
  };
}

function describePair(model: MentoringFile | undefined): string | undefined {
  if (!model) return undefined;
  return `${model.agreement.mentor.name} mentors ${model.agreement.mentee.name}`;
}

/** Waits until an unmodified document shows what is on disk (VS Code reloads it on its own after a disk change). */
async function waitForSync(doc: vscode.TextDocument, diskText: string): Promise<boolean> {
  const want = normalizeEol(diskText);
  if (normalizeEol(doc.getText()) === want) return true;
  return new Promise<boolean>((resolve) => {
    const done = (value: boolean): void => {
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && normalizeEol(doc.getText()) === want) done(true);
    });
    const timer = setTimeout(() => done(normalizeEol(doc.getText()) === want), SYNC_WAIT_MS);
  });
}
