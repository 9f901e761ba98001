/** The CLI's side of sealing: write an edit with its confidential fields sealed, and find keys when they are optional. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeReaders, FIELDS, type Field } from '../core/seal/fields';
import { sealEdit } from '../core/seal/write';
import { display } from './files';
import { identityPath, loadIdentities, type LoadedIdentities } from './identity';
import { Failure, type Io } from './io';

/**
 * Seal what the edit from `before` to `after` wrote into confidential fields. Returns the text to
 * write and lines for stderr saying what was sealed for whom.
 */
export async function sealForWrite(io: Io, path: string, before: string, after: string, now: Date): Promise<{ text: string; lines: string[] }> {
  const r = await sealEdit(before, after, { now });
  if (!r.ok) throw new Failure(`${display(io, path)}: ${r.message}`);
  if (r.sealed.length === 0) return { text: r.text, lines: [] };
  const fields = [...new Set(r.sealed.map((f) => f.field))];
  const readers = new Map<string, string>();
  for (const f of fields) readers.set(f, describeReaders(r.policy.readers(f)));
  const groups = new Map<string, Field[]>();
  for (const f of fields) groups.set(readers.get(f) as string, [...(groups.get(readers.get(f) as string) ?? []), f]);
  const lines = [...groups].map(([who, fs]) => `Sealed ${fs.map((f) => FIELDS[f]).join(', ')} for ${who}.`);
  for (const role of r.policy.missing) lines.push(`warning: the ${role} has no key in the agreement yet, so they cannot read it: once they add one (\`mentoring key add --role ${role} KEY\`), someone who can read runs \`mentoring reseal\`.`);
  return { text: r.text, lines };
}

/**
 * Your identities when a key is helpful but not required (reading a summary): none when no key
 * file was named and the default one does not exist. A named file that is missing still fails.
 */
export function optionalIdentities(io: Io, flag: string | undefined): LoadedIdentities | undefined {
  let found: ReturnType<typeof identityPath>;
  try {
    found = identityPath(io, flag);
  } catch {
    return undefined; // no HOME, and no file named: there is no key to look for
  }
  if (found.source === 'default' && !existsSync(found.path)) return undefined;
  return loadIdentities(io, flag);
}

/**
 * The repository a file lies in (the nearest folder above it holding `.git`), when it does:
 * decrypted text written there is one `git add .` away from being public.
 */
export function repositoryOf(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (let i = 0; i < 64; i++) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}
