/**
 * The merge driver offer after *Set Up an Agreement* (src/commands/setUpMergeDriver.ts), with a
 * scripted Ui and platform: when it asks, what it does with each answer, and that a failed install
 * is a message, never a throw. The real install and git run in test/unit/node/mergeDriver.test.ts
 * and test/integration/mergeDriver.test.ts.
 */
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import type { CommandContext } from '../../../src/commands/context';
import { INSTALL, MERGE_DRIVER_QUESTION, NOT_NOW, offerMergeDriver, repairMergeDrivers } from '../../../src/commands/setUpMergeDriver';
import type { MergeDriverPlatform, Platform } from '../../../src/editor/platform';
import type { Ui } from '../../../src/editor/ui';

type Seen = { level: string; text: string; actions: string[] };

function world(driver: Partial<MergeDriverPlatform> | undefined, answer: string | undefined): { ctx: CommandContext; seen: Seen[]; installs: string[] } {
  const seen: Seen[] = [];
  const installs: string[] = [];
  const say = (level: string) => async (text: string, ...actions: string[]): Promise<string | undefined> => {
    seen.push({ level, text, actions });
    return actions.length > 0 ? answer : undefined;
  };
  const ui = { info: say('info'), warn: say('warn'), error: say('error') } as unknown as Ui;
  const platform = {
    withFileLock: (_p: string, fn: () => Promise<unknown>) => fn(),
    realPath: async () => undefined,
    caseInsensitive: false,
    ...(driver
      ? {
          mergeDriver: {
            state: driver.state ?? (async () => 'missing' as const),
            repair: driver.repair ?? (async () => undefined),
            install: async (folder: string) => {
              installs.push(folder);
              return (driver.install ?? (async () => 'Added to .gitattributes: .mentoring.yaml merge=mentoring.\nRegistered the merge driver.\n'))(folder);
            },
          },
        }
      : {}),
  } as Platform;
  return { ctx: { ui: () => ui, platform } as unknown as CommandContext, seen, installs };
}

const FOLDER = { scheme: 'file', fsPath: '/work/repo' } as vscode.Uri;

describe('the merge driver offer after Set Up an Agreement', () => {
  it('asks with Install / Not now; Install installs in that folder and says what was done in one line', async () => {
    const { ctx, seen, installs } = world({}, INSTALL());
    await offerMergeDriver(ctx, FOLDER);
    assert.deepEqual(seen[0], { level: 'info', text: MERGE_DRIVER_QUESTION(), actions: [INSTALL(), NOT_NOW()] });
    assert.deepEqual(installs, ['/work/repo']);
    assert.equal(seen[1]?.text, 'Merge driver installed: git now merges the mentoring files by id. Added to .gitattributes: .mentoring.yaml merge=mentoring. Registered the merge driver.');
  });

  it('Not now, or a dismissed question, installs nothing and says nothing more', async () => {
    for (const answer of [NOT_NOW(), undefined]) {
      const { ctx, seen, installs } = world({}, answer);
      await offerMergeDriver(ctx, FOLDER);
      assert.equal(seen.length, 1);
      assert.deepEqual(installs, []);
    }
  });

  it('is not asked on the web (no capability), outside git, when installed, or for a folder that is not on disk', async () => {
    const cases: [Partial<MergeDriverPlatform> | undefined, vscode.Uri][] = [
      [undefined, FOLDER],
      [{ state: async () => 'none' }, FOLDER],
      [{ state: async () => 'installed' }, FOLDER],
      [{}, { scheme: 'vscode-remote', fsPath: '/work/repo' } as vscode.Uri],
    ];
    for (const [driver, folder] of cases) {
      const { ctx, seen, installs } = world(driver, INSTALL());
      await offerMergeDriver(ctx, folder);
      assert.deepEqual(seen, []);
      assert.deepEqual(installs, []);
    }
  });

  it('a failing install (or git check) is an error message naming the reason, never a throw', async () => {
    const { ctx, seen } = world({ install: async () => { throw new Error('git config merge.mentoring.driver failed: could not lock config file'); } }, INSTALL());
    await offerMergeDriver(ctx, FOLDER);
    assert.equal(seen[1]?.level, 'error');
    assert.match(seen[1]?.text ?? '', /^Could not install the merge driver: git config merge\.mentoring\.driver failed: could not lock config file\. The agreement is written/);
    const broken = world({ state: async () => { throw new Error('spawn git EACCES'); } }, INSTALL());
    await offerMergeDriver(broken.ctx, FOLDER);
    assert.match(broken.seen[0]?.text ?? '', /^Could not install the merge driver: spawn git EACCES/);
  });

  it("repair at start-up: asks each file's folder once, tells the user once per repository it changed, and survives a failing git", async () => {
    const asked: string[] = [];
    const { ctx, seen } = world({
      repair: async (folder: string) => {
        asked.push(folder);
        if (folder.includes('broken')) throw new Error('git died');
        return folder.startsWith('/work/repo') ? '/work/repo' : undefined;
      },
    }, undefined);
    const uri = (fsPath: string, scheme = 'file'): vscode.Uri => ({ scheme, fsPath } as vscode.Uri);
    const files = [uri('/work/repo/.mentoring.yaml'), uri('/work/repo/.mentoring/pair.yaml'), uri('/work/broken/.mentoring.yaml'), uri('/work/fine/.mentoring.yaml'), uri('/work/repo/.mentoring.yaml', 'vscode-remote')];
    const checked = new Set<string>();
    await repairMergeDrivers(ctx.platform, files, () => ctx.ui(), checked);
    await repairMergeDrivers(ctx.platform, [uri('/work/repo/.mentoring.yaml'), uri('/work/new/.mentoring.yaml')], () => ctx.ui(), checked);
    assert.deepEqual(asked, ['/work/repo', '/work/repo/.mentoring', '/work/broken', '/work/fine', '/work/new'], 'each folder once');
    assert.deepEqual(seen.map((m) => m.level), ['info']);
    assert.match(seen[0]?.text ?? '', /^Mentoring updated the merge driver in \/work\/repo: it named an earlier installation/);
    const none = world(undefined, undefined);
    await repairMergeDrivers(none.ctx.platform, files, () => none.ctx.ui());
    assert.deepEqual(none.seen, []);
  });
});
