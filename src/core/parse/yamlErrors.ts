/**
 * Reading the YAML: the parser's options, and its errors and warnings turned into diagnostics
 * that say what to do (a duplicate key names its first line, as duplicates.ts found it; an
 * unclosed quote points at where it opened). Used by `parseText` (index.ts) and by verify.ts for
 * the items an edit changed.
 */
import * as l10n from '@vscode/l10n';
import { isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, Severity } from '../diagnostics';
import { duplicateAt } from './duplicates';
import type { LineIndex } from './positions';

export { parseYaml, YAML_OPTIONS } from './duplicates';

export function yamlErrorDiagnostic(
  lines: LineIndex,
  doc: Document.Parsed,
  text: string,
  code: string,
  message: string,
  pos: [number, number],
  severity: Severity,
): Diagnostic {
  const [start, rawEnd] = pos;
  const end = Math.min(Math.max(rawEnd, start), lines.lineEnd(start));
  const first = message.split('\n')[0] ?? message;
  const yamlMessage = first.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY': {
      const found = duplicateAt(doc, start);
      const dup = found && { ...found, firstLine: found.firstOffset === undefined ? undefined : lines.positionAt(found.firstOffset).line };
      const key = dup?.key ?? text.slice(start, end).replace(/:\s*$/, '').trim();
      const keyEnd = dup ? Math.min(dup.end, lines.lineEnd(start)) : end;
      return lines.diagnostic(severity, 'duplicate-key',
        dup?.firstLine
          ? l10n.t('The key `{0}` appears twice in the same mapping (first on line {1}): keep one and delete or merge the other.', key, dup.firstLine)
          : l10n.t('The key `{0}` appears twice in the same mapping: keep one and delete or merge the other.', key),
        start, keyEnd, undefined, dup?.firstLine ? { key, firstLine: dup.firstLine } : { key });
    }
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(yamlMessage)?.[1];
      const open = quote ? openingQuote(text, start, quote) : undefined;
      if (quote && open !== undefined) {
        return lines.diagnostic(severity, 'yaml-syntax',
          l10n.t('A quoted value opened here with {0} is never closed: add the closing {0} at the end of the value.', quote),
          open, lines.lineEnd(open), undefined, { yamlCode: code });
      }
      return lines.diagnostic(severity, 'yaml-syntax', l10n.t('YAML syntax error: {0} Add what is missing.', sentence(yamlMessage)), start, end, undefined, { yamlCode: code });
    }
    case 'TAB_AS_INDENT':
      return lines.diagnostic(severity, 'yaml-syntax', l10n.t('A tab is used for indentation; YAML allows only spaces there. Replace the tab with spaces.'), start, Math.max(end, start + 1));
    case 'MULTIPLE_DOCS':
      return lines.diagnostic(severity, 'yaml-syntax', l10n.t('This file holds more than one YAML document (a `---` line after content); a mentoring file is one document. Remove the `---` or move the second document to its own file.'), start, end);
    case 'RESOURCE_EXHAUSTION':
      return lines.diagnostic(severity, 'yaml-syntax', l10n.t('The YAML is nested too deeply to read ({0}). Flatten it.', yamlMessage), start, end);
    default:
      if (severity !== 'error') {
        return lines.diagnostic(severity, 'yaml-warning', l10n.t('YAML warning: {0} The value is read as plain text; remove what the warning names if you did not mean it.', sentence(yamlMessage)),
          start, end, undefined, { yamlCode: code });
      }
      return lines.diagnostic(severity, 'yaml-syntax',
        l10n.t('YAML syntax error: {0} Check the indentation, quotes and colons here (quote a value that contains ": " or starts with a special character).', sentence(yamlMessage)),
        start, end, undefined, { yamlCode: code });
  }
}

/** Where an unclosed quoted scalar starts: the last `quote` before `before` that can open a value. */
function openingQuote(text: string, before: number, quote: string): number | undefined {
  for (let i = Math.min(before, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    const prev = i === 0 ? '\n' : (text[i - 1] as string);
    if (/[\s:[{,-]/.test(prev)) return i;
  }
  return undefined;
}

/**
 * Why yaml's toJS failed on a file with aliases, at its first alias: an alias bomb (its alias
 * budget ran out) or a broken alias or anchor.
 */
export function aliasFailure(lines: LineIndex, root: YamlNode & { range: [number, number, number] }, err: unknown): Diagnostic {
  const alias = firstAlias(root);
  const at = alias?.range?.[0] ?? root.range[0];
  const end = alias?.range?.[1] ?? lines.lineEnd(at);
  const message = err instanceof Error ? err.message : String(err);
  if (/alias count/i.test(message)) {
    return lines.diagnostic('error', 'alias-bomb',
      l10n.t('Too many aliases (`*name`) expand here: the file would grow without bound (an "alias bomb"), so it is not read. Write the values out instead of aliasing them.'),
      at, end);
  }
  return lines.diagnostic('error', 'yaml-syntax', l10n.t('The YAML could not be read: {0}. Fix the alias or anchor here.', message), at, end);
}

function firstAlias(node: unknown): YamlNode | undefined {
  if (isAlias(node)) return node;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = isPair(item) ? (firstAlias(item.key) ?? firstAlias(item.value)) : firstAlias(item);
      if (found) return found;
    }
  }
  return undefined;
}

function sentence(s: string): string {
  const t = s.trim();
  if (t.length === 0) return l10n.t('the YAML could not be read.');
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * The first node a tag turned into something a mentoring file cannot hold: `!!binary` (bytes),
 * `!!timestamp` (a Date object), `!!set`, `!!omap`, `!!pairs`. The file holds text, numbers,
 * booleans, lists and mappings only; the schema would otherwise meet values it never expects.
 */
export function findUnsupportedTag(doc: Document.Parsed, lines: LineIndex): Diagnostic | undefined {
  let found: Diagnostic | undefined;
  visit(doc, (_key, node) => {
    if (node === null || typeof node !== 'object') return undefined;
    const tag = (node as { tag?: unknown }).tag;
    const odd =
      (isScalar(node) && typeof node.value === 'object' && node.value !== null) ||
      ((isMap(node) || isSeq(node)) && typeof tag === 'string' && UNSUPPORTED_COLLECTION_TAGS.has(tag));
    if (!odd) return undefined;
    const [valueStart, end] = (node as YamlNode).range ?? [0, 0];
    const start = tagStart(lines.text, valueStart);
    if (typeof tag === 'string') {
      const name = tag.replace('tag:yaml.org,2002:', '!!');
      found = lines.diagnostic('error', 'unsupported-tag', tagMessage(name), start, Math.min(end, lines.lineEnd(start)));
    } else {
      // No tag: the `%YAML 1.1` directive made a plain date a timestamp object (or bytes, a set…).
      const version = doc.directives?.yaml.version ?? '1.1';
      const message = isScalar(node) && node.value instanceof Date
        ? l10n.t('The `%YAML {0}` line at the top makes this date a timestamp object, which a mentoring file cannot hold: delete that line (mentoring files are YAML 1.2).', version)
        : l10n.t('The `%YAML {0}` line at the top makes this value an object, which a mentoring file cannot hold: delete that line (mentoring files are YAML 1.2).', version);
      found = lines.diagnostic('error', 'unsupported-tag', message, start, Math.min(end, lines.lineEnd(start)));
    }
    return visit.BREAK;
  });
  return found;
}

/** Where the tag before a value starts (a node's range begins after its tag), else the value's start. */
function tagStart(text: string, valueStart: number): number {
  let i = valueStart;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  let j = i;
  while (j > 0 && !/\s/.test(text[j - 1] as string)) j--;
  return j < i && text[j] === '!' ? j : valueStart;
}

const UNSUPPORTED_COLLECTION_TAGS = new Set(['tag:yaml.org,2002:set', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs']);

/** What a tag `name` (`!!binary`…) made of a value, as one sentence per kind. */
function tagMessage(name: string): string {
  if (name === '!!binary') return l10n.t('`{0}` makes this value binary data, which a mentoring file cannot hold: remove the tag and write the value as plain text (in quotes if it looks like something else).', name);
  if (name === '!!timestamp') return l10n.t('`{0}` makes this value a date object, which a mentoring file cannot hold: remove the tag and write the value as plain text (in quotes if it looks like something else).', name);
  if (name === '!!set' || name === '!!omap' || name === '!!pairs') return l10n.t('`{0}` makes this value a special collection, which a mentoring file cannot hold: remove the tag and write the value as plain text (in quotes if it looks like something else).', name);
  return l10n.t('`{0}` makes this value a value of another kind, which a mentoring file cannot hold: remove the tag and write the value as plain text (in quotes if it looks like something else).', name);
}
