/**
 * The Goals tab's acceptance block: who accepted the agreement, when, what changed since, and
 * whether the *Accept* button is for you (core/rituals/acceptance.ts holds the rules).
 * Pure: no `vscode`, no Node built-ins.
 */
import { acceptanceMessage, acceptanceStatus, describeTermChange } from '../rituals/acceptance';
import type { MentoringFile, Role } from '../schema';
import type { AcceptanceView } from './protocol';

/** How the page tells the user to accept: its own button. */
const HOW = 'the Accept button below';

export function acceptanceView(model: MentoringFile, role: Role | undefined): AcceptanceView {
  const agreement = model.agreement;
  const status = acceptanceStatus(agreement);
  const view: AcceptanceView = {
    state: status.state,
    changes: status.changes.slice(0, 1000).map((c) => describeTermChange(c, agreement)),
    // Without a role the host asks who accepts: offered while either side still has to.
    canAccept: role ? !status[role].current : !(status.mentor.current && status.mentee.current),
  };
  const message = status.state === 'not-accepted' && agreement.accepted === undefined
    ? `Not accepted yet: when you both agree to the goals and expectations, each of you accepts them with ${HOW}.`
    : acceptanceMessage(agreement, HOW, status);
  if (message !== undefined) view.message = message;
  if (status.mentor.date !== undefined) view.mentor = status.mentor.date;
  if (status.mentee.date !== undefined) view.mentee = status.mentee.date;
  return view;
}
