/**
 * The desktop's parse worker (src/node/parseWorker.ts, the bundle of dist/parseWorker.js) against
 * the parse on the calling thread, at several sizes of the generated log: what a file's parse
 * costs the extension host's thread each way. In-process, the thread is busy for the whole parse;
 * with the worker, it is busy only posting the text and receiving the result (the event loop's
 * utilization, `performance.eventLoopUtilization`, while the round trip runs), and the round trip's
 * wall time is what the diagnostics wait. The click (`completeTask` by name, core/edit/named.ts)
 * on the ten-year log, both ways. Every parse is cold (a text not parsed before, each round its
 * own last comment line). Medians; nothing is asserted. The worker's threshold (32 KB,
 * PARSE_WORKER_MIN_CHARS in src/editor/platform.ts) is where the in-process parse is a few ms.
 */
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { NodeParseWorker } from '../src/node/parseWorker';
import { generateLog } from '../test/fixtures/generate';

type Core = typeof import('./core-entry');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Wall time and this thread's busy time of `fn` (sync or async). */
async function timed(fn: () => unknown): Promise<{ wall: number; busy: number }> {
  const e0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  return { wall, busy: performance.eventLoopUtilization(e0).active };
}

export async function run(): Promise<void> {
  const root = join(__dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-bench-worker-'));
  try {
    const { buildInto, nodeBundle } = (await import(pathToFileURL(join(root, 'esbuild.mjs')).href)) as {
      buildInto: (outfile: string, dir: string, extra?: object) => Promise<void>;
      nodeBundle: esbuild.BuildOptions;
    };
    await buildInto('dist/parseWorker.js', dir, { logLevel: 'silent', sourcemap: false });
    const coreFile = join(dir, 'core.js');
    await esbuild.build({ ...nodeBundle, entryPoints: [join(__dirname, 'core-entry.ts')], bundle: true, outfile: coreFile, logLevel: 'warning' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    const core = require(coreFile) as Core;
    const worker = new NodeParseWorker(join(dir, 'parseWorker.js'));
    const now = new Date('2026-11-20T12:00:00Z');
    const load = loadavg()[0] ?? 0;
    console.log(`machine: ${cpus().length} CPUs, load ${load.toFixed(1)}; ${ROUNDS} rounds, cold parses, medians (ms)`);
    // The worker's start (its bundle loaded on its own thread), once.
    const start = await timed(() => worker.parse('warm', 'version: 1\n', now));
    console.log(`worker start + first tiny parse: wall ${start.wall.toFixed(1)}, host thread ${start.busy.toFixed(1)}`);
    console.log(`${'size'.padEnd(8)} ${'in-process (host)'.padStart(18)} ${'worker wall'.padStart(12)} ${'worker host thread'.padStart(19)}`);
    try {
      for (const [sessions, tasks] of [[10, 30], [30, 80], [60, 200], [120, 400], [520, 3000]] as const) {
        const log = generateLog({ sessions, tasks });
        const inProcess: number[] = [];
        const wall: number[] = [];
        const busy: number[] = [];
        for (let round = 0; round < ROUNDS + 1; round++) {
          const a = `${log}# in-process ${round}\n`;
          const b = `${log}# worker ${round}\n`;
          core.clearParseCache();
          const p = await timed(() => core.parse(a, { now }));
          const w = await timed(() => worker.parse('file', b, now));
          if (round === 0) continue; // warm-up
          inProcess.push(p.wall);
          wall.push(w.wall);
          busy.push(w.busy);
        }
        const kb = `${(log.length / 1024).toFixed(0)} KB`;
        console.log(`${kb.padEnd(8)} ${median(inProcess).toFixed(1).padStart(18)} ${median(wall).toFixed(1).padStart(12)} ${median(busy).toFixed(1).padStart(19)}`);
      }
      // The first click on the ten-year log: completeTask, cold (the Document made), each way.
      const log = generateLog({ sessions: 520, tasks: 3000 });
      const open = core.parse(log, { now }).model?.tasks.find((t) => t.status === 'open');
      if (!open) throw new Error('the generated log has no open task');
      const click = core.namedEdit('completeTask', { task: open.id });
      const here: number[] = [];
      const there: number[] = [];
      const thereBusy: number[] = [];
      for (let round = 0; round < ROUNDS + 1; round++) {
        core.clearParseCache();
        const p = await timed(() => core.runNamedEdit(click, `${log}# in-process ${round}\n`, now));
        const w = await timed(() => worker.edit(`${log}# worker ${round}\n`, click, now));
        if (round === 0) continue;
        here.push(p.wall);
        there.push(w.wall);
        thereBusy.push(w.busy);
      }
      console.log(`first click (completeTask, cold, 880 KB): in-process ${median(here).toFixed(1)} on the host; worker wall ${median(there).toFixed(1)}, host thread ${median(thereBusy).toFixed(1)}`);
    } finally {
      worker.dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
