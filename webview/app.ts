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
 * This file is the shell: the message loop, requests and their announcements, the frame (header,
 * tab list, live region) and the pages that are not tabs (loading, empty, broken). Each tab is its
 * own module under tabs/, given a `TabHost` (shared.ts) to read fields, send requests and render.
 *
 * Large logs: task groups and the feedback history render PAGE rows at first, more on demand.
 *
 * Start-up: the page keeps a snapshot of the last file state (model.ts `Snapshot`: the frame and
 * the Agenda tab, no notes, no feedback) with its UI state, and draws it at once when it opens
 * again, before the host has read the file; the other tabs say "Loading" until the host's state
 * replaces it (that state is not announced as a change).
 */
import * as l10n from '@vscode/l10n';
import { html, nothing, render, type TemplateResult } from 'lit';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import { parseHostMessage, parseWebviewMessage, type HostMessage, type ReadyState, type ViewState, type WebviewMessage } from '../src/core/views/protocol';
import { TABS, countByStatus, describeChange, nItems, nNotes, nWarnings, restoreSnapshot, sanitizeUiState, snapshotOf, type Snapshot, type TabId, type UiState } from './model';
import { roleWord, withParts } from './l10n';
import { errorIcon } from './icons';
import type { Request, Tab, TabHost } from './shared';
import { AgendaTab } from './tabs/agenda';
import { TasksTab } from './tabs/tasks';
import { FeedbackTab } from './tabs/feedback';
import { GoalsTab } from './tabs/goals';
import { NotesTab } from './tabs/notes';
import { closingSection } from './closing';

export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

interface Pending { what: string; onOk?: () => void; /** A model arrived while it was pending (the host may post it before the result). */ stateSeen?: boolean }

export class SidebarApp {
  private state: ViewState = { kind: 'loading' };
  /** Date.now() when `state` arrived: countdowns in it are relative to that moment. */
  private receivedAt = Date.now();
  private readonly ui: UiState;
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
  private focusAfter: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly tabs: Record<TabId, Tab>;
  /** The last file state, cut down (kept with the UI state for the next start). */
  private snapshot: Snapshot | undefined;
  /** What is shown is the snapshot from the last time, not yet the host's state. */
  private cached = false;

  constructor(private readonly root: HTMLElement, private readonly api: VsCodeApi, private readonly win: Window = window) {
    const stored = api.getState();
    this.ui = sanitizeUiState(stored);
    this.snapshot = restoreSnapshot(stored);
    const host: TabHost = {
      root,
      ui: this.ui,
      request: (msg, what, onOk) => this.request(msg, what, onOk),
      post: (msg) => this.post(msg),
      invalid: (selector, message) => this.invalid(selector, message),
      render: () => this.render(),
      save: () => this.save(),
      focusLater: (key) => { this.focusAfter = key; },
      elapsed: () => Date.now() - this.receivedAt,
    };
    this.tabs = { agenda: new AgendaTab(host), tasks: new TasksTab(host), feedback: new FeedbackTab(host), agreement: new GoalsTab(host), notes: new NotesTab(host) };
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
    if (this.snapshot) {
      this.state = this.snapshot.state;
      this.receivedAt = this.snapshot.at;
      this.cached = true;
    }
    this.render();
    if (this.cached) {
      this.win.scrollTo(0, this.ui.scroll[this.ui.tab] ?? 0);
      performance.mark('mentoring:snapshot-drawn');
    }
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
        this.say(msg.message ?? (p ? l10n.t('{0}: saved.', p.what) : l10n.t('Saved.')), false);
      } else {
        this.say((p ? l10n.t('{0}: not saved. {1}', p.what, msg.message ?? '') : l10n.t('Not saved. {0}', msg.message ?? '')).trim(), true);
      }
      this.render();
      return;
    }
    // The host is still reading the file: the snapshot from the last time stays until it has.
    if (this.cached && msg.state.kind === 'loading') return;
    const prev = this.state;
    const fromCache = this.cached;
    this.cached = false;
    if (msg.state.kind === 'ready' && !this.renderedPosted) performance.mark('mentoring:first-ready-state', { startTime: t0 });
    this.state = msg.state;
    this.receivedAt = Date.now();
    if (msg.state.kind !== 'loading') {
      this.snapshot = msg.state.kind === 'ready' ? snapshotOf(msg.state, this.receivedAt) : undefined;
      this.save();
    }
    if (prev.kind === 'ready' && msg.state.kind === 'ready' && !fromCache) {
      const change = describeChange(prev, msg.state);
      const own = this.pending.size > 0 || Date.now() < this.ownChangeUntil;
      if (change) for (const p of this.pending.values()) p.stateSeen = true;
      if (change && !own) this.say(change, false);
      if (change) this.ownChangeUntil = 0;
    }
    for (const tab of Object.values(this.tabs)) tab.onState?.(msg.state);
    const first = msg.state.kind === 'ready' && !this.renderedPosted;
    this.render();
    // The kept agenda was drawn at its place already; another tab had only "Loading" to scroll.
    if (msg.state.kind === 'ready' && !this.scrollRestored) {
      this.scrollRestored = true;
      if (!(fromCache && this.ui.tab === 'agenda')) this.win.scrollTo(0, this.ui.scroll[this.ui.tab] ?? 0);
    }
    if (first) {
      this.renderedPosted = true;
      const tasks = msg.state.kind === 'ready' ? msg.state.tasks.length : 0;
      // After the custom elements' own (microtask) updates.
      const drawn = performance.getEntriesByName('mentoring:snapshot-drawn')[0]?.startTime;
      setTimeout(() => this.post({ type: 'rendered', ms: Math.min(600_000, performance.now()), tasks, ...(drawn !== undefined ? { snapshotMs: Math.min(600_000, drawn) } : {}) }), 0);
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
      this.say(l10n.t('{0}: not sent, a value is not valid ({1}).', what, parsed.reason), true);
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
    this.api.setState({ ...this.ui, ...(this.snapshot ? { snapshot: this.snapshot } : {}) });
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

  private view(): TemplateResult {
    const s = this.state;
    const status = html`<p id="status" class="status ${this.status.error ? 'status-error' : ''}" role="status" aria-live="polite" aria-atomic="true">${this.status.text}</p>`;
    switch (s.kind) {
      case 'loading':
        return html`<div class="page" aria-busy="true"><p class="muted">${l10n.t('Loading the mentoring file…')}</p>${status}</div>`;
      case 'empty':
        if (s.files) {
          // Several mentoring files and none chosen yet: choosing comes first, set-up second.
          return html`<div class="page empty">
            <h1>${l10n.t('Which agreement?')}</h1>
            <p>${l10n.t('This workspace holds {0} mentoring files. Choose the one this view shows; the choice is remembered for the workspace.', s.files)}</p>
            <vscode-button id="pick-file" @click=${() => this.post({ type: 'pickFile' })}>${l10n.t('Choose a mentoring file')}</vscode-button>
            <vscode-button id="set-up" secondary @click=${() => this.post({ type: 'setUp' })}>${l10n.t('Set up another agreement')}</vscode-button>
            ${status}
          </div>`;
        }
        return html`<div class="page empty">
          <h1>${l10n.t('No mentoring agreement yet')}</h1>
          <p>${withParts(l10n.t('This workspace has no {0}. Set one up to plan sessions, track tasks and give feedback.'), html`<code>.mentoring.yaml</code>`)}</p>
          <vscode-button id="set-up" @click=${() => this.post({ type: 'setUp' })}>${l10n.t('Set up an agreement')}</vscode-button>
          ${status}
        </div>`;
      case 'broken':
        return html`<div class="page broken">
          <h1>${errorIcon()} ${s.errorCount === 1 ? l10n.t('The mentoring file has 1 error') : l10n.t('The mentoring file has {0} errors', s.errorCount)}</h1>
          <p class="file">${s.file}</p>
          <p class="problem">${l10n.t('Line {0}, column {1}: {2}', s.error.line, s.error.column, s.error.code === 'internal' ? l10n.t('The file could not be read; nothing in it is shown.') : s.error.message)}</p>
          <p class="muted">${l10n.t('Nothing is written to the file until it is fixed.')}</p>
          <vscode-button id="open-error" @click=${() => this.post({ type: 'openFile', line: s.error.line, column: s.error.column })}>${l10n.t('Open at line {0}', s.error.line)}</vscode-button>
          ${status}
        </div>`;
      case 'ready':
        return this.ready(s, status);
    }
  }

  private ready(s: ReadyState, status: TemplateResult): TemplateResult {
    const cached = this.cached ? this.snapshot : undefined;
    const open = cached ? cached.open : countByStatus(s.tasks).open;
    const warnings = cached ? cached.warnings : s.warnings.length;
    const badge: Record<TabId, string> = {
      agenda: s.current ? String(s.current.agenda.length) : '',
      tasks: String(open),
      feedback: s.needsFeedback ? '!' : '',
      agreement: warnings > 0 ? String(warnings) : '',
      notes: s.notes.length > 0 ? String(s.notes.length) : '',
    };
    const badgeLabel: Record<TabId, string> = {
      agenda: s.current ? nItems(s.current.agenda.length) : '',
      tasks: l10n.t('{0} open', open),
      feedback: s.needsFeedback ? l10n.t('feedback due') : '',
      agreement: warnings > 0 ? nWarnings(warnings) : '',
      notes: s.notes.length > 0 ? nNotes(s.notes.length) : '',
    };
    return html`<div class="page ${cached ? 'cached' : 'ready'}">
      <header class="top">
        <h1 class="file" title=${s.file}>${s.file}</h1>
        <span class="pair">${l10n.t('{0} mentors {1}', s.mentor, s.mentee)}${s.role ? html` · ${l10n.t('you: {0}', roleWord(s.role))}` : nothing}</span>
      </header>
      <div class="tabs" role="tablist" aria-label="Mentoring" @keydown=${(e: KeyboardEvent) => this.tabKey(e)}>
        ${TABS.map((t) => html`<button role="tab" id="tab-${t.id}" class="tab" data-tab=${t.id}
            aria-selected=${t.id === this.ui.tab ? 'true' : 'false'} aria-controls="panel-${t.id}" tabindex=${t.id === this.ui.tab ? 0 : -1}
            aria-label=${badgeLabel[t.id] ? `${t.label()}, ${badgeLabel[t.id]}` : t.label()}
            @click=${() => this.selectTab(t.id)}>${t.label()}${badge[t.id] ? html` <span class="badge" aria-hidden="true">${badge[t.id]}</span>` : nothing}</button>`)}
      </div>
      ${status}
      ${s.closing ? closingSection(s.closing) : nothing}
      <section role="tabpanel" id="panel-${this.ui.tab}" aria-labelledby="tab-${this.ui.tab}" class="panel" aria-busy=${cached && this.ui.tab !== 'agenda' ? 'true' : 'false'}>
        ${cached && this.ui.tab !== 'agenda' ? html`<p class="muted">${l10n.t('Loading the mentoring file…')}</p>` : this.tabs[this.ui.tab].view(s)}
      </section>
    </div>`;
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
}
