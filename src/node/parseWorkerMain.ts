/**
 * The parse worker's entry (bundled by esbuild.mjs as dist/parseWorker.js; started by
 * `NodeParseWorker` in parseWorker.ts): each request's text parsed with the core's `parse`, the
 * result posted back as plain data; a named operation (core/edit/named.ts) run on its text, the
 * edit's result (the new text) posted back. A Document made here stays here (it cannot cross
 * threads): the worker's one-entry parse cache keeps it for the next edit of the same text.
 * `@vscode/l10n` is configured first with the bundle the host passed (`workerData.l10n`), so a
 * diagnostic made here reads as one made on the host.
 */
import * as l10n from '@vscode/l10n';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { isNamedEdit, runNamedEdit } from '../core/edit/named';
import { parse } from '../core/parse/index';
import type { WorkerParseResult } from '../editor/platform';
import type { ParseReply, ParseRequest, ParseWorkerData } from './parseWorker';

/** Answers every request arriving on `port`, in order. */
export function serveParses(port: MessagePort): void {
  port.on('message', (message: unknown) => {
    if (!isRequest(message)) return;
    let reply: ParseReply;
    try {
      if (message.edit !== undefined) {
        if (!isNamedEdit(message.edit)) throw new Error('not an operation this worker knows');
        reply = { id: message.id, edited: runNamedEdit(message.edit, message.text, new Date(message.now)) };
        port.postMessage(reply);
        return;
      }
      const r = parse(message.text, { now: new Date(message.now) });
      // Only the plain parts: reading `r.doc` would make the Document.
      const result: WorkerParseResult = r.model ? { ok: r.ok, model: r.model, diagnostics: r.diagnostics } : { ok: r.ok, diagnostics: r.diagnostics };
      reply = { id: message.id, result };
      port.postMessage(reply);
    } catch (err) {
      // parse never throws; a result that cannot be cloned would (DataCloneError): the host parses it itself.
      reply = { id: message.id, error: err instanceof Error ? err.message : String(err) };
      port.postMessage(reply);
    }
  });
}

function isRequest(x: unknown): x is ParseRequest {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.id === 'number' && typeof r.text === 'string' && typeof r.now === 'number';
}

/** Words the worker's messages from the host's bundle (none, or an odd one: English). */
export function configureWords(data: unknown): void {
  const bundle = (data as ParseWorkerData | null | undefined)?.l10n;
  if (typeof bundle === 'object' && bundle !== null) l10n.config({ contents: bundle });
}

if (parentPort) {
  configureWords(workerData);
  serveParses(parentPort);
}
