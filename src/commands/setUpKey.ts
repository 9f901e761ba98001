/**
 * Mentoring: Set Up My Key — an age identity (generated, pasted, or read from a file) kept in
 * SecretStorage (`src/editor/keyring.ts`), its public key written into your side of the agreement
 * with the core's `setKey` (the operation `mentoring key add` runs), and a backup offered outside
 * the workspace: a lost key means what was sealed to it cannot be read by you again.
 */
import * as vscode from 'vscode';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Role } from '../core/schema';
import { setKey } from '../core/seal/edits';
import { formatIdentityFile, parseIdentity, parseIdentityFile, shortKey } from '../core/seal/keys';
import { readText } from '../editor/store';
import { askRole, modelOf, runEdit, targetState, type CommandContext, type CommandOutcome, type FileArgs } from './context';

export interface SetUpKeyArgs extends FileArgs {
  role?: Role;
}

type Source = 'generate' | 'paste' | 'file';

export const LOST_KEY_WARNING =
  'Your key is kept in VS Code\'s secret storage on this machine. If it is lost (a new machine, a reset profile), what was sealed to it cannot be read by you again: nobody, this extension included, can recover it. Save a backup outside the workspace, somewhere only you can read.';

export async function setUpKey(ctx: CommandContext, args: SetUpKeyArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const role = await askRole(ctx, state.uri, args.role, 'Whose key is this?');
  if (!role) return undefined;
  const ui = ctx.ui();
  const source = await ui.pick<Source>(
    [
      { label: 'Generate a new key', description: 'an age X25519 key, kept in VS Code\'s secret storage', value: 'generate' },
      { label: 'Paste a secret key', description: 'AGE-SECRET-KEY-1…, from `mentoring key generate` or `age-keygen`', value: 'paste' },
      { label: 'Import a key file', description: 'an age identity file (e.g. ~/.config/mentoring/keys.txt)', value: 'file' },
    ],
    { title: 'Mentoring: Set Up My Key', placeHolder: `Your key as the ${role} (${model.agreement[role].name})` },
  );
  if (!source) return undefined;
  const identity = await obtain(ctx, source);
  if (!identity) return undefined;
  const recipient = await identityToRecipient(identity);
  await ctx.keyring.add(identity, recipient, ctx.now());

  const current = model.agreement[role].key?.trim().toLowerCase();
  let outcome: CommandOutcome;
  if (current === recipient) {
    void ui.info(`Your key is kept. The agreement already names it as the ${role}'s key (${shortKey(recipient)}).`);
    outcome = { ok: true };
  } else {
    outcome = await runEdit(ctx, state, (text) => setKey(text, { role, key: recipient }, { now: ctx.now() }), () => `Your public key (${shortKey(recipient)}) is now the ${role}'s key.`);
  }
  if (source === 'generate') await offerBackup(ctx, identity, recipient);
  return outcome;
}

async function obtain(ctx: CommandContext, source: Source): Promise<string | undefined> {
  const ui = ctx.ui();
  if (source === 'generate') return generateX25519Identity();
  if (source === 'paste') {
    const typed = await ui.input({
      title: 'Mentoring: Set Up My Key',
      prompt: 'Paste your age secret key (AGE-SECRET-KEY-1…). It is kept in VS Code\'s secret storage, never in the workspace.',
      validate: (v) => {
        const r = parseIdentity(v);
        return r.ok ? undefined : r.message;
      },
    });
    if (typed === undefined) return undefined;
    const r = parseIdentity(typed);
    if (!r.ok) return void ui.error(`That is not a usable age secret key: ${r.message}. Nothing was changed.`), undefined;
    return r.key;
  }
  const file = await ui.openFile({ title: 'Your age identity file' });
  if (!file) return undefined;
  let text: string;
  try {
    text = await readText(file);
  } catch (err) {
    return void ui.error(`Cannot read ${file.fsPath}: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.`), undefined;
  }
  const parsed = parseIdentityFile(text);
  const first = parsed.identities[0];
  if (first === undefined) {
    const problem = parsed.problems[0];
    return void ui.error(`${file.fsPath} holds no usable age secret key${problem ? ` (line ${problem.line}: ${problem.message})` : ''}. Nothing was changed.`), undefined;
  }
  if (parsed.identities.length > 1) void ui.info(`${file.fsPath} holds ${parsed.identities.length} keys; the first one is used.`);
  return first;
}

/** Says what a lost key means and offers a backup; a place inside a workspace folder is refused (asked again). */
async function offerBackup(ctx: CommandContext, identity: string, recipient: string): Promise<void> {
  const ui = ctx.ui();
  const SAVE = 'Save a Backup…';
  for (let tries = 0; tries < 5; tries++) {
    const choice = await ui.warn(LOST_KEY_WARNING, SAVE);
    if (choice !== SAVE) return;
    const target = await ui.saveFile({ title: 'Save a backup of your key (outside the workspace)', defaultName: 'mentoring-key.txt' });
    if (!target) return;
    const folder = vscode.workspace.getWorkspaceFolder(target);
    if (folder) {
      void ui.error(`${target.fsPath} is inside the workspace folder ${folder.name}: one \`git add\` would publish your secret key. Choose a place outside the workspace. Nothing was written.`);
      continue;
    }
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(formatIdentityFile(identity, recipient, ctx.now())));
    } catch (err) {
      void ui.error(`Cannot write ${target.fsPath}: ${err instanceof Error ? err.message : String(err)}.`);
      continue;
    }
    void ui.info(`Saved a backup of your key to ${target.fsPath}. \`age -d -i\` and \`mentoring --identity\` read it; keep it where only you can.`);
    return;
  }
}
