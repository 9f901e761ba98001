/**
 * The browser's parse worker (`Platform.parseWorker`, src/editor/platform.ts): a Web Worker
 * running dist/web/parseWorker.js (`parseWorkerMain.ts`), started from inside the web extension
 * host, which is itself a web worker. VS Code's host lets an extension start such a nested worker:
 * its `Worker` makes a Blob URL whose script `importScripts` the given URL, so the bundle is a
 * classic script (esbuild.mjs: `iife`); a `file:` URL is turned into the browser's, and a
 * `vscode-remote:` one (an extension installed on a server: code-server, Codespaces) is refused
 * with an error. So the start tries the script's own URL first (vscode.dev, github.dev: the
 * extension is served over https) and, when that throws, the script's bytes read through VS Code
 * (`readScript`) as a Blob URL of this origin. When neither starts, or the worker reports an error,
 * the shared client (src/editor/parseWorkerClient.ts) rejects and the store parses in place.
 * No `vscode` here (src/web/extension.ts gives the URL and the reader); no DOM types in this
 * repository's tsconfig, so the little of the Worker API used is declared below.
 */
import { ParseWorkerClient, type StartWorker, type WorkerLog } from '../editor/parseWorkerClient';
import type { ParseWorkerWords } from '../editor/parseWorkerProtocol';

/** The part of a Web Worker used here. */
export interface WebWorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
}

export type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorkerLike;

export interface WebParseWorkerOptions {
  /** The worker bundle's URL (`<extensionUri>/dist/web/parseWorker.js`, as a string). */
  url: string;
  /** Its bytes, read through VS Code (`workspace.fs.readFile`), for the Blob URL fallback. */
  readScript: () => Promise<Uint8Array>;
  log?: WorkerLog;
  /** The host's l10n bundle (`vscode.l10n.bundle`), posted first so the worker words its messages in the editor's language; none: English. */
  bundle?: Record<string, string> | undefined;
  /** The global `Worker` unless given (tests); absent where there is none. */
  Worker?: WebWorkerConstructor | undefined;
}

const NAME = 'mentoring-parse-worker';

export class WebParseWorker extends ParseWorkerClient {
  constructor(options: WebParseWorkerOptions) {
    super(startWebWorker(options), { kind: 'Web Worker', ...(options.log ? { log: options.log } : {}) });
  }
}

/** The global Worker constructor of this scope, if any. */
export function globalWorker(): WebWorkerConstructor | undefined {
  const w = (globalThis as { Worker?: unknown }).Worker;
  return typeof w === 'function' ? (w as WebWorkerConstructor) : undefined;
}

export function startWebWorker(options: WebParseWorkerOptions): StartWorker {
  return async (events) => {
    const Ctor = 'Worker' in options ? options.Worker : globalWorker();
    if (!Ctor) throw new Error('this extension host has no Worker');
    let worker: WebWorkerLike;
    let blobUrl: string | undefined;
    try {
      worker = new Ctor(options.url, { name: NAME });
    } catch (byUrl) {
      // A vscode-remote: script (or a URL this origin may not load): the same script from its bytes.
      const bytes = await options.readScript();
      blobUrl = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
      try {
        worker = new Ctor(blobUrl, { name: NAME });
      } catch (byBlob) {
        URL.revokeObjectURL(blobUrl);
        throw new Error(`the Web Worker could not start from ${options.url} (${message(byUrl)}) nor from its text (${message(byBlob)})`, { cause: byBlob });
      }
      options.log?.info(`parse worker (Web Worker): started from the text of ${options.url} (not by its URL here: ${message(byUrl)})`);
    }
    if (blobUrl === undefined) options.log?.info(`parse worker (Web Worker): started from ${options.url}`);
    worker.onmessage = (event) => events.message(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.(); // handled: the store parses in place
      events.failed(new Error(event.message || 'the Web Worker reported an error (its script did not load or threw)'));
    };
    worker.onmessageerror = () => events.failed(new Error('a message from the Web Worker could not be read'));
    // A worker handles its messages in order: the words are in place before the first request.
    if (options.bundle) worker.postMessage({ l10n: options.bundle } satisfies ParseWorkerWords);
    return {
      post: (request) => worker.postMessage(request),
      terminate: () => {
        worker.terminate();
        if (blobUrl !== undefined) URL.revokeObjectURL(blobUrl);
      },
    };
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
