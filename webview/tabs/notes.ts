/**
 * The Notes tab: private notes (kept on this machine by the host, never in the workspace), newest
 * first, the add form (tied to the current session when there is one) and the export button.
 */
import * as l10n from '@vscode/l10n';
import { html, type TemplateResult } from 'lit';
import type { ReadyState } from '../../src/core/views/protocol';
import { formatWhen } from '../model';
import { lockIcon } from '../icons';
import { setValue, valueOf, type Tab, type TabHost } from '../shared';

export class NotesTab implements Tab {
  constructor(private readonly host: TabHost) {}

  view(s: ReadyState): TemplateResult {
    const root = this.host.root;
    const add = (): void => {
      const text = valueOf(root, '#note-text').trim();
      if (!text) return this.host.invalid('#note-text', l10n.t('Write the note first.'));
      this.host.request({ type: 'addNote', text, ...(s.current ? { session: s.current.id } : {}) }, l10n.t('Private note'), () => setValue(root, '#note-text', ''));
    };
    return html`<h2>${l10n.t('Private notes')}</h2>
      <p class="private-label">${lockIcon()} ${s.privateLabel}</p>
      <div class="form">
        <vscode-label for="note-text">${s.current ? l10n.t('New private note (for the session of {0})', s.current.id) : l10n.t('New private note')}</vscode-label>
        <vscode-textarea id="note-text" rows="3" maxlength="20000"></vscode-textarea>
        <div class="actions">
          <vscode-button id="note-add" @click=${add}>${l10n.t('Add private note')}</vscode-button>
          <vscode-button secondary @click=${() => this.host.post({ type: 'exportNotes' })}>${l10n.t('Export…')}</vscode-button>
        </div>
      </div>
      ${s.notes.length === 0 ? html`<p class="muted">${l10n.t('No private notes.')}</p>` : html`<ul class="notes">
        ${[...s.notes].reverse().map((n) => html`<li class="note"><div class="muted small">${formatWhen(n.created)}${n.session ? ` · ${l10n.t('session {0}', n.session)}` : ''} · <span class="private-tag">${l10n.t('private')}</span></div><div class="note-text">${n.text}</div></li>`)}
      </ul>`}`;
  }
}
