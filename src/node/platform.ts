/** The desktop's `Platform` (src/editor/platform.ts): the CLI's lock and atomic write, Node's real paths. */
import { readFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import type { Platform } from '../editor/platform';
import { casWrite, realTarget } from './casWrite';
import { withLock } from './fileLock';

export const NODE_PLATFORM: Platform = {
  // The lock sits next to the real file, as the CLI's does, so an editor save and a CLI write
  // through a link to the same file wait for each other.
  withFileLock: (fsPath, fn) => withLock(realTarget(fsPath), fn, { timeoutMs: 5_000 }),
  realPath: async (fsPath) => {
    try {
      return await realpath(fsPath);
    } catch {
      return undefined;
    }
  },
  caseInsensitive: process.platform === 'darwin' || process.platform === 'win32',
  localDisk: true,
  updateFile: async (fsPath, change) => {
    await casWrite(fsPath, () => ({ text: change(readOrUndefined(fsPath)), value: undefined }), { timeoutMs: 5_000 });
  },
};

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err; // unreadable is not empty: never write over it
  }
}
