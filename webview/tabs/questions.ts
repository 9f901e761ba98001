/**
 * "Questions to ask" in the Agenda tab: the questions that fit the current session's moment
 * (built by core/rituals/questions.ts into the view state), each with an Add button that sends
 * `addQuestion` by id with the text shown — the host adds it through the one edit runner, or
 * refuses when the file no longer offers that question (core/edit/questions.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReadyState, SessionView } from '../../src/core/views/protocol';
import type { TabHost } from '../shared';

/** The moment a question fits, as the list says it. */
const MOMENTS: Readonly<Record<string, string>> = {
  'first-session': 'first session',
  'late-cancellation': 'after a late cancellation',
  'goal-due': 'goal near its date',
  'undone-tasks': 'open tasks',
  feedback: 'feedback at the end',
  any: 'any session',
};

export function questionsToAsk(s: ReadyState, c: SessionView, host: TabHost): TemplateResult | typeof nothing {
  const questions = s.questions ?? [];
  if (questions.length === 0) return nothing;
  return html`<h3 id="questions-heading">Questions to ask</h3>
    <ul class="carry questions" aria-labelledby="questions-heading">
      ${questions.map((q) => html`<li data-question=${q.id}>
        <span class="text">${q.text} <span class="muted">(${MOMENTS[q.moment] ?? q.moment}${q.team ? ", your team's" : ''})</span></span>
        <vscode-button secondary aria-label=${`Add to the agenda: ${q.text}`}
          @click=${() => host.request({ type: 'addQuestion', session: c.id, question: q.id, text: q.text }, 'Add question')}>Add</vscode-button>
      </li>`)}
    </ul>`;
}
