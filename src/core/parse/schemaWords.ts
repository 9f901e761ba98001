/**
 * The schema's descriptions (src/core/schema.ts `meta`) as the parse's messages say them: "add
 * `by:` (target date; at most six months after the goal was set)". The schema keeps its English
 * (the JSON schema the YAML extension shows is generated from it, media/mentoring.schema.json);
 * the messages take each description through `l10n.t` here, one literal per description, as it
 * reads inside a sentence (no final period, "a" for "A"). test/unit/core/parse/schemaWords.test.ts
 * holds every description of the schema to an entry here.
 */
import * as l10n from '@vscode/l10n';

/** The description as a message says it, in the user's language; undefined for one not listed here. */
export function describedAs(description: string): string | undefined {
  switch (description) {
    case 'A person taking part in the mentoring.': return l10n.t('a person taking part in the mentoring');
    case 'Full name.': return l10n.t('Full name');
    case 'Handle on the code host, e.g. a GitHub login.': return l10n.t('Handle on the code host, e.g. a GitHub login');
    case 'Their age public key (age1…), to which confidential fields are sealed. Never the secret key.': return l10n.t('Their age public key (age1…), to which confidential fields are sealed. Never the secret key');
    case 'A calendar date, YYYY-MM-DD.': return l10n.t('a calendar date, YYYY-MM-DD');
    case 'When the agreement is revisited (at least every six months).': return l10n.t('When the agreement is revisited (at least every six months)');
    case 'A stable id: letters, digits, ".", "_", "-".': return l10n.t('a stable id: letters, digits, ".", "_", "-"');
    case 'Why this goal matters.': return l10n.t('Why this goal matters');
    case 'When the goal was set (defaults to the agreement start).': return l10n.t('When the goal was set (defaults to the agreement start)');
    case 'Target date; at most six months after the goal was set.': return l10n.t('Target date; at most six months after the goal was set');
    case 'Why the goal was achieved or dropped: a line written when the mentorship closes.': return l10n.t('Why the goal was achieved or dropped: a line written when the mentorship closes');
    case 'A duration: weeks (w), days (d), hours (h), minutes (m), e.g. 45m, 24h, 2d, 1h30m.': return l10n.t('a duration: weeks (w), days (d), hours (h), minutes (m), e.g. 45m, 24h, 2d, 1h30m');
    case 'The topic is announced at least this long before a session.': return l10n.t('The topic is announced at least this long before a session');
    case 'Cancel at least this long before a session.': return l10n.t('Cancel at least this long before a session');
    case 'What happens to tasks that were not done.': return l10n.t('What happens to tasks that were not done');
    case 'When feedback is asked for.': return l10n.t('When feedback is asked for');
    case 'Readers beyond the pair, each for named confidential fields.': return l10n.t('Readers beyond the pair, each for named confidential fields');
    case 'Their age public key (age1…).': return l10n.t('Their age public key (age1…)');
    case 'The confidential fields they may read, e.g. [feedback].': return l10n.t('The confidential fields they may read, e.g. [feedback]');
    case 'Fields sealed when keys are present: notes, feedback (or feedback.rating, feedback.valuable, feedback.change), comments, topic, agenda. Default: notes, feedback, comments.': return l10n.t('Fields sealed when keys are present: notes, feedback (or feedback.rating, feedback.valuable, feedback.change), comments, topic, agenda. Default: notes, feedback, comments');
    case 'When each side accepted the agreement, and what they accepted.': return l10n.t('When each side accepted the agreement, and what they accepted');
    case 'When the mentor last accepted the agreement.': return l10n.t('When the mentor last accepted the agreement');
    case 'When the mentee last accepted the agreement.': return l10n.t('When the mentee last accepted the agreement');
    case 'A digest per term (goal, expectation, confidential list) as last accepted; written by Accept the Agreement.': return l10n.t('a digest per term (goal, expectation, confidential list) as last accepted; written by Accept the Agreement');
    case 'The side that has not accepted the terms above yet, with the digests of the terms it accepted that differ (none: the term was not there).': return l10n.t('The side that has not accepted the terms above yet, with the digests of the terms it accepted that differ (none: the term was not there)');
    case 'A date and time, ISO 8601, e.g. 2026-11-19T15:00:00+01:00.': return l10n.t('a date and time, ISO 8601, e.g. 2026-11-19T15:00:00+01:00');
    case 'When the topic was announced.': return l10n.t('When the topic was announced');
    case 'mentor or mentee': return l10n.t('mentor or mentee');
    case 'Sealed with age (ASCII armor).': return l10n.t('Sealed with age (ASCII armor)');
    case 'What was valuable.': return l10n.t('What was valuable');
    case 'What to change next time.': return l10n.t('What to change next time');
    case 'The id of a goal in agreement.goals.': return l10n.t('The id of a goal in agreement.goals');
    case 'The id of the session the task came from.': return l10n.t('The id of the session the task came from');
    case 'Code links: path, path#L42 or path#L10-L20.': return l10n.t('Code links: path, path#L42 or path#L10-L20');
    case 'When the task was done or dropped.': return l10n.t('When the task was done or dropped');
    case 'Why the task was dropped.': return l10n.t('Why the task was dropped');
    case 'Workspace-relative path of the commented file.': return l10n.t('Workspace-relative path of the commented file');
    case '1-based line the thread was anchored to.': return l10n.t('1-based line the thread was anchored to');
    case 'The anchored line and its neighbours, used to re-anchor when code moves.': return l10n.t('The anchored line and its neighbours, used to re-anchor when code moves');
    case 'Questions the team adds to the ones the agenda offers, each for a moment (`when`).': return l10n.t('Questions the team adds to the ones the agenda offers, each for a moment (`when`)');
    case 'When the question fits: first-session, late-cancellation, goal-due, undone-tasks, feedback, or any.': return l10n.t('When the question fits: first-session, late-cancellation, goal-due, undone-tasks, feedback, or any');
    case 'The question, as it goes on the agenda.': return l10n.t('The question, as it goes on the agenda');
    case 'Written when the mentorship is closed: reminders stop, and the summary shows how it went.': return l10n.t('Written when the mentorship is closed: reminders stop, and the summary shows how it went');
    case 'The day the mentorship was closed.': return l10n.t('The day the mentorship was closed');
    case 'Who closed it.': return l10n.t('Who closed it');
    case 'Each side\'s final feedback on the whole mentorship (at most one per role).': return l10n.t('Each side\'s final feedback on the whole mentorship (at most one per role)');
    default:
      return undefined;
  }
}
