/**
 * The host's side of a parse worker (`Platform.parseWorker`, platform.ts), shared by the desktop's
 * `worker_threads` worker (src/node/parseWorker.ts) and the browser's Web Worker
 * (src/web/parseWorker.ts): each of those only says how to start its worker (`StartWorker`); the
 * requests, their answers and failures are handled here, on the protocol of parseWorkerProtocol.ts.
 * Requests carry a key (the file): a result that comes back after a newer request for the same key
 * was made is `'stale'`, and the store discards it. A reply that fails the protocol's check rejects
 * its request. A worker that fails (it cannot start, an error event, an exit) rejects what it had
 * in hand (the store parses those in-process) and is started again on the next request; after
 * `MAX_FAILURES` in a row it is not started again. No `vscode`, no Node built-ins.
 */
import type { NamedEdit } from '../core/edit/named';
import type { EditResult } from '../core/edit/runner';
import type { ParseWorker, WorkerParseResult } from './platform';
import { isParseReply, replyId, type ParseRequest } from './parseWorkerProtocol';

/** What a started worker reports to the client. */
export interface WorkerEvents {
  /** A message from the worker, unchecked. */
  message(data: unknown): void;
  /** The worker failed (an error event, an exit, a message that could not be read): it is not used again. */
  failed(err: Error): void;
}

/** A started worker, as the client uses it. */
export interface WorkerLink {
  post(request: ParseRequest): void;
  terminate(): void;
}

/** Starts one worker whose events go to `events`; throws or rejects when it cannot. */
export type StartWorker = (events: WorkerEvents) => WorkerLink | Promise<WorkerLink>;

/** Where the client says what its worker did (the "Mentoring" log channel: a `vscode.LogOutputChannel` fits). */
export interface WorkerLog {
  info(message: string): void;
  warn(message: string): void;
  trace(message: string): void;
}

export const SILENT_LOG: WorkerLog = { info: () => undefined, warn: () => undefined, trace: () => undefined };

/** Failures in a row (a crash, a worker that would not start) after which no worker is started again. */
export const MAX_FAILURES = 3;

interface Pending {
  /** The file of a parse; undefined for an edit (never stale). */
  key?: string;
  /** What was asked, for the log: `parse of 41 KB`, `edit addAgendaItem`. */
  what: string;
  sent: number;
  resolve: (result: WorkerParseResult | EditResult | 'stale') => void;
  reject: (err: Error) => void;
}

/** One started worker; events of an earlier one are ignored. */
interface Generation {
  link: Promise<WorkerLink>;
  firstParse: boolean;
  firstEdit: boolean;
}

export interface ParseWorkerClientOptions {
  /** What the worker is, for the log: `worker_threads`, `Web Worker`. */
  kind: string;
  log?: WorkerLog;
}

export class ParseWorkerClient implements ParseWorker {
  private current: Generation | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Per key, the id of the latest request. */
  private readonly latest = new Map<string, number>();
  private failures = 0;
  private disposed = false;
  private readonly log: WorkerLog;

  constructor(
    private readonly start: StartWorker,
    private readonly options: ParseWorkerClientOptions,
  ) {
    this.log = options.log ?? SILENT_LOG;
  }

  parse(key: string, text: string, now: Date): Promise<WorkerParseResult | 'stale'> {
    return this.send({ text, now: now.getTime() }, key, `parse of ${kb(text)}`) as Promise<WorkerParseResult | 'stale'>;
  }

  edit(text: string, edit: NamedEdit, now: Date): Promise<EditResult> {
    return this.send({ text, now: now.getTime(), edit }, undefined, `edit ${edit.name} of ${kb(text)}`) as Promise<EditResult>;
  }

  /** Requests posted and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const gen = this.current;
    this.current = undefined;
    this.failAll(new Error('the parse worker was disposed'));
    if (gen) terminate(gen);
  }

  private send(request: Omit<ParseRequest, 'id'>, key: string | undefined, what: string): Promise<WorkerParseResult | EditResult | 'stale'> {
    if (this.disposed) return Promise.reject(new Error('the parse worker was disposed'));
    if (this.failures >= MAX_FAILURES) return Promise.reject(new Error('the parse worker failed too often'));
    const gen = this.generation();
    const id = this.nextId++;
    if (key !== undefined) this.latest.set(key, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { ...(key !== undefined ? { key } : {}), what, sent: Date.now(), resolve, reject });
      // Posted in the order asked: every request waits on the same start.
      gen.link.then(
        (link) => {
          if (!this.pending.has(id)) return; // failed or disposed meanwhile
          try {
            link.post({ id, ...request });
          } catch (err) {
            this.settle(id)?.reject(err instanceof Error ? err : new Error(String(err)));
          }
        },
        () => undefined, // the start failed: failed() rejected it
      );
    });
  }

  private generation(): Generation {
    if (this.current) return this.current;
    const gen = { firstParse: true, firstEdit: true } as Generation;
    const events: WorkerEvents = {
      message: (data) => {
        if (this.current === gen) this.answer(gen, data);
      },
      failed: (err) => this.failed(gen, err),
    };
    gen.link = (async () => this.start(events))();
    this.current = gen;
    gen.link.then(
      () => this.log.trace(`parse worker (${this.options.kind}): started`),
      (err: unknown) => this.failed(gen, err instanceof Error ? err : new Error(String(err))),
    );
    return gen;
  }

  private answer(gen: Generation, reply: unknown): void {
    const id = replyId(reply);
    if (id === undefined || !this.pending.has(id)) return;
    const pending = this.settle(id);
    if (!pending) return;
    if (!isParseReply(reply)) {
      pending.reject(new Error('the parse worker sent a malformed reply'));
      return;
    }
    if ('error' in reply) {
      pending.reject(new Error(reply.error));
      return;
    }
    this.failures = 0;
    const first = 'edited' in reply ? gen.firstEdit : gen.firstParse;
    if ('edited' in reply) gen.firstEdit = false;
    else gen.firstParse = false;
    // The first answer of each kind per worker at info (the log shows the worker is in use), the rest at trace.
    const line = `parse worker (${this.options.kind}): ${first ? 'first ' : ''}${pending.what} answered in ${Date.now() - pending.sent} ms`;
    if (first) this.log.info(line);
    else this.log.trace(line);
    if ('edited' in reply) pending.resolve(reply.edited);
    else pending.resolve(pending.stale ? 'stale' : reply.result);
  }

  /** Takes request `id` out of the pending ones; marks it stale when a newer request for its key was made. */
  private settle(id: number): (Pending & { stale: boolean }) | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    const latest = pending.key === undefined || this.latest.get(pending.key) === id;
    if (latest && pending.key !== undefined) this.latest.delete(pending.key);
    return { ...pending, stale: !latest };
  }

  private failed(gen: Generation, err: Error): void {
    if (this.current !== gen) return; // an earlier worker, or disposed
    this.current = undefined;
    this.failures++;
    this.log.warn(`parse worker (${this.options.kind}) failed: ${err.message}; ${this.pending.size} request(s) left to the host's thread${this.failures >= MAX_FAILURES ? '; not started again' : ''}`);
    this.failAll(err);
    terminate(gen);
  }

  private failAll(err: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.latest.clear();
    for (const p of pending) p.reject(err);
  }
}

function terminate(gen: Generation): void {
  gen.link.then((link) => link.terminate(), () => undefined);
}

function kb(text: string): string {
  return `${Math.round(text.length / 1024)} KB`;
}
