/**
 * `mentoring key generate|show|add`: your age key for sealed fields. The secret key stays in a file
 * outside the repository (mode 0600, age's own format, so `age -d -i FILE` reads it); only the
 * public key (`age1…`) ever goes into the agreement.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { setKey } from '../core/seal/edits';
import { formatIdentityFile } from '../core/seal/keys';
import { need, onePositional, parseCommand, role, str } from './args';
import { display, loadForEdit, reason, targetFile } from './files';
import { editFile } from './write';
import { identityPath, loadIdentities } from './identity';
import { clock, Failure, UsageError, type Io } from './io';

const IDENTITY_HELP = `  --identity FILE          your key file (default: MENTORING_IDENTITY, else
                           ~/.config/mentoring/keys.txt); a file from age-keygen works too`;

export const KEY_USAGE = `Usage: mentoring key generate|show|add …

  mentoring key generate [--out FILE]      make your key; prints the public key last
  mentoring key show [--identity FILE]     print the public key of your key file
  mentoring key add --role mentor|mentee PUBLIC_KEY [--file PATH]
                                           write a public key into the agreement

Run \`mentoring key SUB --help\` for details.`;

const GENERATE_USAGE = `Usage: mentoring key generate [--out FILE]

Makes a new age key (X25519) and writes it, in age's own format, to FILE
(default: MENTORING_IDENTITY, else ~/.config/mentoring/keys.txt), readable by
you only. An existing file is never overwritten. Prints the public key as the
last line: give it to \`mentoring key add --role mentor|mentee\`.

Keep a backup outside the repository: if the key is lost, what was sealed to
it cannot be read by you again.

  --out FILE               where to write the key
  -h, --help               show this help`;

const SHOW_USAGE = `Usage: mentoring key show [--identity FILE]

Prints the public key (age1…) of each secret key in your key file.

${IDENTITY_HELP}
  -h, --help               show this help`;

const ADD_USAGE = `Usage: mentoring key add --role mentor|mentee PUBLIC_KEY [--file PATH]

Writes PUBLIC_KEY (age1…, from \`mentoring key show\` or age-keygen) as the
key of the mentor or the mentee in the agreement. From then on confidential
fields are sealed to it. A key that is not a valid age X25519 public key is
refused, saying what is wrong. Run \`mentoring reseal\` afterwards so fields
sealed before can be read with it.

  --role mentor|mentee     whose key it is
  --file PATH              the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

export async function key(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) throw new UsageError('Missing key command.', KEY_USAGE);
  if (sub === '-h' || sub === '--help') return io.out(KEY_USAGE + '\n'), 0;
  if (sub === 'generate') return generate(rest, io);
  if (sub === 'show') return show(rest, io);
  if (sub === 'add') return add(rest, io);
  throw new UsageError(`Unknown key command "${sub}".`, KEY_USAGE);
}

async function generate(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { out: { type: 'string' } }, GENERATE_USAGE);
  if (p.help) return io.out(GENERATE_USAGE + '\n'), 0;
  if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals.join(' ')}.`, GENERATE_USAGE);
  const out = str(p, 'out');
  const path = out !== undefined ? resolve(io.cwd, out) : identityPath(io, undefined).path;
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // 'wx': an existing key file is never replaced, since losing it loses what was sealed to it.
    writeFileSync(path, formatIdentityFile(identity, recipient, new Date()), { encoding: 'utf8', flag: 'wx', mode: 0o600 });
    chmodSync(path, 0o600); // the umask may have taken bits off, never added them; this states the intent
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') {
      throw new Failure(`${path} already exists and was left alone: it may hold the key your sealed text needs. Write a new key elsewhere with --out FILE, or see its public key with \`mentoring key show\`.`);
    }
    throw new Failure(`Cannot write ${path}: ${reason(err)}`);
  }
  io.err(
    `Wrote a new key to ${path} (readable by you only).\n` +
      'Keep a backup outside this repository: if the key is lost, what was sealed to it cannot be read by you again.\n' +
      'Your public key (safe to share; `mentoring key add --role mentor|mentee KEY` puts it into the agreement):\n',
  );
  io.out(`${recipient}\n`);
  return 0;
}

async function show(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { identity: { type: 'string' } }, SHOW_USAGE);
  if (p.help) return io.out(SHOW_USAGE + '\n'), 0;
  if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals.join(' ')}.`, SHOW_USAGE);
  const { identities } = loadIdentities(io, str(p, 'identity'));
  for (const id of identities) io.out(`${await identityToRecipient(id)}\n`);
  return 0;
}

async function add(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { role: { type: 'string' }, file: { type: 'string' } }, ADD_USAGE);
  if (p.help) return io.out(ADD_USAGE + '\n'), 0;
  const who = role(need(p, 'role', ADD_USAGE), 'role', ADD_USAGE) as 'mentor' | 'mentee';
  const publicKey = onePositional(p, 'public key (age1…)', ADD_USAGE);
  const now = clock(io.env);
  const path = targetFile(io, str(p, 'file'));
  const r = await editFile(io, path, async () => {
    const { text } = loadForEdit(io, path, now);
    const r = setKey(text, { role: who, key: publicKey }, { now });
    if (!r.ok) throw new Failure(`${display(io, path)}: ${r.message}`);
    return { text: r.text, value: r };
  });
  for (const w of r.warnings) io.err(`warning: ${w}\n`);
  io.out(`The ${who}'s key is now ${publicKey.trim().toLowerCase()}.  (${display(io, path)})\n`);
  return 0;
}
