/**
 * mergeMentoring on hand-made base/ours/theirs texts, with exact output: merged by id, untouched
 * parts byte-identical, conflicts only around the field both changed, and a line merge
 * (never a loss) for what cannot be merged by id.
 */
import * as assert from 'node:assert/strict';
import { mergeMentoring } from '../../../../src/core/merge/index';
import { diff3 } from '../../../../src/core/merge/diff3';
import { parse } from '../../../../src/core/parse/index';

const NOW = new Date('2026-11-20T10:00:00Z');

const BASE = `version: 1
# Our agreement (comments stay where they are).
agreement:
  mentor: { name: Ada Lovelace, handle: ada }
  mentee:
    name: Bob   # prefers Bob
  started: 2026-11-01
  goals:
    - id: tests-first
      title: Write tests first
      by: 2027-03-01

sessions:
  - id: s-2026-11-05
    at: 2026-11-05T15:00:00Z
    status: held
    agenda:
      - Retry bug
    notes: |
      -----BEGIN AGE ENCRYPTED FILE-----
      YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBXdFhHcElVdEJNWkdwWExh
      T1dRWEdNT1d1M2lKOGw1MlcwdFdFcG81cEJvCm1hSEdsc0xNY3hUUEdWaXN5QWxw
      UGcrU1BWck0rVUlsTFBOeCtpazhCOXcKLS0tIHpBTVA5b2l3OFZhWU80ZFNnVlZV
      QnZHTVhlZnArcWNHUkVpeHZkdHNhaEUKkqFlD6aO5tTMb3rb3RqH4+HfXkGnaOJ6
      A5md8XcHJRpqWvibSs60cpG/GiY=
      -----END AGE ENCRYPTED FILE-----

tasks:
  - id: t-1
    title: Read the testing guide   # chapter 2 first
    status: open
  - id: t-2
    title: "Fix the flaky test"
    status: open
`;

/** `text` with `from` replaced by `to`, which must be there. */
function change(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the text holds ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function clean(text: string): void {
  const r = parse(text, { now: NOW });
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`),
    [],
    text,
  );
}

const TASK_END = '    title: "Fix the flaky test"\n    status: open\n';
const addTask = (text: string, id: string, title: string): string => change(text, TASK_END, `${TASK_END}  - id: ${id}\n    title: ${title}\n    status: open\n`);

describe('mergeMentoring', () => {
  it('tasks added on both sides: all kept, ours first, then theirs in their order', () => {
    const ours = addTask(BASE, 't-o1', 'Ours one');
    const theirs = BASE + '  - id: t-b1\n    title: Theirs one\n    status: open\n  - id: t-b2\n    title: Theirs two\n    status: open\n';
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(
      r.text,
      BASE + '  - id: t-o1\n    title: Ours one\n    status: open\n' + '  - id: t-b1\n    title: Theirs one\n    status: open\n  - id: t-b2\n    title: Theirs two\n    status: open\n',
    );
    clean(r.text);
  });

  it("theirs' new items keep theirs' own text: comments, quotes, a comment line inside", () => {
    const ours = addTask(BASE, 't-o1', 'Ours one');
    const theirs = BASE + "  - id: t-b1\n    title: 'Theirs: quoted'   # why\n    # the owner is on leave\n    owner: mentor\n    status: open\n";
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, ours + "  - id: t-b1\n    title: 'Theirs: quoted'   # why\n    # the owner is on leave\n    owner: mentor\n    status: open\n");
  });

  it('sessions added on both sides: both kept, the sealed notes byte-identical', () => {
    const after = '      -----END AGE ENCRYPTED FILE-----\n';
    const ours = change(BASE, after, `${after}  - id: s-2026-11-12\n    at: 2026-11-12T15:00:00Z\n`);
    const theirs = change(BASE, after, `${after}  - id: s-2026-11-19\n    at: 2026-11-19T15:00:00Z\n    topic: Mocks\n`);
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, change(BASE, after, `${after}  - id: s-2026-11-12\n    at: 2026-11-12T15:00:00Z\n  - id: s-2026-11-19\n    at: 2026-11-19T15:00:00Z\n    topic: Mocks\n`));
    clean(r.text);
  });

  it('agenda items added on both sides of one session: all kept', () => {
    const ours = change(BASE, '      - Retry bug\n', '      - Retry bug\n      - Naming\n');
    const theirs = change(BASE, '      - Retry bug\n', '      - Retry bug\n      - Code review etiquette\n      - Mocks\n');
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, change(BASE, '      - Retry bug\n', '      - Retry bug\n      - Naming\n      - Code review etiquette\n      - Mocks\n'));
  });

  it('one side completed a task, the other retitled it: both changes, the comment kept', () => {
    const ours = change(BASE, 'title: Read the testing guide ', 'title: Read the guide twice ');
    const theirs = change(BASE, '    title: Read the testing guide   # chapter 2 first\n    status: open\n', '    title: Read the testing guide   # chapter 2 first\n    status: done\n    closed: 2026-11-19\n');
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, change(BASE, '    title: Read the testing guide   # chapter 2 first\n    status: open\n', '    title: Read the guide twice   # chapter 2 first\n    status: done\n    closed: 2026-11-19\n'));
    clean(r.text);
  });

  it('the same field changed two ways: markers around that field only, and the parser reports the line', () => {
    const ours = change(BASE, 'title: "Fix the flaky test"', 'title: "Fix the flaky retry test"');
    const theirs = change(change(addTask(BASE, 't-b1', 'Theirs one'), 'title: "Fix the flaky test"', 'title: "Delete the flaky test"'), 'Bob   # prefers', 'Bobby   # prefers');
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, [{ line: 33, path: 'tasks.t-2.title', message: 'tasks.t-2.title was changed two ways: keep one side and delete the marker lines' }]);
    // theirs' title as theirs wrote it; theirs' other change as the YAML editor writes it (the comment keeps its column)
    const expected = change(
      change(BASE, 'Bob   # prefers', 'Bobby # prefers'),
      TASK_END,
      '<<<<<<< ours\n    title: "Fix the flaky retry test"\n=======\n    title: "Delete the flaky test"\n>>>>>>> theirs\n    status: open\n  - id: t-b1\n    title: Theirs one\n    status: open\n',
    );
    assert.equal(r.text, expected);
    assert.equal(r.text.split('\n')[32], '<<<<<<< ours');
    const errors = parse(r.text, { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors[0]?.code, 'merge-conflict');
    assert.equal(errors[0]?.line, 33);
  });

  it("theirs' change of one field keeps every comment, quote and flow style of ours byte for byte", () => {
    const ours = change(change(BASE, '# Our agreement', '# Our agreement, reviewed'), 'mentor: { name: Ada Lovelace, handle: ada }', 'mentor: { name: Ada Lovelace, handle: ada }   # flow on purpose');
    const theirs = change(change(BASE, '    by: 2027-03-01\n', '    by: 2027-04-01\n'), 'mentee:\n    name: Bob', 'mentee:\n    name: Robert');
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, change(change(ours, '    by: 2027-03-01\n', '    by: 2027-04-01\n'), 'name: Bob   # prefers', 'name: Robert   # prefers'));
  });

  it('a task deleted on one side and untouched on the other is removed; ours\' additions stay', () => {
    const ours = addTask(BASE, 't-o1', 'Ours one');
    const theirs = change(BASE, '  - id: t-1\n    title: Read the testing guide   # chapter 2 first\n    status: open\n', '');
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, change(ours, '  - id: t-1\n    title: Read the testing guide   # chapter 2 first\n    status: open\n', ''));
    // and the other way round: ours deleted it, theirs added a task
    const r2 = mergeMentoring(BASE, theirs, ours);
    assert.deepEqual(r2.conflicts, []);
    assert.equal(r2.text, r.text);
  });

  it('feedback appended on both sides (a list without ids): both kept', () => {
    const at = '    status: held\n';
    const base = change(BASE, at, `${at}    feedback:\n      - from: mentor\n        rating: 4\n`);
    const ours = change(base, '        rating: 4\n', '        rating: 4\n      - from: mentee\n        rating: 5\n');
    const theirs = change(base, '        rating: 4\n', '        rating: 4\n      - from: mentor\n        valuable: the pairing\n');
    const r = mergeMentoring(base, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, change(base, '        rating: 4\n', '        rating: 4\n      - from: mentee\n        rating: 5\n      - from: mentor\n        valuable: the pairing\n'));
  });

  it('a thread: replies on both sides both kept, one side resolved it, the other added a thread', () => {
    const base = BASE + 'threads:\n  - id: th-1\n    file: src/retry.ts\n    line: 42\n    comments:\n      - author: Ada\n        body: Why a loop?\n';
    const reply = (who: string, body: string): string => `      - author: ${who}\n        body: ${body}\n`;
    const ours = change(base, '    line: 42\n', '    line: 42\n    status: resolved\n') + reply('Bob', 'Backoff.');
    const theirs = base + reply('Ada', 'Then name it.') + '  - id: th-2\n    file: src/pay.ts\n    line: 7\n';
    const r = mergeMentoring(base, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, ours + reply('Ada', 'Then name it.') + '  - id: th-2\n    file: src/pay.ts\n    line: 7\n');
    clean(r.text);
  });

  it('a file that does not parse: a line-based conflict over the whole disputed region, nothing lost', () => {
    const ours = addTask(BASE, 't-o1', 'Ours one');
    const theirs = change(BASE, TASK_END, `${TASK_END}  - id: t-b1\n    title: [unclosed\n`);
    const r = mergeMentoring(BASE, ours, theirs);
    assert.equal(r.conflicts.length, 1);
    assert.equal(r.conflicts[0]?.path, '(file)');
    assert.match(r.conflicts[0]?.message ?? '', /theirs is not a YAML mapping/);
    assert.equal(r.text, BASE + '<<<<<<< ours\n  - id: t-o1\n    title: Ours one\n    status: open\n=======\n  - id: t-b1\n    title: [unclosed\n>>>>>>> theirs\n');
    assert.equal(r.conflicts[0]?.line, 35);
    assert.equal(r.text.split('\n')[34], '<<<<<<< ours');
  });

  it('changed on one side and deleted on the other: merged line by line, both kept', () => {
    const ours = change(BASE, 'title: "Fix the flaky test"', 'title: "Fix the flaky test today"');
    const theirs = change(BASE, '  - id: t-2\n    title: "Fix the flaky test"\n    status: open\n', '');
    const r = mergeMentoring(BASE, ours, theirs);
    assert.equal(r.conflicts.length, 1);
    assert.match(r.conflicts[0]?.message ?? '', /tasks\.t-2 was changed in ours and deleted in theirs/);
    assert.ok(r.text.includes('<<<<<<< ours\n  - id: t-2\n    title: "Fix the flaky test today"\n    status: open\n=======\n>>>>>>> theirs\n'), r.text);
  });

  it("a clean line merge with the same data is preferred: theirs' new comment is kept", () => {
    const ours = addTask(BASE, 't-o1', 'Ours one');
    const theirs = change(BASE, 'sessions:\n', '# Held on Thursdays.\nsessions:\n');
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, change(ours, 'sessions:\n', '# Held on Thursdays.\nsessions:\n'));
  });

  it('CRLF files stay CRLF, markers included', () => {
    const crlf = (t: string): string => t.replace(/\n/g, '\r\n');
    const ours = crlf(change(addTask(BASE, 't-o1', 'Ours one'), 'title: "Fix the flaky test"', 'title: "Fix it"'));
    const theirs = crlf(change(addTask(BASE, 't-b1', 'Theirs one'), 'title: "Fix the flaky test"', 'title: "Drop it"'));
    const r = mergeMentoring(crlf(BASE), ours, theirs);
    assert.equal(r.conflicts.length, 1);
    assert.ok(!/[^\r]\n/.test(r.text), 'every line break is CRLF');
    assert.ok(r.text.includes('<<<<<<< ours\r\n    title: "Fix it"\r\n=======\r\n    title: "Drop it"\r\n>>>>>>> theirs\r\n'), r.text);
    assert.ok(r.text.endsWith('  - id: t-o1\r\n    title: Ours one\r\n    status: open\r\n  - id: t-b1\r\n    title: Theirs one\r\n    status: open\r\n'));
  });

  it('hundreds of fields changed two ways: one line merge instead of hundreds of marked fields', () => {
    const file = (title: (i: number) => string): string => 'version: 1\ntasks:\n' + Array.from({ length: 300 }, (_, i) => `  - id: t-${i}\n    title: ${title(i)}\n`).join('');
    const r = mergeMentoring(file((i) => `T${i}`), file((i) => `Ours ${i}`), file((i) => `Theirs ${i}`));
    assert.equal(r.conflicts.length, 300);
    assert.ok(r.conflicts.every((c) => c.path === '(file)' && /300 fields were changed two ways/.test(c.message)));
    assert.ok(r.text.includes('<<<<<<< ours\n    title: Ours 0\n=======\n    title: Theirs 0\n>>>>>>> theirs\n'));
  });

  it("theirs' comment edits elsewhere survive a merge by id (both added tasks, so the line merge alone conflicts)", () => {
    const ours = addTask(BASE, 't-o1', 'Ours one');
    const theirs = change(change(addTask(BASE, 't-b1', 'Theirs one'), 'sessions:\n', '# Held on Thursdays.\nsessions:\n'), '# prefers Bob', '# prefers Bob, not Robert');
    const r = mergeMentoring(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.equal(r.text, change(change(ours, 'sessions:\n', '# Held on Thursdays.\nsessions:\n'), '# prefers Bob', '# prefers Bob, not Robert') + '  - id: t-b1\n    title: Theirs one\n    status: open\n');
  });

  it('one side unchanged: the other side whole', () => {
    const theirs = addTask(BASE, 't-b1', 'Theirs one');
    assert.deepEqual(mergeMentoring(BASE, BASE, theirs), { text: theirs, conflicts: [] });
    assert.deepEqual(mergeMentoring(BASE, theirs, BASE), { text: theirs, conflicts: [] });
  });
});

describe('diff3', () => {
  it('merges changes to different lines and marks changes to the same line', () => {
    assert.deepEqual(diff3('a\nb\nc\n', 'A\nb\nc\n', 'a\nb\nC\n'), { text: 'A\nb\nC\n', conflictLines: [] });
    assert.deepEqual(diff3('a\nb\nc\n', 'a\nX\nc\n', 'a\nY\nc\n'), { text: 'a\n<<<<<<< ours\nX\n=======\nY\n>>>>>>> theirs\nc\n', conflictLines: [1] });
  });

  it('closes a side without a final newline before the next marker', () => {
    assert.deepEqual(diff3('a', 'b', 'c'), { text: '<<<<<<< ours\nb\n=======\nc\n>>>>>>> theirs\n', conflictLines: [0] });
  });
});
