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

export const OPEN_IN_CALENDAR = 'Open in Calendar App';

export async function addToCalendar(ctx: CommandContext, args: AddToCalendarArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const now = ctx.now();
  // The next session first, then the rest in time order.
  const next = nextSession(model, now);
  const ordered = [...model.sessions].sort((a, b) => (a === next ? -1 : b === next ? 1 : Date.parse(a.at) - Date.parse(b.at)));
  const session = await chooseSession(ctx, ordered, args.session, isOnCalendar, 'Add which session to your calendar?', 'There is no planned or cancelled session to add. Plan one first.');
  if (!session) return undefined;
  const ui = ctx.ui();

  const target = args.saveTo !== undefined ? vscode.Uri.parse(args.saveTo) : await ui.saveFile({ title: 'Save the calendar file (outside the workspace)', defaultName: `mentoring-${session.id}.ics` });
  if (!target) return undefined;
  const folder = workspaceFolderHolding(target);
  if (folder) {
    const message = `${target.fsPath} is inside the workspace folder ${folder.name}: a calendar file there goes stale with the next change and is one \`git add\` from the repository. Save it outside the workspace (your home or downloads folder).`;
    void ui.error(message);
    return { ok: false, message };
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(toIcs(calendarOf(model, now, [session]))));
  } catch (err) {
    const message = `Cannot write ${target.fsPath}: ${err instanceof Error ? err.message : String(err)}.`;
    void ui.error(message);
    return { ok: false, message };
  }
  // Not awaited: the command is done once the file is written; the action opens it with the OS.
  void ui.info(`Saved session ${session.id} to ${target.fsPath}. Open it with your calendar app; saving it again later updates the same event.`, OPEN_IN_CALENDAR).then(async (choice) => {
    if (choice === OPEN_IN_CALENDAR) await vscode.env.openExternal(target);
  });
  return { ok: true, id: session.id };
}
