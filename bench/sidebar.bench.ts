/**
 * The sidebar's view model on the 10-year log (520 weekly sessions, 3,000 tasks): building the
 * `ViewState`, serialising it (what postMessage carries) and validating it with the protocol's
 * schema (what the webview does on receipt), beside the parse that precedes every rebuild.
 * Prints medians and ratios to the parse; nothing is asserted. The goal (not asserted): the model
 * costs a small fraction of the parse, so a state per change or per clock tick is cheap.
 */
import { clearParseCache, parse } from '../src/core/parse/index';
import { HostMessage } from '../src/core/views/protocol';
import { buildViewState } from '../src/core/views/sidebar';
import { generateLog } from '../test/fixtures/generate';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median milliseconds of each contender, sampled round robin so machine load hits them alike. */
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

export async function run(): Promise<void> {
  const text = generateLog({ sessions: 520, tasks: 3000 });
  const now = new Date('2026-11-20T12:00:00Z');
  const result = parse(text, { now });
  if (!result.model) throw new Error('the generated log does not parse');
  const notes = Array.from({ length: 200 }, (_, i) => ({ id: `n-${i}`, text: `Note ${i}`, created: new Date(now.getTime() - i * 3600_000).toISOString() }));
  const input = { file: { label: '.mentoring.yaml', result }, notes, now, role: 'mentee' as const, privateLabel: 'private — only on this machine' };
  const state = buildViewState(input);
  if (state.kind !== 'ready') throw new Error(`expected a ready state, got ${state.kind}`);
  const json = JSON.stringify({ type: 'state', state });
  console.log(
    `input: ${result.model.sessions.length} sessions, ${state.tasks.length} tasks, ${state.feedback.length} feedback entries, ${notes.length} notes; state ${(json.length / 1024).toFixed(0)} KB as JSON; ${ROUNDS} rounds`,
  );

  const t = race({
    // Cold, as after each change: core/parse would otherwise serve the parse it kept of this text.
    'parse + validate + checks': () => {
      clearParseCache();
      return parse(text, { now });
    },
    'buildViewState': () => buildViewState(input),
    'JSON round trip of the state': () => JSON.parse(JSON.stringify({ type: 'state', state })),
    'HostMessage.safeParse (webview side)': () => HostMessage.safeParse({ type: 'state', state }),
  });
  const base = t['parse + validate + checks'] ?? 1;
  for (const [name, ms] of Object.entries(t)) {
    console.log(`${name.padEnd(40)} ${ms.toFixed(2).padStart(8)} ms   ${(ms / base).toFixed(3)}x parse`);
  }
}
