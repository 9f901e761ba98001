/**
 * What `parse` (index.ts) takes and hands out, in a module of its own so that verify.ts can name
 * a parse's result without importing the pipeline that makes it.
 */
import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import type { MentoringFile } from '../schema';

export interface ParseOptions {
  /** The clock for agreement checks; default `new Date()`. */
  now?: Date;
  /** Files larger than this many UTF-8 bytes are refused before parsing; default 5 MB. */
  maxBytes?: number;
  /** Run the agreement checks (warnings); default true. */
  checks?: boolean;
  /**
   * Read with the fast reader (fastScan.ts) when the text is in its subset; default true. False
   * reads with yaml's Document only: the same result, for the differential tests and the bench.
   */
  fastReader?: boolean;
}

export interface ParseResult {
  /** No diagnostic of severity 'error'. */
  ok: boolean;
  /**
   * Set when the zod schema accepted the file (cross-reference errors may still exist).
   * Deep-frozen and shared with every other parse of the same text: copy it to change it.
   */
  model?: MentoringFile;
  /**
   * The yaml Document when the YAML itself could be read (for edits and positions). Shared like
   * `model`: read it, never change it. When the fast reader read the text, the Document is made
   * by yaml on the first read of this field (a full `parseDocument`): ask `'doc' in result` to
   * know whether there is one without making it.
   */
  doc?: Document.Parsed;
  /** Sorted by position. */
  diagnostics: Diagnostic[];
}

/** The plain data of a file without aliases, as the schema saw it (never handed to the schema's transforms). */
export interface AliasFreeData {
  readonly plain: Record<string, unknown>;
}
