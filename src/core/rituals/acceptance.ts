/**
 * "Agree, and agree again": both sides accept the agreement, and a later change to its terms asks
 * both to accept it again, saying what changed.
 *
 * The file keeps it under `agreement.accepted`:
 *
 *     accepted:
 *       mentor: 2026-11-10          # when each side last accepted
 *       mentee: 2026-11-03
 *       terms:                      # a digest per term, as last accepted (digest.ts)
 *         goals.g1: 4c1f0a2b3d4e5f60
 *         expectations.cadence: 9e0d…
 *         confidential: 07aa…
 *       pending:                    # only while one side has not accepted the terms above
 *         mentee: { goals.g2: none, expectations.cadence: 1b2c… }
 *
 * Why this shape:
 * - The dates stay plain dates, as people write them by hand (`accepted: { mentor: 2026-11-02 }`).
 * - One set of digests, `terms`: the terms as accepted by whoever accepted last. While the other
 *   side has not accepted those, `pending.<side>` holds that side's own digests of just the terms
 *   that differ (`none`: the term was not there yet). So both sides' acceptances are exact (the
 *   mentee can still be told what changed for *them* after the mentor re-accepted, even if the
 *   terms change again meanwhile), and the file holds the terms only once.
 * - A map keyed by term, one line each: a re-acceptance rewrites only the lines of the terms that
 *   changed, so diffs are small and git merges two branches' acceptances like any other keys.
 * - Tolerant of hand edits: `accepted` with dates and no `terms` counts as accepted (the change
 *   cannot be shown; the check suggests accepting again to record it); a damaged digest reads as
 *   that term changed, never as an error; a wrong type is the schema's located error.
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../checks';
import type { Acceptance, Agreement, MentoringFile, Role } from '../schema';
import { describeChange, diffTerms, termsDigest, type TermChange, type TermDigests } from './digest';

/** Written in `pending` for a term the side's acceptance did not have. */
export const NO_TERM = 'none';

/** The palette command that accepts, for messages (in the display language: a function, not a constant, as the bundle is configured after import). */
export function acceptCommandTitle(): string {
  return l10n.t('Mentoring: Accept the Agreement');
}

/** "mentor" or "mentee" in a sentence, in the display language (the page's words: webview/l10n.ts `roleWord`). */
function roleWord(role: Role): string {
  return role === 'mentor' ? l10n.t('mentor') : l10n.t('mentee');
}

export const ROLES: readonly Role[] = ['mentor', 'mentee'];

export function otherRole(role: Role): Role {
  return role === 'mentor' ? 'mentee' : 'mentor';
}

export interface RoleAcceptance {
  /** When this side last accepted, if ever. */
  date?: string;
  /** It accepted the terms as they are now. */
  current: boolean;
  /** What changed since this side accepted (empty when current, never accepted, or unknown). */
  changes: TermChange[];
}

export type AcceptanceState =
  /** Neither side accepted, or there is no `accepted` at all. */
  | 'not-accepted'
  /** One side accepted the terms as they are; the other has not (yet, or again). */
  | 'partly'
  /** Both accepted the terms as they are. */
  | 'accepted'
  /** No side accepted the terms as they are: they changed since. */
  | 'changed';

export interface AcceptanceStatus {
  state: AcceptanceState;
  mentor: RoleAcceptance;
  mentee: RoleAcceptance;
  /** The file has `accepted` with dates but no digests: what was accepted is not known. */
  unrecorded: boolean;
  /** What changed since the sides that are not current accepted (each term once). */
  changes: TermChange[];
}

/** The terms one side accepted: `terms` with its `pending` digests put back; undefined when unknown. */
export function acceptedTerms(acc: Acceptance, role: Role): TermDigests | 'unknown' | undefined {
  if (acc[role] === undefined) return undefined;
  if (acc.terms === undefined) return 'unknown';
  const pending = acc.pending?.[role];
  const out: TermDigests = new Map(Object.entries(acc.terms));
  if (pending === undefined) return out;
  // Written by hand as `mentee: {}`: not current, and what differs is not known.
  if (Object.keys(pending).length === 0) return 'unknown';
  for (const [term, digest] of Object.entries(pending)) {
    if (digest === NO_TERM) out.delete(term);
    else out.set(term, digest);
  }
  return out;
}

/** Where the pair stands with `agreement`. */
export function acceptanceStatus(agreement: Agreement): AcceptanceStatus {
  const acc = agreement.accepted;
  const now = termsDigest(agreement);
  const unrecorded = acc !== undefined && acc.terms === undefined && (acc.mentor !== undefined || acc.mentee !== undefined);
  const side = (role: Role): RoleAcceptance => {
    if (!acc) return { current: false, changes: [] };
    const date = acc[role];
    const accepted = acceptedTerms(acc, role);
    if (date === undefined || accepted === undefined) return { current: false, changes: [] };
    // Dates without digests (written by hand): accepted, with nothing to compare.
    if (accepted === 'unknown') return { date, current: unrecorded, changes: [] };
    const changes = diffTerms(accepted, now);
    return { date, current: changes.length === 0, changes };
  };
  const mentor = side('mentor');
  const mentee = side('mentee');
  const seen = new Set<string>();
  const changes: TermChange[] = [];
  for (const c of [...mentor.changes, ...mentee.changes]) {
    if (seen.has(c.term)) continue;
    seen.add(c.term);
    changes.push(c);
  }
  const state: AcceptanceState =
    mentor.date === undefined && mentee.date === undefined
      ? 'not-accepted'
      : mentor.current && mentee.current
        ? 'accepted'
        : mentor.current || mentee.current
          ? 'partly'
          : 'changed';
  return { state, mentor, mentee, unrecorded, changes };
}

/** What changed since the terms were last accepted by both ("goal g2 added", …), in words. */
export function changedTerms(model: MentoringFile): string[] {
  return acceptanceStatus(model.agreement).changes.map((c) => describeTermChange(c, model.agreement));
}

/** One change in words, with the goal's title when the goal is still there. */
export function describeTermChange(change: TermChange, agreement: Agreement): string {
  const words = describeChange(change);
  if (!change.term.startsWith('goals.') || change.kind === 'removed') return words;
  const goal = agreement.goals.find((g) => `goals.${g.id}` === change.term); // l10n-exempt: a term's id, not text
  if (!goal) return words;
  const title = goal.title.replace(/\s+/g, ' ').trim();
  const short = title.length > 60 ? `${title.slice(0, 59)}…` : title;
  return l10n.t('{0} ("{1}")', words, short);
}

function list(changes: readonly TermChange[], agreement: Agreement): string {
  return changes.map((c) => describeTermChange(c, agreement)).join(', ');
}

/**
 * Where the pair stands, in one or two sentences; `how` is how to accept (the palette command, or
 * the CLI line). Undefined when there is nothing to say (accepted by both; no `accepted` at all).
 */
export function acceptanceMessage(agreement: Agreement, how: string = acceptCommandTitle(), status = acceptanceStatus(agreement)): string | undefined {
  // The page's very messages (webview/acceptance.ts `acceptanceText`), so one translation serves both.
  const { mentor, mentee } = status;
  switch (status.state) {
    case 'not-accepted':
      return agreement.accepted === undefined ? undefined : l10n.t('Neither the mentor nor the mentee has accepted the agreement yet. Accept it ({0}).', how);
    case 'accepted':
      return status.unrecorded
        ? l10n.t('The agreement was accepted, but the file does not record what was accepted, so a later change cannot be shown. Accept it again to record it ({0}).', how)
        : undefined;
    case 'partly': {
      const [done, todo] = mentor.current ? (['mentor', 'mentee'] as const) : (['mentee', 'mentor'] as const);
      const doneDate = status[done].date ?? '';
      const lag = status[todo];
      if (lag.date === undefined) return l10n.t('Accepted by the {0} on {1}; not yet accepted by the {2} ({3}).', roleWord(done), doneDate, roleWord(todo), how);
      const what = lag.changes.length > 0 ? `: ${list(lag.changes, agreement)}` : '';
      return l10n.t('The agreement changed since the {0} accepted it on {1}{2}. The {3} accepted the new terms on {4}; the {0} has not yet ({5}).',
        roleWord(todo), lag.date, what, roleWord(done), doneDate, how);
    }
    case 'changed': {
      const what = status.changes.length > 0 ? `: ${list(status.changes, agreement)}` : '';
      if (mentor.date !== undefined && mentee.date !== undefined) return l10n.t('The agreement changed since you both accepted it{0}. Accept it again ({1}).', what, how);
      const [done, todo] = mentor.date !== undefined ? (['mentor', 'mentee'] as const) : (['mentee', 'mentor'] as const);
      return l10n.t('The agreement changed since the {0} accepted it on {1}{2}; the {3} has not accepted it yet. Accept it again ({4}).',
        roleWord(done), status[done].date ?? '', what, roleWord(todo), how);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The check

export const ACCEPTANCE_CODES = ['agreement-changed', 'agreement-not-accepted', 'acceptance-unrecorded'] as const;

/**
 * At the agreement's line: a warning while no side has accepted the terms as they are (they
 * changed), an info while one side has and the other has not. Nothing for a file without
 * `accepted` at all: a pair who never used acceptance is not told off in the Problems panel (the
 * sidebar offers it), and nothing once both accepted the terms as they are.
 */
export function acceptanceChecks(model: MentoringFile): Finding[] {
  const agreement = model.agreement;
  if (agreement.accepted === undefined) return [];
  const status = acceptanceStatus(agreement);
  const message = acceptanceMessage(agreement, acceptCommandTitle(), status);
  if (message === undefined) return [];
  const code = status.state === 'changed' ? 'agreement-changed' : status.state === 'accepted' ? 'acceptance-unrecorded' : 'agreement-not-accepted';
  return [{
    severity: status.state === 'changed' ? 'warning' : 'info',
    code,
    message,
    path: ['agreement'],
    pointAtKey: true,
    data: { state: status.state, changes: status.changes.map((c) => `${c.term}:${c.kind}`) },
  }];
}
