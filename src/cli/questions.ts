/**
 * `mentoring agenda questions [SESSION]` and `mentoring agenda add-question N|ID [SESSION]`: the
 * questions that fit the next (or the named) session's moment (src/core/rituals/questions.ts), one
 * a line, and one of them added to that session's agenda by the core's `addQuestion` plan.
 */
import { addQuestion } from '../core/edit/index';
import { escapeLine } from '../core/escape';
import { raiseTarget } from '../core/rituals/raise';
import { questionsFor, type Question } from '../core/rituals/questions';
import type { Session } from '../core/schema';
import { parseCommand, str } from './args';
import { display, load, loadForEdit, targetFile } from './files';
import { clock, Failure, UsageError, type Io } from './io';
import { sealForWrite } from './sealing';
import { editFile } from './write';

export const QUESTIONS_USAGE = `Usage: mentoring agenda questions [SESSION-ID] [--ids] [--file PATH]
       mentoring agenda add-question N|QUESTION-ID [SESSION-ID] [--file PATH]

questions      prints, one a line, the questions that fit the next planned session (or
               SESSION-ID): a first session, after a late cancellation, a goal due within four
               weeks, after undone tasks, the feedback at the end, and the team's own from the
               file's \`questions:\` block. Those already on its agenda are left out.
add-question   adds the Nth of those (counting from 1), or the one with that id, to the agenda.

  --ids                    print each question's id before it (for add-question)
  --file PATH              the mentoring file (default: the one below this folder)
  -h, --help               show this help`;

interface Listed {
  target: Session;
  questions: Question[];
}

function listFor(io: Io, path: string, now: Date, named: string | undefined): Listed {
  const { result } = load(io, path, now);
  if (!result.model) throw new Failure(`${display(io, path)} has errors; run \`mentoring check\` first.`);
  const target = raiseTarget(result.model, now, named);
  if (!target) {
    throw new Failure(named !== undefined
      ? `${display(io, path)}: no session "${named}".`
      : `${display(io, path)}: no planned session ahead: plan one with \`mentoring session plan --at …\`, or name a session.`);
  }
  return { target, questions: questionsFor(result.model, target.id, now) };
}

export async function agendaQuestions(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { file: { type: 'string' }, ids: { type: 'boolean' } }, QUESTIONS_USAGE);
  if (p.help) return io.out(QUESTIONS_USAGE + '\n'), 0;
  if (p.positionals.length > 1) throw new UsageError('Give at most one session id.', QUESTIONS_USAGE);
  const now = clock(io.env);
  const path = targetFile(io, str(p, 'file'));
  const { target, questions } = listFor(io, path, now, p.positionals[0]);
  // goal and task titles and the team's questions are file text: one line each (core/escape.ts)
  for (const q of questions) io.out(`${p.values.ids === true ? `${escapeLine(q.id)}\t` : ''}${escapeLine(q.text)}\n`);
  if (questions.length === 0) io.err(`Every question that fits session ${escapeLine(target.id)} is on its agenda already.\n`);
  else io.err(`For session ${escapeLine(target.id)} (${questions.length} question${questions.length === 1 ? '' : 's'}); add one with \`mentoring agenda add-question N\`.\n`);
  return 0;
}

export async function agendaAddQuestion(argv: string[], io: Io): Promise<number> {
  const p = parseCommand(argv, { file: { type: 'string' } }, QUESTIONS_USAGE);
  if (p.help) return io.out(QUESTIONS_USAGE + '\n'), 0;
  const [which, named, ...extra] = p.positionals;
  if (which === undefined) throw new UsageError('Say which question: its number in `mentoring agenda questions`, or its id.', QUESTIONS_USAGE);
  if (extra.length > 0) throw new UsageError('Give one question and at most one session id.', QUESTIONS_USAGE);
  const now = clock(io.env);
  const path = targetFile(io, str(p, 'file'));
  const { target, questions } = listFor(io, path, now, named);
  const picked = /^\d+$/.test(which) ? questions[Number(which) - 1] : questions.find((q) => q.id === which);
  if (!picked) {
    throw new Failure(/^\d+$/.test(which)
      ? `${display(io, path)}: session ${target.id} has ${questions.length} question${questions.length === 1 ? '' : 's'} to ask, so there is no number ${which}.`
      : `${display(io, path)}: no question "${which}" fits session ${target.id} (or it is on its agenda already).`);
  }
  // The text shown is passed along: if the file changed meanwhile and the question reads
  // otherwise, the edit is refused rather than adding a different one (core/edit/questions.ts).
  const { sealed } = await editFile(io, path, async () => {
    const { text } = loadForEdit(io, path, now);
    const result = addQuestion(text, { session: target.id, question: picked.id, text: picked.text }, { now });
    if (!result.ok) throw new Failure(`${display(io, path)}: ${result.message}`);
    const sealed = await sealForWrite(io, path, text, result.text, now);
    return { text: sealed.text, value: { sealed: sealed.lines } };
  });
  for (const line of sealed) io.err(`${line}\n`);
  io.out(`Added to the agenda of session ${escapeLine(target.id)}: ${escapeLine(picked.text)}  (${escapeLine(display(io, path))})\n`);
  return 0;
}
