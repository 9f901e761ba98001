/**
 * Ids for new sessions, tasks and goals, and the date/time strings edits write.
 *
 * New items get ids that do not collide when two branches each add one from the same base:
 * tasks get a random suffix, sessions are named by their date (plus a random suffix when that
 * date is taken). Randomness comes from Web Crypto (`globalThis.crypto`, present in Node 20 and
 * browsers) and is injectable so tests are exact.
 */

/** A source of uniform random numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/** Cryptographically strong `Random` from `globalThis.crypto.getRandomValues`. */
export const cryptoRandom: Random = () => {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return (buf[0] as number) / 0x1_0000_0000;
};

/** `digits` lowercase hex digits. */
export function randomHex(digits: number, random: Random = cryptoRandom): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += Math.floor(clamp01(random()) * 16).toString(16);
  return s;
}

/**
 * Keep drawing until an id is free. After many collisions (a nearly full space, or a broken
 * random source) lengthen the suffix, and as a last resort count up, so this always ends.
 */
function freeId(make: (digits: number) => string, taken: ReadonlySet<string>, digits: number, fallback: (n: number) => string): string {
  for (let d = digits; d <= digits + 4; d++) {
    for (let attempt = 0; attempt < 32; attempt++) {
      const id = make(d);
      if (!taken.has(id)) return id;
    }
  }
  for (let n = 2; ; n++) {
    const id = fallback(n);
    if (!taken.has(id)) return id;
  }
}

/** `t-` + 4 random hex digits, not in `taken`. */
export function newTaskId(taken: Iterable<string>, random: Random = cryptoRandom): string {
  const set = new Set(taken);
  return freeId((d) => `t-${randomHex(d, random)}`, set, 4, (n) => `t-${n}`);
}

/** The session's date `YYYY-MM-DD`, or `YYYY-MM-DD-xxxx` when a session already has that id. */
export function newSessionId(date: string, taken: Iterable<string>, random: Random = cryptoRandom): string {
  const set = new Set(taken);
  if (!set.has(date)) return date;
  return freeId((d) => `${date}-${randomHex(d, random)}`, set, 4, (n) => `${date}-${n}`);
}

/** A readable id from a title (`Write tests first` → `write-tests-first`), unique in `taken`. */
export function newGoalId(title: string, taken: Iterable<string>, random: Random = cryptoRandom): string {
  const set = new Set(taken);
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, 4);
  const base = words.join('-').slice(0, 40).replace(/-+$/, '') || 'goal';
  if (!set.has(base)) return base;
  return freeId((d) => `${base}-${randomHex(d, random)}`, set, 4, (n) => `${base}-${n}`);
}

function clamp01(x: number): number {
  if (!(x >= 0)) return 0;
  return x >= 1 ? 0.9999999999 : x;
}
