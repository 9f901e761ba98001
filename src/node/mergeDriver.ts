/**
 * The desktop editor's `Platform.mergeDriver` (src/editor/platform.ts): the CLI's install
 * (`src/cli/mergeDriver.ts`), with a driver line that runs this extension's bundled CLI under the
 * extension host's own executable, so a `git merge` in any terminal uses it without VS Code.
 */
import * as l10n from '@vscode/l10n';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { MergeDriverPlatform } from '../editor/platform';
import { driverLine, editorDriverParts, installMergeDriver, mergeDriverInstalled } from '../cli/mergeDriver';

/**
 * `cliPath`: the installed extension's `dist/cli.js`. The host's `process.execPath` is Electron on
 * the desktop and Node in code-server and remote servers; ELECTRON_RUN_AS_NODE=1 is set on both
 * (Node ignores it), so the line git runs is the same shape wherever it was installed.
 */
export function nodeMergeDriver(cliPath: string, execPath: string = process.execPath): MergeDriverPlatform {
  const command = driverLine(execPath, cliPath, { electron: true });
  return {
    state: async (folderPath) => {
      const top = await gitTopLevel(folderPath);
      if (top === undefined) return 'none';
      return mergeDriverInstalled(top, command) ? 'installed' : 'missing';
    },
    install: async (folderPath) => {
      if (!existsSync(cliPath)) throw new Error(l10n.t('the bundled CLI is missing at {0}', cliPath));
      // A few quick git config calls, synchronous as the CLI's; the question comes first anyway.
      return installMergeDriver(folderPath, command);
    },
    repair: async (folderPath) => {
      const top = await gitTopLevel(folderPath);
      if (top === undefined) return undefined;
      const configured = await gitOut(top, ['config', '--local', 'merge.mentoring.driver']);
      if (configured === undefined || configured === command || !isStaleEditorLine(configured)) return undefined;
      if (!existsSync(cliPath)) return undefined;
      if ((await gitOut(top, ['config', '--local', 'merge.mentoring.driver', command])) === undefined) return undefined;
      return top;
    },
  };
}

/**
 * A line the editor wrote (`driverLine` with `electron`) whose Node or script is gone: an update
 * of the extension (its folder is versioned) or of the editor moved them. A line that still runs,
 * perhaps another editor's with its own copy of the extension, is left alone, so two editors never
 * take turns rewriting it; so is every line the editor did not write.
 */
export function isStaleEditorLine(line: string): boolean {
  const parts = editorDriverParts(line);
  if (parts === undefined) return false;
  const ours = basename(parts.script) === 'cli.js' && basename(dirname(parts.script)) === 'dist';
  return ours && (!existsSync(parts.node) || !existsSync(parts.script));
}

/** git's trimmed output in `cwd`, or undefined when it fails (a key not set exits 1) or git is missing. */
function gitOut(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', timeout: 10_000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : stdout.trim()));
  });
}

/** The git work tree holding `folder`, asked without blocking the host; undefined when none, or git is missing. */
async function gitTopLevel(folder: string): Promise<string | undefined> {
  return (await gitOut(folder, ['rev-parse', '--show-toplevel'])) || undefined;
}
