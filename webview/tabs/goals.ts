/**
 * The Goals tab (`agreement` in `TabId`): who accepted the agreement and what changed since (with
 * *Accept*), the agreement's goals with their time left, and the file's warnings, each opening the
 * file at its line.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AcceptanceView, GoalView, ProblemView, ReadyState } from '../../src/core/views/protocol';
import { plural } from '../model';
import { errorIcon, infoIcon, warningIcon } from '../icons';
import type { Tab, TabHost } from '../shared';

export class GoalsTab implements Tab {
  constructor(private readonly host: TabHost) {}

  view(s: ReadyState): TemplateResult {
    return html`${s.acceptance ? this.acceptanceBlock(s.acceptance) : nothing}<h2>Goals</h2>
      ${s.goals.length === 0 ? html`<p class="muted">No goals yet.</p>` : html`<ul class="goals">${s.goals.map((g) => goalRow(g))}</ul>`}
      <h2>Warnings</h2>
      ${s.warnings.length === 0 ? html`<p class="muted">The agreement is kept: no warnings.</p>` : html`<ul class="warnings">${s.warnings.map((w) => this.problemRow(w))}</ul>`}`;
  }

  private acceptanceBlock(a: AcceptanceView): TemplateResult {
    const who = [a.mentor ? `Mentor: accepted ${a.mentor}` : 'Mentor: not yet', a.mentee ? `Mentee: accepted ${a.mentee}` : 'Mentee: not yet'].join(' · ');
    return html`<section class="acceptance ${a.state}" aria-labelledby="acceptance-heading">
      <h2 id="acceptance-heading">Agreement</h2>
      <p class="acceptance-state">${a.state === 'changed' ? warningIcon() : nothing}${a.message ?? 'Accepted by both, as it is now.'}</p>
      ${a.changes.length > 0 ? html`<ul class="acceptance-changes" aria-label="What changed">${a.changes.map((c) => html`<li>${c}</li>`)}</ul>` : nothing}
      <p class="muted acceptance-who">${who}</p>
      ${a.canAccept ? html`<vscode-button id="accept-agreement" @click=${() => this.host.post({ type: 'acceptAgreement' })}>Accept…</vscode-button>` : nothing}
    </section>`;
  }

  private problemRow(p: ProblemView): TemplateResult {
    const icon = p.severity === 'error' ? errorIcon() : p.severity === 'warning' ? warningIcon() : infoIcon();
    return html`<li class="problem ${p.severity}">
      <span class="severity">${icon}${p.severity}</span> ${p.message}
      <button class="link" aria-label=${`Open the file at line ${p.line}`} @click=${() => this.host.post({ type: 'openFile', line: p.line, column: p.column })}>line ${p.line}</button>
      ${p.raise === undefined ? '' : html`<button class="text-button raise" aria-label=${`Raise at the next session: ${p.raise}`} title=${p.raise}
        @click=${() => p.raise !== undefined && this.host.post({ type: 'raiseConcern', question: p.raise })}>Raise at the next session…</button>`}
    </li>`;
  }
}

function goalRow(g: GoalView): TemplateResult {
  const left = g.status !== 'active' ? g.status : g.overdue ? `overdue by ${plural(-g.daysLeft, 'day')}` : `${plural(g.daysLeft, 'day')} left`;
  return html`<li class="goal ${g.overdue && g.status === 'active' ? 'overdue' : ''}">
    <div class="task-title">${g.title}</div>
    <div class="task-meta"><span class=${g.overdue && g.status === 'active' ? 'overdue-text' : ''}>${g.overdue && g.status === 'active' ? warningIcon() : nothing}by ${g.by} · ${left}</span>
      <span>${plural(g.openTasks, 'open task')}</span><span class="muted">${g.id}</span></div>
  </li>`;
}
