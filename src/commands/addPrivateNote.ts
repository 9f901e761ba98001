/** Mentoring: Add a Private Note — kept on this machine only, never in the repository. */
import * as vscode from 'vscode';
import { fileKeyOf, privateLabel } from '../editor/privateNotes';
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
      [{ label: vscode.l10n.t('Not tied to a session'), value: '' }, ...latestFirst.map((s) => ({ label: sessionLabel(s), description: s.id, value: s.id }))],
      { title: vscode.l10n.t('Private note ({0})', privateLabel()), placeHolder: vscode.l10n.t('Which session is the note about?') },
    );
    if (session === undefined) return undefined;
  }
  const text =
    args.text ??
    (await ui.input({
      title: vscode.l10n.t('Private note ({0})', privateLabel()),
      prompt: vscode.l10n.t('Your note. It stays in this extension’s storage on this machine and is never written to the repository.'),
      validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Type the note, or press Escape to cancel.')),
    }));
  if (text === undefined || !text.trim()) return undefined;
  const note = await ctx.notes.add({ fileKey: fileKeyOf(state.uri), ...(session ? { sessionId: session } : {}), text });
  void ui.info(vscode.l10n.t('Private note saved ({0}).', privateLabel()));
  return { ok: true, id: note.id };
}
