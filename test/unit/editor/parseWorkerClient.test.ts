/**
 * The parse worker's shared client (src/editor/parseWorkerClient.ts) and protocol
 * (src/editor/parseWorkerProtocol.ts), which the desktop's worker_threads worker and the browser's
 * Web Worker both use. The "worker" here is the protocol's own `serveParseRequest` answering on a
 * later turn with structured clones, as a real worker does (the real ones: test/unit/node/parseWorker.test.ts,
 * test/ui/webWorker.test.ts); around it, workers that answer badly, fail, or cannot start.
 */
import { strict as assert } from 'node:assert';
import { namedEdit, runNamedEdit } from '../../../src/core/edit/named';
import { clearParseCache, parse } from '../../../src/core/parse/index';
import type { WorkerParseResult } from '../../../src/editor/platform';
import { MAX_FAILURES, ParseWorkerClient, type StartWorker, type WorkerEvents, type WorkerLink, type WorkerLog } from '../../../src/editor/parseWorkerClient';
import { isParseReply, isParseRequest, serveParseRequest, type ParseReply, type ParseRequest } from '../../../src/editor/parseWorkerProtocol';
import { generateLog } from '../../fixtures/generate';

const NOW = new Date('2026-11-20T12:00:00Z');
const later = (): Promise<void> => new Promise((r) => setImmediate(r));

function inProcess(text: string): WorkerParseResult {
  clearParseCache();
  const r = parse(text, { now: NOW });
  return r.model ? { ok: r.ok, model: r.model, diagnostics: r.diagnostics } : { ok: r.ok, diagnostics: r.diagnostics };
}

/** A worker on this thread: each request cloned in, answered by the protocol on a later turn, the reply cloned out. */
class LocalWorker implements WorkerLink {
  posted: ParseRequest[] = [];
  terminated = false;
  /** Replaces the protocol's answer (a misbehaving worker); undefined answers as the protocol does. */
  answer: ((request: ParseRequest) => unknown) | undefined;
  constructor(readonly events: WorkerEvents) {}
  post(request: ParseRequest): void {
    const copy = structuredClone(request);
    this.posted.push(copy);
    void later().then(() => {
      if (this.terminated) return;
      if (this.answer) this.events.message(structuredClone(this.answer(copy)));
      else serveParseRequest(copy, (reply) => this.events.message(structuredClone(reply)));
    });
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(message: string): void {
    this.events.failed(new Error(message));
  }
}

/** Starts LocalWorkers (or what `how` says for the n-th start) and keeps them. */
function starter(how: (n: number, events: WorkerEvents) => WorkerLink | Promise<WorkerLink> | undefined = () => undefined) {
  const workers: LocalWorker[] = [];
  let starts = 0;
  const start: StartWorker = (events) => {
    const special = how(++starts, events);
    if (special) return special;
    const w = new LocalWorker(events);
    workers.push(w);
    return w;
  };
  return { start, workers, starts: () => starts };
}

function recordingLog(): WorkerLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), trace: (m) => lines.push(`trace ${m}`) };
}

const answer = (r: WorkerParseResult | 'stale'): WorkerParseResult => {
  assert.notEqual(r, 'stale');
  return r as WorkerParseResult;
};

describe('parse worker client (shared by the desktop and the browser)', function () {
  this.timeout(30_000);
  const text = generateLog({ sessions: 60, tasks: 200 });

  it('gives the in-process parse, and the in-process edit, through the worker; logs the first of each at info, the rest at trace', async () => {
    const s = starter();
    const log = recordingLog();
    const client = new ParseWorkerClient(s.start, { kind: 'Test Worker', log });
    assert.deepEqual(answer(await client.parse('a', text, NOW)), inProcess(text));
    assert.deepEqual(answer(await client.parse('a', text + '# more\n', NOW)), inProcess(text + '# more\n'));
    const open = inProcess(text).model?.tasks.find((t) => t.status === 'open');
    assert.ok(open);
    const done = namedEdit('completeTask', { task: open.id });
    const edited = await client.edit(text, done, NOW);
    assert.deepEqual(edited, runNamedEdit(done, text, NOW));
    assert.ok(edited.ok && edited.text.includes('status: done'));
    assert.equal(client.inFlight, 0);
    assert.equal(s.starts(), 1, 'one worker for all three');
    assert.deepEqual(log.lines.map((l) => l.replace(/\d+ ms/, 'N ms')), [
      'trace parse worker (Test Worker): started',
      `info parse worker (Test Worker): first parse of ${Math.round(text.length / 1024)} KB answered in N ms`,
      `trace parse worker (Test Worker): parse of ${Math.round(text.length / 1024)} KB answered in N ms`,
      `info parse worker (Test Worker): first edit completeTask of ${Math.round(text.length / 1024)} KB answered in N ms`,
    ]);
    client.dispose();
  });

  it("answers 'stale' for a parse overtaken by a newer one for the same key, never for another key or an edit", async () => {
    const s = starter();
    const client = new ParseWorkerClient(s.start, { kind: 'Test Worker' });
    const newer = text.replace('version: 1', 'version: 1 # typed');
    const first = client.parse('file', text, NOW);
    const other = client.parse('other', text, NOW);
    const edit = client.edit(text, namedEdit('completeTask', { task: 't-nope' }), NOW);
    const second = client.parse('file', newer, NOW);
    assert.equal(await first, 'stale');
    assert.deepEqual(answer(await other), inProcess(text));
    assert.equal((await edit).ok, false);
    assert.deepEqual(answer(await second), inProcess(newer));
    assert.deepEqual(answer(await client.parse('file', text, NOW)), inProcess(text), 'a later request after the answer is not stale');
    // Posted in the order asked, each with its own id.
    assert.deepEqual(s.workers[0]?.posted.map((p) => p.id), [1, 2, 3, 4, 5]);
    client.dispose();
  });

  it('rejects a request whose reply fails the protocol check (and ignores replies to nothing); the worker goes on', async () => {
    const s = starter();
    const client = new ParseWorkerClient(s.start, { kind: 'Test Worker' });
    await client.parse('warm', 'version: 1\n', NOW);
    const w = s.workers[0]!;
    const bad: unknown[] = [
      (id: number) => ({ id, result: { ok: true, diagnostics: [{ severity: 'fatal', code: 'x', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }] } }),
      (id: number) => ({ id, result: { ok: true, diagnostics: [{ severity: 'error', code: 'x', message: 'm', line: '1', column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }] } }),
      (id: number) => ({ id, result: { ok: 'yes', diagnostics: [] } }),
      (id: number) => ({ id, result: { ok: true, diagnostics: [] }, error: 'both' }),
      (id: number) => ({ id, edited: { ok: true, text: 42, warnings: [] } }),
      (id: number) => ({ id, edited: { ok: true, text: 'x', warnings: [1] } }),
      (id: number) => ({ id }),
    ];
    for (const make of bad as ((id: number) => unknown)[]) {
      w.answer = (req) => make(req.id);
      await assert.rejects(client.parse('a', text, NOW), /malformed reply/, JSON.stringify(make(0)));
    }
    // A reply to an id never asked, or with no id, settles nothing; the request still gets its real answer.
    w.answer = (req) => {
      setImmediate(() => serveParseRequest(req, (reply) => w.events.message(structuredClone(reply))));
      return { id: req.id + 1000, result: { ok: true, diagnostics: [] } };
    };
    const pending = client.parse('a', text, NOW);
    assert.deepEqual(answer(await pending), inProcess(text));
    w.answer = (req) => ({ id: req.id, error: 'not an operation this worker knows' });
    await assert.rejects(client.edit(text, namedEdit('completeTask', { task: 'x' }), NOW), /not an operation this worker knows/);
    w.answer = undefined;
    assert.deepEqual(answer(await client.parse('a', text, NOW)), inProcess(text));
    assert.equal(s.starts(), 1, 'a bad reply is not a failed worker');
    client.dispose();
  });

  it('rejects what a failed worker had in hand, starts a new one on the next request, and ignores the old one', async () => {
    const s = starter();
    const log = recordingLog();
    const client = new ParseWorkerClient(s.start, { kind: 'Test Worker', log });
    await client.parse('warm', 'version: 1\n', NOW);
    const old = s.workers[0]!;
    const a = client.parse('a', text, NOW);
    const b = client.edit(text, namedEdit('completeTask', { task: 'x' }), NOW);
    old.fail('the worker crashed');
    await assert.rejects(a, /crashed/);
    await assert.rejects(b, /crashed/);
    assert.equal(client.inFlight, 0);
    assert.ok(old.terminated, 'the failed worker is terminated');
    assert.ok(log.lines.some((l) => l === "warn parse worker (Test Worker) failed: the worker crashed; 2 request(s) left to the host's thread"), log.lines.join('\n'));
    const c = client.parse('a', text, NOW);
    old.fail('a late error of the old worker'); // ignored: not the current worker
    assert.deepEqual(answer(await c), inProcess(text));
    assert.equal(s.starts(), 2);
    client.dispose();
  });

  it(`rejects when the worker cannot start (a throw, a rejection), and after ${MAX_FAILURES} failures in a row starts none again`, async () => {
    const s = starter((n) => {
      if (n === 1) throw new Error('no Worker here');
      if (n === 2) return Promise.reject(new Error('script not readable'));
      if (n === 3) throw new Error('still no Worker');
      return undefined;
    });
    const log = recordingLog();
    const client = new ParseWorkerClient(s.start, { kind: 'Test Worker', log });
    await assert.rejects(client.parse('a', text, NOW), /no Worker here/);
    await assert.rejects(client.parse('a', text, NOW), /script not readable/);
    await assert.rejects(client.parse('a', text, NOW), /still no Worker/);
    await assert.rejects(client.parse('a', text, NOW), /failed too often/);
    await assert.rejects(client.edit(text, namedEdit('completeTask', { task: 'x' }), NOW), /failed too often/);
    assert.equal(s.starts(), MAX_FAILURES, 'not started again');
    assert.match(log.lines.at(-1) ?? '', /still no Worker; 1 request\(s\) left to the host's thread; not started again$/);
    client.dispose();
  });

  it('a success resets the count of failures in a row', async () => {
    let crash: LocalWorker | undefined;
    const s = starter();
    const client = new ParseWorkerClient(s.start, { kind: 'Test Worker' });
    for (let i = 0; i < MAX_FAILURES + 2; i++) {
      assert.deepEqual(answer(await client.parse('a', text, NOW)), inProcess(text));
      crash = s.workers.at(-1);
      crash?.fail(`crash ${i}`);
    }
    assert.equal(s.starts(), MAX_FAILURES + 2);
    client.dispose();
  });

  it('posts in the order asked while the start is still pending, and rejects only the request a post throws for', async () => {
    let release: (() => void) | undefined;
    let local: LocalWorker | undefined;
    const s = starter((_n, events) => new Promise<WorkerLink>((resolve) => {
      release = () => resolve((local = new LocalWorker(events)));
    }));
    const client = new ParseWorkerClient(s.start, { kind: 'Test Worker' });
    const texts = [10, 30, 50].map((sessions) => generateLog({ sessions, tasks: sessions * 2 }));
    const got = texts.map((t, i) => client.parse(`f${i}`, t, NOW));
    await later();
    assert.ok(release);
    release();
    const results = await Promise.all(got);
    results.forEach((r, i) => assert.equal(answer(r).model?.sessions.length, [10, 30, 50][i]));
    assert.deepEqual(local?.posted.map((p) => p.text.length), texts.map((t) => t.length));
    const post = local.post.bind(local);
    local.post = (request) => {
      if (request.text === 'cannot be cloned') throw new Error('DataCloneError');
      post(request);
    };
    await assert.rejects(client.parse('x', 'cannot be cloned', NOW), /DataCloneError/);
    assert.deepEqual(answer(await client.parse('x', texts[0]!, NOW)).model?.sessions.length, 10);
    client.dispose();
  });

  it('rejects what is in flight when disposed, terminates the worker, and refuses every later request', async () => {
    const s = starter();
    const client = new ParseWorkerClient(s.start, { kind: 'Test Worker' });
    const inFlight = client.parse('a', text, NOW);
    await later();
    client.dispose();
    await assert.rejects(inFlight, /disposed/);
    await later();
    assert.ok(s.workers[0]?.terminated);
    await assert.rejects(client.parse('a', text, NOW), /disposed/);
    await assert.rejects(client.edit(text, namedEdit('completeTask', { task: 'x' }), NOW), /disposed/);
    assert.equal(s.starts(), 1);
    client.dispose(); // twice is fine
  });
});

describe('parse worker protocol (both sides\' checks, the worker\'s answer)', () => {
  it('accepts a request with a positive whole id, a text and a finite clock; nothing else', () => {
    assert.ok(isParseRequest({ id: 1, text: '', now: 0 }));
    assert.ok(isParseRequest({ id: 7, text: 'x', now: NOW.getTime(), edit: { name: 'completeTask', args: { task: 't' } } }));
    for (const bad of [null, 'x', [], { id: 0, text: '', now: 0 }, { id: 1.5, text: '', now: 0 }, { id: 1, text: 1, now: 0 }, { id: 1, text: '', now: Number.NaN }, { id: 1, text: '' }]) {
      assert.equal(isParseRequest(bad), false, JSON.stringify(bad));
    }
  });

  it('accepts every reply the worker gives for the fixtures\' texts, errors and refusals included', () => {
    const replies: ParseReply[] = [];
    const good = generateLog({ sessions: 20, tasks: 40 });
    const broken = good.replace('status: open', 'status: [open');
    for (const t of [good, broken, 'version: 2\n', '']) serveParseRequest({ id: 1, text: t, now: NOW.getTime() }, (r) => replies.push(structuredClone(r)));
    serveParseRequest({ id: 2, text: good, now: NOW.getTime(), edit: namedEdit('addTask', { title: 'Read it', owner: 'mentee' }) }, (r) => replies.push(r));
    serveParseRequest({ id: 3, text: good, now: NOW.getTime(), edit: namedEdit('completeTask', { task: 't-nope' }) }, (r) => replies.push(r));
    assert.equal(replies.length, 6);
    assert.ok(replies.every(isParseReply), JSON.stringify(replies.filter((r) => !isParseReply(r))).slice(0, 500));
    assert.ok((replies[1] as { result: WorkerParseResult }).result.diagnostics.some((d) => d.severity === 'error'), 'the broken text has its error');
  });

  it('drops what is no request; answers an unknown operation, and a reply that cannot be sent, with an error', () => {
    const replies: ParseReply[] = [];
    serveParseRequest({ text: 'version: 1\n' }, (r) => replies.push(r));
    serveParseRequest('version: 1\n', (r) => replies.push(r));
    assert.equal(replies.length, 0, 'nothing posted');
    serveParseRequest({ id: 4, text: 'version: 1\n', now: 0, edit: { name: 'writeAnything', args: {} } }, (r) => replies.push(r));
    assert.deepEqual(replies.at(-1), { id: 4, error: 'not an operation this worker knows' });
    assert.equal(replies.length, 1);
    let first = true;
    serveParseRequest({ id: 5, text: 'version: 1\n', now: 0 }, (r) => {
      if (first) {
        first = false;
        throw new Error('DataCloneError: could not be cloned');
      }
      replies.push(r);
    });
    assert.deepEqual(replies.at(-1), { id: 5, error: 'DataCloneError: could not be cloned' });
  });
});
