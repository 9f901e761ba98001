/**
 * The closing summary of a closed mentorship, shown above the tabs (`closing` in the ready
 * state, built by src/core/views/closing.ts): goals with their outcomes, sessions and tasks
 * counted, the ratings' trend as numbers, and each side's final feedback. Text arrives as plain
 * strings and goes through lit text bindings only; a sealed field the reader cannot open arrives
 * as its name, never its text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ClosingView } from '../src/core/views/protocol';
import { plural } from './model';

export function closingSection(c: ClosingView): TemplateResult {
  return html`<section class="closing" id="closing" aria-labelledby="closing-title">
    <h2 id="closing-title">Closed on ${c.on} by the ${c.by}</h2>
    <p class="muted">Reminders and nags about what is ahead have stopped. The file keeps the whole log.</p>
    <h3>Goals</h3>
    ${c.goals.length === 0
      ? html`<p class="muted">No goals were set.</p>`
      : html`<ul class="closing-goals">${c.goals.map((g) => html`<li class="goal" data-goal=${g.id}><strong>${g.title}</strong> — ${g.status === 'active' ? 'still active' : g.status}${g.outcome ? html`: ${g.outcome}` : nothing}</li>`)}</ul>`}
    <h3>Sessions and tasks</h3>
    <p class="closing-counts">
      <span data-count="held">${plural(c.sessions.held, 'session')} held</span> ·
      <span data-count="cancelled">${c.sessions.cancelled} cancelled</span>${c.sessions.planned > 0 ? html` · <span data-count="planned">${c.sessions.planned} planned, not held</span>` : nothing}<br />
      <span data-count="done">${plural(c.tasks.done, 'task')} done</span> ·
      <span data-count="dropped">${c.tasks.dropped} dropped</span> ·
      <span data-count="open">${c.tasks.open} open</span>
    </p>
    <h3>Feedback</h3>
    ${c.direction
      ? html`<p class="closing-trend">Ratings went from ${c.direction.from} to ${c.direction.to} (${c.direction.word}).</p>`
      : html`<p class="muted">Too few rated sessions for a trend.</p>`}
    ${c.sealedRatings > 0 ? html`<p class="muted">${plural(c.sealedRatings, 'sealed rating')} not counted.</p>` : nothing}
    <ul class="closing-final">
      ${(['mentor', 'mentee'] as const).map((role) => {
        const f = c.final.find((x) => x.from === role);
        const who = role === 'mentor' ? 'Mentor' : 'Mentee';
        if (!f) return html`<li data-final=${role}><strong>${who}</strong>: <span class="muted">final feedback not given yet</span></li>`;
        return html`<li data-final=${role}><strong>${who}</strong>${f.rating !== undefined ? html` (${f.rating}/5)` : nothing}
          ${f.valuable !== undefined ? html`<div>Valuable: ${f.valuable}</div>` : nothing}
          ${f.change !== undefined ? html`<div>Change: ${f.change}</div>` : nothing}
          ${f.sealed.length > 0 ? html`<div class="muted">🔒 ${f.sealed.join(', ')} sealed</div>` : nothing}</li>`;
      })}
    </ul>
  </section>`;
}
