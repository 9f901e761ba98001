/**
 * The desktop parse worker's entry (bundled by esbuild.mjs as dist/parseWorker.js; started by
 * `NodeParseWorker` in parseWorker.ts): every message answered by the protocol's
 * `serveParseRequest` (src/editor/parseWorkerProtocol.ts), as the browser's Web Worker does. A
 * Document made here stays here (it cannot cross threads): the worker's one-entry parse cache keeps
 * it for the next edit of the same text.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { serveParseRequest } from '../editor/parseWorkerProtocol';

/** Answers every request arriving on `port`, in order. */
export function serveParses(port: MessagePort): void {
  port.on('message', (message: unknown) => serveParseRequest(message, (reply) => port.postMessage(reply)));
}

if (parentPort) serveParses(parentPort);
