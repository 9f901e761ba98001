/**
 * The sidebar webview: renders the host's view model (`state`) with lit into `#root` (light DOM,
 * so media/sidebar.css applies) and turns clicks and keys into protocol messages.
 *
 * Safety: every piece of user text goes through lit text or attribute bindings (never unsafeHTML,
 * innerHTML or an href), so a cloned repository's `<script>` or `javascript:` stays text. Every
 * host message is validated with `parseHostMessage`; invalid ones are ignored. Every outgoing
 * message is validated with `parseWebviewMessage` before it is sent, so a bad form value gets a
 * message here instead of a silent refusal by the host.
 *
 * Large logs: task groups and the feedback history render PAGE rows at first, more on demand.
 */
import { html, nothing, render, svg, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import {
  parseHostMessage, parseWebviewMessage,
  type FeedbackView, type GoalView, type HostMessage, type ProblemView, type ReadyState, type SessionView, type TaskView,
  type ViewState, type WebviewMessage, type WebviewRequest,
} from '../src/core/views/protocol';
import {
  PAGE, STATUS_FILTERS, TABS, agendaLines, countByStatus, describeChange, dueText, feedbackHistory, formatWhen, groupTasks,
  moveTarget, noticeText, ownerName, plural, relative, sanitizeUiState, suggestedSessionTime, trendGeometry, trendSummary,
  type Role, type StatusFilter, type TabId, type TaskGroup, type UiState,
} from './model';
import { downIcon, editIcon, errorIcon, infoIcon, linkIcon, lockIcon, removeIcon, upIcon, warningIcon } from './icons';

export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Request = DistributiveOmit<WebviewRequest, 'requestId'>;

interface Pending { what: string; onOk?: () => void; /** A model arrived while it was pending (the host may post it before the result). */ stateSeen?: boolean }

/** A value from a vscode-textfield/-textarea (or '' when the element is missing). */
function valueOf(root: ParentNode, selector: string): string {
  const el = root.querySelector<HTMLElement & { value: string }>(selector);
  return el ? String(el.value ?? '') : '';
}

function setValue(root: ParentNode, selector: string, value: string): void {
  const el = root.querySelector<HTMLElement & { value: string }>(selector);
  if (el) el.value = value;
}

/** The checked radio's value inside a vscode-radio-group. */
function radioValue(root: ParentNode, group: string): string | undefined {
  const radios = root.querySelector(group)?.querySelectorAll('vscode-radio') ?? [];
  for (const r of Array.from(radios)) if (r.checked) return r.value;
  return undefined;
}

export class SidebarApp {
  private state: ViewState = { kind: 'loading' };
  /** Date.now() when `state` arrived: countdowns in it are relative to that moment. */
  private receivedAt = Date.now();
  private ui: UiState;
  /** Rows shown per long list ("mentee", "mentor", "feedback"), reset when a filter changes. */
  private shown = new Map<string, number>();
  private nextRequest = 1;
  private pending = new Map<number, Pending>();
  private status: { text: string; error: boolean } = { text: '', error: false };
  private renderedPosted = false;
  /**
   * Until when the next model is taken as the outcome of our own saved request (already announced
   * by its `result`), so it is not announced again as a change; one model only.
   */
  private ownChangeUntil = 0;
  private scrollRestored = false;
  private editingAgenda: number | undefined;
  private editingDue: string | undefined;
  private focusAfter: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly root: HTMLElement, private readonly api: VsCodeApi, private readonly win: Window = window) {
    this.ui = sanitizeUiState(api.getState());
  }

  start(): void {
    // The host's page holds fallback text for when this script does not load; lit keeps existing
    // children, so clear them first.
    this.root.replaceChildren();
    this.win.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
    let scheduled = false;
    this.win.addEventListener('scroll', () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        if (this.state.kind !== 'ready') return;
        this.ui.scroll[this.ui.tab] = Math.round(this.win.scrollY);
        this.save();
      });
    }, { passive: true });
    // Countdowns move on without a new model.
    this.timer = setInterval(() => { if (this.state.kind === 'ready') this.render(); }, 30_000);
    this.render();
    performance.mark('mentoring:ready-sent');
    this.post({ type: 'ready' });
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Handles one message from the host; false (and nothing done) when it is not a valid one. */
  receive(raw: unknown): boolean {
    const t0 = performance.now();
    const parsed = parseHostMessage(raw);
    performance.measure('mentoring:validate', { start: t0 });
    if (!parsed.ok) {
      console.warn(`[mentoring] ignored: ${parsed.reason}`);
      return false;
    }
    this.handle(parsed.message, t0);
    return true;
  }

  /** `t0`: performance.now() when the message arrived. */
  private handle(msg: HostMessage, t0: number): void {
    if (msg.type === 'result') {
      const p = this.pending.get(msg.requestId);
      if (msg.ok && !p?.stateSeen) this.ownChangeUntil = Date.now() + 2000;
      this.pending.delete(msg.requestId);
      if (msg.ok) {
        p?.onOk?.();
        this.say(msg.message ?? (p ? `${p.what}: saved.` : 'Saved.'), false);
      } else {
        this.say(`${p ? `${p.what}: ` : ''}not saved. ${msg.message ?? ''}`.trim(), true);
      }
      this.render();
      return;
    }
    const prev = this.state;
    if (msg.state.kind === 'ready' && !this.renderedPosted) performance.mark('mentoring:first-ready-state', { startTime: t0 });
    this.state = msg.state;
    this.receivedAt = Date.now();
    if (prev.kind === 'ready' && msg.state.kind === 'ready') {
      const change = describeChange(prev, msg.state);
      const own = this.pending.size > 0 || Date.now() < this.ownChangeUntil;
      if (change) for (const p of this.pending.values()) p.stateSeen = true;
      if (change && !own) this.say(change, false);
      if (change) this.ownChangeUntil = 0;
    }
    if (this.editingAgenda !== undefined && (msg.state.kind !== 'ready' || !msg.state.current || this.editingAgenda >= msg.state.current.agenda.length)) {
      this.editingAgenda = undefined;
    }
    const first = msg.state.kind === 'ready' && !this.renderedPosted;
    this.render();
    if (msg.state.kind === 'ready' && !this.scrollRestored) {
      this.scrollRestored = true;
      this.win.scrollTo(0, this.ui.scroll[this.ui.tab] ?? 0);
    }
    if (first) {
      this.renderedPosted = true;
      const tasks = msg.state.kind === 'ready' ? msg.state.tasks.length : 0;
      // After the custom elements' own (microtask) updates.
      setTimeout(() => this.post({ type: 'rendered', ms: Math.min(600_000, performance.now()), tasks }), 0);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Messages out

  private post(msg: WebviewMessage): void {
    this.api.postMessage(msg);
  }

  /** Sends a request that changes the file; `what` names it in the announcement of its result. */
  private request(msg: Request, what: string, onOk?: () => void): boolean {
    const requestId = this.nextRequest++;
    const parsed = parseWebviewMessage({ ...msg, requestId });
    if (!parsed.ok) {
      this.say(`${what}: not sent, a value is not valid (${parsed.reason}).`, true);
      this.render();
      return false;
    }
    this.pending.set(requestId, { what, ...(onOk ? { onOk } : {}) });
    this.post(parsed.message);
    return true;
  }

  private say(text: string, error: boolean): void {
    // The same text twice in a row would not be announced again: vary it invisibly.
    this.status = { text: text === this.status.text ? `${text}\u00a0` : text, error };
  }

  private save(): void {
    this.api.setState(this.ui);
  }

  private invalid(selector: string, message: string): void {
    this.say(message, true);
    this.render();
    const el = this.root.querySelector<HTMLElement & { invalid?: boolean }>(selector);
    if (el) {
      el.invalid = true;
      el.focus();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  render(): void {
    const t0 = performance.now();
    render(this.view(), this.root);
    performance.measure('mentoring:render', { start: t0 });
    if (this.focusAfter) {
      const el = this.root.querySelector<HTMLElement>(`[data-focus="${this.focusAfter}"]`);
      if (el) {
        this.focusAfter = undefined;
        el.focus();
      }
    }
  }

  private elapsed(): number {
    return Date.now() - this.receivedAt;
  }

  private view(): TemplateResult {
    const s = this.state;
    const status = html`<p id="status" class="status ${this.status.error ? 'status-error' : ''}" role="status" aria-live="polite" aria-atomic="true">${this.status.text}</p>`;
    switch (s.kind) {
      case 'loading':
        return html`<div class="page" aria-busy="true"><p class="muted">Loading the mentoring file…</p>${status}</div>`;
      case 'empty':
        if (s.files) {
          // Several mentoring files and none chosen yet: choosing comes first, set-up second.
          return html`<div class="page empty">
            <h1>Which agreement?</h1>
            <p>This workspace holds ${s.files} mentoring files. Choose the one this view shows; the choice is remembered for the workspace.</p>
            <vscode-button id="pick-file" @click=${() => this.post({ type: 'pickFile' })}>Choose a mentoring file</vscode-button>
            <vscode-button id="set-up" secondary @click=${() => this.post({ type: 'setUp' })}>Set up another agreement</vscode-button>
            ${status}
          </div>`;
        }
        return html`<div class="page empty">
          <h1>No mentoring agreement yet</h1>
          <p>This workspace has no <code>.mentoring.yaml</code>. Set one up to plan sessions, track tasks and give feedback.</p>
          <vscode-button id="set-up" @click=${() => this.post({ type: 'setUp' })}>Set up an agreement</vscode-button>
          ${status}
        </div>`;
      case 'broken':
        return html`<div class="page broken">
          <h1>${errorIcon()} The mentoring file has ${plural(s.errorCount, 'error')}</h1>
          <p class="file">${s.file}</p>
          <p class="problem">Line ${s.error.line}, column ${s.error.column}: ${s.error.message}</p>
          <p class="muted">Nothing is written to the file until it is fixed.</p>
          <vscode-button id="open-error" @click=${() => this.post({ type: 'openFile', line: s.error.line, column: s.error.column })}>Open at line ${s.error.line}</vscode-button>
          ${status}
        </div>`;
      case 'ready':
        return this.ready(s, status);
    }
  }

  private ready(s: ReadyState, status: TemplateResult): TemplateResult {
    const counts = countByStatus(s.tasks);
    const badge: Record<TabId, string> = {
      agenda: s.current ? String(s.current.agenda.length) : '',
      tasks: String(counts.open),
      feedback: s.needsFeedback ? '!' : '',
      agreement: s.warnings.length > 0 ? String(s.warnings.length) : '',
      notes: s.notes.length > 0 ? String(s.notes.length) : '',
    };
    const badgeLabel: Record<TabId, string> = {
      agenda: s.current ? plural(s.current.agenda.length, 'item') : '',
      tasks: `${counts.open} open`,
      feedback: s.needsFeedback ? 'feedback due' : '',
      agreement: s.warnings.length > 0 ? plural(s.warnings.length, 'warning') : '',
      notes: s.notes.length > 0 ? plural(s.notes.length, 'note') : '',
    };
    return html`<div class="page ready">
      <header class="top">
        <span class="file" title=${s.file}>${s.file}</span>
        <span class="pair">${s.mentor} mentors ${s.mentee}${s.role ? html` · you: ${s.role}` : nothing}</span>
      </header>
      <div class="tabs" role="tablist" aria-label="Mentoring" @keydown=${(e: KeyboardEvent) => this.tabKey(e)}>
        ${TABS.map((t) => html`<button role="tab" id="tab-${t.id}" class="tab" data-tab=${t.id}
            aria-selected=${t.id === this.ui.tab ? 'true' : 'false'} aria-controls="panel-${t.id}" tabindex=${t.id === this.ui.tab ? 0 : -1}
            aria-label=${badgeLabel[t.id] ? `${t.label}, ${badgeLabel[t.id]}` : t.label}
            @click=${() => this.selectTab(t.id)}>${t.label}${badge[t.id] ? html` <span class="badge" aria-hidden="true">${badge[t.id]}</span>` : nothing}</button>`)}
      </div>
      ${status}
      <section role="tabpanel" id="panel-${this.ui.tab}" aria-labelledby="tab-${this.ui.tab}" class="panel">
        ${this.panel(s)}
      </section>
    </div>`;
  }

  private panel(s: ReadyState): TemplateResult {
    switch (this.ui.tab) {
      case 'agenda': return this.agendaTab(s);
      case 'tasks': return this.tasksTab(s);
      case 'feedback': return this.feedbackTab(s);
      case 'agreement': return this.agreementTab(s);
      case 'notes': return this.notesTab(s);
    }
  }

  private selectTab(tab: TabId, focus = false): void {
    if (tab === this.ui.tab) return;
    this.ui.scroll[this.ui.tab] = Math.round(this.win.scrollY);
    this.ui.tab = tab;
    this.save();
    this.render();
    this.win.scrollTo(0, this.ui.scroll[tab] ?? 0);
    if (focus) this.root.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  private tabKey(e: KeyboardEvent): void {
    const i = TABS.findIndex((t) => t.id === this.ui.tab);
    const n = TABS.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    this.selectTab(TABS[to]!.id, true);
  }

  // -------------------------------------------------------------------------------------------
  // Agenda

  private agendaTab(s: ReadyState): TemplateResult {
    const c = s.current;
    if (!c) return this.planForm(s);
    const elapsed = this.elapsed();
    const toStart = c.msToStart - elapsed;
    return html`
      <h2>${c.running ? 'Session running' : 'Next session'}</h2>
      <p class="when"><strong>${formatWhen(c.at)}</strong>
        <span class="muted">${c.running ? `started ${relative(-(Date.now() - Date.parse(c.started ?? c.at)))}` : toStart >= 0 ? `starts ${relative(toStart)}` : `was due ${relative(toStart)}`}</span></p>
      <p class="topic">${c.topic ? html`Topic: <strong>${c.topic}</strong>` : html`<em>No topic yet.</em>`}</p>
      <p class="notice ${!c.announced && !c.running ? 'attention' : ''}">${!c.announced && !c.running ? warningIcon() : nothing}${noticeText(c, elapsed)}</p>
      ${!c.announced && !c.running ? this.announceForm(c) : nothing}
      <div class="actions">
        ${c.running
          ? html`<vscode-button id="end-session" @click=${() => this.request({ type: 'endSession', session: c.id }, 'End session')}>End session</vscode-button>`
          : html`<vscode-button id="start-session" @click=${() => this.request({ type: 'startSession', session: c.id }, 'Start session')}>Start session</vscode-button>`}
      </div>
      <h3 id="agenda-heading">Agenda</h3>
      <p id="agenda-keys" class="muted small">Move a focused item with Alt+Up / Alt+Down; Enter edits it, Delete removes it.</p>
      ${c.agenda.length === 0 ? html`<p class="muted">No agenda items yet.</p>` : nothing}
      <ol class="agenda" aria-labelledby="agenda-heading">
        ${c.agenda.map((item, i) => this.agendaItem(c, item, i))}
      </ol>
      <div class="row">
        <vscode-textfield id="agenda-new" class="grow" placeholder="New agenda item" label="New agenda item" maxlength="500"
          @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') this.addAgendaItem(c); }}></vscode-textfield>
        <vscode-button id="agenda-add" @click=${() => this.addAgendaItem(c)}>Add</vscode-button>
      </div>
      ${this.carryForward(s, c)}
    `;
  }

  private agendaItem(c: SessionView, item: string, i: number): TemplateResult {
    const n = c.agenda.length;
    if (this.editingAgenda === i) {
      return html`<li class="agenda-item editing">
        <vscode-textfield id="agenda-edit" class="grow" .value=${item} label=${`Edit agenda item ${i + 1}`} maxlength="500"
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') this.saveAgendaEdit(c, i);
            if (e.key === 'Escape') { this.editingAgenda = undefined; this.focusAfter = `agenda-${i}`; this.render(); }
          }}></vscode-textfield>
        <vscode-button id="agenda-save" @click=${() => this.saveAgendaEdit(c, i)}>Save</vscode-button>
        <vscode-button secondary @click=${() => { this.editingAgenda = undefined; this.focusAfter = `agenda-${i}`; this.render(); }}>Cancel</vscode-button>
      </li>`;
    }
    const move = (delta: -1 | 1): void => {
      const to = moveTarget(i, delta, n);
      if (to === undefined) return;
      if (this.request({ type: 'moveAgendaItem', session: c.id, from: i, to }, 'Move agenda item')) this.focusAfter = `agenda-${to}`;
    };
    const remove = (): void => {
      if (this.request({ type: 'removeAgendaItem', session: c.id, index: i }, `Remove agenda item "${item}"`)) this.focusAfter = n > 1 ? `agenda-${Math.min(i, n - 2)}` : 'agenda-new';
    };
    return html`<li class="agenda-item" tabindex="0" data-focus="agenda-${i}" aria-describedby="agenda-keys"
        @keydown=${(e: KeyboardEvent) => {
          if (e.target !== e.currentTarget) return;
          if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) { e.preventDefault(); move(e.key === 'ArrowUp' ? -1 : 1); }
          else if (e.key === 'Enter' || e.key === 'F2') { e.preventDefault(); this.editAgenda(i); }
          else if (e.key === 'Delete') { e.preventDefault(); remove(); }
        }}>
      <span class="text">${item}</span>
      <span class="item-actions">
        <button class="icon-button" title="Move up" aria-label=${`Move "${item}" up`} ?disabled=${i === 0} @click=${() => move(-1)}>${upIcon()}</button>
        <button class="icon-button" title="Move down" aria-label=${`Move "${item}" down`} ?disabled=${i === n - 1} @click=${() => move(1)}>${downIcon()}</button>
        <button class="icon-button" title="Edit" aria-label=${`Edit "${item}"`} @click=${() => this.editAgenda(i)}>${editIcon()}</button>
        <button class="icon-button" title="Remove" aria-label=${`Remove "${item}"`} @click=${remove}>${removeIcon()}</button>
      </span>
    </li>`;
  }

  private editAgenda(i: number): void {
    this.editingAgenda = i;
    this.render();
    this.root.querySelector<HTMLElement>('#agenda-edit')?.focus();
  }

  private saveAgendaEdit(c: SessionView, i: number): void {
    const text = valueOf(this.root, '#agenda-edit').trim();
    if (!text) return this.invalid('#agenda-edit', 'An agenda item needs some text (or remove it).');
    this.request({ type: 'editAgendaItem', session: c.id, index: i, text }, 'Edit agenda item');
    this.editingAgenda = undefined;
    this.focusAfter = `agenda-${i}`;
    this.render();
  }

  private addAgendaItem(c: SessionView): void {
    const text = valueOf(this.root, '#agenda-new').trim();
    if (!text) return this.invalid('#agenda-new', 'Type the agenda item first.');
    this.request({ type: 'addAgendaItem', session: c.id, text }, `Add agenda item "${text}"`, () => setValue(this.root, '#agenda-new', ''));
  }

  private announceForm(c: SessionView): TemplateResult {
    const send = (): void => {
      const topic = valueOf(this.root, '#announce-topic').trim();
      if (!topic) return this.invalid('#announce-topic', 'Type the topic to announce.');
      this.request({ type: 'announceTopic', session: c.id, topic }, 'Announce topic');
    };
    return html`<div class="row">
      <vscode-textfield id="announce-topic" class="grow" .value=${c.topic ?? ''} label="Topic to announce" placeholder="Topic" maxlength="500"
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') send(); }}></vscode-textfield>
      <vscode-button id="announce" secondary @click=${send}>Announce</vscode-button>
    </div>`;
  }

  private carryForward(s: ReadyState, c: SessionView): TemplateResult | typeof nothing {
    if (s.carryForward.length === 0) return nothing;
    return html`<h3>Open tasks to carry forward</h3>
      <ul class="carry">
        ${s.carryForward.slice(0, 20).map((t) => html`<li>
          <span class="text">${t.title} <span class="muted">(${ownerName(s, t.owner)}${t.overdue ? ', overdue' : ''})</span></span>
          <vscode-button secondary aria-label=${`Add "${t.title}" to the agenda`} @click=${() => this.request({ type: 'carryForward', session: c.id, task: t.id }, 'Carry forward')}>Add to agenda</vscode-button>
        </li>`)}
      </ul>`;
  }

  private planForm(s: ReadyState): TemplateResult {
    const plan = (): void => {
      const at = valueOf(this.root, '#plan-at');
      if (!at) return this.invalid('#plan-at', 'Choose the date and time of the session.');
      const topic = valueOf(this.root, '#plan-topic').trim();
      const agenda = agendaLines(valueOf(this.root, '#plan-agenda'));
      this.request({ type: 'planSession', at, ...(topic ? { topic } : {}), ...(agenda.length ? { agenda } : {}) }, 'Plan session', () => {
        setValue(this.root, '#plan-topic', '');
        setValue(this.root, '#plan-agenda', '');
      });
    };
    return html`<h2>No session planned</h2>
      <p class="muted">Plan the next session; its topic counts as announced now.</p>
      <div class="form">
        <vscode-label for="plan-at">Date and time</vscode-label>
        <vscode-textfield id="plan-at" type="datetime-local" .value=${suggestedSessionTime(new Date(Date.parse(s.now) || Date.now()))}></vscode-textfield>
        <vscode-label for="plan-topic">Topic</vscode-label>
        <vscode-textfield id="plan-topic" maxlength="500" placeholder="What you will talk about"></vscode-textfield>
        <vscode-label for="plan-agenda">Agenda (one item per line)</vscode-label>
        <vscode-textarea id="plan-agenda" rows="3"></vscode-textarea>
        <div class="actions"><vscode-button id="plan" @click=${plan}>Plan session</vscode-button></div>
      </div>
      ${s.carryForward.length > 0 ? html`<p class="muted">${plural(s.carryForward.length, 'open task')} can be carried forward once a session is planned.</p>` : nothing}`;
  }

  // -------------------------------------------------------------------------------------------
  // Tasks

  private tasksTab(s: ReadyState): TemplateResult {
    const counts = countByStatus(s.tasks);
    const groups = groupTasks(s.tasks, this.ui.status, this.ui.text, s.role);
    const matching = groups.reduce((n, g) => n + g.tasks.length, 0);
    return html`
      <details class="add-task" ?open=${s.tasks.length === 0}>
        <summary>Add a task</summary>
        ${this.taskForm(s)}
      </details>
      <div class="filters">
        <vscode-label for="task-status">Show</vscode-label>
        <vscode-radio-group id="task-status" @change=${() => this.setFilter(radioValue(this.root, '#task-status') as StatusFilter | undefined, undefined)}>
          ${STATUS_FILTERS.map((f) => html`<vscode-radio name="task-status" value=${f} ?checked=${this.ui.status === f} label=${`${f} (${counts[f]})`}></vscode-radio>`)}
        </vscode-radio-group>
        <vscode-textfield id="task-filter" type="search" placeholder="Filter tasks" label="Filter tasks by text" .value=${this.ui.text}
          @input=${() => this.setFilter(undefined, valueOf(this.root, '#task-filter'))}></vscode-textfield>
        <p class="muted small" id="task-count" aria-live="polite">${matching === 0 ? 'No tasks match.' : `${matching} of ${plural(s.tasks.length, 'task')} match.`}</p>
      </div>
      ${groups.map((g) => this.taskGroup(s, g))}
    `;
  }

  private setFilter(status: StatusFilter | undefined, text: string | undefined): void {
    if (status !== undefined && STATUS_FILTERS.includes(status)) this.ui.status = status;
    if (text !== undefined) this.ui.text = text.slice(0, 200);
    this.shown.delete('mentor');
    this.shown.delete('mentee');
    this.save();
    this.render();
  }

  private taskForm(s: ReadyState): TemplateResult {
    const add = (): void => {
      const title = valueOf(this.root, '#task-title').trim();
      if (!title) return this.invalid('#task-title', 'Give the task a title.');
      const owner = (radioValue(this.root, '#task-owner') ?? 'mentee') as Role;
      const due = valueOf(this.root, '#task-due');
      const linkSelection = this.root.querySelector<HTMLElement & { checked: boolean }>('#task-link')?.checked ?? false;
      this.request({ type: 'addTask', title, owner, ...(due ? { due } : {}), ...(linkSelection ? { linkSelection } : {}) }, `Add task "${title}"`, () => {
        setValue(this.root, '#task-title', '');
        setValue(this.root, '#task-due', '');
      });
    };
    const defaultOwner: Role = s.role ?? 'mentee';
    return html`<div class="form">
      <vscode-label for="task-title">Title</vscode-label>
      <vscode-textfield id="task-title" maxlength="500" placeholder="What should be done" @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') add(); }}></vscode-textfield>
      <vscode-label for="task-owner">Owner</vscode-label>
      <vscode-radio-group id="task-owner">
        <vscode-radio name="task-owner" value="mentee" ?checked=${defaultOwner === 'mentee'} label=${ownerName(s, 'mentee')}></vscode-radio>
        <vscode-radio name="task-owner" value="mentor" ?checked=${defaultOwner === 'mentor'} label=${ownerName(s, 'mentor')}></vscode-radio>
      </vscode-radio-group>
      <vscode-label for="task-due">Due (optional)</vscode-label>
      <vscode-textfield id="task-due" type="date"></vscode-textfield>
      <vscode-checkbox id="task-link" label="Link the selection in the active editor"></vscode-checkbox>
      <div class="actions"><vscode-button id="task-add" @click=${add}>Add task</vscode-button></div>
    </div>`;
  }

  private taskGroup(s: ReadyState, g: TaskGroup): TemplateResult {
    const limit = this.shown.get(g.owner) ?? PAGE;
    const visible = g.tasks.slice(0, limit);
    const rest = g.tasks.length - visible.length;
    const headingId = `group-${g.owner}`;
    return html`<h3 id=${headingId} class="group">${ownerName(s, g.owner)} <span class="muted">· ${plural(g.tasks.length, 'task')}</span></h3>
      ${g.tasks.length === 0 ? html`<p class="muted">None.</p>` : html`<ul class="tasks" aria-labelledby=${headingId}>
        ${repeat(visible, (t) => t.id, (t) => this.taskRow(t))}
      </ul>`}
      ${rest > 0 ? html`<vscode-button secondary class="more" data-focus="more-${g.owner}" @click=${() => { this.shown.set(g.owner, limit + PAGE); this.render(); }}>
        Show ${Math.min(PAGE, rest)} more (${rest} not shown)</vscode-button>` : nothing}`;
  }

  private taskRow(t: TaskView): TemplateResult {
    const due = dueText(t);
    const editing = this.editingDue === t.id;
    const saveDue = (): void => {
      const value = valueOf(this.root, `#due-${t.id}`);
      if (!value) return this.invalid(`#due-${t.id}`, 'Choose a due date.');
      this.request({ type: 'setTaskDue', task: t.id, due: value }, `Due date of "${t.title}"`);
      this.editingDue = undefined;
      this.focusAfter = `due-button-${t.id}`;
      this.render();
    };
    return html`<li class="task ${t.status} ${t.overdue ? 'overdue' : ''}">
      <div class="task-title">${t.status === 'done' ? html`<span class="tag">done</span> ` : t.status === 'dropped' ? html`<span class="tag">dropped</span> ` : nothing}${t.title}</div>
      <div class="task-meta">
        ${due ? html`<span class="due ${t.overdue ? 'overdue-text' : ''}">${t.overdue ? warningIcon() : nothing}${due}</span>` : nothing}
        ${t.goal ? html`<span>goal ${t.goal}</span>` : nothing}
        ${t.closed ? html`<span>${t.status} ${t.closed}</span>` : nothing}
        ${t.reason ? html`<span>reason: ${t.reason}</span>` : nothing}
        <span class="muted">${t.id}</span>
      </div>
      ${t.links.length > 0 ? html`<div class="links">${t.links.map((l) => html`<button class="link" title="Open ${l}" @click=${() => this.post({ type: 'openLink', link: l.slice(0, 500) })}>${linkIcon()}<span>${l}</span></button>`)}</div>` : nothing}
      ${editing ? html`<div class="row">
          <vscode-textfield id=${`due-${t.id}`} type="date" .value=${t.due ?? ''} label=${`New due date for ${t.title}`}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') saveDue(); if (e.key === 'Escape') { this.editingDue = undefined; this.focusAfter = `due-button-${t.id}`; this.render(); } }}></vscode-textfield>
          <vscode-button @click=${saveDue}>Save</vscode-button>
          <vscode-button secondary @click=${() => { this.editingDue = undefined; this.focusAfter = `due-button-${t.id}`; this.render(); }}>Cancel</vscode-button>
        </div>` : nothing}
      <div class="task-actions">
        ${t.status === 'open' ? html`
          <button class="text-button" data-action="complete" aria-label=${`Complete "${t.title}"`} @click=${() => this.request({ type: 'completeTask', task: t.id }, `Complete "${t.title}"`)}>Complete</button>
          <button class="text-button" data-action="drop" aria-label=${`Drop "${t.title}"`} @click=${() => this.request({ type: 'dropTask', task: t.id }, `Drop "${t.title}"`)}>Drop</button>
          <button class="text-button" data-action="due" data-focus=${`due-button-${t.id}`} aria-label=${`Change the due date of "${t.title}"`} @click=${() => {
            this.editingDue = t.id;
            this.render();
            this.root.querySelector<HTMLElement>(`#due-${CSS.escape(t.id)}`)?.focus();
          }}>Change due</button>`
        : html`<button class="text-button" data-action="reopen" aria-label=${`Reopen "${t.title}"`} @click=${() => this.request({ type: 'reopenTask', task: t.id }, `Reopen "${t.title}"`)}>Reopen</button>`}
      </div>
    </li>`;
  }

  // -------------------------------------------------------------------------------------------
  // Feedback

  private feedbackTab(s: ReadyState): TemplateResult {
    const history = feedbackHistory(s.feedback);
    const limit = this.shown.get('feedback') ?? PAGE;
    return html`
      ${s.needsFeedback ? this.feedbackForm(s, s.needsFeedback) : html`<p class="muted">No session is waiting for your feedback.</p>`}
      <h3>Trend</h3>
      ${this.trendChart(s)}
      <h3 id="history-heading">History</h3>
      ${history.length === 0 ? html`<p class="muted">No feedback yet.</p>` : html`<ul class="history" aria-labelledby="history-heading">
        ${history.slice(0, limit).map((f) => this.feedbackRow(f))}
      </ul>`}
      ${history.length > limit ? html`<vscode-button secondary @click=${() => { this.shown.set('feedback', limit + PAGE); this.render(); }}>Show ${Math.min(PAGE, history.length - limit)} more</vscode-button>` : nothing}
    `;
  }

  private feedbackForm(s: ReadyState, session: SessionView): TemplateResult {
    const submit = (): void => {
      const ratingText = radioValue(this.root, '#fb-rating');
      const rating = ratingText ? Number(ratingText) : undefined;
      const valuable = valueOf(this.root, '#fb-valuable').trim();
      const change = valueOf(this.root, '#fb-change').trim();
      const from = s.role ?? (radioValue(this.root, '#fb-from') as Role | undefined);
      if (!s.role && !from) return this.invalid('#fb-from', 'Say whether you are the mentor or the mentee.');
      if (rating === undefined && !valuable && !change) return this.invalid('#fb-rating', 'Give a rating or write what was valuable or what to change.');
      this.request({
        type: 'submitFeedback', session: session.id,
        ...(from ? { from } : {}), ...(rating !== undefined ? { rating } : {}), ...(valuable ? { valuable } : {}), ...(change ? { change } : {}),
      }, 'Feedback', () => {
        setValue(this.root, '#fb-valuable', '');
        setValue(this.root, '#fb-change', '');
      });
    };
    return html`<h2>Feedback on ${formatWhen(session.at)}</h2>
      ${session.topic ? html`<p>Topic: ${session.topic}</p>` : nothing}
      <div class="form">
        ${s.role ? nothing : html`<vscode-label for="fb-from">You are</vscode-label>
          <vscode-radio-group id="fb-from">
            <vscode-radio name="fb-from" value="mentee" label=${ownerName(s, 'mentee')}></vscode-radio>
            <vscode-radio name="fb-from" value="mentor" label=${ownerName(s, 'mentor')}></vscode-radio>
          </vscode-radio-group>`}
        <vscode-label for="fb-rating">Rating (1 = not useful, 5 = very useful)</vscode-label>
        <vscode-radio-group id="fb-rating">
          ${[1, 2, 3, 4, 5].map((r) => html`<vscode-radio name="fb-rating" value=${String(r)} label=${String(r)}></vscode-radio>`)}
        </vscode-radio-group>
        <vscode-label for="fb-valuable">What was valuable</vscode-label>
        <vscode-textarea id="fb-valuable" rows="2" maxlength="20000"></vscode-textarea>
        <vscode-label for="fb-change">What to change</vscode-label>
        <vscode-textarea id="fb-change" rows="2" maxlength="20000"></vscode-textarea>
        <div class="actions"><vscode-button id="fb-submit" @click=${submit}>Submit feedback</vscode-button></div>
      </div>`;
  }

  private trendChart(s: ReadyState): TemplateResult {
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

  private feedbackRow(f: FeedbackView): TemplateResult {
    return html`<li class="feedback">
      <div><strong>${f.session}</strong>${f.topic ? html` · ${f.topic}` : nothing} <span class="muted">· from the ${f.from}</span>
        ${f.rating !== undefined ? html` · <span class="rating">rated ${f.rating} of 5</span>` : nothing}</div>
      ${f.valuable ? html`<div class="quote"><span class="muted">Valuable:</span> ${f.valuable}</div>` : nothing}
      ${f.change ? html`<div class="quote"><span class="muted">Change:</span> ${f.change}</div>` : nothing}
    </li>`;
  }

  // -------------------------------------------------------------------------------------------
  // Goals and warnings

  private agreementTab(s: ReadyState): TemplateResult {
    return html`<h2>Goals</h2>
      ${s.goals.length === 0 ? html`<p class="muted">No goals yet.</p>` : html`<ul class="goals">${s.goals.map((g) => this.goalRow(g))}</ul>`}
      <h2>Warnings</h2>
      ${s.warnings.length === 0 ? html`<p class="muted">The agreement is kept: no warnings.</p>` : html`<ul class="warnings">${s.warnings.map((w) => this.problemRow(w))}</ul>`}`;
  }

  private goalRow(g: GoalView): TemplateResult {
    const left = g.status !== 'active' ? g.status : g.overdue ? `overdue by ${plural(-g.daysLeft, 'day')}` : `${plural(g.daysLeft, 'day')} left`;
    return html`<li class="goal ${g.overdue && g.status === 'active' ? 'overdue' : ''}">
      <div class="task-title">${g.title}</div>
      <div class="task-meta"><span class=${g.overdue && g.status === 'active' ? 'overdue-text' : ''}>${g.overdue && g.status === 'active' ? warningIcon() : nothing}by ${g.by} · ${left}</span>
        <span>${plural(g.openTasks, 'open task')}</span><span class="muted">${g.id}</span></div>
    </li>`;
  }

  private problemRow(p: ProblemView): TemplateResult {
    const icon = p.severity === 'error' ? errorIcon() : p.severity === 'warning' ? warningIcon() : infoIcon();
    return html`<li class="problem ${p.severity}">
      <span class="severity">${icon}${p.severity}</span> ${p.message}
      <button class="link" aria-label=${`Open the file at line ${p.line}`} @click=${() => this.post({ type: 'openFile', line: p.line, column: p.column })}>line ${p.line}</button>
    </li>`;
  }

  // -------------------------------------------------------------------------------------------
  // Private notes

  private notesTab(s: ReadyState): TemplateResult {
    const add = (): void => {
      const text = valueOf(this.root, '#note-text').trim();
      if (!text) return this.invalid('#note-text', 'Write the note first.');
      this.request({ type: 'addNote', text, ...(s.current ? { session: s.current.id } : {}) }, 'Private note', () => setValue(this.root, '#note-text', ''));
    };
    return html`<h2>Private notes</h2>
      <p class="private-label">${lockIcon()} ${s.privateLabel}</p>
      <div class="form">
        <vscode-label for="note-text">New private note${s.current ? ` (for the session of ${s.current.id})` : ''}</vscode-label>
        <vscode-textarea id="note-text" rows="3" maxlength="20000"></vscode-textarea>
        <div class="actions">
          <vscode-button id="note-add" @click=${add}>Add private note</vscode-button>
          <vscode-button secondary @click=${() => this.post({ type: 'exportNotes' })}>Export…</vscode-button>
        </div>
      </div>
      ${s.notes.length === 0 ? html`<p class="muted">No private notes.</p>` : html`<ul class="notes">
        ${[...s.notes].reverse().map((n) => html`<li class="note"><div class="muted small">${formatWhen(n.created)}${n.session ? ` · session ${n.session}` : ''} · <span class="private-tag">private</span></div><div class="note-text">${n.text}</div></li>`)}
      </ul>`}`;
  }
}
