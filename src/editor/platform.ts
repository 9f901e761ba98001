/**
 * What the extension may do with files beyond `vscode.workspace.fs`, given by its entry point:
 * the desktop entry (`src/node/extension.ts`) passes Node's (the CLI's lock, real paths, atomic
 * renames); the web entry passes `WEB_PLATFORM`, which has none of them. No Node built-ins here:
 * the web bundle includes this module.
 */
import type { Diagnostic } from '../core/diagnostics';
import type { NamedEdit } from '../core/edit/named';
import type { EditResult } from '../core/edit/runner';
import type { MentoringFile } from '../core/schema';
import type { WorkerLog } from './parseWorkerClient';

export interface Platform {
  /** Runs `fn` holding the advisory lock of the file at `fsPath`, the one the CLI takes (`src/node/fileLock.ts`). */
  withFileLock<T>(fsPath: string, fn: () => Promise<T>): Promise<T>;
  /** The real path of `fsPath` (links resolved), or undefined when it does not exist or cannot be known here. */
  realPath(fsPath: string): Promise<string | undefined>;
  /** True when file names compare without letter case (macOS and Windows by default). */
  readonly caseInsensitive: boolean;
  /** True where a `file:` path names this machine's disk (the desktop); the browser's worker reaches none. */
  readonly localDisk?: boolean;
  /**
   * Replaces the file at `fsPath` (UTF-8) with `change(current text)` under its lock, through a
   * temp file and a rename (a compare-and-swap: `change` may run again); absent on the web.
   */
  updateFile?: (fsPath: string, change: (current: string | undefined) => string) => Promise<void>;
  /** git's merge driver for the mentoring files (`src/cli/mergeDriver.ts`); absent where git cannot run (the web). */
  mergeDriver?: MergeDriverPlatform;
  /**
   * Starts a parser off the host's thread, which the store asks for files of at least
   * `PARSE_WORKER_MIN_CHARS`: the desktop's `worker_threads` worker (`src/node/parseWorker.ts`),
   * the browser's Web Worker (`src/web/parseWorker.ts`); `log` is where it says what it did.
   */
  parseWorker?: (log: WorkerLog) => ParseWorker;
  /**
   * The bytes of a regular file on this machine's disk of at most `maxBytes`, read directly (not
   * through `vscode.workspace.fs`, whose round trips are slow while the window starts); undefined
   * for anything else (missing, not a regular file, larger, unreadable). The desktop's; the store
   * reads the file shown last this way at start, to compare it with the parse kept then.
   */
  readLocalFile?: (fsPath: string, maxBytes: number) => Promise<Uint8Array | undefined>;
  /**
   * The last parse of the current file, kept in `folder` (VS Code's storage for the workspace,
   * `ExtensionContext.storageUri`) for the next start: the desktop's (`src/node/parseCache.ts`);
   * absent on the web, where the file is read and parsed as it is found.
   */
  parseCache?: (folder: string) => ParseCache;
}

/**
 * Texts of at least this many characters (about 32 KB) are parsed in the worker, when there is
 * one. Below it a parse on the host's thread costs a few milliseconds (about 3 ms at 32 KB, 80 ms
 * for the 880 KB ten-year log), about what handing the result over costs; docs/speed.md.
 */
export const PARSE_WORKER_MIN_CHARS = 32 * 1024;

/** A parse's result as it crosses from the worker: plain data (structured-cloneable), no Document. */
export interface WorkerParseResult {
  ok: boolean;
  model?: MentoringFile;
  diagnostics: Diagnostic[];
}

/** What the store asks a parse worker; `parse` rejects when the worker failed (the store then parses in-process). */
export interface ParseWorker {
  /**
   * The parse of `text` checked at `now`, or `'stale'` when a newer text for the same `key` was
   * asked for before this one's result came back (that result is discarded).
   */
  parse(key: string, text: string, now: Date): Promise<WorkerParseResult | 'stale'>;
  /** Runs a named operation on `text` there (`runNamedEdit`, core/edit/named.ts): the result is the same as here. */
  edit(text: string, edit: NamedEdit, now: Date): Promise<EditResult>;
  dispose(): void;
}

/** The parse cache's side the store sees (`Platform.parseCache`). */
export interface ParseCache {
  /** The parse kept last (which file it is of), or undefined when there is none usable. */
  read(): Promise<KeptParse | undefined>;
  /**
   * Keeps `result` as the parse of `text` made on `day`, the state of the file `uri` (a `vscode.Uri`
   * string), replacing what was kept; true when it wrote, false when that text and day were kept
   * already (or cannot be). Writes run one after another.
   */
  write(uri: string, text: string, result: WorkerParseResult, day: string): Promise<boolean>;
}

export interface KeptParse {
  /** The file it is of (a `vscode.Uri` string). */
  readonly uri: string;
  /**
   * The kept result when it is the parse of exactly `text` made on `day` (the local date: the
   * agreement's checks depend on it, so a parse of another day is not shown), else undefined.
   */
  resultOf(text: string, day: string): WorkerParseResult | undefined;
}

/** The merge driver of the repository holding a folder, run by git as the bundled CLI under this host's Node. */
export interface MergeDriverPlatform {
  /** `none`: `folderPath` is in no git work tree (or git is missing); `installed`: this driver is registered already. */
  state(folderPath: string): Promise<'none' | 'installed' | 'missing'>;
  /** Adds the `.gitattributes` lines and the git config; resolves with what was done, in words; rejects with why not. */
  install(folderPath: string): Promise<string>;
  /**
   * Re-registers the driver when the repository's line is one this editor wrote whose Node or
   * script no longer exists (after an update of the extension or the editor); resolves with the
   * repository's top folder when it did, undefined when nothing was changed.
   */
  repair(folderPath: string): Promise<string | undefined>;
}

/** The web worker: no locks, no real paths, no renames beyond `vscode.workspace.fs`. */
export const WEB_PLATFORM: Platform = {
  withFileLock: (_fsPath, fn) => fn(),
  realPath: async () => undefined,
  caseInsensitive: false,
};

/**
 * True when `path` is `root` or below it. Both are real (links resolved) absolute paths with `/`
 * or `\` separators; `caseInsensitive` compares as the file system does (`Platform.caseInsensitive`).
 */
export function isWithinPath(path: string, root: string, caseInsensitive: boolean): boolean {
  const norm = (p: string): string => {
    const slashed = p.replace(/\\/g, '/').replace(/\/+$/, '');
    return caseInsensitive ? slashed.toLowerCase() : slashed;
  };
  const p = norm(path);
  const r = norm(root);
  return p === r || p.startsWith(r === '' ? '/' : `${r}/`);
}
