/**
 * Your age identities (secret keys) in VS Code's SecretStorage: the OS keychain on the desktop,
 * the browser's storage on the web, never a file of the workspace. Kept as an age identity file
 * (`formatIdentityFile`), so a backup of it is a file `age -d -i` reads. A key set up later is
 * added to the ones kept, never put in their place: what was sealed to an older key stays readable.
 */
import * as vscode from 'vscode';
import { formatIdentityFile, parseIdentityFile } from '../core/seal/keys';
import { Disposable } from './lifecycle';

/** The SecretStorage entry (one per extension, across workspaces: a key is yours, not a repository's). */
export const IDENTITY_SECRET = 'mentoring.identities';

export class Keyring extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** The kept keys changed (set up here, or in another window: SecretStorage tells every window). */
  readonly onDidChange: vscode.Event<void> = this.changed.event;
  /** Counts changes, so a reader can tell a result computed with older keys from a current one. */
  private generation = 0;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this._register(
      secrets.onDidChange((e) => {
        if (e.key !== IDENTITY_SECRET) return;
        this.generation++;
        this.changed.fire();
      }),
    );
  }

  get version(): number {
    return this.generation;
  }

  /** Every identity kept; none when there is none or the entry cannot be read. */
  async identities(): Promise<string[]> {
    const text = await this.secrets.get(IDENTITY_SECRET);
    return text === undefined ? [] : parseIdentityFile(text).identities;
  }

  /** Keeps `identity` (with its public key, as age-keygen writes it) after the ones kept already. */
  async add(identity: string, recipient: string, created: Date): Promise<void> {
    const current = (await this.secrets.get(IDENTITY_SECRET)) ?? '';
    if (parseIdentityFile(current).identities.includes(identity)) return;
    const sep = current === '' || current.endsWith('\n') ? '' : '\n';
    await this.secrets.store(IDENTITY_SECRET, current + sep + formatIdentityFile(identity, recipient, created));
  }

  /** Forgets every kept key on this machine (what was sealed to them stays readable only with a backup). */
  async remove(): Promise<void> {
    await this.secrets.delete(IDENTITY_SECRET);
  }

  /** The kept identity file text, for a backup. */
  async exportText(): Promise<string | undefined> {
    return this.secrets.get(IDENTITY_SECRET);
  }
}
