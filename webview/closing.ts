/**
 * The closing summary of a closed mentorship, shown above the tabs (`closing` in the ready
 * state, built by src/core/views/closing.ts): goals with their outcomes, sessions and tasks
 * counted, the ratings' trend as numbers, and each side's final feedback. Text arrives as plain
 * strings and goes through lit text bindings only; a sealed field the reader cannot open arrives
 * as its name, never its text.
 */
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit';
import type { ClosingView } from '../src/core/views/protocol';
import { nTasks } from './model';
import { roleTitle } from './l10n';

const GOAL_STATUS = { active: () => l10n.t('still active'), achieved: () => l10n.t('achieved'), dropped: () => l10n.t('dropped') } as const;
const DIRECTION = { rising: () => l10n.t('rising'), falling: () => l10n.t('falling'), steady: () => l10n.t('steady') } as const;

export function closingSection(c: ClosingView): TemplateResult {
  return html`<section class="closing" id="closing" aria-labelledby="closing-title">
    <h2 id="closing-title">${c.by === 'mentor' ? l10n.t('Closed on {0} by the mentor', c.on) : l10n.t('Closed on {0} by the mentee', c.on)}</h2>
    <p class="muted">${l10n.t('Reminders and nags about what is ahead have stopped. The file keeps the whole log.')}</p>
    <h3>${l10n.t('Goals')}</h3>
    ${c.goals.length === 0
      ? html`<p class="muted">${l10n.t('No goals were set.')}</p>`
      : html`<ul class="closing-goals">${c.goals.map((g) => html`<li class="goal" data-goal=${g.id}><strong>${g.title}</strong> — ${GOAL_STATUS[g.status]()}${g.outcome ? html`: ${g.outcome}` : nothing}</li>`)}</ul>`}
    <h3>${l10n.t('Sessions and tasks')}</h3>
    <p class="closing-counts">
      <span data-count="held">${c.sessions.held === 1 ? l10n.t('1 session held') : l10n.t('{0} sessions held', c.sessions.held)}</span> ·
      <span data-count="cancelled">${l10n.t('{0} cancelled', c.sessions.cancelled)}</span>${c.sessions.planned > 0 ? html` · <span data-count="planned">${l10n.t('{0} planned, not held', c.sessions.planned)}</span>` : nothing}<br />
      <span data-count="done">${l10n.t('{0} done', nTasks(c.tasks.done))}</span> ·
      <span data-count="dropped">${l10n.t('{0} dropped', c.tasks.dropped)}</span> ·
      <span data-count="open">${l10n.t('{0} open', c.tasks.open)}</span>
    </p>
    <h3>${l10n.t('Feedback')}</h3>
    ${c.direction
      ? html`<p class="closing-trend">${l10n.t('Ratings went from {0} to {1} ({2}).', c.direction.from, c.direction.to, DIRECTION[c.direction.word]())}</p>`
      : html`<p class="muted">${l10n.t('Too few rated sessions for a trend.')}</p>`}
    ${c.sealedRatings > 0 ? html`<p class="muted">${c.sealedRatings === 1 ? l10n.t('1 sealed rating not counted.') : l10n.t('{0} sealed ratings not counted.', c.sealedRatings)}</p>` : nothing}
    <ul class="closing-final">
      ${(['mentor', 'mentee'] as const).map((role) => {
        const f = c.final.find((x) => x.from === role);
        const who = roleTitle(role);
        if (!f) return html`<li data-final=${role}><strong>${who}</strong>: <span class="muted">${l10n.t('final feedback not given yet')}</span></li>`;
        return html`<li data-final=${role}><strong>${who}</strong>${f.rating !== undefined ? html` (${f.rating}/5)` : nothing}
          ${f.valuable !== undefined ? html`<div>${l10n.t('Valuable: {0}', f.valuable)}</div>` : nothing}
          ${f.change !== undefined ? html`<div>${l10n.t('Change: {0}', f.change)}</div>` : nothing}
          ${f.sealed.length > 0 ? html`<div class="muted">🔒 ${l10n.t('{0} sealed', f.sealed.join(', '))}</div>` : nothing}</li>`;
      })}
    </ul>
  </section>`;
}
