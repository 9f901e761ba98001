/**
 * The edit safety net's shortcut (`editLeavesNoError`): it re-reads only the list items an edit
 * touched. It may only ever say "no error" when parsing the whole result finds none, so every
 * case here is checked against the full parse too.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as edit from '../../../../src/core/edit/index';
import { editLeavesNoError, parse, parseForEdit, type ChangedSpan } from '../../../../src/core/parse/index';
import { planEdits, type YamlOp } from '../../../../src/core/yaml/edit';
import { generateLog } from '../../../fixtures/generate';

const NOW = new Date('2026-11-25T09:00:00Z');
const LOG = generateLog({ sessions: 8, tasks: 6 });

function apply(text: string, splices: readonly ChangedSpan[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.insert + out.slice(s.end);
  return out;
}

/** The shortcut's verdict and the full parse's, for `splices` made to `text`. */
function verdicts(text: string, splices: readonly ChangedSpan[]): { shortcut: boolean; full: boolean; after: string } {
  const { result, data } = parseForEdit(text, { now: NOW, checks: false });
  assert.ok(result.ok && data, 'the base file parses without errors and without aliases');
  const after = apply(text, splices);
  return { shortcut: editLeavesNoError(result, data, text, after, splices), full: parse(after, { now: NOW, checks: false }).ok, after };
}

/** Insert `insert` at the start of the line holding the first occurrence of `marker`. */
function insertBefore(text: string, marker: string, insert: string): ChangedSpan[] {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, `marker ${marker} not found`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return [{ start: lineStart, end: lineStart, insert }];
}

function replaceFirst(text: string, find: string, insert: string): ChangedSpan[] {
  const at = text.indexOf(find);
  assert.ok(at >= 0, `${find} not found`);
  return [{ start: at, end: at + find.length, insert }];
}

const TASK = (id: string, extra = ''): string => `  - id: ${id}\n    title: New task\n    owner: mentee\n    status: open\n${extra}`;

describe('edit verification by the changed items', () => {
  it('takes the shortcut for the operations on list items, and agrees with the full parse', () => {
    const { result } = parseForEdit(LOG, { now: NOW, checks: false });
    const model = result.model;
    assert.ok(model);
    const task = model.tasks.find((t) => t.status === 'open');
    const held = model.sessions.find((s) => s.status === 'held' && s.agenda.length >= 2);
    const planned = model.sessions.find((s) => s.status === 'planned');
    assert.ok(task && held && planned);
    const i = (id: string): number => model.sessions.findIndex((s) => s.id === id);
    const t = model.tasks.indexOf(task);
    const plans: Record<string, YamlOp[]> = {
      'append a task': [{ op: 'append', path: ['tasks'], value: { id: 't-new1', title: 'Read: the "retry" loop #2', owner: 'mentee', status: 'open', links: ['a.ts#L1'] } }],
      'complete a task': [
        { op: 'set', path: ['tasks', t, 'status'], value: 'done', after: ['due', 'owner'] },
        { op: 'set', path: ['tasks', t, 'closed'], value: '2026-11-25', after: ['status'] },
      ],
      'plan a session': [{ op: 'append', path: ['sessions'], value: { id: '2026-12-01', at: '2026-12-01T15:00:00+01:00', status: 'planned', agenda: ['x'] } }],
      'end a session with feedback': [
        { op: 'set', path: ['sessions', i(planned.id), 'status'], value: 'held', after: ['status'] },
        { op: 'appendAll', path: ['sessions', i(planned.id), 'feedback'], values: [{ from: 'mentee', rating: 5 }], after: ['status'] },
      ],
      'move an agenda item': [{ op: 'move', path: ['sessions', i(held.id), 'agenda'], from: 0, to: 1 }],
      'remove an agenda item': [{ op: 'delete', path: ['sessions', i(held.id), 'agenda', 0] }],
    };
    for (const [name, ops] of Object.entries(plans)) {
      const { splices } = planEdits(LOG, ops, result.doc);
      const v = verdicts(LOG, splices);
      assert.deepEqual([v.shortcut, v.full], [true, true], name);
    }
  });

  const broken: Record<string, (text: string) => ChangedSpan[]> = {
    'an appended item at the wrong column': (text) => [{ start: text.length, end: text.length, insert: '- id: t-x\n  title: X\n  owner: mentee\n  status: open\n' }],
    'a key at column 0 between items': (text) => insertBefore(text, '  - id: t-0002', 'oops: 1\n'),
    'a key at the items\' column between items': (text) => insertBefore(text, '  - id: t-0002', '  oops: 1\n'),
    'a duplicate id': (text) => insertBefore(text, '  - id: t-0002', TASK('t-0004')),
    'a reference to a missing goal': (text) => insertBefore(text, '  - id: t-0002', TASK('t-x', '    goal: no-such-goal\n')),
    'a missing required field': (text) => insertBefore(text, '  - id: t-0002', '  - id: t-x\n    owner: mentee\n    status: open\n'),
    'an unknown status': (text) => replaceFirst(text, 'status: open', 'status: opened'),
    'an unclosed quote': (text) => replaceFirst(text, 'title: Rename', 'title: "Rename'),
    'an unclosed bracket': (text) => replaceFirst(text, 'links: [', 'links: [[x, '),
    'a duplicate key in an item': (text) => insertBefore(text, '    owner: mentee', '    owner: mentor\n'),
    'a sub-key indented too little': (text) => insertBefore(text, '    owner: mentee', '   due: 2026-01-01\n'),
    'a merge-conflict marker': (text) => insertBefore(text, '  - id: t-0002', '<<<<<<< HEAD\n'),
    'a tab as indentation': (text) => insertBefore(text, '    owner: mentee', '\tdue: 2026-01-01\n'),
    'a second document': (text) => insertBefore(text, '  - id: t-0002', '---\n'),
    'a document end before a top-level key': (text) => insertBefore(text, 'tasks:', '...\n'),
    'a line continuing the item before': (text) => insertBefore(text, '  - id: t-0002', '      more text\n'),
  };
  for (const [name, make] of Object.entries(broken)) {
    it(`says nothing is certain for ${name}, which the full parse refuses`, () => {
      const v = verdicts(LOG, make(LOG));
      assert.equal(v.full, false, `the full parse should find an error in:\n${v.after.slice(-400)}`);
      assert.equal(v.shortcut, false);
    });
  }

  it('leaves other layouts to the full parse', () => {
    const flow = 'version: 1\nagreement: { mentor: { name: A, handle: a }, mentee: { name: B, handle: b }, started: 2026-01-01, goals: [], expectations: { cadence: weekly } }\nsessions: []\ntasks: []\n';
    assert.ok(parse(flow).ok, parse(flow).diagnostics[0]?.message);
    const r = edit.addTask(flow, { title: 'x' }, { now: NOW });
    assert.ok(r.ok);
    const { result, data } = parseForEdit(flow);
    assert.ok(data);
    const { text, splices } = planEdits(flow, [{ op: 'append', path: ['tasks'], value: { id: 't-1', title: 'x', owner: 'mentee', status: 'open' } }], result.doc);
    assert.equal(editLeavesNoError(result, data, flow, text, splices), false, 'an empty flow list is not a block list');
    const aliased = LOG.replace('  - id: t-0000\n', '  - id: t-0000\n    x-ref: &t0 here\n    x-use: *t0\n');
    assert.ok(parse(aliased).ok);
    assert.equal(parseForEdit(aliased).data, undefined, 'a file with aliases keeps no data for the shortcut');
  });

  it('never says "no error" when the full parse finds one (random lines inserted into the lists)', function () {
    // Hundreds of full parses of a large log: about 20 s alone on 2 cores, more under load.
    this.timeout(120_000);
    const lineStarts = [...LOG.matchAll(/\n/g)].map((m) => (m.index as number) + 1).filter((i) => i > LOG.indexOf('\nsessions:'));
    const piece = fc.constantFrom('  - ', '    ', '  ', '', '      ', '- ');
    const body = fc.constantFrom('id: t-0001', 'id: t-zz', 'title: x', 'status: done', 'status: nope', 'goal: goal-0', 'goal: nope', 'session: nope',
      'owner: mentor', '"unclosed', '[a, b', '# comment', 'x-new: 1', 'links: [a]', 'rating: 9', 'from: mentee', 'tasks:', '- a', '|', '  more', '');
    const line = fc.tuple(piece, body).map(([p, b]) => `${p}${b}\n`);
    let shortcuts = 0;
    fc.assert(
      fc.property(fc.constantFrom(...lineStarts), fc.array(line, { minLength: 1, maxLength: 4 }), (at, lines) => {
        const v = verdicts(LOG, [{ start: at, end: at, insert: lines.join('') }]);
        if (v.shortcut) shortcuts++;
        assert.ok(!v.shortcut || v.full, `the shortcut accepted a broken file:\n${lines.join('')}`);
      }),
      { numRuns: 400, seed: 7 },
    );
    assert.ok(shortcuts > 10, `the shortcut was taken ${shortcuts} times`);
  });

  it('gives the same results as before through the operations', () => {
    const r1 = edit.addTask(LOG, { title: 'Read the retry module', owner: 'mentee', goal: 'goal-0' }, { now: NOW, random: () => 0.5 });
    const r2 = edit.addTask(LOG, { title: 'Read the retry module', owner: 'mentee', goal: 'goal-0' }, { now: NOW, random: () => 0.5, verify: false });
    assert.ok(r1.ok && r2.ok);
    assert.equal(r1.text, r2.text);
    assert.ok(parse(r1.text, { now: NOW }).ok);
  });
});
