/**
 * Code links stored in tasks: `path`, `path#L42` or `path#L10-L20` (GitHub's form,
 * 1-based lines, workspace-relative POSIX paths). Pure.
 */
import * as l10n from '@vscode/l10n';

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

/** The longest link opened (views/protocol.ts's `openLink` allows as much); a longer one is refused whole. */
export const MAX_LINK_LENGTH = 500;

export type CheckedPath = { ok: true; segments: string[] } | { ok: false; reason: string };

/**
 * The one rule for a path from a mentoring file that names a workspace file (a task link's path,
 * the part before `#L42`, and a review thread's `file`): relative, no `..` or `.` segments, no
 * URI scheme (`command:`, `file:`), no drive letter, no backslashes, no control characters, at most
 * MAX_LINK_LENGTH characters. The file may come from a cloned repository, so its paths are
 * untrusted. Returns the segments to join onto the workspace folder.
 */
export function checkWorkspacePath(path: string): CheckedPath {
  if (typeof path !== 'string' || path.trim() === '') return { ok: false, reason: l10n.t('the link names no file') };
  if (path.length > MAX_LINK_LENGTH) return { ok: false, reason: l10n.t('the link is longer than {0} characters', MAX_LINK_LENGTH) };
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return { ok: false, reason: l10n.t('the link holds control characters') };
  if (path.includes('\\')) return { ok: false, reason: l10n.t('the link holds a backslash; links use forward slashes') };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) return { ok: false, reason: l10n.t('the link has a scheme or drive letter; only workspace-relative paths are opened') };
  if (path.startsWith('/') || path.startsWith('~')) return { ok: false, reason: l10n.t('the link is an absolute path; only workspace-relative paths are opened') };
  const segments = path.split('/').filter((s) => s.length > 0);
  if (segments.length === 0) return { ok: false, reason: l10n.t('the link names no file') };
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, reason: l10n.t('the link leaves the workspace folder (".." or ".")') };
  return { ok: true, segments };
}

/** A task link (`path`, `path#L42`) checked by the rule of {@link checkWorkspacePath}, on its whole text's length. */
export function checkCodeLink(link: string): CheckedPath {
  if (typeof link === 'string' && link.length > MAX_LINK_LENGTH) return { ok: false, reason: l10n.t('the link is longer than {0} characters', MAX_LINK_LENGTH) };
  return checkWorkspacePath(parseCodeLink(link.trim()).path);
}
