/** Mentoring: Add a Private Note — kept on this machine only, never in the repository. */
import { PRIVATE_LABEL, fileKeyOf } from '../editor/privateNotes';
import { type CommandContext, type CommandOutcome, type FileArgs, sessionLabel, targetState } from './context';

export interface AddPrivateNoteArgs extends FileArgs {
  text?: string;
  /** A session id, or "" for a note not tied to a session. */
  session?: string;
}

export async function addPrivateNote(ctx: CommandContext, args: AddPrivateNoteArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  if (!state) return undefined;
  const ui = ctx.ui();
  let session = args.session;
  const sessions = state.result.model?.sessions ?? [];
  if (session === undefined && sessions.length > 0) {
    const latestFirst = [...sessions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    session = await ui.pick(
      [{ label: 'Not tied to a session', value: '' }, ...latestFirst.map((s) => ({ label: sessionLabel(s), description: s.id, value: s.id }))],
      { title: `Private note (${PRIVATE_LABEL})`, placeHolder: 'Which session is the note about?' },
    );
    if (session === undefined) return undefined;
  }
  const text =
    args.text ??
    (await ui.input({
      title: `Private note (${PRIVATE_LABEL})`,
      prompt: 'Your note. It stays in this extension’s storage on this machine and is never written to the repository.',
      validate: (v) => (v.trim() ? undefined : 'Type the note, or press Escape to cancel.'),
    }));
  if (text === undefined || !text.trim()) return undefined;
  const note = await ctx.notes.add({ fileKey: fileKeyOf(state.uri), ...(session ? { sessionId: session } : {}), text });
  void ui.info(`Private note saved (${PRIVATE_LABEL}).`);
  return { ok: true, id: note.id };
}
