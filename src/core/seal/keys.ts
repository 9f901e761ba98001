/**
 * age keys as text: X25519 recipients (`age1…`, public) and identities (`AGE-SECRET-KEY-1…`,
 * secret), and the identity file format `age-keygen` writes. Both keys are Bech32 (BIP 173,
 * without its 90-character limit, as age uses it) over 32 bytes; we check them here ourselves
 * so a mistyped key is refused with what is wrong and where, before any cryptography runs.
 *
 * Only X25519: Debian's age 1.1 cannot read files sealed to post-quantum (`age1pq1…`) or
 * plugin recipients, and a record any age client can open is the point of sealing.
 *
 * What is wrong with a key is said in the user's language (`l10n.t`: the editor shows it in the
 * Problems panel and in *Set Up My Key*; the CLI configures no bundle, so it speaks English).
 */
import * as l10n from '@vscode/l10n';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

export const RECIPIENT_HRP = 'age';
export const IDENTITY_HRP = 'age-secret-key-';
/** `age1` + 52 data characters (32 bytes) + 6 checksum characters. */
export const RECIPIENT_LENGTH = 62;
export const IDENTITY_LENGTH = 74;
/** Longer inputs are refused before any work: no key is this long. */
const MAX_KEY_INPUT = 200;

export type KeyCheck = { ok: true; key: string } | { ok: false; message: string; /** 1-based, in the trimmed input */ column?: number };

/** An X25519 recipient (`age1…`), normalised to lower case, or what is wrong with it. */
export function parseRecipient(input: string): KeyCheck {
  const s = typeof input === 'string' ? input.trim() : '';
  if (s === '') return { ok: false, message: l10n.t('the key is empty: an age public key starts with age1') };
  if (s.length > MAX_KEY_INPUT) return { ok: false, message: l10n.t('{0} characters is far too long for an age public key ({1})', s.length, RECIPIENT_LENGTH) };
  if (/^AGE-SECRET-KEY-/i.test(s)) {
    return { ok: false, message: l10n.t('this is a secret key (AGE-SECRET-KEY-1…), never to be written into the repository: give the public key (age1…), which `mentoring key show` prints') };
  }
  const lower = s.toLowerCase();
  if (lower.startsWith('age1pq1')) {
    return { ok: false, message: l10n.t('this is a post-quantum key (age1pq1…), which age 1.1 cannot read: use an X25519 key from `mentoring key generate` or `age-keygen`') };
  }
  if (!lower.startsWith('age1')) return { ok: false, message: l10n.t('an age public key starts with age1'), column: 1 };
  const sep = lower.lastIndexOf('1');
  // `age1yubikey1…`, `age1tag1…`: a name between two 1s. A stray 1 elsewhere is a typo, reported below.
  if (sep > 4 && sep <= 28 && /^[a-z]+$/.test(lower.slice(4, sep))) {
    return { ok: false, message: l10n.t('this is an age plugin or tag recipient ({0}…), which this tool does not seal to: use an X25519 key (age1 followed by 58 characters)', s.slice(0, sep + 1)) };
  }
  return decodeKey(s, RECIPIENT_HRP, RECIPIENT_LENGTH, 'public');
}

/** An X25519 identity (`AGE-SECRET-KEY-1…`), normalised to upper case, or what is wrong with it. */
export function parseIdentity(input: string): KeyCheck {
  const s = typeof input === 'string' ? input.trim() : '';
  if (s === '') return { ok: false, message: l10n.t('the secret key is empty') };
  if (s.length > MAX_KEY_INPUT) return { ok: false, message: l10n.t('{0} characters is far too long for an age secret key ({1})', s.length, IDENTITY_LENGTH) };
  const upper = s.toUpperCase();
  if (upper.startsWith('AGE-SECRET-KEY-PQ-')) return { ok: false, message: l10n.t('this is a post-quantum secret key, which age 1.1 cannot use: make an X25519 key with `mentoring key generate`') };
  if (upper.startsWith('AGE-PLUGIN-')) return { ok: false, message: l10n.t('this is an age plugin identity, which this tool cannot use') };
  if (upper.startsWith('AGE1')) return { ok: false, message: l10n.t('this is a public key (age1…); a secret key starts with AGE-SECRET-KEY-1') };
  if (!upper.startsWith('AGE-SECRET-KEY-1')) return { ok: false, message: l10n.t('an age secret key starts with AGE-SECRET-KEY-1'), column: 1 };
  const r = decodeKey(s, IDENTITY_HRP, IDENTITY_LENGTH, 'secret');
  return r.ok ? { ok: true, key: r.key.toUpperCase() } : r;
}

/** A Bech32 key checked character by character; `kind` names it in the messages (one sentence each: the key's name is not a fragment). */
function decodeKey(s: string, hrp: string, length: number, kind: 'public' | 'secret'): KeyCheck {
  const pub = kind === 'public';
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) {
    return { ok: false, message: pub ? l10n.t('the age public key mixes upper and lower case letters; Bech32 keys are all one case') : l10n.t('the age secret key mixes upper and lower case letters; Bech32 keys are all one case') };
  }
  const lower = s.toLowerCase();
  const data: number[] = [];
  for (let i = hrp.length + 1; i < lower.length; i++) {
    const v = CHARSET.indexOf(lower[i] as string);
    if (v < 0) {
      const c = s[i] as string;
      const column = i + 1;
      if (/\s/.test(c)) {
        const message = pub
          ? l10n.t('character {0} is a space, which never occurs in an age public key (they use no b, i, o or 1 after the prefix): check for a typo', column)
          : l10n.t('character {0} is a space, which never occurs in an age secret key (they use no b, i, o or 1 after the prefix): check for a typo', column);
        return { ok: false, message, column };
      }
      const message = pub
        ? l10n.t('character {0} is "{1}", which never occurs in an age public key (they use no b, i, o or 1 after the prefix): check for a typo', column, c)
        : l10n.t('character {0} is "{1}", which never occurs in an age secret key (they use no b, i, o or 1 after the prefix): check for a typo', column, c);
      return { ok: false, message, column };
    }
    data.push(v);
  }
  if (lower.length !== length) {
    const message = pub
      ? l10n.t('the age public key is {0} characters long, not {1}: part of it is missing or extra, copy it again', lower.length, length)
      : l10n.t('the age secret key is {0} characters long, not {1}: part of it is missing or extra, copy it again', lower.length, length);
    return { ok: false, message };
  }
  if (polymod([...hrpExpand(hrp), ...data]) !== 1) {
    const message = pub
      ? l10n.t("the age public key's checksum does not match: a character was mistyped or changed, copy it again")
      : l10n.t("the age secret key's checksum does not match: a character was mistyped or changed, copy it again");
    return { ok: false, message };
  }
  const bytes = fromWords(data.slice(0, -6));
  if (bytes === undefined || bytes.length !== 32) return { ok: false, message: pub ? l10n.t('the age public key does not hold 32 bytes') : l10n.t('the age secret key does not hold 32 bytes') };
  return { ok: true, key: lower };
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i] as number;
  }
  return chk >>> 0;
}

/** 5-bit groups to bytes; undefined when the padding is not zero bits. */
function fromWords(words: readonly number[]): number[] | undefined {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  for (const w of words) {
    acc = (acc << 5) | w;
    bits += 5;
    while (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
    acc &= (1 << bits) - 1;
  }
  if (bits >= 5 || acc !== 0) return undefined;
  return out;
}

// ------------------------------------------------------------------ identity files

/** An identity file larger than this is not read: a key file is a few hundred bytes. */
export const MAX_IDENTITY_FILE_CHARS = 64 * 1024;
const MAX_IDENTITIES = 64;

export interface IdentityFile {
  identities: string[];
  /** Lines that are neither a comment, blank, nor a usable identity, 1-based. */
  problems: { line: number; message: string }[];
}

/** The identities in an age identity file (`age-keygen` output, or ours): `#` comments, blank lines, one key a line. */
export function parseIdentityFile(text: string): IdentityFile {
  if (text.length > MAX_IDENTITY_FILE_CHARS) {
    return { identities: [], problems: [{ line: 1, message: l10n.t('the file is over {0} KB; an identity file holds a few lines', MAX_IDENTITY_FILE_CHARS / 1024) }] };
  }
  const identities: string[] = [];
  const problems: IdentityFile['problems'] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (identities.length >= MAX_IDENTITIES) {
      if (identities.length === MAX_IDENTITIES) problems.push({ line: i + 1, message: l10n.t('more than {0} keys; the rest are ignored', MAX_IDENTITIES) });
      return;
    }
    const r = parseIdentity(line);
    if (r.ok) identities.push(r.key);
    else problems.push({ line: i + 1, message: r.message });
  });
  return { identities, problems };
}

/** The file `age-keygen` would write for this identity, so `age -d -i FILE` reads it. */
export function formatIdentityFile(identity: string, recipient: string, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `# created: ${when}\n# public key: ${recipient}\n${identity}\n`;
}

/** `age1abcd…wxyz`: enough to tell keys apart in messages without filling the line. */
export function shortKey(recipient: string): string {
  return recipient.length > 16 ? `${recipient.slice(0, 9)}…${recipient.slice(-4)}` : recipient;
}
