/**
 * The desktop's parse worker (`Platform.parseWorker`, src/editor/platform.ts): a `worker_threads`
 * worker running dist/parseWorker.js (`parseWorkerMain.ts`), so a large file's parse never blocks
 * the extension host's thread. The host posts the text and the checks' clock; the worker answers
 * with the result as plain data (`WorkerParseResult`: the model and the diagnostics, no Document).
 * It also runs the sidebar's operations by name (`edit`, core/edit/named.ts), so a click on a large
 * file makes yaml's Document there, not on the host.
 * Requests carry a key (the file): a result that comes back after a newer request for the same key
 * was made is `'stale'`, and the store discards it. A worker that fails or exits rejects what it had
 * in hand (the store parses those in-process) and is started again on the next request; after
 * `MAX_FAILURES` in a row it is not started again.
 * The worker is handed the host's l10n bundle (`bundle`, in `workerData`) and configures
 * `@vscode/l10n` with it before its first parse, so the diagnostics it makes are in the editor's
 * language, as the host's own parse would make them.
 */
import { Worker } from 'node:worker_threads';
import type { NamedEdit } from '../core/edit/named';
import type { EditResult } from '../core/edit/runner';
import type { ParseWorker, WorkerParseResult } from '../editor/platform';

/** What the host posts: a text to parse, or to edit by a named operation (`edit`). */
export interface ParseRequest {
  id: number;
  text: string;
  /** The checks' (or the edit's) clock, in milliseconds since the epoch. */
  now: number;
  edit?: NamedEdit;
}

/** What the worker answers: the parse's result, the edit's, or why it could not give one. */
export type ParseReply = { id: number; result: WorkerParseResult } | { id: number; edited: EditResult } | { id: number; error: string };

/** What the worker is started with (`workerData`): the host's l10n bundle, when the editor is not in English. */
export interface ParseWorkerData {
  l10n?: Record<string, string>;
}

/** Failures in a row (a crash, a worker that would not start) after which no worker is started again. */
const MAX_FAILURES = 3;

interface Pending {
  /** The file of a parse; undefined for an edit (never stale). */
  key?: string;
  resolve: (result: WorkerParseResult | EditResult | 'stale') => void;
  reject: (err: Error) => void;
}

export class NodeParseWorker implements ParseWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Per key, the id of the latest request. */
  private readonly latest = new Map<string, number>();
  private failures = 0;
  private disposed = false;

  /**
   * `script`: the worker's bundle (dist/parseWorker.js); `execArgv` for tests that run it from sources;
   * `bundle`: the l10n bundle its messages are worded from (`vscode.l10n.bundle`; none: English).
   */
  constructor(
    private readonly script: string,
    private readonly options: { execArgv?: string[]; bundle?: Record<string, string> | undefined } = {},
  ) {}

  parse(key: string, text: string, now: Date): Promise<WorkerParseResult | 'stale'> {
    if (this.disposed) return Promise.reject(new Error('the parse worker was disposed'));
    if (this.failures >= MAX_FAILURES) return Promise.reject(new Error('the parse worker failed too often'));
    const worker = this.start();
    const id = this.nextId++;
    this.latest.set(key, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { key, resolve: resolve as Pending['resolve'], reject });
      const request: ParseRequest = { id, text, now: now.getTime() };
      worker.postMessage(request);
    });
  }

  edit(text: string, edit: NamedEdit, now: Date): Promise<EditResult> {
    if (this.disposed) return Promise.reject(new Error('the parse worker was disposed'));
    if (this.failures >= MAX_FAILURES) return Promise.reject(new Error('the parse worker failed too often'));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      const request: ParseRequest = { id, text, now: now.getTime(), edit };
      worker.postMessage(request);
    });
  }

  /** Requests posted and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the parse worker was disposed'));
    void worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const workerData: ParseWorkerData = this.options.bundle ? { l10n: this.options.bundle } : {};
    const worker = new Worker(this.script, this.options.execArgv ? { execArgv: this.options.execArgv, workerData } : { workerData });
    // Never keeps a process alive by itself (the CLI, a test run); the extension disposes it.
    worker.unref();
    worker.on('message', (reply: unknown) => this.answer(reply));
    worker.on('error', (err) => this.failed(worker, err));
    worker.on('exit', (code) => this.failed(worker, new Error(`the parse worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: unknown): void {
    if (!isReply(reply)) return;
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    const latest = pending.key === undefined || this.latest.get(pending.key) === reply.id;
    if (latest && pending.key !== undefined) this.latest.delete(pending.key);
    if ('error' in reply) {
      pending.reject(new Error(reply.error));
      return;
    }
    this.failures = 0;
    if ('edited' in reply) pending.resolve(reply.edited);
    else pending.resolve(latest ? reply.result : 'stale');
  }

  private failed(worker: Worker, err: Error): void {
    if (this.worker !== worker) return; // an earlier worker, or disposed
    this.worker = undefined;
    this.failures++;
    this.failAll(err);
    void worker.terminate();
  }

  private failAll(err: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.latest.clear();
    for (const p of pending) p.reject(err);
  }
}

function isReply(x: unknown): x is ParseReply {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  if (typeof r.id !== 'number') return false;
  if (typeof r.error === 'string') return true;
  const edited = r.edited as Record<string, unknown> | undefined;
  if (typeof edited === 'object' && edited !== null) return typeof edited.ok === 'boolean';
  const result = r.result as Record<string, unknown> | undefined;
  return typeof result === 'object' && result !== null && typeof result.ok === 'boolean' && Array.isArray(result.diagnostics);
}
