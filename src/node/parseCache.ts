/**
 * The desktop's parse cache (`Platform.parseCache`, src/editor/platform.ts): the last parse of the
 * current mentoring file, kept in VS Code's storage for the workspace (`ExtensionContext.storageUri`,
 * never a workspace folder), so at the next start the store can show that file's state before the
 * workspace search has found it and the parse worker has parsed it (src/editor/store.ts,
 * `startFromCache`). The store still reads and parses the file as before and replaces the kept
 * state with its own; the kept one only comes first.
 *
 * What is kept is what the parse worker returns (the model and the diagnostics: the file's own
 * content, its sealed fields still sealed; no private note, no key, nothing opened), in one file
 * written atomically (a temporary file, then a rename), serialized by V8 (as a worker's reply
 * crosses threads: every number, `undefined` and -0 as they were). It is used only for exactly the
 * same text (its SHA-256 and length) on the same day (the agreement's checks depend on the date), by the same build of the extension (`build`: its version and
 * its bundle's modification time), the same V8 and the same display language (the diagnostics'
 * words); anything else, a file larger than `MAX_CACHE_BYTES`, or one that does not read back as a
 * parse result, is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { isWorkerParseResult } from '../editor/parseWorkerProtocol';
import type { KeptParse, ParseCache, WorkerParseResult } from '../editor/platform';
import { readLocalFile } from './platform';

/** The cache file's name in the storage folder. */
export const CACHE_FILE = 'parse-cache.v8';
/** A kept parse larger than this is not read (a mentoring file is at most 5 MB). */
export const MAX_CACHE_BYTES = 32 * 1024 * 1024;
const FORMAT = 1;

interface Stored {
  format: number;
  build: string;
  v8: string;
  language: string;
  uri: string;
  length: number;
  sha256: string;
  /** The local date the parse was made on (its checks depend on it). */
  day: string;
  result: WorkerParseResult;
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A parse cache in `folder` (created on the first write). `build` and `language` are part of every
 * entry's identity: a kept parse of another build or in another language is never used.
 */
export class NodeParseCache implements ParseCache {
  private readonly file: string;
  private readonly identity: Pick<Stored, 'format' | 'build' | 'v8' | 'language'>;
  /** The text and day last written, so the same state is not written again. */
  private kept: string | undefined;
  /** Writes, one after another (a slow write is never overtaken by the next). */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(readonly folder: string, build: string, language: string) {
    this.file = join(folder, CACHE_FILE);
    this.identity = { format: FORMAT, build, v8: process.versions.v8, language };
  }

  async read(): Promise<KeptParse | undefined> {
    const stored = await this.load();
    if (!stored) return undefined;
    return {
      uri: stored.uri,
      resultOf: (text, day) => {
        if (day !== stored.day || text.length !== stored.length || digest(text) !== stored.sha256) return undefined;
        return stored.result;
      },
    };
  }

  write(uri: string, text: string, result: WorkerParseResult, day: string): Promise<boolean> {
    const next = this.writing.then(() => this.writeNow(uri, text, result, day));
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writeNow(uri: string, text: string, result: WorkerParseResult, day: string): Promise<boolean> {
    const sha256 = digest(text);
    if (`${sha256} ${day}` === this.kept) return false;
    const plain: WorkerParseResult = result.model ? { ok: result.ok, model: result.model, diagnostics: result.diagnostics } : { ok: result.ok, diagnostics: result.diagnostics };
    const stored: Stored = { ...this.identity, uri, length: text.length, sha256, day, result: plain };
    const bytes = serialize(stored);
    if (bytes.length > MAX_CACHE_BYTES) return false;
    await mkdir(this.folder, { recursive: true });
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, this.file);
      this.kept = `${sha256} ${day}`;
      return true;
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  /** The stored entry when it is one of this build, V8 and language; undefined for anything else. */
  private async load(): Promise<Stored | undefined> {
    // None yet, unreadable, not a regular file or too large: a miss.
    const bytes = await readLocalFile(this.file, MAX_CACHE_BYTES);
    if (!bytes) return undefined;
    let value: unknown;
    try {
      value = deserialize(bytes);
    } catch {
      return undefined; // cut short, or another V8's format
    }
    return isStored(value, this.identity) ? value : undefined;
  }
}

function isStored(x: unknown, identity: Pick<Stored, 'format' | 'build' | 'v8' | 'language'>): x is Stored {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return s.format === identity.format && s.build === identity.build && s.v8 === identity.v8 && s.language === identity.language
    && typeof s.uri === 'string' && typeof s.day === 'string' && typeof s.sha256 === 'string' && /^[0-9a-f]{64}$/.test(s.sha256)
    && Number.isSafeInteger(s.length) && isWorkerParseResult(s.result);
}
