/**
 * The report as JSON, CSV and Markdown (the HTML page: `reportHtml.ts`). Every text cell comes
 * from a file someone else may have written (names, paths, messages), so each format escapes it
 * its own way: CSV quotes by RFC 4180 and defuses spreadsheet formulas, Markdown escapes its
 * syntax and the table's pipes, and all of them show control characters as `\u…` (`escape.ts`).
 */
import { escapeLine } from './escape';
import { REPORT_COLUMNS, type PairRow, type Report } from './report';
import { inline } from './summary';

export type ReportFormat = 'json' | 'csv' | 'md' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'csv', 'md', 'html'];

/** `{ "pairs": [...], "errors": [...] }`, two-space indented, one trailing newline. */
export function reportJson(report: Report): string {
  return `${JSON.stringify({ pairs: report.pairs, errors: report.errors }, null, 2)}\n`;
}

/** A cell as people read it: yes/no, a percentage for the cadence share, empty for nothing. */
export function cellText(row: PairRow, key: keyof PairRow): string {
  const v = row[key];
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (key === 'cadenceKept' && typeof v === 'number') return `${Math.round(v * 100)}%`;
  return String(v);
}

/**
 * One header row of the JSON keys, then one record per pair; `eol` ends every record (RFC 4180's
 * CRLF by default). Errors are not rows of this table: the CLI prints them on stderr.
 */
export function reportCsv(report: Report, eol = '\r\n'): string {
  const lines = [REPORT_COLUMNS.map((c) => csvField(c.key)).join(',')];
  for (const row of report.pairs) {
    lines.push(
      REPORT_COLUMNS.map(({ key }) => {
        const v = row[key];
        if (v === null) return '';
        if (typeof v === 'number') return String(key === 'cadenceKept' ? Math.round(v * 10_000) / 10_000 : v);
        if (typeof v === 'boolean') return v ? 'true' : 'false';
        return csvField(v);
      }).join(','),
    );
  }
  return lines.join(eol) + eol;
}

/**
 * A text field: control characters shown as `\u…`, a leading `=`, `+`, `-`, `@` (or tab, CR)
 * prefixed with `'` so a spreadsheet shows it instead of running it as a formula (OWASP's CSV
 * injection advice), quoted when it holds a comma, a quote or a line break, quotes doubled.
 */
export function csvField(text: string): string {
  let s = escapeLine(text);
  if (/^[=+\-@\t\r]/.test(text)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A Markdown table of the pairs, then the errors as a list; every text cell escaped. */
export function reportMarkdown(report: Report): string {
  const out: string[] = ['# Mentoring report', ''];
  out.push(`${report.pairs.length} pair${report.pairs.length === 1 ? '' : 's'}, ${report.errors.length} file${report.errors.length === 1 ? '' : 's'} with errors.`, '');
  if (report.pairs.length > 0) {
    out.push(`| ${REPORT_COLUMNS.map((c) => c.title).join(' | ')} |`);
    out.push(`|${REPORT_COLUMNS.map((c) => (typeof report.pairs[0]?.[c.key] === 'number' ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const row of report.pairs) out.push(`| ${REPORT_COLUMNS.map((c) => mdCell(cellText(row, c.key))).join(' | ')} |`);
    out.push('');
  }
  if (report.errors.length > 0) {
    out.push('## Files with errors', '');
    for (const e of report.errors) {
      const where = `${e.repo !== null ? `${e.repo} ` : ''}${e.file}:${e.line}:${e.column}`;
      out.push(`- ${mdCell(where)}: ${mdCell(e.message)} (${mdCell(e.code)})`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A table cell: Markdown syntax escaped (`summary.ts`'s `inline`, which escapes `|` too), control characters shown. */
function mdCell(text: string): string {
  return escapeLine(inline(text));
}
