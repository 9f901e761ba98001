/** Finding, reading, checking and atomically writing mentoring files. */
import { chmodSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileHasErrors, type Diagnostic } from '../core/diagnostics';
import { escapeLine } from '../core/escape';
import { isMentoringPath, isSkippedFolder } from '../core/files';
import { parse, type ParseResult } from '../core/parse/index';
import { Failure, UsageError, type Io } from './io';
import { readMentoringFile } from './readFile';

/**
 * The mentoring files below `root` (the rule of `core/files.ts`: `MENTORING_FILES_IN_WORDS`), sorted.
 * A folder that cannot be read is told to `unreadable` (check reports it: a file in it went unchecked).
 */
export function findMentoringFiles(root: string, unreadable?: (dir: string, err: unknown) => void): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      unreadable?.(dir, err);
      return;
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
  const found = findMentoringFiles(io.cwd);
  if (found.length === 1) return found[0] as string;
  if (found.length === 0) throw new Failure('No mentoring file below this folder. Create one with `mentoring init`, or pass --file PATH.');
  throw new UsageError(`Several mentoring files below this folder; choose one with --file:\n${found.map((f) => `  ${escapeLine(display(io, f))}`).join('\n')}`);
}

/** Load a file for editing; print its errors in the check format and fail when it has any. */
export function loadForEdit(io: Io, path: string, now: Date): Loaded {
  const loaded = load(io, path, now);
  const errors = loaded.result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) io.err(formatText(display(io, path), d) + '\n');
    throw new Failure(fileHasErrors(display(io, path), errors, ' (listed above)'));
  }
  return loaded;
}

/** Write via a temp file in the same folder and a rename, keeping the file's mode. */
export function writeAtomic(path: string, text: string): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', mode: mode ?? 0o644 });
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* the temp file was never created */
    }
    throw new Failure(`Cannot write ${path}: ${reason(err)}`);
  }
}
