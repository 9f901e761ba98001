/**
 * File text on its way to a terminal or a log. A mentoring file comes from a cloned repository,
 * so a key or value may hold an escape sequence (which a terminal runs), a line break (which
 * forges a `src/fake.ts:1:1: error:` line that problem matchers pick up) or a bidi control
 * (which reorders what the reader sees). Every CLI printer passes file text through here.
 */

/**
 * `s` with every control character shown as `\uXXXX`: C0 (line breaks and tab included), DEL,
 * C1, the bidi controls and the Unicode line and paragraph separators. For one-line output.
 */
export function escapeLine(s: string): string {
  return s.replace(LINE_UNSAFE, hex);
}

/**
 * `s` as a block of lines: `\n` and tab are kept (a note or a summary is meant to span lines),
 * every other control character is shown as `\uXXXX`, `\r` included (it rewrites the line shown).
 */
export function escapeBlock(s: string): string {
  return s.replace(BLOCK_UNSAFE, hex);
}

/** The bidi controls (Trojan Source, CVE-2021-42574): embeddings, overrides, isolates, marks (parse warns at each: prescan.ts). */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BLOCK_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function hex(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
