/** Finding the mentoring files below a folder: no parser, so a command that only looks costs nothing more. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMentoringPath, isSkippedFolder, MENTORING_FOLDER } from '../core/files';
import { isWithin } from '../node/within';

/** A link the scan met and did not follow, and why (reported by `check`, never silently dropped). */
export interface SkippedLink {
  path: string;
  message: string;
}

/**
 * The mentoring files below `root` (the rule of `core/files.ts`: `MENTORING_FILES_IN_WORDS`), sorted.
 * Symbolic links are followed as the editor's search follows them, but only while their target
 * stays inside `root` (a cloned repository must not make us read elsewhere); the others go to
 * `skipped`. Each real folder is walked once, so a link cycle ends. A folder that cannot be read is
 * told to `unreadable` (check reports it: a file in it went unchecked).
 */
export function findMentoringFiles(root: string, skipped: SkippedLink[] = [], unreadable?: (dir: string, err: unknown) => void): string[] {
  const found: string[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return found;
  }
  const walked = new Set<string>();
  const walk = (dir: string, realDir: string): void => {
    if (walked.has(realDir)) return;
    walked.add(realDir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable?.(dir, err);
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let real = join(realDir, e.name);
      if (e.isSymbolicLink()) {
        try {
          real = realpathSync(full);
          const st = statSync(real);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          if (isMentoringPath(`${basename(dir)}/${e.name}`)) skipped.push({ path: full, message: 'is a symbolic link to a file that does not exist.' });
          continue;
        }
        if (!isWithin(real, realRoot)) {
          const named = isFile ? isMentoringPath(`${basename(dir)}/${e.name}`) : isDir && e.name === MENTORING_FOLDER;
          if (named) skipped.push({ path: full, message: `is a symbolic link to ${real}, outside ${root}; it was not checked. Replace the link with the file, or point it inside ${root}.` });
          continue;
        }
      }
      if (isDir) {
        if (!isSkippedFolder(e.name)) walk(full, real);
      } else if (isFile) {
        // The rule reads only the name and its folder's name, so the OS separator never matters.
        if (isMentoringPath(`${basename(dir)}/${e.name}`)) found.push(full);
      }
    }
  };
  walk(root, realRoot);
  return found.sort();
}
