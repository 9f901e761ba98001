/**
 * The desktop's parse worker (`Platform.parseWorker`, src/editor/platform.ts): a `worker_threads`
 * worker running dist/parseWorker.js (`parseWorkerMain.ts`), so a large file's parse never blocks
 * the extension host's thread. Only the start is here; the requests, their answers ('stale' ones
 * included) and failures are the shared client's (src/editor/parseWorkerClient.ts), on the protocol
 * of src/editor/parseWorkerProtocol.ts.
 */
import { Worker } from 'node:worker_threads';
import { ParseWorkerClient, type StartWorker, type WorkerLog } from '../editor/parseWorkerClient';

export class NodeParseWorker extends ParseWorkerClient {
  /** `script`: the worker's bundle (dist/parseWorker.js); `execArgv` for tests that run it from sources. */
  constructor(script: string, options: { execArgv?: string[]; log?: WorkerLog } = {}) {
    super(startThread(script, options.execArgv), { kind: 'worker_threads', ...(options.log ? { log: options.log } : {}) });
  }
}

function startThread(script: string, execArgv: string[] | undefined): StartWorker {
  return (events) => {
    const worker = new Worker(script, execArgv ? { execArgv } : {});
    // Never keeps a process alive by itself (the CLI, a test run); the extension disposes it.
    worker.unref();
    worker.on('message', (reply: unknown) => events.message(reply));
    worker.on('messageerror', (err) => events.failed(err));
    worker.on('error', (err) => events.failed(err));
    worker.on('exit', (code) => events.failed(new Error(`the parse worker exited (code ${code})`)));
    return { post: (request) => worker.postMessage(request), terminate: () => void worker.terminate() };
  };
}
