/**
 * `mentoring merge-driver O A B P`: git's custom merge driver for mentoring files (merged by id in
 * `src/core/merge/`), and `mentoring merge-driver install`, which registers it in a repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mergeMentoring } from '../core/merge/index';
import { escapeLine } from '../core/escape';
import { realTarget, writeAtomicTo } from '../node/casWrite';
import { reason } from './files';
import { Failure, UsageError, type Io } from './io';

export const MERGE_DRIVER_USAGE = `Usage: mentoring merge-driver install
       mentoring merge-driver BASE OURS THEIRS PATH   (run by git)

install   registers the driver in the current git repository: .gitattributes lines for
          the mentoring files and git config merge.mentoring.{name,driver}.
BASE OURS THEIRS PATH  git's %O %A %B %P: merges by id into OURS; conflicts are printed
          as PATH:LINE: conflict: … and exit 1; a clean merge exits 0.`;

/**
 * What `.gitattributes` needs: the mentoring file names of src/core/files.ts at any depth (a
 * pattern with a slash is anchored to the repository root unless it starts with `**` + `/`).
 */
export const ATTRIBUTE_LINES = ['.mentoring.yaml merge=mentoring', '**/.mentoring/*.yaml merge=mentoring', '**/.mentoring/*.yml merge=mentoring'] as const;

export function mergeDriver(argv: string[], io: Io): Promise<number> {
  return Promise.resolve(run(argv, io));
}

function run(argv: string[], io: Io): number {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) return io.out(MERGE_DRIVER_USAGE + '\n'), 0;
  if (argv[0] === 'install') {
    if (argv.length > 1) throw new UsageError(`Unexpected argument: ${argv.slice(1).join(' ')}.`, MERGE_DRIVER_USAGE);
    return install(io);
  }
  if (argv.length !== 4) throw new UsageError('Expected install, or BASE OURS THEIRS PATH (git passes %O %A %B %P).', MERGE_DRIVER_USAGE);
  const [basePath, oursPath, theirsPath, shownPath] = argv as [string, string, string, string];
  const readSide = (p: string, side: string): string => {
    try {
      return readFileSync(resolve(io.cwd, p), 'utf8');
    } catch (err) {
      throw new Failure(`${shownPath}: cannot read ${side} (${p}): ${reason(err)}`);
    }
  };
  const base = readSide(basePath, 'the base version');
  const ours = readSide(oursPath, 'our version');
  const theirs = readSide(theirsPath, 'their version');
  const result = mergeMentoring(base, ours, theirs);
  writeAtomicTo(realTarget(resolve(io.cwd, oursPath)), result.text);
  for (const c of result.conflicts) io.err(`${escapeLine(shownPath)}:${c.line}: conflict: ${escapeLine(c.message)}\n`);
  return result.conflicts.length > 0 ? 1 : 0;
}

/** Quoted for sh: single quotes, with each ' written as '\''. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 }).trim();
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new Failure(`git ${args.join(' ')} failed: ${stderr || reason(err)}`);
  }
}

/** The top folder of the git work tree holding `cwd`, or undefined when there is none (or no git). */
export function gitTopLevel(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']);
  } catch {
    return undefined;
  }
}

/**
 * The line git runs (through sh, with %O %A %B %P replaced by single-quoted paths) to merge with
 * the CLI at `script` under the Node at `node`, both absolute. `electron`: `node` is an Electron
 * binary (the desktop editor's `process.execPath`), which acts as plain Node only with
 * ELECTRON_RUN_AS_NODE=1 in its environment; a real Node ignores the variable.
 */
export function driverLine(node: string, script: string, options: { electron?: boolean } = {}): string {
  return `${options.electron === true ? 'ELECTRON_RUN_AS_NODE=1 ' : ''}${shQuote(node)} ${shQuote(script)} merge-driver %O %A %B %P`;
}

/** One sh single-quoted word as `shQuote` writes it: `'…'` with each `'` inside as `'\''`. */
const QUOTED = String.raw`'((?:[^']|'\\'')*)'`;
const EDITOR_LINE = new RegExp(`^ELECTRON_RUN_AS_NODE=1 ${QUOTED} ${QUOTED} merge-driver %O %A %B %P$`);

/**
 * The Node and the script of a line `driverLine` wrote with `electron` (the editor's form), or
 * undefined for any other line (the CLI's own, or one a person wrote), which is never touched.
 */
export function editorDriverParts(line: string): { node: string; script: string } | undefined {
  const m = EDITOR_LINE.exec(line);
  if (!m) return undefined;
  const unquote = (s: string): string => s.replace(/'\\''/g, "'");
  return { node: unquote(m[1] as string), script: unquote(m[2] as string) };
}

/** The driver command for this very CLI: the running node and this script. */
function driverCommand(): string {
  const script = process.argv[1];
  if (script === undefined) throw new Failure('Cannot tell where the mentoring CLI is installed.');
  return driverLine(process.execPath, realpathSync(script));
}

/** True when the repository of `cwd` already merges the mentoring files with `command` (default: this CLI's). */
export function mergeDriverInstalled(cwd: string, command: string = driverCommand()): boolean {
  const top = gitTopLevel(cwd);
  if (top === undefined) return false;
  const attributes = join(top, '.gitattributes');
  const had = existsSync(attributes) ? readFileSync(attributes, 'utf8') : '';
  const present = new Set(had.split(/\r?\n/).map((l) => l.trim().split(/\s+/).join(' ')));
  let configured: string;
  try {
    configured = git(cwd, ['config', 'merge.mentoring.driver']);
  } catch {
    return false; // git config exits 1 when the key is not set
  }
  return ATTRIBUTE_LINES.every((l) => present.has(l)) && configured === command;
}

/**
 * Registers the driver in the repository of `cwd` (`.gitattributes` lines, git config) as
 * `command` (default: this CLI's; the editor passes its own `driverLine`); what was done, in words.
 */
export function installMergeDriver(cwd: string, command: string = driverCommand()): string {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  const attributes = join(top, '.gitattributes');
  const had = existsSync(attributes) ? readFileSync(attributes, 'utf8') : '';
  const present = new Set(had.split(/\r?\n/).map((l) => l.trim().split(/\s+/).join(' ')));
  const missing = ATTRIBUTE_LINES.filter((l) => !present.has(l));
  if (missing.length > 0) {
    const eol = /\r\n/.test(had) ? '\r\n' : '\n';
    const sep = had === '' || had.endsWith('\n') ? '' : eol;
    writeAtomicTo(realTarget(attributes), had + sep + missing.map((l) => l + eol).join(''));
  }
  git(cwd, ['config', 'merge.mentoring.name', 'mentoring files, merged by id']);
  git(cwd, ['config', 'merge.mentoring.driver', command]);
  return (
    `${missing.length > 0 ? `Added to .gitattributes: ${missing.join(', ')}.` : '.gitattributes already names the mentoring files.'}\n` +
    `Registered the merge driver in git config (merge.mentoring.driver = ${command}).\n` +
    `Each clone runs \`mentoring merge-driver install\` once: git does not share its config.\n`
  );
}

function install(io: Io): number {
  io.out(installMergeDriver(io.cwd));
  return 0;
}
