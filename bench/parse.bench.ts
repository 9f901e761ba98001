/**
 * Parse + validate a 10-year log (520 weekly sessions, 3,000 tasks) and one `addTask` edit on it,
 * beside a lossy js-yaml load + dump of the same text. Prints medians and ratios; goals (not
 * asserted): parse + validate < 50 ms, edit < 30 ms, parse within 2x of the lossy round trip.
 */
import * as jsYaml from 'js-yaml';
import { parse } from '../src/core/parse';
import { generateLog } from '../test/fixtures/generate';

const RUNS = 15;
const WARMUP = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function time(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
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

export async function run(): Promise<void> {
  const text = generateLog({ sessions: 520, tasks: 3000 });
  const now = new Date('2026-11-20T12:00:00Z');
  const check = parse(text, { now });
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (!check.model || errors.length > 0) throw new Error(`the generated log does not parse cleanly: ${errors[0]?.message ?? 'no model'}`);

  const kb = (new TextEncoder().encode(text).length / 1024).toFixed(0);
  console.log(`input: ${check.model.sessions.length} sessions, ${check.model.tasks.length} tasks, ${kb} KB, ${text.split('\n').length} lines`);

  const parseMs = time(() => parse(text, { now }));
  const parseNoChecksMs = time(() => parse(text, { now, checks: false }));
  const lossyMs = time(() => jsYaml.dump(jsYaml.load(text)));
  const row = (name: string, ms: number, goal: string): void =>
    console.log(`${name.padEnd(36)} ${ms.toFixed(1).padStart(7)} ms   ${goal}`);
  row('parse + validate + checks', parseMs, `goal < 50 ms ${parseMs < 50 ? 'met' : 'MISSED'}`);
  row('parse + validate (no checks)', parseNoChecksMs, '');
  row('js-yaml load + dump (lossy)', lossyMs, '');
  const ratio = parseMs / lossyMs;
  console.log(`ratio parse / lossy round trip: ${ratio.toFixed(2)}x   goal <= 2x ${ratio <= 2 ? 'met' : 'MISSED'}`);

  const addTask = await loadAddTask();
  if (!addTask) {
    console.log('edit: src/core/edit.ts has no addTask yet, skipped');
    return;
  }
  const result = addTask(text, { title: 'Read the retry module', owner: 'mentee' }, { now });
  if (!result.ok) throw new Error(`addTask failed on the generated log: ${JSON.stringify(result)}`);
  const editMs = time(() => addTask(text, { title: 'Read the retry module', owner: 'mentee' }, { now }));
  row('edit (addTask, lossless)', editMs, `goal < 30 ms ${editMs < 30 ? 'met' : 'MISSED'}`);
  console.log(`ratio edit / lossy round trip: ${(editMs / lossyMs).toFixed(2)}x`);
}
