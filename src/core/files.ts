/**
 * Which files are mentoring files, and small text helpers the adapters share.
 * Pure: no `vscode`, no Node built-ins (the web extension bundles it too).
 */

/** Every mentoring file in a workspace folder: `**\/.mentoring.yaml` and `.mentoring/*.yaml`. */
export const MENTORING_GLOB = '{**/.mentoring.yaml,**/.mentoring/*.yaml}';
/** The two globs the file system watchers follow (one watcher each keeps them simple to reason about). */
export const MENTORING_WATCH_GLOBS = ['**/.mentoring.yaml', '**/.mentoring/*.yaml'] as const;
/** Folders never searched for mentoring files. */
export const MENTORING_EXCLUDE = '**/{node_modules,.git,.vscode-test}/**';

/** True for `/a/b/.mentoring.yaml` and `/a/.mentoring/pair.yaml` (a URI path or a POSIX path). */
export function isMentoringPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1] ?? '';
  if (base === '.mentoring.yaml') return true;
  const parent = parts[parts.length - 2];
  return parent === '.mentoring' && /^[^/]+\.ya?ml$/.test(base) && base !== '.yaml' && base !== '.yml';
}

/** Text compared across line-ending styles: VS Code's model may have normalised mixed endings. */
export function normalizeEol(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The text without a leading byte-order mark (documents never show it; raw reads may). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The last path segment of a URI path, for messages. */
export function baseName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? path;
}
