/**
 * The Goals tab (`agreement` in `TabId`): who accepted the agreement and what changed since (with
 * *Accept*), the agreement's goals with their time left, and the file's warnings, each opening the
 * file at its line.
 */
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit';
import type { AcceptanceView, GoalView, ProblemView, ReadyState } from '../../src/core/views/protocol';
import { nDays, nOpenTasks } from '../model';
import { errorIcon, infoIcon, warningIcon } from '../icons';
import type { Tab, TabHost } from '../shared';
import { acceptanceText, changeText } from '../acceptance';

export class GoalsTab implements Tab {
  constructor(private readonly host: TabHost) {}

  view(s: ReadyState): TemplateResult {
    return html`${s.acceptance ? this.acceptanceBlock(s.acceptance) : nothing}<h2>${l10n.t('Goals')}</h2>
      ${s.goals.length === 0 ? html`<p class="muted">${l10n.t('No goals yet.')}</p>` : html`<ul class="goals">${s.goals.map((g) => goalRow(g))}</ul>`}
      <h2>${l10n.t('Warnings')}</h2>
      ${s.warnings.length === 0 ? html`<p class="muted">${l10n.t('The agreement is kept: no warnings.')}</p>` : html`<ul class="warnings">${s.warnings.map((w) => this.problemRow(w))}</ul>`}`;
  }

  private acceptanceBlock(a: AcceptanceView): TemplateResult {
    const who = [a.mentor ? l10n.t('Mentor: accepted {0}', a.mentor) : l10n.t('Mentor: not yet'), a.mentee ? l10n.t('Mentee: accepted {0}', a.mentee) : l10n.t('Mentee: not yet')].join(' · ');
    return html`<section class="acceptance ${a.state}" aria-labelledby="acceptance-heading">
      <h2 id="acceptance-heading">${l10n.t('Agreement')}</h2>
      <p class="acceptance-state">${a.state === 'changed' ? warningIcon() : nothing}${acceptanceText(a) ?? l10n.t('Accepted by both, as it is now.')}</p>
      ${a.facts.changes.length > 0 ? html`<ul class="acceptance-changes" aria-label=${l10n.t('What changed')}>${a.facts.changes.map((c) => html`<li>${changeText(c)}</li>`)}</ul>` : nothing}
      <p class="muted acceptance-who">${who}</p>
      ${a.canAccept ? html`<vscode-button id="accept-agreement" @click=${() => this.host.post({ type: 'acceptAgreement' })}>${l10n.t('Accept…')}</vscode-button>` : nothing}
    </section>`;
  }

  private problemRow(p: ProblemView): TemplateResult {
    const icon = p.severity === 'error' ? errorIcon() : p.severity === 'warning' ? warningIcon() : infoIcon();
    const severity = p.severity === 'error' ? l10n.t('error') : p.severity === 'warning' ? l10n.t('warning') : l10n.t('info');
    return html`<li class="problem ${p.severity}">
      <span class="severity">${icon}${severity}</span> ${p.message}
      <button class="link" aria-label=${l10n.t('Open the file at line {0}', p.line)} @click=${() => this.host.post({ type: 'openFile', line: p.line, column: p.column })}>${l10n.t('line {0}', p.line)}</button>
      ${p.raise === undefined ? '' : html`<button class="text-button raise" aria-label=${l10n.t('Raise at the next session: {0}', p.raise)} title=${p.raise}
        @click=${() => p.raise !== undefined && this.host.post({ type: 'raiseConcern', question: p.raise })}>${l10n.t('Raise at the next session…')}</button>`}
    </li>`;
  }
}

function goalRow(g: GoalView): TemplateResult {
  const left = g.status === 'achieved' ? l10n.t('achieved') : g.status === 'dropped' ? l10n.t('dropped') : g.overdue ? l10n.t('overdue by {0}', nDays(-g.daysLeft)) : (g.daysLeft === 1 ? l10n.t('1 day left') : l10n.t('{0} days left', g.daysLeft));
  return html`<li class="goal ${g.overdue && g.status === 'active' ? 'overdue' : ''}">
    <div class="task-title">${g.title}</div>
    <div class="task-meta"><span class=${g.overdue && g.status === 'active' ? 'overdue-text' : ''}>${g.overdue && g.status === 'active' ? warningIcon() : nothing}${l10n.t('by {0}', g.by)} · ${left}</span>
      <span>${nOpenTasks(g.openTasks)}</span><span class="muted">${g.id}</span></div>
  </li>`;
}
