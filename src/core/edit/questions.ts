/**
 * Adding one of the questions to ask (`../rituals/questions.ts`) to a session's agenda. The
 * question is named by its id and looked up again in the file as it is now, so what is added is
 * a question that still fits that session — and, when the caller says which text it showed, still
 * that text (a team question renumbered by an edit meanwhile is refused, not swapped).
 */
import * as l10n from '@vscode/l10n';
import { fittingQuestions } from '../rituals/questions';
import { onAgenda } from '../rituals/wording';
import { AFTER, findSession } from './helpers';
import { refuse, Refusal, runEdit, type EditContext, type EditResult } from './runner';

export interface AddQuestionArgs {
  session: string;
  /** The question's id (`first-session.hopes`, `goal-due.g1`, `team.energy`…). */
  question: string;
  /** The text the user was shown, when there was one: refused if the question now reads otherwise. */
  text?: string | undefined;
}

export function addQuestion(text: string, args: AddQuestionArgs, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const [index, session] = found;
    const fitting = fittingQuestions(env.model, session, env.now);
    const q = fitting.find((x) => x.id === args.question);
    if (!q) {
      const ids = fitting.map((x) => x.id);
      if (ids.length === 0) return refuse(l10n.t('No question "{0}" fits session {1} now.', args.question, session.id));
      return refuse(l10n.t('No question "{0}" fits session {1} now; these do: {2}.', args.question, session.id, `${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`));
    }
    if (args.text !== undefined && args.text.trim() !== q.text && args.text.trim() !== q.english) return refuse(l10n.t('The question "{0}" changed in the file meanwhile; look at the list again.', args.question));
    if (onAgenda(session.agenda, q)) return refuse(l10n.t('That question is already on the agenda of session {0}.', session.id));
    return { ops: [{ op: 'append', path: ['sessions', index, 'agenda'], value: q.text, after: AFTER.agenda }], id: session.id };
  });
}
