/**
 * The desktop parse worker's entry (bundled by esbuild.mjs as dist/parseWorker.js; started by
 * `NodeParseWorker` in parseWorker.ts): every message answered by the protocol's
 * `serveParseRequest` (src/editor/parseWorkerProtocol.ts), as the browser's Web Worker does. A
 * Document made here stays here (it cannot cross threads): the worker's one-entry parse cache keeps
 * it for the next edit of the same text. The host's l10n bundle, in `workerData`, words its
 * messages first (`configureWorkerWords`).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { configureWorkerWords, serveParseRequest } from '../editor/parseWorkerProtocol';

/** Answers every request arriving on `port`, in order. */
export function serveParses(port: MessagePort): void {
  port.on('message', (message: unknown) => serveParseRequest(message, (reply) => port.postMessage(reply)));
}

if (parentPort) {
  configureWorkerWords(workerData);
  serveParses(parentPort);
}
