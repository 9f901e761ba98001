/**
 * Ordering existing ids by how close they are to a mistyped one, so a quick fix for a
 * dangling reference offers the likely meant id first (a file may hold dozens of sessions).
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
