/**
 * Sealing and opening one value with age (typage, `age-encryption`): plain text → the ASCII
 * armor any age client opens, and back. Pure TypeScript over Web Crypto (or noble where Web
 * Crypto lacks X25519), so it runs in Node, the browser and the extension host alike.
 *
 * Opening never throws on untrusted input: the armor is checked first (`inspectArmor`: size,
 * shape, at most a few dozen recipient stanzas), and every outcome is a value saying what
 * happened, so a caller can show "sealed — readable by …" instead of an error. The messages are
 * in the user's language (`l10n.t`; the CLI configures no bundle, so English there).
 */
import * as l10n from '@vscode/l10n';
import { inspectArmor, MAX_PLAINTEXT_BYTES, utf8Length } from './armor';
import { parseIdentity, parseRecipient } from './keys';

/**
 * age and its ciphers, loaded at the first seal or open: most sessions of the editor never seal
 * anything, and the extension's bundle leaves them in their own file (esbuild.mjs, EXTENSION_PARTS).
 */
const age = (): Promise<typeof import('age-encryption')> => import('age-encryption');

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/**
 * `plaintext` sealed to every recipient, as age ASCII armor ending in a newline (so YAML writes
 * it as a `|` block). Throws {@link SealError} naming a bad recipient, or text over the limit.
 */
export async function seal(plaintext: string, recipients: readonly string[]): Promise<string> {
  if (recipients.length === 0) throw new SealError(l10n.t('no recipient to seal to'));
  const bytes = utf8Length(plaintext);
  if (bytes > MAX_PLAINTEXT_BYTES) throw new SealError(l10n.t('the text is {0} KB; at most {1} KB can be sealed into one field', Math.round(bytes / 1024), MAX_PLAINTEXT_BYTES / 1024));
  const { armor, Encrypter } = await age();
  const e = new Encrypter();
  const seen = new Set<string>();
  for (const r of recipients) {
    const k = parseRecipient(r);
    if (!k.ok) throw new SealError(l10n.t('cannot seal to "{0}": {1}', r, k.message));
    if (seen.has(k.key)) continue;
    seen.add(k.key);
    e.addRecipient(k.key);
  }
  return armor.encode(await e.encrypt(plaintext));
}

export type Opened =
  | { ok: true; text: string }
  /** None of the identities is a recipient: not an error, the value is for someone else. */
  | { ok: false; reason: 'not-for-you'; message: string }
  /** The armor or the age file inside it is damaged, too large, or not one we read. */
  | { ok: false; reason: 'damaged'; message: string; line?: number; column?: number };

/** Open an armored value with any of `identities` (`AGE-SECRET-KEY-1…`). */
export async function open(value: string, identities: readonly string[]): Promise<Opened> {
  const info = inspectArmor(value);
  if (!info.ok) return { ok: false, reason: 'damaged', message: info.message, line: info.line, column: info.column };
  if (!info.stanzaTypes.includes('X25519')) {
    const kinds = [...new Set(info.stanzaTypes)].join(', ');
    return { ok: false, reason: 'not-for-you', message: kinds === 'scrypt' ? l10n.t('it is sealed to a passphrase, not to X25519 keys') : l10n.t('it is sealed to {0} recipients, not to X25519 keys', kinds) };
  }
  const { Decrypter } = await age();
  const d = new Decrypter();
  let usable = 0;
  for (const id of identities) {
    const k = parseIdentity(id);
    if (!k.ok) continue;
    usable++;
    d.addIdentity(k.key);
  }
  if (usable === 0) return { ok: false, reason: 'not-for-you', message: l10n.t('no key to open it with') };
  try {
    const text = await d.decrypt(info.bytes, 'text');
    return { ok: true, text };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // typage's words for "none of these keys is a recipient" (test/unit/core/seal/age.test.ts
    // pins them, so an upgrade that rewords them fails there rather than here).
    if (/no identity matched/i.test(message)) return { ok: false, reason: 'not-for-you', message: l10n.t('none of your keys is among its recipients') };
    return { ok: false, reason: 'damaged', message: l10n.t('it could not be decrypted ({0}): the sealed block was changed or damaged; restore it from git', message) };
  }
}
