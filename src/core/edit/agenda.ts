/** Operations on a session's agenda (the sidebar's Agenda tab): add, edit, move, remove an item. */
import * as l10n from '@vscode/l10n';
import { AFTER, checkIndex, findSession, optionalText } from './helpers';
import { refuse, Refusal, runEdit, type EditContext, type EditResult } from './runner';

export function addAgendaItem(text: string, args: { session: string; text: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const item = optionalText(args.text);
    if (item === undefined) return refuse(l10n.t('An agenda item must not be empty.'));
    return { ops: [{ op: 'append', path: ['sessions', found[0], 'agenda'], value: item, after: AFTER.agenda }], id: found[1].id };
  });
}

export function editAgendaItem(text: string, args: { session: string; index: number; text: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const bad = checkIndex(found[1], args.index);
    if (bad) return bad;
    const item = optionalText(args.text);
    if (item === undefined) return refuse(l10n.t('An agenda item must not be empty; remove it instead.'));
    return { ops: [{ op: 'set', path: ['sessions', found[0], 'agenda', args.index], value: item }], id: found[1].id };
  });
}

export function moveAgendaItem(text: string, args: { session: string; from: number; to: number }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const bad = checkIndex(found[1], args.from) ?? checkIndex(found[1], args.to);
    if (bad) return bad;
    return { ops: [{ op: 'move', path: ['sessions', found[0], 'agenda'], from: args.from, to: args.to }], id: found[1].id };
  });
}

export function removeAgendaItem(text: string, args: { session: string; index: number }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const bad = checkIndex(found[1], args.index);
    if (bad) return bad;
    return { ops: [{ op: 'delete', path: ['sessions', found[0], 'agenda', args.index] }], id: found[1].id };
  });
}
