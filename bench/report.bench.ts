/**
 * `mentoring report` over N one-year pairs (default 1,000 files of 52 weekly sessions and 52 tasks,
 * test/fixtures/generate.ts), beside `mentoring check` over the same files in the same run: whole
 * processes of the built CLI (dist/cli.js), so start-up, the walk, the reads and the worker threads
 * all count. Goal (not asserted): the report of 1,000 pairs under 10 s on 2 cores. The contenders
 * run in turn (round robin), so a busy machine slows them alike; the load is printed.
 * BENCH_REPORT_FILES and BENCH_REPORT_ROUNDS change the size and the rounds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLog } from '../test/fixtures/generate';

const FILES = Number(process.env.BENCH_REPORT_FILES ?? 1000);
const ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 1);

/**
 * CPU seconds of the children this process has waited for (Linux: cutime + cstime of
 * /proc/self/stat, in clock ticks of 1/100 s), so a contender's CPU time counts its worker
 * threads; undefined elsewhere.
 */
function childCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export async function run(): Promise<void> {
  const cli = join(__dirname, '..', 'dist', 'cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-report-bench-'));
  try {
    let bytes = 0;
    for (let i = 0; i < FILES; i++) {
      const text = generateLog({ sessions: 52, tasks: 52, seed: i + 1, start: '2025-11-01' });
      bytes += Buffer.byteLength(text);
      mkdirSync(join(dir, `pair-${i}`));
      writeFileSync(join(dir, `pair-${i}`, '.mentoring.yaml'), text);
    }
    const env = { ...process.env, MENTORING_NOW: '2026-11-20T12:00:00Z' };
    const contenders: Record<string, string[]> = {
      'check --format json (the peer)': ['check', dir, '--format', 'json'],
      'report --format json (threads, one per core)': ['report', dir, '--format', 'json'],
      'report --format json --jobs 0 (one thread)': ['report', dir, '--format', 'json', '--jobs', '0'],
      'report --format html': ['report', dir, '--format', 'html'],
    };
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((n) => [n, []]));
    const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((n) => [n, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, args] of Object.entries(contenders)) {
        const c0 = childCpu();
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        const ms = performance.now() - t0;
        const c1 = childCpu();
        if (c0 !== undefined && c1 !== undefined) cpu[name]?.push((c1 - c0) * 1000);
        if (r.status !== 0) throw new Error(`${name} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
        if (name.startsWith('report --format json') && (JSON.parse(r.stdout) as { pairs: unknown[] }).pairs.length !== FILES) throw new Error(`${name}: not every pair reported`);
        times[name]?.push(ms);
      }
    }
    const load = loadavg()[0] ?? 0;
    console.log(`input: ${FILES} one-year files (52 sessions, 52 tasks), ${(bytes / 1024 / 1024).toFixed(1)} MB; ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}`);
    console.log(`machine: ${cpus().length} CPUs, load ${load.toFixed(1)}${load > cpus().length ? ' (busy: absolute times are inflated, the ratios less so)' : ''}`);
    const PEER = 'check --format json (the peer)';
    const peer = median(times[PEER] ?? []);
    const peerCpu = median(cpu[PEER] ?? []);
    console.log(`${''.padEnd(48)} ${'wall (median)'.padStart(20)}  ${'CPU, threads included'.padStart(22)}`);
    for (const name of Object.keys(contenders)) {
      const ms = median(times[name] ?? []);
      const c = cpu[name]?.length ? median(cpu[name]) : undefined;
      const cpuCol = c === undefined ? 'n/a'.padStart(22) : `${(c / 1000).toFixed(2).padStart(7)} s ${(c / peerCpu).toFixed(2).padStart(5)}x check`;
      const goal = name.startsWith('report --format json (threads') ? `   goal < 10 s for 1,000 pairs: ${FILES >= 1000 ? (ms < 10_000 ? 'met' : 'missed') : 'n/a (fewer files)'}` : '';
      console.log(`${name.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(7)} s ${(ms / peer).toFixed(2).padStart(5)}x check  ${cpuCol}${goal}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
