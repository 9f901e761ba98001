/** Mentoring: Plan a Session — date, topic, agenda; the topic counts as announced now. */
import * as vscode from 'vscode';
import { namedEdit } from '../core/edit/named';
import { type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';
import { defaultNextSession, parseWhen, toPromptValue } from '../core/time';

export interface PlanSessionArgs extends FileArgs {
  /** ISO 8601 date-time, or `2026-12-03 15:00` (local). */
  at?: string;
  topic?: string;
  agenda?: string[];
}

export async function planSession(ctx: CommandContext, args: PlanSessionArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  if (!state || !modelOf(ctx, state)) return undefined;
  const ui = ctx.ui();
  const when = args.at ?? (await ui.input({
    title: vscode.l10n.t('Plan a session (1/3)'),
    prompt: vscode.l10n.t('When? Local time unless you add an offset.'),
    value: toPromptValue(defaultNextSession(ctx.now())),
    validate: (v) => { const r = parseWhen(v); return 'error' in r ? r.error : undefined; },
  }));
  if (when === undefined) return undefined;
  const parsed = parseWhen(when);
  if ('error' in parsed) {
    void ui.error(vscode.l10n.t('Cannot plan the session: {0}', parsed.error));
    return { ok: false, message: parsed.error };
  }
  const topic = args.topic ?? (await ui.input({ title: vscode.l10n.t('Plan a session (2/3)'), prompt: vscode.l10n.t('Topic (announced now; leave empty to announce later)'), placeHolder: vscode.l10n.t('Reading unfamiliar code') }));
  if (topic === undefined) return undefined;
  let agenda = args.agenda;
  if (!agenda) {
    const typed = await ui.input({ title: vscode.l10n.t('Plan a session (3/3)'), prompt: vscode.l10n.t('Agenda items, separated by ";" (optional)'), placeHolder: vscode.l10n.t('Walk through the retry loop; Questions from the review') });
    if (typed === undefined) return undefined;
    agenda = typed.split(';').map((s) => s.trim()).filter((s) => s.length > 0);
  }
  const agendaItems = agenda;
  return runNamed(
    ctx,
    state,
    namedEdit('planSession', { at: parsed.iso, topic: topic.trim() || undefined, agenda: agendaItems }),
    (id) => (topic.trim() ? vscode.l10n.t('Session {0} planned and its topic announced.', id ?? '') : vscode.l10n.t('Session {0} planned.', id ?? '')),
  );
}
