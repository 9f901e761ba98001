/**
 * `npm run eval:hints`: measures the hint engine on each labelled set separately, beside `alex` on
 * the same rows: recall on the positive rows, flag rate on the others, both by category (`kind` in
 * the Ehsani set, the fixture's own kinds) and by comment length, the share of hits whose first
 * judgment rewrite is a question, per-rule counts, and samples of misses and false alarms to read
 * before tuning.
 *
 *   npx tsx scripts/eval-hints.ts [FILE...] [--set NAME] [--samples N] [--seed S] [--rule RULE] [--no-alex]
 *
 * Without FILE: ../shared/eval/toxicr-dev.jsonl ({text, toxic}), ../shared/eval/ehsani-dev.jsonl
 * ({text, uncivil, kind}) and the repository's own test/fixtures/hints/mentoring.jsonl
 * ({text, judgment, kind}). The two dev sets are read here and never copied into the repository.
 * alex is slow (minutes on 10,000 rows), so its verdicts are cached in the system's temp folder,
 * keyed by the file's content.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { findHints, type Hint } from '../src/core/hints';
import { mulberry32 } from '../test/fixtures/generate';
import { DATA as TRAINING_DATA, outOfFoldDecisions, PARAMS } from './train-hints-model';

export interface Row {
  text: string;
  positive: boolean;
  /** The set's category of the row, if it has one (`kind` in Ehsani and in the fixture). */
  kind?: string;
}

interface Args {
  files: string[];
  set?: string | undefined;
  samples: number;
  seed: number;
  rule?: string | undefined;
  alex: boolean;
}

const EVAL = resolve(__dirname, '../../shared/eval');
const DEFAULT_FILES = [join(EVAL, 'toxicr-dev.jsonl'), join(EVAL, 'ehsani-dev.jsonl'), resolve(__dirname, '../test/fixtures/hints/mentoring.jsonl')];

function parseArgs(argv: string[]): Args {
  const a: Args = { files: [], samples: 0, seed: 1, alex: true };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--samples') a.samples = Number(argv[++i]);
    else if (x === '--seed') a.seed = Number(argv[++i]);
    else if (x === '--rule') a.rule = argv[++i];
    else if (x === '--set') a.set = argv[++i];
    else if (x === '--no-alex') a.alex = false;
    else if (x.startsWith('--')) throw new Error(`${x}: unknown option; see the usage at the top of scripts/eval-hints.ts`);
    else a.files.push(resolve(x));
  }
  if (!Number.isInteger(a.samples) || a.samples < 0) throw new Error('--samples takes a whole number, e.g. --samples 40');
  if (a.files.length === 0) a.files = DEFAULT_FILES;
  return a;
}

/** Reads `{text, toxic}`, `{text, uncivil, kind}` or `{text, judgment, kind}` rows; names the line of a bad one. */
export function loadRows(file: string): Row[] {
  const rows: Row[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${i + 1}:1: not valid JSON (${(e as Error).message}); each line must be {"text": "...", "toxic": 0|1}`, { cause: e });
      }
      const o = v as { text?: unknown; toxic?: unknown; uncivil?: unknown; judgment?: unknown; kind?: unknown };
      const label = o.toxic ?? o.uncivil ?? o.judgment;
      if (typeof o.text !== 'string' || (label !== 0 && label !== 1 && typeof label !== 'boolean')) {
        throw new Error(`${file}:${i + 1}:1: expected {"text": string, "toxic" | "uncivil" | "judgment": 0|1}`);
      }
      const row: Row = { text: o.text, positive: label === 1 || label === true };
      if (typeof o.kind === 'string' && o.kind !== '') row.kind = normalKind(o.kind);
      rows.push(row);
    });
  return rows;
}

/** Ehsani spells one kind three ways ("Identity attack/Name-Calling", "…attacks…"). */
function normalKind(kind: string): string {
  return /^identity attacks?\/name-calling$/i.test(kind) ? 'identity attack/name-calling' : kind.toLowerCase();
}

/** alex's verdicts for `rows`, from the cache when the file has not changed. */
async function alexFlags(file: string, rows: readonly Row[]): Promise<boolean[]> {
  const hash = createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'mentoring-eval-alex');
  const cache = join(dir, `${basename(file)}-${hash}.json`);
  if (existsSync(cache)) {
    const v = JSON.parse(readFileSync(cache, 'utf8')) as unknown;
    if (Array.isArray(v) && v.length === rows.length) return v as boolean[];
  }
  const alex = (await import('alex'));
  const flags = rows.map((r) => alex.markdown(r.text).messages.length > 0);
  mkdirSync(dir, { recursive: true });
  writeFileSync(cache, JSON.stringify(flags));
  return flags;
}

const LENGTHS: readonly [string, number][] = [
  ['< 120 chars', 120],
  ['120-399', 400],
  ['400-999', 1000],
  ['>= 1000', Infinity],
];

function lengthBucket(text: string): string {
  return LENGTHS.find(([, max]) => text.length < max)![0];
}

const pct = (n: number, d: number): string => (d === 0 ? '    -' : (n / d).toFixed(3));

/** Recall and flag rate of both engines on a subset, as one table row. */
function line(label: string, rows: readonly Row[], ours: readonly boolean[], alex: readonly boolean[] | undefined, idx: readonly number[]): string {
  const pos = idx.filter((i) => rows[i]!.positive);
  const neg = idx.filter((i) => !rows[i]!.positive);
  const cell = (flags: readonly boolean[] | undefined, set: readonly number[]): string => (flags ? pct(set.filter((i) => flags[i]).length, set.length) : '    -');
  return `| ${label.padEnd(30)} | ${String(pos.length).padStart(5)} | ${cell(ours, pos).padStart(6)} | ${cell(alex, pos).padStart(6)} | ${String(neg.length).padStart(5)} | ${cell(ours, neg).padStart(6)} | ${cell(alex, neg).padStart(6)} |`;
}

const HEADER =
  '| rows                           |   pos | recall | (alex) |   neg |  flags | (alex) |\n' +
  '|--------------------------------|------:|-------:|-------:|------:|-------:|-------:|';

/**
 * A hint with a rewrite that, applied, asks a question: the rewrite and the rest of its sentence
 * hold a "?" ("Why would you…?" → "What led you to…?"). What the product promises for a verdict.
 */
function asksBack(text: string, hints: readonly Hint[]): boolean {
  return hints.some((h) => {
    const rest = /^[^.!?\n]*[.!?]?/.exec(text.slice(h.end))?.[0] ?? '';
    return h.rewrites.some((r) => /\?/.test(r + rest));
  });
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
  const one = text.replace(/\s+/g, ' ').slice(0, 200);
  const tags = hints.map((h) => `${h.rule}:${JSON.stringify(text.slice(h.start, h.end).slice(0, 50))}`).join(' ');
  return `  - ${JSON.stringify(one)}${tags ? `\n      ${tags}` : ''}`;
}

async function evaluate(file: string, args: Args): Promise<void> {
  const rows = loadRows(file);
  const hints = rows.map((r) => findHints(r.text));
  // The model was trained on this set: its figures in sample would say how well it remembers, not
  // how well it judges. Each row is judged by a model and threshold made without the row's fold.
  const trainedOn = resolve(file) === TRAINING_DATA;
  const ours = trainedOn ? outOfFoldDecisions(rows).flags : hints.map((h) => h.length > 0);
  const alex = args.alex ? await alexFlags(file, rows) : undefined;
  const all = rows.map((_, i) => i);
  const pos = all.filter((i) => rows[i]!.positive);
  console.log(`\n## ${basename(file)}: ${rows.length} comments (${pos.length} positive), mentoring hints beside alex on the same rows\n`);
  if (trainedOn) {
    console.log(
      `The heated-tone model is trained on this set: recall and flags below are ${PARAMS.folds}-fold out-of-fold (each row judged by a model and threshold made without its fold; scripts/train-hints-model.ts). ` +
        'The rewrites and per-rule counts are the shipped engine\'s, in sample.\n',
    );
  }
  console.log(HEADER);
  console.log(line('all', rows, ours, alex, all));
  const kinds = [...new Set(rows.map((r) => r.kind).filter((k): k is string => k !== undefined))].sort();
  for (const k of kinds) console.log(line(`kind: ${k}`, rows, ours, alex, all.filter((i) => rows[i]!.kind === k)));
  for (const [name] of LENGTHS) console.log(line(`length ${name}`, rows, ours, alex, all.filter((i) => lengthBucket(rows[i]!.text) === name)));
  const hits = pos.filter((i) => ours[i]);
  console.log(`\nhits with a question among the rewrites: ${pct(hits.filter((i) => asksBack(rows[i]!.text, hints[i]!)).length, hits.length)} (${hits.length} hits)`);

  const perRule = new Map<string, { pos: number; neg: number }>();
  rows.forEach((r, i) => {
    for (const id of new Set(hints[i]!.map((h) => h.rule))) {
      const c = perRule.get(id) ?? { pos: 0, neg: 0 };
      if (r.positive) c.pos++;
      else c.neg++;
      perRule.set(id, c);
    }
  });
  console.log('\nper rule (comments with at least one hint of the rule):');
  for (const [id, c] of [...perRule].sort((a, b) => b[1].pos + b[1].neg - a[1].pos - a[1].neg)) {
    console.log(`  ${id.padEnd(22)} positive ${String(c.pos).padStart(5)}   negative ${String(c.neg).padStart(5)}`);
  }
  if (args.samples > 0) {
    const rnd = mulberry32(args.seed);
    const misses = pos.filter((i) => !ours[i]);
    const alarms = all.filter((i) => !rows[i]!.positive && ours[i] && (args.rule === undefined || hints[i]!.some((h) => h.rule === args.rule)));
    console.log(`\nmisses (positive, no hint): ${args.samples} of ${misses.length}`);
    for (const i of sample(misses, args.samples, rnd)) console.log(show(rows[i]!.text, hints[i]!) + (rows[i]!.kind ? ` [${rows[i]!.kind}]` : ''));
    console.log(`\nfalse alarms (negative, flagged${args.rule ? ` by ${args.rule}` : ''}): ${args.samples} of ${alarms.length}`);
    for (const i of sample(alarms, args.samples, rnd)) console.log(show(rows[i]!.text, hints[i]!));
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = args.files.filter((f) => args.set === undefined || basename(f).includes(args.set));
  for (const f of files) {
    if (!existsSync(f)) {
      console.log(`\n## ${basename(f)}: not here (${f}); skipped. The labelled dev sets live outside the repository.`);
      continue;
    }
    await evaluate(f, args);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
