/**
 * Re-anchoring review threads — finding where a thread's line went after the code changed.
 * (The edits that add, answer, resolve, move and delete threads are in `../edit/threads.ts`.)
 *
 * A thread remembers its line by number *and* by content (`anchor.text`) with the nearest
 * non-blank lines around it (`anchor.before`, `anchor.after`). When the numbered line no
 * longer holds that text, the thread looks for it: the same text elsewhere (neighbours break
 * ties, then closeness to the old line), else a line that was edited a little, else the spot
 * between the same two neighbours. When none fits it says so instead of guessing.
 *
 * Pure: no `vscode`, no Node built-ins.
 */
import * as l10n from '@vscode/l10n';
import type { Thread } from '../schema';

// ------------------------------------------------------------------ anchors

export interface Anchor {
  /** The anchored line as it was written (trailing spaces dropped). */
  text: string;
  /** The nearest non-blank line above, when there is one. */
  before?: string | undefined;
  /** The nearest non-blank line below, when there is one. */
  after?: string | undefined;
}

/** The lines of a text, whatever its line endings (`\n`, `\r\n`, `\r`). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The anchor for 1-based `line` of `lines`. */
export function anchorAt(lines: readonly string[], line: number): Anchor {
  const i = line - 1;
  const anchor: Anchor = { text: (lines[i] ?? '').trimEnd() };
  const before = neighbour(lines, i, -1);
  const after = neighbour(lines, i, +1);
  if (before !== undefined) anchor.before = lines[before]?.trimEnd() ?? '';
  if (after !== undefined) anchor.after = lines[after]?.trimEnd() ?? '';
  return anchor;
}

export type AnchorStatus =
  /** The line still holds the anchored text (or the thread has no anchor and the line exists). */
  | 'unchanged'
  /** The anchored text was found on another line. */
  | 'moved'
  /** The anchored line was edited; the thread follows the most similar line or the same neighbours. */
  | 'changed'
  /** Nothing fits: the thread stays at its old line number (clamped to the file). */
  | 'lost';

export interface Reanchored {
  status: AnchorStatus;
  /** 1-based line to show the thread on. */
  line: number;
  /** 1-based last line, for threads on several lines. */
  endLine?: number | undefined;
  /** For `changed` and `lost`: one sentence for the user. */
  reason?: string | undefined;
}

interface Anchored {
  line: number;
  endLine?: number | undefined;
  anchor?: Anchor | undefined;
}

/** Lines shorter than this (after trimming), or made only of punctuation, say too little on their own. */
const WEAK_LENGTH = 4;
/** How similar (0..1, bigram Dice) an edited line must be to count as the anchored line. */
const SIMILAR = 0.7;
/** How similar it must be when it also sits between the same neighbours. */
const SIMILAR_WITH_NEIGHBOURS = 0.4;

/**
 * Where `thread` belongs in a file that now has `lines`. Deterministic: the same input gives
 * the same line. Cost: one pass over the lines, plus a similarity pass only when the exact
 * text is gone.
 */
export function reanchor(thread: Anchored, lines: readonly string[]): Reanchored {
  const count = lines.length;
  const span = thread.endLine !== undefined && thread.endLine > thread.line ? thread.endLine - thread.line : 0;
  const place = (status: AnchorStatus, line: number, reason?: string): Reanchored => {
    const start = Math.min(Math.max(line, 1), Math.max(count, 1));
    const out: Reanchored = { status, line: start };
    if (thread.endLine !== undefined) out.endLine = Math.min(start + span, Math.max(count, 1));
    if (reason !== undefined) out.reason = reason;
    return out;
  };
  const anchor = thread.anchor;
  if (!anchor) {
    return thread.line <= count
      ? place('unchanged', thread.line)
      : place('lost', count, l10n.t('The file has only {0} lines now, fewer than the thread\'s line {1}.', count, thread.line));
  }
  // Normalised lines, computed at most once per line per call.
  const normed: (string | undefined)[] = new Array<string | undefined>(count);
  const at = (i: number): string => (normed[i] ??= norm(lines[i] ?? ''));
  const target = norm(anchor.text);
  const before = anchor.before !== undefined ? norm(anchor.before) : undefined;
  const after = anchor.after !== undefined ? norm(anchor.after) : undefined;
  const weak = isWeak(target);
  const old = thread.line - 1;
  const neighboursAt = (i: number): number => {
    let n = 0;
    if (before !== undefined) {
      const b = neighbour(lines, i, -1);
      if (b !== undefined && at(b) === before) n++;
    }
    if (after !== undefined) {
      const a = neighbour(lines, i, +1);
      if (a !== undefined && at(a) === after) n++;
    }
    return n;
  };

  // 1. Same text: still in place, or the best other place.
  if (target.length > 0) {
    const expected = (before !== undefined ? 1 : 0) + (after !== undefined ? 1 : 0);
    if (old >= 0 && old < count && at(old) === target && neighboursAt(old) === expected) {
      return place('unchanged', thread.line);
    }
    let best = -1;
    let bestScore = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < count; i++) {
      if (at(i) !== target) continue;
      const score = neighboursAt(i);
      if (weak && score === 0) continue;
      const distance = Math.abs(i - old);
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = i;
        bestScore = score;
        bestDistance = distance;
      }
    }
    if (best >= 0) return place(best === old ? 'unchanged' : 'moved', best + 1);
  }

  // 2. The line was edited: the most similar line, helped by its neighbours.
  if (!weak) {
    const similar = similarityTo(target);
    let best = -1;
    let bestScore = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < count; i++) {
      const text = at(i);
      // Dice >= 0.4 is impossible when one text is more than 4 times longer than the other.
      if (text.length === 0 || text.length * 4 < target.length || target.length * 4 < text.length) continue;
      const similarity = similar(text);
      const n = neighboursAt(i);
      const needed = n === 2 ? SIMILAR_WITH_NEIGHBOURS : SIMILAR;
      if (similarity < needed) continue;
      const score = similarity + n * 0.25;
      const distance = Math.abs(i - old);
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = i;
        bestScore = score;
        bestDistance = distance;
      }
    }
    if (best >= 0) {
      return place('changed', best + 1, l10n.t('The line changed since the comment; it now reads "{0}".', clip(at(best))));
    }
  }

  // 3. Rewritten beyond recognition, but the same two neighbours still frame one line.
  if (before !== undefined && after !== undefined) {
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < count; i++) {
      if (at(i).length === 0 || neighboursAt(i) < 2) continue;
      const distance = Math.abs(i - old);
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    if (best >= 0) {
      return place('changed', best + 1, l10n.t('The commented line was rewritten; it was "{0}".', clip(target)));
    }
  }

  const what = target.length > 0 ? `"${clip(target)}"` : l10n.t('the commented line');
  return place('lost', thread.line, l10n.t('Could not find {0} in the file any more; the thread stays at line {1}.', what, Math.min(thread.line, Math.max(count, 1))));
}

/** Re-anchors every thread of `file`; returns those whose place or status differ from what is stored. */
export function reanchorAll(threads: readonly Thread[], file: string, lines: readonly string[]): { id: string; result: Reanchored }[] {
  const out: { id: string; result: Reanchored }[] = [];
  for (const t of threads) {
    if (t.file !== file) continue;
    const result = reanchor(t, lines);
    if (result.status !== 'unchanged' || result.line !== t.line) out.push({ id: t.id, result });
  }
  return out;
}

function neighbour(lines: readonly string[], i: number, step: -1 | 1): number | undefined {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if ((lines[j] ?? '').trim().length > 0) return j;
  }
  return undefined;
}

function norm(s: string): string {
  const t = s.trim();
  // Most lines have no runs of blanks: skip the replace (and its allocation) for them.
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

function isWeak(s: string): boolean {
  return s.length < WEAK_LENGTH || !/[\p{L}\p{N}]{2}/u.test(s);
}

/**
 * Bigram Dice similarity (0..1) to `target`, for many candidates: the target's bigram counts
 * are built once, and each candidate is scanned by char codes with one reused map.
 */
function similarityTo(target: string): (text: string) => number {
  const want = new Map<number, number>();
  for (let i = 0; i + 1 < target.length; i++) {
    const g = target.charCodeAt(i) * 65536 + target.charCodeAt(i + 1);
    want.set(g, (want.get(g) ?? 0) + 1);
  }
  const targetGrams = Math.max(target.length - 1, 0);
  const used = new Map<number, number>();
  return (text) => {
    used.clear();
    let shared = 0;
    for (let i = 0; i + 1 < text.length; i++) {
      const g = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
      const have = want.get(g);
      if (have === undefined) continue;
      const u = used.get(g) ?? 0;
      if (u < have) {
        shared++;
        used.set(g, u + 1);
      }
    }
    const total = targetGrams + Math.max(text.length - 1, 0);
    return total === 0 ? 0 : (2 * shared) / total;
  };
}

function clip(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

