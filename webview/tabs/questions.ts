/**
 * "Questions to ask" in the Agenda tab: the questions that fit the current session's moment
 * (built by core/rituals/questions.ts into the view state), each with an Add button that sends
 * `addQuestion` by id with the text shown — the host adds it through the one edit runner, or
 * refuses when the file no longer offers that question (core/edit/questions.ts).
 */
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit';
import type { ReadyState, SessionView } from '../../src/core/views/protocol';
import type { TabHost } from '../shared';

/** The moment a question fits, as the list says it. */
const MOMENTS: Readonly<Record<string, () => string>> = {
  'first-session': () => l10n.t('first session'),
  'late-cancellation': () => l10n.t('after a late cancellation'),
  'goal-due': () => l10n.t('goal near its date'),
  'undone-tasks': () => l10n.t('open tasks'),
  feedback: () => l10n.t('feedback at the end'),
  any: () => l10n.t('any session'),
};

export function questionsToAsk(s: ReadyState, c: SessionView, host: TabHost): TemplateResult | typeof nothing {
  const questions = s.questions ?? [];
  if (questions.length === 0) return nothing;
  return html`<h3 id="questions-heading">${l10n.t('Questions to ask')}</h3>
    <ul class="carry questions" aria-labelledby="questions-heading">
      ${questions.map((q) => html`<li data-question=${q.id}>
        <span class="text">${q.text} <span class="muted">(${q.team ? l10n.t("{0}, your team's", MOMENTS[q.moment]?.() ?? q.moment) : (MOMENTS[q.moment]?.() ?? q.moment)})</span></span>
        <vscode-button secondary aria-label=${l10n.t('Add to the agenda: {0}', q.text)}
          @click=${() => host.request({ type: 'addQuestion', session: c.id, question: q.id, text: q.text }, l10n.t('Add question'))}>${l10n.t('Add')}</vscode-button>
      </li>`)}
    </ul>`;
}
