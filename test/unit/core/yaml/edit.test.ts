import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { appendIn, applyEdits, deleteIn, detectEol, moveItem, setIn, YamlEditError } from '../../../../src/core/yaml/edit';

/** A file with everything an edit must leave alone: comments, aligned comments, blank lines,
 *  flow maps, both quote styles, unknown keys, a trailing comment. */
export const FIXTURE = `# The agreement between Ana and Ben.
version: 1
agreement:
  mentor: { name: Ana Silva, handle: anasilva }
  mentee: {name: "Ben Okafor", handle: 'benok'}
  started: 2026-09-01
  review: 2027-03-01            # revisit every six months
  goals:
    - id: tests-first
      title: Write a failing test before every bug fix
      by: 2027-02-15            # within six months
      status: active            # active | achieved | dropped
  expectations:
    cadence: weekly             # weekly | biweekly | monthly
    topicNotice: 48h
    cancellationNotice: 24h
  futureField: { keep: me }     # unknown key

sessions:
  - id: 2026-11-19
    at: 2026-11-19T15:00:00+01:00
    topic: 'Reading unfamiliar code'
    status: held                # planned | held | cancelled
    agenda:
      - Walk through the billing retry loop
      - "Open questions: from last week"   # quoted

    notes: |
      Ben found the retry bug himself.

  - id: 2026-11-26
    at: 2026-11-26T15:00:00+01:00
    status: planned
    agenda: []

tasks:
  - id: t-7f3a
    title: Add a failing test before fixing BILL-231
    owner: mentee               # mentor | mentee
    due: 2026-11-26
    status: open
    links: [src/billing/retry.ts#L42]
    x-custom: 42

# trailing comment
`;

/** `base` with each `[from, to]` applied once; `from` must occur exactly once. */
function expectText(base: string, ...changes: [string, string][]): string {
  let out = base;
  for (const [from, to] of changes) {
    const first = out.indexOf(from);
    assert.ok(first >= 0, `fixture does not contain ${JSON.stringify(from)}`);
    assert.equal(out.indexOf(from, first + 1), -1, `fixture contains ${JSON.stringify(from)} more than once`);
    out = out.slice(0, first) + to + out.slice(first + from.length);
  }
  return out;
}

function parsesClean(text: string): unknown {
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors, [], `result does not parse:\n${text}`);
  return doc.toJS();
}

/** Three spellings of one file: LF, CRLF, and CRLF with a BOM. The same edit must give the
 *  same result, spelled the same way. */
const VARIANTS: { name: string; wrap: (s: string) => string }[] = [
  { name: 'LF', wrap: (s) => s },
  { name: 'CRLF', wrap: (s) => s.replace(/\n/g, '\r\n') },
  { name: 'CRLF + BOM', wrap: (s) => '\uFEFF' + s.replace(/\n/g, '\r\n') },
];

interface FixtureJs {
  sessions: { topic?: string; notes?: string; agenda: string[] }[];
  tasks: { title: string }[];
}

interface Case {
  name: string;
  run: (text: string) => string;
  changes: [string, string][];
  check?: (js: FixtureJs) => void;
}

const CASES: Case[] = [
  {
    name: 'setIn replaces a plain scalar and keeps its aligned comment in its column',
    run: (t) => setIn(t, ['sessions', 0, 'status'], 'cancelled'),
    changes: [['    status: held                # planned', '    status: cancelled           # planned']],
  },
  {
    name: 'setIn replaces a scalar that is followed by a tight comment',
    run: (t) => setIn(t, ['tasks', 0, 'due'], '2026-12-24'),
    changes: [['due: 2026-11-26', 'due: 2026-12-24']],
  },
  {
    name: 'setIn quotes a value that needs it',
    run: (t) => setIn(t, ['sessions', 0, 'topic'], 'Tests: why # first'),
    changes: [["topic: 'Reading unfamiliar code'", 'topic: "Tests: why # first"']],
    check: (js) => assert.equal(js.sessions[0]?.topic, 'Tests: why # first'),
  },
  {
    name: 'setIn adds a missing key after the last key of a block mapping',
    run: (t) => setIn(t, ['sessions', 1, 'topic'], 'Pairing on the parser'),
    changes: [['    agenda: []\n', '    agenda: []\n    topic: Pairing on the parser\n']],
  },
  {
    name: 'setIn adds a key to a flow mapping',
    run: (t) => setIn(t, ['agreement', 'mentor', 'email'], 'ana@example.com'),
    changes: [['handle: anasilva }', 'handle: anasilva, email: ana@example.com }']],
  },
  {
    name: 'setIn replaces a value inside a flow mapping and leaves its neighbours quoted as they were',
    run: (t) => setIn(t, ['agreement', 'mentee', 'name'], 'Ben O.'),
    changes: [[`{name: "Ben Okafor", handle: 'benok'}`, `{name: Ben O., handle: 'benok'}`]],
  },
  {
    name: 'setIn creates a missing nested mapping',
    run: (t) => setIn(t, ['sessions', 1, 'cancelled'], { at: '2026-11-25T10:00:00Z', by: 'mentor' }),
    changes: [['    agenda: []\n', '    agenda: []\n    cancelled:\n      at: 2026-11-25T10:00:00Z\n      by: mentor\n']],
  },
  {
    name: 'setIn writes multi-line text as a literal block and keeps the blank line after it',
    run: (t) => setIn(t, ['sessions', 0, 'notes'], 'First line\n  indented: # not a comment\nlast'),
    changes: [
      [
        '    notes: |\n      Ben found the retry bug himself.\n',
        '    notes: |-\n      First line\n        indented: # not a comment\n      last\n',
      ],
    ],
    check: (js) => assert.equal(js.sessions[0]?.notes, 'First line\n  indented: # not a comment\nlast'),
  },
  {
    name: 'appendIn adds a block item after the last one, before blank lines and comments',
    run: (t) => appendIn(t, ['tasks'], { id: 't-0001', title: '- starts with a dash', links: ['a.ts#L1'] }),
    changes: [
      [
        '    x-custom: 42\n',
        '    x-custom: 42\n  - id: t-0001\n    title: "- starts with a dash"\n    links:\n      - a.ts#L1\n',
      ],
    ],
    check: (js) => assert.equal(js.tasks[1]?.title, '- starts with a dash'),
  },
  {
    name: 'appendIn puts a scalar into an empty flow sequence',
    run: (t) => appendIn(t, ['sessions', 1, 'agenda'], 'Retro'),
    changes: [['agenda: []', 'agenda: [Retro]']],
  },
  {
    name: 'appendIn turns an empty flow sequence into a block one for a mapping',
    run: (t) => appendIn(t, ['sessions', 1, 'agenda'], { text: 'x' }),
    changes: [['    agenda: []\n', '    agenda:\n      - text: x\n']],
  },
  {
    name: 'appendIn extends a flow sequence',
    run: (t) => appendIn(t, ['tasks', 0, 'links'], 'docs/a b.md'),
    changes: [['[src/billing/retry.ts#L42]', '[src/billing/retry.ts#L42, docs/a b.md]']],
  },
  {
    name: 'appendIn creates a missing top-level section at the end of the mapping',
    run: (t) => appendIn(t, ['threads'], { id: 'th-1', file: 'a.ts', line: 3 }),
    changes: [['    x-custom: 42\n', '    x-custom: 42\nthreads:\n  - id: th-1\n    file: a.ts\n    line: 3\n']],
  },
  {
    name: 'appendIn creates a missing nested sequence',
    run: (t) => appendIn(t, ['sessions', 0, 'feedback'], { from: 'mentee', rating: 5 }),
    changes: [
      [
        '      Ben found the retry bug himself.\n',
        '      Ben found the retry bug himself.\n    feedback:\n      - from: mentee\n        rating: 5\n',
      ],
    ],
  },
  {
    name: 'appendIn adds to a block sequence whose last item has an aligned comment',
    run: (t) => appendIn(t, ['sessions', 0, 'agenda'], "It's \"quoted\" — ünïcödé 😀"),
    changes: [
      [
        '      - "Open questions: from last week"   # quoted\n',
        '      - "Open questions: from last week"   # quoted\n      - It\'s "quoted" — ünïcödé 😀\n',
      ],
    ],
    check: (js) => assert.equal(js.sessions[0]?.agenda[2], "It's \"quoted\" — ünïcödé 😀"),
  },
  {
    name: 'deleteIn removes a block item and only its lines',
    run: (t) => deleteIn(t, ['sessions', 0, 'agenda', 0]),
    changes: [['      - Walk through the billing retry loop\n', '']],
  },
  {
    name: 'deleteIn of the only item leaves an empty flow sequence, not null',
    run: (t) => deleteIn(t, ['agreement', 'goals', 0]),
    changes: [
      [
        '  goals:\n    - id: tests-first\n      title: Write a failing test before every bug fix\n      by: 2027-02-15            # within six months\n      status: active            # active | achieved | dropped\n',
        '  goals: []\n',
      ],
    ],
  },
  {
    name: 'deleteIn removes a flow item',
    run: (t) => deleteIn(appendIn(t, ['tasks', 0, 'links'], 'b'), ['tasks', 0, 'links', 0]),
    changes: [['[src/billing/retry.ts#L42]', '[b]']],
  },
  {
    name: 'deleteIn removes a pair',
    run: (t) => deleteIn(t, ['tasks', 0, 'x-custom']),
    changes: [['    x-custom: 42\n', '']],
  },
  {
    name: 'deleteIn of the first pair of an item pulls the next one onto the dash line',
    run: (t) => deleteIn(t, ['sessions', 1, 'id']),
    changes: [['  - id: 2026-11-26\n    at:', '  - at:']],
  },
  {
    name: 'moveItem reorders block items; the comment and blank line between them stay put',
    run: (t) => moveItem(t, ['sessions', 0, 'agenda'], 1, 0),
    changes: [
      [
        '      - Walk through the billing retry loop\n      - "Open questions: from last week"   # quoted\n',
        '      - "Open questions: from last week"   # quoted\n      - Walk through the billing retry loop\n',
      ],
    ],
  },
  {
    name: 'moveItem reorders whole mappings',
    run: (t) => moveItem(t, ['sessions'], 0, 1),
    changes: [
      [
        `  - id: 2026-11-19
    at: 2026-11-19T15:00:00+01:00
    topic: 'Reading unfamiliar code'
    status: held                # planned | held | cancelled
    agenda:
      - Walk through the billing retry loop
      - "Open questions: from last week"   # quoted

    notes: |
      Ben found the retry bug himself.

  - id: 2026-11-26
    at: 2026-11-26T15:00:00+01:00
    status: planned
    agenda: []
`,
        `  - id: 2026-11-26
    at: 2026-11-26T15:00:00+01:00
    status: planned
    agenda: []

  - id: 2026-11-19
    at: 2026-11-19T15:00:00+01:00
    topic: 'Reading unfamiliar code'
    status: held                # planned | held | cancelled
    agenda:
      - Walk through the billing retry loop
      - "Open questions: from last week"   # quoted

    notes: |
      Ben found the retry bug himself.
`,
      ],
    ],
  },
  {
    name: 'applyEdits plans several changes on one parse; inserts at one place keep their order',
    run: (t) =>
      applyEdits(t, [
        { op: 'set', path: ['sessions', 1, 'status'], value: 'held' },
        { op: 'set', path: ['sessions', 1, 'ended'], value: '2026-11-26T16:00:00+01:00' },
        { op: 'appendAll', path: ['sessions', 1, 'feedback'], values: [{ from: 'mentor' }, { from: 'mentee' }] },
      ]),
    changes: [
      [
        '    status: planned\n    agenda: []\n',
        '    status: held\n    agenda: []\n    ended: 2026-11-26T16:00:00+01:00\n    feedback:\n      - from: mentor\n      - from: mentee\n',
      ],
    ],
  },
];

describe('yaml/edit', () => {
  for (const v of VARIANTS) {
    describe(`on the fixture (${v.name})`, () => {
      for (const c of CASES) {
        it(c.name, () => {
          const base = v.wrap(FIXTURE);
          const out = c.run(base);
          assert.equal(out, v.wrap(expectText(FIXTURE, ...c.changes)));
          const js = parsesClean(out);
          c.check?.(js as FixtureJs);
        });
      }
    });
  }

  it('detects the line ending', () => {
    assert.equal(detectEol('a: 1\r\nb: 2\n'), '\r\n');
    assert.equal(detectEol('a: 1\nb: 2\r\n'), '\n');
    assert.equal(detectEol('a: 1'), '\n');
  });

  describe('files without a final newline', () => {
    it('appends to the last sequence and keeps the file without a final newline', () => {
      const out = appendIn('tasks:\n  - id: a', ['tasks'], { id: 'b' });
      assert.equal(out, 'tasks:\n  - id: a\n  - id: b');
    });
    it('adds a top-level key at the end', () => {
      assert.equal(setIn('version: 1\r\nx: 2', ['tasks'], []), 'version: 1\r\nx: 2\r\ntasks: []');
    });
    it('deletes the last item without leaving a dangling newline', () => {
      assert.equal(deleteIn('a:\n  - x\n  - y', ['a', 1]), 'a:\n  - x');
    });
    it('moves the last item into the middle', () => {
      assert.equal(moveItem('a:\n  - x\n  - y', ['a'], 1, 0), 'a:\n  - y\n  - x');
    });
  });

  describe('layouts', () => {
    it('follows a compact sequence style (dashes at the key column)', () => {
      const out = appendIn('tasks:\n- id: a\n  links:\n  - x\n', ['tasks'], { id: 'b', links: ['y'] });
      assert.equal(out, 'tasks:\n- id: a\n  links:\n  - x\n- id: b\n  links:\n  - y\n');
    });
    it('follows a four-space indentation', () => {
      const out = setIn('agreement:\n    mentor:\n        name: A\n', ['agreement', 'goals'], [{ id: 'g', by: '2027-01-01' }]);
      assert.equal(out, 'agreement:\n    mentor:\n        name: A\n    goals:\n        - id: g\n          by: 2027-01-01\n');
      parsesClean(out);
    });
    it('fills an empty value (`tasks:` with nothing) and keeps its comment', () => {
      const out = appendIn('version: 1\ntasks:   # ours\nhints: {}\n', ['tasks'], { id: 'a' });
      assert.equal(out, 'version: 1\ntasks:   # ours\n  - id: a\nhints: {}\n');
    });
    it('replaces an explicit null', () => {
      assert.equal(appendIn('tasks: ~\n', ['tasks'], 'x'), 'tasks:\n  - x\n');
      assert.equal(setIn('a: null # n\n', ['a'], 'v'), 'a: v    # n\n');
    });
    it('adds to an empty flow mapping', () => {
      assert.equal(setIn('hints: {}\n', ['hints', 'disabledRules'], ['a']), 'hints: { disabledRules: [ a ] }\n');
    });
    it('edits inside a flow sequence of flow mappings', () => {
      const text = 'goals: [{ id: a, by: 2027-01-01 }, { id: b, by: 2027-02-01 }] # g\n';
      assert.equal(setIn(text, ['goals', 1, 'by'], '2027-03-01'), 'goals: [{ id: a, by: 2027-01-01 }, { id: b, by: 2027-03-01 }] # g\n');
      assert.equal(moveItem(text, ['goals'], 0, 1), 'goals: [{ id: b, by: 2027-02-01 }, { id: a, by: 2027-01-01 }] # g\n');
      assert.equal(
        appendIn(text, ['goals'], { id: 'c', title: 'x: y' }),
        'goals: [{ id: a, by: 2027-01-01 }, { id: b, by: 2027-02-01 }, { id: c, title: "x: y" }] # g\n',
      );
    });
    it('writes multi-line text inside a flow collection as one double-quoted line', () => {
      const out = appendIn('a: [x]\n', ['a'], 'two\nlines');
      assert.equal(out, 'a: [x, "two\\nlines"]\n');
      assert.deepEqual(parsesClean(out), { a: ['x', 'two\nlines'] });
    });
    it('finds items that start below their dash', () => {
      const text = 'a:\n  -\n    k: v\n  - # c\n\n    k: w\nb: 1\n';
      assert.equal(appendIn(text, ['a'], { k: 'x' }), 'a:\n  -\n    k: v\n  - # c\n\n    k: w\n  - k: x\nb: 1\n');
      assert.equal(moveItem(text, ['a'], 1, 0), 'a:\n  - # c\n\n    k: w\n  -\n    k: v\nb: 1\n');
      assert.equal(deleteIn(text, ['a', 0]), 'a:\n  - # c\n\n    k: w\nb: 1\n');
    });
    it('puts a new key right after a named key when asked, else at the end', () => {
      const text = 'tasks:\n  - id: a\n    status: open   # s\n    links:\n      - x\n';
      const out = applyEdits(text, [
        { op: 'set', path: ['tasks', 0, 'status'], value: 'done' },
        { op: 'set', path: ['tasks', 0, 'closed'], value: '2026-11-25', after: ['missing', 'status'] },
        { op: 'set', path: ['tasks', 0, 'reason'], value: 'r', after: ['closed', 'status'] },
        { op: 'set', path: ['tasks', 0, 'other'], value: 1, after: ['missing'] },
      ]);
      assert.equal(out, 'tasks:\n  - id: a\n    status: done   # s\n    closed: 2026-11-25\n    reason: r\n    links:\n      - x\n    other: 1\n');
    });
    it('adds a key to a mapping whose last value is a block scalar', () => {
      const out = setIn('s:\n  notes: |\n    hi\n\n  # c\nz: 1\n', ['s', 'topic'], 'T');
      assert.equal(out, 's:\n  notes: |\n    hi\n  topic: T\n\n  # c\nz: 1\n');
      parsesClean(out);
    });
  });

  describe('refusals', () => {
    it('refuses a file with a syntax error, naming the line and column', () => {
      assert.throws(() => setIn('a: [1, 2\nb: 3\n', ['b'], 4), (e: unknown) => e instanceof YamlEditError && /line \d+, column \d+/.test(e.message));
    });
    it('refuses a root that is not a mapping', () => {
      assert.throws(() => setIn('- a\n', ['b'], 1), /not a mapping/);
    });
    it('refuses a path through a scalar', () => {
      assert.throws(() => setIn('a: 1\n', ['a', 'b'], 1), /a is not a mapping or sequence/);
    });
    it('refuses an out-of-range index', () => {
      assert.throws(() => setIn('a: [1]\n', ['a', 5], 1), /no item 5/);
      assert.throws(() => moveItem('a: [1]\n', ['a'], 0, 3), /has 1 item/);
    });
    it('refuses two edits that overlap, and two that create the same key', () => {
      assert.throws(
        () =>
          applyEdits('a: 1\n', [
            { op: 'set', path: ['a'], value: 2 },
            { op: 'set', path: ['a'], value: 3 },
          ]),
        /overlap/,
      );
      assert.throws(
        () =>
          applyEdits('a: 1\n', [
            { op: 'set', path: ['b', 'x'], value: 2 },
            { op: 'set', path: ['b', 'y'], value: 3 },
          ]),
        /twice/,
      );
    });
  });
});
