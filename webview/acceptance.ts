/**
 * The acceptance block's words, from its facts (`AcceptanceView.facts`, built by
 * src/core/views/acceptance.ts): where the pair stands and what changed, in the display language.
 * In English the very sentences of core/rituals/acceptance.ts (`acceptanceMessage`,
 * `describeTermChange`): test/unit/webview/acceptance.test.ts holds them equal. Pure: no DOM.
 */
import * as l10n from '@vscode/l10n';
import type { AcceptanceView, TermChangeView } from '../src/core/views/protocol';
import { roleWord } from './l10n';

type Role = 'mentor' | 'mentee';

/** One change: "goal g2 added", "expectations.cadence changed", with a goal's title when it is still there. */
export function changeText(c: TermChangeView): string {
  let words: string;
  if (c.term.startsWith('goals.')) {
    const id = c.term.slice('goals.'.length);
    words = c.kind === 'added' ? l10n.t('goal {0} added', id) : c.kind === 'removed' ? l10n.t('goal {0} removed', id) : l10n.t('goal {0} changed', id);
  } else if (c.term === 'confidential') {
    words = c.kind === 'added' ? l10n.t('the confidential fields added') : c.kind === 'removed' ? l10n.t('the confidential fields removed') : l10n.t('the confidential fields changed');
  } else {
    words = c.kind === 'added' ? l10n.t('{0} added', c.term) : c.kind === 'removed' ? l10n.t('{0} removed', c.term) : l10n.t('{0} changed', c.term);
  }
  return c.title === undefined ? words : l10n.t('{0} ("{1}")', words, c.title);
}

/** Where the pair stands, in one or two sentences; undefined when both accepted the terms as they are. */
export function acceptanceText(a: AcceptanceView): string | undefined {
  const f = a.facts;
  const how = l10n.t('the Accept button below');
  const list = (changes: readonly TermChangeView[]): string => (changes.length > 0 ? `: ${changes.map(changeText).join(', ')}` : '');
  switch (a.state) {
    case 'not-accepted':
      return f.recorded
        ? l10n.t('Neither the mentor nor the mentee has accepted the agreement yet. Accept it ({0}).', how)
        : l10n.t('Not accepted yet: when you both agree to the goals and expectations, each of you accepts them with {0}.', how);
    case 'accepted':
      return f.unrecorded
        ? l10n.t('The agreement was accepted, but the file does not record what was accepted, so a later change cannot be shown. Accept it again to record it ({0}).', how)
        : undefined;
    case 'partly': {
      const [done, todo]: [Role, Role] = f.mentor.current ? ['mentor', 'mentee'] : ['mentee', 'mentor'];
      const doneDate = a[done] ?? '';
      const lagDate = a[todo];
      if (lagDate === undefined) return l10n.t('Accepted by the {0} on {1}; not yet accepted by the {2} ({3}).', roleWord(done), doneDate, roleWord(todo), how);
      return l10n.t('The agreement changed since the {0} accepted it on {1}{2}. The {3} accepted the new terms on {4}; the {0} has not yet ({5}).',
        roleWord(todo), lagDate, list(f[todo].changes), roleWord(done), doneDate, how);
    }
    case 'changed': {
      if (a.mentor !== undefined && a.mentee !== undefined) return l10n.t('The agreement changed since you both accepted it{0}. Accept it again ({1}).', list(f.changes), how);
      const [done, todo]: [Role, Role] = a.mentor !== undefined ? ['mentor', 'mentee'] : ['mentee', 'mentor'];
      return l10n.t('The agreement changed since the {0} accepted it on {1}{2}; the {3} has not accepted it yet. Accept it again ({4}).',
        roleWord(done), a[done] ?? '', list(f.changes), roleWord(todo), how);
    }
  }
}
