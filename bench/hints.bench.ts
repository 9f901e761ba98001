/**
 * Hint engine vs `alex` (a linter for insensitive writing), on the same labelled comments in the
 * same run: comments per CPU-second in process, the time of one 300-character comment as you type,
 * and the whole CLI process (`mentoring hints --jsonl` over every ToxiCR row) against alex's CLI
 * (`alex DIR`, one file per comment). Quality figures per
 * dev set are `npm run eval:hints`; the data (../shared/eval/) is read, never copied into the repo.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findHints } from '../src/core/hints';

const EVAL = resolve(__dirname, '../../shared/eval');
const SETS = ['toxicr-dev.jsonl', 'ehsani-dev.jsonl'];
const CLI = resolve(__dirname, '../dist/cli.js');
/** alex takes minutes on a whole set: its rate is measured on this many rows of each. */
const ALEX_ROWS = 1500;

function texts(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const o = JSON.parse(l) as { text?: unknown };
      if (typeof o.text !== 'string') throw new Error(`${file}:${i + 1}:1: expected {"text": string, …}`);
      return o.text;
    });
}

/** CPU time of this process in milliseconds: on a shared machine it counts work, not waiting. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Comments per CPU-second of `f` over `rows`, repeating passes until `minMs` of CPU time. */
function rate(rows: readonly string[], f: (t: string) => unknown, minMs: number): number {
  for (const r of rows.slice(0, 200)) f(r);
  const t0 = cpuMs();
  let n = 0;
  do {
    for (const r of rows) f(r);
    n += rows.length;
  } while (cpuMs() - t0 < minMs);
  return n / ((cpuMs() - t0) / 1000);
}

/**
 * Median and 99th percentile, in milliseconds, of one call of `f` on each of `rows`: wall time,
 * and CPU time (a loaded machine preempts a call now and then, which wall time counts).
 */
function latency(rows: readonly string[], f: (t: string) => unknown): { median: number; p99: number; cpuP99: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const r of rows) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      f(r);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  const at = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)]!;
  return { median: at(times, 0.5), p99: at(times, 0.99), cpuP99: at(cpu, 0.99) };
}

/** 300-character comments: real ones cut at 300, from rows at least that long. */
function comments300(rows: readonly string[]): string[] {
  return rows.filter((r) => r.length >= 300).slice(0, 400).map((r) => r.slice(0, 300));
}

export async function run(): Promise<void> {
  const present = SETS.filter((s) => existsSync(resolve(EVAL, s)));
  if (present.length === 0) {
    console.log(`skipped: the labelled dev sets are not in ${EVAL} (they live outside the repository).`);
    return;
  }
  const alex = (await import('alex'));
  const alexFlag = (t: string): boolean => alex.markdown(t).messages.length > 0;
  const oursFlag = (t: string): boolean => findHints(t).length > 0;

  console.log('| set | rows | mentoring hints, comments/CPU-s | alex, comments/CPU-s | ratio |');
  console.log('|---|---:|---:|---:|---:|');
  let toxicr: string[] | undefined;
  for (const s of present) {
    const rows = texts(resolve(EVAL, s));
    if (s.startsWith('toxicr')) toxicr = rows;
    const sample = rows.slice(0, ALEX_ROWS);
    const ours = rate(sample, oursFlag, 2000);
    const peer = rate(sample, alexFlag, 0);
    console.log(`| ${s} (first ${sample.length}) | ${sample.length} | ${Math.round(ours)} | ${Math.round(peer)} | ${(ours / peer).toFixed(0)}x |`);
    console.log(`| ${s} (all) | ${rows.length} | ${Math.round(rate(rows, oursFlag, 2000))} | | |`);
  }

  const all = present.flatMap((s) => texts(resolve(EVAL, s)));
  const typed = comments300(all);
  const l = latency(typed, (t) => findHints(t));
  console.log(
    `\none 300-character comment (${typed.length} real ones, 5 passes): median ${l.median.toFixed(3)} ms, p99 ${l.p99.toFixed(3)} ms wall, ${l.cpuP99.toFixed(3)} ms CPU (goal < 2 ms)`,
  );

  if (toxicr && existsSync(CLI)) {
    // An empty folder: the CLI looks for a mentoring file below its working folder, and the repo has many files.
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-bench-'));
    try {
      const input = toxicr.map((t) => JSON.stringify(t)).join('\n') + '\n';
      const ours = cpuOf([CLI, 'hints', '--jsonl'], dir, input);
      if (ours.status !== 0) throw new Error(`mentoring hints --jsonl failed: ${ours.stderr.slice(0, 400)}`);
      const oursS = ours.seconds;
      const lines = ours.stdout.split('\n').filter((x) => x !== '').length;
      const alexS = alexCli(toxicr, dir);
      console.log(
        `\nCLI, whole process over ${lines} ToxiCR comments (CPU seconds${TIME_BIN ? '' : '; wall, /usr/bin/time is missing'}): mentoring hints --jsonl ${oursS.toFixed(2)} s; ` +
          `alex CLI ${alexS.toFixed(1)} s (from runs over ${ALEX_CLI_SMALL} and ${ALEX_CLI_LARGE} comment files) => ${(alexS / oursS).toFixed(0)}x (goal >= 100x)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (toxicr) {
    console.log(`\nCLI: skipped, ${CLI} is not built (npm run bench builds it).`);
  }
}

const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs `node ARGS` and returns its CPU seconds (user + system, from /usr/bin/time), so that a
 * loaded machine does not count waiting; wall seconds where /usr/bin/time is missing.
 */
function cpuOf(args: readonly string[], cwd: string, input?: string): { status: number | null; seconds: number; stdout: string; stderr: string } {
  const t0 = process.hrtime.bigint();
  const res = TIME_BIN
    ? spawnSync(TIME_BIN, ['-f', '\n%U %S', process.execPath, ...args], { input, cwd, maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, [...args], { input, cwd, maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const stderr = res.stderr.toString();
  const m = /\n(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(stderr);
  return { status: res.status, seconds: TIME_BIN && m ? Number(m[1]) + Number(m[2]) : wall, stdout: res.stdout.toString(), stderr };
}

const ALEX_CLI_SMALL = 250;
const ALEX_CLI_LARGE = 1000;

/**
 * Seconds alex's CLI would take over all `rows`, one Markdown file each: timed on two folder sizes,
 * so that its start-up is counted once and the per-comment cost is the slope between them.
 */
function alexCli(rows: readonly string[], dir: string): number {
  const bin = resolve(__dirname, '../node_modules/alex/cli.js');
  const time = (n: number): number => {
    const d = join(dir, `alex-${n}`);
    mkdirSync(d);
    rows.slice(0, n).forEach((t, i) => writeFileSync(join(d, `c${i}.md`), t));
    // alex exits 1 when it has warnings; only a crash (no status) is a failure here.
    const res = cpuOf([bin, d], dir);
    if (res.status === null) throw new Error(`alex did not run: ${res.stderr.slice(0, 400)}`);
    return res.seconds;
  };
  const small = time(ALEX_CLI_SMALL);
  const large = time(ALEX_CLI_LARGE);
  const perComment = (large - small) / (ALEX_CLI_LARGE - ALEX_CLI_SMALL);
  return small + perComment * (rows.length - ALEX_CLI_SMALL);
}

// Also runnable on its own: `npx tsx bench/hints.bench.ts`.
if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
