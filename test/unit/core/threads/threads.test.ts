import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '../../../../src/core/parse/index';
import { addThread, deleteThread, moveThreads, replyToThread, setThreadStatus, taskTitle, threadToTask, type EditResult } from '../../../../src/core/edit';
import { anchorAt, reanchor, reanchorAll, splitLines } from '../../../../src/core/threads/anchor';
import { fixture as readFixture } from '../../../fixtures';

const fixture = readFixture('valid.mentoring.yaml');
const now = new Date('2026-11-28T10:00:00Z');
/** A fixed random source: ids are deterministic. */
const seq = (...values: number[]): (() => number) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};
/** A fresh context per use, so ids do not depend on the order tests run in. */
const ctx = { now, utcOffsetMinutes: 60, get random() {
  return seq(0.1, 0.2, 0.3, 0.4);
} };

const code = [
  'export function retry(fn, times) {', // 1
  '  let attempt = 0;', // 2
  '  while (attempt < times) {', // 3
  '    try {', // 4
  '      return fn();', // 5
  '    } catch (err) {', // 6
  '      attempt++;', // 7
  '    }', // 8
  '  }', // 9
  '  throw new Error("gave up");', // 10
  '}', // 11
];

function ok(r: EditResult): { text: string; id?: string; warnings: string[] } {
  if (!r.ok) assert.fail(`expected success, got: ${r.message}`);
  return r;
}

describe('threads: anchors', () => {
  it('stores the line and its nearest non-blank neighbours, skipping blank lines', () => {
    const lines = ['a = 1', '', '   ', 'b = 2   ', '', 'c = 3'];
    assert.deepEqual(anchorAt(lines, 4), { text: 'b = 2', before: 'a = 1', after: 'c = 3' });
    assert.deepEqual(anchorAt(lines, 1), { text: 'a = 1', after: 'b = 2   '.trimEnd() });
    assert.deepEqual(anchorAt(['only'], 1), { text: 'only' });
  });

  it('splits LF, CRLF and CR line endings alike', () => {
    assert.deepEqual(splitLines('a\r\nb\nc\rd'), ['a', 'b', 'c', 'd']);
  });
});

describe('threads: re-anchoring', () => {
  const thread = { line: 7, anchor: anchorAt(code, 7) };

  it('keeps a thread whose line still holds its text', () => {
    assert.deepEqual(reanchor(thread, code), { status: 'unchanged', line: 7 });
  });

  it('follows the line down when lines are inserted above it', () => {
    const moved = ['// retry helper', '// (see BILL-231)', '', ...code];
    assert.deepEqual(reanchor(thread, moved), { status: 'moved', line: 10 });
  });

  it('follows the line up when lines above it are deleted', () => {
    const moved = code.slice(3);
    assert.deepEqual(reanchor(thread, moved), { status: 'moved', line: 4 });
  });

  it('ignores changes of indentation', () => {
    const reindented = code.map((l) => '  ' + l);
    assert.equal(reanchor(thread, ['', ...reindented]).line, 8);
  });

  it('picks, among equal lines, the one with the same neighbours rather than the nearest', () => {
    // "attempt++;" appears twice; the copy near the old line has other neighbours.
    const lines = ['function other() {', '  if (x) {', '      attempt++;', '  }', '}', '', ...code];
    const r = reanchor({ line: 3, anchor: anchorAt(code, 7) }, lines);
    assert.equal(r.status, 'moved');
    assert.equal(r.line, 13);
  });

  it('picks the nearest of equal candidates when neighbours do not decide', () => {
    const lines = ['x();', 'log("a");', 'y();', 'z();', 'log("a");', 'w();'];
    const t = { line: 4, anchor: { text: 'log("a");', before: 'nothing like it', after: 'nor this' } };
    assert.equal(reanchor(t, lines).line, 5);
  });

  it('does not jump to another "}" on its own: a weak line needs a matching neighbour', () => {
    const t = { line: 11, anchor: anchorAt(code, 11) }; // the final "}"
    const rewritten = ['const a = {', '  b: 1,', '}', '', 'nothing else'];
    assert.equal(reanchor(t, rewritten).status, 'lost');
    const moved = ['// header', ...code];
    assert.deepEqual(reanchor(t, moved), { status: 'moved', line: 12 });
  });

  it('follows a slightly edited line and says it changed', () => {
    const edited = [...code];
    edited[6] = '      attempt += 1;';
    const r0 = reanchor(thread, edited);
    assert.equal(r0.status, 'changed');
    assert.equal(r0.line, 7);
    const edited2 = [...code];
    edited2[9] = '  throw new Error("gave up after retries");';
    const r = reanchor({ line: 10, anchor: anchorAt(code, 10) }, ['', '', ...edited2]);
    assert.equal(r.status, 'changed');
    assert.equal(r.line, 12);
    assert.match(r.reason ?? '', /gave up after retries/);
  });

  it('follows a rewritten line that sits between the same neighbours', () => {
    const rewritten = [...code];
    rewritten[4] = '      console.info(42);';
    const r = reanchor({ line: 5, anchor: anchorAt(code, 5) }, ['import x from "y";', ...rewritten]);
    assert.equal(r.status, 'changed');
    assert.equal(r.line, 6);
    assert.match(r.reason ?? '', /return fn\(\);/);
  });

  it('says so when the line is gone, and stays at the old number clamped to the file', () => {
    const r = reanchor({ line: 10, anchor: anchorAt(code, 10) }, ['totally', 'different', 'file']);
    assert.equal(r.status, 'lost');
    assert.equal(r.line, 3);
    assert.match(r.reason ?? '', /Could not find "throw new Error\("gave up"\);"/);
  });

  it('keeps the span of a thread on several lines', () => {
    const r = reanchor({ line: 3, endLine: 9, anchor: anchorAt(code, 3) }, ['', '', ...code]);
    assert.deepEqual(r, { status: 'moved', line: 5, endLine: 11 });
  });

  it('without an anchor, keeps the number while the file is long enough', () => {
    assert.deepEqual(reanchor({ line: 2 }, code), { status: 'unchanged', line: 2 });
    assert.equal(reanchor({ line: 20 }, code).status, 'lost');
  });

  it('property: any lines inserted above and below a unique line are followed exactly', () => {
    const filler = fc.array(fc.string({ maxLength: 12 }).map((s) => s.replace(/attempt/g, '')), { maxLength: 30 });
    fc.assert(
      fc.property(filler, filler, (above, below) => {
        const lines = [...above, ...code.slice(0, 7), ...below, ...code.slice(7)];
        const r = reanchor(thread, lines);
        assert.equal(r.line, above.length + 7);
        assert.notEqual(r.status, 'lost');
      }),
      { numRuns: 200 },
    );
  });

  it('reanchorAll reports only the threads of that file that moved or were lost', () => {
    const model = parse(withThreads(), { now }).model;
    assert.ok(model);
    const moved = reanchorAll(model.threads, 'src/retry.ts', ['// new first line', ...code]);
    assert.deepEqual(moved, [{ id: 'th-0001', result: { status: 'moved', line: 8 } }]);
  });
});

/** The fixture with two threads, one on src/retry.ts line 7 and one on another file. */
function withThreads(): string {
  return (
    fixture +
    [
      'threads:',
      '  # our review of the retry loop',
      '  - id: th-0001',
      '    file: src/retry.ts',
      '    line: 7',
      '    anchor:',
      '      text: "      attempt++;"',
      '      before: "    } catch (err) {"',
      '      after: "    }"',
      '    status: open',
      '    comments:',
      '      - author: Ana Silva',
      '        at: 2026-11-20T10:00:00+01:00',
      '        body: What happens to err here? Should we log it before retrying?',
      '  - id: th-0002',
      '    file: README.md',
      '    line: 1',
      '    comments:',
      '      - { author: Ben Okafor, body: "question: is this still true?" }',
      '',
    ].join('\n')
  );
}

describe('threads: edits', () => {
  it('adds a thread with anchor and first comment, appending at the end and keeping everything else byte for byte', () => {
    const r = ok(addThread(fixture, { file: './src/retry.ts', line: 7, lines: code, author: 'Ana Silva', body: '  Could we log err here?  ' }, ctx));
    assert.equal(r.id, 'th-1346'); // 0.1, 0.2, 0.3, 0.4 → hex digits 1, 3, 4, 6
    assert.ok(r.text.startsWith(fixture), 'the original text is a prefix of the result');
    const model = parse(r.text, { now }).model;
    assert.ok(model);
    assert.deepEqual(model.threads, [
      {
        id: 'th-1346',
        file: 'src/retry.ts',
        line: 7,
        anchor: { text: '      attempt++;', before: '    } catch (err) {', after: '    }' },
        status: 'open',
        comments: [{ author: 'Ana Silva', at: '2026-11-28T11:00:00+01:00', body: 'Could we log err here?' }],
      },
    ]);
  });

  it('gives a second thread a fresh id and keeps a selection span', () => {
    const first = ok(addThread(fixture, { file: 'src/retry.ts', line: 3, endLine: 9, lines: code, author: 'Ana', body: 'Loop' }, { ...ctx, random: seq(0.1, 0.2, 0.3, 0.4) }));
    const second = ok(addThread(first.text, { file: 'src/retry.ts', line: 3, lines: code, author: 'Ana', body: 'Again' }, { ...ctx, random: seq(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8) }));
    assert.notEqual(second.id, first.id);
    const threads = parse(second.text, { now }).model?.threads ?? [];
    assert.equal(threads.length, 2);
    assert.equal(threads[0]?.endLine, 9);
    assert.equal(threads[1]?.endLine, undefined);
  });

  it('refuses empty comments, lines outside the file and paths outside the workspace, saying why', () => {
    const bad = (args: Partial<Parameters<typeof addThread>[1]>, re: RegExp): void => {
      const r = addThread(fixture, { file: 'src/retry.ts', line: 7, lines: code, author: 'Ana', body: 'x', ...args }, ctx);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.message, re);
        assert.match(r.message, /Nothing was changed/);
      }
    };
    bad({ body: '   ' }, /needs some text/);
    bad({ line: 40 }, /Line 40 is not in src\/retry.ts \(it has 11 lines\)/);
    bad({ file: '../secrets.txt' }, /not a path inside the workspace/);
    bad({ endLine: 2 }, /must not come before/);
  });

  it('refuses to edit a file with errors, naming line and column', () => {
    const broken = fixture.replace('version: 1', 'version: 2');
    const r = addThread(broken, { file: 'a.ts', line: 1, lines: ['x'], author: 'Ana', body: 'Hi' }, ctx);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /line 2, column \d+/);
  });

  it('replies at the end of the thread, keeping the comment above the threads list', () => {
    const r = ok(replyToThread(withThreads(), { thread: 'th-0001', author: 'Ben Okafor', body: 'Good point, I will log it.' }, ctx));
    assert.ok(r.text.includes('  # our review of the retry loop\n'));
    const t = parse(r.text, { now }).model?.threads[0];
    assert.deepEqual(t?.comments.map((c) => c.author), ['Ana Silva', 'Ben Okafor']);
    assert.equal(t?.comments[1]?.body, 'Good point, I will log it.');
    // the second thread (flow-style comment) is untouched
    assert.ok(r.text.endsWith('      - { author: Ben Okafor, body: "question: is this still true?" }\n'));
  });

  it('replies to a thread whose comments are a flow list', () => {
    const r = ok(replyToThread(withThreads(), { thread: 'th-0002', author: 'Ana', body: 'Yes' }, ctx));
    assert.deepEqual(parse(r.text, { now }).model?.threads[1]?.comments.map((c) => c.body), ['question: is this still true?', 'Yes']);
  });

  it('resolves and reopens, changing only the status', () => {
    const resolved = ok(setThreadStatus(withThreads(), { thread: 'th-0001', status: 'resolved' }, ctx));
    assert.equal(resolved.text, withThreads().replace('    status: open\n', '    status: resolved\n'));
    const again = ok(setThreadStatus(resolved.text, { thread: 'th-0001', status: 'resolved' }, ctx));
    assert.equal(again.text, resolved.text);
    const reopened = ok(setThreadStatus(resolved.text, { thread: 'th-0001', status: 'open' }, ctx));
    assert.equal(reopened.text, withThreads());
    // a thread without status gets one
    const second = ok(setThreadStatus(withThreads(), { thread: 'th-0002', status: 'resolved' }, ctx));
    assert.equal(parse(second.text, { now }).model?.threads[1]?.status, 'resolved');
  });

  it('names the missing thread', () => {
    const r = setThreadStatus(withThreads(), { thread: 'th-nope', status: 'resolved' }, ctx);
    assert.deepEqual(r.ok ? undefined : r.message, 'There is no thread "th-nope" in the mentoring file (was it deleted or renamed?). Nothing was changed.');
  });

  it('deletes a thread', () => {
    const r = ok(deleteThread(withThreads(), { thread: 'th-0002' }, ctx));
    assert.deepEqual(parse(r.text, { now }).model?.threads.map((t) => t.id), ['th-0001']);
  });

  it('stores a move: the new line and the anchor read from there, nothing else', () => {
    const lines = ['// header', ...code];
    const r = ok(moveThreads(withThreads(), { moves: [{ thread: 'th-0001', line: 8 }], lines }, ctx));
    assert.equal(r.text, withThreads().replace('    line: 7\n', '    line: 8\n'));
    const edited = [...lines];
    edited[7] = '      attempt += 1;';
    const r2 = ok(moveThreads(withThreads(), { moves: [{ thread: 'th-0001', line: 8 }], lines: edited }, ctx));
    const t = parse(r2.text, { now }).model?.threads[0];
    assert.deepEqual(t?.anchor, { text: '      attempt += 1;', before: '    } catch (err) {', after: '    }' });
    // a thread that had no anchor gets one
    const r3 = ok(moveThreads(withThreads(), { moves: [{ thread: 'th-0002', line: 2 }], lines: ['# Title', 'Some text', 'More'] }, ctx));
    assert.deepEqual(parse(r3.text, { now }).model?.threads[1]?.anchor, { text: 'Some text', before: '# Title', after: 'More' });
  });

  it('turns a thread into a task linking file#line and records the task on the thread', () => {
    const r = ok(threadToTask(withThreads(), { thread: 'th-0001', owner: 'mentee' }, { ...ctx, random: seq(0.5, 0.6, 0.7, 0.8) }));
    const model = parse(r.text, { now }).model;
    const task = model?.tasks.find((t) => t.id === r.id);
    assert.ok(task, 'the task was added');
    assert.equal(task.title, 'What happens to err here?');
    assert.deepEqual(task.links, ['src/retry.ts#L7']);
    assert.equal(task.owner, 'mentee');
    assert.equal(model?.threads[0]?.task, r.id);
    const twice = threadToTask(r.text, { thread: 'th-0001' }, ctx);
    assert.equal(twice.ok, false);
    if (!twice.ok) assert.match(twice.message, /already became task/);
  });

  it('takes a task title from the first comment, without its Conventional Comments label', () => {
    assert.equal(taskTitle({ comments: [{ author: 'a', body: 'suggestion (non-blocking): Extract the loop. It is long.' }] }), 'Extract the loop.');
    assert.equal(taskTitle({ comments: [{ author: 'a', body: '\n\nquestion: why not a map' }] }), 'why not a map');
    // a sealed comment gives no title (never the armor's first line)
    assert.equal(taskTitle({ comments: [{ author: 'a', body: '-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24=\n-----END AGE ENCRYPTED FILE-----\n' }] }), '');
    assert.equal(taskTitle({ comments: [] }), '');
  });
});
