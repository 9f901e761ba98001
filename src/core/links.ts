/**
 * Code links stored in tasks: `path`, `path#L42` or `path#L10-L20` (GitHub's form,
 * 1-based lines, workspace-relative POSIX paths). Pure.
 */

/** A selection in 0-based editor coordinates. */
export interface LineSelection {
  startLine: number;
  endLine: number;
  /** Column of the selection end; a selection ending at column 0 does not include that line. */
  endCharacter: number;
}

/** `src/a.ts#L42` for one line, `src/a.ts#L10-L20` for several. */
export function codeLink(relativePath: string, selection: LineSelection): string {
  const path = relativePath.replace(/\\/g, '/');
  const first = selection.startLine + 1;
  let last = selection.endLine + 1;
  if (selection.endLine > selection.startLine && selection.endCharacter === 0) last--;
  return first === last ? `${path}#L${first}` : `${path}#L${first}-L${last}`;
}

export interface ParsedLink {
  path: string;
  /** 1-based first line, when the link names one. */
  startLine?: number;
  /** 1-based last line (equal to startLine for one line). */
  endLine?: number;
}

/** Reads `path`, `path#L42`, `path#L10-L20`; a malformed fragment leaves only the path. */
export function parseCodeLink(link: string): ParsedLink {
  const hash = link.lastIndexOf('#');
  if (hash < 0) return { path: link };
  const path = link.slice(0, hash);
  const m = /^L(\d+)(?:-L?(\d+))?$/.exec(link.slice(hash + 1));
  if (!m) return { path };
  const startLine = Number(m[1]);
  const endLine = m[2] !== undefined ? Number(m[2]) : startLine;
  if (startLine < 1 || endLine < startLine) return { path };
  return { path, startLine, endLine };
}

/** A short default task title from selected code: its first non-empty line, trimmed and shortened. */
export function titleFromSelection(selected: string, max = 60): string {
  const line = selected.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return line.length > max ? line.slice(0, max - 1).trimEnd() + '…' : line;
}
