/**
 * The private notes file's data: its schema, and how a change merges into what is on disk (by
 * note id), so two windows writing the same file lose nothing. No `vscode`, no Node built-ins:
 * `privateNotes.ts` does the I/O (under the file lock on the desktop).
 */
import * as z from 'zod/mini';

export interface PrivateNote {
  id: string;
  /** Which mentoring file the note belongs to (see `fileKeyOf` in privateNotes.ts). */
  fileKey: string;
  sessionId?: string | undefined;
  text: string;
  /** ISO 8601 instant. */
  created: string;
}

const NoteSchema = z.object({
  id: z.string().check(z.minLength(1)),
  fileKey: z.string().check(z.minLength(1)),
  sessionId: z.optional(z.string()),
  text: z.string(),
  created: z.string(),
});
const StoreSchema = z.object({ version: z.literal(1), notes: z.array(NoteSchema) });

/** The notes in a file's text; undefined when the text is not a notes file (never overwrite it). */
export function parseNotes(text: string): PrivateNote[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const checked = StoreSchema.safeParse(parsed);
  return checked.success ? checked.data.notes.map((n) => ({ ...n })) : undefined;
}

export function serializeNotes(notes: readonly PrivateNote[]): string {
  return JSON.stringify({ version: 1, notes }, null, 2) + '\n';
}

/** One change to the notes, applied to whatever is on disk when it is written. */
export type NotesChange = { add: PrivateNote } | { remove: string };

/** `onDisk` with the change applied: an added note replaces one with its id, a removal drops by id. */
export function applyNotesChange(onDisk: readonly PrivateNote[], change: NotesChange): PrivateNote[] {
  if ('add' in change) return [...onDisk.filter((n) => n.id !== change.add.id), change.add];
  return onDisk.filter((n) => n.id !== change.remove);
}
