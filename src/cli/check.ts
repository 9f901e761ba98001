/** `mentoring check [FILE...]`: diagnostics as text, JSON or GitHub annotations; exit 1 on any error. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommand, str } from './args';
import { MENTORING_FILES_IN_WORDS } from '../core/files';
import { display, findMentoringFiles, formatText, load, namedFile, reason, type SkippedLink } from './files';
import { annotation } from './github';
import { clock, Failure, UsageError, type Io } from './io';
import { ReadFailure } from './readFile';

export const CHECK_USAGE = `Usage: mentoring check [FILE|FOLDER...] [--format text|json|github]

Checks mentoring files (a FOLDER, and the default \`.\`, stand for every
${MENTORING_FILES_IN_WORDS} below it) and prints one line per problem:
  FILE:LINE:COL: error|warning|info: message [code]
Exit 0 when there is no error, 1 when there is any, 2 on a usage error.

Options:
  --format text|json|github  text (default); json: one array of
                             {file,line,column,severity,message,code}; github: Actions annotations
  -h, --help                 show this help`;

interface Row {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  code: string;
}

export async function check(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { format: { type: 'string' } }, CHECK_USAGE);
  if (p.help) return io.out(CHECK_USAGE + '\n'), 0;
  const format = str(p, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'github') {
    throw new UsageError(`--format must be text, json or github, not "${format}".`, CHECK_USAGE);
  }
  const now = clock(io.env);
  // A folder argument stands for the mentoring files below it, like the default `.`.
  const skipped: SkippedLink[] = [];
  const rows: Row[] = [];
  const files = (p.positionals.length > 0 ? p.positionals : ['.']).flatMap((f) => {
    const path = resolve(io.cwd, f);
    return isFolder(path)
      ? findMentoringFiles(path, skipped, (dir, err) => {
          rows.push({ file: display(io, dir), line: 1, column: 1, severity: 'warning', code: 'unreadable-folder',
            message: `This folder could not be read (${reason(err).replace(/\.$/, '')}), so a mentoring file in it was not checked. Give read access, or check its files by name.` });
        })
      : [path];
  });
  // A file named here is held to the scan's rule for links (files.ts `namedFile`).
  const named = new Set(p.positionals.map((f) => resolve(io.cwd, f)).filter((f) => !isFolder(f)));
  // A mentoring file behind a link that leads out of the folder checked was not read: an error,
  // so CI does not pass on a file nobody checked.
  for (const s of skipped) rows.push({ file: display(io, s.path), line: 1, column: 1, severity: 'error', message: s.message, code: 'symlink-not-followed' });
  for (const file of files) {
    const shown = display(io, file);
    try {
      const { result } = load(io, named.has(file) ? namedFile(io, file) : file, now);
      for (const d of result.diagnostics) {
        rows.push({ file: shown, line: d.line, column: d.column, severity: d.severity, message: d.message, code: d.code });
      }
    } catch (err) {
      if (!(err instanceof Failure)) throw err;
      const at = err instanceof ReadFailure ? err : { line: 1, column: 1, code: 'unreadable' };
      rows.push({ file: shown, line: at.line, column: at.column, severity: 'error', message: err.message.replace(`${shown}: `, ''), code: at.code });
    }
  }
  const errors = rows.filter((r) => r.severity === 'error').length;
  if (format === 'json') {
    io.out(JSON.stringify(rows, null, 2) + '\n');
  } else if (format === 'github') {
    for (const r of rows) {
      const level = r.severity === 'info' ? 'notice' : r.severity;
      io.out(annotation(level, { file: r.file, line: r.line, col: r.column, title: `mentoring ${r.code}` }, r.message) + '\n');
    }
  } else {
    for (const r of rows) io.out(formatText(r.file, r) + '\n');
    if (files.length === 0) io.err(`No mentoring files found (looked for ${MENTORING_FILES_IN_WORDS}).\n`);
    else {
      const warnings = rows.filter((r) => r.severity === 'warning').length;
      io.err(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
    }
  }
  return errors > 0 ? 1 : 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // reported as unreadable when it is read
  }
}
