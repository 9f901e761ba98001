/**
 * The desktop's parse worker (src/node/parseWorker.ts): the real bundle of dist/parseWorker.js
 * (esbuild.mjs's own options, built into a temp folder) in a real `worker_threads` worker. Its
 * result is the in-process parse's, on every fixture and the hostile corpus; a result overtaken
 * by a newer request for the same file is `'stale'`; a worker that cannot run rejects, so the
 * store parses in-process.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { namedEdit, runNamedEdit, type NamedEdit } from '../../../src/core/edit/named';
import { clearParseCache, parse } from '../../../src/core/parse/index';
import type { WorkerParseResult } from '../../../src/editor/platform';
import { NodeParseWorker } from '../../../src/node/parseWorker';
import { FIXTURES, ROOT } from '../../fixtures';
import { generateLog } from '../../fixtures/generate';

const NOW = new Date('2026-11-20T12:00:00Z');

/** The in-process parse, as plain data (what the worker hands over). */
function inProcess(text: string): WorkerParseResult {
  clearParseCache();
  const r = parse(text, { now: NOW });
  return r.model ? { ok: r.ok, model: r.model, diagnostics: r.diagnostics } : { ok: r.ok, diagnostics: r.diagnostics };
}

function answer(r: WorkerParseResult | 'stale'): WorkerParseResult {
  assert.notEqual(r, 'stale');
  return r as WorkerParseResult;
}

describe('parse worker (worker_threads)', function () {
  this.timeout(60_000);
  let dir = '';
  let script = '';
  let worker: NodeParseWorker;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-parse-worker-'));
    const { buildInto } = (await import(pathToFileURL(join(ROOT, 'esbuild.mjs')).href)) as {
      buildInto: (outfile: string, dir: string, extra?: object) => Promise<void>;
    };
    await buildInto('dist/parseWorker.js', dir, { logLevel: 'silent', sourcemap: false });
    script = join(dir, 'parseWorker.js');
  });
  beforeEach(() => {
    worker = new NodeParseWorker(script);
  });
  afterEach(() => worker.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the in-process result for the ten-year log: the same model and diagnostics', async () => {
    const text = generateLog({ sessions: 520, tasks: 3000 });
    const got = answer(await worker.parse('a', text, NOW));
    const want = inProcess(text);
    assert.ok(got.model, 'a model');
    assert.equal(got.model.tasks.length, 3000);
    assert.deepEqual(got, want);
    assert.equal(worker.inFlight, 0);
  });

  it('gives every fixture and every hostile file the in-process diagnostics (located the same)', async () => {
    const files = [
      ...readdirSync(FIXTURES).filter((f) => f.endsWith('.mentoring.yaml')).map((f) => join(FIXTURES, f)),
      ...readdirSync(join(FIXTURES, 'hostile')).filter((f) => f.endsWith('.yaml')).map((f) => join(FIXTURES, 'hostile', f)),
    ];
    assert.ok(files.length >= 25, `fixtures found: ${files.length}`);
    let errors = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const got = answer(await worker.parse(file, text, NOW));
      const want = inProcess(text);
      assert.deepEqual(got.diagnostics, want.diagnostics, file);
      assert.deepEqual(got, want, file);
      errors += want.diagnostics.filter((d) => d.severity === 'error').length;
    }
    assert.ok(errors > 10, 'the corpus has errors to locate');
  });

  it('locates an error in a bad text as the in-process parse does', async () => {
    const good = generateLog({ sessions: 60, tasks: 200 });
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.includes('status: open'));
    lines[at] = lines[at]!.replace('status: open', 'status: [open');
    const bad = lines.join('\n');
    const got = answer(await worker.parse('bad', bad, NOW));
    const want = inProcess(bad);
    assert.equal(got.ok, false);
    const error = got.diagnostics.find((d) => d.severity === 'error');
    assert.ok(error, 'an error');
    // yaml reports the unclosed bracket where the line after it begins.
    assert.ok(error.line === at + 1 || error.line === at + 2, `${error.code} at ${error.line}:${error.column}, edit on line ${at + 1}`);
    assert.deepEqual(got.diagnostics, want.diagnostics);
  });

  it('words its diagnostics from the bundle it is given (workerData), as the host words them with that bundle', async () => {
    const german = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    const text = generateLog({ sessions: 20, tasks: 40 }).replace(/^(\s+)goal: (\S+)$/m, '$1goal: $2x');
    const inGerman = new NodeParseWorker(script, { bundle: german });
    try {
      const got = answer(await inGerman.parse('de', text, NOW));
      l10n.config({ contents: german });
      let want: WorkerParseResult;
      try {
        want = inProcess(text);
      } finally {
        l10n.config({ contents: {} });
        clearParseCache();
      }
      const unknown = got.diagnostics.find((d) => d.code === 'unknown-goal');
      assert.match(unknown?.message ?? '', /^Kein Ziel hat die ID `\S+x` \(meinten Sie `\S+`\?\)/);
      assert.deepEqual(got, want);
    } finally {
      inGerman.dispose();
    }
    // A worker given no bundle speaks English.
    const english = answer(await worker.parse('en', text, NOW));
    assert.match(english.diagnostics.find((d) => d.code === 'unknown-goal')?.message ?? '', /^No goal has the id/);
  });

  it("answers 'stale' for a request overtaken by a newer one for the same file, not for another file", async () => {
    const older = generateLog({ sessions: 120, tasks: 400 });
    const newer = older.replace('version: 1', 'version: 1 # typed');
    const other = generateLog({ sessions: 20, tasks: 40 });
    const first = worker.parse('file', older, NOW);
    const elsewhere = worker.parse('other', other, NOW);
    const second = worker.parse('file', newer, NOW);
    assert.equal(await first, 'stale');
    assert.deepEqual(answer(await elsewhere), inProcess(other));
    assert.deepEqual(answer(await second), inProcess(newer));
    // A later request for that file after the answer is not stale.
    assert.deepEqual(answer(await worker.parse('file', older, NOW)), inProcess(older));
  });

  it('answers requests in flight in order, each with its own text', async () => {
    const texts = [10, 30, 50].map((sessions) => generateLog({ sessions, tasks: sessions * 2 }));
    const got = await Promise.all(texts.map((t, i) => worker.parse(`f${i}`, t, NOW)));
    got.forEach((g, i) => assert.equal(answer(g).model?.sessions.length, [10, 30, 50][i]));
  });

  it('runs a named operation on the text as in-process: the same new text; refusals the same', async () => {
    const text = generateLog({ sessions: 520, tasks: 3000 });
    const open = inProcess(text).model?.tasks.find((t) => t.status === 'open');
    assert.ok(open);
    const done = namedEdit('completeTask', { task: open.id });
    const got = await worker.edit(text, done, NOW);
    const want = runNamedEdit(done, text, NOW);
    assert.ok(got.ok && want.ok);
    assert.equal(got.text, want.text);
    assert.match(got.text, new RegExp(`id: ${open.id}\\n(.*\\n){0,6}?\\s+status: done`));
    const missing = namedEdit('completeTask', { task: 't-nope' });
    assert.deepEqual(await worker.edit(text, missing, NOW), runNamedEdit(missing, text, NOW));
    await assert.rejects(worker.edit(text, { name: 'writeAnything', args: {} } as unknown as NamedEdit, NOW), /not an operation/);
    // The worker still answers after a refused request.
    assert.equal(answer(await worker.parse('a', text, NOW)).model?.tasks.length, 3000);
  });

  it('runs the rarer operations by name as in-process too: accept, set a key, review threads, close', async () => {
    const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
    const key = await identityToRecipient(await generateX25519Identity());
    let text = generateLog({ sessions: 120, tasks: 400 });
    const same = async (edit: NamedEdit): Promise<string> => {
      const got = await worker.edit(text, edit, NOW);
      const want = runNamedEdit(edit, text, NOW);
      assert.ok(got.ok && want.ok, `${edit.name}: ${got.ok ? '' : got.message} ${want.ok ? '' : want.message}`);
      assert.equal(got.text, want.text, edit.name);
      assert.notEqual(got.text, text, `${edit.name} changed the text`);
      return got.text;
    };
    text = await same(namedEdit('acceptAgreement', { role: 'mentee', date: '2026-11-20' }));
    text = await same(namedEdit('setKey', { role: 'mentor', key }));
    // A new thread's id is random: the worker's is taken, and every later step runs on its text both ways.
    const added = await worker.edit(text, namedEdit('addThread', { file: 'src/a.ts', line: 2, lines: ['one', 'two', 'three'], author: 'Ana', body: 'Could we name this?' }), NOW);
    assert.ok(added.ok && added.id, added.ok ? '' : added.message);
    text = added.text;
    assert.ok(inProcess(text).model?.threads?.some((t) => t.id === added.id), 'the thread is in the text');
    text = await same(namedEdit('replyToThread', { thread: added.id, author: 'Ben', body: 'Yes, renamed.' }));
    text = await same(namedEdit('moveThreads', { moves: [{ thread: added.id, line: 3 }], lines: ['zero', 'one', 'two', 'three'] }));
    text = await same(namedEdit('setThreadStatus', { thread: added.id, status: 'resolved' }));
    const tasked = await worker.edit(text, namedEdit('threadToTask', { thread: added.id, title: 'Name it', owner: 'mentee' }), NOW);
    assert.ok(tasked.ok, tasked.ok ? '' : tasked.message);
    text = await same(namedEdit('deleteThread', { thread: added.id }));
    const goals = (inProcess(text).model?.agreement.goals ?? []).filter((g) => g.status === 'active');
    text = await same(namedEdit('closeMentorship', { by: 'mentor', outcomes: goals.map((g) => ({ goal: g.id, status: 'achieved' as const, why: 'done' })), on: '2026-11-20' }));
    await same(namedEdit('addFinalFeedback', { from: 'mentee', valuable: 'the reviews' }));
  });

  it('rejects when the worker cannot run, and after it is disposed (the store parses in-process then)', async () => {
    const missing = new NodeParseWorker(join(dir, 'no-such-worker.js'));
    await assert.rejects(missing.parse('a', 'version: 1\n', NOW));
    missing.dispose();
    const text = generateLog({ sessions: 120, tasks: 400 });
    const inFlight = worker.parse('a', text, NOW);
    worker.dispose();
    await assert.rejects(inFlight, /disposed/);
    await assert.rejects(worker.parse('a', text, NOW), /disposed/);
  });
});
