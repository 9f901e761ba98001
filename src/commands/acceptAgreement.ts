/**
 * Mentoring: Accept the Agreement — your side accepts the agreement as it is now (your role from
 * `mentoring.role`, else asked). First it shows what you accept: what changed since your side last
 * accepted it, or the terms when you never did (src/core/rituals/accept.ts); the sidebar's *Accept*
 * button runs this command too.
 */
import * as vscode from 'vscode';
import { roleWord } from '../editor/pickRole';
import { namedEdit } from '../core/edit/named';
import { acceptanceStatus, describeTermChange } from '../core/rituals/accept';
import type { Agreement, Role } from '../core/schema';
import { askRole, type CommandContext, type CommandOutcome, type FileArgs, modelOf, runNamed, targetState } from './context';

export interface AcceptAgreementArgs extends FileArgs {
  role?: Role;
  /** YYYY-MM-DD; default today. */
  date?: string;
  /** Accept without showing the summary first (tests, scripts). */
  confirmed?: boolean;
}

export async function acceptAgreement(ctx: CommandContext, args: AcceptAgreementArgs = {}): Promise<CommandOutcome> {
  const state = await targetState(ctx, args);
  const model = state && modelOf(ctx, state);
  if (!state || !model) return undefined;
  const role = await askRole(ctx, state.uri, args.role, vscode.l10n.t('Who accepts the agreement?'));
  if (!role) return undefined;
  const mine = acceptanceStatus(model.agreement)[role];
  if (args.confirmed !== true && !mine.current) {
    const { message, detail } = summary(model.agreement, role, mine.date, mine.changes.map((c) => describeTermChange(c, model.agreement)));
    if (!(await ctx.ui().confirm(message, vscode.l10n.t('Accept'), detail))) return undefined;
  }
  return runNamed(ctx, state, namedEdit('acceptAgreement', { role, date: args.date }), () => (mine.current ? vscode.l10n.t('The {0} accepted the agreement again.', roleWord(role)) : vscode.l10n.t('The {0} accepted the agreement.', roleWord(role))));
}

/** What the user is asked to accept: the changes since they last accepted, else the terms themselves. */
export function summary(agreement: Agreement, role: Role, since: string | undefined, changes: readonly string[]): { message: string; detail: string } {
  if (since !== undefined) {
    const what = changes.length > 0 ? `: ${changes.join(', ')}` : '';
    return {
      message: vscode.l10n.t('The agreement changed since you (the {0}) accepted it on {1}{2}. Accept it as it is now?', roleWord(role), since, what),
      detail: vscode.l10n.t('Open the mentoring file to read the terms in full. Your acceptance is recorded with today\'s date; the other side is asked to accept the changes too.'),
    };
  }
  const goals = agreement.goals.filter((g) => g.status === 'active').map((g) => vscode.l10n.t('{0} (by {1})', g.title, g.by));
  const ex = Object.entries(agreement.expectations).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const lines = [goals.length > 0 ? vscode.l10n.t('Goals: {0}.', goals.join('; ')) : vscode.l10n.t('No goals yet.'), ex.length > 0 ? vscode.l10n.t('Expectations: {0}.', ex.join('; ')) : vscode.l10n.t('No expectations written down yet.')];
  return { message: vscode.l10n.t('Accept the agreement between {0} (mentor) and {1} (mentee), as the {2}?', agreement.mentor.name, agreement.mentee.name, roleWord(role)), detail: lines.join('\n') };
}
