/**
 * `mentoring agreement accept --role mentor|mentee [--date D] [FILE]` and `mentoring agreement
 * status [FILE]`: "agree, and agree again" from a terminal (src/core/rituals/accept.ts). Accepting
 * prints what changed since that side last accepted, then records it, as the editor's command does.
 */
import { acceptAgreement, acceptanceMessage, acceptanceStatus, describeTermChange, type AcceptanceStatus } from '../core/rituals/accept';
import type { Agreement, Role } from '../core/schema';
import { escapeLine } from '../core/escape';
import { parseCommand, role, str, type Parsed } from './args';
import { display, load, loadForEdit, targetFile } from './files';
import { clock, Failure, UsageError, type Io } from './io';
import { editFile } from './write';

const HOW = '`mentoring agreement accept --role mentor|mentee`';

export const AGREEMENT_USAGE = `Usage: mentoring agreement accept|status … [FILE]

  mentoring agreement accept --role mentor|mentee [--date YYYY-MM-DD] [FILE]
      records that you accept the agreement as it is now (default date: today),
      after printing what changed since your side last accepted it
  mentoring agreement status [FILE]
      who accepted the agreement and when, and what changed since

  FILE (or --file PATH)    the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

export async function agreement(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help') return io.out(AGREEMENT_USAGE + '\n'), 0;
  if (sub !== 'accept' && sub !== 'status') throw new UsageError(sub === undefined ? 'Missing agreement command.' : `Unknown agreement command "${sub}".`, AGREEMENT_USAGE);
  const options = sub === 'accept' ? { role: { type: 'string' as const }, date: { type: 'string' as const }, file: { type: 'string' as const } } : { file: { type: 'string' as const } };
  const p = parseCommand(rest, options, AGREEMENT_USAGE);
  if (p.help) return io.out(AGREEMENT_USAGE + '\n'), 0;
  const path = targetFile(io, fileArg(p));
  const now = clock(io.env);
  if (sub === 'status') {
    const { result } = load(io, path, now);
    if (!result.model) throw new Failure(`${display(io, path)} has errors; run \`mentoring check\` first.`);
    for (const line of statusLines(result.model.agreement)) io.out(`${escapeLine(line)}\n`);
    return 0;
  }
  const who = role(str(p, 'role'), 'role', AGREEMENT_USAGE);
  if (who === undefined) throw new UsageError('--role mentor|mentee is required: say which side you accept for.', AGREEMENT_USAGE);
  const date = str(p, 'date');
  // Read, plan and write as one compare-and-swap (src/cli/write.ts); what changed is told from the text accepted.
  const { result, before } = await editFile(io, path, async () => {
    const { text, result: parsed } = loadForEdit(io, path, now);
    const result = acceptAgreement(text, { role: who, date }, { now });
    if (!result.ok) throw new Failure(`${display(io, path)}: ${result.message}`);
    const model = parsed.model;
    const before = model ? acceptanceStatus(model.agreement) : undefined;
    return { text: result.text === text ? undefined : result.text, value: { result, before: before && model ? { status: before, agreement: model.agreement } : undefined } };
  });
  if (before) {
    const changes = before.status[who].changes;
    if (changes.length > 0) io.err(`What changed since the ${who} last accepted it (${before.status[who].date ?? ''}): ${escapeLine(changes.map((c) => describeTermChange(c, before.agreement)).join(', '))}.\n`);
  }
  for (const w of result.warnings) io.err(`warning: ${escapeLine(w)}\n`);
  const after = load(io, path, now).result.model;
  io.out(`The ${who} accepted the agreement.  (${escapeLine(display(io, path))})\n`);
  if (after) {
    const message = acceptanceMessage(after.agreement, HOW);
    io.out(`${escapeLine(message ?? 'Both have accepted the agreement as it is now.')}\n`);
  }
  return 0;
}

function fileArg(p: Parsed): string | undefined {
  const flag = str(p, 'file');
  if (p.positionals.length > 1) throw new UsageError(`Expected at most one FILE, got ${p.positionals.length}.`, AGREEMENT_USAGE);
  const positional = p.positionals[0];
  if (flag !== undefined && positional !== undefined) throw new UsageError('Give the file once: FILE or --file PATH.', AGREEMENT_USAGE);
  return flag ?? positional;
}

/** The status as lines: where the pair stands, then each side. */
export function statusLines(agreement: Agreement): string[] {
  const status: AcceptanceStatus = acceptanceStatus(agreement);
  const head = status.state === 'accepted' && !status.unrecorded
    ? 'Accepted by both, as the agreement is now.'
    : status.state === 'not-accepted' && agreement.accepted === undefined
      ? `Not accepted yet: each side accepts it with ${HOW}.`
      : (acceptanceMessage(agreement, HOW, status) ?? '');
  const side = (r: Role): string => {
    const s = status[r];
    if (s.date === undefined) return `  ${r}: not accepted yet`;
    if (s.current) return `  ${r}: accepted on ${s.date}`;
    const what = s.changes.length > 0 ? `; changed since: ${s.changes.map((c) => describeTermChange(c, agreement)).join(', ')}` : '';
    return `  ${r}: accepted on ${s.date}, an earlier version${what}`;
  };
  return [head, side('mentor'), side('mentee')];
}
