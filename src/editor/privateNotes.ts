/**
 * Private notes: a mentor's or mentee's own notes per session.
 * They are never written under a workspace folder: they live in the extension's
 * storage on this machine (or a folder the user chose outside every workspace),
 * survive restarts, and can be exported by their owner. Everything that shows them
 * says so with PRIVATE_LABEL.
 */
import * as vscode from 'vscode';
import { z } from 'zod';
import { Disposable } from './lifecycle';

export const PRIVATE_LABEL = 'private — only on this machine';

export interface PrivateNote {
  id: string;
  /** Which mentoring file the note belongs to (see `fileKeyOf`). */
  fileKey: string;
  sessionId?: string | undefined;
  text: string;
  /** ISO 8601 instant. */
  created: string;
}

const NoteSchema = z.object({
  id: z.string().min(1),
  fileKey: z.string().min(1),
  sessionId: z.string().optional(),
  text: z.string(),
  created: z.string(),
});
const StoreSchema = z.object({ version: z.literal(1), notes: z.array(NoteSchema) });

const FILE_NAME = 'private-notes.json';

/** The key notes are filed under: the mentoring file's URI. */
export function fileKeyOf(uri: vscode.Uri): string {
  return uri.toString();
}

/** True when `uri` is one of `folders` or inside one of them (same scheme and authority). */
export function isInside(uri: vscode.Uri, folders: readonly vscode.Uri[]): boolean {
  return folders.some((folder) => {
    if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return false;
    const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
    return uri.path === folder.path || uri.path.startsWith(base);
  });
}

/**
 * Where notes are kept: the folder from `mentoring.privateNotes.folder` when it is
 * set and outside every workspace folder, otherwise the extension's global storage.
 * Returns why a configured folder was not used, so the caller can say so.
 */
export function notesFolder(
  globalStorage: vscode.Uri,
  configured: string | undefined,
  workspaceFolders: readonly vscode.Uri[],
): { folder: vscode.Uri; problem?: string } {
  const wanted = configured?.trim();
  if (!wanted) return { folder: globalStorage };
  let uri: vscode.Uri;
  try {
    uri = /^[a-z][a-z0-9+.-]+:/i.test(wanted) && !/^[a-z]:[\\/]/i.test(wanted) ? vscode.Uri.parse(wanted, true) : vscode.Uri.file(wanted);
  } catch {
    return { folder: globalStorage, problem: `The private notes folder "${wanted}" is not a valid path; notes stay in the extension's storage.` };
  }
  if (isInside(uri, workspaceFolders) || workspaceFolders.some((f) => isInside(f, [uri]))) {
    return {
      folder: globalStorage,
      problem: `The private notes folder "${wanted}" overlaps an open workspace folder, where notes could be committed; they stay in the extension's storage instead. Choose a folder outside your repositories in the setting mentoring.privateNotes.folder.`,
    };
  }
  return { folder: uri };
}

export class PrivateNotes extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange: vscode.Event<void> = this._onDidChange.event;
  private notes: PrivateNote[] = [];
  /** The JSON file holding every note. */
  readonly file: vscode.Uri;

  private constructor(
    readonly folder: vscode.Uri,
    private readonly now: () => Date,
  ) {
    super();
    this.file = vscode.Uri.joinPath(folder, FILE_NAME);
  }

  /** Resolves once the notes on disk have been read (`onDidChange` fires then too). */
  ready: Promise<void> = Promise.resolve();

  /**
   * Starts reading the notes in the background and returns at once, so activation
   * does not wait for the disk; `list` is empty until `ready` resolves.
   */
  static create(folder: vscode.Uri, now: () => Date = () => new Date()): PrivateNotes {
    const notes = new PrivateNotes(folder, now);
    notes.ready = notes.read().then(
      (loaded) => {
        notes.notes = loaded;
        notes._onDidChange.fire();
      },
      (err: unknown) => {
        void vscode.window.showWarningMessage(`Your private mentoring notes could not be read: ${String(err)}`);
      },
    );
    return notes;
  }

  static async load(folder: vscode.Uri, now: () => Date = () => new Date()): Promise<PrivateNotes> {
    const notes = PrivateNotes.create(folder, now);
    await notes.ready;
    return notes;
  }

  /** Notes for one mentoring file (optionally one session), oldest first. */
  list(fileKey: string, sessionId?: string): PrivateNote[] {
    return this.notes
      .filter((n) => n.fileKey === fileKey && (sessionId === undefined || n.sessionId === sessionId))
      .sort((a, b) => a.created.localeCompare(b.created));
  }

  async add(note: { fileKey: string; sessionId?: string; text: string }): Promise<PrivateNote> {
    const text = note.text.trim();
    if (!text) throw new Error('A private note needs some text.');
    const created: PrivateNote = {
      id: newId(),
      fileKey: note.fileKey,
      ...(note.sessionId ? { sessionId: note.sessionId } : {}),
      text,
      created: this.now().toISOString(),
    };
    await this.ready;
    // Another window may have written since we loaded: merge with what is on disk.
    await this.write([...(await this.read()).filter((n) => n.id !== created.id), created]);
    return created;
  }

  async remove(id: string): Promise<boolean> {
    await this.ready;
    const onDisk = await this.read();
    const kept = onDisk.filter((n) => n.id !== id);
    if (kept.length === onDisk.length && !this.notes.some((n) => n.id === id)) return false;
    await this.write(kept);
    return true;
  }

  /** The notes of one mentoring file as Markdown, for their owner to keep elsewhere. */
  export(fileKey: string, title = 'Private mentoring notes'): string {
    const notes = this.list(fileKey);
    const lines = [`# ${title}`, '', `_${PRIVATE_LABEL}: exported from ${fileKey}_`, ''];
    if (notes.length === 0) lines.push('No private notes yet.', '');
    let lastSession: string | undefined | null = null;
    for (const note of [...notes].sort((a, b) => (a.sessionId ?? '').localeCompare(b.sessionId ?? '') || a.created.localeCompare(b.created))) {
      if (note.sessionId !== lastSession) {
        lines.push(`## ${note.sessionId ? `Session ${note.sessionId}` : 'Not tied to a session'}`, '');
        lastSession = note.sessionId;
      }
      lines.push(`- ${note.created.slice(0, 16).replace('T', ' ')} — ${note.text.replace(/\r?\n/g, '\n  ')}`);
    }
    if (notes.length > 0) lines.push('');
    return lines.join('\n');
  }

  private async read(): Promise<PrivateNote[]> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      return [];
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      parsed = undefined;
    }
    const checked = StoreSchema.safeParse(parsed);
    if (checked.success) return checked.data.notes.map((n) => ({ ...n }));
    // Never overwrite notes we cannot read: keep the file aside and say where.
    const aside = vscode.Uri.joinPath(this.folder, `private-notes.unreadable-${Date.now()}.json`);
    await vscode.workspace.fs.rename(this.file, aside, { overwrite: false });
    void vscode.window.showWarningMessage(`Your private mentoring notes file could not be read; it was kept as ${aside.fsPath} and a new one started.`);
    return [];
  }

  private async write(notes: PrivateNote[]): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    const body = JSON.stringify({ version: 1, notes }, null, 2) + '\n';
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(body));
    this.notes = notes;
    this._onDidChange.fire();
  }
}

function newId(): string {
  return `n-${globalThis.crypto.randomUUID()}`;
}
