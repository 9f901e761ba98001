/**
 * Parse + validate a 10-year log (520 weekly sessions, 3,000 tasks) and one edit on it, beside a
 * lossy js-yaml load + dump of the same text. Prints medians and ratios; goals (not asserted):
 * parse + validate < 50 ms and at most 1.0x the lossy round trip, an edit < 30 ms.
 *
 * `parse` reads with the fast reader (core/parse/fastScan.ts) when the text is in its subset, as
 * this one is; the row "yaml path only" is the same parse through yaml's Document (what every
 * parse was before it), beside it in the same run.
 *
 * core/parse keeps the last parse, and an edit of that very text reuses it. Every row but one is
 * cold (the kept parse is dropped inside the timed call, which costs nothing): a first parse, or
 * an edit of a text nothing parsed before. The row "on the text just parsed" is the editor's
 * path: the store has parsed the text (untimed, before the call), then a click edits it, with
 * the same characters in another string, as the editor's `getText()` hands them out. The fast
 * reader makes no Document, so that edit makes it; the row below it has it made ahead (what an
 * adapter gets by reading `result.doc` in idle time).
 *
 * Honest figures: the core is bundled here with the very esbuild options of dist/cli.js and
 * dist/extension.js (`nodeBundle` in esbuild.mjs, which maps `yaml` to its browser build), and
 * that bundle is what is timed, not the TypeScript sources.
 *
 * The contenders are sampled in turn (round robin), so a busy machine slows them all alike and
 * the ratios stay meaningful even when the absolute times are not; the load is printed.
 */
import * as esbuild from 'esbuild';
import * as jsYaml from 'js-yaml';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLog } from '../test/fixtures/generate';

type Core = typeof import('./core-entry');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** What is timed, and, for a contender that needs it, what is done just before (not timed). */
type Contender = (() => unknown) | { setup: () => void; run: () => unknown };

/**
 * Median milliseconds of each contender, sampled round robin: wall time, and the process's CPU
 * time (which a busy machine inflates much less, so it is closer to what an idle one would show).
 */
function race(contenders: Record<string, Contender>): { wall: Record<string, number>; cpu: Record<string, number> } {
  const names = Object.keys(contenders);
  const wall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const name of names) {
      const contender = contenders[name] as Contender;
      const fn = typeof contender === 'function' ? contender : contender.run;
      if (typeof contender !== 'function') contender.setup();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (round >= WARMUP) {
        wall[name]?.push(ms);
        cpu[name]?.push((c.user + c.system) / 1000);
      }
    }
  }
  const medians = (xs: Record<string, number[]>): Record<string, number> => Object.fromEntries(names.map((n) => [n, median(xs[n] ?? [])]));
  return { wall: medians(wall), cpu: medians(cpu) };
}

/** bench/core-entry.ts bundled with the product's node bundle options, then loaded. */
async function loadBundledCore(): Promise<Core> {
  const root = join(__dirname, '..');
  const { nodeBundle } = (await import(pathToFileURL(join(root, 'esbuild.mjs')).href)) as { nodeBundle: esbuild.BuildOptions };
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-bench-'));
  try {
    const outfile = join(dir, 'core.js');
    await esbuild.build({ ...nodeBundle, entryPoints: [join(__dirname, 'core-entry.ts')], bundle: true, outfile, logLevel: 'warning' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    return require(outfile) as Core;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const core = await loadBundledCore();
  const text = generateLog({ sessions: 520, tasks: 3000 });
  const now = new Date('2026-11-20T12:00:00Z');
  const check = core.parse(text, { now });
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (!check.model || errors.length > 0) throw new Error(`the generated log does not parse cleanly: ${errors[0]?.message ?? 'no model'}`);
  const openTask = check.model.tasks.find((t) => t.status === 'open');
  if (!openTask) throw new Error('the generated log has no open task');

  const addTask = (): unknown => core.addTask(text, { title: 'Read the retry module', owner: 'mentee' }, { now });
  const completeTask = (): unknown => core.completeTask(text, { task: openTask.id }, { now });
  for (const [name, edit] of [['addTask', addTask], ['completeTask', completeTask]] as const) {
    const result = edit() as { ok: boolean };
    if (!result.ok) throw new Error(`${name} failed on the generated log: ${JSON.stringify(result)}`);
  }

  const kb = (new TextEncoder().encode(text).length / 1024).toFixed(0);
  const load = loadavg()[0] ?? 0;
  console.log(`input: ${check.model.sessions.length} sessions, ${check.model.tasks.length} tasks, ${kb} KB, ${text.split('\n').length} lines; ${ROUNDS} rounds`);
  console.log(`machine: ${cpus().length} CPUs, load ${load.toFixed(1)}${load > cpus().length ? ' (busy: absolute times are inflated, the ratios less so)' : ''}`);

  // Cold: nothing kept from an earlier parse of this text.
  const cold =
    (fn: () => unknown) =>
    (): unknown => {
      core.clearParseCache();
      return fn();
    };
  // The editor's text: the same characters in another string object than the one parsed.
  const editorText = new TextDecoder().decode(new TextEncoder().encode(text));

  const LOSSY = 'js-yaml load + dump (lossy)';
  const PARSE = 'parse + validate + checks';
  const FULL = 'parse + validate + checks, yaml path only';
  const EDIT = 'edit: addTask (lossless)';
  const EDIT_JUST_PARSED = "edit: addTask on the text just parsed (the editor's path)";
  const EDIT_WARM = '  the same, its Document made ahead';
  const contenders: Record<string, Contender> = {
    [LOSSY]: () => jsYaml.dump(jsYaml.load(text)),
    [PARSE]: cold(() => core.parse(text, { now })),
    'parse + validate (no checks)': cold(() => core.parse(text, { now, checks: false })),
    '  of which the fast reader (fastScan.ts)': () => core.fastRead(text),
    [FULL]: cold(() => core.parse(text, { now, fastReader: false })),
    '  of which yaml parseDocument': () => core.parseDocument(text, { prettyErrors: false, logLevel: 'error' }),
    [EDIT]: cold(addTask),
    'edit: completeTask (lossless)': cold(completeTask),
    'edit: addTask, verify: false': cold(() => core.addTask(text, { title: 'Read the retry module', owner: 'mentee' }, { now, verify: false })),
    [EDIT_JUST_PARSED]: {
      // The store's parse, for diagnostics and the sidebar: cold, so the fast reader's, whose
      // Document the edit then makes (fastScan.ts reads without one).
      setup: () => {
        core.clearParseCache();
        core.parse(text, { now });
      },
      run: () => core.addTask(editorText, { title: 'Read the retry module', owner: 'mentee' }, { now }),
    },
    [EDIT_WARM]: {
      setup: () => {
        core.clearParseCache();
        void core.parse(text, { now }).doc; // the Document made ahead, in idle time
      },
      run: () => core.addTask(editorText, { title: 'Read the retry module', owner: 'mentee' }, { now }),
    },
  };
  // The fast reader must take this text, and both readers must agree on it, or the rows above compare nothing.
  if (!core.fastRead(text)) throw new Error('the fast reader gave way on the generated log');
  core.clearParseCache();
  const byYaml = JSON.stringify(core.parse(text, { now, fastReader: false }).diagnostics);
  core.clearParseCache();
  if (JSON.stringify(core.parse(text, { now }).diagnostics) !== byYaml) throw new Error('the fast reader and yaml disagree on the generated log');
  // The same edit both ways (with the same new id) writes the same text.
  const sameId = { now, random: (): number => 0.25 };
  core.parse(text, { now });
  const justParsed = core.addTask(editorText, { title: 'Read the retry module', owner: 'mentee' }, sameId) as { ok: boolean; text?: string };
  core.clearParseCache();
  const coldResult = core.addTask(text, { title: 'Read the retry module', owner: 'mentee' }, sameId) as { ok: boolean; text?: string };
  if (!justParsed.ok || justParsed.text !== coldResult.text) throw new Error('an edit of the text just parsed differs from the same edit on a cold parse');

  const { wall, cpu } = race(contenders);
  const NAME_WIDTH = Math.max(36, ...Object.keys(contenders).map((n) => n.length));
  const goals: Record<string, number> = { [PARSE]: 50, [EDIT]: 30, [EDIT_JUST_PARSED]: 30 };
  const col = (ms: Record<string, number>, name: string): string =>
    `${(ms[name] as number).toFixed(1).padStart(8)} ms ${((ms[name] as number) / (ms[LOSSY] as number)).toFixed(2).padStart(5)}x`;
  console.log(`${''.padEnd(NAME_WIDTH)} ${'wall (median)'.padStart(17)}  ${'CPU (median)'.padStart(17)}   (x = ratio to the lossy round trip)`);
  for (const name of Object.keys(contenders)) {
    const goal = goals[name];
    const note = goal === undefined ? '' : `goal < ${goal} ms: ${wall[name] as number < goal ? 'met' : 'missed'}${cpu[name] as number < goal ? '' : ' (CPU: missed too)'}`;
    console.log(`${name.padEnd(NAME_WIDTH)} ${col(wall, name)}  ${col(cpu, name)}   ${note}`);
  }
  const fastRatio = (wall[PARSE] as number) / (wall[LOSSY] as number);
  const fastCpuRatio = (cpu[PARSE] as number) / (cpu[LOSSY] as number);
  console.log(`${PARSE} (fast reader) / lossy round trip: ${fastRatio.toFixed(2)}x wall, ${fastCpuRatio.toFixed(2)}x CPU (goal <= 1.0x: ${Math.max(fastRatio, fastCpuRatio) <= 1 ? 'met' : 'missed'}); the yaml path: ${((wall[FULL] as number) / (wall[LOSSY] as number)).toFixed(2)}x wall, ${((cpu[FULL] as number) / (cpu[LOSSY] as number)).toFixed(2)}x CPU`);
  for (const name of [PARSE, EDIT, EDIT_JUST_PARSED]) {
    const ratio = (wall[name] as number) / (wall[LOSSY] as number);
    const cpuRatio = (cpu[name] as number) / (cpu[LOSSY] as number);
    console.log(`${name} / lossy round trip: ${ratio.toFixed(2)}x wall, ${cpuRatio.toFixed(2)}x CPU (goal <= 2x: ${Math.min(ratio, cpuRatio) <= 2 ? 'met' : 'missed'})`);
  }
  const YAML = '  of which yaml parseDocument';
  console.log(`yaml's parseDocument alone (the lossless CST + Document an editor needs): ${(((cpu[YAML] as number) / (cpu[FULL] as number)) * 100).toFixed(0)}% of the yaml path's parse + validate, ${((cpu[YAML] as number) / (cpu[LOSSY] as number)).toFixed(2)}x the lossy round trip (CPU).`);
}
