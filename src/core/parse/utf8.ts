/**
 * Strict UTF-8 decoding of a mentoring file's bytes. A lenient decoder turns a Latin-1 `é` into
 * U+FFFD, and the next edit writes that back: a byte the user never touched is lost. So a file
 * that is not UTF-8 is refused with the place of its first bad byte, and nothing edits it. The
 * CLI (`src/cli/readFile.ts`) and the editor's store (`src/editor/store.ts`) read through here.
 */
import * as l10n from '@vscode/l10n';
import type { Diagnostic } from '../diagnostics';

export type Decoded =
  | { ok: true; text: string }
  | {
      ok: false;
      /** 0-based byte offset of the first byte that is not UTF-8. */
      byte: number;
      /** The bad byte's value. */
      value: number;
      /** 1-based line and column (UTF-16 units, as editors count) of the bad byte. */
      line: number;
      column: number;
      /** The bad byte's 0-based offset in `lossy`. */
      offset: number;
      /** The text decoded leniently (U+FFFD for bad bytes): for showing, never for writing. */
      lossy: string;
      /** What, where, what to do (the caller puts the file's name before it). */
      message: string;
    };

/** The text of `bytes` (a byte-order mark kept, as `readFileSync(…, 'utf8')` keeps it), or where it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // fall through: find where
  }
  const byte = firstInvalidByte(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < byte; i++) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  // Everything before `byte` is valid UTF-8, so this decode is exact.
  const column = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, byte)).length + 1;
  const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const offset = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, byte)).length;
  const value = bytes[byte] ?? 0;
  const hex = value.toString(16).toUpperCase().padStart(2, '0');
  return {
    ok: false,
    byte,
    value,
    line,
    column,
    offset,
    lossy,
    message: l10n.t('The byte 0x{0} at line {1}, column {2} is not UTF-8 (the file was saved in another encoding, such as Latin-1 or Windows-1252). Re-save it as UTF-8 (VS Code: the encoding in the status bar → "Save with Encoding" → UTF-8), then try again; nothing was changed.', hex, line, column),
  };
}

/** The error diagnostic (`not-utf8`) of a file that is not UTF-8, at its first bad byte in the lossy text. */
export function notUtf8Diagnostic(d: Extract<Decoded, { ok: false }>): Diagnostic {
  return {
    severity: 'error',
    code: 'not-utf8',
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.line,
    endColumn: d.column + 1,
    offset: d.offset,
    endOffset: d.offset + 1,
    data: { byte: d.byte, value: d.value },
  };
}

/** The offset of the first byte that starts no valid UTF-8 sequence (WHATWG's rules: no overlongs, surrogates or values over U+10FFFF). */
function firstInvalidByte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      // A sequence cut short or broken: the lead byte is where the text stops being UTF-8.
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return n;
}

const LF = 10;
const CR = 13;
