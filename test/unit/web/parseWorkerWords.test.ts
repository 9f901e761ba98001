/**
 * The browser's parse worker words its messages from the host's l10n bundle: `WebParseWorker`
 * (src/web/parseWorker.ts) posts the bundle first, and the worker's entry (`serveWorker`,
 * src/web/parseWorkerMain.ts) configures `@vscode/l10n` with it before it answers a request. The
 * "Web Worker" is a constructor whose scope runs the real entry on this thread, messages
 * structured-cloned on a later turn as a real worker's are (the real one: test/ui/webWorker.test.ts).
 */
import * as l10n from '@vscode/l10n';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearParseCache } from '../../../src/core/parse/index';
import type { WorkerParseResult } from '../../../src/editor/platform';
import { configureWorkerWords, isParseWorkerWords } from '../../../src/editor/parseWorkerProtocol';
import { WebParseWorker, type WebWorkerConstructor, type WebWorkerLike } from '../../../src/web/parseWorker';
import { serveWorker } from '../../../src/web/parseWorkerMain';

const ROOT = join(__dirname, '..', '..', '..');
const NOW = new Date('2026-11-20T12:00:00Z');
const later = (): Promise<void> => new Promise((r) => setImmediate(r));
const TEXT = 'version: 1\nagreement:\n  mentor: Ada\n  mentee: Ben\ngoals:\n  - id: g1\n    title: Learn\ntasks:\n  - id: t1\n    title: Read\n    goal: g1x\n';

/** Every message the page's side posted to its worker, in order. */
let received: unknown[] = [];

function fakeWorker(): WebWorkerConstructor {
  return class implements WebWorkerLike {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: { message?: string }) => void) | null = null;
    onmessageerror: ((event: unknown) => void) | null = null;
    private readonly scope = {
      onmessage: null as ((event: { data: unknown }) => void) | null,
      postMessage: (reply: unknown) => void later().then(() => this.onmessage?.({ data: structuredClone(reply) })),
    };
    constructor() {
      serveWorker(this.scope);
    }
    postMessage(message: unknown): void {
      received.push(message);
      void later().then(() => this.scope.onmessage?.({ data: structuredClone(message) }));
    }
    terminate(): void {}
  };
}

function unknownGoal(r: WorkerParseResult | 'stale'): string {
  assert.notEqual(r, 'stale');
  return (r as WorkerParseResult).diagnostics.find((d) => d.code === 'unknown-goal')?.message ?? '';
}

describe('the browser parse worker speaks the host language', () => {
  afterEach(() => {
    l10n.config({ contents: {} });
    clearParseCache();
    received = [];
  });

  it('posts the bundle before the first request, and the worker words its diagnostics with it', async () => {
    const german = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    const worker = new WebParseWorker({ url: 'file:///x.js', readScript: () => Promise.resolve(new Uint8Array()), bundle: german, Worker: fakeWorker() });
    try {
      const message = unknownGoal(await worker.parse('de', TEXT, NOW));
      assert.match(message, /^Kein Ziel hat die ID `g1x`/);
      assert.ok(isParseWorkerWords(received[0]), 'the bundle went first');
      assert.equal(received.length, 2);
    } finally {
      worker.dispose();
    }
  });

  it('posts nothing extra without a bundle, and the worker speaks English', async () => {
    const worker = new WebParseWorker({ url: 'file:///x.js', readScript: () => Promise.resolve(new Uint8Array()), Worker: fakeWorker() });
    try {
      assert.match(unknownGoal(await worker.parse('en', TEXT, NOW)), /^No goal has the id `g1x`/);
      assert.equal(received.length, 1);
    } finally {
      worker.dispose();
    }
  });

  it('takes only a bundle of strings with no id as words: a request or an odd object is not', () => {
    assert.equal(configureWorkerWords({ id: 1, l10n: {} }), false);
    assert.equal(configureWorkerWords({ l10n: { a: 1 } }), false);
    assert.equal(configureWorkerWords({ l10n: [] }), false);
    assert.equal(configureWorkerWords(null), false);
    assert.equal(configureWorkerWords({ l10n: { Hello: 'Hallo' } }), true);
    assert.equal(l10n.t('Hello'), 'Hallo');
  });
});
