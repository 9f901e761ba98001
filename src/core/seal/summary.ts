/**
 * A session summary as one reader sees it: the session's sealed fields opened with the reader's
 * keys (`openModel`, the one way to open), each shown with a lock, and the fields those keys do
 * not open as who can read them. The CLI's `mentoring summary` and the editor's export both use
 * it, so both say the same; where the text may go is the caller's question (`./paths.ts`).
 * Its own words (the lock marks, the closing note) are in the user's language (`l10n.t`), English in the CLI.
 */
import * as l10n from '@vscode/l10n';
import type { MentoringFile } from '../schema';
import { sessionSummary } from '../summary';
import { isSealed } from './armor';
import { fieldValues, type FieldValue } from './fields';
import { openModel } from './read';
import type { Opener } from './write';

export interface OpenedSummary {
  markdown: string;
  /** "readable by Ana (mentor) and Ben (mentee)", once per distinct group of readers opened. */
  opened: string[];
  /** Sealed fields of the session the keys do not open. */
  locked: number;
}

/**
 * The Markdown summary of session `id` with its sealed fields opened for `identities`. Throws,
 * as `sessionSummary` does, when there is no such session.
 */
export async function openedSummary(model: MentoringFile, id: string, identities: readonly string[], opener?: Opener): Promise<OpenedSummary> {
  const i = model.sessions.findIndex((s) => s.id === id);
  const select = (fv: FieldValue): boolean => fv.path[0] === 'sessions' && fv.path[1] === i;
  let shown = model;
  const opened = new Set<string>();
  let locked = 0;
  if (i >= 0 && fieldValues(model).some((fv) => select(fv) && isSealed(fv.value))) {
    const r = await openModel(model, identities, {
      select,
      opened: (text, field) => (field === 'feedback.rating' && /^\s*[1-5]\s*$/.test(text) ? Number(text.trim()) : `🔒 ${text}`),
      locked: (readers) => `🔒 ${l10n.t('sealed — readable by {0}', readers)}`,
      ...(opener ? { opener } : {}),
    });
    shown = r.model;
    for (const f of r.fields) {
      if (f.opened) opened.add(l10n.t('readable by {0}', f.readers));
      else locked++;
    }
  }
  let markdown = sessionSummary(shown, id);
  markdown = markdown.endsWith('\n') ? markdown : markdown + '\n';
  if (opened.size > 0) markdown += `\n_🔒 ${l10n.t('{0}: sealed in the file, shown opened with your key. Keep this summary out of the repository.', [...opened].join('; '))}_\n`;
  return { markdown, opened: [...opened], locked };
}
