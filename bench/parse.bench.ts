/**
 * Parse + validate a 10-year log (520 weekly sessions, 3,000 tasks) and one `addTask` edit on it,
 * beside a lossy js-yaml load + dump of the same text. Prints medians and ratios; goals (not
 * asserted): parse + validate < 50 ms, edit < 30 ms, parse within 2x of the lossy round trip.
 *
 * The contenders are sampled in turn (round robin), so a busy machine slows them all alike and
 * the ratios stay meaningful even when the absolute times are not.
 */
import * as jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { parse } from '../src/core/parse';
import { generateLog } from '../test/fixtures/generate';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median milliseconds of each contender, sampled round robin. */
function race(contenders: Record<string, () => unknown>): Record<string, number> {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const name of names) {
      const fn = contenders[name] as () => unknown;
      const t0 = performance.now();
      fn();
      const ms = performance.now() - t0;
      if (round >= WARMUP) samples[name]?.push(ms);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n] ?? [])]));
}

type AddTask = (text: string, args: { title: string; owner?: 'mentor' | 'mentee' }, ctx: { now: Date }) => { ok: boolean };

async function loadAddTask(): Promise<AddTask | undefined> {
  try {
    const mod = (await import('../src/core/edit')) as { addTask?: AddTask };
    return typeof mod.addTask === 'function' ? mod.addTask : undefined;
  } catch {
    return undefined;
  }
}

/** yaml's browser build (what the web extension bundles): the same parser without per-token `process.env` reads. */
async function loadBrowserYaml(): Promise<typeof parseDocument | undefined> {
  try {
    const path = require.resolve('yaml').replace(/dist[\\/]index\.js$/, 'browser/index.js');
    const mod = (await import(path)) as { parseDocument?: typeof parseDocument };
    return mod.parseDocument;
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  const text = generateLog({ sessions: 520, tasks: 3000 });
  const now = new Date('2026-11-20T12:00:00Z');
  const check = parse(text, { now });
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (!check.model || errors.length > 0) throw new Error(`the generated log does not parse cleanly: ${errors[0]?.message ?? 'no model'}`);

  const kb = (new TextEncoder().encode(text).length / 1024).toFixed(0);
  console.log(`input: ${check.model.sessions.length} sessions, ${check.model.tasks.length} tasks, ${kb} KB, ${text.split('\n').length} lines; ${ROUNDS} rounds`);

  const addTask = await loadAddTask();
  if (addTask) {
    const result = addTask(text, { title: 'Read the retry module', owner: 'mentee' }, { now });
    if (!result.ok) throw new Error(`addTask failed on the generated log: ${JSON.stringify(result)}`);
  }
  const browserParseDocument = await loadBrowserYaml();

  const contenders: Record<string, () => unknown> = {
    'js-yaml load + dump (lossy)': () => jsYaml.dump(jsYaml.load(text)),
    'parse + validate + checks': () => parse(text, { now }),
    'parse + validate (no checks)': () => parse(text, { now, checks: false }),
    '  of which yaml parseDocument': () => parseDocument(text, { prettyErrors: false, logLevel: 'error' }),
  };
  if (browserParseDocument) contenders['  yaml browser build parseDocument'] = () => browserParseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (addTask) contenders['edit (addTask, lossless)'] = () => addTask(text, { title: 'Read the retry module', owner: 'mentee' }, { now });

  const ms = race(contenders);
  const lossy = ms['js-yaml load + dump (lossy)'] as number;
  const goals: Record<string, [number, string]> = {
    'parse + validate + checks': [50, 'goal < 50 ms'],
    'edit (addTask, lossless)': [30, 'goal < 30 ms'],
  };
  for (const [name, value] of Object.entries(ms)) {
    const goal = goals[name];
    const note = goal ? `${goal[1]}: ${value < goal[0] ? 'met' : 'missed'}` : '';
    console.log(`${name.padEnd(36)} ${value.toFixed(1).padStart(8)} ms  ${(value / lossy).toFixed(2).padStart(5)}x lossy  ${note}`);
  }
  const ratio = (ms['parse + validate + checks'] as number) / lossy;
  console.log(`parse / lossy round trip: ${ratio.toFixed(2)}x (goal <= 2x: ${ratio <= 2 ? 'met' : 'missed'})`);
  if (!addTask) console.log('edit: src/core/edit.ts has no addTask yet, skipped');
}
