/**
 * The Goals tab's acceptance block: who accepted the agreement, when, what changed since, and
 * whether the *Accept* button is for you (core/rituals/acceptance.ts holds the rules).
 * Pure: no `vscode`, no Node built-ins.
 */
import * as l10n from '@vscode/l10n';
import { acceptanceMessage, acceptanceStatus, describeTermChange } from '../rituals/acceptance';
import type { TermChange } from '../rituals/digest';
import type { Agreement, MentoringFile, Role } from '../schema';
import type { AcceptanceView, TermChangeView } from './protocol';

/** A change as data, with the goal's title shortened as describeTermChange says it. */
function changeView(change: TermChange, agreement: Agreement): TermChangeView {
  const out: TermChangeView = { term: change.term, kind: change.kind };
  if (change.term.startsWith('goals.') && change.kind !== 'removed') {
    const goal = agreement.goals.find((g) => `goals.${g.id}` === change.term); // l10n-exempt: a term's id, not text
    if (goal) {
      const title = goal.title.replace(/\s+/g, ' ').trim();
      out.title = title.length > 60 ? `${title.slice(0, 59)}…` : title;
    }
  }
  return out;
}


export function acceptanceView(model: MentoringFile, role: Role | undefined): AcceptanceView {
  const agreement = model.agreement;
  const status = acceptanceStatus(agreement);
  const changes = (list: readonly TermChange[]): TermChangeView[] => list.slice(0, 1000).map((c) => changeView(c, agreement));
  const view: AcceptanceView = {
    state: status.state,
    facts: {
      recorded: agreement.accepted !== undefined,
      unrecorded: status.unrecorded,
      mentor: { current: status.mentor.current, changes: changes(status.mentor.changes) },
      mentee: { current: status.mentee.current, changes: changes(status.mentee.changes) },
      changes: changes(status.changes),
    },
    changes: status.changes.slice(0, 1000).map((c) => describeTermChange(c, agreement)),
    // Without a role the host asks who accepts: offered while either side still has to.
    canAccept: role ? !status[role].current : !(status.mentor.current && status.mentee.current),
  };
  // How the page tells the user to accept: its own button (the page's words, webview/acceptance.ts).
  const how = l10n.t('the Accept button below');
  const message = status.state === 'not-accepted' && agreement.accepted === undefined
    ? l10n.t('Not accepted yet: when you both agree to the goals and expectations, each of you accepts them with {0}.', how)
    : acceptanceMessage(agreement, how, status);
  if (message !== undefined) view.message = message;
  if (status.mentor.date !== undefined) view.mentor = status.mentor.date;
  if (status.mentee.date !== undefined) view.mentee = status.mentee.date;
  return view;
}
