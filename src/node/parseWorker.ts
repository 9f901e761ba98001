/**
 * The desktop's parse worker (`Platform.parseWorker`, src/editor/platform.ts): a `worker_threads`
 * worker running dist/parseWorker.js (`parseWorkerMain.ts`), so a large file's parse never blocks
 * the extension host's thread. Only the start is here; the requests, their answers ('stale' ones
 * included) and failures are the shared client's (src/editor/parseWorkerClient.ts), on the protocol
 * of src/editor/parseWorkerProtocol.ts. The host's l10n bundle, when given (`bundle`), goes in
 * `workerData`, so the worker words its diagnostics in the editor's language.
 */
import { Worker } from 'node:worker_threads';
import { ParseWorkerClient, type StartWorker, type WorkerLog } from '../editor/parseWorkerClient';
import type { ParseWorkerWords } from '../editor/parseWorkerProtocol';

export class NodeParseWorker extends ParseWorkerClient {
  /**
   * `script`: the worker's bundle (dist/parseWorker.js); `execArgv` for tests that run it from sources;
   * `bundle`: the l10n bundle its messages are worded from (`vscode.l10n.bundle`; none: English).
   */
  constructor(script: string, options: { execArgv?: string[]; log?: WorkerLog; bundle?: Record<string, string> | undefined } = {}) {
    super(startThread(script, options.execArgv, options.bundle), { kind: 'worker_threads', ...(options.log ? { log: options.log } : {}) });
  }
}

function startThread(script: string, execArgv: string[] | undefined, bundle: Record<string, string> | undefined): StartWorker {
  return (events) => {
    const workerData: ParseWorkerWords | undefined = bundle ? { l10n: bundle } : undefined;
    const worker = new Worker(script, { ...(execArgv ? { execArgv } : {}), workerData });
    // Never keeps a process alive by itself (the CLI, a test run); the extension disposes it.
    worker.unref();
    worker.on('message', (reply: unknown) => events.message(reply));
    worker.on('messageerror', (err) => events.failed(err));
    worker.on('error', (err) => events.failed(err));
    worker.on('exit', (code) => events.failed(new Error(`the parse worker exited (code ${code})`)));
    return { post: (request) => worker.postMessage(request), terminate: () => void worker.terminate() };
  };
}
