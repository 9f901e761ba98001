/**
 * What the extension may do with files beyond `vscode.workspace.fs`, given by its entry point:
 * the desktop entry (`src/node/extension.ts`) passes Node's (the CLI's lock, real paths, atomic
 * renames); the web entry passes `WEB_PLATFORM`, which has none of them. No Node built-ins here:
 * the web bundle includes this module.
 */
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
