import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { addTask } from '../../../../src/core/edit/index';
import { clearParseCache, parse, parseForEdit } from '../../../../src/core/parse/index';
import { fastRead } from '../../../../src/core/parse/fastScan';
import { LineIndex, Locator, type Path } from '../../../../src/core/parse/positions';
import { parseYaml } from '../../../../src/core/parse/yamlErrors';
import { FIXTURES } from '../../../fixtures';
import { generateLog } from '../../../fixtures/generate';

/**
 * The fast reader (src/core/parse/fastScan.ts) against the yaml path, differentially: on every
 * text, `parse` with the fast reader and without it give the same model and the same diagnostics
 * (messages, severities, offsets, lines, columns), and when the fast reader takes a text, yaml
 * reads it without an error or a warning, to the same plain data, with the same range for every
 * path (and for a missing child of every node), pointing at the value or at its key.
 */

const NOW = new Date(Date.UTC(2026, 10, 20, 12));

function pathsOf(x: unknown, path: (string | number)[] = [], out: Path[] = []): Path[] {
  out.push([...path]);
  if (Array.isArray(x)) {
    x.forEach((v, i) => pathsOf(v, [...path, i], out));
    out.push([...path, x.length + 3]);
  } else if (typeof x === 'object' && x !== null) {
    for (const k of Object.keys(x)) pathsOf((x as Record<string, unknown>)[k], [...path, k], out);
    out.push([...path, 'no-such-key']);
  } else out.push([...path, 'below-a-scalar']);
  return out;
}

/** Compares both readers on `text`; says which one `parse` used. */
function compare(text: string): 'fast' | 'fallback' {
  clearParseCache();
  const full = parseForEdit(text, { now: NOW, fastReader: false });
  clearParseCache();
  const quick = parseForEdit(text, { now: NOW });
  clearParseCache();
  assert.equal(quick.result.ok, full.result.ok);
  assert.deepStrictEqual(quick.result.diagnostics, full.result.diagnostics);
  assert.deepStrictEqual(quick.result.model, full.result.model);
  assert.deepStrictEqual(quick.data, full.data);
  assert.equal(quick.result.doc === undefined, full.result.doc === undefined);

  const fast = fastRead(text);
  if (!fast) return 'fallback';
  const doc = parseYaml(text);
  assert.deepEqual(doc.errors.map((e) => e.code), [], 'the fast reader took a text yaml calls wrong');
  assert.deepEqual(doc.warnings.map((e) => e.code), [], 'the fast reader took a text yaml warns about');
  assert.ok(full.data, 'an alias-free text');
  assert.deepStrictEqual(fast.data, full.data.plain);
  const lines = new LineIndex(text);
  const byDoc = new Locator(doc, lines);
  const byTree = new Locator(fast, lines);
  for (const path of pathsOf(fast.data)) {
    for (const pointAtKey of [false, true]) {
      const a = byDoc.at('info', 'x', 'x', path, undefined, pointAtKey);
      const b = byTree.at('info', 'x', 'x', path, undefined, pointAtKey);
      assert.deepStrictEqual([b.offset, b.endOffset], [a.offset, a.endOffset], `the range of ${JSON.stringify(path)}${pointAtKey ? ' (its key)' : ''}`);
    }
  }
  // The Document an edit asks for is yaml's own.
  clearParseCache();
  assert.equal(parse(text, { now: NOW }).doc?.toString(), doc.toString());
  return 'fast';
}

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...fixtureFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describe('the fast reader (core/parse/fastScan.ts) against yaml', () => {
  it('reads every fixture as the yaml path does, or gives way', () => {
    const files = fixtureFiles(FIXTURES);
    assert.ok(files.length >= 30, `fixtures found: ${files.length}`);
    const used: Record<string, string[]> = { fast: [], fallback: [] };
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      try {
        used[compare(text)]?.push(file.slice(FIXTURES.length + 1));
      } catch (err) {
        throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
      }
    }
    // The plain fixtures are in the subset; so they do go fast (the hostile ones mostly do not).
    for (const name of ['valid.mentoring.yaml', 'base.mentoring.yaml', 'mistyped.mentoring.yaml']) assert.ok(used.fast?.includes(name), `${name} went the yaml way`);
    assert.ok(used.fallback?.includes('hostile/alias-bomb.yaml'));
  });

  it('reads hand-written shapes as yaml does, and gives way where it should', () => {
    const BASE = 'version: 1\nagreement:\n  mentor: { name: Ana }\n  mentee: { name: Ben }\n  started: 2026-09-01\n';
    // [text after BASE, read fast?]
    const cases: [string, boolean][] = [
      ['x: |\n  a\n   b\n\n  c\n\ny: 1\n', true],
      ['x: >\n  a\n  b\n\n  c\n', true],
      ['x: >-\n\n  a\n\n\n  b\n', true],
      ['x: |-\n  a\n\n\n', true],
      ['x: |   # a comment\n  a\n # less indented comment\ny: 2\n', true],
      ['x: |\n  a\n  # inside\n', true],
      ['x:\n- a\n- b: 1\n  c: |\n    d\n- [e, {f: [g]}]\ny: 1\n', true],
      ['x:\n  -   a: 1\n      b: 2\n  - "q": \'r\'\n', true],
      ['x: "\\u00e9\\x41\\U0001F600 \\" \\\\ \\/ \\t \\_"\ny: \'it\'\'s\'\n', true],
      ['x: [1, -2, .5, 1e3, 0o17, 0x1f, True, ~, null, .NaN, -.inf, 007, +12, 12345678901234567890, -0]\n', true],
      ['x: see [1] http://x.y/z a:b -x\ny: a#b # c\n', true],
      ['x:\n  # comment\n  a: 1\n      # deeper comment\n  b:\n# out\nc: 3\n', true],
      ['__proto__: 1\nx:\n  __proto__: { a: 1 }\n', true],
      ['"quoted key": 1\n\'single\': 2\nspaced key  :  3\n', true],
      ['x: |+\n  a\n', false],
      ['x: |2\n   a\n', false],
      ['x: |\n  a\n   \ny: 1\n', false],
      ['x: >\n  a\n   b\n', false],
      ['x: |\n\ny: 1\n', false],
      ['x: a\n  b\n', false],
      ['x: "a\n  b"\n', false],
      ['x: a: b\n', false],
      ['x: Note:\n', false],
      ['x: &a 1\ny: *a\n', false],
      ['x: !!str 1\n', false],
      ['x: 1\nx: 2\n', false],
      ['x: { a: 1, a: 2 }\n', false],
      ['x: [a, ]\n', false],
      ['x: [a,\n  b]\n', false],
      ['x:\n  - - a\n', false],
      ['x:\n  -\n  - a\n', false],
      ['? x\n: 1\n', false],
      ['1: a\n', false],
      ['x: 1\n---\n', false],
      ['x:\n\ta: 1\n', false],
      ['x:\n  a: 1\n b: 2\n', false],
    ];
    for (const [tail, fast] of cases) {
      for (const text of [BASE + tail, (BASE + tail).replace(/\n/g, '\r\n'), `\uFEFF${BASE}${tail}`]) {
        assert.equal(compare(text), fast ? 'fast' : 'fallback', JSON.stringify(text));
      }
    }
  });

  it("makes yaml's Document only when it is asked for, once per text, and an edit runs on it", () => {
    const text = generateLog({ sessions: 4, tasks: 6, seed: 5 });
    clearParseCache();
    const first = parse(text, { now: NOW });
    assert.ok('doc' in first, 'a Document can be had');
    const second = parse(text, { now: NOW });
    const doc = first.doc;
    assert.ok(doc, 'a Document on demand');
    assert.equal(second.doc, doc, 'one Document for the kept parse');
    assert.equal(doc.errors.length, 0);
    assert.equal(doc.toString(), parseYaml(text).toString());
    assert.ok(Object.keys(first).includes('doc'), 'listed like any field');
    const replaced = parse(text, { now: NOW });
    const other = parseYaml(text);
    replaced.doc = other;
    assert.equal(replaced.doc, other, 'a caller may set it');
    assert.equal(parse(text, { now: NOW }).doc, doc, "another caller's result is untouched");
    const full = parse(text, { now: NOW, fastReader: false });
    assert.notEqual(full.doc, undefined);
    assert.deepStrictEqual(full.diagnostics, first.diagnostics);

    // An edit after the fast reader's parse writes what it writes after the yaml path's.
    const ctx = { now: NOW, random: (): number => 0.5 };
    const args = { title: 'Read the retry module', owner: 'mentee' as const };
    clearParseCache();
    parse(text, { now: NOW });
    const afterFast = addTask(text, args, ctx);
    clearParseCache();
    parse(text, { now: NOW, fastReader: false });
    const afterYaml = addTask(text, args, ctx);
    assert.ok(afterFast.ok && afterYaml.ok);
    assert.equal(afterFast.text, afterYaml.text);
  });

  it('reads generated logs of many sizes and seeds', () => {
    for (let seed = 1; seed <= 24; seed++) {
      const text = generateLog({ sessions: 1 + (seed % 13), tasks: 1 + ((seed * 7) % 23), seed });
      assert.equal(compare(text), 'fast', `seed ${seed}`);
    }
    const big = generateLog({ sessions: 120, tasks: 400, seed: 3 });
    assert.equal(compare(big), 'fast');
    assert.equal(compare(big.replace(/\n/g, '\r\n')), 'fast');
  });

  it('reads hand-edited logs as yaml does (random edits: comments, quoting, indentation, values, unicode, CRLF)', () => {
    let fast = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (seed, edits, crlf) => {
        let lines = generateLog({ sessions: 2 + (seed % 4), tasks: 2 + (seed % 5), seed }).split('\n');
        for (const e of edits) lines = e(lines);
        const text = lines.join(crlf ? '\r\n' : '\n');
        total++;
        if (compare(text) === 'fast') fast++;
      }),
      { numRuns: Number(process.env.FAST_RUNS ?? 250), seed: Number(process.env.FAST_SEED ?? 1515) },
    );
    // Most edits keep the file in the subset: the test must exercise the fast reader, not only its way out.
    assert.ok(fast > total / 4, `${fast} of ${total} read fast`);
    if (process.env.FAST_STATS) console.log(`      ${fast} of ${total} edited logs read fast`);
  });
});

type Edit = (lines: string[]) => string[];

const at = (lines: string[], n: number): number => n % Math.max(1, lines.length);
/** `key: value` on a line: [indent + dash, key, value] */
const KEY_VALUE = /^(\s*(?:- )?)([^:#\s][^:#]*?):(?: (.*))?$/;

const VALUES = [
  '~', 'null', 'Null', '', 'True', 'FALSE', 'yes', '0o17', '0x1F', '0X1F', '1e3', '.5', '-.inf', '.NaN', '12', '+12', '-3', '007', '1_000', '12:30',
  '2026-13-45', '"x\\ty"', '"\\u00e9\\x41\\U0001F600"', '"bad \\q"', "'it''s'", '"say ""hi"""', '[a, b]', '[]', '{}', '{ a: 1 }', '{a: 1}', '{ "a": 1, b: c }',
  '[a, [b]]', '[a, ]', '[a,b]', '[ 1, true, ~ ]', '{ a: }', '&x v', '*x', '!!str v', '!!binary aGk=', '|', '>-', '|+', '|2', 'a: b', 'Note:', 'a #b', 'a#b',
  '- x', '? x', '"unterminated', "'unterminated", '[a,', '{a: 1,}', '@x', '`x', '%x', 'x: y: z', 'see [1]', 'http://x.y/z', 'a:b', 'é 😀 漢字',
  '\u202Eevil', 'zero\u200Bwidth', '"two\\nlines"', '-', '- ', '?', ':', 'a  # c', '#', 'v\u00a0x', "'a' b", '"a" b',
];
const KEYS = ['"quoted key"', "'single'", '1', 'true', '~', 'x-unknown', '__proto__', 'id', 'a b', 'title ', 'ti tle', '[x]', '? y', '"k\\"q"', 'agenda', 'status'];
const UNICODE = ['é', '😀', '漢字', '\u202E', '\u2028', '\u00a0', '\uFEFF', '\u0000', '\t', '\r', 'ß', '\uD800'];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom('# note', '#', '# key: v', '#- x', '# |')).map(([n, indent, c]): Edit => (ls) => {
    const i = at(ls, n);
    return [...ls.slice(0, i), ' '.repeat(indent) + c, ...ls.slice(i)];
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 })).map(([n, k]): Edit => (ls) => ls.map((l, i) => (i === at(ls, n) ? l + ' '.repeat(k) : l))),
  fc.tuple(fc.nat(), fc.nat({ max: 6 })).map(([n, spaces]): Edit => (ls) => {
    const i = at(ls, n);
    return [...ls.slice(0, i), ' '.repeat(spaces), ...ls.slice(i)];
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })).map(([n, by]): Edit => (ls) => ls.map((l, i) => (i !== at(ls, n) ? l : by > 0 ? ' '.repeat(by) + l : l.slice(Math.min(-by, l.length - l.trimStart().length))))),
  fc.tuple(fc.nat(), fc.constantFrom('single', 'double', 'double-escaped')).map(([n, style]): Edit => (ls) => ls.map((l, i) => {
    if (i !== at(ls, n)) return l;
    const m = KEY_VALUE.exec(l);
    if (!m || m[3] === undefined || m[3] === '') return l;
    const v = m[3].replace(/\s+#.*$/, '');
    const q = style === 'single' ? `'${v.replace(/'/g, "''")}'` : style === 'double' ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${[...v].map((ch) => (ch === 'e' ? '\\u0065' : ch === '"' ? '\\"' : ch === '\\' ? '\\\\' : ch)).join('')}"`;
    return `${m[1]}${m[2]}: ${q}`;
  })),
  fc.tuple(fc.nat(), fc.constantFrom(...VALUES)).map(([n, v]): Edit => (ls) => ls.map((l, i) => {
    if (i !== at(ls, n)) return l;
    const m = KEY_VALUE.exec(l);
    return m ? `${m[1]}${m[2]}: ${v}` : l;
  })),
  fc.tuple(fc.nat(), fc.constantFrom(...KEYS)).map(([n, k]): Edit => (ls) => ls.map((l, i) => {
    if (i !== at(ls, n)) return l;
    const m = KEY_VALUE.exec(l);
    return m ? `${m[1]}${k}:${m[3] === undefined ? '' : ` ${m[3]}`}` : l;
  })),
  fc.tuple(fc.nat(), fc.nat({ max: 200 }), fc.constantFrom(...UNICODE)).map(([n, pos, u]): Edit => (ls) => ls.map((l, i) => {
    if (i !== at(ls, n)) return l;
    const p = Math.min(l.length, l.length - (pos % (l.length + 1)));
    return l.slice(0, p) + u + l.slice(p);
  })),
  fc.constantFrom('>', '|-', '>-', '|+', '|2', '| # c', '|  ', '>+').map((h): Edit => (ls) => ls.map((l) => l.replace(/^(\s*notes:) \|$/, `$1 ${h}`))),
  fc.tuple(fc.nat(), fc.constantFrom('', '      ', '         extra', '      more', '    ', '        # in the note')).map(([n, line]): Edit => (ls) => {
    const i = ls.findIndex((l, j) => j >= at(ls, n) && /notes: /.test(l));
    return i < 0 ? ls : [...ls.slice(0, i + 2), line, ...ls.slice(i + 2)];
  }),
  fc.nat().map((n): Edit => (ls) => {
    const i = at(ls, n);
    return [...ls.slice(0, i), ls[i] ?? '', ...ls.slice(i)];
  }),
  fc.nat().map((n): Edit => (ls) => ls.filter((_, i) => i !== at(ls, n))),
  fc.constantFrom('---', '%YAML 1.2\n---', '\uFEFF', '# top', '', 'x-extra: 1').map((head): Edit => (ls) => [...head.split('\n'), ...ls]),
);
