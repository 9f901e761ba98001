/**
 * Every hint of every row of the labelled sets, as one JSON document: a speed change to the hint
 * engine must leave it byte-identical (`diff` two runs, or compare the printed digest).
 *
 *   npx tsx scripts/hints-snapshot.ts OUT.json [FILE...]
 *
 * Without FILE: the two dev sets in ../shared/eval/ (read, never copied) and
 * test/fixtures/hints/mentoring.jsonl. Each row is run with no options and with one team options
 * set (an extra word, a disabled rule), so the compiled-per-options path is covered too.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findHints, type HintOptions } from '../src/core/hints';

const EVAL = resolve(__dirname, '../../shared/eval');
const DEFAULT_FILES = [join(EVAL, 'toxicr-dev.jsonl'), join(EVAL, 'ehsani-dev.jsonl'), resolve(__dirname, '../test/fixtures/hints/mentoring.jsonl')];
const TEAM: HintOptions = { extraJudgmentWords: ['janky', 'meh', 'hand-wavy'], disabledRules: ['minimizer-just'] };

const [out, ...given] = process.argv.slice(2);
if (out === undefined) throw new Error('usage: npx tsx scripts/hints-snapshot.ts OUT.json [FILE...]');
const files = (given.length > 0 ? given.map((f) => resolve(f)) : DEFAULT_FILES).filter((f) => existsSync(f));
const lines: string[] = [];
let rows = 0;
let hints = 0;
for (const file of files) {
  readFileSync(file, 'utf8').split('\n').forEach((l, i) => {
    if (l.trim() === '') return;
    const text = (JSON.parse(l) as { text: string }).text;
    const plain = findHints(text);
    const team = findHints(text, TEAM);
    rows++;
    hints += plain.length + team.length;
    lines.push(JSON.stringify({ file: file.split('/').pop(), line: i + 1, plain, team }));
  });
}
const doc = lines.join('\n') + '\n';
writeFileSync(out, doc);
console.log(`${rows} rows, ${hints} hints, sha256 ${createHash('sha256').update(doc).digest('hex')}`);
