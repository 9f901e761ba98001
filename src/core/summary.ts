/**
 * A session summary as Markdown: topic, date, status, agenda, notes, feedback, the tasks that
 * came out of the session and the open tasks carried into it. Everything the users typed is
 * escaped, so a title like `# Heading`, `- item`, `<script>` or `[link](x)` shows as text and
 * cannot change the document's structure.
 */
import * as l10n from '@vscode/l10n';
import type { Feedback, MentoringFile, Session, Task } from './schema';
import { BIDI_CONTROLS } from './escape';

/** The Markdown summary of session `sessionId`, in the display language (the file's own text as it is). Throws when there is no such session. */
export function sessionSummary(model: MentoringFile, sessionId: string): string {
  const session = model.sessions.find((s) => s.id === sessionId);
  if (!session) {
    const ids = model.sessions.map((s) => s.id);
    throw new Error(l10n.t('There is no session "{0}". Sessions: {1}.', sessionId, ids.length > 0 ? ids.join(', ') : l10n.t('none yet')));
  }
  const out: string[] = [];
  const hasTitle = session.topic !== undefined && session.topic.trim() !== '';
  out.push(hasTitle ? l10n.t('# Session {0}: {1}', inline(session.id), inline(session.topic ?? '')) : l10n.t('# Session {0}', inline(session.id)), '');
  out.push(l10n.t('- **When:** {0}', inline(session.at)));
  out.push(l10n.t('- **Status:** {0}', statusLine(session)));
  if (session.announced !== undefined) out.push(l10n.t('- **Topic announced:** {0}', inline(session.announced)));
  out.push(
    l10n.t('- **Mentor:** {0} · **Mentee:** {1}', inline(model.agreement.mentor.name), inline(model.agreement.mentee.name)),
    '',
  );

  out.push(l10n.t('## Agenda'), '');
  if (session.agenda.length === 0) out.push(l10n.t('_No agenda items._'));
  else session.agenda.forEach((a, i) => out.push(`${i + 1}. ${inline(a)}`));
  out.push('');

  if (session.notes !== undefined && session.notes.trim() !== '') {
    out.push(l10n.t('## Notes'), '', block(session.notes), '');
  }

  out.push(l10n.t('## Feedback'), '');
  if (session.feedback.length === 0) out.push(l10n.t('_No feedback recorded._'));
  else for (const f of session.feedback) out.push(feedbackLine(f));
  out.push('');

  const fromSession = model.tasks.filter((t) => t.session === session.id);
  out.push(l10n.t('## Tasks from this session'), '');
  if (fromSession.length === 0) out.push(l10n.t('_None._'));
  else for (const t of fromSession) out.push(taskLine(t, model));
  out.push('');

  const sessionDay = session.at.slice(0, 10);
  const carried = model.tasks.filter(
    (t) => t.status === 'open' && t.session !== session.id && (t.created === undefined || t.created <= sessionDay),
  );
  out.push(l10n.t('## Open tasks carried forward'), '');
  if (carried.length === 0) out.push(l10n.t('_None._'));
  else for (const t of carried) out.push(taskLine(t, model, true));
  out.push('');

  return out.join('\n');
}

function statusWord(status: Session['status']): string {
  return status === 'held' ? l10n.t('held') : status === 'cancelled' ? l10n.t('cancelled') : l10n.t('planned');
}

function statusLine(s: Session): string {
  const parts = [statusWord(s.status)];
  if (s.started !== undefined) parts.push(l10n.t('started {0}', inline(s.started)));
  if (s.ended !== undefined) parts.push(l10n.t('ended {0}', inline(s.ended)));
  if (s.cancelled !== undefined) {
    const at = inline(s.cancelled.at);
    const reason = s.cancelled.reason !== undefined ? inline(s.cancelled.reason) : undefined;
    if (s.cancelled.by === 'mentor') parts.push(reason === undefined ? l10n.t('cancelled by the mentor at {0}', at) : l10n.t('cancelled by the mentor at {0}: {1}', at, reason));
    else parts.push(reason === undefined ? l10n.t('cancelled by the mentee at {0}', at) : l10n.t('cancelled by the mentee at {0}: {1}', at, reason));
  }
  return parts.join(', ');
}

function feedbackLine(f: Feedback): string {
  const who = f.from === 'mentor' ? l10n.t('Mentor') : l10n.t('Mentee');
  // A rating that is not a number is sealed: shown as what the reader may know of it.
  const rating = typeof f.rating === 'number' ? ` (${f.rating}/5)` : f.rating !== undefined ? ` (${l10n.t('rating {0}', inline(String(f.rating)))})` : '';
  const parts: string[] = [];
  if (f.valuable !== undefined) parts.push(l10n.t('valuable: {0}', inline(f.valuable)));
  if (f.change !== undefined) parts.push(l10n.t('change: {0}', inline(f.change)));
  return `- **${who}**${rating}${parts.length > 0 ? ' — ' + parts.join('; ') : ''}`;
}

function taskLine(t: Task, model: MentoringFile, showOrigin = false): string {
  const box = t.status === 'done' ? '[x]' : '[ ]';
  const title = t.status === 'dropped' ? l10n.t('~~{0}~~ (dropped)', inline(t.title)) : inline(t.title);
  const meta = [inline(t.id), t.owner === 'mentor' ? l10n.t('mentor') : l10n.t('mentee')];
  if (t.due !== undefined) meta.push(l10n.t('due {0}', inline(t.due)));
  if (t.goal !== undefined) {
    const goal = model.agreement.goals.find((g) => g.id === t.goal);
    meta.push(l10n.t('goal: {0}', inline(goal ? goal.title : t.goal)));
  }
  if (showOrigin && t.session !== undefined) meta.push(l10n.t('from {0}', inline(t.session)));
  return `- ${box} ${title} (${meta.join(', ')})`;
}

/**
 * User text inside a line: line breaks become spaces, and every character Markdown could read
 * as syntax (emphasis, code, links, HTML, tables, headings, entities) is escaped.
 */
export function inline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** Multi-line user text as paragraphs: each line escaped, line breaks kept. */
export function block(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => escapeLine(line.trim()))
        .filter((line) => line !== '')
        .join('  \n'),
    )
    .join('\n\n');
}

function escapeLine(line: string): string {
  const escaped = line
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#!]/g, '\\$&')
    // A bidi control would show the text in another order than the file holds (the parse warns
    // at each, `bidi-control`): the summary shows where it is instead, as `[U+202E]`.
    .replace(BIDI_CONTROLS, (c) => `\\[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\\]`);
  // Block syntax at the start of a line: list markers, ordered lists, quotes, setext underlines.
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
