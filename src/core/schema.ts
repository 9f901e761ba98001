/**
 * The `.mentoring.yaml` schema: one zod schema per part of the file, and the
 * TypeScript types inferred from them. Every object is "loose" so unknown keys
 * written by a newer version (or by hand) pass through untouched; the parser
 * reports them as info notes.
 *
 * Dates and times stay strings (ISO 8601) exactly as the user wrote them; the
 * checks turn them into instants where they need to compare them.
 */
import * as z from 'zod';
import { isSealed } from './seal/armor';

/** `2026-11-19` — a calendar date that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date like 2026-11-19 (YYYY-MM-DD)' })
  .refine((s) => isRealDate(s), { message: 'that day does not exist in the calendar' })
  .meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-11-19'] });

/** `2026-11-19T15:00:00+01:00` (seconds and offset optional; no offset means local time). */
export const IsoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/, {
    message: 'expected a date and time like 2026-11-19T15:00:00+01:00 (ISO 8601)',
  })
  .refine((s) => isRealDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), {
    message: 'that date or time does not exist',
  })
  .meta({ description: 'A date and time, ISO 8601, e.g. 2026-11-19T15:00:00+01:00.' });

/** `45m`, `24h`, `2d`, `1w`, or combinations like `1h30m`. */
export const Duration = z
  .string()
  .regex(/^(\d+w)?(\d+d)?(\d+h)?(\d+m)?$/, { message: 'expected a duration like 45m, 24h, 2d or 1h30m' })
  .refine((s) => s.length > 0, { message: 'expected a duration like 45m, 24h, 2d or 1h30m' })
  .meta({ description: 'A duration: weeks (w), days (d), hours (h), minutes (m), e.g. 45m, 24h, 2d, 1h30m.' });

/** Ids are short, stable and safe in file names, URLs and git diffs. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'an id is letters, digits, ".", "_" or "-", starting with a letter or digit (quote it if it looks like a number)',
  })
  .meta({ description: 'A stable id: letters, digits, ".", "_", "-".' });

export const Role = z.enum(['mentor', 'mentee']).meta({ description: 'mentor or mentee' });

const text = z.string();
const nonEmpty = z.string().trim().min(1, { message: 'must not be empty' });

export const Person = z
  .looseObject({
    name: nonEmpty.meta({ description: 'Full name.' }),
    handle: text.optional().meta({ description: 'Handle on the code host, e.g. a GitHub login.' }),
    email: text.optional(),
    key: text.optional().meta({ description: 'Their age public key (age1…), to which confidential fields are sealed. Never the secret key.' }),
  })
  .meta({ description: 'A person taking part in the mentoring.' });

export const GoalStatus = z.enum(['active', 'achieved', 'dropped']);

export const Goal = z.looseObject({
  id: Id,
  title: nonEmpty,
  why: text.optional().meta({ description: 'Why this goal matters.' }),
  set: IsoDate.optional().meta({ description: 'When the goal was set (defaults to the agreement start).' }),
  by: IsoDate.meta({ description: 'Target date; at most six months after the goal was set.' }),
  status: GoalStatus.default('active'),
  outcome: text.optional().meta({ description: 'Why the goal was achieved or dropped: a line written when the mentorship closes.' }),
});

export const Cadence = z.enum(['weekly', 'biweekly', 'monthly']);
export const FeedbackHabit = z.enum(['every-session', 'monthly', 'on-request']);

export const Expectations = z.looseObject({
  cadence: Cadence.optional(),
  duration: Duration.optional(),
  topicNotice: Duration.optional().meta({ description: 'The topic is announced at least this long before a session.' }),
  cancellationNotice: Duration.optional().meta({ description: 'Cancel at least this long before a session.' }),
  undoneTasks: text.optional().meta({ description: 'What happens to tasks that were not done.' }),
  confidentiality: text.optional(),
  feedback: FeedbackHabit.optional().meta({ description: 'When feedback is asked for.' }),
});

/** A reader beyond the pair, limited to named fields (e.g. a program coordinator who reads feedback). */
export const ExtraRecipient = z.looseObject({
  name: nonEmpty,
  key: text.meta({ description: 'Their age public key (age1…).' }),
  fields: z.array(text).min(1).meta({ description: 'The confidential fields they may read, e.g. [feedback].' }),
});

/**
 * Each side's acceptance of the agreement, and digests of the terms as last accepted, so a later
 * change of a term is noticed without git history (src/core/rituals/accept.ts says how the two
 * sides' dates relate to the one set of digests).
 */
const TermDigestMap = z.record(text, text);
export const Acceptance = z.looseObject({
  mentor: IsoDate.optional().meta({ description: 'When the mentor last accepted the agreement.' }),
  mentee: IsoDate.optional().meta({ description: 'When the mentee last accepted the agreement.' }),
  terms: TermDigestMap.optional().meta({ description: 'A digest per term (goal, expectation, confidential list) as last accepted; written by Accept the Agreement.' }),
  pending: z
    .looseObject({ mentor: TermDigestMap.optional(), mentee: TermDigestMap.optional() })
    .optional()
    .meta({ description: 'The side that has not accepted the terms above yet, with the digests of the terms it accepted that differ (none: the term was not there).' }),
});

export const Agreement = z.looseObject({
  mentor: Person,
  mentee: Person,
  started: IsoDate,
  review: IsoDate.optional().meta({ description: 'When the agreement is revisited (at least every six months).' }),
  goals: z.array(Goal).default([]),
  expectations: Expectations.default({}),
  recipients: z.array(ExtraRecipient).optional().meta({ description: 'Readers beyond the pair, each for named confidential fields.' }),
  confidential: z
    .array(text)
    .optional()
    .meta({ description: 'Fields sealed when keys are present: notes, feedback (or feedback.rating, feedback.valuable, feedback.change), comments, topic, agenda. Default: notes, feedback, comments.' }),
  accepted: Acceptance.optional().meta({ description: 'When each side accepted the agreement, and what they accepted.' }),
});

export const Rating = z.number().int({ message: 'a rating is a whole number from 1 to 5' }).min(1).max(5);

/** A value sealed with age: its ASCII armor (checked in detail by seal/checks.ts). */
export const SealedRating = z.string().refine(isSealed, { message: 'a rating is a whole number from 1 to 5, or a sealed one (age armor)' }).meta({ description: 'Sealed with age (ASCII armor).' });

export const Feedback = z.looseObject({
  from: Role,
  rating: z.union([Rating, SealedRating], { error: 'a rating is a whole number from 1 to 5, or a sealed one' }).optional(),
  valuable: text.optional().meta({ description: 'What was valuable.' }),
  change: text.optional().meta({ description: 'What to change next time.' }),
  at: IsoDateTime.optional(),
});

export const SessionStatus = z.enum(['planned', 'held', 'cancelled']);

export const Cancellation = z.looseObject({
  at: IsoDateTime,
  by: Role,
  reason: text.optional(),
});

export const Session = z.looseObject({
  id: Id,
  at: IsoDateTime,
  topic: text.optional(),
  announced: IsoDateTime.optional().meta({ description: 'When the topic was announced.' }),
  status: SessionStatus.default('planned'),
  started: IsoDateTime.optional(),
  ended: IsoDateTime.optional(),
  agenda: z.array(text).default([]),
  notes: text.optional(),
  feedback: z.array(Feedback).default([]),
  cancelled: Cancellation.optional(),
});

/** The end of the mentorship: when, by whom, and each side's final feedback (sealed like session feedback). */
export const Closed = z.looseObject({
  on: IsoDate.meta({ description: 'The day the mentorship was closed.' }),
  by: Role.meta({ description: 'Who closed it.' }),
  feedback: z.array(Feedback).default([]).meta({ description: "Each side's final feedback on the whole mentorship (at most one per role)." }),
});

export const TaskStatus = z.enum(['open', 'done', 'dropped']);

export const Task = z.looseObject({
  id: Id,
  title: nonEmpty,
  owner: Role.default('mentee'),
  due: IsoDate.optional(),
  status: TaskStatus.default('open'),
  goal: Id.optional().meta({ description: 'The id of a goal in agreement.goals.' }),
  session: Id.optional().meta({ description: 'The id of the session the task came from.' }),
  links: z.array(text).default([]).meta({ description: 'Code links: path, path#L42 or path#L10-L20.' }),
  created: IsoDate.optional(),
  closed: IsoDate.optional().meta({ description: 'When the task was done or dropped.' }),
  reason: text.optional().meta({ description: 'Why the task was dropped.' }),
});

export const ThreadComment = z.looseObject({
  author: text,
  at: IsoDateTime.optional(),
  body: text,
});

export const Thread = z.looseObject({
  id: Id,
  file: nonEmpty.meta({ description: 'Workspace-relative path of the commented file.' }),
  line: z.number().int().min(1).meta({ description: '1-based line the thread was anchored to.' }),
  endLine: z.number().int().min(1).optional(),
  anchor: z
    .looseObject({
      text: text,
      before: text.optional(),
      after: text.optional(),
    })
    .optional()
    .meta({ description: 'The anchored line and its neighbours, used to re-anchor when code moves.' }),
  status: z.enum(['open', 'resolved']).default('open'),
  comments: z.array(ThreadComment).default([]),
  task: Id.optional(),
});

export const HintsConfig = z.looseObject({
  extraJudgmentWords: z.array(text).default([]),
  disabledRules: z.array(text).default([]),
  disabledCategories: z.array(text).default([]),
});

/** The moments a question fits (src/core/rituals/questions.ts), or `any`: offered for every session. */
export const QUESTION_MOMENTS = ['first-session', 'late-cancellation', 'goal-due', 'undone-tasks', 'feedback'] as const;
export const QuestionWhen = z.enum([...QUESTION_MOMENTS, 'any']).meta({ description: 'When the question fits: first-session, late-cancellation, goal-due, undone-tasks, feedback, or any.' });

/** A question the team adds to the ones the agenda offers. */
export const TeamQuestion = z.looseObject({
  id: Id.optional(),
  when: QuestionWhen,
  text: nonEmpty.meta({ description: 'The question, as it goes on the agenda.' }),
});

export const MentoringFile = z
  .looseObject({
    version: z.literal(1, { message: 'version must be 1' }),
    agreement: Agreement,
    sessions: z.array(Session).default([]),
    tasks: z.array(Task).default([]),
    threads: z.array(Thread).default([]),
    hints: HintsConfig.optional(),
    questions: z.array(TeamQuestion).optional().meta({ description: 'Questions the team adds to the ones the agenda offers, each for a moment (`when`).' }),
    closed: Closed.optional().meta({ description: 'Written when the mentorship is closed: reminders stop, and the summary shows how it went.' }),
  })
  .meta({
    title: 'Mentoring agreement and session log',
    description: 'The .mentoring.yaml file: the agreement between a mentor and a mentee, and the log of their sessions and tasks.',
  });

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
