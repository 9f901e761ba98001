/** `mentoring reseal`: every sealed field sealed again to the agreement's current readers. */
import { escapeLine } from '../core/escape';
import { describeReaders, fieldLabel } from '../core/seal/fields';
import { reseal as resealText } from '../core/seal/write';
import { parseCommand, str } from './args';
import { display, loadForEdit, targetFile } from './files';
import { editFile } from './write';
import { loadIdentities } from './identity';
import { clock, Failure, UsageError, type Io } from './io';

export const RESEAL_USAGE = `Usage: mentoring reseal [--identity FILE] [--file PATH]

Opens every sealed field your key can open and seals it again to the readers
the agreement names now (after a key was added or replaced), and seals the
plain text of confidential fields. Fields your key cannot open are left as
they are and listed. Git history keeps what was written before; see
docs/confidentiality.md.

  --identity FILE          your key file (default: MENTORING_IDENTITY, else
                           ~/.config/mentoring/keys.txt)
  --file PATH              the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

export async function reseal(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { identity: { type: 'string' }, file: { type: 'string' } }, RESEAL_USAGE);
  if (p.help) return io.out(RESEAL_USAGE + '\n'), 0;
  if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals.join(' ')}.`, RESEAL_USAGE);
  const now = clock(io.env);
  const path = targetFile(io, str(p, 'file'));
  const keys = loadIdentities(io, str(p, 'identity'));
  const r = await editFile(io, path, async () => {
    const { text } = loadForEdit(io, path, now);
    const r = await resealText(text, keys.identities, { now });
    if (!r.ok) throw new Failure(`${display(io, path)}: ${r.message} (nothing was written)`);
    return { text: r.text !== text ? r.text : undefined, value: r };
  });
  const readers = describeReaders(r.policy.pair);
  io.out(`Resealed ${r.resealed.length} field${r.resealed.length === 1 ? '' : 's'} for ${readers} (and the readers named for each).  (${display(io, path)})\n`);
  if (r.sealedPlain.length > 0) {
    const kinds = [...new Set(r.sealedPlain.map((f) => fieldLabel(f.field)))].join(', ');
    io.out(`Sealed ${r.sealedPlain.length} plain field${r.sealedPlain.length === 1 ? '' : 's'} (${kinds}). Git history still holds their old text: see docs/confidentiality.md.\n`);
  }
  if (r.skipped.length > 0) {
    io.err(`Left ${r.skipped.length} sealed field${r.skipped.length === 1 ? '' : 's'} as ${r.skipped.length === 1 ? 'it was' : 'they were'}, since your key (${keys.path}) cannot open ${r.skipped.length === 1 ? 'it' : 'them'}; someone who can runs \`mentoring reseal\` too:\n`);
    for (const s of r.skipped) io.err(`  ${escapeLine(s.what)}: ${escapeLine(s.why)}\n`);
  }
  return 0;
}
