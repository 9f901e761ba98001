/**
 * Is a path inside a folder? The question before decrypted text is written somewhere (a summary,
 * an export): inside the repository or workspace it is one `git add .` away from being public.
 * Pure string work on paths the caller has already resolved (real paths, symlinks followed, in
 * the CLI); the caller says whether the file system ignores case (macOS and Windows by default),
 * since `/Users/Ana/Repo` and `/users/ana/repo` are then the same folder.
 */

export interface PathStyle {
  /** Compare ignoring case (darwin, win32). */
  caseInsensitive: boolean;
  /** Windows paths: `\` separates too, and drive letters count. */
  windows?: boolean;
}

/** The platform's style, from `process.platform` (or undefined, e.g. on the web: a case-sensitive POSIX file system). */
export function pathStyleOf(platform: string | undefined): PathStyle {
  return { caseInsensitive: platform === 'darwin' || platform === 'win32', windows: platform === 'win32' };
}

function segments(path: string, style: PathStyle): string[] {
  let p = style.windows ? path.replace(/\\/g, '/') : path;
  if (style.caseInsensitive) p = p.toLowerCase();
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out;
}

/** True when `path` is `folder` or lies below it. Both absolute. */
export function isInside(path: string, folder: string, style: PathStyle): boolean {
  const p = segments(path, style);
  const f = segments(folder, style);
  if (f.length > p.length) return false;
  return f.every((seg, i) => p[i] === seg);
}
