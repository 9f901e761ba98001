/**
 * Where the sidebar's "open" messages lead: the mentoring file at a line and column, and a task's
 * code link, which opens only inside a workspace folder (the link is text from the file, which may
 * come from a cloned repository; `checkWorkspacePath` in src/core/views/sidebar.ts says what passes).
 */
import * as vscode from 'vscode';
import { parseCodeLink } from '../core/links';
import { checkWorkspacePath } from '../core/views/sidebar';
import type { Ui } from '../editor/ui';

/** Opens `uri` in an editor (not as a preview), with the cursor at a 1-based line and column kept inside the file. */
export async function openFileAt(uri: vscode.Uri, line: number | undefined, column: number | undefined): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const options: vscode.TextDocumentShowOptions = { preview: false };
  if (line !== undefined) {
    const l = Math.min(Math.max(0, line - 1), Math.max(0, doc.lineCount - 1));
    const c = Math.min(Math.max(0, (column ?? 1) - 1), doc.lineAt(l).text.length);
    options.selection = new vscode.Range(l, c, l, c);
  }
  await vscode.window.showTextDocument(doc, options);
}

/**
 * What became of a link: opened (a folder is revealed in the explorer); `missing`, or `refused` as
 * not workspace-relative (the user is told either way); or `noFolder`, with no workspace folder.
 */
export type LinkOutcome = { kind: 'opened' } | { kind: 'missing' } | { kind: 'refused'; reason: string } | { kind: 'noFolder' };

/** Opens a task link in the workspace folder of `near` (else the first one); anything else is refused. */
export async function openLink(link: string, near: vscode.Uri | undefined, ui: Ui): Promise<LinkOutcome> {
  const parsed = parseCodeLink(link.trim());
  const checked = checkWorkspacePath(parsed.path);
  if (!checked.ok) {
    void ui.warn(vscode.l10n.t('Mentoring opens only workspace-relative links; not this one ({0}).', checked.reason));
    return { kind: 'refused', reason: checked.reason };
  }
  const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return { kind: 'noFolder' };
  const target = vscode.Uri.joinPath(folder.uri, ...checked.segments);
  try {
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.type & vscode.FileType.Directory) {
      await vscode.commands.executeCommand('revealInExplorer', target);
      return { kind: 'opened' };
    }
  } catch {
    void ui.warn(vscode.l10n.t('The linked file {0} is not in {1} (moved or deleted?).', checked.segments.join('/'), folder.name));
    return { kind: 'missing' };
  }
  const doc = await vscode.workspace.openTextDocument(target);
  const options: vscode.TextDocumentShowOptions = { preview: true };
  if (parsed.startLine !== undefined) {
    const last = Math.max(0, doc.lineCount - 1);
    const start = Math.min(parsed.startLine - 1, last);
    const end = Math.min((parsed.endLine ?? parsed.startLine) - 1, last);
    options.selection = new vscode.Range(start, 0, end, doc.lineAt(end).text.length);
  }
  await vscode.window.showTextDocument(doc, options);
  return { kind: 'opened' };
}
