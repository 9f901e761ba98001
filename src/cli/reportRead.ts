/**
 * One mentoring file → one report row or one error row (run in `report`'s worker threads and on
 * the main thread alike). Bounded read (`readFile.ts`), then a fast path: js-yaml's loader (about
 * ten times faster than `yaml`'s lossless Document, which a report does not need: it edits nothing
 * and shows no position of a valid file), the same zod schema, the same id and reference checks
 * and the same agreement checks. Anything the fast path is not certain of — a conflict marker,
 * deep nesting, a CR-only file, an alias, any loader error, a schema issue, a reference error, an
 * error of the checks — goes to the full `parse`, which decides, and places an error at its line
 * and column. So a file `check` calls broken is an error row here too (tested side by side on
 * the fixtures, the hostile corpus and generated logs: test/unit/cli/reportRead.test.ts).
 */
import * as jsYaml from 'js-yaml';
import { Document } from 'yaml';
import { runChecks } from '../core/checks';
import type { Diagnostic, Severity } from '../core/diagnostics';
import { parse } from '../core/parse/index';
import { LineIndex, Locator, type Path } from '../core/parse/positions';
import { findConflictMarker, findDeepNesting } from '../core/parse/prescan';
import { crossReferences } from '../core/parse/references';
import { pairRow, type ErrorRow, type PairRow } from '../core/report';
import { MentoringFile } from '../core/schema';
import { Failure } from './io';
import { ReadFailure, readMentoringFile } from './readFile';

/** A file to read: where it is on disk, and how the report names it. */
export interface ReadJob {
  path: string;
  file: string;
  repo: string | null;
}

export type ReadOutcome = { pair: PairRow } | { error: ErrorRow };

export function readPair(job: ReadJob, now: Date): ReadOutcome {
  const where = { file: job.file, repo: job.repo };
  let text: string;
  try {
    text = readMentoringFile(job.path, job.file);
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    const at = err instanceof ReadFailure ? err : { line: 1, column: 1, code: 'unreadable' };
    return { error: { ...where, line: at.line, column: at.column, code: at.code, message: err.message.replace(`${job.file}: `, '') } };
  }
  const fast = fastModel(text, now);
  if (fast) return { pair: pairRow(fast, now, where) };
  const result = parse(text, { now });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first !== undefined || !result.model) {
    const d = first ?? { line: 1, column: 1, code: 'internal', message: 'The file could not be read as a mentoring file.' };
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length === 2 ? '' : 's'}: run \`mentoring check\` on it)` : '';
    return { error: { ...where, line: d.line, column: d.column, code: d.code, message: d.message + more } };
  }
  return { pair: pairRow(result.model, now, where) };
}

// An alias (`*name`) follows a space, a flow indicator, a colon or the start of the text. The
// full parse has the alias budget that stops alias bombs; js-yaml has none, so any text that may
// hold one goes there (a `*` in a note also does: slower, never wrong).
const MAY_HOLD_ALIAS = /(?:^|[\s[{,:])\*/;
// Where the two loaders read a scalar differently: a `%YAML 1.1` directive (timestamps, sexagesimal
// numbers in `yaml`), and the numbers js-yaml's core schema accepts beyond YAML 1.2's (`0b101`,
// `1_000`). Such a text goes to the full parse (a `v2_final` too: slower, never wrong).
const READ_DIFFERENTLY = /^%|0b[01]|\d_/m;

/**
 * The model when the fast path is certain the file has no error, else undefined (the caller
 * then runs the full parse). Never throws.
 */
export function fastModel(text: string, now: Date): MentoringFile | undefined {
  try {
    if (MAY_HOLD_ALIAS.test(text) || READ_DIFFERENTLY.test(text) || findConflictMarker(text) || findDeepNesting(text) !== undefined) return undefined;
    if (!text.includes('\n') && text.includes('\r')) return undefined;
    // CORE_SCHEMA is YAML 1.2's core schema, as `yaml` reads the file: dates stay strings, no
    // merge keys, `!!binary` and other tags are errors. Duplicate keys throw.
    const data: unknown = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    const parsed = MentoringFile.safeParse(data);
    if (!parsed.success) return undefined;
    const found: Diagnostic[] = [];
    crossReferences(data, new Probe(), found);
    if (found.some((d) => d.severity === 'error')) return undefined;
    if (runChecks(parsed.data, { now }).some((f) => f.severity === 'error')) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

/**
 * The reference checks' locator when there is no Document: it only notes what was found (the
 * full parse places it, when the fast path hands the file over).
 */
class Probe extends Locator {
  constructor() {
    super(new Document() as Document.Parsed, new LineIndex(''));
  }

  override at(severity: Severity, code: string, message: string, path: Path): Diagnostic {
    return this.lines.diagnostic(severity, code, message, 0, 0, path);
  }
}
