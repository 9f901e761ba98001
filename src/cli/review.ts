/**
 * `mentoring review FILE...`: the review-comment hints of review Markdown files (as the editor
 * gives them for `mentoring.hints.markdownGlob`), each at its line and column — as text, JSON or
 * GitHub annotations (the Action runs it on a pull request's changed review files). Code blocks,
 * front matter and HTML comments are skipped, and `<!-- mentoring-hints-ignore RULE -->` is kept,
 * by the same core functions the editor uses. Hints are suggestions: exit 0 whatever is found.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeLine } from '../core/escape';
import { findHints } from '../core/hints/index';
import { hintsIn, ignoredRules, mergeHintOptions, segmentsOf } from '../core/hints/commentText';
import { parseCommand, str } from './args';
import { display, reason } from './files';
import { annotation } from './github';
import { teamOptions } from './hints';
import { UsageError, type Io } from './io';

export const REVIEW_USAGE = `Usage: mentoring review FILE... [--format text|json|github] [--file PATH]

Review-comment hints for review Markdown files (e.g. *.review.md), one line per hint:
  FILE:LINE:COL: warning: message [rule]
Code blocks, front matter and HTML comments are skipped; <!-- mentoring-hints-ignore RULE -->
in a file ignores a rule there. Exit 0 (hints are suggestions), 1 when a file cannot be read.

Options:
  --format text|json|github  text (default); json: one array of {file,line,column,endLine,
                             endColumn,rule,category,message,rewrites}; github: Actions annotations
  --file PATH                apply the team's \`hints:\` block of this mentoring file
                             (default: the one mentoring file below this folder, if there is one)
  -h, --help                 show this help`;

/** Review files are prose written by people: a few MB at most. Larger is refused unread. */
const MAX_REVIEW_BYTES = 2 * 1024 * 1024;

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  category: string;
  message: string;
  rewrites: string[];
}

export async function review(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { format: { type: 'string' }, file: { type: 'string' } }, REVIEW_USAGE);
  if (p.help) return io.out(REVIEW_USAGE + '\n'), 0;
  const format = str(p, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'github') throw new UsageError(`--format must be text, json or github, not "${format}".`, REVIEW_USAGE);
  if (p.positionals.length === 0) throw new UsageError('Give the review files to read.', REVIEW_USAGE);
  const team = await teamOptions(io, str(p, 'file'));
  const rows: Row[] = [];
  let unreadable = 0;
  for (const f of p.positionals) {
    const path = resolve(io.cwd, f);
    const shown = display(io, path);
    let text: string;
    try {
      text = readBounded(path);
    } catch (err) {
      unreadable++;
      io.err(`mentoring review: ${escapeLine(shown)}: ${reason(err)}\n`);
      continue;
    }
    const options = mergeHintOptions(
      { disabledCategories: team?.disabledCategories ?? [], disabledRules: team?.disabledRules ?? [], extraJudgmentWords: team?.extraJudgmentWords ?? [] },
      undefined,
      ignoredRules(text),
    );
    const at = lineIndex(text);
    for (const h of hintsIn(text, segmentsOf(text, 'markdown'), findHints, options)) {
      const start = at(h.start);
      const end = at(h.end);
      rows.push({ file: shown, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
        rule: h.rule, category: h.category, message: h.message, rewrites: h.rewrites });
    }
  }
  if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'github') {
    for (const r of rows) {
      const ask = r.rewrites.find((w) => w.endsWith('?'));
      const body = ask ? `${r.message} As a question: "${ask}"` : r.message;
      io.out(annotation('warning', { file: r.file, line: r.line, col: r.column, endLine: r.endLine, endColumn: r.endColumn, title: `mentoring hint ${r.rule}` }, body) + '\n');
    }
  } else {
    for (const r of rows) io.out(`${escapeLine(r.file)}:${r.line}:${r.column}: warning: ${escapeLine(r.message)} [${r.rule}]\n`);
    io.err(`${p.positionals.length - unreadable} review file${p.positionals.length - unreadable === 1 ? '' : 's'} read: ${rows.length} hint${rows.length === 1 ? '' : 's'}.\n`);
  }
  return unreadable > 0 ? 1 : 0;
}

/** A regular file's text, refused above MAX_REVIEW_BYTES before it is read (no FIFO, no /dev/zero). */
function readBounded(path: string): string {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused as not a regular file)
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error('not a regular file.');
    if (st.size > MAX_REVIEW_BYTES) throw new Error(`it is ${st.size} bytes; review files over ${MAX_REVIEW_BYTES} bytes are not read.`);
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < st.size) {
      const got = readSync(fd, buf, n, st.size - n, n);
      if (got === 0) break;
      n += got;
    }
    return new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(0, n)).replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/** 1-based line and column (UTF-16 units, as editors and GitHub count them) of an offset. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}
