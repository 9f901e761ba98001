/**
 * Mentoring: Set Up an Agreement — a guided sequence of inputs that writes a
 * commented starter file: `.mentoring.yaml` at the folder root, or
 * `.mentoring/<mentor>-<mentee>.yaml` when the root already has one.
 */
import * as vscode from 'vscode';
import { type CommandContext, type CommandOutcome } from './context';
import { initFile } from '../core/init';
import { localIsoDate, parseDate } from '../core/time';
import { offerMergeDriver } from './setUpMergeDriver';

/** The guided set-up's answers. */
export interface SetUpAnswers {
  mentor: { name: string; handle?: string };
  mentee: { name: string; handle?: string };
  goal?: { title: string; by: string };
  cadence: 'weekly' | 'biweekly' | 'monthly';
}

export interface SetUpArgs extends Partial<SetUpAnswers> {
  /** The workspace folder (URI string) to write into; asked when there are several. */
  folder?: string;
}

const SIX_MONTHS_DAYS = 182;

export async function setUp(ctx: CommandContext, args: SetUpArgs = {}): Promise<CommandOutcome> {
  const ui = ctx.ui();
  const folder = await chooseFolder(ctx, args.folder);
  if (!folder) return undefined;
  const ask = async (prompt: string, step: string, value?: string, required = true): Promise<string | undefined> =>
    ui.input({ title: vscode.l10n.t('Set up a mentoring agreement ({0})', step), prompt, value, validate: (v) => (required && !v.trim() ? vscode.l10n.t('This one is needed.') : undefined) });

  const mentorName = args.mentor?.name ?? (await ask(vscode.l10n.t('Mentor’s full name'), '1/6'));
  if (mentorName === undefined) return undefined;
  const mentorHandle = args.mentor ? args.mentor.handle : await ask(vscode.l10n.t('Mentor’s handle on your code host (optional)'), '2/6', undefined, false);
  if (mentorHandle === undefined && !args.mentor) return undefined;
  const menteeName = args.mentee?.name ?? (await ask(vscode.l10n.t('Mentee’s full name'), '3/6'));
  if (menteeName === undefined) return undefined;
  const menteeHandle = args.mentee ? args.mentee.handle : await ask(vscode.l10n.t('Mentee’s handle on your code host (optional)'), '4/6', undefined, false);
  if (menteeHandle === undefined && !args.mentee) return undefined;
  let goal = args.goal;
  if (!args.mentor) {
    const title = await ask(vscode.l10n.t('A first goal, in one sentence (optional)'), '5/6', undefined, false);
    if (title === undefined) return undefined;
    if (title.trim()) {
      const limit = localIsoDate(new Date(ctx.now().getTime() + SIX_MONTHS_DAYS * 86_400_000));
      const by = await ui.input({
        title: vscode.l10n.t('Set up a mentoring agreement ({0})', '5/6'),
        prompt: vscode.l10n.t('By when? At most six months from now (YYYY-MM-DD).'),
        value: limit,
        validate: (v) => { const r = parseDate(v); return 'error' in r ? r.error : undefined; },
      });
      if (by === undefined) return undefined;
      goal = { title: title.trim(), by: by.trim() };
    }
  }
  let cadence = args.cadence;
  if (!cadence && !args.mentor) {
    cadence = await ui.pick<SetUpAnswers['cadence']>(
      [
        { label: vscode.l10n.t('Weekly'), value: 'weekly' },
        { label: vscode.l10n.t('Every two weeks'), value: 'biweekly' },
        { label: vscode.l10n.t('Monthly'), value: 'monthly' },
      ],
      { title: vscode.l10n.t('Set up a mentoring agreement ({0})', '6/6'), placeHolder: vscode.l10n.t('How often do you meet?') },
    );
    if (!cadence) return undefined;
  }
  const answers: SetUpAnswers = {
    mentor: { name: mentorName.trim(), ...(mentorHandle?.trim() ? { handle: mentorHandle.trim() } : {}) },
    mentee: { name: menteeName.trim(), ...(menteeHandle?.trim() ? { handle: menteeHandle.trim() } : {}) },
    ...(goal ? { goal } : {}),
    cadence: cadence ?? 'weekly',
  };
  const target = await freeTarget(folder, answers);
  const content = initFile({ mentor: answers.mentor, mentee: answers.mentee, cadence: answers.cadence, goals: answers.goal ? [answers.goal] : [] }, ctx.now());
  // Create through a WorkspaceEdit, so the new file is an ordinary undoable change
  // (its folder first: `.mentoring/` may not exist yet).
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { ignoreIfExists: false, overwrite: false });
  edit.insert(target, new vscode.Position(0, 0), content);
  if (!(await vscode.workspace.applyEdit(edit))) {
    const message = vscode.l10n.t('Could not create {0}; nothing was written.', vscode.workspace.asRelativePath(target));
    void ui.error(message);
    return { ok: false, message };
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await doc.save();
  await ctx.store.setCurrent(target);
  await vscode.window.showTextDocument(doc, { preview: false });
  void ui.info(vscode.l10n.t('Agreement written to {0}. Read it together, adjust it, and commit it.', vscode.workspace.asRelativePath(target)));
  // Not awaited: the question may stay unanswered, and the sidebar waits for this command.
  void offerMergeDriver(ctx, folder);
  return { ok: true, id: target.toString() };
}

async function chooseFolder(ctx: CommandContext, given: string | undefined): Promise<vscode.Uri | undefined> {
  if (given) return vscode.Uri.parse(given);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void ctx.ui().error(vscode.l10n.t('Open a folder first: the agreement is a file in your repository.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0]?.uri;
  return ctx.ui().pick(
    folders.map((f) => ({ label: f.name, description: f.uri.fsPath, value: f.uri })),
    { title: vscode.l10n.t('Set up a mentoring agreement'), placeHolder: vscode.l10n.t('Which folder does the agreement belong to?') },
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `.mentoring.yaml` when free, else `.mentoring/<mentor>-<mentee>.yaml` (numbered when taken). */
async function freeTarget(folder: vscode.Uri, answers: SetUpAnswers): Promise<vscode.Uri> {
  const root = vscode.Uri.joinPath(folder, '.mentoring.yaml');
  if (!(await exists(root))) return root;
  const slug = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pair';
  const base = `${slug(answers.mentor.handle ?? answers.mentor.name)}-${slug(answers.mentee.handle ?? answers.mentee.name)}`;
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, '.mentoring', `${base}${n > 1 ? `-${n}` : ''}.yaml`);
    if (!(await exists(candidate))) return candidate;
  }
}
