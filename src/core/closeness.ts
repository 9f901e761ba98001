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
 * The candidate fewer than `maxDistance + 1` edits from `target` (case-insensitive, the whole
 * of both), the closest; the first of equally close ones. Undefined when none is that close.
 */
export function closest(target: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  const t = target.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    // The distance is at least the difference in length: skip what cannot beat the best.
    if (Math.abs(t.length - c.length) >= bestDistance) continue;
    const d = editDistance(t, c);
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
