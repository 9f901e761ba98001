/**
 * The parse worker's messages, both ways, and the worker's half of it: one protocol for the
 * desktop's `worker_threads` worker (src/node/parseWorkerMain.ts) and the browser's Web Worker
 * (src/web/parseWorkerMain.ts). The host (`ParseWorkerClient`, parseWorkerClient.ts) posts a text
 * and a clock, or a text and a named edit (core/edit/named.ts); the worker answers with plain data:
 * the parse's result (the model and the diagnostics, no Document), the edit's, or why it could give
 * neither. Each side checks what it receives (`isParseRequest`, `isParseReply`) and drops anything
 * else. No `vscode`, no Node built-ins: both worker bundles and the web extension include it.
 * Before its first request a worker is handed the host's l10n bundle (`ParseWorkerWords`: the
 * desktop's in `workerData`, the browser's as its first message), so the diagnostics and refusals
 * it words read as the host's own parse would word them, in the editor's language.
 */
import * as l10n from '@vscode/l10n';
import { isNamedEdit, runNamedEdit, type NamedEdit } from '../core/edit/named';
import type { EditResult } from '../core/edit/runner';
import { parse } from '../core/parse/index';
import type { WorkerParseResult } from './platform';

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

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The host's words for the worker: its l10n bundle (`vscode.l10n.bundle`), when the editor is not in English. */
export interface ParseWorkerWords {
  l10n: Record<string, string>;
}

/** `{ l10n: bundle }` with every entry a string: no id, so it is never taken for a request. */
export function isParseWorkerWords(x: unknown): x is ParseWorkerWords {
  return isObject(x) && !('id' in x) && isObject(x.l10n) && Object.values(x.l10n).every((v) => typeof v === 'string');
}

/** Words this worker's messages from `data` when it is the host's bundle (`ParseWorkerWords`); anything else leaves them English. Says whether it did. */
export function configureWorkerWords(data: unknown): boolean {
  if (!isParseWorkerWords(data)) return false;
  l10n.config({ contents: data.l10n });
  return true;
}
const isId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);
const POSITION_KEYS = ['line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset'] as const;

/** A request as the worker accepts it: an id, a text, a finite clock; an `edit`, when there, is checked by name where it is run. */
export function isParseRequest(x: unknown): x is ParseRequest {
  return isObject(x) && isId(x.id) && typeof x.text === 'string' && typeof x.now === 'number' && Number.isFinite(x.now);
}

function isDiagnostic(x: unknown): boolean {
  return isObject(x) && SEVERITIES.has(x.severity) && typeof x.code === 'string' && typeof x.message === 'string'
    && POSITION_KEYS.every((k) => typeof x[k] === 'number' && Number.isInteger(x[k]) && x[k] >= 0);
}

/** A parse result as the host accepts it from a worker (or from the desktop's parse cache): every diagnostic checked. */
export function isWorkerParseResult(x: unknown): x is WorkerParseResult {
  return isObject(x) && typeof x.ok === 'boolean' && (x.model === undefined || isObject(x.model))
    && Array.isArray(x.diagnostics) && x.diagnostics.every(isDiagnostic);
}

function isEditResult(x: unknown): x is EditResult {
  if (!isObject(x)) return false;
  if (x.ok === false) return typeof x.message === 'string';
  return x.ok === true && typeof x.text === 'string' && (x.id === undefined || typeof x.id === 'string')
    && Array.isArray(x.warnings) && x.warnings.every((w) => typeof w === 'string');
}

/**
 * A reply as the host accepts it: an id and exactly one of a parse result (every diagnostic with
 * its severity, code, message and whole-number positions), an edit result, or an error's text.
 */
export function isParseReply(x: unknown): x is ParseReply {
  if (!isObject(x) || !isId(x.id)) return false;
  const kinds = ['result', 'edited', 'error'].filter((k) => k in x);
  if (kinds.length !== 1) return false;
  if (kinds[0] === 'error') return typeof x.error === 'string';
  return kinds[0] === 'edited' ? isEditResult(x.edited) : isWorkerParseResult(x.result);
}

/** The id of a message that claims to answer a request (valid or not), so a malformed answer still settles its request. */
export function replyId(x: unknown): number | undefined {
  return isObject(x) && isId(x.id) ? x.id : undefined;
}

/**
 * The worker's answer to one message, handed to `post` (its port's `postMessage`): a message that
 * is no request is dropped; an edit by a name no operation has is answered with an error, as is a
 * result `post` cannot send (a DataCloneError), so the host parses that text itself.
 */
export function serveParseRequest(message: unknown, post: (reply: ParseReply) => void): void {
  if (!isParseRequest(message)) return;
  try {
    if (message.edit !== undefined) {
      if (!isNamedEdit(message.edit)) throw new Error('not an operation this worker knows');
      post({ id: message.id, edited: runNamedEdit(message.edit, message.text, new Date(message.now)) });
      return;
    }
    const r = parse(message.text, { now: new Date(message.now) });
    // Only the plain parts: reading `r.doc` would make the Document.
    const result: WorkerParseResult = r.model ? { ok: r.ok, model: r.model, diagnostics: r.diagnostics } : { ok: r.ok, diagnostics: r.diagnostics };
    post({ id: message.id, result });
  } catch (err) {
    post({ id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
}
