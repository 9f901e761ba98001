/**
 * After *Set Up an Agreement* writes the file: the offer `mentoring init` makes on a terminal
 * (src/cli/init.ts), to let git merge the mentoring files by id. Only where the host can run git
 * (`Platform.mergeDriver`, absent on the web) and the folder is in a git work tree without it.
 */
import type * as vscode from 'vscode';
import type { CommandContext } from './context';

export const MERGE_DRIVER_QUESTION = 'Let git merge .mentoring.yaml by id? Installs a merge driver in this repository (.gitattributes and .git/config).';
export const INSTALL = 'Install';
export const NOT_NOW = 'Not now';

/** Asks, installs when told to, and says what happened; never throws (the agreement is written either way). */
export async function offerMergeDriver(ctx: CommandContext, folder: vscode.Uri): Promise<void> {
  const driver = ctx.platform.mergeDriver;
  if (!driver || folder.scheme !== 'file') return;
  const ui = ctx.ui();
  try {
    if ((await driver.state(folder.fsPath)) !== 'missing') return;
    if ((await ui.info(MERGE_DRIVER_QUESTION, INSTALL, NOT_NOW)) !== INSTALL) return;
    const done = await driver.install(folder.fsPath);
    void ui.info(`Merge driver installed: git now merges the mentoring files by id. ${done.trim().replace(/\s*\n\s*/g, ' ')}`);
  } catch (err) {
    void ui.error(`Could not install the merge driver: ${err instanceof Error ? err.message : String(err)}. The agreement is written; run \`mentoring merge-driver install\` in the repository.`);
  }
}
