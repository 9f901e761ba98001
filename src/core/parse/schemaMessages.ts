/**
 * zod's issues turned into messages that say what is wrong and what to write instead (the
 * expected format from the schema's own metadata, a likely fix for a malformed date), each at
 * its node. Used by `parseText` (index.ts).
 */
import * as z from 'zod/mini';
import type { Diagnostic } from '../diagnostics';
import { MentoringFile } from '../schema';
import { formatPath, numberAsWritten, type Locator, type Path } from './positions';
import { unwrap, type AnySchema } from './plain';

/** Schema problems listed before the rest are summed up in one line (a file of 2,000 broken items is one mistake, repeated). */
const MAX_SCHEMA_DIAGNOSTICS = 200;

/** One diagnostic per node with a problem, in zod's order, up to {@link MAX_SCHEMA_DIAGNOSTICS}. */
export function reportSchemaIssues(issues: readonly z.core.$ZodIssue[], data: unknown, locator: Locator, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  let shown = 0;
  for (const issue of issues) {
    const key = JSON.stringify(issue.path);
    if (seen.has(key)) continue; // one message per node: the first says the most (format before calendar)
    seen.add(key);
    if (shown++ === MAX_SCHEMA_DIAGNOSTICS) {
      const last = diagnostics[diagnostics.length - 1];
      const rest = issues.length - MAX_SCHEMA_DIAGNOSTICS;
      diagnostics.push(locator.lines.diagnostic('error', 'schema',
        `About ${rest} more problems like these are not listed: fix the ones above, then check again.`,
        last?.offset ?? 0, last?.endOffset ?? 0));
      break;
    }
    diagnostics.push(schemaDiagnostic(issue, data, locator));
  }
}

/** The zod schema for a path into the file (list indexes step into the element schema). */
function schemaAt(schema: AnySchema, path: Path): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  for (const seg of path) {
    if (!s) return undefined;
    const inner = unwrap(s);
    if (inner instanceof z.ZodMiniObject && typeof seg === 'string') s = (inner.shape as Record<string, AnySchema>)[seg];
    else if (inner instanceof z.ZodMiniArray && typeof seg === 'number') s = inner._zod.def.element;
    else return undefined;
  }
  return s;
}

/** "a calendar date, YYYY-MM-DD (e.g. 2026-11-19)" from a schema's metadata, or its enum values. */
function describeSchema(schema: AnySchema | undefined): string | undefined {
  if (!schema) return undefined;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodMiniEnum) return `one of ${(inner.options as unknown[]).map(String).join(', ')}`;
  for (const s of [schema, inner]) {
    const meta = z.globalRegistry.get(s);
    if (meta?.description) {
      const example = Array.isArray(meta.examples) && meta.examples.length > 0 ? `, e.g. ${String(meta.examples[0])}` : '';
      return `${meta.description.replace(/\.$/, '')}${example}`.replace(/^A /, 'a ');
    }
  }
  return undefined;
}

function valueAt(data: unknown, path: Path): { exists: boolean; value: unknown } {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return { exists: false, value: undefined };
    const rec = cur as Record<string | number, unknown>;
    if (!Object.prototype.hasOwnProperty.call(rec, seg)) return { exists: false, value: undefined };
    cur = rec[seg];
  }
  return { exists: true, value: cur };
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `\`${value}\` (true/false)`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

/** `{ 2026-09-01 }` reads as a mapping of one key with no value: say that the braces did it. */
function bracesHint(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
  const entries = Object.entries(value);
  if (entries.length !== 1 || entries[0]?.[1] !== null) return '';
  return ` (the braces make \`{ ${entries[0][0]} }\` a mapping: write the value without them)`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
  array: 'a list',
  boolean: 'true or false',
  int: 'a whole number',
};

/** A likely intended value for a malformed date or date-time (for the message and quick fixes). */
function suggestFix(value: string, problem: string): string | undefined {
  const v = value.trim();
  if (/date and time/.test(problem)) {
    const m = /^(\d{4}-\d{2}-\d{2})[ _t](\d{2}:\d{2}(?::\d{2})?)(.*)$/i.exec(v);
    if (m) return `${m[1]}T${m[2]}${(m[3] ?? '').trim()}`;
  } else if (/YYYY-MM-DD/.test(problem)) {
    const m = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(v);
    if (m) return m[1];
  }
  return undefined;
}

function missingMessage(parent: Path, name: string, about: string | undefined, exact?: string): string {
  const where = parent.length === 0 ? 'The file is missing the required top-level field' : `\`${formatPath(parent)}\` is missing the required field`;
  return exact !== undefined ? `${where} \`${name}\`: add \`${name}: ${exact}\`.` : `${where} \`${name}\`: add \`${name}:\` (${about ?? 'a value'}).`;
}

function schemaDiagnostic(issue: z.core.$ZodIssue, data: unknown, locator: Locator): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = formatPath(path);
  const { exists, value } = valueAt(data, path);
  let message: string;
  const extra: Record<string, unknown> = {};
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (path[path.length - 1] === 'rating' && exists && typeof value === 'number') {
        message = `\`${field}\` is a whole number from 1 to 5, not ${describe(value)}.`;
      } else if (!exists) {
        const parent = path.slice(0, -1);
        const name = String(path[path.length - 1]);
        const about = describeSchema(schemaAt(MentoringFile, path));
        message = missingMessage(parent, name, about ?? expected);
        extra.missing = name;
      } else if (issue.expected === 'string' && typeof value === 'number') {
        const written = numberAsWritten(locator, path, value);
        message = `\`${field}\` must be text, but YAML reads the number ${written}${written !== String(value) ? ` (as ${String(value)}: too long to keep exactly)` : ''}: put it in quotes, e.g. "${written}".`;
      } else if (issue.expected === 'array' && value === null) {
        message = `\`${field}\` is empty: write \`[]\` for an empty list, or add items starting with "- ".`;
      } else if (value === null) {
        message = `\`${field}\` has no value: write ${expected} after the colon.`;
      } else {
        // A date field is "a calendar date", not "text"; `{ 2026-09-01 }` is a mapping only because of its braces.
        const about = issue.expected === 'string' ? describeSchema(schemaAt(MentoringFile, path)) : undefined;
        message = `\`${field}\` must be ${about ?? expected}, not ${describe(value)}${bracesHint(value)}.`;
      }
      break;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      extra.expected = values;
      if (!exists) extra.missing = String(path[path.length - 1]);
      message = path.length === 1 && path[0] === 'version' && typeof value === 'number' && value > 1
        ? `This file is written in format version ${String(value)}, newer than this Mentoring reads (version ${values.join(', ')}): update the Mentoring extension or the \`mentoring\` CLI to read and edit it.`
        : !exists
        ? missingMessage(path.slice(0, -1), String(path[path.length - 1]), values.length === 1 ? undefined : `one of ${values.join(', ')}`, values.length === 1 ? String(values[0]) : undefined)
        : values.length === 1
          ? `\`${field}\` must be ${values[0]}, not ${describe(value)}.`
          : `\`${field}\` must be one of ${values.join(', ')} — not ${describe(value)}.`;
      break;
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.message && !issue.message.startsWith('Too ')) message = `\`${field}\`: ${issue.message}.`;
      else if (issue.origin === 'number' || issue.origin === 'int')
        message = `\`${field}\` must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)}, not ${describe(value)}.`;
      else if (issue.origin === 'array')
        message = `\`${field}\` needs ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} item(s).`;
      else message = `\`${field}\`: ${issue.message}.`;
      if (path[path.length - 1] === 'rating') message = `\`${field}\` is a whole number from 1 to 5, not ${describe(value)}.`;
      break;
    }
    default: {
      message = `\`${field}\`: ${issue.message.replace(/\.$/, '')} (found ${describe(value)}).`;
      const suggested = typeof value === 'string' ? suggestFix(value, issue.message) : undefined;
      if (suggested !== undefined) {
        message = `${message.slice(0, -1)}: did you mean ${suggested}?`;
        extra.suggested = suggested;
      }
    }
  }
  return locator.at('error', 'schema', message, path, Object.keys(extra).length > 0 ? extra : undefined);
}
