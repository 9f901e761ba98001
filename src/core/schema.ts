/**
 * The `.mentoring.yaml` schema: one zod schema per part of the file, and the
 * TypeScript types inferred from them. Every object is "loose" so unknown keys
 * written by a newer version (or by hand) pass through untouched; the parser
 * reports them as info notes.
 *
 * Dates and times stay strings (ISO 8601) exactly as the user wrote them; the
 * checks turn them into instants where they need to compare them.
 *
 * Written with `zod/mini` (as the webview protocol, views/protocol.ts): its functions leave out
 * what the file does not use, where classic zod's methods bring all of it into the bundles. Each
 * call is the one classic zod's method makes (`.optional()` is `optional(…)`, `.regex(…)` the
 * `regex` check, `.meta(…)` a registered clone), so the issues, their messages and the JSON schema
 * are those of the classic schema (test/unit/core/schema.test.ts).
 */
import * as l10n from '@vscode/l10n';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { isSealed } from './seal/armor';

// zod's English messages for the issues the schema leaves to zod ("Too small: …", which the parse's
// messages read: parse/schemaMessages.ts), set as classic zod sets them on its first schema.
if (!z.config().localeError) z.config(en());

/** As classic zod's `.meta(m)`: a clone of `schema` with `m` in the global registry (the original keeps its own). */
function meta<T extends z.ZodMiniType>(schema: T, m: z.core.GlobalMeta): T {
  const clone = schema.clone();
  z.globalRegistry.add(clone, m);
  return clone;
}

/** The form of a date (`IsoDate`); parse/schemaMessages.ts tells a near miss by it. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** The form of a date and time (`IsoDateTime`). */
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** `2026-11-19` — a calendar date that exists. */
export const IsoDate = meta(
  z.string().check(
    z.regex(DATE_PATTERN, { error: () => l10n.t('expected a date like 2026-11-19 (YYYY-MM-DD)') }),
    z.refine((s) => isRealDate(s), { error: () => l10n.t('that day does not exist in the calendar') }),
  ),
  { description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-11-19'] },
);

/** `2026-11-19T15:00:00+01:00` (seconds and offset optional; no offset means local time). */
export const IsoDateTime = meta(
  z.string().check(
    z.regex(DATE_TIME_PATTERN, { error: () => l10n.t('expected a date and time like 2026-11-19T15:00:00+01:00 (ISO 8601)') }),
    z.refine((s) => isRealDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), { error: () => l10n.t('that date or time does not exist') }),
  ),
  { description: 'A date and time, ISO 8601, e.g. 2026-11-19T15:00:00+01:00.' },
);

/** `45m`, `24h`, `2d`, `1w`, or combinations like `1h30m`. */
export const Duration = meta(
  z.string().check(
    z.regex(/^(\d+w)?(\d+d)?(\d+h)?(\d+m)?$/, { error: () => l10n.t('expected a duration like 45m, 24h, 2d or 1h30m') }),
    z.refine((s) => s.length > 0, { error: () => l10n.t('expected a duration like 45m, 24h, 2d or 1h30m') }),
  ),
  { description: 'A duration: weeks (w), days (d), hours (h), minutes (m), e.g. 45m, 24h, 2d, 1h30m.' },
);

/** Ids are short, stable and safe in file names, URLs and git diffs. */
export const Id = meta(
  z.string().check(
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: () => l10n.t('an id is letters, digits, ".", "_" or "-", starting with a letter or digit (quote it if it looks like a number)') }),
  ),
  { description: 'A stable id: letters, digits, ".", "_", "-".' },
);

export const Role = meta(z.enum(['mentor', 'mentee']), { description: 'mentor or mentee' });

const text = z.string();
const nonEmpty = z.string().check(z.trim(), z.minLength(1, { error: () => l10n.t('must not be empty') }));

export const Person = meta(
  z.looseObject({
    name: meta(nonEmpty, { description: 'Full name.' }),
    handle: meta(z.optional(text), { description: 'Handle on the code host, e.g. a GitHub login.' }),
    email: z.optional(text),
    key: meta(z.optional(text), { description: 'Their age public key (age1…), to which confidential fields are sealed. Never the secret key.' }),
  }),
  { description: 'A person taking part in the mentoring.' },
);

export const GoalStatus = z.enum(['active', 'achieved', 'dropped']);

export const Goal = z.looseObject({
  id: Id,
  title: nonEmpty,
  why: meta(z.optional(text), { description: 'Why this goal matters.' }),
  set: meta(z.optional(IsoDate), { description: 'When the goal was set (defaults to the agreement start).' }),
  by: meta(IsoDate, { description: 'Target date; at most six months after the goal was set.' }),
  status: z._default(GoalStatus, 'active'),
  outcome: meta(z.optional(text), { description: 'Why the goal was achieved or dropped: a line written when the mentorship closes.' }),
});

export const Cadence = z.enum(['weekly', 'biweekly', 'monthly']);
export const FeedbackHabit = z.enum(['every-session', 'monthly', 'on-request']);

export const Expectations = z.looseObject({
  cadence: z.optional(Cadence),
  duration: z.optional(Duration),
  topicNotice: meta(z.optional(Duration), { description: 'The topic is announced at least this long before a session.' }),
  cancellationNotice: meta(z.optional(Duration), { description: 'Cancel at least this long before a session.' }),
  undoneTasks: meta(z.optional(text), { description: 'What happens to tasks that were not done.' }),
  confidentiality: z.optional(text),
  feedback: meta(z.optional(FeedbackHabit), { description: 'When feedback is asked for.' }),
});

/** A reader beyond the pair, limited to named fields (e.g. a program coordinator who reads feedback). */
export const ExtraRecipient = z.looseObject({
  name: nonEmpty,
  key: meta(text, { description: 'Their age public key (age1…).' }),
  fields: meta(z.array(text).check(z.minLength(1)), { description: 'The confidential fields they may read, e.g. [feedback].' }),
});

/**
 * Each side's acceptance of the agreement, and digests of the terms as last accepted, so a later
 * change of a term is noticed without git history (src/core/rituals/accept.ts says how the two
 * sides' dates relate to the one set of digests).
 */
const TermDigestMap = z.record(text, text);
export const Acceptance = z.looseObject({
  mentor: meta(z.optional(IsoDate), { description: 'When the mentor last accepted the agreement.' }),
  mentee: meta(z.optional(IsoDate), { description: 'When the mentee last accepted the agreement.' }),
  terms: meta(z.optional(TermDigestMap), { description: 'A digest per term (goal, expectation, confidential list) as last accepted; written by Accept the Agreement.' }),
  pending: meta(z.optional(z.looseObject({ mentor: z.optional(TermDigestMap), mentee: z.optional(TermDigestMap) })), {
    description: 'The side that has not accepted the terms above yet, with the digests of the terms it accepted that differ (none: the term was not there).',
  }),
});

export const Agreement = z.looseObject({
  mentor: Person,
  mentee: Person,
  started: IsoDate,
  review: meta(z.optional(IsoDate), { description: 'When the agreement is revisited (at least every six months).' }),
  goals: z._default(z.array(Goal), []),
  expectations: z._default(Expectations, {}),
  recipients: meta(z.optional(z.array(ExtraRecipient)), { description: 'Readers beyond the pair, each for named confidential fields.' }),
  confidential: meta(z.optional(z.array(text)), {
    description: 'Fields sealed when keys are present: notes, feedback (or feedback.rating, feedback.valuable, feedback.change), comments, topic, agenda. Default: notes, feedback, comments.',
  }),
  accepted: meta(z.optional(Acceptance), { description: 'When each side accepted the agreement, and what they accepted.' }),
});

export const Rating = z.number().check(z.int({ error: () => l10n.t('a rating is a whole number from 1 to 5') }), z.minimum(1), z.maximum(5));

/** A value sealed with age: its ASCII armor (checked in detail by seal/checks.ts). */
export const SealedRating = meta(z.string().check(z.refine(isSealed, { error: () => l10n.t('a rating is a whole number from 1 to 5, or a sealed one (age armor)') })), {
  description: 'Sealed with age (ASCII armor).',
});

export const Feedback = z.looseObject({
  from: Role,
  rating: z.optional(z.union([Rating, SealedRating], { error: () => l10n.t('a rating is a whole number from 1 to 5, or a sealed one') })),
  valuable: meta(z.optional(text), { description: 'What was valuable.' }),
  change: meta(z.optional(text), { description: 'What to change next time.' }),
  at: z.optional(IsoDateTime),
});

export const SessionStatus = z.enum(['planned', 'held', 'cancelled']);

export const Cancellation = z.looseObject({
  at: IsoDateTime,
  by: Role,
  reason: z.optional(text),
});

export const Session = z.looseObject({
  id: Id,
  at: IsoDateTime,
  topic: z.optional(text),
  announced: meta(z.optional(IsoDateTime), { description: 'When the topic was announced.' }),
  status: z._default(SessionStatus, 'planned'),
  started: z.optional(IsoDateTime),
  ended: z.optional(IsoDateTime),
  agenda: z._default(z.array(text), []),
  notes: z.optional(text),
  feedback: z._default(z.array(Feedback), []),
  cancelled: z.optional(Cancellation),
});

/** The end of the mentorship: when, by whom, and each side's final feedback (sealed like session feedback). */
export const Closed = z.looseObject({
  on: meta(IsoDate, { description: 'The day the mentorship was closed.' }),
  by: meta(Role, { description: 'Who closed it.' }),
  feedback: meta(z._default(z.array(Feedback), []), { description: "Each side's final feedback on the whole mentorship (at most one per role)." }),
});

export const TaskStatus = z.enum(['open', 'done', 'dropped']);

export const Task = z.looseObject({
  id: Id,
  title: nonEmpty,
  owner: z._default(Role, 'mentee'),
  due: z.optional(IsoDate),
  status: z._default(TaskStatus, 'open'),
  goal: meta(z.optional(Id), { description: 'The id of a goal in agreement.goals.' }),
  session: meta(z.optional(Id), { description: 'The id of the session the task came from.' }),
  links: meta(z._default(z.array(text), []), { description: 'Code links: path, path#L42 or path#L10-L20.' }),
  created: z.optional(IsoDate),
  closed: meta(z.optional(IsoDate), { description: 'When the task was done or dropped.' }),
  reason: meta(z.optional(text), { description: 'Why the task was dropped.' }),
});

export const ThreadComment = z.looseObject({
  author: text,
  at: z.optional(IsoDateTime),
  body: text,
});

export const Thread = z.looseObject({
  id: Id,
  file: meta(nonEmpty, { description: 'Workspace-relative path of the commented file.' }),
  line: meta(z.number().check(z.int(), z.minimum(1)), { description: '1-based line the thread was anchored to.' }),
  endLine: z.optional(z.number().check(z.int(), z.minimum(1))),
  anchor: meta(
    z.optional(
      z.looseObject({
        text: text,
        before: z.optional(text),
        after: z.optional(text),
      }),
    ),
    { description: 'The anchored line and its neighbours, used to re-anchor when code moves.' },
  ),
  status: z._default(z.enum(['open', 'resolved']), 'open'),
  comments: z._default(z.array(ThreadComment), []),
  task: z.optional(Id),
});

export const HintsConfig = z.looseObject({
  extraJudgmentWords: z._default(z.array(text), []),
  disabledRules: z._default(z.array(text), []),
  disabledCategories: z._default(z.array(text), []),
});

/** The moments a question fits (src/core/rituals/questions.ts), or `any`: offered for every session. */
export const QUESTION_MOMENTS = ['first-session', 'late-cancellation', 'goal-due', 'undone-tasks', 'feedback'] as const;
export const QuestionWhen = meta(z.enum([...QUESTION_MOMENTS, 'any']), {
  description: 'When the question fits: first-session, late-cancellation, goal-due, undone-tasks, feedback, or any.',
});

/** A question the team adds to the ones the agenda offers. */
export const TeamQuestion = z.looseObject({
  id: z.optional(Id),
  when: QuestionWhen,
  text: meta(nonEmpty, { description: 'The question, as it goes on the agenda.' }),
});

export const MentoringFile = meta(
  z.looseObject({
    version: z.literal(1, { error: () => l10n.t('version must be 1') }),
    agreement: Agreement,
    sessions: z._default(z.array(Session), []),
    tasks: z._default(z.array(Task), []),
    threads: z._default(z.array(Thread), []),
    hints: z.optional(HintsConfig),
    questions: meta(z.optional(z.array(TeamQuestion)), { description: 'Questions the team adds to the ones the agenda offers, each for a moment (`when`).' }),
    closed: meta(z.optional(Closed), { description: 'Written when the mentorship is closed: reminders stop, and the summary shows how it went.' }),
  }),
  {
    title: 'Mentoring agreement and session log',
    description: 'The .mentoring.yaml file: the agreement between a mentor and a mentee, and the log of their sessions and tasks.',
  },
);

export type MentoringFile = z.infer<typeof MentoringFile>;
export type Agreement = z.infer<typeof Agreement>;
export type Person = z.infer<typeof Person>;
export type Goal = z.infer<typeof Goal>;
export type Expectations = z.infer<typeof Expectations>;
export type Session = z.infer<typeof Session>;
export type Feedback = z.infer<typeof Feedback>;
export type Task = z.infer<typeof Task>;
export type Thread = z.infer<typeof Thread>;
export type ThreadComment = z.infer<typeof ThreadComment>;
export type HintsConfig = z.infer<typeof HintsConfig>;
export type TeamQuestion = z.infer<typeof TeamQuestion>;
export type Role = z.infer<typeof Role>;
export type ExtraRecipient = z.infer<typeof ExtraRecipient>;
export type Acceptance = z.infer<typeof Acceptance>;
export type Closed = z.infer<typeof Closed>;

/** The JSON schema contributed to the YAML extension (`yamlValidation`). */
export function toJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(MentoringFile, { io: 'input', unrepresentable: 'any' });
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}
