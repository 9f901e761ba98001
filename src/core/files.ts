/**
 * Which files are mentoring files, and small text helpers the adapters share.
 * Pure: no `vscode`, no Node built-ins (the web extension bundles it too).
 */

// The one rule for what a mentoring file is. The store, the code actions, the CLI walker and
// package.json (activationEvents, yamlValidation: test/unit/manifest.test.ts holds them to it)
// all read it from here, so a `.mentoring/pair.yml` is found wherever it is checked.

/** The single-file form, at any depth: `.mentoring.yaml`. */
export const MENTORING_FILE = '.mentoring.yaml';
/** The folder form: `.mentoring/<anything>.yaml` or `.yml`, directly in the folder. */
export const MENTORING_FOLDER = '.mentoring';
export const MENTORING_FOLDER_EXTENSIONS = ['.yaml', '.yml'] as const;
/** Folders never searched: dependencies, git's own files, VS Code's test cache (downloaded editors, test workspaces). */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.vscode-test'] as const;

/** One glob per form, relative to a workspace folder (`**\/` also matches the folder itself). */
export const MENTORING_PATTERNS: readonly string[] = [
  `**/${MENTORING_FILE}`,
  ...MENTORING_FOLDER_EXTENSIONS.map((ext) => `**/${MENTORING_FOLDER}/*${ext}`),
];
/** Every mentoring file in a workspace folder, as one glob (for `findFiles`). */
export const MENTORING_GLOB = `{${MENTORING_PATTERNS.join(',')}}`;
/** The globs the file system watchers follow (one watcher each keeps them simple to reason about). */
export const MENTORING_WATCH_GLOBS: readonly string[] = MENTORING_PATTERNS;
/** Folders never searched for mentoring files, as an exclude glob. */
export const MENTORING_EXCLUDE = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;
/** The rule in words, for help texts and "none found" messages. */
export const MENTORING_FILES_IN_WORDS = `**/${MENTORING_FILE} and ${MENTORING_FOLDER}/*.yaml or *.yml (skipping ${SKIPPED_FOLDERS.join(', ')})`;

/** True for `/a/b/.mentoring.yaml`, `/a/.mentoring/pair.yaml` and `/a/.mentoring/pair.yml` (a URI path or a POSIX path). */
export function isMentoringPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1] ?? '';
  if (base === MENTORING_FILE) return true;
  if (parts[parts.length - 2] !== MENTORING_FOLDER) return false;
  // `.mentoring/.yaml` has an extension and no name: not a file anyone meant.
  return MENTORING_FOLDER_EXTENSIONS.some((ext) => base.endsWith(ext) && base.length > ext.length);
}

/** A folder whose contents are never searched (the CLI walker asks this for every folder it meets). */
export function isSkippedFolder(name: string): boolean {
  return (SKIPPED_FOLDERS as readonly string[]).includes(name);
}

/**
 * A mentoring file a search would find: `relativePath` (to the folder searched, `/`-separated)
 * names a mentoring file and no folder on the way is skipped. A file opened or named by hand is
 * checked with `isMentoringPath` alone.
 */
export function isFoundMentoringPath(relativePath: string): boolean {
  if (!isMentoringPath(relativePath)) return false;
  const folders = relativePath.split('/').slice(0, -1);
  return !folders.some(isSkippedFolder);
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
