/**
 * Mentoring: Export a Session Summary — Markdown in a new untitled document, or saved to a file.
 * Sealed fields your keys open are shown opened with a lock (`openedSummary`, as the CLI's
 * `mentoring summary` shows them); the others say who can read them. Opened text is about to
 * leave the seal, so writing it into a workspace folder (one `git add .` from being public) needs
 * a modal yes first.
 */
import * as vscode from 'vscode';
import { isSealed } from '../core/seal/armor';
import { fieldValues } from '../core/seal/fields';
import { isInside, pathStyleOf } from '../core/seal/paths';
import { openedSummary } from '../core/seal/summary';
import { chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, targetState } from './context';

export interface ExportSummaryArgs extends FileArgs {
  session?: string;
  /** Save to this file (a URI string) instead of opening an untitled document. */
  saveTo?: string;
}

const UNSAVED = 'unsaved';
const SAVE = 'save';

export async function exportSummary(ctx: CommandContext, args: ExportSummaryArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const latestFirst = [...model.sessions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const session = await chooseSession(ctx, latestFirst, args.session, () => true, vscode.l10n.t('Summary of which session?'), vscode.l10n.t('There are no sessions yet. Plan one first.'));
  if (!session) return undefined;
  const i = model.sessions.indexOf(session);
  const sealed = fieldValues(model).some((fv) => fv.path[0] === 'sessions' && fv.path[1] === i && isSealed(fv.value));
  const summary = await openedSummary(model, session.id, sealed ? await ctx.keyring.identities() : []);
  const ui = ctx.ui();

  let target = args.saveTo !== undefined ? vscode.Uri.parse(args.saveTo) : undefined;
  if (target === undefined && summary.opened.length > 0) {
    const how = await ui.pick(
      [
        { label: vscode.l10n.t('Open as an unsaved document'), description: vscode.l10n.t('nothing is written; if you save it, save it outside the repository'), value: UNSAVED },
        { label: vscode.l10n.t('Save to a file…'), description: vscode.l10n.t('outside the workspace: it holds text opened from sealed fields'), value: SAVE },
      ],
      { title: vscode.l10n.t('Mentoring: Export a Session Summary'), placeHolder: vscode.l10n.t('The summary of {0} holds text opened from sealed fields', session.id) },
    );
    if (how === undefined) return undefined;
    if (how === SAVE) {
      target = await ui.saveFile({ title: vscode.l10n.t('Save the summary (outside the workspace)'), defaultName: `session-${session.id}.md` });
      if (!target) return undefined;
    }
  }

  if (target === undefined) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: summary.markdown });
    await vscode.window.showTextDocument(doc, { preview: false });
    return { ok: true, id: session.id };
  }

  const folder = summary.opened.length > 0 ? workspaceFolderHolding(target) : undefined;
  if (folder) {
    const yes = await ui.confirm(
      vscode.l10n.t('This summary holds text opened from sealed fields ({0}), and {1} is inside the workspace folder {2}: one `git add` would publish it. Write it there anyway?', summary.opened.join('; '), target.fsPath, folder.name),
      vscode.l10n.t('Write It There'),
      vscode.l10n.t('Sealed text stays readable by its readers only while it stays sealed. Choose a place outside the workspace, or keep the file out of git (.gitignore).'),
    );
    if (!yes) {
      void ui.info(vscode.l10n.t('The summary was not written.'));
      return undefined;
    }
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(summary.markdown));
  } catch (err) {
    const message = vscode.l10n.t('Cannot write {0}: {1}.', target.fsPath, err instanceof Error ? err.message : String(err));
    void ui.error(message);
    return { ok: false, message };
  }
  void ui.info(vscode.l10n.t('Saved the summary of {0} to {1}.', session.id, target.fsPath));
  return { ok: true, id: session.id };
}

/**
 * The workspace folder `target` lies in. Beside VS Code's own answer, the paths are compared
 * ignoring case where the file system does (macOS, Windows: `~/Repo` and `~/repo` are one
 * folder). Symlinks are not followed here: this code also runs on the web, without real paths
 * (the CLI follows them, src/cli/sealing.ts).
 */
export function workspaceFolderHolding(target: vscode.Uri): vscode.WorkspaceFolder | undefined {
  const direct = vscode.workspace.getWorkspaceFolder(target);
  if (direct) return direct;
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  const style = pathStyleOf(target.scheme === 'file' ? platform : undefined);
  const pathOf = (u: vscode.Uri): string => (u.scheme === 'file' ? u.fsPath : u.path);
  return vscode.workspace.workspaceFolders?.find(
    (f) => f.uri.scheme === target.scheme && f.uri.authority.toLowerCase() === target.authority.toLowerCase() && isInside(pathOf(target), pathOf(f.uri), style),
  );
}
