/** Finding the mentoring files below a folder: no parser, so a command that only looks costs nothing more. */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMentoringPath, isSkippedFolder } from '../core/files';

/** The mentoring files below `root` (the rule of `core/files.ts`: `MENTORING_FILES_IN_WORDS`), sorted. */
export function findMentoringFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing we can check
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!isSkippedFolder(e.name)) walk(full);
      } else if (e.isFile()) {
        // The rule reads only the name and its folder's name, so the OS separator never matters.
        if (isMentoringPath(`${basename(dir)}/${e.name}`)) found.push(full);
      }
    }
  };
  walk(root);
  return found.sort();
}
