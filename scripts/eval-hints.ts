/**
 * Measures the hint engine on a labelled set of review comments (JSON lines `{text, toxic}`):
 * recall on toxic comments, flag rate on non-toxic ones, per-rule counts, and a sample of misses
 * and false alarms to read before tuning.
 *
 *   npx tsx scripts/eval-hints.ts [FILE] [--samples N] [--seed S] [--rule RULE]
 *
 * FILE defaults to ../shared/eval/toxicr-dev.jsonl. The data is for measuring only: it is read
 * here and never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findHints, type Hint } from '../src/core/hints';

interface Row {
  text: string;
  toxic: boolean;
}

function parseArgs(argv: string[]): { file: string; samples: number; seed: number; rule?: string | undefined } {
  let file = resolve(__dirname, '../../shared/eval/toxicr-dev.jsonl');
  let samples = 25;
  let seed = 1;
  let rule: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--samples') samples = Number(argv[++i]);
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--rule') rule = argv[++i];
    else file = resolve(a);
  }
  if (!Number.isInteger(samples) || samples < 0) throw new Error('--samples takes a whole number, e.g. --samples 40');
  return { file, samples, seed, rule };
}

export function loadRows(file: string): Row[] {
  const rows: Row[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}:1: not valid JSON (${(e as Error).message}); each line must be {"text": "...", "toxic": 0|1}`, { cause: e });
    }
    const o = v as { text?: unknown; toxic?: unknown };
    if (typeof o.text !== 'string' || (o.toxic !== 0 && o.toxic !== 1 && typeof o.toxic !== 'boolean')) {
      throw new Error(`${file}:${i + 1}:1: expected {"text": string, "toxic": 0|1}`);
    }
    rows.push({ text: o.text, toxic: o.toxic === 1 || o.toxic === true });
  });
  return rows;
}

/** Small deterministic PRNG so that samples are stable between runs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(xs: readonly T[], n: number, rnd: () => number): T[] {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function show(text: string, hints: readonly Hint[]): string {
  const one = text.replace(/\s+/g, ' ').slice(0, 160);
  const tags = hints.map((h) => `${h.rule}:${JSON.stringify(text.slice(h.start, h.end).slice(0, 40))}`).join(' ');
  return `  - ${JSON.stringify(one)}${tags ? `\n      ${tags}` : ''}`;
}

function main(): void {
  const { file, samples, seed, rule } = parseArgs(process.argv.slice(2));
  if (!existsSync(file)) {
    console.error(`${file}: not found. Pass the path of a JSON-lines file of {"text", "toxic"} rows.`);
    process.exit(2);
  }
  const rows = loadRows(file);
  const results = rows.map((r) => ({ ...r, hints: findHints(r.text) }));
  const toxic = results.filter((r) => r.toxic);
  const clean = results.filter((r) => !r.toxic);
  const hit = toxic.filter((r) => r.hints.length > 0);
  const flagged = clean.filter((r) => r.hints.length > 0);
  const questions = clean.filter((r) => /^\s*(?:what|how|have you|could|would|can|should|is|are|do|does|did|why)\b[^.!\n]*\?\s*$/i.test(r.text));
  const flaggedQuestions = questions.filter((r) => r.hints.length > 0);

  console.log(`${file}: ${rows.length} comments (${toxic.length} toxic, ${clean.length} non-toxic)`);
  console.log(`recall on toxic:      ${(hit.length / toxic.length).toFixed(3)} (${hit.length}/${toxic.length})   goal >= 0.80`);
  console.log(`flag rate, non-toxic: ${(flagged.length / clean.length).toFixed(3)} (${flagged.length}/${clean.length})   goal <= 0.15`);
  console.log(`flag rate, one-sentence non-toxic questions: ${(flaggedQuestions.length / Math.max(1, questions.length)).toFixed(3)} (${flaggedQuestions.length}/${questions.length})`);

  const perRule = new Map<string, { toxic: number; clean: number }>();
  for (const r of results) {
    for (const id of new Set(r.hints.map((h) => h.rule))) {
      const c = perRule.get(id) ?? { toxic: 0, clean: 0 };
      if (r.toxic) c.toxic++;
      else c.clean++;
      perRule.set(id, c);
    }
  }
  console.log('\nper rule (comments with at least one hint of the rule):');
  for (const [id, c] of [...perRule].sort((a, b) => b[1].toxic + b[1].clean - a[1].toxic - a[1].clean)) {
    console.log(`  ${id.padEnd(22)} toxic ${String(c.toxic).padStart(5)}   non-toxic ${String(c.clean).padStart(5)}`);
  }

  const rnd = mulberry32(seed);
  const misses = toxic.filter((r) => r.hints.length === 0);
  const alarms = rule ? flagged.filter((r) => r.hints.some((h) => h.rule === rule)) : flagged;
  console.log(`\nmisses (toxic, no hint) — ${samples} of ${misses.length}:`);
  for (const r of sample(misses, samples, rnd)) console.log(show(r.text, r.hints));
  console.log(`\nfalse alarms (non-toxic, flagged${rule ? ` by ${rule}` : ''}) — ${samples} of ${alarms.length}:`);
  for (const r of sample(alarms, samples, rnd)) console.log(show(r.text, r.hints));
}

main();
