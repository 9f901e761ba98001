/**
 * The Notes tab: private notes (kept on this machine by the host, never in the workspace), newest
 * first, the add form (tied to the current session when there is one) and the export button.
 */
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
      if (!text) return this.host.invalid('#note-text', 'Write the note first.');
      this.host.request({ type: 'addNote', text, ...(s.current ? { session: s.current.id } : {}) }, 'Private note', () => setValue(root, '#note-text', ''));
    };
    return html`<h2>Private notes</h2>
      <p class="private-label">${lockIcon()} ${s.privateLabel}</p>
      <div class="form">
        <vscode-label for="note-text">New private note${s.current ? ` (for the session of ${s.current.id})` : ''}</vscode-label>
        <vscode-textarea id="note-text" rows="3" maxlength="20000"></vscode-textarea>
        <div class="actions">
          <vscode-button id="note-add" @click=${add}>Add private note</vscode-button>
          <vscode-button secondary @click=${() => this.host.post({ type: 'exportNotes' })}>Export…</vscode-button>
        </div>
      </div>
      ${s.notes.length === 0 ? html`<p class="muted">No private notes.</p>` : html`<ul class="notes">
        ${[...s.notes].reverse().map((n) => html`<li class="note"><div class="muted small">${formatWhen(n.created)}${n.session ? ` · session ${n.session}` : ''} · <span class="private-tag">private</span></div><div class="note-text">${n.text}</div></li>`)}
      </ul>`}`;
  }
}
