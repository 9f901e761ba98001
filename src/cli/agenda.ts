/**
 * `mentoring agenda suggest [SESSION]`: the questions the file's broken-rule warnings suggest for
 * the next (or the named) session's agenda, one a line — kind questions built from the agreement's
 * own rules (src/core/rituals/raise.ts). Questions already on that agenda are left out.
 */
import { escapeLine } from '../core/escape';
import { raiseTarget, suggestionsFor } from '../core/rituals/raise';
import { parseCommand, str } from './args';
import { display, load, targetFile } from './files';
import { clock, Failure, UsageError, type Io } from './io';

export const AGENDA_USAGE = `Usage: mentoring agenda suggest [SESSION-ID] [--file PATH]
       mentoring agenda questions|add-question …   (questions to ask: see --help of each)

Prints, one a line, the questions to raise at the next planned session (or SESSION-ID): each
broken rule of the agreement (a late cancellation, a topic not announced in time, an overdue task,
a session without feedback, a goal too far out, a review past due) as an open question.

  --file PATH              the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

export async function agenda(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help') return io.out(AGENDA_USAGE + '\n'), 0;
  if (sub === 'questions') return (await import('./questions')).agendaQuestions(rest, io);
  if (sub === 'add-question') return (await import('./questions')).agendaAddQuestion(rest, io);
  if (sub !== 'suggest') throw new UsageError(sub === undefined ? 'Missing agenda command.' : `Unknown agenda command "${sub}".`, AGENDA_USAGE);
  const p = parseCommand(rest, { file: { type: 'string' } }, AGENDA_USAGE);
  if (p.help) return io.out(AGENDA_USAGE + '\n'), 0;
  if (p.positionals.length > 1) throw new UsageError('Give at most one session id.', AGENDA_USAGE);
  const now = clock(io.env);
  const path = targetFile(io, str(p, 'file'));
  const { result } = load(io, path, now);
  if (!result.model) throw new Failure(`${display(io, path)} has errors; run \`mentoring check\` first.`);
  const named = p.positionals[0];
  const target = raiseTarget(result.model, now, named);
  if (named !== undefined && !target) throw new Failure(`${display(io, path)}: no session "${named}".`);
  const questions = suggestionsFor(target, result.model, result.diagnostics, now);
  // a question quotes task and goal titles: file text, one line each (core/escape.ts)
  for (const s of questions) io.out(`${escapeLine(s.question)}\n`);
  if (questions.length === 0) io.err('Nothing to raise: every rule of the agreement is kept.\n');
  else if (target) io.err(`For session ${escapeLine(target.id)} (${questions.length} question${questions.length === 1 ? '' : 's'}).\n`);
  else io.err('No planned session ahead to raise these at: plan one with `mentoring session plan --at …`.\n');
  return 0;
}
