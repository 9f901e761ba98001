/**
 * What every command gets: the store, the private notes, the prompts and the clock,
 * plus the small questions several commands share (which file, which session,
 * which task, which role) and one way to report an edit's outcome.
 */
import * as vscode from 'vscode';
import { blocksEdits } from '../core/diagnostics';
import { runNamedEdit, type NamedEdit } from '../core/edit/named';
import type { Role, Session, Task } from '../core/schema';
import type { Keyring } from '../editor/keyring';
import type { Platform } from '../editor/platform';
import type { PrivateNotes } from '../editor/privateNotes';
import type { EditResult, MentoringState, MentoringStore, StoreEditResult } from '../editor/store';
import { editDone, noMentoringFile, fileHasErrors, refuse, warningText } from '../editor/outcome';
import { configuredRole } from '../editor/settings';
import { pickRole, roleWord } from '../editor/pickRole';
import type { Ui } from '../editor/ui';

export interface CommandContext {
  store: MentoringStore;
  notes: PrivateNotes;
  /** Your age identities (SecretStorage). */
  keyring: Keyring;
  ui(): Ui;
  now(): Date;
  /** What this host can do beyond `vscode.workspace.fs` (git's merge driver on the desktop). */
  platform: Platform;
}

/** Every command's argument object may name the file to work on (a URI string). */
export interface FileArgs {
  file?: string;
}

/** What commands resolve with: tests and the sidebar read it; `undefined` means the user cancelled. */
export type CommandOutcome = { ok: true; id?: string | undefined; unsaved?: boolean | undefined; warnings?: string[] } | { ok: false; message: string } | undefined;

/** The file named in `args`, or the current one (asking when there are several), or an error shown to the user. */
export async function targetState(ctx: CommandContext, args: FileArgs | undefined): Promise<MentoringState | undefined> {
  if (args?.file) {
    const uri = vscode.Uri.parse(args.file);
    await ctx.store.setCurrent(uri);
    const state = ctx.store.get(uri);
    if (!state) void ctx.ui().error(vscode.l10n.t('There is no readable mentoring file at {0}.', ctx.store.label(uri)));
    return state;
  }
  const state = await ctx.store.ensureCurrent();
  if (!state) {
    const choice = await ctx.ui().info(noMentoringFile(), vscode.l10n.t('Set Up an Agreement'));
    if (choice) await vscode.commands.executeCommand('mentoring.setUp');
  }
  return state;
}

/** The state's model, or an error naming the file's first problem. */
export function modelOf(ctx: CommandContext, state: MentoringState): NonNullable<MentoringState['result']['model']> | undefined {
  const model = state.result.model;
  if (model && !state.result.diagnostics.some(blocksEdits)) return model;
  void ctx.ui().error(fileHasErrors(ctx.store.label(state.uri), state.result.diagnostics));
  return undefined;
}

/**
 * Runs an edit through the store and tells the user what happened. `named`: the same operation by
 * name (`runNamed`), so on a large file the store runs it in its parse worker.
 */
export async function runEdit(ctx: CommandContext, state: MentoringState, op: (text: string) => EditResult | Promise<EditResult>, done: (id?: string) => string, named?: NamedEdit): Promise<CommandOutcome> {
  const result: StoreEditResult = await ctx.store.edit(op, state.uri, named);
  if (!result.ok) return refuse(ctx.ui(), result.message);
  const warnings = result.warnings.map(warningText);
  for (const w of warnings) void ctx.ui().warn(w);
  void ctx.ui().info(editDone(done(result.id), ctx.store.label(state.uri), result.unsaved));
  return { ok: true, id: result.id, unsaved: result.unsaved, warnings };
}

/** `runEdit` of an operation by name (core/edit/named.ts): the same function here as in the store's worker. */
export function runNamed(ctx: CommandContext, state: MentoringState, named: NamedEdit, done: (id?: string) => string): Promise<CommandOutcome> {
  return runEdit(ctx, state, (text) => runNamedEdit(named, text, ctx.now()), done, named);
}

/** The user's role from `mentoring.role`, or asked when it is "ask". */
export async function askRole(ctx: CommandContext, uri: vscode.Uri, given: Role | undefined, question: string): Promise<Role | undefined> {
  if (given) return given;
  const configured = configuredRole(uri);
  if (configured) return configured;
  return pickRole(ctx.ui(), { placeHolder: vscode.l10n.t('{0} (set mentoring.role to stop being asked)', question) });
}

export function sessionLabel(s: Session): string {
  return `${s.at.slice(0, 16).replace('T', ' ')} — ${s.topic?.trim() || vscode.l10n.t('no topic yet')}`;
}

/** A session's status as the user reads it. */
export function sessionStatusWord(status: Session['status']): string {
  return status === 'planned' ? vscode.l10n.t('planned') : status === 'held' ? vscode.l10n.t('held') : vscode.l10n.t('cancelled');
}

/** A session from `given` (must exist and pass `filter`) or picked from those that pass. */
export async function chooseSession(
  ctx: CommandContext,
  sessions: readonly Session[],
  given: string | undefined,
  filter: (s: Session) => boolean,
  placeHolder: string,
  none: string,
): Promise<Session | undefined> {
  const eligible = sessions.filter(filter);
  if (given !== undefined) {
    const found = eligible.find((s) => s.id === given);
    if (!found) void ctx.ui().error(vscode.l10n.t('There is no session "{0}" that fits. {1}', given, none));
    return found;
  }
  if (eligible.length === 0) {
    void ctx.ui().info(none);
    return undefined;
  }
  if (eligible.length === 1) return eligible[0];
  return ctx.ui().pick(
    eligible.map((s) => ({ label: sessionLabel(s), description: `${s.id} · ${sessionStatusWord(s.status)}`, value: s })),
    { placeHolder },
  );
}

/** An open task from `given` or picked from the open ones. */
export async function chooseOpenTask(ctx: CommandContext, tasks: readonly Task[], given: string | undefined, placeHolder: string): Promise<Task | undefined> {
  const open = tasks.filter((t) => t.status === 'open');
  if (given !== undefined) {
    const found = open.find((t) => t.id === given);
    if (!found) void ctx.ui().error(vscode.l10n.t('There is no open task "{0}".', given));
    return found;
  }
  if (open.length === 0) {
    void ctx.ui().info(vscode.l10n.t('There are no open tasks.'));
    return undefined;
  }
  return ctx.ui().pick(
    open.map((t) => ({
      label: t.title,
      description: t.due ? vscode.l10n.t('{0} · due {1}', roleWord(t.owner), t.due) : roleWord(t.owner),
      detail: t.links.length > 0 ? t.links.join(', ') : undefined,
      value: t,
    })),
    { placeHolder },
  );
}
