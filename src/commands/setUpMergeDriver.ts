/**
 * After *Set Up an Agreement* writes the file: the offer `mentoring init` makes on a terminal
 * (src/cli/init.ts), to let git merge the mentoring files by id. Only where the host can run git
 * (`Platform.mergeDriver`, absent on the web) and the folder is in a git work tree without it.
 */
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { Platform } from '../editor/platform';
import type { Ui } from '../editor/ui';
import type { CommandContext } from './context';

// Functions, not constants: the words are looked up in the user's language when shown (and compared).
// `@vscode/l10n`, not `vscode.l10n`: this module is unit-tested in Node; src/extension.ts loads the bundle.
export const MERGE_DRIVER_QUESTION = (): string => l10n.t('Let git merge .mentoring.yaml by id? Installs a merge driver in this repository (.gitattributes and .git/config).');
export const INSTALL = (): string => l10n.t('Install');
export const NOT_NOW = (): string => l10n.t('Not now');

/** Asks, installs when told to, and says what happened; never throws (the agreement is written either way). */
export async function offerMergeDriver(ctx: CommandContext, folder: vscode.Uri): Promise<void> {
  const driver = ctx.platform.mergeDriver;
  if (!driver || folder.scheme !== 'file') return;
  const ui = ctx.ui();
  try {
    if ((await driver.state(folder.fsPath)) !== 'missing') return;
    const install = INSTALL();
    if ((await ui.info(MERGE_DRIVER_QUESTION(), install, NOT_NOW())) !== install) return;
    const done = await driver.install(folder.fsPath);
    void ui.info(l10n.t('Merge driver installed: git now merges the mentoring files by id. {0}', done.trim().replace(/\s*\n\s*/g, ' ')));
  } catch (err) {
    void ui.error(l10n.t('Could not install the merge driver: {0}. The agreement is written; run `mentoring merge-driver install` in the repository.', err instanceof Error ? err.message : String(err)));
  }
}

/**
 * In a trusted workspace, for each folder holding a mentoring file, once per window: the driver
 * line names the versioned extension folder (and the editor's executable), so an update leaves
 * git a line it cannot run, and each merge of a mentoring file would fall back to a conflict. A
 * repository whose line this editor wrote and can no longer run is pointed at this installation
 * again, and the user is told once per repository. Lines that still run, or that the editor did
 * not write, are left alone. `checked`: the folders already looked at (kept by the caller).
 */
export async function repairMergeDrivers(platform: Platform, files: readonly vscode.Uri[], ui: () => Ui, checked: Set<string> = new Set()): Promise<void> {
  const driver = platform.mergeDriver;
  if (!driver) return;
  const folders = files.filter((f) => f.scheme === 'file').map((f) => f.fsPath.slice(0, Math.max(f.fsPath.lastIndexOf('/'), f.fsPath.lastIndexOf('\\'))));
  const fresh = [...new Set(folders)].filter((folder) => !checked.has(folder));
  for (const folder of fresh) checked.add(folder); // before the first await: a parse meanwhile does not ask again
  const repaired = new Set<string>();
  for (const folder of fresh) {
    try {
      const top = await driver.repair(folder);
      if (top !== undefined && !repaired.has(top)) {
        repaired.add(top);
        void ui().info(l10n.t('Mentoring updated the merge driver in {0}: it named an earlier installation of the extension, which git could no longer run.', top));
      }
    } catch {
      // A repository git cannot read is the user's to look at; merging there falls back to a conflict, nothing is lost.
    }
  }
}
