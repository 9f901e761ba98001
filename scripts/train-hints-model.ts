/**
 * `npm run train:hints`: trains the heated-tone model of the hint engine (src/core/hints/model/)
 * on the Ehsani et al. rows (../shared/eval/ehsani-dev.jsonl, MIT: the only labelled set the
 * project may train on; the GPL ToxiCR rows are never read here except by `--transfer`, which
 * measures the trained model on them) and writes src/core/hints/model/weights.ts.
 *
 *   npx tsx scripts/train-hints-model.ts [--cv] [--transfer] [--out FILE] [--limit N] [--data FILE]
 *
 * Deterministic: fixed seeds, one pass order, so the same data gives the same weights byte for
 * byte (test/unit/core/hints/model.test.ts checks the shipped table against a fresh run).
 *
 * The decision the product makes is "the rules found something, or the model's probability is at
 * least the threshold". The threshold is chosen on out-of-fold probabilities (k-fold on the
 * training rows) so that the rules and the model together flag {@link TARGET_CIVIL} of the civil
 * comments. `--cv` reports that decision honestly: k-fold over the rows, each fold scored by a
 * model and a threshold made from the other folds only (the threshold from an inner k-fold).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { mulberry32 } from '../test/fixtures/generate';
import { findHints } from '../src/core/hints';
import { maskSkipped } from '../src/core/hints/tokenize';
import { featuresOf, type CommentFeatures } from '../src/core/hints/model/features';
import { verdictOf } from '../src/core/hints/model/score';
import { ownLength, ruleCues } from '../src/core/hints/model/heated';
import type { Model, RawTable } from '../src/core/hints/model/table';
import { MODEL_RULE_ID, encodeWeights } from '../src/core/hints/model/table';

const EVAL = resolve(__dirname, '../../shared/eval');
export const DATA = resolve(EVAL, 'ehsani-dev.jsonl');
const OUT = resolve(__dirname, '../src/core/hints/model/weights.ts');

/** Hyper-parameters: chosen by the `--cv` figures (docs/hints.md), fixed here. */
export const PARAMS = {
  dims: 1 << 16,
  epochs: 12,
  rate: 0.2,
  l2: 1e-5,
  folds: 5,
  seed: 20241,
  /** The share of civil comments the rules and the model may flag together. */
  targetCivil: 0.0975,
  /**
   * The rules' hints are features too, and in a long comment (at least `gateLength` characters
   * of the writer's own words) the rules' hints are kept only where the model's probability is at
   * least `gate`: most civil comments the rules flag are long arguments (docs/hints.md).
   */
  gate: 0.1,
  gateLength: 1000,
  /**
   * The model adds a hint only to a comment of at least this many characters of the writer's own
   * words: a short one gives it a handful of features, and one word then decides.
   */
  minLength: 120,
  /** Train on the comments the rules left alone only (the only ones the model decides). */
  residual: false,
};
// Experiments only: `HINTS_PARAMS='{"epochs": 20}'` overrides any of the above for one run.
Object.assign(PARAMS, JSON.parse(process.env.HINTS_PARAMS ?? '{}'));
const TARGET_CIVIL = PARAMS.targetCivil;

export interface TrainRow {
  text: string;
  positive: boolean;
  kind?: string;
}

interface Example {
  features: CommentFeatures;
  masked: string;
  indices: Int32Array;
  value: number;
  y: number;
  /** The rules (without the model) hint somewhere in the comment. */
  rules: boolean;
  /** Long enough for the gate ({@link PARAMS}.gateLength). */
  long: boolean;
  /** Long enough for the model to add a hint ({@link PARAMS}.minLength). */
  enough: boolean;
}

export function loadTrainRows(file: string): TrainRow[] {
  const rows: TrainRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      if (l.trim() === '') return;
      let o: { text?: unknown; uncivil?: unknown; toxic?: unknown; judgment?: unknown; kind?: unknown };
      try {
        o = JSON.parse(l) as typeof o;
      } catch (e) {
        throw new Error(`${file}:${i + 1}:1: not valid JSON (${(e as Error).message})`, { cause: e });
      }
      const label = o.uncivil ?? o.toxic ?? o.judgment;
      if (typeof o.text !== 'string' || (label !== 0 && label !== 1)) throw new Error(`${file}:${i + 1}:1: expected {"text": string, "uncivil" | "toxic" | "judgment": 0|1}`);
      const row: TrainRow = { text: o.text, positive: label === 1 };
      if (typeof o.kind === 'string' && o.kind !== '') row.kind = o.kind.toLowerCase();
      rows.push(row);
    });
  return rows;
}

const NO_MODEL = { disabledRules: [MODEL_RULE_ID] };

export function examples(rows: readonly TrainRow[], dims: number): Example[] {
  return rows.map((r) => {
    const hints = findHints(r.text, NO_MODEL);
    const masked = maskSkipped(r.text);
    const f = featuresOf(masked, dims, ruleCues(hints));
    return { features: f, masked, indices: f.indices, value: f.value, y: r.positive ? 1 : 0, rules: hints.length > 0, long: ownLength(masked) >= PARAMS.gateLength, enough: ownLength(masked) >= PARAMS.minLength };
  });
}


function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const rnd = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface Weights {
  bias: number;
  w: Float64Array;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Logistic regression by AdaGrad SGD with L2, in a fixed order per epoch. */
export function train(all: readonly Example[], dims: number, seed: number): Weights {
  const data = PARAMS.residual ? all.filter((ex) => !ex.rules) : all;
  const w = new Float64Array(dims);
  const g2 = new Float64Array(dims).fill(1e-8);
  let bias = 0;
  let bg2 = 1e-8;
  for (let epoch = 0; epoch < PARAMS.epochs; epoch++) {
    for (const k of shuffled(data.length, seed + epoch)) {
      const ex = data[k]!;
      let z = bias;
      for (const i of ex.indices) z += w[i]! * ex.value;
      const err = sigmoid(z) - ex.y;
      bg2 += err * err;
      bias -= (PARAMS.rate * err) / Math.sqrt(bg2);
      for (const i of ex.indices) {
        const g = err * ex.value + PARAMS.l2 * w[i]!;
        g2[i]! += g * g;
        w[i]! -= (PARAMS.rate * g) / Math.sqrt(g2[i]!);
      }
    }
  }
  return { bias, w };
}

/** The model as the runtime holds it (./score.ts), threshold aside. */
function asModel(m: Weights): Model {
  return { dims: m.w.length, bias: m.bias, threshold: 0, gate: PARAMS.gate, gateLength: PARAMS.gateLength, minLength: PARAMS.minLength, w: Float32Array.from(m.w) };
}

/**
 * The probability the product acts on: the model's, where its most heated sentence is aimed at
 * someone (./score.ts), else 0 (the model adds no hint there, whatever its score).
 */
interface Scored {
  /** The model's probability. */
  p: number;
  /** The same where the model may add a hint (its sentence aimed at someone), else 0. */
  eff: number;
}

function prob(m: Model, ex: Example): Scored {
  const v = verdictOf(m, ex.features, ex.masked);
  if (v === undefined) return { p: 0, eff: 0 };
  return { p: v.p, eff: !v.aimed || !ex.enough ? 0 : v.p };
}

/** The rules' verdict stands: no gate, a short comment, or the model agrees enough. */
function rulesKept(ex: Example, s: Scored): boolean {
  return ex.rules && !(PARAMS.gate > 0 && ex.long && s.p < PARAMS.gate);
}

/** The product's decision for one comment. */
function decide(ex: Example, s: Scored, threshold: number): boolean {
  return ex.rules ? rulesKept(ex, s) : s.eff >= threshold;
}

/** Fold of each example: stratified (positives and negatives each dealt round-robin in a shuffled order). */
function foldsOf(data: readonly Example[], k: number, seed: number): number[] {
  const fold = new Array<number>(data.length).fill(0);
  let p = 0;
  let q = 0;
  for (const i of shuffled(data.length, seed)) fold[i] = data[i]!.y === 1 ? p++ % k : q++ % k;
  return fold;
}

/** Out-of-fold probabilities of `data` by k-fold. */
export function outOfFold(data: readonly Example[], k: number, seed: number): Scored[] {
  const fold = foldsOf(data, k, seed);
  const p = new Array<Scored>(data.length);
  for (let f = 0; f < k; f++) {
    const m = asModel(train(data.filter((_, i) => fold[i] !== f), PARAMS.dims, seed + 101 * f));
    data.forEach((ex, i) => {
      if (fold[i] === f) p[i] = prob(m, ex);
    });
  }
  return p;
}

/**
 * The lowest threshold at which the rules or the model flag at most `target` of the civil
 * examples (probabilities out of fold).
 */
function thresholdFor(data: readonly Example[], p: readonly Scored[], target: number): number {
  const civil = data.map((ex, i) => ({ ex, s: p[i]! })).filter((x) => x.ex.y === 0);
  const budget = Math.floor(target * civil.length) - civil.filter((x) => rulesKept(x.ex, x.s)).length;
  const free = civil.filter((x) => !x.ex.rules).map((x) => x.s.eff).sort((a, b) => b - a);
  if (budget <= 0) return 1;
  // Just above the (budget+1)-th highest: at most `budget` civil comments reach it.
  const t = free[budget] ?? 0;
  return Math.min(1, t + 1e-9);
}

interface Tally {
  pos: number;
  hit: number;
  neg: number;
  flagged: number;
}

function tally(data: readonly Pick<Example, 'y'>[], flags: readonly boolean[], idx?: readonly number[]): Tally {
  const t: Tally = { pos: 0, hit: 0, neg: 0, flagged: 0 };
  for (const i of idx ?? data.map((_, j) => j)) {
    if (data[i]!.y === 1) {
      t.pos++;
      if (flags[i]) t.hit++;
    } else {
      t.neg++;
      if (flags[i]) t.flagged++;
    }
  }
  return t;
}

const fmt = (t: Tally): string => `recall ${(t.hit / t.pos).toFixed(3)} (${t.hit}/${t.pos}), flagged ${((100 * t.flagged) / t.neg).toFixed(2)} % (${t.flagged}/${t.neg})`;

export interface Decisions {
  /** The product's verdict per row, each from a model and threshold made without the row's fold. */
  flags: boolean[];
  /** Where the model alone would flag (its sentence aimed, long enough, at its threshold). */
  model: boolean[];
  /** The rules alone. */
  rules: boolean[];
  thresholds: number[];
}

/**
 * Out-of-fold decisions for every row: k-fold, each fold judged by a model trained on the other
 * folds, with a threshold from an inner k-fold over those folds only. Never in sample.
 */
export function outOfFoldDecisions(rows: readonly TrainRow[]): Decisions {
  const data = examples(rows, PARAMS.dims);
  const k = PARAMS.folds;
  const fold = foldsOf(data, k, PARAMS.seed + 7);
  const flags = new Array<boolean>(data.length).fill(false);
  const model = new Array<boolean>(data.length).fill(false);
  const thresholds: number[] = [];
  for (let f = 0; f < k; f++) {
    const trainIdx = data.map((_, i) => i).filter((i) => fold[i] !== f);
    const trainSet = trainIdx.map((i) => data[i]!);
    const t = thresholdFor(trainSet, outOfFold(trainSet, k, PARAMS.seed + 13 * f), TARGET_CIVIL);
    thresholds.push(t);
    const m = asModel(train(trainSet, PARAMS.dims, PARAMS.seed));
    data.forEach((ex, i) => {
      if (fold[i] !== f) return;
      const s = prob(m, ex);
      model[i] = s.eff >= t;
      flags[i] = decide(ex, s, t);
    });
  }
  return { flags, model, rules: data.map((ex) => ex.rules), thresholds };
}

/** Honest k-fold figures of the product's decision (rules, or the model at its threshold). */
export function crossValidate(rows: readonly TrainRow[]): void {
  const { flags, model, rules: rulesOnly, thresholds } = outOfFoldDecisions(rows);
  const k = PARAMS.folds;
  // Tallies need only the labels.
  const data = rows.map((r) => ({ y: r.positive ? 1 : 0 }));
  console.log(`${k}-fold cross-validation on ${data.length} rows (each fold scored by a model and threshold made from the other folds only)`);
  console.log(`thresholds per fold: ${thresholds.map((t) => t.toFixed(3)).join(', ')}`);
  console.log(`  rules alone:        ${fmt(tally(data, rulesOnly))}`);
  console.log(`  model alone:        ${fmt(tally(data, model))}`);
  console.log(`  the product:        ${fmt(tally(data, flags))}  (rules, gated by the model in comments of ${PARAMS.gateLength}+ characters at p < ${PARAMS.gate}; or the model)`);
  const kinds = [...new Set(rows.map((r) => r.kind).filter((x): x is string => x !== undefined))].sort();
  for (const kind of kinds) {
    const idx = rows.map((r, i) => (r.kind === kind ? i : -1)).filter((i) => i >= 0);
    const a = tally(data, rulesOnly, idx);
    const b = tally(data, flags, idx);
    console.log(`    ${kind.padEnd(32)} ${String(a.pos).padStart(4)} rows: ${(a.hit / a.pos).toFixed(3)} -> ${(b.hit / b.pos).toFixed(3)}`);
  }
  for (const [name, lo, hi] of [['< 120 chars', 0, 120], ['120-399', 120, 400], ['400-999', 400, 1000], ['>= 1000', 1000, Infinity]] as const) {
    const idx = rows.map((r, i) => (r.text.length >= lo && r.text.length < hi ? i : -1)).filter((i) => i >= 0);
    console.log(`    length ${name.padEnd(25)} rules ${fmt(tally(data, rulesOnly, idx))}\n    ${' '.repeat(32)} both  ${fmt(tally(data, flags, idx))}`);
  }
}

/** The shipped model: trained on every row, its threshold from k-fold out-of-fold probabilities. */
export function trainShipped(rows: readonly TrainRow[]): { weights: Weights; threshold: number } {
  const data = examples(rows, PARAMS.dims);
  const threshold = thresholdFor(data, outOfFold(data, PARAMS.folds, PARAMS.seed + 1), TARGET_CIVIL);
  return { weights: train(data, PARAMS.dims, PARAMS.seed), threshold };
}

/** The table the runtime reads (src/core/hints/model/table.ts). */
export function tableOf(model: { weights: Weights; threshold: number }): RawTable {
  const t = encodeWeights(model.weights.w, model.weights.bias);
  return { dims: PARAMS.dims, scale: t.scale, bias: t.bias, threshold: Number(model.threshold.toPrecision(17)), gate: PARAMS.gate, gateLength: PARAMS.gateLength, minLength: PARAMS.minLength, weights: t.data };
}

/** weights.ts as text: the table with its provenance. */
export function weightsModule(t: RawTable, rows: number, source: string): string {
  // A legal comment (`/*!`): esbuild keeps it in the bundles, so the shipped weights carry their source.
  const cite =
    source === 'ehsani-dev.jsonl'
      ? '/*! The heated-tone hint model is trained on data from Ehsani, Imran, Zita, Damevski & Chatterjee,\n' +
        ' * "Incivility in Open Source Projects: A Comprehensive Annotated Dataset of Locked GitHub Issue Threads",\n' +
        ' * MSR 2024, https://github.com/vcu-swim-lab/incivility-dataset, used under the MIT licence. */\n'
      : '';
  return (
    `// Generated by scripts/train-hints-model.ts from ${source} (${rows} rows). Do not edit.\n` +
    cite +
    `export const MODEL_TABLE = {\n` +
    `  dims: ${t.dims},\n` +
    `  scale: ${t.scale},\n` +
    `  bias: ${t.bias},\n` +
    `  threshold: ${t.threshold},\n` +
    `  gate: ${t.gate},\n` +
    `  gateLength: ${t.gateLength},\n` +
    `  minLength: ${t.minLength},\n` +
    `  weights:\n    '${t.weights}',\n` +
    `};\n`
  );
}

function main(): void {
  const argv = process.argv.slice(2);
  let out = OUT;
  let data = DATA;
  let limit = Infinity;
  let cv = false;
  let transfer = false;
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--cv') cv = true;
    else if (x === '--transfer') transfer = true;
    else if (x === '--out') out = resolve(argv[++i] ?? '');
    else if (x === '--data') data = resolve(argv[++i] ?? '');
    else if (x === '--limit') limit = Number(argv[++i]);
    else throw new Error(`${x}: unknown option; see the usage at the top of scripts/train-hints-model.ts`);
  }
  if (!existsSync(data)) throw new Error(`${data}: not found; the Ehsani dev set lives outside the repository (../shared/eval/)`);
  const rows = loadTrainRows(data).slice(0, limit);
  if (cv) {
    crossValidate(rows);
    return;
  }
  const model = trainShipped(rows);
  writeFileSync(out, weightsModule(tableOf(model), rows.length, basename(data)));
  console.log(`${out}: trained on ${rows.length} rows; threshold ${model.threshold.toFixed(4)}`);
  if (transfer) {
    const toxicr = resolve(EVAL, 'toxicr-dev.jsonl');
    const t = examples(loadTrainRows(toxicr), PARAMS.dims);
    const m = asModel(model.weights);
    const flags = t.map((ex) => decide(ex, prob(m, ex), model.threshold));
    console.log(`ToxiCR (measured only): rules ${fmt(tally(t, t.map((ex) => ex.rules)))}; rules or model ${fmt(tally(t, flags))}`);
  }
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  }
}
