/**
 * Private notes: a mentor's or mentee's own notes per session.
 * They are never written under a workspace folder: they live in the extension's
 * storage on this machine (or a folder the user chose outside every workspace),
 * survive restarts, and can be exported by their owner. Everything that shows them
 * says so with privateLabel().
 */
import * as vscode from 'vscode';
import { Disposable } from './lifecycle';
import { applyNotesChange, parseNotes, serializeNotes, type NotesChange, type PrivateNote } from './notesData';
import { WEB_PLATFORM, isWithinPath, type Platform } from './platform';

export type { PrivateNote } from './notesData';

/** What every private note is labelled with, in the user's language. */
export const privateLabel = (): string => vscode.l10n.t('private — only on this machine');

const FILE_NAME = 'private-notes.json';

/** The key notes are filed under: the mentoring file's URI. */
export function fileKeyOf(uri: vscode.Uri): string {
  return uri.toString();
}

/**
 * True when `uri` and one of `folders` overlap: either is the other or inside it (same scheme and
 * authority). On the desktop, file paths are compared as real paths (links resolved: a link into a
 * repository is inside it), without letter case where the file system ignores it.
 */
export async function overlaps(uri: vscode.Uri, folders: readonly vscode.Uri[], platform: Platform = WEB_PLATFORM): Promise<boolean> {
  const real = async (u: vscode.Uri): Promise<string> => (u.scheme === 'file' ? await realOrNearest(u.fsPath, platform) : u.path);
  const path = await real(uri);
  for (const folder of folders) {
    if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) continue;
    const other = await real(folder);
    // Virtual file systems (and the web) name files exactly as given; only a disk may ignore case.
    const caseInsensitive = uri.scheme === 'file' && platform.caseInsensitive;
    if (isWithinPath(path, other, caseInsensitive) || isWithinPath(other, path, caseInsensitive)) return true;
  }
  return false;
}

/** The real path of `fsPath`, or of its nearest existing folder with the rest appended (a folder not created yet). */
async function realOrNearest(fsPath: string, platform: Platform): Promise<string> {
  const parts = fsPath.split(/[\\/]/);
  for (let n = parts.length; n > 0; n--) {
    const head = parts.slice(0, n).join('/') || '/';
    const real = await platform.realPath(head);
    if (real !== undefined) return [real.replace(/[\\/]+$/, ''), ...parts.slice(n)].join('/');
  }
  return fsPath;
}

export interface NotesLocation {
  folder: vscode.Uri;
  problem?: string;
}

/**
 * Where notes are kept: the folder from `mentoring.privateNotes.folder` when it is set and
 * outside every workspace folder (and, as a disk path, only where the platform has a local disk:
 * not in the browser), otherwise the extension's global storage. Returns why a
 * configured folder was not used, or that the storage itself lies in a workspace folder (a
 * workspace opened on the home folder), so the caller can say so. Run again when workspace
 * folders change (`PrivateNotes.relocate`).
 */
export async function notesFolder(
  globalStorage: vscode.Uri,
  configured: string | undefined,
  workspaceFolders: readonly vscode.Uri[],
  platform: Platform = WEB_PLATFORM,
): Promise<NotesLocation> {
  const storage = async (problem?: string): Promise<NotesLocation> => {
    if (!(await overlaps(globalStorage, workspaceFolders, platform))) return problem ? { folder: globalStorage, problem } : { folder: globalStorage };
    const where = vscode.l10n.t('Your private mentoring notes are kept in {0}, which lies inside an open workspace folder, where they could be committed. Choose a folder outside your repositories in the setting {1}.', globalStorage.scheme === 'file' ? globalStorage.fsPath : globalStorage.toString(), 'mentoring.privateNotes.folder');
    return { folder: globalStorage, problem: problem ? `${problem} ${where}` : where };
  };
  const wanted = configured?.trim();
  if (!wanted) return storage();
  let uri: vscode.Uri;
  try {
    uri = /^[a-z][a-z0-9+.-]+:/i.test(wanted) && !/^[a-z]:[\\/]/i.test(wanted) ? vscode.Uri.parse(wanted, true) : vscode.Uri.file(wanted);
  } catch {
    return storage(vscode.l10n.t('The private notes folder "{0}" is not a valid path; notes stay in the extension\'s storage.', wanted));
  }
  if (await overlaps(uri, workspaceFolders, platform)) {
    return storage(vscode.l10n.t('The private notes folder "{0}" overlaps an open workspace folder, where notes could be committed; they stay in the extension\'s storage instead. Choose a folder outside your repositories in the setting {1}.', wanted, 'mentoring.privateNotes.folder'));
  }
  if (uri.scheme === 'file' && !platform.localDisk) {
    return storage(vscode.l10n.t('The private notes folder "{0}" is a folder on disk, which the extension cannot reach when it runs in the browser; your notes stay in the extension\'s storage of this workbench. Clear the setting {1} here, or use it in the desktop VS Code.', wanted, 'mentoring.privateNotes.folder'));
  }
  return { folder: uri };
}

export interface PrivateNotesOptions {
  platform?: Platform;
  /** Where the notes go, checked against the workspace folders (`notesFolder`); run before the first read and by `relocate`. */
  locate?: () => Promise<NotesLocation>;
}

export class PrivateNotes extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange: vscode.Event<void> = this._onDidChange.event;
  private notes: PrivateNote[] = [];
  private readonly platform: Platform;
  private watcher: vscode.FileSystemWatcher | undefined;
  /** Re-reads started by the watcher; only the latest one's result is kept (they may finish out of order). */
  private rereads = 0;

  private constructor(
    private current: vscode.Uri,
    private readonly now: () => Date,
    private readonly options: PrivateNotesOptions,
  ) {
    super();
    this.platform = options.platform ?? WEB_PLATFORM;
  }

  /** The folder holding the notes file. */
  get folder(): vscode.Uri {
    return this.current;
  }

  /** The JSON file holding every note. */
  get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.current, FILE_NAME);
  }

  /** Resolves once the notes on disk have been read (`onDidChange` fires then too). */
  ready: Promise<void> = Promise.resolve();

  /**
   * Starts reading the notes in the background and returns at once, so activation
   * does not wait for the disk; `list` is empty until `ready` resolves. With `locate`, the
   * folder is checked first and `folder` is where it says.
   */
  static create(folder: vscode.Uri, now: () => Date = () => new Date(), options: PrivateNotesOptions = {}): PrivateNotes {
    const notes = new PrivateNotes(folder, now, options);
    notes.ready = (async () => {
      if (options.locate) notes.current = (await options.locate()).folder;
      await notes.watch();
      notes.notes = await notes.read();
      notes._onDidChange.fire();
    })().catch((err: unknown) => {
      void vscode.window.showWarningMessage(vscode.l10n.t('Your private mentoring notes could not be read: {0}', String(err)));
    });
    return notes;
  }

  static async load(folder: vscode.Uri, now: () => Date = () => new Date(), options: PrivateNotesOptions = {}): Promise<PrivateNotes> {
    const notes = PrivateNotes.create(folder, now, options);
    await notes.ready;
    return notes;
  }

  /**
   * Checks the location again (workspace folders changed: one may now contain the folder) and
   * moves to what `locate` says, reading the notes there.
   */
  async relocate(): Promise<void> {
    await this.ready;
    if (!this.options.locate) return;
    const next = (await this.options.locate()).folder;
    if (next.toString() === this.current.toString()) return;
    this.current = next;
    this.ready = this.watch().then(() => this.read()).then((loaded) => {
      this.notes = loaded;
      this._onDidChange.fire();
    });
    await this.ready;
  }

  /** Notes for one mentoring file (optionally one session), oldest first. */
  list(fileKey: string, sessionId?: string): PrivateNote[] {
    return this.notes
      .filter((n) => n.fileKey === fileKey && (sessionId === undefined || n.sessionId === sessionId))
      .sort((a, b) => a.created.localeCompare(b.created));
  }

  async add(note: { fileKey: string; sessionId?: string; text: string }): Promise<PrivateNote> {
    const text = note.text.trim();
    if (!text) throw new Error(vscode.l10n.t('A private note needs some text.'));
    const created: PrivateNote = {
      id: newId(),
      fileKey: note.fileKey,
      ...(note.sessionId ? { sessionId: note.sessionId } : {}),
      text,
      created: this.now().toISOString(),
    };
    await this.ready;
    await this.update({ add: created });
    return created;
  }

  async remove(id: string): Promise<boolean> {
    await this.ready;
    const known = this.notes.some((n) => n.id === id);
    let found = false;
    await this.update({ remove: id }, (onDisk) => (found = onDisk.some((n) => n.id === id)));
    return found || known;
  }

  /** The notes of one mentoring file as Markdown, for their owner to keep elsewhere. */
  export(fileKey: string, title = vscode.l10n.t('Private mentoring notes')): string {
    const notes = this.list(fileKey);
    const lines = [`# ${title}`, '', `_${vscode.l10n.t('{0}: exported from {1}', privateLabel(), fileKey)}_`, ''];
    if (notes.length === 0) lines.push(vscode.l10n.t('No private notes yet.'), '');
    let lastSession: string | undefined | null = null;
    for (const note of [...notes].sort((a, b) => (a.sessionId ?? '').localeCompare(b.sessionId ?? '') || a.created.localeCompare(b.created))) {
      if (note.sessionId !== lastSession) {
        lines.push(`## ${note.sessionId ? vscode.l10n.t('Session {0}', note.sessionId) : vscode.l10n.t('Not tied to a session')}`, '');
        lastSession = note.sessionId;
      }
      lines.push(`- ${note.created.slice(0, 16).replace('T', ' ')} — ${note.text.replace(/\r?\n/g, '\n  ')}`);
    }
    if (notes.length > 0) lines.push('');
    return lines.join('\n');
  }

  /**
   * Another window (or process) writes the same notes file: watch it, so its notes show here
   * without a reload. The file outside the workspace is watched through a pattern on its folder's
   * URI, which VS Code watches wherever it is. Every write is a merge by note id of what is on disk
   * (`update`), so the file is the union of every window's notes: reading it again is the merge.
   */
  private async watch(): Promise<void> {
    this.watcher?.dispose();
    this.watcher = undefined;
    // The folder first: a watcher on a folder not there yet may never see the file appear.
    try {
      await vscode.workspace.fs.createDirectory(this.current);
    } catch {
      /* unwritable: the first write says so */
    }
    if (this.isDisposed) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.current, FILE_NAME));
    const reread = (): void => void this.reread();
    watcher.onDidChange(reread);
    watcher.onDidCreate(reread);
    watcher.onDidDelete(reread);
    this.watcher = watcher;
  }

  /** Reads the file again after a change from outside; fires `onDidChange` when the notes differ. */
  private async reread(): Promise<void> {
    const ticket = ++this.rereads;
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
    } catch {
      text = undefined; // deleted (by its owner): no notes
    }
    const loaded = text === undefined ? [] : parseNotes(text);
    // Unreadable here may be a write seen half-way (no lock on the web): keep what we have; the
    // next write sets an unreadable file aside (`update`), a watcher never does.
    if (loaded === undefined || ticket !== this.rereads || this.isDisposed) return;
    if (serializeNotes(loaded) === serializeNotes(this.notes)) return;
    this.notes = loaded;
    this._onDidChange.fire();
  }

  override dispose(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    super.dispose();
  }

  private async read(): Promise<PrivateNote[]> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      return [];
    }
    const notes = parseNotes(new TextDecoder().decode(bytes));
    if (notes) return notes;
    await this.setAside();
    return [];
  }

  /** Never overwrite notes we cannot read: keep the file aside and say where. */
  private async setAside(): Promise<void> {
    const aside = vscode.Uri.joinPath(this.folder, `private-notes.unreadable-${Date.now()}.json`);
    await vscode.workspace.fs.rename(this.file, aside, { overwrite: false });
    void vscode.window.showWarningMessage(vscode.l10n.t('Your private mentoring notes file could not be read; it was kept as {0} and a new one started.', aside.fsPath));
  }

  /**
   * Applies one change to the notes on disk, as they are when it is written: another window may
   * have added or removed notes since we read (merged by id, `applyNotesChange`). On the desktop
   * this runs under the file's lock and replaces the file by a rename, so two windows never lose
   * a note and a crash never leaves half a file.
   */
  private async update(change: NotesChange, seen?: (onDisk: PrivateNote[]) => void): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    let written: PrivateNote[] | undefined;
    const next = (text: string | undefined): string => {
      const onDisk = text === undefined ? [] : parseNotes(text);
      if (onDisk === undefined) throw new UnreadableNotes();
      seen?.(onDisk);
      written = applyNotesChange(onDisk, change);
      return serializeNotes(written);
    };
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.file.scheme === 'file' && this.platform.updateFile) {
          await this.platform.updateFile(this.file.fsPath, next);
        } else {
          let text: string | undefined;
          try {
            text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
          } catch {
            text = undefined;
          }
          await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(next(text)));
        }
        break;
      } catch (err) {
        if (!(err instanceof UnreadableNotes) || attempt > 0) throw err;
        await this.setAside();
      }
    }
    // A re-read that started before this write read older notes: it must not replace these.
    this.rereads++;
    this.notes = written ?? [];
    this._onDidChange.fire();
  }
}

class UnreadableNotes extends Error {}

function newId(): string {
  return `n-${globalThis.crypto.randomUUID()}`;
}
