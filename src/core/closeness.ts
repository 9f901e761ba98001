/**
 * How close a mistyped name is to the ones that exist: the order a quick fix for a dangling
 * reference offers ids in (a file may hold dozens of sessions), and the one name a message
 * suggests ("did you mean …?", core/parse/plain.ts and core/parse/references.ts).
 */

/** Ids longer than this are compared by their first this-many characters (ids are short; keeps it cheap). */
const MAX_COMPARED = 64;

/**
 * `candidates` ordered by edit distance to `target` (case-insensitive), closest first;
 * equally close ones keep their order. Does not change `candidates`.
 */
export function byCloseness(target: string, candidates: readonly string[]): string[] {
  const t = target.slice(0, MAX_COMPARED).toLowerCase();
  return candidates
    .map((id, index) => ({ id, index, distance: editDistance(t, id.slice(0, MAX_COMPARED).toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map((c) => c.id);
}

/**
 * The candidate at most `maxDistance` edits from `target` (case-insensitive, the whole of
 * both), the closest; the first of equally close ones. Undefined when none is that close.
 */
export function closest(target: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  const t = target.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    if (bestDistance === 0) break; // an exact match: nothing comes closer
    const c = candidate.toLowerCase();
    const d = distanceWithin(t, c, bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insert, delete, substitute one UTF-16 unit). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * `editDistance(a, b)` when it is at most `max`, else `max + 1`. Only the cells within `max` of
 * the diagonal are computed, so it takes time linear in the length: ids are not bounded in
 * length, and a full table for two ids of a million characters each would never finish.
 */
export function distanceWithin(a: string, b: string, max: number): number {
  const over = max + 1;
  if (max < 0 || Math.abs(a.length - b.length) > max) return over;
  const m = b.length;
  // Cells outside the band are at least `over` away (the distance is at least |i - j|).
  let prev: number[] = new Array<number>(m + 2).fill(over);
  let cur: number[] = new Array<number>(m + 2).fill(over);
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 && i <= max ? i : over;
    let best = cur[lo - 1] as number;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost, over);
      cur[j] = d;
      if (d < best) best = d;
    }
    cur[hi + 1] = over;
    if (best > max) return over;
    [prev, cur] = [cur, prev];
  }
  return prev[m] as number;
}

/**
 * {@link closest} over one list of candidates for many targets, as a file's dangling references
 * need it: 3,000 tasks naming missing goals among 3,000 goals took seconds, each reference
 * comparing itself with every id. Candidates are lower-cased once and grouped by length (a
 * candidate more than `maxDistance` longer or shorter cannot be that close), each target's answer
 * is kept, and the comparisons of one file share a budget: once it is spent (only files built to
 * be slow get there), `closest` answers undefined, so the messages say no "did you mean".
 * Within the budget the answer is `closest(target, candidates, maxDistance)`'s.
 */
export class NearestOf {
  private readonly byLength = new Map<number, { index: number; lower: string; id: string }[]>();
  private readonly answers = new Map<string, string | undefined>();

  constructor(
    candidates: readonly string[],
    private readonly budget: { units: number },
    private readonly maxDistance = 2,
  ) {
    candidates.forEach((id, index) => {
      const lower = id.toLowerCase();
      const list = this.byLength.get(lower.length);
      if (list) list.push({ index, lower, id });
      else this.byLength.set(lower.length, [{ index, lower, id }]);
    });
  }

  closest(target: string): string | undefined {
    if (this.answers.has(target)) return this.answers.get(target);
    const t = target.toLowerCase();
    let best: { index: number; id: string } | undefined;
    let bestDistance = this.maxDistance + 1;
    for (let len = t.length - this.maxDistance; len <= t.length + this.maxDistance; len++) {
      for (const c of this.byLength.get(len) ?? []) {
        // A comparison costs about the length of the shorter string (distanceWithin's band).
        this.budget.units -= Math.min(t.length, c.lower.length) + 1;
        if (this.budget.units < 0) return undefined;
        const d = distanceWithin(t, c.lower, this.maxDistance);
        if (d < bestDistance || (d === bestDistance && best !== undefined && c.index < best.index)) {
          best = c;
          bestDistance = d;
        }
      }
    }
    const answer = bestDistance <= this.maxDistance ? best?.id : undefined;
    this.answers.set(target, answer);
    return answer;
  }
}

/** The comparisons one file's "did you mean" guesses may take, in characters compared (see {@link NearestOf}). */
export const SUGGESTION_BUDGET = 2_000_000;
