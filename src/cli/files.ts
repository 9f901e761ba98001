/** Finding, reading, checking and atomically writing mentoring files. */
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileHasErrors, type Diagnostic } from '../core/diagnostics';
import { parse, type ParseResult } from '../core/parse/index';
import { findMentoringFiles } from './find';
import { Failure, UsageError, type Io } from './io';

// In its own module so that `mentoring hints` finds the file without loading the parser (yaml, zod).
export { findMentoringFiles } from './find';

/** A path as shown to the user: relative to cwd when below it. */
export function display(io: Io, file: string): string {
  const rel = relative(io.cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

export function formatText(file: string, d: Pick<Diagnostic, 'line' | 'column' | 'severity' | 'message' | 'code'>): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

export type Loaded = { path: string; text: string; result: ParseResult };

/** Read and parse; a missing or unreadable file is a Failure with the OS reason in words. */
export function load(io: Io, path: string, now: Date): Loaded {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Failure(`${display(io, path)}: cannot read the file: ${reason(err)}`);
  }
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
  throw new UsageError(`Several mentoring files below this folder; choose one with --file:\n${found.map((f) => `  ${display(io, f)}`).join('\n')}`);
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
