/**
 * The store's parse cache (`StoreOptions.parseCache`), from the platform's (`Platform.parseCache`:
 * the desktop's, src/node/parseCache.ts) in VS Code's storage for this workspace
 * (`ExtensionContext.storageUri`). None without a workspace's storage on disk, or on the web; and
 * should that storage lie inside an open workspace folder (where it could be committed), nothing is
 * read from it or written to it.
 */
import * as vscode from 'vscode';
import { overlaps } from './privateNotes';
import type { ParseCache, Platform } from './platform';

export function keptParses(storage: vscode.Uri | undefined, platform: Platform): ParseCache | undefined {
  if (!storage || storage.scheme !== 'file' || !platform.parseCache) return undefined;
  const cache = platform.parseCache(storage.fsPath);
  const outsideFolders = async (): Promise<boolean> => !(await overlaps(storage, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri), platform));
  return {
    read: async () => ((await outsideFolders()) ? cache.read() : undefined),
    write: async (uri, text, result, day) => (await outsideFolders()) && cache.write(uri, text, result, day),
  };
}
