/** The real `age` and `age-keygen` binaries (Debian age 1.1), for round trips against our code. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AGE = '/usr/bin/age';
export const AGE_KEYGEN = '/usr/bin/age-keygen';

/** A key pair made by age-keygen: its identity file text, the secret key and the public key. */
export function keygen(): { file: string; identity: string; recipient: string } {
  const r = spawnSync(AGE_KEYGEN, [], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`age-keygen failed: ${r.stderr}`);
  const identity = /^AGE-SECRET-KEY-1\S+$/m.exec(r.stdout)?.[0];
  const recipient = /^# public key: (age1\S+)$/m.exec(r.stdout)?.[1];
  if (!identity || !recipient) throw new Error(`unexpected age-keygen output: ${r.stdout}`);
  return { file: r.stdout, identity, recipient };
}

/** `age -a -r R1 -r R2 …` on `plaintext`: the armor. */
export function ageSeal(plaintext: string, recipients: readonly string[]): string {
  const r = spawnSync(AGE, ['-a', ...recipients.flatMap((k) => ['-r', k])], { input: plaintext, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`age -a failed: ${r.stderr}`);
  return r.stdout;
}

/** `age -d -i FILE` on `armor`, with `identityFile` written to a temp file: exit code, stdout, stderr. */
export function ageOpen(armor: string, identityFile: string): { code: number | null; out: string; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-age-'));
  try {
    const keys = join(dir, 'keys.txt');
    writeFileSync(keys, identityFile, { mode: 0o600 });
    const r = spawnSync(AGE, ['-d', '-i', keys], { input: armor, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
