/**
 * Mentoring: Add to Calendar — one session as an iCalendar file saved outside the workspace, for
 * the user's calendar app (src/core/rituals/calendar.ts decides what the event says; sealed and
 * confidential fields never go in). Saving it again later updates the same event (stable UID).
 *
 * A place inside a workspace folder is refused: the file is a copy for a calendar app that goes
 * stale with the next change, and there it is one `git add .` from the repository.
 */
import * as vscode from 'vscode';
import { calendarOf, isOnCalendar } from '../core/rituals/calendar';
import { toIcs } from '../core/rituals/ics';
import { nextSession } from '../core/queries';
import { chooseSession, type CommandContext, type CommandOutcome, type FileArgs, modelOf, targetState } from './context';
import { workspaceFolderHolding } from './exportSummary';

export interface AddToCalendarArgs extends FileArgs {
  session?: string;
  /** Save to this file (a URI string) instead of asking with a save dialog. */
  saveTo?: string;
}

/** The action's label, in the user's language (called when shown and when compared). */
export const OPEN_IN_CALENDAR = (): string => vscode.l10n.t('Open in Calendar App');

export async function addToCalendar(ctx: CommandContext, args: AddToCalendarArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const now = ctx.now();
  // The next session first, then the rest in time order.
  const next = nextSession(model, now);
  const ordered = [...model.sessions].sort((a, b) => (a === next ? -1 : b === next ? 1 : Date.parse(a.at) - Date.parse(b.at)));
  const session = await chooseSession(ctx, ordered, args.session, isOnCalendar, vscode.l10n.t('Add which session to your calendar?'), vscode.l10n.t('There is no planned or cancelled session to add. Plan one first.'));
  if (!session) return undefined;
  const ui = ctx.ui();

  const target = args.saveTo !== undefined ? vscode.Uri.parse(args.saveTo) : await ui.saveFile({ title: vscode.l10n.t('Save the calendar file (outside the workspace)'), defaultName: `mentoring-${session.id}.ics` });
  if (!target) return undefined;
  const folder = workspaceFolderHolding(target);
  if (folder) {
    const message = vscode.l10n.t('{0} is inside the workspace folder {1}: a calendar file there goes stale with the next change and is one `git add` from the repository. Save it outside the workspace (your home or downloads folder).', target.fsPath, folder.name);
    void ui.error(message);
    return { ok: false, message };
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(toIcs(calendarOf(model, now, [session]))));
  } catch (err) {
    const message = vscode.l10n.t('Cannot write {0}: {1}.', target.fsPath, err instanceof Error ? err.message : String(err));
    void ui.error(message);
    return { ok: false, message };
  }
  // Not awaited: the command is done once the file is written; the action opens it with the OS.
  const open = OPEN_IN_CALENDAR();
  void ui.info(vscode.l10n.t('Saved session {0} to {1}. Open it with your calendar app; saving it again later updates the same event.', session.id, target.fsPath), open).then(async (choice) => {
    if (choice === open) await vscode.env.openExternal(target);
  });
  return { ok: true, id: session.id };
}
