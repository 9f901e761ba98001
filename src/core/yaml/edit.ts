/**
 * Lossless YAML edits: each primitive takes the text of a YAML file and returns new text in
 * which only the touched node differs. Everything else — comments, blank lines, key order,
 * quoting, flow vs block style, aligned trailing comments, CRLF line endings, a BOM — stays
 * byte-for-byte, because we never re-stringify the document: we locate nodes with the `yaml`
 * Document API (source ranges, CST tokens) and splice text. Only new values are rendered,
 * with `yaml`'s own stringifier, then re-indented to where they go.
 *
 * Pure: no `vscode`, no Node built-ins. Primitives throw {@link YamlEditError} when they cannot
 * edit safely (syntax errors, a path through a scalar, layouts they do not support); callers
 * turn that into a message and write nothing.
 *
 * This module is the API; the edit session is editor.ts, with offsets in the text in
 * source.ts, new values rendered in render.ts and node reading in nodes.ts.
 */
import type { Document } from 'yaml';
import { Editor, type TextSplice } from './editor';
import type { YamlPath } from './nodes';

export { YamlEditError, type YamlPath } from './nodes';
export { detectEol } from './source';
export type { TextSplice } from './editor';

/** Set the value at `path`, creating missing mapping keys (and the maps above them) as needed. */
export function setIn(text: string, path: YamlPath, value: unknown): string {
  const ed = new Editor(text);
  ed.set(path, value);
  return ed.apply();
}

/** Remove the pair or sequence item at `path`. Missing paths are left alone. */
export function deleteIn(text: string, path: YamlPath): string {
  const ed = new Editor(text);
  ed.delete(path);
  return ed.apply();
}

/** Append `value` to the sequence at `path`, creating the sequence (and its key) when missing. */
export function appendIn(text: string, path: YamlPath, value: unknown): string {
  const ed = new Editor(text);
  ed.append(path, [value]);
  return ed.apply();
}

/** Move item `from` of the sequence at `seqPath` so that it ends up at index `to`. */
export function moveItem(text: string, seqPath: YamlPath, from: number, to: number): string {
  const ed = new Editor(text);
  ed.move(seqPath, from, to);
  return ed.apply();
}

/** One planned change, for {@link applyEdits}. */
export type YamlOp =
  | { op: 'set'; path: YamlPath; value: unknown; after?: readonly string[] }
  | { op: 'append'; path: YamlPath; value: unknown; after?: readonly string[] }
  /** Append several items in order (creating the sequence once when it is missing). */
  | { op: 'appendAll'; path: YamlPath; values: readonly unknown[]; after?: readonly string[] }
  | { op: 'delete'; path: YamlPath }
  | { op: 'move'; path: YamlPath; from: number; to: number };

/**
 * Several changes planned against one parse of `text` (one parse instead of one per change).
 * The changes must touch different places: two that overlap, or two that would both create
 * the same missing key, throw {@link YamlEditError} instead of producing a broken file.
 * Inserts at the same place come out in the order given.
 *
 * `parsed`: the Document of exactly this `text`, when the caller already has one (from
 * `parse`), so the text is not parsed twice.
 */
export function applyEdits(text: string, ops: readonly YamlOp[], parsed?: Document.Parsed): string {
  return planEdits(text, ops, parsed).text;
}

/**
 * {@link applyEdits}, also returning the splices it made (sorted by offset, not overlapping), so
 * a caller can tell which part of the text changed (core/edit/index.ts re-checks only that part).
 */
export function planEdits(text: string, ops: readonly YamlOp[], parsed?: Document.Parsed): { text: string; splices: TextSplice[] } {
  const ed = new Editor(text, parsed);
  for (const o of ops) {
    if (o.op === 'set') ed.set(o.path, o.value, o.after);
    else if (o.op === 'append') ed.append(o.path, [o.value], o.after);
    else if (o.op === 'appendAll') ed.append(o.path, o.values, o.after);
    else if (o.op === 'delete') ed.delete(o.path);
    else ed.move(o.path, o.from, o.to);
  }
  const out = ed.apply();
  return { text: out, splices: ed.applied() };
}
