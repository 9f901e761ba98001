/**
 * The Tasks tab: the add form, the status and text filters (kept across hide/show in `UiState`),
 * and the tasks grouped by owner, PAGE rows at first and more on demand, each with its actions and
 * an in-place due date editor.
 */
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { MAX_LINK_LENGTH, type ReadyState, type TaskView, type ViewState } from '../../src/core/views/protocol';
import { PAGE, STATUS_FILTERS, countByStatus, dueText, groupTasks, nTasks, ownerName, type Role, type StatusFilter, type TaskGroup } from '../model';

/** The status filters' names. */
const FILTER_NAME: Readonly<Record<StatusFilter, () => string>> = { open: () => l10n.t('open'), done: () => l10n.t('done'), dropped: () => l10n.t('dropped'), all: () => l10n.t('all') };
import { linkIcon, warningIcon } from '../icons';
import { isChecked, radioValue, setValue, valueOf, type Tab, type TabHost } from '../shared';

export class TasksTab implements Tab {
  /** Rows shown per owner's group, reset when a filter changes. */
  private readonly shown = new Map<Role, number>();
  /** The id of the task whose due date is being edited in place. */
  private editingDue: string | undefined;
  /**
   * A task whose new due date was just sent, and that date: the model with it may move the row
   * (tasks are sorted by due date), and moving a focused element drops its focus, so the focus is
   * put back on its Change due button once that model arrives.
   */
  private refocusDue: { task: string; due: string } | undefined;

  constructor(private readonly host: TabHost) {}

  onState(state: ViewState): void {
    const r = this.refocusDue;
    if (!r) return;
    const task = state.kind === 'ready' ? state.tasks.find((t) => t.id === r.task) : undefined;
    if (task?.due === r.due || !task) this.refocusDue = undefined;
    // Only when the focus is still there (or lost): a user who moved on keeps their place.
    const key = `due-button-${r.task}`;
    const active = this.host.root.ownerDocument.activeElement;
    if (task?.due === r.due && (!active || active === this.host.root.ownerDocument.body || active.getAttribute('data-focus') === key)) this.host.focusLater(key);
  }

  view(s: ReadyState): TemplateResult {
    const ui = this.host.ui;
    const counts = countByStatus(s.tasks);
    const groups = groupTasks(s.tasks, ui.status, ui.text, s.role);
    const matching = groups.reduce((n, g) => n + g.tasks.length, 0);
    return html`
      <details class="add-task" ?open=${s.tasks.length === 0}>
        <summary>${l10n.t('Add a task')}</summary>
        ${this.form(s)}
      </details>
      <div class="filters">
        <vscode-label for="task-status">${l10n.t('Show')}</vscode-label>
        <vscode-radio-group id="task-status" @change=${() => this.statusChanged()} @keydown=${(e: KeyboardEvent) => { if (e.key.startsWith('Arrow')) this.statusChanged(); }}>
          ${STATUS_FILTERS.map((f) => html`<vscode-radio name="task-status" value=${f} ?checked=${ui.status === f} label=${`${FILTER_NAME[f]()} (${counts[f]})`}></vscode-radio>`)}
        </vscode-radio-group>
        <vscode-textfield id="task-filter" type="search" placeholder=${l10n.t('Filter tasks')} .label=${l10n.t('Filter tasks by text')} .value=${ui.text}
          @input=${() => this.setFilter(undefined, valueOf(this.host.root, '#task-filter'))}></vscode-textfield>
        <p class="muted small" id="task-count" aria-live="polite">${matching === 0 ? l10n.t('No tasks match.') : l10n.t('{0} of {1} match.', matching, nTasks(s.tasks.length))}</p>
      </div>
      ${groups.map((g) => this.group(s, g))}
    `;
  }

  /**
   * The status radios changed: by a click (`change`) or by an arrow key, which vscode-radio-group
   * (2.5) handles by checking the next radio without a `change` event; its own keydown listener
   * runs before ours (registered when the element was made), so the new radio is checked here.
   */
  private statusChanged(): void {
    const status = radioValue(this.host.root, '#task-status') as StatusFilter | undefined;
    if (status !== this.host.ui.status) this.setFilter(status, undefined);
  }

  private setFilter(status: StatusFilter | undefined, text: string | undefined): void {
    const ui = this.host.ui;
    if (status !== undefined && STATUS_FILTERS.includes(status)) ui.status = status;
    if (text !== undefined) ui.text = text.slice(0, 200);
    this.shown.clear();
    this.host.save();
    this.host.render();
  }

  private form(s: ReadyState): TemplateResult {
    const root = this.host.root;
    const add = (): void => {
      const title = valueOf(root, '#task-title').trim();
      if (!title) return this.host.invalid('#task-title', l10n.t('Give the task a title.'));
      const owner = (radioValue(root, '#task-owner') ?? 'mentee') as Role;
      const due = valueOf(root, '#task-due');
      const linkSelection = isChecked(root, '#task-link');
      this.host.request({ type: 'addTask', title, owner, ...(due ? { due } : {}), ...(linkSelection ? { linkSelection } : {}) }, l10n.t('Add task "{0}"', title), () => {
        setValue(root, '#task-title', '');
        setValue(root, '#task-due', '');
      });
    };
    const defaultOwner: Role = s.role ?? 'mentee';
    return html`<div class="form">
      <vscode-label for="task-title">${l10n.t('Title')}</vscode-label>
      <vscode-textfield id="task-title" maxlength="500" placeholder=${l10n.t('What should be done')} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') add(); }}></vscode-textfield>
      <vscode-label for="task-owner">${l10n.t('Owner')}</vscode-label>
      <vscode-radio-group id="task-owner">
        <vscode-radio name="task-owner" value="mentee" ?checked=${defaultOwner === 'mentee'} label=${ownerName(s, 'mentee')}></vscode-radio>
        <vscode-radio name="task-owner" value="mentor" ?checked=${defaultOwner === 'mentor'} label=${ownerName(s, 'mentor')}></vscode-radio>
      </vscode-radio-group>
      <vscode-label for="task-due">${l10n.t('Due (optional)')}</vscode-label>
      <vscode-textfield id="task-due" type="date"></vscode-textfield>
      <vscode-checkbox id="task-link" label=${l10n.t('Link the selection in the active editor')}></vscode-checkbox>
      <div class="actions"><vscode-button id="task-add" @click=${add}>${l10n.t('Add task')}</vscode-button></div>
    </div>`;
  }

  private group(s: ReadyState, g: TaskGroup): TemplateResult {
    const limit = this.shown.get(g.owner) ?? PAGE;
    const visible = g.tasks.slice(0, limit);
    const rest = g.tasks.length - visible.length;
    const headingId = `group-${g.owner}`;
    return html`<h2 id=${headingId} class="group">${ownerName(s, g.owner)} <span class="muted">· ${nTasks(g.tasks.length)}</span></h2>
      ${g.tasks.length === 0 ? html`<p class="muted">${l10n.t('None.')}</p>` : html`<ul class="tasks" aria-labelledby=${headingId}>
        ${repeat(visible, (t) => t.id, (t) => this.row(t))}
      </ul>`}
      ${rest > 0 ? html`<vscode-button secondary class="more" data-focus="more-${g.owner}" @click=${() => { this.shown.set(g.owner, limit + PAGE); this.host.render(); }}>
        ${l10n.t('Show {0} more ({1} not shown)', Math.min(PAGE, rest), rest)}</vscode-button>` : nothing}`;
  }

  /** Leaves the due date editor; focus goes back to its button. */
  private stopEditingDue(t: TaskView): void {
    this.editingDue = undefined;
    this.host.focusLater(`due-button-${t.id}`);
    this.host.render();
  }

  private row(t: TaskView): TemplateResult {
    const due = dueText(t);
    const editing = this.editingDue === t.id;
    const saveDue = (): void => {
      const value = valueOf(this.host.root, `#due-${t.id}`);
      if (!value) return this.host.invalid(`#due-${t.id}`, l10n.t('Choose a due date.'));
      if (this.host.request({ type: 'setTaskDue', task: t.id, due: value }, l10n.t('Due date of "{0}"', t.title))) this.refocusDue = { task: t.id, due: value };
      this.stopEditingDue(t);
    };
    return html`<li class="task ${t.status} ${t.overdue ? 'overdue' : ''}">
      <div class="task-title">${t.status === 'done' ? html`<span class="tag">${l10n.t('done')}</span> ` : t.status === 'dropped' ? html`<span class="tag">${l10n.t('dropped')}</span> ` : nothing}${t.title}</div>
      <div class="task-meta">
        ${due ? html`<span class="due ${t.overdue ? 'overdue-text' : ''}">${t.overdue ? warningIcon() : nothing}${due}</span>` : nothing}
        ${t.goal ? html`<span>${l10n.t('goal {0}', t.goal)}</span>` : nothing}
        ${t.closed ? html`<span>${t.status === 'dropped' ? l10n.t('dropped {0}', t.closed) : t.status === 'done' ? l10n.t('done {0}', t.closed) : `${t.status} ${t.closed}`}</span>` : nothing}
        ${t.reason ? html`<span>${l10n.t('reason: {0}', t.reason)}</span>` : nothing}
        <span class="muted">${t.id}</span>
      </div>
      ${t.links.length > 0 ? html`<div class="links">${t.links.map((l) => l.length > MAX_LINK_LENGTH
        ? html`<button class="link" disabled title=${l10n.t('Too long to open (over {0} characters)', MAX_LINK_LENGTH)}>${linkIcon()}<span>${l}</span></button>`
        : html`<button class="link" title=${l10n.t('Open {0}', l)} @click=${() => this.host.post({ type: 'openLink', link: l })}>${linkIcon()}<span>${l}</span></button>`)}</div>` : nothing}
      ${editing ? html`<div class="row">
          <vscode-textfield id=${`due-${t.id}`} type="date" .value=${t.due ?? ''} .label=${l10n.t('New due date for {0}', t.title)}
            @keydown=${(e: KeyboardEvent) => {
              // Saving moves the focus to the Change due button; without preventDefault the same Enter would press it.
              if (e.key === 'Enter') { e.preventDefault(); saveDue(); }
              if (e.key === 'Escape') this.stopEditingDue(t);
            }}></vscode-textfield>
          <vscode-button @click=${saveDue}>${l10n.t('Save')}</vscode-button>
          <vscode-button secondary @click=${() => this.stopEditingDue(t)}>${l10n.t('Cancel')}</vscode-button>
        </div>` : nothing}
      <div class="task-actions">
        ${t.status === 'open' ? html`
          <button class="text-button" data-action="complete" aria-label=${l10n.t('Complete "{0}"', t.title)} @click=${() => this.host.request({ type: 'completeTask', task: t.id }, l10n.t('Complete "{0}"', t.title))}>${l10n.t('Complete')}</button>
          <button class="text-button" data-action="drop" aria-label=${l10n.t('Drop "{0}"', t.title)} @click=${() => this.host.request({ type: 'dropTask', task: t.id }, l10n.t('Drop "{0}"', t.title))}>${l10n.t('Drop')}</button>
          <button class="text-button" data-action="due" data-focus=${`due-button-${t.id}`} aria-label=${l10n.t('Change due date of "{0}"', t.title)} @click=${() => {
            this.editingDue = t.id;
            this.host.render();
            // The field is new: it takes focus once it has drawn its input (a keyboard user lands in it).
            const field = this.host.root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(`#due-${CSS.escape(t.id)}`);
            void field?.updateComplete?.then(() => field.focus());
          }}>${l10n.t('Change due')}</button>`
        : html`<button class="text-button" data-action="reopen" aria-label=${l10n.t('Reopen "{0}"', t.title)} @click=${() => this.host.request({ type: 'reopenTask', task: t.id }, l10n.t('Reopen "{0}"', t.title))}>${l10n.t('Reopen')}</button>`}
      </div>
    </li>`;
  }
}
