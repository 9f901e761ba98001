/**
 * The desktop editor's `Platform.mergeDriver` (src/editor/platform.ts): the CLI's install
 * (`src/cli/mergeDriver.ts`), with a driver line that runs this extension's bundled CLI under the
 * extension host's own executable, so a `git merge` in any terminal uses it without VS Code.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { MergeDriverPlatform } from '../editor/platform';
import { driverLine, installMergeDriver, mergeDriverInstalled } from '../cli/mergeDriver';

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
      if (!existsSync(cliPath)) throw new Error(`the bundled CLI is missing at ${cliPath}`);
      // A few quick git config calls, synchronous as the CLI's; the question comes first anyway.
      return installMergeDriver(folderPath, command);
    },
  };
}

/** The git work tree holding `folder`, asked without blocking the host; undefined when none, or git is missing. */
function gitTopLevel(folder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--show-toplevel'], { cwd: folder, encoding: 'utf8', timeout: 10_000, windowsHide: true }, (err, stdout) => {
      resolve(err ? undefined : stdout.trim() || undefined);
    });
  });
}
