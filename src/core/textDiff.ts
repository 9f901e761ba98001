/**
 * The smallest single replacement that turns one text into another. Edits from the
 * core return whole new texts; applying only the changed span keeps the editor's
 * cursor, folding and undo history meaningful. Pure.
 */
export interface TextChange {
  /** 0-based offset (UTF-16 code units) where the replaced span starts in `before`. */
  start: number;
  /** 0-based offset where the replaced span ends in `before` (exclusive). */
  end: number;
  /** What replaces `before.slice(start, end)`. */
  text: string;
}

export function minimalChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never cut a surrogate pair or a CRLF in half: editors treat both as one unit.
  if (start > 0 && (isHighSurrogate(before.charCodeAt(start - 1)) || isCrLfSplit(before, start) || isCrLfSplit(after, start))) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // The common suffix is non-empty here, so both texts have a character at these offsets.
  if (endBefore < before.length && (isLowSurrogate(before.charCodeAt(endBefore)) || isCrLfSplit(before, endBefore) || isCrLfSplit(after, endAfter))) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

/** Applies a change (the inverse of `minimalChange`, used by tests and by callers that need the result). */
export function applyChange(before: string, change: TextChange | undefined): string {
  if (!change) return before;
  return before.slice(0, change.start) + change.text + before.slice(change.end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
function isCrLfSplit(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}
