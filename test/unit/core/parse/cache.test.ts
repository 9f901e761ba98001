/**
 * The parse memo in core/parse/index.ts: an edit of the text just parsed reuses that parse. These tests
 * show that it is used, that what it serves is exactly what a fresh parse gives (for any
 * options), and that nothing that reads a parse changes it.
 */
import * as assert from 'node:assert/strict';
import { addAgendaItem, addFeedback, addTask, cancelSession, completeTask, endSession, moveAgendaItem, planSession, reopenTask, startSession } from '../../../../src/core/edit/index';
import type { EditResult } from '../../../../src/core/edit/index';
import { clearParseCache, parse, parseForEdit } from '../../../../src/core/parse/index';
import { feedbackTrend, nextSession, overdueTasks, runningSession, tasksByOwner } from '../../../../src/core/queries';
import { buildViewState, carryForward } from '../../../../src/core/views/sidebar';
import { sessionSummary } from '../../../../src/core/summary';
import { addThread, replyToThread, setThreadStatus } from '../../../../src/core/edit';
import { generateLog } from '../../../fixtures/generate';

const NOW = new Date('2026-11-20T12:00:00Z');
const EARLY = new Date('2016-09-20T12:00:00Z');
const LOG = generateLog({ sessions: 12, tasks: 30 });

/** The same characters in another string object (as the editor's `getText()` hands out). */
const copyOf = (s: string): string => new TextDecoder().decode(new TextEncoder().encode(s));

const ctx = (seed = 1): { now: Date; random: () => number; utcOffsetMinutes: number } => {
  let x = seed;
  return { now: NOW, utcOffsetMinutes: 60, random: () => ((x = (x * 16807) % 2147483647) / 2147483647) };
};

/** Each edit the sidebar and the commands make, on `text`. */
function edits(text: string): Record<string, () => EditResult> {
  const model = parse(text, { now: NOW, checks: false }).model;
  assert.ok(model);
  const planned = model.sessions.filter((s) => s.status === 'planned');
  const held = model.sessions.filter((s) => s.status === 'held');
  const open = model.tasks.find((t) => t.status === 'open');
  const done = model.tasks.find((t) => t.status === 'done');
  const p0 = planned[0];
  const p1 = planned[1];
  const h = held[held.length - 1];
  assert.ok(p0 && p1 && h && open && done);
  return {
    addTask: () => addTask(text, { title: 'Read the retry module', owner: 'mentee', due: '2026-12-01' }, ctx()),
    completeTask: () => completeTask(text, { task: open.id }, ctx()),
    reopenTask: () => reopenTask(text, { task: done.id }, ctx()),
    planSession: () => planSession(text, { at: '2026-12-03T15:00:00+01:00', topic: 'Tests', agenda: ['one'] }, ctx()),
    startSession: () => startSession(text, { session: p0.id }, ctx()),
    endSession: () => endSession(text, { session: p0.id, feedback: { from: 'mentee', rating: 4 } }, ctx()),
    cancelSession: () => cancelSession(text, { session: p1.id, by: 'mentor', reason: 'ill' }, ctx()),
    addFeedback: () => addFeedback(text, { session: h.id, from: 'mentor', rating: 5 }, ctx()),
    addAgendaItem: () => addAgendaItem(text, { session: p0.id, text: 'Follow up' }, ctx()),
    moveAgendaItem: () => moveAgendaItem(text, { session: p0.id, from: 0, to: 1 }, ctx()),
    addThread: () => addThread(text, { file: 'src/a.ts', line: 2, lines: ['a', 'b', 'c'], author: 'Ana', body: 'Why?' }, ctx()),
  };
}

describe('parse memo (an edit reuses the parse of the text just parsed)', () => {
  beforeEach(() => clearParseCache());
  after(() => clearParseCache());

  it('serves the parse of an equal text, even another string object, and only that text', () => {
    const first = parse(LOG, { now: NOW });
    const again = parse(copyOf(LOG), { now: NOW });
    assert.ok(first.doc && first.model);
    assert.equal(again.doc, first.doc, 'the same Document: not parsed again');
    assert.equal(again.model, first.model);
    assert.equal(parseForEdit(copyOf(LOG), { now: NOW, checks: false }).result.doc, first.doc);

    const other = parse(`${LOG}# one more line\n`, { now: NOW });
    assert.notEqual(other.doc, first.doc, 'another text is parsed');
    assert.notEqual(parse(LOG, { now: NOW }).doc, first.doc, 'one entry only: the other text replaced it');

    clearParseCache();
    assert.notEqual(parse(LOG, { now: NOW }).doc, first.doc, 'cleared: parsed afresh');
  });

  it('gives what a fresh parse gives, for every clock and option, in any order', () => {
    const fresh = (now: Date, options: { checks?: boolean; maxBytes?: number } = {}): unknown => {
      clearParseCache();
      const r = parse(copyOf(LOG), { now, ...options });
      clearParseCache();
      return JSON.parse(JSON.stringify({ ...r, doc: r.doc?.toString() }));
    };
    const expected = {
      now: fresh(NOW),
      early: fresh(EARLY),
      noChecks: fresh(NOW, { checks: false }),
      tooLarge: fresh(NOW, { maxBytes: 1000 }),
    };
    assert.notDeepEqual(expected.now, expected.early, 'the fixture has warnings that depend on the clock');
    assert.notDeepEqual(expected.now, expected.noChecks);

    const served = (now: Date, options: { checks?: boolean; maxBytes?: number } = {}): unknown => {
      const r = parse(LOG, { now, ...options });
      return JSON.parse(JSON.stringify({ ...r, doc: r.doc?.toString() }));
    };
    parse(LOG, { now: NOW });
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(served(EARLY), expected.early);
      assert.deepEqual(served(NOW, { checks: false }), expected.noChecks);
      assert.deepEqual(served(NOW), expected.now);
      assert.deepEqual(served(NOW, { maxBytes: 1000 }), expected.tooLarge, 'the size limit applies per call');
    }
  });

  it('serves broken texts the same as a fresh parse', () => {
    const broken = [
      LOG.replace('version: 1', 'version: 1\nversion: 2'),
      LOG.replace('tasks:', 'tasks:\n  - { id: "unclosed'),
      LOG.replace(/status: open/, 'status: opened'),
      `${LOG}<<<<<<< HEAD\n`,
      '',
      '- a list\n',
    ];
    for (const text of broken) {
      clearParseCache();
      const fresh = parse(text, { now: NOW });
      const served = parse(copyOf(text), { now: NOW });
      // A Document with errors cannot be written back out: compare what it holds instead.
      const plain = (r: typeof fresh): unknown => ({ ...r, doc: r.doc && (r.doc.errors.length > 0 ? r.doc.errors.map((e) => e.message) : r.doc.toString()) });
      assert.deepEqual(plain(served), plain(fresh));
      assert.equal(fresh.ok, false, text.slice(-40));
    }
  });

  it('an edit of the text just parsed writes byte for byte what it writes on a cold parse', () => {
    const cold = edits(LOG);
    for (const [name, edit] of Object.entries(cold)) {
      clearParseCache();
      const expected = edit();
      assert.ok(expected.ok, `${name}: ${JSON.stringify(expected)}`);
      parse(copyOf(LOG), { now: NOW }); // the store's parse, for diagnostics and the sidebar
      assert.deepEqual(edit(), expected, name);
      parse(copyOf(LOG), { now: NOW, checks: false });
      assert.deepEqual(edits(copyOf(LOG))[name]?.(), expected, name);
    }
  });

  it('hands out copies of diagnostics, and a model that cannot be changed', () => {
    const first = parse(LOG, { now: NOW });
    const d = first.diagnostics.find((x) => x.path && x.data);
    assert.ok(d);
    const before = JSON.stringify(parse(LOG, { now: NOW }).diagnostics);
    d.message = 'changed';
    d.path?.push('x');
    d.data = { changed: true };
    first.diagnostics.length = 0;
    assert.equal(JSON.stringify(parse(LOG, { now: NOW }).diagnostics), before);

    const model = first.model;
    assert.ok(model);
    assert.ok(Object.isFrozen(model) && Object.isFrozen(model.sessions) && Object.isFrozen(model.tasks[0]) && Object.isFrozen(model.agreement.goals));
    assert.throws(() => (model.tasks as unknown[]).push({}), TypeError);
    assert.throws(() => {
      (model.sessions[0] as { status: string }).status = 'cancelled';
    }, TypeError);
    const { data } = parseForEdit(LOG, { now: NOW, checks: false });
    assert.ok(data && Object.isFrozen(data.plain) && Object.isFrozen(data.plain.tasks));
  });

  it('nothing that reads a parse changes it: edits, the sidebar, queries, summaries', () => {
    const withThread = addThread(LOG, { file: 'src/a.ts', line: 2, lines: ['a', 'b', 'c'], author: 'Ana', body: 'Why?' }, ctx());
    assert.ok(withThread.ok && withThread.id);
    const text = withThread.text;
    const threadId = withThread.id;
    // Each step reads the parse the store just made of `text` (served from the memo, as in the
    // editor), then that parse must be as it was.
    const steps: Record<string, () => unknown> = {
      ...edits(text),
      replyToThread: () => assert.ok(replyToThread(text, { thread: threadId, author: 'Ben', body: 'Because.' }, ctx()).ok),
      setThreadStatus: () => assert.ok(setThreadStatus(text, { thread: threadId, status: 'resolved' }, ctx()).ok),
    };
    for (const [name, step] of Object.entries(steps)) {
      const shared = parse(copyOf(text), { now: NOW });
      const { model, doc } = shared;
      assert.ok(model && doc);
      const snapshot = (): string[] => [JSON.stringify(model), doc.toString(), JSON.stringify(doc.toJS()), JSON.stringify(shared.diagnostics)];
      const before = snapshot();

      const state = buildViewState({ file: { label: 'log.yaml', result: shared }, now: NOW, privateLabel: 'private', role: 'mentee', notes: [] });
      assert.equal(state.kind, 'ready');
      for (const s of model.sessions) {
        sessionSummary(model, s.id);
        carryForward(model.tasks, s, '2026-11-20');
      }
      overdueTasks(model, NOW);
      tasksByOwner(model);
      feedbackTrend(model);
      nextSession(model, NOW);
      runningSession(model);
      assert.equal(parseForEdit(text, { now: NOW, checks: false }).result.doc, doc, `${name}: the edit is served this parse`);
      const result = step();
      if (result && typeof result === 'object' && 'ok' in result) assert.ok(result.ok, name);

      assert.deepEqual(snapshot(), before, name);
    }
  });
});
