/**
 * The age ASCII armor as it sits in a YAML block scalar: recognising a sealed value, and
 * checking its shape before any cryptography sees it. A cloned repository's armor is untrusted:
 * it can be huge, truncated, or hold thousands of recipient stanzas (each costing a key
 * agreement to try), so size and stanza count are capped here and every problem is reported
 * with its line and column inside the value, which is the line inside the block.
 *
 * The format is age's (a strict subset of PEM): the BEGIN line, standard Base64 in lines of
 * exactly 64 characters except the last, the END line; surrounding whitespace and CRLF allowed.
 * Each problem is a clause in the user's language (`l10n.t`), which the checks and the hover
 * put after "… is sealed, but"; the CLI configures no bundle and says it in English.
 */
import * as l10n from '@vscode/l10n';

export const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
export const ARMOR_END = '-----END AGE ENCRYPTED FILE-----';
const COLUMNS = 64;

/** A sealed value longer than this is refused: 256 KB of text sealed is about 350 KB of armor. */
export const MAX_ARMOR_CHARS = 512 * 1024;
/** Plain text sealed into one field is at most this many UTF-8 bytes. */
export const MAX_PLAINTEXT_BYTES = 256 * 1024;
/** Recipient stanzas read from one header: a pair plus a few readers needs a handful. */
export const MAX_STANZAS = 32;
/** The header (version line, stanzas, MAC) must end within this many bytes. */
const MAX_HEADER_BYTES = 16 * 1024;

/** True for a value that is, or claims to be, an age armor: it starts with the BEGIN line. */
export function isSealed(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let i = 0;
  // Only whitespace may precede the armor; look no further than a few hundred characters.
  while (i < value.length && i < 256 && /\s/.test(value[i] as string)) i++;
  return value.startsWith(ARMOR_BEGIN, i);
}

/** The value itself when it is sealed (for narrowing `unknown` model values), else undefined. */
export function sealedText(value: unknown): string | undefined {
  return isSealed(value) ? (value as string) : undefined;
}

export interface ArmorProblem {
  ok: false;
  code: 'too-large' | 'malformed';
  /** 1-based line and column inside the value. */
  line: number;
  column: number;
  message: string;
}

export interface ArmorInfo {
  ok: true;
  /** The binary age file. */
  bytes: Uint8Array;
  /** The first argument of each recipient stanza, e.g. `X25519`, `scrypt`. */
  stanzaTypes: string[];
}

/** Check an armored value's shape and header; the bytes are ready for decryption when it passes. */
export function inspectArmor(value: string): ArmorInfo | ArmorProblem {
  const bad = (line: number, column: number, message: string, code: ArmorProblem['code'] = 'malformed'): ArmorProblem => ({ ok: false, code, line, column, message });
  if (value.length > MAX_ARMOR_CHARS) {
    return bad(1, 1, l10n.t('the sealed value is {0} KB, over the {1} KB limit; it is not read', Math.round(value.length / 1024), MAX_ARMOR_CHARS / 1024), 'too-large');
  }
  const lines = value.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let i = 0;
  while (i < lines.length && (lines[i] as string).trim() === '') i++;
  if ((lines[i] ?? '').trim() !== ARMOR_BEGIN) return bad(i + 1, 1, l10n.t('a sealed value starts with the line {0}', ARMOR_BEGIN));
  const beginLine = i;
  i++;
  let b64 = '';
  let ended = false;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trimEnd() === ARMOR_END) {
      ended = true;
      break;
    }
    if (line.length === 0) return bad(i + 1, 1, l10n.t('blank line inside the sealed block; the armor goes straight on to {0}', ARMOR_END));
    const badChar = line.search(/[^A-Za-z0-9+/=]/);
    if (badChar >= 0) return bad(i + 1, badChar + 1, l10n.t('"{0}" is not Base64: the sealed block was changed by hand or damaged; restore it from git', line[badChar] as string));
    if (line.length > COLUMNS) return bad(i + 1, COLUMNS + 1, l10n.t('an armor line holds at most {0} characters, this one {1}', COLUMNS, line.length));
    const pad = line.indexOf('=');
    if (pad >= 0 && !/^=+$/.test(line.slice(pad))) return bad(i + 1, pad + 1, l10n.t('"=" may only end the last line of the armor'));
    const next = lines[i + 1];
    if ((line.length < COLUMNS || pad >= 0) && next !== undefined && next.trimEnd() !== ARMOR_END) {
      return bad(i + 2, 1, l10n.t('only the last armor line may be shorter than {0} characters: a line is missing or was joined; restore the block from git', COLUMNS));
    }
    b64 += line;
  }
  if (!ended) return bad(lines.length, 1, l10n.t('the sealed block has no {0} line: it was cut off; restore it from git', ARMOR_END));
  for (let j = i + 1; j < lines.length; j++) {
    if ((lines[j] as string).trim() !== '') return bad(j + 1, 1, l10n.t('text after {0}; a sealed value is the armor alone', ARMOR_END));
  }
  if (b64.length === 0) return bad(beginLine + 2, 1, l10n.t('the sealed block is empty'));
  if (b64.length % 4 !== 0) return bad(i, 1, l10n.t('the Base64 is cut short (its length is not a multiple of 4); restore the block from git'));
  const bytes = decodeBase64(b64);
  if (bytes === undefined) return bad(beginLine + 2, 1, l10n.t('the Base64 does not decode'));
  const header = readHeader(bytes);
  if (typeof header === 'string') return bad(beginLine + 2, 1, header);
  return { ok: true, bytes, stanzaTypes: header };
}

/** Stanza types from the age header, or what is wrong with it. */
function readHeader(bytes: Uint8Array): string[] | string {
  const limit = Math.min(bytes.length, MAX_HEADER_BYTES);
  let text = '';
  for (let k = 0; k < limit; k++) text += String.fromCharCode(bytes[k] as number);
  const lines = text.split('\n');
  if (lines[0] !== 'age-encryption.org/v1') return l10n.t('this is not an age file (its header does not start with {0})', 'age-encryption.org/v1');
  const types: string[] = [];
  for (let k = 1; k < lines.length - 1; k++) {
    const line = lines[k] as string;
    if (line.startsWith('--- ')) return types.length === 0 ? l10n.t('the age header names no recipient') : types;
    if (line.startsWith('-> ')) {
      if (types.length >= MAX_STANZAS) return l10n.t('the age header has more than {0} recipients; it is not read', MAX_STANZAS);
      types.push(line.slice(3).split(' ')[0] ?? '');
    }
  }
  return bytes.length > MAX_HEADER_BYTES ? l10n.t('the age header is longer than {0} KB; it is not read', MAX_HEADER_BYTES / 1024) : l10n.t('the age header is cut off (no {0} line)', '---');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, k) => [c, k] as const));

/** Standard Base64 with padding; undefined on a character outside the alphabet or non-canonical padding bits. */
function decodeBase64(s: string): Uint8Array | undefined {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let k = 0; k < s.length; k += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = s[k + j] as string;
      const v = c === '=' ? 0 : B64_INDEX.get(c);
      if (v === undefined) return undefined;
      n = (n << 6) | v;
    }
    const triple = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    for (const b of triple) if (o < out.length) out[o++] = b;
  }
  return out;
}

/** The UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length) {
      n += 4;
      k++;
    } else n += 3;
  }
  return n;
}
