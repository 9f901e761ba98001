/**
 * The browser parse worker's entry (bundled by esbuild.mjs as dist/web/parseWorker.js, one classic
 * script: VS Code's nested worker loads it with `importScripts`; started by `WebParseWorker` in
 * parseWorker.ts): every message answered by the protocol's `serveParseRequest`
 * (src/editor/parseWorkerProtocol.ts), as the desktop's worker_threads worker does; a first message
 * of the host's l10n bundle words its messages.
 */
import { configureWorkerWords, serveParseRequest } from '../editor/parseWorkerProtocol';

/** The dedicated worker's global scope, as far as it is used here (no DOM types in this repository's tsconfig). */
interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  importScripts?: unknown;
}

/** Answers every request posted to `scope`, in order. */
export function serveWorker(scope: WorkerScope): void {
  scope.onmessage = (event) => {
    // The host's l10n bundle comes first (WebParseWorker); every other message is a request.
    if (configureWorkerWords(event.data)) return;
    serveParseRequest(event.data, (reply) => scope.postMessage(reply));
  };
}

// Only a worker has importScripts: loaded anywhere else (a bundle check), the module does nothing.
const scope = globalThis as unknown as WorkerScope;
if (typeof scope.importScripts === 'function') serveWorker(scope);
