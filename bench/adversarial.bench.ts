/**
 * Inputs built to take time growing with the square of their size (test/fixtures/adversarial.ts),
 * each beside an ordinary file of about the same bytes (the generated log of
 * test/fixtures/generate.ts): a cold parse of each, and the ratio of their times per byte. A
 * linear parse keeps every ratio near 1 (a file of errors costs a few times an ordinary one for
 * its messages, never hundreds of times). Team judgment words: the time of one comment with
 * 16,000 team words beside the same comment with one.
 *
 * `ADV_SCALE=0.1` runs every input at a tenth of its size; `npm run bench adversarial` runs only
 * this file. Ratios against a peer in the same run, never pass/fail timings.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { danglingGoals, duplicateKeys, manySchemaErrors, manyTopLevelKeys, oneLongLine, teamWords } from '../test/fixtures/adversarial';
import { generateLog } from '../test/fixtures/generate';
import { loadBundled } from './bundle';

type Core = typeof import('./adversarial-entry');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCALE = Number(process.env.ADV_SCALE ?? 1);
const ONLY = process.env.ADV_ONLY;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** An ordinary, valid file of at least `target` bytes: weekly sessions for two years and as many tasks as it takes. */
function ordinaryOf(target: number): string {
  const perTask = (bytes(generateLog({ sessions: 104, tasks: 1000 })) - bytes(generateLog({ sessions: 104, tasks: 0 }))) / 1000;
  const base = bytes(generateLog({ sessions: 104, tasks: 0 }));
  return generateLog({ sessions: 104, tasks: Math.max(0, Math.ceil((target - base) / perTask)) });
}

/** Median CPU milliseconds of a cold parse of `text`, the two contenders taken in turn. */
function race(core: Core, a: string, b: string): [number, number] {
  const now = new Date('2026-11-20T12:00:00Z');
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < ROUNDS + 1; r++) {
    for (const [text, out] of [[a, ta], [b, tb]] as const) {
      core.clearParseCache();
      const t0 = cpuMs();
      core.parse(text, { now });
      if (r > 0 || ROUNDS === 0) out.push(cpuMs() - t0);
    }
  }
  return [median(ta), median(tb)];
}

export async function run(): Promise<void> {
  const core = await loadBundled<Core>(join(__dirname, 'adversarial-entry.ts'));
  const load = loadavg()[0] ?? 0;
  console.log(`machine: ${cpus().length} CPUs, load ${load.toFixed(1)}; ${ROUNDS} rounds (CPU time, median), scale ${SCALE}`);
  const n = (x: number): number => Math.max(1, Math.round(x * SCALE));
  const cases: [string, string][] = [
    [`${n(100_000)} top-level keys`, manyTopLevelKeys(n(100_000))],
    [`${n(12_000)} duplicate keys`, duplicateKeys(n(12_000))],
    [`${n(3_000)} tasks naming missing goals, ${n(3_000)} goals`, danglingGoals(n(3_000))],
    [`${n(100_000)} unknown keys on one line`, oneLongLine(n(100_000))],
    [`${n(20_000)} schema errors`, manySchemaErrors(n(20_000))],
  ];
  const W = 48;
  console.log(`${'input'.padEnd(W)} ${'KB'.padStart(6)} ${'diagnostics'.padStart(11)} ${'ms'.padStart(9)}   ${'ordinary: KB'.padStart(12)} ${'ms'.padStart(7)}   per-byte ratio`);
  for (const [name, text] of cases) {
    if (ONLY && !name.includes(ONLY)) continue;
    const ordinary = ordinaryOf(bytes(text));
    const found = core.parse(text, { now: new Date('2026-11-20T12:00:00Z') }).diagnostics.length;
    const [adv, base] = race(core, text, ordinary);
    const ratio = adv / bytes(text) / (base / bytes(ordinary));
    console.log(
      `${name.padEnd(W)} ${(bytes(text) / 1024).toFixed(0).padStart(6)} ${String(found).padStart(11)} ${adv.toFixed(0).padStart(9)}   ${(bytes(ordinary) / 1024).toFixed(0).padStart(12)} ${base.toFixed(0).padStart(7)}   ${ratio.toFixed(2).padStart(6)}x`,
    );
  }
  if (!ONLY || 'team words'.includes(ONLY)) teamWordRows(core, n(16_000));
}

/** One comment's hints with a long team list beside the same comment with a one-word list. */
function teamWordRows(core: Core, count: number): void {
  const words = teamWords(count);
  const comment =
    'This retry loop is zorpab and the naming is zorpq, honestly. Why is the timeout doubled here? ' +
    'You should have split this into two functions; the error path swallows the exception and the caller never learns. ' +
    'Could we log the attempt count before giving up, and zorpzz the constant?';
  const time = (list: readonly string[]): { first: number; each: number; hints: number } => {
    // A fresh options object per comment, holding the file's list (the model's, as `mentoring review` passes it).
    const t0 = cpuMs();
    const hints = core.findHints(comment, { extraJudgmentWords: list }).length;
    const first = cpuMs() - t0;
    const each: number[] = [];
    for (let r = 0; r < Math.max(3, ROUNDS * 4); r++) {
      const t = cpuMs();
      core.findHints(comment, { extraJudgmentWords: list });
      each.push(cpuMs() - t);
    }
    return { first, each: median(each), hints };
  };
  const few = time(words.slice(0, 1));
  const many = time(words);
  console.log(`team words: one ${comment.length}-character comment; first call (compiles the list), then each call (median)`);
  console.log(`  1 word:        first ${few.first.toFixed(1)} ms, each ${few.each.toFixed(2)} ms, ${few.hints} hints`);
  console.log(`  ${String(count).padEnd(6)} words:  first ${many.first.toFixed(1)} ms, each ${many.each.toFixed(2)} ms, ${many.hints} hints; per comment ${(many.each / few.each).toFixed(2)}x the one-word list`);
}
