/** Finding, reading and checking mentoring files (writing them: `write.ts`). */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { isWithin } from '../node/casWrite';
import { blocksEdits, fileHasErrors, type Diagnostic } from '../core/diagnostics';
import { escapeLine } from '../core/escape';
import { isMentoringPath, isSkippedFolder, MENTORING_FOLDER } from '../core/files';
import { parse, type ParseResult } from '../core/parse/index';
import { Failure, UsageError, type Io } from './io';
import { readMentoringFile } from './readFile';

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

/** A path as shown to the user: relative to cwd when below it. */
export function display(io: Io, file: string): string {
  const rel = relative(io.cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

/** One problem as one line: the file name and the message carry file text, so both are escaped (core/escape.ts). */
export function formatText(file: string, d: Pick<Diagnostic, 'line' | 'column' | 'severity' | 'message' | 'code'>): string {
  return `${escapeLine(file)}:${d.line}:${d.column}: ${d.severity}: ${escapeLine(d.message)} [${escapeLine(d.code)}]`;
}

export type Loaded = { path: string; text: string; result: ParseResult };

/** Read and parse; a missing, unreadable, odd or non-UTF-8 file is a ReadFailure (a Failure) in words. */
export function load(io: Io, path: string, now: Date): Loaded {
  // Bounded, regular files only, strict UTF-8: readFile.ts.
  const text = readMentoringFile(path, display(io, path));
  return { path, text, result: parse(text, { now }) };
}

export function reason(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EISDIR') return 'it is a folder.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  return err instanceof Error ? err.message : String(err);
}

/** The file an editing command works on: `--file`, else the one mentoring file below cwd. */
export function targetFile(io: Io, file: string | undefined): string {
  if (file !== undefined) return resolve(io.cwd, file);
  const skipped: SkippedLink[] = [];
  const found = findMentoringFiles(io.cwd, skipped);
  if (found.length === 1) return found[0] as string;
  const links = skipped.map((s) => `\n  ${escapeLine(display(io, s.path))} ${escapeLine(s.message)}`).join('');
  if (found.length === 0) throw new Failure(`No mentoring file below this folder. Create one with \`mentoring init\`, or pass --file PATH.${links}`);
  throw new UsageError(`Several mentoring files below this folder; choose one with --file:\n${found.map((f) => `  ${escapeLine(display(io, f))}`).join('\n')}`);
}

/** Load a file for editing; print its errors in the check format and fail when it has any. */
export function loadForEdit(io: Io, path: string, now: Date): Loaded {
  const loaded = load(io, path, now);
  const errors = loaded.result.diagnostics.filter(blocksEdits);
  if (errors.length > 0) {
    for (const d of errors) io.err(formatText(display(io, path), d) + '\n');
    throw new Failure(fileHasErrors(display(io, path), errors, ' (listed above)'));
  }
  return loaded;
}
