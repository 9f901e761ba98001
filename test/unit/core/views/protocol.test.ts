/**
 * The host/webview protocol: one valid example of every webview message, and the malformed
 * variants an untrusted webview could send (wrong types, extra keys, oversized text, negative or
 * fractional indexes, bad ids and dates, unknown types, non-objects), each refused with a reason.
 */
import * as assert from 'node:assert/strict';
import { HostMessage, WebviewMessageSchemas, parseHostMessage, parseWebviewMessage, type WebviewMessageType } from '../../../../src/core/views/protocol';

/** One valid message per type; the `satisfies` keeps this list complete when a type is added. */
const VALID = {
  ready: { type: 'ready' },
  rendered: { type: 'rendered', ms: 123.4, tasks: 3000 },
  setUp: { type: 'setUp' },
  pickFile: { type: 'pickFile' },
  openFile: { type: 'openFile', line: 3, column: 7 },
  openLink: { type: 'openLink', link: 'src/billing/retry.ts#L42' },
  planSession: { type: 'planSession', requestId: 1, at: '2026-12-03T15:00', topic: 'Naming', agenda: ['One', 'Two'] },
  announceTopic: { type: 'announceTopic', requestId: 2, session: '2026-12-03', topic: 'Naming things' },
  startSession: { type: 'startSession', requestId: 3, session: 's-1' },
  endSession: { type: 'endSession', requestId: 4, session: 's-1' },
  addAgendaItem: { type: 'addAgendaItem', requestId: 5, session: 's-1', text: 'Walk through the loop' },
  editAgendaItem: { type: 'editAgendaItem', requestId: 6, session: 's-1', index: 0, text: 'Changed' },
  moveAgendaItem: { type: 'moveAgendaItem', requestId: 7, session: 's-1', from: 2, to: 0 },
  removeAgendaItem: { type: 'removeAgendaItem', requestId: 8, session: 's-1', index: 1 },
  carryForward: { type: 'carryForward', requestId: 9, session: 's-1', task: 't-7f3a' },
  addTask: { type: 'addTask', requestId: 10, title: 'Read the retry loop', owner: 'mentee', due: '2026-12-01', linkSelection: true },
  completeTask: { type: 'completeTask', requestId: 11, task: 't-7f3a' },
  dropTask: { type: 'dropTask', requestId: 12, task: 't-7f3a', reason: 'Not needed' },
  reopenTask: { type: 'reopenTask', requestId: 13, task: 't-7f3a' },
  setTaskDue: { type: 'setTaskDue', requestId: 14, task: 't-7f3a', due: '2026-12-24' },
  submitFeedback: { type: 'submitFeedback', requestId: 15, session: 's-1', from: 'mentor', rating: 5, valuable: 'Pairing', change: 'More time' },
  addNote: { type: 'addNote', requestId: 16, text: 'Ask about the incident', session: 's-1' },
  exportNotes: { type: 'exportNotes' },
  raiseConcern: { type: 'raiseConcern', question: 'We agreed to cancel at least 1 day ahead; what would help us keep to that?' },
  acceptAgreement: { type: 'acceptAgreement' },
  addQuestion: { type: 'addQuestion', requestId: 17, session: 's-1', question: 'goal-due.g1', text: 'Our goal "Ship it" is due on 2 December. How close does it feel?' },
  addToCalendar: { type: 'addToCalendar', session: 's-1' },
} satisfies Record<WebviewMessageType, Record<string, unknown>>;

function rejected(raw: unknown, reason?: RegExp): void {
  const r = parseWebviewMessage(raw);
  assert.equal(r.ok, false, `should be refused: ${JSON.stringify(raw)?.slice(0, 200)}`);
  if (!r.ok && reason) assert.match(r.reason, reason);
}

const long = (n: number): string => 'x'.repeat(n);

describe('protocol: webview → host', () => {
  it('covers every message type the schemas define', () => {
    assert.deepEqual(Object.keys(VALID).sort(), Object.keys(WebviewMessageSchemas).sort());
  });

  for (const [type, message] of Object.entries(VALID)) {
    describe(type, () => {
      it('accepts a valid message and returns it unchanged', () => {
        const r = parseWebviewMessage(message);
        assert.ok(r.ok, r.ok ? '' : r.reason);
        assert.deepEqual(r.message, message);
      });

      it('refuses an extra key, naming it', () => {
        rejected({ ...message, extra: 1 }, /unexpected "extra"/);
        rejected({ ...message, __proto__: { polluted: true }, constructor: 'x' });
      });

      it('refuses a wrong type for each field', () => {
        for (const key of Object.keys(message).filter((k) => k !== 'type')) {
          const value = (message as Record<string, unknown>)[key];
          const wrong = typeof value === 'string' ? 42 : typeof value === 'number' ? '42' : typeof value === 'boolean' ? 'yes' : 'not a list';
          rejected({ ...message, [key]: wrong }, new RegExp(`at ${key}`));
          rejected({ ...message, [key]: null }, new RegExp(`at ${key}`));
        }
      });

      if ('requestId' in message) {
        it('refuses a missing, negative or fractional requestId', () => {
          const { requestId: _, ...without } = message as Record<string, unknown>;
          rejected(without, /requestId/);
          rejected({ ...message, requestId: -1 }, /requestId/);
          rejected({ ...message, requestId: 1.5 }, /requestId/);
          rejected({ ...message, requestId: Number.MAX_SAFE_INTEGER + 2 }, /requestId/);
        });
      }
    });
  }

  it('refuses unknown types and non-objects', () => {
    rejected({ type: 'bogus' }, /\(bogus\)/);
    rejected({ type: 'READY' });
    rejected({}, /\(object\)/);
    rejected({ type: 42 });
    for (const raw of [null, undefined, 'ready', 42, true, [], [{ type: 'ready' }], () => undefined]) rejected(raw);
  });

  it('keeps the logged reason short even for a huge unknown type', () => {
    const r = parseWebviewMessage({ type: long(100_000) });
    assert.equal(r.ok, false);
    if (!r.ok) assert.ok(r.reason.length < 200, r.reason);
  });

  it('refuses oversized text: short fields over 500, long fields over 20,000, notes over 20,000', () => {
    assert.ok(parseWebviewMessage({ ...VALID.addAgendaItem, text: long(500) }).ok);
    rejected({ ...VALID.addAgendaItem, text: long(501) }, /at text/);
    rejected({ ...VALID.addTask, title: long(501) }, /at title/);
    rejected({ ...VALID.openLink, link: long(501) }, /at link/);
    rejected({ ...VALID.planSession, topic: long(501) }, /at topic/);
    rejected({ ...VALID.dropTask, reason: long(501) }, /at reason/);
    assert.ok(parseWebviewMessage({ ...VALID.submitFeedback, valuable: long(20_000) }).ok);
    rejected({ ...VALID.submitFeedback, valuable: long(20_001) }, /at valuable/);
    rejected({ ...VALID.submitFeedback, change: long(20_001) }, /at change/);
    rejected({ ...VALID.addNote, text: long(20_001) }, /at text/);
    rejected({ ...VALID.addQuestion, text: long(20_001) }, /at text/);
    rejected({ ...VALID.addQuestion, text: '  ' }, /at text/);
    rejected({ ...VALID.addQuestion, question: '../team.x' }, /at question/);
    rejected({ ...VALID.addQuestion, question: long(201) }, /at question/);
    rejected({ ...VALID.planSession, agenda: Array.from({ length: 101 }, () => 'item') }, /at agenda/);
    rejected({ ...VALID.planSession, agenda: ['ok', long(501)] }, /at agenda\.1/);
  });

  it('refuses blank required text (after trimming)', () => {
    rejected({ ...VALID.addAgendaItem, text: '   ' }, /at text/);
    rejected({ ...VALID.addTask, title: '' }, /at title/);
    rejected({ ...VALID.announceTopic, topic: ' \n ' }, /at topic/);
    rejected({ ...VALID.addNote, text: '\t' }, /at text/);
    rejected({ ...VALID.planSession, agenda: ['ok', '  '] }, /at agenda/);
  });

  it('refuses negative, fractional and huge indexes', () => {
    rejected({ ...VALID.editAgendaItem, index: -1 }, /at index/);
    rejected({ ...VALID.removeAgendaItem, index: 0.5 }, /at index/);
    rejected({ ...VALID.moveAgendaItem, from: -3 }, /at from/);
    rejected({ ...VALID.moveAgendaItem, to: 100_001 }, /at to/);
    rejected({ ...VALID.removeAgendaItem, index: Number.NaN }, /at index/);
    rejected({ ...VALID.removeAgendaItem, index: Infinity }, /at index/);
  });

  it('refuses ids that are not ids (paths, spaces, empty, too long)', () => {
    for (const bad of ['', ' s-1', '../x', 'a/b', '-leading', 'has space', long(201), 's-1\n']) {
      rejected({ ...VALID.startSession, session: bad }, /at session/);
      rejected({ ...VALID.completeTask, task: bad }, /at task/);
    }
  });

  it('refuses malformed dates, times, roles and ratings', () => {
    for (const due of ['2026-1-1', '01.12.2026', '2026-12-01T00:00', '']) rejected({ ...VALID.setTaskDue, due }, /at due/);
    for (const at of ['2026-12-03', '2026-12-03 15:00', 'tomorrow', '2026-12-03T15:00+0100']) rejected({ ...VALID.planSession, at }, /at at/);
    assert.ok(parseWebviewMessage({ ...VALID.planSession, at: '2026-12-03T15:00:00.5+01:00' }).ok);
    rejected({ ...VALID.addTask, owner: 'boss' }, /at owner/);
    rejected({ ...VALID.submitFeedback, from: 'someone' }, /at from/);
    for (const rating of [0, 6, 3.5, -1]) rejected({ ...VALID.submitFeedback, rating }, /at rating/);
    rejected({ ...VALID.openFile, line: 0 }, /at line/);
    rejected({ ...VALID.openFile, column: -2 }, /at column/);
    rejected({ ...VALID.rendered, ms: -1 }, /at ms/);
    rejected({ ...VALID.rendered, tasks: 1.5 }, /at tasks/);
  });

  it('accepts the optional fields absent', () => {
    for (const message of [
      { type: 'openFile' },
      { type: 'planSession', requestId: 0, at: '2026-12-03T15:00:00Z' },
      { type: 'addTask', requestId: 0, title: 'T', owner: 'mentor' },
      { type: 'dropTask', requestId: 0, task: 't' },
      { type: 'submitFeedback', requestId: 0, session: 's' },
      { type: 'addNote', requestId: 0, text: 'n' },
    ]) {
      const r = parseWebviewMessage(message);
      assert.ok(r.ok, r.ok ? '' : r.reason);
    }
  });
});

describe('protocol: host → webview', () => {
  it('accepts every state kind and a result', () => {
    for (const state of [{ kind: 'loading' }, { kind: 'empty' }, { kind: 'empty', files: 3 }]) assert.ok(parseHostMessage({ type: 'state', state }).ok);
    const broken = { kind: 'broken', file: 'f', error: { severity: 'error', code: 'schema', message: 'm', line: 2, column: 3 }, errorCount: 1 };
    assert.ok(parseHostMessage({ type: 'state', state: broken }).ok);
    assert.ok(parseHostMessage({ type: 'result', requestId: 4, ok: false, message: 'why' }).ok);
    assert.ok(HostMessage.safeParse({ type: 'result', requestId: 4, ok: true }).success);
  });

  it('refuses malformed host messages', () => {
    for (const raw of [
      { type: 'state', state: { kind: 'nope' } },
      { type: 'state', state: { kind: 'broken', file: 'f', error: { severity: 'error', code: 'c', message: 'm', line: 0, column: 1 }, errorCount: 1 } },
      { type: 'state', state: { kind: 'empty', extra: true } },
      { type: 'state', state: { kind: 'empty', files: -1 } },
      { type: 'result', requestId: -1, ok: true },
      { type: 'result', requestId: 1, ok: 'yes' },
      { type: 'toast', text: 'hi' },
      'state',
      null,
    ]) {
      const r = parseHostMessage(raw);
      assert.equal(r.ok, false, JSON.stringify(raw));
    }
  });

  it('feedback says which fields are sealed, opened or not, and who can read them; anything else is refused', () => {
    const ready = (sealed: unknown): unknown => ({
      type: 'state',
      state: {
        kind: 'ready', file: 'f', mentor: 'Ana', mentee: 'Ben', now: '2026-11-20T12:00:00.000Z', carryForward: [], tasks: [], goals: [], warnings: [], trend: [], notes: [], privateLabel: 'p',
        feedback: [{ session: 's1', sessionAt: '2026-11-19T15:00:00Z', from: 'mentee', ...(sealed === undefined ? {} : { sealed }) }],
      },
    });
    assert.ok(parseHostMessage(ready(undefined)).ok);
    assert.ok(parseHostMessage(ready([{ field: 'valuable', opened: false, readers: 'Ana (mentor) and Ben (mentee)' }])).ok);
    for (const bad of [
      [{ field: 'notes', opened: false, readers: 'Ana' }],
      [{ field: 'rating', opened: 'no', readers: 'Ana' }],
      [{ field: 'rating', opened: true, readers: 'Ana', armor: '-----BEGIN AGE ENCRYPTED FILE-----' }],
      [{ field: 'rating', opened: true, readers: long(2001) }],
      [1, 2, 3, 4].map(() => ({ field: 'change', opened: true, readers: 'Ana' })),
    ]) assert.equal(parseHostMessage(ready(bad)).ok, false, JSON.stringify(bad).slice(0, 200));
  });
});
