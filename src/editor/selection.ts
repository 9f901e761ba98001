/** The active editor's selection as a code link (`src/a.ts#L10-L12`), for a new task from the selection. */
import * as vscode from 'vscode';
import { codeLink } from '../core/links';

/** The link for the active editor's selection, relative to the mentoring file's workspace folder. */
export function selectionLink(mentoringFile: vscode.Uri): { link: string; text: string } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme === 'comment') return undefined;
  const doc = editor.document;
  if (doc.uri.toString() === mentoringFile.toString()) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(mentoringFile) ?? vscode.workspace.getWorkspaceFolder(doc.uri);
  const rel = folder && doc.uri.path.startsWith(folder.uri.path + '/') ? doc.uri.path.slice(folder.uri.path.length + 1) : vscode.workspace.asRelativePath(doc.uri, false);
  const sel = editor.selection;
  return {
    link: codeLink(rel, { startLine: sel.start.line, endLine: sel.end.line, endCharacter: sel.end.character }),
    text: sel.isEmpty ? doc.lineAt(sel.start.line).text : doc.getText(sel),
  };
}
