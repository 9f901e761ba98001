/**
 * The audit's hostile corpus (test/fixtures/hostile/, its README lists each file with what it must
 * give) through the core (strict decoding, then parse) and through the CLI's check path as a process.
 * Bounded by construction: every file is a few KB and each stage is bounded (size, nesting, alias
 * budget); the CLI runs once for all files, with a kill after 60 s only so a regression cannot hang the suite.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8, parse } from '../../../src/core/parse/index';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { FIXTURES } from '../../fixtures';
import { cliBundlePath } from './run';

const DIR = join(FIXTURES, 'hostile');
const NOW = '2026-11-20T10:00:00Z';

type Expected = { kind: 'clean' } | { kind: 'error' | 'warning'; code: string; line: number; column: number };

/** The README's list: `- \`file\` — error CODE L:C — what` or `— clean —`. */
function expectations(): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const line of readFileSync(join(DIR, 'README.md'), 'utf8').split('\n')) {
    const m = /^- `([^`]+)` — (?:(clean)|(error|warning) ([a-z0-9-]+) (\d+):(\d+)) — ./.exec(line);
    if (!m) continue;
    const [, file, clean, kind, code, l, c] = m;
    out.set(file as string, clean ? { kind: 'clean' } : { kind: kind as 'error' | 'warning', code: code as string, line: Number(l), column: Number(c) });
  }
  return out;
}

type Found = Pick<Diagnostic, 'severity' | 'code' | 'line' | 'column'>;

/** The first error, else the first warning, as the README states it. */
function outcome(found: readonly Found[]): Expected {
  const first = found.find((d) => d.severity === 'error') ?? found.find((d) => d.severity === 'warning');
  if (!first) return { kind: 'clean' };
  return { kind: first.severity as 'error' | 'warning', code: first.code, line: first.line, column: first.column };
}

describe('the hostile corpus (test/fixtures/hostile)', function () {
  this.timeout(120_000);
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
  const expected = expectations();

  it('every file has its line in the README, and every line its file', () => {
    assert.ok(files.length >= 20, `${files.length} files`);
    assert.deepEqual([...expected.keys()].sort(), files);
  });

  for (const file of files) {
    it(`core: ${file}`, () => {
      const decoded = decodeUtf8(readFileSync(join(DIR, file)));
      const got: Expected = decoded.ok
        ? outcome(parse(decoded.text, { now: new Date(NOW) }).diagnostics)
        : { kind: 'error', code: 'not-utf8', line: decoded.line, column: decoded.column };
      assert.deepEqual(got, expected.get(file));
      if (decoded.ok) {
        const ds = parse(decoded.text, { now: new Date(NOW) }).diagnostics;
        assert.ok(!ds.some((d) => d.code === 'internal'), JSON.stringify(ds));
      }
    });
  }

  it('CLI check --format json: the same outcome for every file, in one process', async () => {
    const cliJs = await cliBundlePath();
    const r = spawnSync(process.execPath, [cliJs, 'check', '--format', 'json', ...files], {
      cwd: DIR, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, MENTORING_NOW: NOW, TZ: 'UTC' },
    });
    assert.equal(r.status, 1, r.error?.message ?? r.stderr);
    const rows = JSON.parse(r.stdout) as (Found & { file: string; message: string })[];
    for (const file of files) {
      assert.deepEqual(outcome(rows.filter((row) => row.file === file)), expected.get(file), file);
    }
    assert.ok(!rows.some((row) => row.code === 'internal'));
  });

  it('CLI check (text and github): every output line is one problem of a fixture; no ESC or bidi control reaches the terminal', async () => {
    const cliJs = await cliBundlePath();
    // A problem line names a fixture first: `FILE:L:C: …` (text) or `::error file=FILE,…` (github).
    const owner = { text: (l: string) => /^([^:]+):\d+:\d+: /.exec(l)?.[1], github: (l: string) => /^::(?:error|warning|notice) file=([^,]+),/.exec(l)?.[1] };
    for (const format of ['text', 'github'] as const) {
      const r = spawnSync(process.execPath, [cliJs, 'check', '--format', format, ...files], {
        cwd: DIR, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, MENTORING_NOW: NOW, TZ: 'UTC' },
      });
      assert.equal(r.status, 1, r.error?.message ?? r.stderr);
      for (const l of r.stdout.split('\n').filter((x) => x !== '')) {
        assert.ok(files.includes(owner[format](l) ?? ''), `${format}: a line that is no fixture's problem: ${JSON.stringify(l)}`);
      }
      // eslint-disable-next-line no-control-regex -- the point: none of these reach the terminal
      assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, format);
    }
  });
});
