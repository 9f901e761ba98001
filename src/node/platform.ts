/** The desktop's `Platform` (src/editor/platform.ts): the CLI's lock and atomic write, Node's real paths. */
import { constants, readFileSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
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
  readLocalFile,
};

/**
 * A regular file's bytes, at most `maxBytes`: opened without blocking (a FIFO named as the file
 * never waits for a writer), checked on the open descriptor, read up to its size; undefined otherwise.
 */
export async function readLocalFile(fsPath: string, maxBytes: number): Promise<Uint8Array | undefined> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(fsPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = await handle.stat();
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const bytes = Buffer.alloc(st.size);
    const { bytesRead } = await handle.read(bytes, 0, st.size, 0);
    return bytesRead === st.size ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err; // unreadable is not empty: never write over it
  }
}
