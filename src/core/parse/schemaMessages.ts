/**
 * zod's issues turned into messages that say what is wrong and what to write instead (the
 * expected format from the schema's own metadata, a likely fix for a malformed date), each at
 * its node. Used by `parseText` (index.ts).
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { Diagnostic } from '../diagnostics';
import { DATE_PATTERN, DATE_TIME_PATTERN, MentoringFile } from '../schema';
import { describedAs } from './schemaWords';
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
        l10n.t('About {0} more problems like these are not listed: fix the ones above, then check again.', rest),
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

/** "a calendar date, YYYY-MM-DD (e.g. 2026-11-19)" from a schema's metadata, or its enum values, in the user's language. */
function describeSchema(schema: AnySchema | undefined): string | undefined {
  if (!schema) return undefined;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodMiniEnum) return l10n.t('one of {0}', (inner.options as unknown[]).map(String).join(', '));
  for (const s of [schema, inner]) {
    const meta = z.globalRegistry.get(s);
    if (meta?.description) {
      const about = describedAs(meta.description) ?? meta.description.replace(/\.$/, '').replace(/^A /, 'a ');
      return Array.isArray(meta.examples) && meta.examples.length > 0 ? l10n.t('{0}, e.g. {1}', about, String(meta.examples[0])) : about;
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

/** What a value is, as "must be …, not {this}" says it. */
function describe(value: unknown): string {
  if (value === null) return l10n.t('nothing (an empty value)');
  if (Array.isArray(value)) return l10n.t('a list');
  switch (typeof value) {
    case 'string':
      return l10n.t('the text "{0}"', value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
      return l10n.t('the number {0}', String(value));
    case 'boolean':
      return l10n.t('`{0}` (true/false)', String(value));
    case 'object':
      return l10n.t('a mapping');
    default:
      return typeof value;
  }
}

/** `{ 2026-09-01 }` reads as a mapping of one key with no value: say that the braces did it. */
function bracesHint(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
  const entries = Object.entries(value);
  if (entries.length !== 1 || entries[0]?.[1] !== null) return '';
  return l10n.t(' (the braces make {0} a mapping: write the value without them)', `\`{ ${entries[0][0]} }\``);
}

/** What zod's `expected` type is, in words (at the call: words are never made when this module loads). */
function expectedWords(expected: string): string {
  switch (expected) {
    case 'string': return l10n.t('text');
    case 'number': return l10n.t('a number');
    case 'object':
    case 'record': return l10n.t('a mapping of keys to values');
    case 'array': return l10n.t('a list');
    case 'boolean': return l10n.t('true or false');
    case 'int': return l10n.t('a whole number');
    default: return expected;
  }
}

/**
 * A likely intended value for a malformed date or date-time (for the message and quick fixes),
 * told by the form the value missed (the schema's patterns), never by the issue's words.
 */
function suggestFix(value: string, issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'invalid_format') return undefined;
  const v = value.trim();
  if (issue.pattern === String(DATE_TIME_PATTERN)) {
    const m = /^(\d{4}-\d{2}-\d{2})[ _t](\d{2}:\d{2}(?::\d{2})?)(.*)$/i.exec(v);
    if (m) return `${m[1]}T${m[2]}${(m[3] ?? '').trim()}`;
  } else if (issue.pattern === String(DATE_PATTERN)) {
    const m = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(v);
    if (m) return m[1];
  }
  return undefined;
}

/** "… is missing the required field `x`": one sentence for each of the top level and a field inside, with the exact value or what it is. */
function missingMessage(parent: Path, name: string, about: string | undefined, exact?: string): string {
  if (parent.length === 0) {
    return exact !== undefined
      ? l10n.t('The file is missing the required top-level field `{0}`: add `{0}: {1}`.', name, exact)
      : l10n.t('The file is missing the required top-level field `{0}`: add `{0}:` ({1}).', name, about ?? l10n.t('a value'));
  }
  return exact !== undefined
    ? l10n.t('`{0}` is missing the required field `{1}`: add `{1}: {2}`.', formatPath(parent), name, exact)
    : l10n.t('`{0}` is missing the required field `{1}`: add `{1}:` ({2}).', formatPath(parent), name, about ?? l10n.t('a value'));
}

function schemaDiagnostic(issue: z.core.$ZodIssue, data: unknown, locator: Locator): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = formatPath(path);
  const { exists, value } = valueAt(data, path);
  let message: string;
  const extra: Record<string, unknown> = {};
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords(issue.expected);
      if (path[path.length - 1] === 'rating' && exists && typeof value === 'number') {
        message = l10n.t('`{0}` is a whole number from 1 to 5, not {1}.', field, describe(value));
      } else if (!exists) {
        const parent = path.slice(0, -1);
        const name = String(path[path.length - 1]);
        const about = describeSchema(schemaAt(MentoringFile, path));
        message = missingMessage(parent, name, about ?? expected);
        extra.missing = name;
      } else if (issue.expected === 'string' && typeof value === 'number') {
        const written = numberAsWritten(locator, path, value);
        message = written !== String(value)
          ? l10n.t('`{0}` must be text, but YAML reads the number {1} (as {2}: too long to keep exactly): put it in quotes, e.g. "{1}".', field, written, String(value))
          : l10n.t('`{0}` must be text, but YAML reads the number {1}: put it in quotes, e.g. "{1}".', field, written);
      } else if (issue.expected === 'array' && value === null) {
        message = l10n.t('`{0}` is empty: write `[]` for an empty list, or add items starting with "- ".', field);
      } else if (value === null) {
        message = l10n.t('`{0}` has no value: write {1} after the colon.', field, expected);
      } else {
        // A date field is "a calendar date", not "text"; `{ 2026-09-01 }` is a mapping only because of its braces.
        const about = issue.expected === 'string' ? describeSchema(schemaAt(MentoringFile, path)) : undefined;
        message = l10n.t('`{0}` must be {1}, not {2}{3}.', field, about ?? expected, describe(value), bracesHint(value));
      }
      break;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      extra.expected = values;
      if (!exists) extra.missing = String(path[path.length - 1]);
      message = path.length === 1 && path[0] === 'version' && typeof value === 'number' && value > 1
        ? l10n.t('This file is written in format version {0}, newer than this Mentoring reads (version {1}): update the Mentoring extension or the `mentoring` CLI to read and edit it.', String(value), values.join(', '))
        : !exists
        ? missingMessage(path.slice(0, -1), String(path[path.length - 1]), values.length === 1 ? undefined : l10n.t('one of {0}', values.join(', ')), values.length === 1 ? String(values[0]) : undefined)
        : values.length === 1
          ? l10n.t('`{0}` must be {1}, not {2}.', field, String(values[0]), describe(value))
          : l10n.t('`{0}` must be one of {1} — not {2}.', field, values.join(', '), describe(value));
      break;
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      // The schema's own words (`must not be empty`), else ours for zod's English "Too small: …".
      if (issue.message && !issue.message.startsWith('Too ')) message = l10n.t('`{0}`: {1}.', field, issue.message);
      else if (issue.origin === 'number' || issue.origin === 'int')
        message = issue.code === 'too_small'
          ? l10n.t('`{0}` must be at least {1}, not {2}.', field, String(bound), describe(value))
          : l10n.t('`{0}` must be at most {1}, not {2}.', field, String(bound), describe(value));
      else if (issue.origin === 'array')
        message = issue.code === 'too_small' ? l10n.t('`{0}` needs at least {1} item(s).', field, String(bound)) : l10n.t('`{0}` needs at most {1} item(s).', field, String(bound));
      else message = l10n.t('`{0}`: {1}.', field, issue.message);
      if (path[path.length - 1] === 'rating') message = l10n.t('`{0}` is a whole number from 1 to 5, not {1}.', field, describe(value));
      break;
    }
    default: {
      const problem = issue.message.replace(/\.$/, '');
      const suggested = typeof value === 'string' ? suggestFix(value, issue) : undefined;
      message = suggested === undefined
        ? l10n.t('`{0}`: {1} (found {2}).', field, problem, describe(value))
        : l10n.t('`{0}`: {1} (found {2}): did you mean {3}?', field, problem, describe(value), suggested);
      if (suggested !== undefined) extra.suggested = suggested;
    }
  }
  return locator.at('error', 'schema', message, path, Object.keys(extra).length > 0 ? extra : undefined);
}
