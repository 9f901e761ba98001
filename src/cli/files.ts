/** Finding, reading and checking mentoring files (writing them: `write.ts`). */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { blocksEdits, fileHasErrors, type Diagnostic } from '../core/diagnostics';
import { escapeLine } from '../core/escape';
import { parse, type ParseResult } from '../core/parse/index';
import { findMentoringFiles, type SkippedLink } from './find';
import { Failure, UsageError, type Io } from './io';
import { OutsideRoot, realTarget } from '../node/casWrite';
import { ReadFailure, readMentoringFile } from './readFile';

// In its own module so that `mentoring hints` finds the file without loading the parser (yaml, zod).
export { findMentoringFiles, type SkippedLink } from './find';

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

/** The folder holding `.git` at `dir` or above it (at most `limit` levels), or undefined. */
export function repositoryAbove(dir: string, limit: number): string | undefined {
  for (let i = 0; i < limit; i++) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/**
 * Where a link named as the file may lead: the git repository holding the link (a clone's links
 * may not leave the clone; where the target lies does not count, or a link into any other
 * repository on the machine would pass), else the current folder. Files found by a scan were
 * checked against the scan's root already (`findMentoringFiles`).
 */
export function trustRoot(io: Io, path: string): string {
  // Walked up from the link's own folder as named: the repository holding it, not its target's.
  const repo = repositoryAbove(dirname(path), 256);
  if (repo !== undefined) return repo;
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : io.cwd;
}

/**
 * A file named on the command line, refused when it is a symbolic link (or lies behind one) that
 * leads out of its trust root: the scan's rule (`find.ts`) for the files it finds, so naming the
 * file reads no more than checking its folder does. A ReadFailure `symlink-not-followed` at 1:1.
 */
export function namedFile(io: Io, path: string): string {
  try {
    realTarget(path, trustRoot(io, path));
  } catch (err) {
    if (!(err instanceof OutsideRoot)) throw err;
    throw new ReadFailure(
      `${display(io, path)}: is a symbolic link to ${err.target}, outside ${err.root}; it is not followed. Replace the link with the file, or point it inside ${err.root}.`,
      'symlink-not-followed',
    );
  }
  return path;
}

/** The file an editing command works on: `--file` (a link leading out refused: `namedFile`), else the one mentoring file below cwd. */
export function targetFile(io: Io, file: string | undefined): string {
  if (file !== undefined) return namedFile(io, resolve(io.cwd, file));
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
    throw new Failure(fileHasErrors(display(io, path), errors, 'listed-above'));
  }
  return loaded;
}
