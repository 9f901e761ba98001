/**
 * "Agree, and agree again", the edit: one side accepts the agreement as it is now. The stored form
 * and where the pair stands are in `acceptance.ts` (kept apart so the checks, which the parser
 * runs, do not import the edit runner, which runs the parser).
 */
import * as l10n from '@vscode/l10n';
import type { Acceptance, Role } from '../schema';
import { checkDate } from '../edit/helpers';
import { refuse, Refusal, runEdit, type EditContext, type EditResult } from '../edit/runner';
import type { YamlOp } from '../yaml/edit';
import { acceptedTerms, NO_TERM, otherRole, ROLES } from './acceptance';
import { termsDigest, type TermDigests } from './digest';

export { acceptanceChecks, acceptanceMessage, acceptanceStatus, changedTerms, describeTermChange, type AcceptanceState, type AcceptanceStatus, type RoleAcceptance } from './acceptance';
export { termsDigest, type TermChange } from './digest';

export interface AcceptArgs {
  role: Role;
  /** The day of acceptance, YYYY-MM-DD (default: today). */
  date?: string | undefined;
}

/**
 * `role` accepts the agreement as it is now: its date is recorded, `terms` becomes the digests of
 * the terms now (only the lines of terms that changed are rewritten), and `pending` says whether
 * the other side still has to accept them — with the digests it had, so it can be told what
 * changed for it. When both have accepted the terms as they are, `pending` goes away.
 */
export function acceptAgreement(text: string, args: AcceptArgs, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    if (!ROLES.includes(args.role)) return refuse(l10n.t('Who accepts must be mentor or mentee, not "{0}".', String(args.role)));
    const date = args.date === undefined ? env.today : checkDate(args.date.trim(), l10n.t('The date of acceptance'));
    if (date instanceof Refusal) return date;
    const agreement = env.model.agreement;
    const now = termsDigest(agreement);
    const acc = agreement.accepted;
    const other = otherRole(args.role);
    const base = ['agreement', 'accepted'];
    const warnings = date > env.today ? [l10n.t('The date of acceptance {0} is in the future (today is {1}).', date, env.today)] : [];

    const pending = acc ? pendingFor(acc, other, now) : undefined;
    if (!acc) {
      const value: Record<string, unknown> = { [args.role]: date, terms: Object.fromEntries(now) };
      return { ops: [{ op: 'set', path: base, value, after: ['review', 'started'] }], warnings };
    }
    const ops: YamlOp[] = [];
    if (acc[args.role] !== date) ops.push({ op: 'set', path: [...base, args.role], value: date, after: [other] });
    if (acc.terms === undefined) ops.push({ op: 'set', path: [...base, 'terms'], value: Object.fromEntries(now) });
    else {
      for (const [term, digest] of now) if (acc.terms[term] !== digest) ops.push({ op: 'set', path: [...base, 'terms', term], value: digest });
      for (const term of Object.keys(acc.terms)) if (!now.has(term)) ops.push({ op: 'delete', path: [...base, 'terms', term] });
    }
    const wanted = pending === undefined ? undefined : { [other]: pending };
    if (acc.pending !== undefined && wanted === undefined) ops.push({ op: 'delete', path: [...base, 'pending'] });
    else if (wanted !== undefined && !samePending(acc.pending, wanted)) ops.push({ op: 'set', path: [...base, 'pending'], value: wanted });
    return { ops, warnings };
  });
}

/**
 * What `pending.<other>` must say once the terms are `now`: the other side's digests of the
 * terms that differ, or undefined when it accepted these terms (or never accepted at all).
 */
function pendingFor(acc: Acceptance, other: Role, now: TermDigests): Record<string, string> | undefined {
  const had = acceptedTerms(acc, other);
  if (had === undefined) return undefined;
  // Dates without digests: the first recorded acceptance records the terms both have now.
  if (had === 'unknown') return acc.terms === undefined ? undefined : {};
  const out: Record<string, string> = {};
  for (const [term, digest] of now) if (had.get(term) !== digest) out[term] = had.get(term) ?? NO_TERM;
  for (const [term, digest] of had) if (!now.has(term)) out[term] = digest;
  return Object.keys(out).length > 0 ? out : undefined;
}

function samePending(a: Acceptance['pending'], b: Record<string, Record<string, string>>): boolean {
  if (a === undefined) return false;
  const norm = (p: Record<string, unknown>): string => JSON.stringify(Object.entries(p).filter(([, v]) => v !== undefined).map(([k, v]) => [k, Object.entries(v as Record<string, string>).sort()]).sort());
  return norm(a) === norm(b);
}
