/**
 * Whether a path lies within a folder, on its own: the CLI's file search (src/cli/find.ts) needs
 * only this, and importing it from ./casWrite would load node:crypto (and the lock) into every
 * `mentoring hints` run, about 10 ms of start-up.
 */
import { isAbsolute, relative } from 'node:path';

/** True when `path` is `root` or below it (both real, absolute paths). */
export function isWithin(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
