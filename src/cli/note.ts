/** `mentoring note add|show`: a session's shared notes, sealed when the pair has keys. */
import { open } from '../core/seal/age';
import { isSealed, sealedText } from '../core/seal/armor';
import { noSession, setNotes } from '../core/seal/edits';
import { describeReaders, policyOf } from '../core/seal/fields';
import type { MentoringFile } from '../core/schema';
import { parseCommand, str } from './args';
import { display, loadForEdit, targetFile } from './files';
import { loadIdentities } from './identity';
import { clock, Failure, UsageError, type Io } from './io';
import { sealForWrite } from './sealing';
import { editFile } from './write';

const OPTIONS = `  --identity FILE          your key file (default: MENTORING_IDENTITY, else
                           ~/.config/mentoring/keys.txt)
  --file PATH              the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

export const NOTE_USAGE = `Usage: mentoring note add|show … [--file PATH]

  mentoring note add SESSION-ID "TEXT"     add to the session's shared notes
  mentoring note show SESSION-ID           print them (opening them with your key)

Run \`mentoring note SUB --help\` for details.`;

const ADD_USAGE = `Usage: mentoring note add SESSION-ID "TEXT" [--identity FILE] [--file PATH]

Adds TEXT as a new paragraph of the session's shared notes. When the pair has
keys in the agreement, the notes are sealed to them (and to readers named for
notes); adding to notes that are already sealed needs a key that opens them.

${OPTIONS}`;

const SHOW_USAGE = `Usage: mentoring note show SESSION-ID [--identity FILE] [--file PATH]

Prints the session's notes. Sealed notes are opened with your key; when none
of your keys opens them, exit 1 says whose key they need.

${OPTIONS}`;

export async function note(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) throw new UsageError('Missing note command.', NOTE_USAGE);
  if (sub === '-h' || sub === '--help') return io.out(NOTE_USAGE + '\n'), 0;
  if (sub === 'add') return add(rest, io);
  if (sub === 'show') return show(rest, io);
  throw new UsageError(`Unknown note command "${sub}".`, NOTE_USAGE);
}

const SPEC = { identity: { type: 'string' }, file: { type: 'string' } } as const;

async function add(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, SPEC, ADD_USAGE);
  if (p.help) return io.out(ADD_USAGE + '\n'), 0;
  if (p.positionals.length !== 2) throw new UsageError(p.positionals.length < 2 ? 'Expected a session id and the text (quote it).' : `Expected a session id and one text (quote it), got ${p.positionals.length} arguments.`, ADD_USAGE);
  const [id, textArg] = p.positionals as [string, string];
  if (textArg.trim() === '') throw new UsageError('The note is empty.', ADD_USAGE);
  const now = clock(io.env);
  const path = targetFile(io, str(p, 'file'));
  // One compare-and-swap: when the file changed meanwhile, the note is added to the new text.
  const sealed = await editFile(io, path, async () => {
    const { text, result } = loadForEdit(io, path, now);
    const model = result.model as MentoringFile;
    const session = model.sessions.find((s) => s.id === id);
    if (!session) throw new Failure(`${display(io, path)}: ${noSession(model, id)} (nothing was written)`);
    let previous = session.notes;
    const sealedNotes = sealedText(previous);
    if (sealedNotes !== undefined) {
      if (!policyOf(model.agreement).active) {
        throw new Failure(`${display(io, path)}: the notes of session ${id} are sealed, but the agreement names no key to seal them to again: adding to them would write them out in plain text. Add the pair's keys (\`mentoring key add\`) first; nothing was written.`);
      }
      // Adding to sealed notes means opening them: the new paragraph is sealed together with them.
      const keys = loadIdentities(io, str(p, 'identity'));
      const opened = await open(sealedNotes, keys.identities);
      if (!opened.ok) throw new Failure(`${display(io, path)}: the notes of session ${id} are sealed and your key (${keys.path}) cannot open them: ${opened.message}. Adding to them needs the key of ${readersOfNotes(model, 'or')}; nothing was written.`);
      previous = opened.text;
    }
    const combined = previous !== undefined && previous.trim() !== '' ? `${previous.trimEnd()}\n\n${textArg.trim()}` : textArg;
    const edited = setNotes(text, { session: id, notes: combined }, { now });
    if (!edited.ok) throw new Failure(`${display(io, path)}: ${edited.message}`);
    const sealed = await sealForWrite(io, path, text, edited.text, now);
    return { text: sealed.text, value: sealed.lines };
  });
  for (const line of sealed) io.err(`${line}\n`);
  io.out(`Added a note to session ${id}.  (${display(io, path)})\n`);
  return 0;
}

async function show(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, SPEC, SHOW_USAGE);
  if (p.help) return io.out(SHOW_USAGE + '\n'), 0;
  if (p.positionals.length !== 1) throw new UsageError(p.positionals.length === 0 ? 'Missing session id.' : `Expected one session id, got ${p.positionals.length}.`, SHOW_USAGE);
  const id = p.positionals[0] as string;
  const now = clock(io.env);
  const path = targetFile(io, str(p, 'file'));
  const { result } = loadForEdit(io, path, now);
  const model = result.model as MentoringFile;
  const session = model.sessions.find((s) => s.id === id);
  if (!session) throw new Failure(`${display(io, path)}: ${noSession(model, id)}`);
  const notes = session.notes;
  if (notes === undefined || notes.trim() === '') {
    io.err(`Session ${id} has no notes.\n`);
    return 0;
  }
  if (!isSealed(notes)) {
    io.out(notes.endsWith('\n') ? notes : `${notes}\n`);
    return 0;
  }
  const who = readersOfNotes(model);
  let keys;
  try {
    keys = loadIdentities(io, str(p, 'identity'));
  } catch (err) {
    if (err instanceof Failure) throw new Failure(`The notes of session ${id} are sealed for ${who}; opening them needs one of their keys. ${err.message}`);
    throw err;
  }
  const opened = await open(notes, keys.identities);
  if (!opened.ok) {
    throw new Failure(`The notes of session ${id} are sealed for ${who}, and your key (${keys.path}) cannot open them: ${opened.message}. They need the key of ${readersOfNotes(model, 'or')}.`);
  }
  io.out(opened.text.endsWith('\n') ? opened.text : `${opened.text}\n`);
  return 0;
}

function readersOfNotes(model: MentoringFile, conjunction: 'and' | 'or' = 'and'): string {
  return describeReaders(policyOf(model.agreement).readers('notes'), conjunction);
}
