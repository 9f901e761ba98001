/**
 * Mentoring: Raise a Concern at the Next Session — a broken rule of the agreement, raised early and
 * as a question: the question built from the rule and the facts (src/core/rituals/raise.ts) is shown
 * for editing, then added to the next planned session's agenda. Offered as a quick fix on each
 * broken-rule warning (`question` given) and from the palette (pick one of the file's suggestions).
 */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import { raiseTarget, suggestionsFor } from '../core/rituals/raise';
import { sessionLabel, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';

export interface RaiseConcernArgs extends FileArgs {
  /** The suggested question (the quick fix passes it); asked for editing before it is added. */
  question?: string;
  /** Add it without asking (tests, scripts). */
  confirmed?: boolean;
  /** The session to raise it at (default: the next planned one). */
  session?: string;
}

export async function raiseConcern(ctx: CommandContext, args: RaiseConcernArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const now = ctx.now();
  const target = raiseTarget(model, now, args.session);
  if (!target) {
    const message = args.session !== undefined
      ? vscode.l10n.t('There is no session "{0}" to raise it at.', args.session)
      : vscode.l10n.t('There is no planned session ahead to raise it at: plan the next session first (Mentoring: Plan a Session).');
    void ctx.ui().info(message);
    return { ok: false, message };
  }
  let question = args.question;
  if (question === undefined) {
    const suggestions = suggestionsFor(target, model, state.result.diagnostics, now);
    const picked = await ctx.ui().pick(
      [...suggestions.map((s) => ({ label: s.question, description: vscode.l10n.t('line {0}', s.line), value: s.question })), { label: vscode.l10n.t('Write my own question…'), description: '', value: '' }],
      { title: vscode.l10n.t('Raise at session {0}', sessionLabel(target)), placeHolder: suggestions.length > 0 ? vscode.l10n.t('Which concern do you want to raise, as a question?') : vscode.l10n.t('Every rule is kept; write your own question') },
    );
    if (picked === undefined) return undefined;
    question = picked;
  }
  const text = args.confirmed === true && question.trim() !== ''
    ? question
    : await ctx.ui().input({
        title: vscode.l10n.t('Raise at session {0}', sessionLabel(target)),
        prompt: vscode.l10n.t('The question for the agenda: ask, and leave room for their side (edit it as you like)'),
        value: question,
        validate: (v) => (v.trim() === '' ? vscode.l10n.t('Write the question to raise.') : undefined),
      });
  if (text === undefined || text.trim() === '') return undefined;
  const item = text.trim();
  return runNamed(ctx, state, namedEdit('addAgendaItem', { session: target.id, text: item }), () => vscode.l10n.t('Added to the agenda of session {0}: "{1}"', target.id, item));
}
