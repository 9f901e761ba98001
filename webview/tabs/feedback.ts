/**
 * The Feedback tab: the form for the session waiting for the user's feedback, the rating trend as
 * an SVG chart with its text alternative, and the history, PAGE entries at first.
 */
import * as l10n from '@vscode/l10n';
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { FeedbackView, ReadyState, SessionView } from '../../src/core/views/protocol';
import { PAGE, feedbackHistory, formatWhen, ownerName, trendGeometry, trendSummary, type Role } from '../model';
import { radioValue, setValue, valueOf, type Tab, type TabHost } from '../shared';
import { lockIcon } from '../icons';
import { roleWord } from '../l10n';

export class FeedbackTab implements Tab {
  /** History entries shown. */
  private shown = PAGE;

  constructor(private readonly host: TabHost) {}

  view(s: ReadyState): TemplateResult {
    const history = feedbackHistory(s.feedback);
    const limit = this.shown;
    return html`
      ${s.needsFeedback ? this.form(s, s.needsFeedback) : html`<p class="muted">${l10n.t('No session is waiting for your feedback.')}</p>`}
      <h3>${l10n.t('Trend')}</h3>
      ${trendChart(s)}
      <h3 id="history-heading">${l10n.t('History')}</h3>
      ${history.length === 0 ? html`<p class="muted">${l10n.t('No feedback yet.')}</p>` : html`<ul class="history" aria-labelledby="history-heading">
        ${history.slice(0, limit).map((f) => feedbackRow(f))}
      </ul>`}
      ${history.length > limit ? html`<vscode-button secondary @click=${() => { this.shown = limit + PAGE; this.host.render(); }}>${l10n.t('Show {0} more', Math.min(PAGE, history.length - limit))}</vscode-button>` : nothing}
    `;
  }

  private form(s: ReadyState, session: SessionView): TemplateResult {
    const root = this.host.root;
    const submit = (): void => {
      const ratingText = radioValue(root, '#fb-rating');
      const rating = ratingText ? Number(ratingText) : undefined;
      const valuable = valueOf(root, '#fb-valuable').trim();
      const change = valueOf(root, '#fb-change').trim();
      const from = s.role ?? (radioValue(root, '#fb-from') as Role | undefined);
      if (!s.role && !from) return this.host.invalid('#fb-from', l10n.t('Say whether you are the mentor or the mentee.'));
      if (rating === undefined && !valuable && !change) return this.host.invalid('#fb-rating', l10n.t('Give a rating or write what was valuable or what to change.'));
      this.host.request({
        type: 'submitFeedback', session: session.id,
        ...(from ? { from } : {}), ...(rating !== undefined ? { rating } : {}), ...(valuable ? { valuable } : {}), ...(change ? { change } : {}),
      }, l10n.t('Feedback'), () => {
        setValue(root, '#fb-valuable', '');
        setValue(root, '#fb-change', '');
      });
    };
    return html`<h2>${l10n.t('Feedback on {0}', formatWhen(session.at))}</h2>
      ${session.topic ? html`<p>${l10n.t('Topic: {0}', session.topic)}</p>` : nothing}
      <div class="form">
        ${s.role ? nothing : html`<vscode-label for="fb-from">${l10n.t('You are')}</vscode-label>
          <vscode-radio-group id="fb-from">
            <vscode-radio name="fb-from" value="mentee" label=${ownerName(s, 'mentee')}></vscode-radio>
            <vscode-radio name="fb-from" value="mentor" label=${ownerName(s, 'mentor')}></vscode-radio>
          </vscode-radio-group>`}
        <vscode-label for="fb-rating">${l10n.t('Rating (1 = not useful, 5 = very useful)')}</vscode-label>
        <vscode-radio-group id="fb-rating">
          ${[1, 2, 3, 4, 5].map((r) => html`<vscode-radio name="fb-rating" value=${String(r)} label=${String(r)}></vscode-radio>`)}
        </vscode-radio-group>
        <vscode-label for="fb-valuable">${l10n.t('What was valuable')}</vscode-label>
        <vscode-textarea id="fb-valuable" rows="2" maxlength="20000"></vscode-textarea>
        <vscode-label for="fb-change">${l10n.t('What to change')}</vscode-label>
        <vscode-textarea id="fb-change" rows="2" maxlength="20000"></vscode-textarea>
        <div class="actions"><vscode-button id="fb-submit" @click=${submit}>${l10n.t('Submit feedback')}</vscode-button></div>
      </div>`;
  }
}

function trendChart(s: ReadyState): TemplateResult {
  const summary = trendSummary(s.trend);
  if (s.trend.length === 0) return html`<p class="muted">${summary}</p>`;
  const g = trendGeometry(s.trend, 240, 80, 8, 18);
  return html`<figure class="trend">
    <svg viewBox="0 0 ${g.width} ${g.height}" width=${g.width} height=${g.height} role="img" aria-labelledby="trend-summary">
      ${g.grid.map((l) => svg`<line class="grid" x1="14" x2=${g.width} y1=${l.y} y2=${l.y}></line>${l.rating % 2 === 1 ? svg`<text class="axis" x="2" y=${l.y + 3} aria-hidden="true">${l.rating}</text>` : nothing}`)}
      ${g.dots.length > 1 ? svg`<polyline class="trend-line" points=${g.line} fill="none"></polyline>` : nothing}
      ${g.dots.map((d) => svg`<circle class="trend-dot" cx=${d.x} cy=${d.y} r="3"><title>${d.point.session}: ${d.point.average}</title></circle>`)}
    </svg>
    <figcaption id="trend-summary">${summary}</figcaption>
  </figure>`;
}

const FIELD_LABEL = { rating: () => l10n.t('Rating'), valuable: () => l10n.t('Valuable'), change: () => l10n.t('Change') } as const;

function feedbackRow(f: FeedbackView): TemplateResult {
  // Opened fields: their text, and once for the entry a lock with who can read them. Fields this
  // reader cannot open: that they exist and who can read them (the host never sends armor).
  const opened = (f.sealed ?? []).filter((m) => m.opened);
  const locked = (f.sealed ?? []).filter((m) => !m.opened);
  const openedReaders = [...new Set(opened.map((m) => m.readers))];
  return html`<li class="feedback">
    <div><strong>${f.session}</strong>${f.topic ? html` · ${f.topic}` : nothing} <span class="muted">· ${l10n.t('from the {0}', roleWord(f.from))}</span>
      ${f.rating !== undefined ? html` · <span class="rating">${l10n.t('rated {0} of 5', f.rating)}</span>` : nothing}</div>
    ${f.valuable ? html`<div class="quote"><span class="muted">${l10n.t('Valuable:')}</span> ${f.valuable}</div>` : nothing}
    ${f.change ? html`<div class="quote"><span class="muted">${l10n.t('Change:')}</span> ${f.change}</div>` : nothing}
    ${locked.map((m) => html`<div class="quote sealed-locked">${lockIcon()} <span class="muted">${FIELD_LABEL[m.field]()}:</span> ${l10n.t('sealed — readable by {0}', m.readers)}</div>`)}
    ${openedReaders.map((r) => html`<div class="muted sealed-opened">${lockIcon()} ${l10n.t('Sealed — readable by {0}', r)}</div>`)}
  </li>`;
}
