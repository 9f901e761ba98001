/** The CLI's side of sealing: write an edit with its confidential fields sealed, and find keys when they are optional. */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside, pathStyleOf } from '../core/seal/paths';
import { describeReaders, fieldLabel, type Field } from '../core/seal/fields';
import { sealEdit } from '../core/seal/write';
import { display, repositoryAbove } from './files';
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
  const lines = [...groups].map(([who, fs]) => `Sealed ${fs.map((f) => fieldLabel(f)).join(', ')} for ${who}.`);
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
 * The repository a file lies in (the nearest folder above its real path holding `.git`), when
 * it does: decrypted text written there is one `git add .` away from being public.
 */
export function repositoryOf(file: string): string | undefined {
  return repositoryAbove(dirname(realPathOf(file)), 64);
}

/**
 * Where `target` (a file about to hold decrypted text) is shared with others: the repository it
 * lies in, or the repository (else the folder) of the mentoring file `source` when `target` is
 * inside it. Real paths are compared (a symlink from outside into the repository counts), and
 * case is ignored on macOS and Windows, whose file systems ignore it.
 */
export function sharedFolderOf(target: string, source: string): string | undefined {
  const own = repositoryOf(target);
  if (own !== undefined) return own;
  const real = realPathOf(target);
  const home = repositoryOf(source) ?? dirname(realPathOf(source));
  return isInside(real, home, pathStyleOf(process.platform)) ? home : undefined;
}

/** The real path of `file` (symlinks followed); for a file not there yet, its nearest existing folder's real path and the rest. */
export function realPathOf(file: string): string {
  const abs = resolve(file);
  let head = abs;
  const rest: string[] = [];
  for (let i = 0; i < 256; i++) {
    try {
      return join(realpathSync.native(head), ...rest.reverse());
    } catch {
      const up = dirname(head);
      if (up === head) return abs;
      rest.push(basename(head));
      head = up;
    }
  }
  return abs;
}
