/**
 * What sealing costs. A 10-year log (520 sessions, 3,000 tasks) parsed cold, checks included:
 * without keys (the peer), with the pair's keys and every confidential field still plain (the
 * checks walk every field and warn), and with every session's notes sealed (520 armor blocks
 * checked for shape). Then sealing and opening one note with age, beside parsing the log once.
 * Then the editor's edit path (src/editor/store.ts: its parse, the operation, `sealEdit`) adding a
 * task, against the plain edit (the same without `sealEdit`): `sealEdit` as it was (no model:
 * it parses again) and as the store calls it now (with the model it parsed: no key, no parse).
 * Sampled round robin so a busy machine slows all alike; ratios are the figures, not the times.
 */
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLog } from '../test/fixtures/generate';

type Core = typeof import('./seal-entry');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 3;

async function loadBundled(): Promise<Core> {
  const root = join(__dirname, '..');
  const { nodeBundle } = (await import(pathToFileURL(join(root, 'esbuild.mjs')).href)) as { nodeBundle: esbuild.BuildOptions };
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-bench-'));
  try {
    const outfile = join(dir, 'seal.js');
    await esbuild.build({ ...nodeBundle, entryPoints: [join(__dirname, 'seal-entry.ts')], bundle: true, outfile, logLevel: 'warning' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    return require(outfile) as Core;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function race(contenders: Record<string, () => unknown>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((n) => [n, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const t0 = performance.now();
      await fn();
      if (round >= WARMUP) times[name]?.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([n, xs]) => [n, median(xs)]));
}

export async function run(): Promise<void> {
  const core = await loadBundled();
  const now = new Date('2026-11-20T12:00:00Z');
  // Fixed test keys (never used for anything real): the pair's, written into the agreement.
  const identity = 'AGE-SECRET-KEY-18ZPPNRJG0Z7T4AGJWU32W3LPW5HKUQ8MQ43XYD58V00DNMMLT56QNXZ653';
  const recipient = 'age1cmtx084ytaq4u3vtwat9870ken738t00auagwrpxj7t4z2hd6qlq3v0p6c';
  const plain = generateLog({ sessions: 520, tasks: 3000 });
  const keyed = plain.replace(/^ {2}mentor: \{ (name: [^}]*) \}$/m, `  mentor: { $1, key: ${recipient} }`);
  if (keyed === plain) throw new Error('the generated log has no mentor line to put a key on');
  const model = core.parse(keyed, { now }).model;
  if (!model) throw new Error('the keyed log does not parse');
  const note = 'We talked about the release that went wrong, and what I would do differently next time.';
  const armor = await core.seal(note, [recipient]);
  const opened = await core.open(armor, [identity]);
  if (!opened.ok || opened.text !== note) throw new Error('the bench key does not open its own note');
  let sealed = keyed;
  const withNotes = model.sessions.map((s, i) => [s, i] as const).filter(([s]) => s.notes !== undefined);
  // One plan for all 520 notes: a setIn per note parses the whole log each time (minutes on a busy machine).
  sealed = core.planEdits(sealed, withNotes.map(([, i]) => ({ op: 'set' as const, path: ['sessions', i, 'notes'], value: armor }))).text;
  const sealedModel = core.parse(sealed, { now });
  if (!sealedModel.model || sealedModel.diagnostics.some((d) => d.severity === 'error')) throw new Error('the sealed log does not parse cleanly');
  const warnings = core.parse(keyed, { now }).diagnostics.filter((d) => d.code === 'not-sealed').length;

  const PEER = 'parse, no keys (peer)';
  const cold = (text: string) => (): unknown => {
    core.clearParseCache();
    return core.parse(text, { now });
  };
  const t = await race({
    [PEER]: cold(plain),
    'parse, keys, confidential fields plain': cold(keyed),
    [`parse, keys, ${withNotes.length} notes sealed`]: cold(sealed),
    'seal one note (age, 1 recipient)': () => core.seal(note, [recipient]),
    'open one note': () => core.open(armor, [identity]),
  });
  const load = loadavg()[0] ?? 0;
  console.log(`input: ${(plain.length / 1024).toFixed(0)} KB plain, ${(sealed.length / 1024).toFixed(0)} KB with sealed notes; ${warnings} not-sealed warnings listed; ${ROUNDS} rounds`);
  console.log(`machine: ${cpus().length} CPUs, load ${load.toFixed(1)}${load > cpus().length ? ' (busy: absolute times inflated, ratios less so)' : ''}`);
  for (const [name, ms] of Object.entries(t)) console.log(`${name.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms ${(ms / (t[PEER] as number)).toFixed(3).padStart(7)}x`);

  // The store's edit path, cold (a text not parsed yet): parse with checks, add a task, then seal.
  const ctx = { now, random: () => 0.5 };
  const path = (text: string, seal: 'none' | 'old' | 'new') => async (): Promise<unknown> => {
    core.clearParseCache();
    const parsed = core.parse(text, { now });
    const edited = core.addTask(text, { title: 'Write the retry test', owner: 'mentee' }, ctx);
    if (!edited.ok) throw new Error(edited.message);
    if (seal === 'none') return edited;
    return core.sealEdit(text, edited.text, seal === 'old' ? { now } : { now, beforeModel: parsed.model });
  };
  // A log without keys whose text says "age1" (page1, image12…): the old cheap test let it through to a parse.
  const age1 = plain.replace(/^( {4}title: )(.*)$/m, '$1$2 (see page12)');
  if (age1 === plain) throw new Error('the generated log has no title to mention page12 in');
  const groups: [string, string][] = [
    ['no keys', plain],
    ['no keys, "age1" in a title', age1],
    [`keys, ${withNotes.length} notes sealed`, sealed],
  ];
  console.log('\nedit path (store: parse, add a task, sealEdit), cold; ratio to the plain edit of the same file:');
  for (const [label, text] of groups) {
    const PLAIN = `${label}: plain edit (peer)`;
    const e = await race({ [PLAIN]: path(text, 'none'), [`${label}: + sealEdit before`]: path(text, 'old'), [`${label}: + sealEdit now (model)`]: path(text, 'new') });
    for (const [name, ms] of Object.entries(e)) console.log(`${name.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms ${(ms / (e[PLAIN] as number)).toFixed(3).padStart(7)}x`);
  }
}
