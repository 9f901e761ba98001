/**
 * The Agenda tab: the next (or running) session with its countdown and topic notice, its agenda
 * (reordered, edited and removed with the keyboard alone), open tasks to carry forward, and the
 * plan form when no session is planned.
 */
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit';
import type { ReadyState, SessionView, ViewState } from '../../src/core/views/protocol';
import { agendaLines, formatWhen, moveTarget, noticeText, ownerName, relative, suggestedSessionTime } from '../model';
import { downIcon, editIcon, removeIcon, upIcon, warningIcon } from '../icons';
import { setValue, valueOf, type Tab, type TabHost } from '../shared';
import { withParts } from '../l10n';
import { questionsToAsk } from './questions';

export class AgendaTab implements Tab {
  /** The index of the agenda item being edited in place. */
  private editing: number | undefined;

  constructor(private readonly host: TabHost) {}

  onState(state: ViewState): void {
    if (this.editing !== undefined && (state.kind !== 'ready' || !state.current || this.editing >= state.current.agenda.length)) {
      this.editing = undefined;
    }
  }

  view(s: ReadyState): TemplateResult {
    const c = s.current;
    if (!c) return this.planForm(s);
    const elapsed = this.host.elapsed();
    const toStart = c.msToStart - elapsed;
    return html`
      <h2>${c.running ? l10n.t('Session running') : l10n.t('Next session')}</h2>
      <p class="when"><strong>${formatWhen(c.at)}</strong>
        <span class="muted">${c.running ? l10n.t('started {0}', relative(-(Date.now() - Date.parse(c.started ?? c.at)))) : toStart >= 0 ? l10n.t('starts {0}', relative(toStart)) : l10n.t('was due {0}', relative(toStart))}</span></p>
      <p class="topic">${c.topic ? withParts(l10n.t('Topic: {0}'), html`<strong>${c.topic}</strong>`) : html`<em>${l10n.t('No topic yet.')}</em>`}</p>
      <p class="notice ${!c.announced && !c.running ? 'attention' : ''}">${!c.announced && !c.running ? warningIcon() : nothing}${noticeText(c, elapsed)}</p>
      ${!c.announced && !c.running ? this.announceForm(c) : nothing}
      <div class="actions">
        ${c.running
          ? html`<vscode-button id="end-session" @click=${() => this.host.request({ type: 'endSession', session: c.id }, l10n.t('End session'))}>${l10n.t('End session')}</vscode-button>`
          : html`<vscode-button id="start-session" @click=${() => this.host.request({ type: 'startSession', session: c.id }, l10n.t('Start session'))}>${l10n.t('Start session')}</vscode-button>
            <vscode-button id="add-to-calendar" secondary @click=${() => this.host.post({ type: 'addToCalendar', session: c.id })}>${l10n.t('Add to calendar…')}</vscode-button>`}
      </div>
      <h3 id="agenda-heading">${l10n.t('Agenda')}</h3>
      <p id="agenda-keys" class="muted small">${l10n.t('Move a focused item with Alt+Up / Alt+Down; Enter edits it, Delete removes it.')}</p>
      ${c.agenda.length === 0 ? html`<p class="muted">${l10n.t('No agenda items yet.')}</p>` : nothing}
      <ol class="agenda" aria-labelledby="agenda-heading">
        ${c.agenda.map((item, i) => this.item(c, item, i))}
      </ol>
      <div class="row">
        <vscode-textfield id="agenda-new" class="grow" placeholder=${l10n.t('New agenda item')} .label=${l10n.t('New agenda item')} maxlength="500"
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') this.add(c); }}></vscode-textfield>
        <vscode-button id="agenda-add" @click=${() => this.add(c)}>${l10n.t('Add')}</vscode-button>
      </div>
      ${questionsToAsk(s, c, this.host)}
      ${this.carryForward(s, c)}
    `;
  }

  private item(c: SessionView, item: string, i: number): TemplateResult {
    const n = c.agenda.length;
    if (this.editing === i) {
      return html`<li class="agenda-item editing">
        <vscode-textfield id="agenda-edit" class="grow" .value=${item} .label=${l10n.t('Edit agenda item {0}', i + 1)} maxlength="500"
          @keydown=${(e: KeyboardEvent) => {
            // Saving moves the focus back to the item; the same Enter must not reach it.
            if (e.key === 'Enter') { e.preventDefault(); this.saveEdit(c, i); }
            if (e.key === 'Escape') this.stopEditing(i);
          }}></vscode-textfield>
        <vscode-button id="agenda-save" @click=${() => this.saveEdit(c, i)}>${l10n.t('Save')}</vscode-button>
        <vscode-button secondary @click=${() => this.stopEditing(i)}>${l10n.t('Cancel')}</vscode-button>
      </li>`;
    }
    const move = (delta: -1 | 1): void => {
      const to = moveTarget(i, delta, n);
      if (to === undefined) return;
      if (this.host.request({ type: 'moveAgendaItem', session: c.id, from: i, to }, l10n.t('Move agenda item'))) this.host.focusLater(`agenda-${to}`);
    };
    const remove = (): void => {
      if (this.host.request({ type: 'removeAgendaItem', session: c.id, index: i }, l10n.t('Remove agenda item "{0}"', item))) this.host.focusLater(n > 1 ? `agenda-${Math.min(i, n - 2)}` : 'agenda-new');
    };
    return html`<li class="agenda-item" tabindex="0" data-focus="agenda-${i}" aria-describedby="agenda-keys"
        @keydown=${(e: KeyboardEvent) => {
          if (e.target !== e.currentTarget) return;
          if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) { e.preventDefault(); move(e.key === 'ArrowUp' ? -1 : 1); }
          else if (e.key === 'Enter' || e.key === 'F2') { e.preventDefault(); this.edit(i); }
          else if (e.key === 'Delete') { e.preventDefault(); remove(); }
        }}>
      <span class="text">${item}</span>
      <span class="item-actions">
        <button class="icon-button" title=${l10n.t('Move up')} aria-label=${l10n.t('Move "{0}" up', item)} ?disabled=${i === 0} @click=${() => move(-1)}>${upIcon()}</button>
        <button class="icon-button" title=${l10n.t('Move down')} aria-label=${l10n.t('Move "{0}" down', item)} ?disabled=${i === n - 1} @click=${() => move(1)}>${downIcon()}</button>
        <button class="icon-button" title=${l10n.t('Edit')} aria-label=${l10n.t('Edit "{0}"', item)} @click=${() => this.edit(i)}>${editIcon()}</button>
        <button class="icon-button" title=${l10n.t('Remove')} aria-label=${l10n.t('Remove "{0}"', item)} @click=${remove}>${removeIcon()}</button>
      </span>
    </li>`;
  }

  private edit(i: number): void {
    this.editing = i;
    this.host.render();
    // The field is new: focus() before it has drawn its input finds nothing to focus (lit draws it a microtask later).
    // Its text is selected, as F2 does in the editor, so typing replaces it without Ctrl+A (which in a webview
    // goes to the workbench and comes back as a select-all a moment later, over whatever was typed meanwhile).
    const field = this.host.root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('#agenda-edit');
    void field?.updateComplete?.then(() => {
      field.focus();
      field.shadowRoot?.querySelector('input')?.select();
    });
  }

  /** Leaves the in-place editor; focus goes back to the item. */
  private stopEditing(i: number): void {
    this.editing = undefined;
    this.host.focusLater(`agenda-${i}`);
    this.host.render();
  }

  private saveEdit(c: SessionView, i: number): void {
    const text = valueOf(this.host.root, '#agenda-edit').trim();
    if (!text) return this.host.invalid('#agenda-edit', l10n.t('An agenda item needs some text (or remove it).'));
    this.host.request({ type: 'editAgendaItem', session: c.id, index: i, text }, l10n.t('Edit agenda item'));
    this.stopEditing(i);
  }

  private add(c: SessionView): void {
    const root = this.host.root;
    const text = valueOf(root, '#agenda-new').trim();
    if (!text) return this.host.invalid('#agenda-new', l10n.t('Type the agenda item first.'));
    this.host.request({ type: 'addAgendaItem', session: c.id, text }, l10n.t('Add agenda item "{0}"', text), () => setValue(root, '#agenda-new', ''));
  }

  private announceForm(c: SessionView): TemplateResult {
    const send = (): void => {
      const topic = valueOf(this.host.root, '#announce-topic').trim();
      if (!topic) return this.host.invalid('#announce-topic', l10n.t('Type the topic to announce.'));
      this.host.request({ type: 'announceTopic', session: c.id, topic }, l10n.t('Announce topic'));
    };
    return html`<div class="row">
      <vscode-textfield id="announce-topic" class="grow" .value=${c.topic ?? ''} .label=${l10n.t('Topic to announce')} placeholder=${l10n.t('Topic')} maxlength="500"
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') send(); }}></vscode-textfield>
      <vscode-button id="announce" secondary @click=${send}>${l10n.t('Announce')}</vscode-button>
    </div>`;
  }

  private carryForward(s: ReadyState, c: SessionView): TemplateResult | typeof nothing {
    if (s.carryForward.length === 0) return nothing;
    return html`<h3>${l10n.t('Open tasks to carry forward')}</h3>
      <ul class="carry">
        ${s.carryForward.slice(0, 20).map((t) => html`<li>
          <span class="text">${t.title} <span class="muted">(${t.overdue ? l10n.t('{0}, overdue', ownerName(s, t.owner)) : ownerName(s, t.owner)})</span></span>
          <vscode-button secondary aria-label=${l10n.t('Add to agenda: "{0}"', t.title)} @click=${() => this.host.request({ type: 'carryForward', session: c.id, task: t.id }, l10n.t('Carry forward'))}>${l10n.t('Add to agenda')}</vscode-button>
        </li>`)}
      </ul>`;
  }

  private planForm(s: ReadyState): TemplateResult {
    // A closed mentorship has no next session to plan; its summary is shown above the tabs.
    if (s.closing) return html`<p class="muted">${l10n.t('The mentorship is closed: no session is planned.')}</p>`;
    const root = this.host.root;
    const plan = (): void => {
      const at = valueOf(root, '#plan-at');
      if (!at) return this.host.invalid('#plan-at', l10n.t('Choose the date and time of the session.'));
      const topic = valueOf(root, '#plan-topic').trim();
      const agenda = agendaLines(valueOf(root, '#plan-agenda'));
      this.host.request({ type: 'planSession', at, ...(topic ? { topic } : {}), ...(agenda.length ? { agenda } : {}) }, l10n.t('Plan session'), () => {
        setValue(root, '#plan-topic', '');
        setValue(root, '#plan-agenda', '');
      });
    };
    return html`<h2>${l10n.t('No session planned')}</h2>
      <p class="muted">${l10n.t('Plan the next session; its topic counts as announced now.')}</p>
      <div class="form">
        <vscode-label for="plan-at">${l10n.t('Date and time')}</vscode-label>
        <vscode-textfield id="plan-at" type="datetime-local" .value=${suggestedSessionTime(new Date(Date.parse(s.now) || Date.now()))}></vscode-textfield>
        <vscode-label for="plan-topic">${l10n.t('Topic')}</vscode-label>
        <vscode-textfield id="plan-topic" maxlength="500" placeholder=${l10n.t('What you will talk about')}></vscode-textfield>
        <vscode-label for="plan-agenda">${l10n.t('Agenda (one item per line)')}</vscode-label>
        <vscode-textarea id="plan-agenda" rows="3"></vscode-textarea>
        <div class="actions"><vscode-button id="plan" @click=${plan}>${l10n.t('Plan session')}</vscode-button></div>
      </div>
      ${s.carryForward.length > 0 ? html`<p class="muted">${s.carryForward.length === 1 ? l10n.t('1 open task can be carried forward once a session is planned.') : l10n.t('{0} open tasks can be carried forward once a session is planned.', s.carryForward.length)}</p>` : nothing}`;
  }
}
