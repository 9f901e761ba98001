/**
 * `parse(text)`: a `.mentoring.yaml` text → the validated model, the YAML document (for lossless
 * edits and positions) and diagnostics with exact positions. It never throws, on any input.
 *
 * The stages, each stopping the ones after it when it fails, because later stages would only
 * report noise about a file they cannot read:
 *   size (before any parsing) → merge-conflict markers → absurd nesting → YAML (syntax,
 *   duplicate keys) → empty file / root shape → plain data (one pass that also finds unknown
 *   keys; files with aliases go through yaml's toJS and its alias budget, which stops alias
 *   bombs) → zod schema → ids and references → agreement checks (warnings, `checks.ts`).
 * Unknown keys never stop anything: they are kept and reported as info. Ids and references are
 * checked on the plain data even when the schema fails, so one pass shows every error.
 *
 * The YAML stage has two readers. The fast one (fastScan.ts) reads the block YAML mentoring
 * files are written in straight into plain data and positions (fastTree.ts), with no Document;
 * the result's `doc` is then made by yaml on first use (an edit, a hover on a sealed field).
 * Anything outside its subset, and every text with a YAML error or warning, goes through yaml's
 * Document as before. Both give the same data, positions and diagnostics
 * (test/unit/core/parse/fastScan.test.ts); `fastReader: false` takes the yaml way only.
 *
 * Codes: errors `too-large`, `merge-conflict`, `too-deep`, `cr-line-endings`, `yaml-syntax`, `duplicate-key`, `unsupported-tag`,
 * `empty-file`, `root-not-mapping`, `alias-bomb`, `schema`, `duplicate-id`, `unknown-goal`,
 * `unknown-session`, `unknown-task`, `outside-path`, `internal`; warnings `yaml-warning`, `link-refused`, `bidi-control` and those of
 * `checks.ts`; info `unknown-key`.
 *
 * This module holds the pipeline and the one-entry cache; each stage lives in its own module:
 * prescan.ts (size, conflict markers, nesting), fastScan.ts + fastTree.ts (the fast reader),
 * yamlErrors.ts (YAML errors → diagnostics),
 * plain.ts (plain data and unknown keys), schemaMessages.ts (zod issues → messages),
 * references.ts (ids and references), positions.ts (lines, columns, paths → ranges), and
 * verify.ts (the incremental check of an edit, `editLeavesNoError`).
 */
import * as l10n from '@vscode/l10n';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { runChecks } from '../checks';
import type { Diagnostic } from '../diagnostics';
import { sortDiagnostics } from '../diagnostics';
import { MentoringFile } from '../schema';
import { MAP, SEQ, type FastNode } from './fastTree';
import { fastRead, type FastRead } from './fastScan';
import { AliasFound, FILE_SHAPE, LEAF, reportUnknownAt, reportUnknownKeys, toPlain, type Shape } from './plain';
import { LineIndex, lineEndOf, Locator } from './positions';
import { DEFAULT_MAX_BYTES, findBidiControls, findConflictMarker, findDeepNesting, MAX_DEPTH, tooLargeMessage, utf8LengthAbove } from './prescan';
import { crossReferences } from './references';
import { reportSchemaIssues } from './schemaMessages';
import type { AliasFreeData, ParseOptions, ParseResult } from './types';
import { aliasFailure, findUnsupportedTag, parseYaml, yamlErrorDiagnostic } from './yamlErrors';

export type { AliasFreeData, ParseOptions, ParseResult } from './types';
export { formatPath, LineIndex, positionAt, rangeOf, type Path } from './positions';
export { DEFAULT_MAX_BYTES, tooLargeMessage } from './prescan';
export { decodeUtf8, notUtf8Diagnostic, type Decoded } from './utf8';
export { editLeavesNoError, type ChangedSpan } from './verify';

/** Expanded alias nodes allowed before a file counts as an alias bomb (yaml's own default). */
const MAX_ALIAS_COUNT = 100;

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  return parseInto(text, options).result;
}

/**
 * `parse`, also handing back the plain data the schema was checked on, when the file has no
 * aliases (for {@link editLeavesNoError}). For core/edit/index.ts; others use `parse`.
 */
export function parseForEdit(text: string, options: ParseOptions = {}): { result: ParseResult; data?: AliasFreeData } {
  const { result, data } = parseInto(text, options);
  return data === undefined ? { result } : { result, data };
}


/**
 * What a parse finds before the agreement checks: everything that depends on the text alone
 * (the size limit and the checks' clock are applied per call, on top).
 */
interface TextParse {
  readonly text: string;
  /** In the order found, not sorted; never handed out (callers get copies). */
  readonly diagnostics: readonly Diagnostic[];
  readonly doc?: Document.Parsed;
  /** Instead of `doc`, when the fast reader read the text: yaml's Document, made on first use (edits). */
  readonly lazyDoc?: () => Document.Parsed;
  readonly model?: MentoringFile;
  readonly data?: AliasFreeData;
  readonly locator?: Locator;
}

/**
 * The last text parsed, and what was found in it. The editor parses each text for diagnostics
 * and the sidebar, then a click edits that very text: the edit reuses this instead of parsing
 * a large file again. One entry only (the Document of a large file is tens of MB); compared by
 * content (`===`), so an equal text from another source still hits.
 *
 * Everything in it is shared by every caller that parses that text, so it must never change:
 * the model and the plain data are deep-frozen, the Document is only read (core/yaml/edit.ts
 * and positions.ts locate nodes, they never set them), and diagnostics are copied per call.
 */
let lastParse: TextParse | undefined;

/** Forget the last parse (tests and benchmarks that need a cold parse). */
export function clearParseCache(): void {
  lastParse = undefined;
}

function parseInto(text: string, options: ParseOptions): { result: ParseResult; data?: AliasFreeData } {
  const source = typeof text === 'string' ? text : '';
  try {
    return parseUnsafe(source, options);
  } catch (err) {
    // A bug of ours or of a library must not take the editor or the CLI down with it.
    const lines = new LineIndex(source);
    const message = err instanceof Error ? err.message : String(err);
    return {
      result: {
        ok: false,
        diagnostics: [
          lines.diagnostic('error', 'internal', l10n.t('The file could not be checked ({0}). Please report this with the file attached.', message), 0, 0),
        ],
      },
    };
  }
}

function parseUnsafe(text: string, options: ParseOptions): { result: ParseResult; data?: AliasFreeData } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  const bytes = utf8LengthAbove(text, maxBytes);
  if (bytes !== undefined) {
    // Not even the line index is built for a file this large: the error sits on line 1.
    const firstLine = new LineIndex(text.slice(0, lineEndOf(text, 0)));
    return { result: fail(firstLine.diagnostic('error', 'too-large', tooLargeMessage(bytes, maxBytes),
      0, firstLine.text.length, undefined, { bytes, limit: maxBytes })) };
  }

  let parsed = lastParse;
  const fastReader = options.fastReader !== false;
  if (parsed?.text !== text || (!fastReader && parsed.lazyDoc)) {
    parsed = parseText(text, fastReader);
    lastParse = parsed;
  }

  const diagnostics = parsed.diagnostics.map(copyDiagnostic);
  const { model, locator } = parsed;
  if (model && locator && options.checks !== false) {
    for (const finding of runChecks(model, { now: options.now ?? new Date() })) {
      diagnostics.push(locator.finding(finding));
    }
  }
  sortDiagnostics(diagnostics);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  const result: ParseResult = parsed.doc === undefined ? (model ? { ok, model, diagnostics } : { ok, diagnostics }) : model ? { ok, model, doc: parsed.doc, diagnostics } : { ok, doc: parsed.doc, diagnostics };
  // Reading (the check, diagnostics, views) never needs the Document; an edit asks for it here.
  // A caller that sets `doc` on its result gets a plain property, as before.
  if (parsed.lazyDoc) {
    Object.defineProperty(result, 'doc', {
      get: parsed.lazyDoc,
      set(value: unknown) {
        Object.defineProperty(this, 'doc', { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }
  return parsed.data === undefined ? { result } : { result, data: parsed.data };
}

/** Every stage but the size limit and the agreement checks: what depends on the text alone. */
function parseText(text: string, fastReader = true): TextParse {
  const lines = new LineIndex(text);

  const conflict = findConflictMarker(text);
  if (conflict) {
    const line = lines.positionAt(conflict.offset).line;
    return { text, diagnostics: [lines.diagnostic('error', 'merge-conflict',
      l10n.t('Unresolved git merge conflict: marker `{0}` on line {1}. Keep the lines you want from both sides, delete the `<<<<<<<`, `=======` and `>>>>>>>` lines, then save.', conflict.marker, line),
      conflict.offset, conflict.offset + conflict.length, undefined, { marker: conflict.marker })] };
  }

  const deep = findDeepNesting(text);
  if (deep !== undefined) {
    return { text, diagnostics: [lines.diagnostic('error', 'too-deep',
      l10n.t('The YAML is nested more than {0} levels deep here; a mentoring file needs fewer than ten. Remove the extra brackets or indentation.', MAX_DEPTH),
      deep, lines.lineEnd(deep))] };
  }

  const loneCr = crOnlyLineEnd(text);
  if (loneCr !== undefined) {
    // The YAML parser ends lines only at LF: a CR-only file would read as one line (reported as an
    // empty file, or as nested mappings), so say what it really is.
    return { text, diagnostics: [lines.diagnostic('error', 'cr-line-endings',
      l10n.t('The file ends its lines with a carriage return only (old Mac style), which YAML does not read as line ends. Save it with LF (or CRLF) line endings — in VS Code, click "CR" in the status bar — and check it again.'),
      loneCr, loneCr + 1)] };
  }

  const fast = fastReader ? fastRead(text) : undefined;
  if (fast) return readFast(text, lines, fast);

  const doc = parseYaml(text);
  const diagnostics: Diagnostic[] = [];
  const errorAt = new Set<number>();
  for (const e of doc.errors) {
    // yaml often reports one mistake twice at one place (e.g. an unclosed quote and its collection): keep the first.
    if (errorAt.has(e.pos[0])) continue;
    errorAt.add(e.pos[0]);
    diagnostics.push(yamlErrorDiagnostic(lines, doc, text, e.code, e.message, e.pos, 'error'));
  }
  for (const w of doc.warnings) diagnostics.push(yamlErrorDiagnostic(lines, doc, text, w.code, w.message, w.pos, 'warning'));
  bidiWarnings(text, lines, diagnostics);
  if (doc.errors.length > 0) return { text, diagnostics, doc };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && root.range[0] === root.range[1])) {
    diagnostics.push(lines.diagnostic('error', 'empty-file',
      l10n.t('The mentoring file is empty: run `mentoring init` (or the command "{0}") to write a commented starter file.', l10n.t('Mentoring: Set Up an Agreement')),
      0, lines.lineEnd(0)));
    return { text, diagnostics, doc };
  }
  if (!isMap(root)) {
    const start = root.range[0];
    const message = isSeq(root)
      ? l10n.t('The file must be a mapping of keys (version, agreement, sessions, tasks), but it is a list. Start it with `version: 1` and `agreement:` — run `mentoring init` to see a starter file.')
      : isAlias(root)
        ? l10n.t('The file must be a mapping of keys (version, agreement, sessions, tasks), but it is an alias. Start it with `version: 1` and `agreement:` — run `mentoring init` to see a starter file.')
        : l10n.t('The file must be a mapping of keys (version, agreement, sessions, tasks), but it is a single value. Start it with `version: 1` and `agreement:` — run `mentoring init` to see a starter file.');
    diagnostics.push(lines.diagnostic('error', 'root-not-mapping', message, start, lines.lineEnd(start)));
    return { text, diagnostics, doc };
  }

  const locator = new Locator(doc, lines);
  let data: unknown;
  let aliasFree: AliasFreeData | undefined;
  try {
    // One pass over the nodes builds the plain data and finds unknown keys. A file with aliases
    // takes yaml's own toJS instead, whose maxAliasCount stops alias bombs early.
    const unknown: Diagnostic[] = [];
    data = toPlain(root, FILE_SHAPE, [], { locator, out: unknown });
    diagnostics.push(...unknown);
    aliasFree = { plain: data as Record<string, unknown> };
  } catch (signal) {
    if (!(signal instanceof AliasFound)) throw signal;
    data = undefined;
  }
  if (data === undefined) {
    // Aliases, or a tag that made an odd value (OddValueFound): a whole walk, rare, finds the tag.
    const tagged = findUnsupportedTag(doc, lines);
    if (tagged) return { text, diagnostics: [...diagnostics, tagged], doc };
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      reportUnknownKeys(root, FILE_SHAPE, [], locator, diagnostics);
    } catch (err) {
      diagnostics.push(aliasFailure(lines, root, err));
      return { text, diagnostics, doc };
    }
  }

  const result = MentoringFile.safeParse(data);
  if (!result.success) reportSchemaIssues(result.error.issues, data, locator, diagnostics);

  crossReferences(data, locator, diagnostics);

  const model = result.success ? deepFreeze(result.data) : undefined;
  if (aliasFree) deepFreeze(aliasFree);
  return { text, diagnostics, doc, locator, ...(model ? { model } : {}), ...(aliasFree ? { data: aliasFree } : {}) };
}

/**
 * The stages after the YAML, on what the fast reader (fastScan.ts) read: the same data and the
 * same positions as yaml's, so the same diagnostics in the same order as the path above (no YAML
 * errors or warnings: the reader gives way to yaml on any text that could have them).
 */
function readFast(text: string, lines: LineIndex, fast: FastRead): TextParse {
  const diagnostics: Diagnostic[] = [];
  bidiWarnings(text, lines, diagnostics);
  const locator = new Locator(fast, lines);
  unknownKeysOf(fast.fastRoot, FILE_SHAPE, [], locator, diagnostics);
  const data = fast.data;
  const result = MentoringFile.safeParse(data);
  if (!result.success) reportSchemaIssues(result.error.issues, data, locator, diagnostics);
  crossReferences(data, locator, diagnostics);
  let doc: Document.Parsed | undefined;
  const lazyDoc = (): Document.Parsed => (doc ??= parseYaml(text));
  const model = result.success ? deepFreeze(result.data) : undefined;
  const aliasFree = deepFreeze({ plain: data });
  return { text, diagnostics, lazyDoc, locator, ...(model ? { model } : {}), data: aliasFree };
}

/** plain.ts `toPlain`'s unknown keys, in its order (each key before what it holds), on the fast reader's tree. */
function unknownKeysOf(node: FastNode, shape: Shape, path: (string | number)[], locator: Locator, out: Diagnostic[]): void {
  if (node.kind === MAP) {
    for (const [name, entry] of node.keys) {
      let child = LEAF;
      if (shape.keys) {
        const known = shape.keys.get(name);
        if (known) child = known;
        else reportUnknownAt(name, entry.keyStart, entry.keyEnd, shape, path, locator, out);
      }
      if (child === LEAF) continue; // nothing below a leaf is reported
      path.push(name);
      unknownKeysOf(entry.value, child, path, locator, out);
      path.pop();
    }
  } else if (node.kind === SEQ && shape.element) {
    const element = shape.element;
    node.items.forEach((item, i) => {
      path.push(i);
      unknownKeysOf(item, element, path, locator, out);
      path.pop();
    });
  }
}

/** The first line end of a file whose lines end in CR alone (a CR with no LF anywhere in the file). */
function crOnlyLineEnd(text: string): number | undefined {
  if (text.includes('\n')) return undefined;
  const i = text.indexOf('\r');
  return i < 0 ? undefined : i;
}

/** A warning at each bidi control (Trojan Source): the text shows in another order than it is read. */
function bidiWarnings(text: string, lines: LineIndex, out: Diagnostic[]): void {
  const { found, more } = findBidiControls(text);
  found.forEach((b, i) => {
    const hex = b.code.toString(16).toUpperCase().padStart(4, '0');
    const message = i === found.length - 1 && more > 0
      ? l10n.t('An invisible bidirectional control character (U+{0} {1}) is here ({2} more after this one are not listed): it makes the text show in another order than it is stored, so what a reviewer reads is not what the file says. Delete it, unless you wrote right-to-left text on purpose.', hex, b.name, more)
      : l10n.t('An invisible bidirectional control character (U+{0} {1}) is here: it makes the text show in another order than it is stored, so what a reviewer reads is not what the file says. Delete it, unless you wrote right-to-left text on purpose.', hex, b.name);
    out.push(lines.diagnostic('warning', 'bidi-control', message, b.offset, b.offset + 1, undefined, { code: b.code }));
  });
}

function fail(d: Diagnostic): ParseResult {
  return { ok: false, diagnostics: [d] };
}

/** A diagnostic of a shared parse, copied so a caller may change its own. */
function copyDiagnostic(d: Diagnostic): Diagnostic {
  const c: Diagnostic = { ...d };
  if (d.path) c.path = [...d.path];
  if (d.data) c.data = copyPlain(d.data) as Record<string, unknown>;
  return c;
}

function copyPlain(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(copyPlain);
  if (typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = copyPlain(v);
    return out;
  }
  return x;
}

/** Freezes `x` and every plain object and array in it (what a shared parse hands out must not change). */
function deepFreeze<T>(x: T): T {
  const stack: unknown[] = [x];
  while (stack.length > 0) {
    const v = stack.pop();
    // Typed arrays cannot be frozen; findUnsupportedTag keeps them out, this keeps a miss from crashing.
    if (typeof v !== 'object' || v === null || Object.isFrozen(v) || ArrayBuffer.isView(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return x;
}
