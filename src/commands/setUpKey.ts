/**
 * Mentoring: Set Up My Key — an age identity (generated, pasted, or read from a file) kept in
 * SecretStorage (`src/editor/keyring.ts`), its public key written into your side of the agreement
 * with the core's `setKey` (the operation `mentoring key add` runs), and a backup offered outside
 * the workspace: a lost key means what was sealed to it cannot be read by you again.
 */
import * as vscode from 'vscode';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Role } from '../core/schema';
import { namedEdit } from '../core/edit/named';
import { formatIdentityFile, parseIdentity, parseIdentityFile, shortKey } from '../core/seal/keys';
import { roleWord } from '../editor/pickRole';
import { readText } from '../editor/store';
import { askRole, modelOf, runNamed, targetState, type CommandContext, type CommandOutcome, type FileArgs } from './context';

export interface SetUpKeyArgs extends FileArgs {
  role?: Role;
}

type Source = 'generate' | 'paste' | 'file';

export const LOST_KEY_WARNING = (): string =>
  vscode.l10n.t('Your key is kept in VS Code\'s secret storage on this machine. If it is lost (a new machine, a reset profile), what was sealed to it cannot be read by you again: nobody, this extension included, can recover it. Save a backup outside the workspace, somewhere only you can read.');

export async function setUpKey(ctx: CommandContext, args: SetUpKeyArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const role = await askRole(ctx, state.uri, args.role, vscode.l10n.t('Whose key is this?'));
  if (!role) return undefined;
  const ui = ctx.ui();
  const source = await ui.pick<Source>(
    [
      { label: vscode.l10n.t('Generate a new key'), description: vscode.l10n.t('an age X25519 key, kept in VS Code\'s secret storage'), value: 'generate' },
      { label: vscode.l10n.t('Paste a secret key'), description: vscode.l10n.t('AGE-SECRET-KEY-1…, from `mentoring key generate` or `age-keygen`'), value: 'paste' },
      { label: vscode.l10n.t('Import a key file'), description: vscode.l10n.t('an age identity file (e.g. {0})', '~/.config/mentoring/keys.txt'), value: 'file' },
    ],
    { title: vscode.l10n.t('Mentoring: Set Up My Key'), placeHolder: vscode.l10n.t('Your key as the {0} ({1})', roleWord(role), model.agreement[role].name) },
  );
  if (!source) return undefined;
  const identity = await obtain(ctx, source);
  if (!identity) return undefined;
  const recipient = await identityToRecipient(identity);
  await ctx.keyring.add(identity, recipient, ctx.now());

  const current = model.agreement[role].key?.trim().toLowerCase();
  let outcome: CommandOutcome;
  if (current === recipient) {
    void ui.info(vscode.l10n.t('Your key is kept. The agreement already names it as the {0}\'s key ({1}).', roleWord(role), shortKey(recipient)));
    outcome = { ok: true };
  } else {
    outcome = await runNamed(ctx, state, namedEdit('setKey', { role, key: recipient }), () => vscode.l10n.t('Your public key ({0}) is now the {1}\'s key.', shortKey(recipient), roleWord(role)));
  }
  if (source === 'generate') await offerBackup(ctx, identity, recipient);
  return outcome;
}

async function obtain(ctx: CommandContext, source: Source): Promise<string | undefined> {
  const ui = ctx.ui();
  if (source === 'generate') return generateX25519Identity();
  if (source === 'paste') {
    const typed = await ui.input({
      title: vscode.l10n.t('Mentoring: Set Up My Key'),
      prompt: vscode.l10n.t('Paste your age secret key (AGE-SECRET-KEY-1…). It is kept in VS Code\'s secret storage, never in the workspace.'),
      validate: (v) => {
        const r = parseIdentity(v);
        return r.ok ? undefined : r.message;
      },
    });
    if (typed === undefined) return undefined;
    const r = parseIdentity(typed);
    if (!r.ok) return void ui.error(vscode.l10n.t('That is not a usable age secret key: {0}. Nothing was changed.', r.message)), undefined;
    return r.key;
  }
  const file = await ui.openFile({ title: vscode.l10n.t('Your age identity file') });
  if (!file) return undefined;
  let text: string;
  try {
    text = await readText(file);
  } catch (err) {
    return void ui.error(vscode.l10n.t('Cannot read {0}: {1}. Nothing was changed.', file.fsPath, err instanceof Error ? err.message : String(err))), undefined;
  }
  const parsed = parseIdentityFile(text);
  const first = parsed.identities[0];
  if (first === undefined) {
    const problem = parsed.problems[0];
    return void ui.error(problem ? vscode.l10n.t('{0} holds no usable age secret key (line {1}: {2}). Nothing was changed.', file.fsPath, problem.line, problem.message) : vscode.l10n.t('{0} holds no usable age secret key. Nothing was changed.', file.fsPath)), undefined;
  }
  if (parsed.identities.length > 1) void ui.info(vscode.l10n.t('{0} holds {1} keys; the first one is used.', file.fsPath, parsed.identities.length));
  return first;
}

/** Says what a lost key means and offers a backup; a place inside a workspace folder is refused (asked again). */
async function offerBackup(ctx: CommandContext, identity: string, recipient: string): Promise<void> {
  const ui = ctx.ui();
  const SAVE = vscode.l10n.t('Save a Backup…');
  for (let tries = 0; tries < 5; tries++) {
    const choice = await ui.warn(LOST_KEY_WARNING(), SAVE);
    if (choice !== SAVE) return;
    const target = await ui.saveFile({ title: vscode.l10n.t('Save a backup of your key (outside the workspace)'), defaultName: 'mentoring-key.txt' });
    if (!target) return;
    const folder = vscode.workspace.getWorkspaceFolder(target);
    if (folder) {
      void ui.error(vscode.l10n.t('{0} is inside the workspace folder {1}: one `git add` would publish your secret key. Choose a place outside the workspace. Nothing was written.', target.fsPath, folder.name));
      continue;
    }
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(formatIdentityFile(identity, recipient, ctx.now())));
    } catch (err) {
      void ui.error(vscode.l10n.t('Cannot write {0}: {1}.', target.fsPath, err instanceof Error ? err.message : String(err)));
      continue;
    }
    void ui.info(vscode.l10n.t('Saved a backup of your key to {0}. `age -d -i` and `mentoring --identity` read it; keep it where only you can.', target.fsPath));
    return;
  }
}
