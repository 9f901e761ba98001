/**
 * The one message protocol between the extension host and the sidebar webview.
 *
 * Every message is a discriminated union member (`type`), with a zod schema per message. Both
 * sides validate what they receive with `parseWebviewMessage` / `parseHostMessage`: anything
 * unknown or malformed is dropped (and logged by the caller), never acted on. The webview is
 * untrusted (it renders a cloned repository's text), so the host validates every field, with
 * bounded sizes, before it touches the file.
 *
 * The host sends the whole view model (`state`) on every change: the model is plain data built by
 * `views/sidebar.ts` from the parsed file, the clock and the private notes, so the webview has no
 * domain logic and the model is unit-tested in Node.
 *
 * Pure: no `vscode`, no Node built-ins (the webview bundle imports this file). Written with
 * `zod/mini` (tree-shakable: ~20 KB in the webview bundle, where classic zod costs ~450 KB).
 */
import * as z from 'zod/mini';

// ---------------------------------------------------------------------------------------------
// Bounds: what a well-behaved webview could ever send. Larger is refused, not truncated.

const MAX_TEXT = 20_000;
const MAX_SHORT = 500;
const MAX_INDEX = 100_000;
/**
 * The longest task link the page may send back to open (core/links.ts says the same): a longer
 * one is shown but not offered, never cut short (a cut path names a different file).
 */
export const MAX_LINK_LENGTH = MAX_SHORT;

const shortText = z.string().check(z.maxLength(MAX_SHORT));
const longText = z.string().check(z.maxLength(MAX_TEXT));
const nonEmptyShort = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_SHORT));
const id = z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/));
const index = z.int().check(z.minimum(0), z.maximum(MAX_INDEX));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** A local or offset date-time as the user typed it in a datetime-local input (seconds optional). */
const isoDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/));
const role = z.enum(['mentor', 'mentee']);
/** Correlates a request with its `result`; chosen by the webview. */
const requestId = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

// ---------------------------------------------------------------------------------------------
// Webview → host

export const WebviewMessageSchemas = {
  /** The webview has loaded and listens; the host answers with `state`. */
  ready: z.strictObject({ type: z.literal('ready') }),

  /**
   * The first full render of a `ready` state finished: milliseconds since the webview document
   * started loading (performance.now()) and how many tasks it held. The host records it for the
   * harness to print (goal: under 200 ms for 3,000 tasks).
   */
  rendered: z.strictObject({
    type: z.literal('rendered'),
    ms: z.number().check(z.minimum(0), z.maximum(600_000)),
    tasks: z.int().check(z.minimum(0), z.maximum(MAX_INDEX)),
    /** When the page drew the agenda kept from the last time (webview/model.ts `Snapshot`) before this state came, milliseconds since its start. */
    snapshotMs: z.optional(z.number().check(z.minimum(0), z.maximum(600_000))),
  }),
  /** Run one of the extension's own flows (quick inputs) instead of a form in the view. */
  setUp: z.strictObject({ type: z.literal('setUp') }),
  /** Choose which of several mentoring files the view shows (the "Choose Mentoring File" quick pick). */
  pickFile: z.strictObject({ type: z.literal('pickFile') }),
  /** Open the mentoring file, at a 1-based line and column when given (e.g. the first error). */
  openFile: z.strictObject({ type: z.literal('openFile'), line: z.optional(z.int().check(z.minimum(1))), column: z.optional(z.int().check(z.minimum(1))) }),
  /** Open a task link (`path`, `path#L42`, `path#L10-L20`, workspace-relative). */
  openLink: z.strictObject({ type: z.literal('openLink'), link: z.string().check(z.maxLength(MAX_LINK_LENGTH)) }),

  planSession: z.strictObject({
    type: z.literal('planSession'),
    requestId,
    at: isoDateTime,
    topic: z.optional(shortText),
    agenda: z.optional(z.array(nonEmptyShort).check(z.maxLength(100))),
  }),
  announceTopic: z.strictObject({ type: z.literal('announceTopic'), requestId, session: id, topic: nonEmptyShort }),
  startSession: z.strictObject({ type: z.literal('startSession'), requestId, session: id }),
  endSession: z.strictObject({ type: z.literal('endSession'), requestId, session: id }),

  addAgendaItem: z.strictObject({ type: z.literal('addAgendaItem'), requestId, session: id, text: nonEmptyShort }),
  editAgendaItem: z.strictObject({ type: z.literal('editAgendaItem'), requestId, session: id, index, text: nonEmptyShort }),
  moveAgendaItem: z.strictObject({ type: z.literal('moveAgendaItem'), requestId, session: id, from: index, to: index }),
  removeAgendaItem: z.strictObject({ type: z.literal('removeAgendaItem'), requestId, session: id, index }),
  /** Carry an open task forward: adds "Follow up: <title> (<id>)" to the session's agenda. */
  carryForward: z.strictObject({ type: z.literal('carryForward'), requestId, session: id, task: id }),

  addTask: z.strictObject({
    type: z.literal('addTask'),
    requestId,
    title: nonEmptyShort,
    owner: role,
    due: z.optional(isoDate),
    /** Link the task to the active editor's selection (file and lines), as the command does. */
    linkSelection: z.optional(z.boolean()),
  }),
  completeTask: z.strictObject({ type: z.literal('completeTask'), requestId, task: id }),
  dropTask: z.strictObject({ type: z.literal('dropTask'), requestId, task: id, reason: z.optional(shortText) }),
  reopenTask: z.strictObject({ type: z.literal('reopenTask'), requestId, task: id }),
  setTaskDue: z.strictObject({ type: z.literal('setTaskDue'), requestId, task: id, due: isoDate }),

  submitFeedback: z.strictObject({
    type: z.literal('submitFeedback'),
    requestId,
    session: id,
    /** Who gives it; the host falls back to the `mentoring.role` setting when absent. */
    from: z.optional(role),
    rating: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
    valuable: z.optional(longText),
    change: z.optional(longText),
  }),

  addNote: z.strictObject({ type: z.literal('addNote'), requestId, text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT)), session: z.optional(id) }),
  exportNotes: z.strictObject({ type: z.literal('exportNotes') }),
  // The host shows the question for editing before anything is written (commands/raiseConcern.ts).
  raiseConcern: z.strictObject({ type: z.literal('raiseConcern'), question: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT)) }),
  // The host shows what changed and asks before anything is written (commands/acceptAgreement.ts).
  acceptAgreement: z.strictObject({ type: z.literal('acceptAgreement') }),
  /** Add a question to ask (core/rituals/questions.ts) by id; `text` is what was shown, refused if the file now reads otherwise. */
  addQuestion: z.strictObject({ type: z.literal('addQuestion'), requestId, session: id, question: id, text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT)) }),
  // The host asks where to save the .ics, outside the workspace (commands/addToCalendar.ts).
  addToCalendar: z.strictObject({ type: z.literal('addToCalendar'), session: id }),
} as const;

export const WebviewMessage = z.discriminatedUnion('type', [
  WebviewMessageSchemas.ready,
  WebviewMessageSchemas.rendered,
  WebviewMessageSchemas.setUp,
  WebviewMessageSchemas.pickFile,
  WebviewMessageSchemas.openFile,
  WebviewMessageSchemas.openLink,
  WebviewMessageSchemas.planSession,
  WebviewMessageSchemas.announceTopic,
  WebviewMessageSchemas.startSession,
  WebviewMessageSchemas.endSession,
  WebviewMessageSchemas.addAgendaItem,
  WebviewMessageSchemas.editAgendaItem,
  WebviewMessageSchemas.moveAgendaItem,
  WebviewMessageSchemas.removeAgendaItem,
  WebviewMessageSchemas.carryForward,
  WebviewMessageSchemas.addTask,
  WebviewMessageSchemas.completeTask,
  WebviewMessageSchemas.dropTask,
  WebviewMessageSchemas.reopenTask,
  WebviewMessageSchemas.setTaskDue,
  WebviewMessageSchemas.submitFeedback,
  WebviewMessageSchemas.addNote,
  WebviewMessageSchemas.exportNotes,
  WebviewMessageSchemas.raiseConcern,
  WebviewMessageSchemas.acceptAgreement,
  WebviewMessageSchemas.addQuestion,
  WebviewMessageSchemas.addToCalendar,
]);
export type WebviewMessage = z.infer<typeof WebviewMessage>;
export type WebviewMessageType = WebviewMessage['type'];
/** Messages that change something and expect a `result`. */
export type WebviewRequest = Extract<WebviewMessage, { requestId: number }>;

// ---------------------------------------------------------------------------------------------
// The view model (host → webview, inside `state`)

const TaskView = z.strictObject({
  id,
  title: z.string(),
  owner: role,
  status: z.enum(['open', 'done', 'dropped']),
  due: z.optional(z.string()),
  /** Whole days until due (negative: overdue by that many days); only for open tasks with a valid due date. */
  dueInDays: z.optional(z.int()),
  overdue: z.boolean(),
  links: z.array(z.string()),
  goal: z.optional(z.string()),
  session: z.optional(z.string()),
  closed: z.optional(z.string()),
  reason: z.optional(z.string()),
});
export type TaskView = z.infer<typeof TaskView>;

const FeedbackView = z.strictObject({
  session: id,
  sessionAt: z.string(),
  topic: z.optional(z.string()),
  from: role,
  rating: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
  valuable: z.optional(z.string()),
  change: z.optional(z.string()),
  at: z.optional(z.string()),
  /**
   * The fields that are sealed in the file: opened (the text is shown above, with a lock) or not
   * (the field is absent above; the page says it exists and who can read it).
   */
  sealed: z.optional(
    z.array(z.strictObject({ field: z.enum(['rating', 'valuable', 'change']), opened: z.boolean(), readers: z.string().check(z.maxLength(2000)) })).check(z.maxLength(3)),
  ),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

const SessionView = z.strictObject({
  id,
  at: z.string(),
  topic: z.optional(z.string()),
  status: z.enum(['planned', 'held', 'cancelled']),
  /** When the topic was announced, if it was. */
  announced: z.optional(z.string()),
  /** The latest time the topic should be announced (`at` minus topicNotice), ISO; absent without a notice. */
  noticeDeadline: z.optional(z.string()),
  /** Milliseconds from now to the notice deadline (negative once passed). */
  msToNoticeDeadline: z.optional(z.number()),
  /** Milliseconds from now to the session start (negative once started). */
  msToStart: z.number(),
  running: z.boolean(),
  started: z.optional(z.string()),
  ended: z.optional(z.string()),
  agenda: z.array(z.string()),
});
export type SessionView = z.infer<typeof SessionView>;

const GoalView = z.strictObject({
  id,
  title: z.string(),
  by: z.string(),
  status: z.enum(['active', 'achieved', 'dropped']),
  daysLeft: z.int(),
  overdue: z.boolean(),
  openTasks: z.int().check(z.minimum(0)),
});
export type GoalView = z.infer<typeof GoalView>;

const ProblemView = z.strictObject({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  line: z.int().check(z.minimum(1)),
  column: z.int().check(z.minimum(1)),
  /** A broken rule's question for the next session (core/rituals/raise.ts), offered as *Raise at the next session*. */
  raise: z.optional(z.string()),
});
export type ProblemView = z.infer<typeof ProblemView>;

/** Who accepted the agreement and what changed since (core/views/acceptance.ts). */
/** One term that changed since a side accepted: `goals.g1`, `expectations.cadence`, `confidential`; a goal still there with its (short) title. */
const TermChangeView = z.strictObject({ term: z.string().check(z.maxLength(MAX_SHORT)), kind: z.enum(['added', 'removed', 'changed']), title: z.optional(z.string()) });
export type TermChangeView = z.infer<typeof TermChangeView>;
const SideAcceptanceView = z.strictObject({ current: z.boolean(), changes: z.array(TermChangeView).check(z.maxLength(1000)) });

const AcceptanceView = z.strictObject({
  state: z.enum(['not-accepted', 'partly', 'accepted', 'changed']),
  /**
   * What `message` and `changes` say, as data, for the page to say in the display language
   * (webview/acceptance.ts): whether the file has `accepted` at all, whether it records what was
   * accepted, each side's standing, and the changes since the sides that are not current accepted.
   */
  facts: z.strictObject({
    recorded: z.boolean(),
    unrecorded: z.boolean(),
    mentor: SideAcceptanceView,
    mentee: SideAcceptanceView,
    changes: z.array(TermChangeView).check(z.maxLength(1000)),
  }),
  /** Where the pair stands, in words (absent when both accepted the terms as they are). */
  message: z.optional(z.string()),
  mentor: z.optional(isoDate),
  mentee: z.optional(isoDate),
  /** What changed since the side(s) not current accepted: "goal g2 added", … */
  changes: z.array(z.string()).check(z.maxLength(1000)),
  /** The user's role still has to accept the terms as they are (or every side, without a role). */
  canAccept: z.boolean(),
});
export type AcceptanceView = z.infer<typeof AcceptanceView>;
/** A question to ask at the current session (core/rituals/questions.ts): its id, the moment it fits, the team's or built in. */
const QuestionView = z.strictObject({ id, text: z.string(), moment: z.string(), team: z.boolean() });
export type QuestionView = z.infer<typeof QuestionView>;

const NoteView = z.strictObject({
  id: z.string(),
  text: z.string(),
  created: z.string(),
  session: z.optional(z.string()),
});
export type NoteView = z.infer<typeof NoteView>;

const TrendPoint = z.strictObject({ session: z.string(), at: z.string(), average: z.number().check(z.minimum(1), z.maximum(5)) });
export type TrendPoint = z.infer<typeof TrendPoint>;

/** A closed mentorship's summary (core/views/closing.ts): numbers, outcomes, and final feedback the reader may see. */
const ClosingView = z.strictObject({
  on: z.string(),
  by: role,
  goals: z.array(z.strictObject({ id: z.string(), title: z.string(), status: z.enum(['active', 'achieved', 'dropped']), outcome: z.optional(z.string()) })),
  sessions: z.strictObject({ held: z.int().check(z.minimum(0)), cancelled: z.int().check(z.minimum(0)), planned: z.int().check(z.minimum(0)) }),
  tasks: z.strictObject({ done: z.int().check(z.minimum(0)), dropped: z.int().check(z.minimum(0)), open: z.int().check(z.minimum(0)) }),
  /** Session ratings still sealed for this reader: counted, never shown. */
  sealedRatings: z.int().check(z.minimum(0)),
  direction: z.optional(z.strictObject({ from: z.number(), to: z.number(), word: z.enum(['rising', 'falling', 'steady']) })),
  /** One per side that gave it; a sealed field this reader cannot open is named in `sealed`, its value absent. */
  final: z.array(
    z.strictObject({
      from: role,
      rating: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
      valuable: z.optional(z.string()),
      change: z.optional(z.string()),
      sealed: z.array(z.enum(['rating', 'valuable', 'change'])).check(z.maxLength(3)),
    }),
  ).check(z.maxLength(2)),
});
export type ClosingView = z.infer<typeof ClosingView>;

export const ViewState = z.discriminatedUnion('kind', [
  /** The store has not finished its first scan. */
  z.strictObject({ kind: z.literal('loading') }),
  /**
   * No mentoring file shown: offer to set one up. `files` > 0 means the workspace holds that many
   * but none is chosen yet: offer `pickFile` first (absent or 0: there is none at all).
   */
  z.strictObject({ kind: z.literal('empty'), files: z.optional(z.int().check(z.minimum(0))) }),
  /** The file has errors: show the first, with a button that opens it there. */
  z.strictObject({ kind: z.literal('broken'), file: z.string(), error: ProblemView, errorCount: z.int().check(z.minimum(1)) }),
  z.strictObject({
    kind: z.literal('ready'),
    /** Workspace-relative label of the file shown. */
    file: z.string(),
    /** The user's role from the `mentoring.role` setting, when set. */
    role: z.optional(role),
    mentor: z.string(),
    mentee: z.string(),
    /** The host's clock when the model was built, ISO (countdowns are relative to it). */
    now: z.string(),
    /** The running session, else the next planned one. */
    current: z.optional(SessionView),
    /** The latest held session still missing feedback from the user's role (or from anyone without a role). */
    needsFeedback: z.optional(SessionView),
    /** Open tasks offered to carry forward into the current session's agenda. */
    carryForward: z.array(TaskView),
    /** Questions that fit the current session's moment and are not on its agenda yet. */
    questions: z.optional(z.array(QuestionView)),
    tasks: z.array(TaskView),
    goals: z.array(GoalView),
    acceptance: z.optional(AcceptanceView),
    /** Agreement warnings and infos from the checks. */
    warnings: z.array(ProblemView),
    feedback: z.array(FeedbackView),
    trend: z.array(TrendPoint),
    /** Private notes for this file: only on this machine, never in the repository. */
    notes: z.array(NoteView),
    privateLabel: z.string(),
    /** Present once the mentorship is closed: the sidebar shows its closing summary. */
    closing: z.optional(ClosingView),
  }),
]);
export type ViewState = z.infer<typeof ViewState>;
export type ReadyState = Extract<ViewState, { kind: 'ready' }>;

// ---------------------------------------------------------------------------------------------
// Host → webview

/** Bounds of the page's translations: the German bundle is about 30 KB; larger is refused, not cut. */
export const MAX_BUNDLE_ENTRIES = 5000;
export const MAX_BUNDLE_CHARS = 1_000_000;
/** Keys that would reach an object's prototype instead of being a message. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The page's translations: `vscode.l10n.bundle` (English message → translated message), as
 * `@vscode/l10n` on the page reads it. Bounded in entries, in each text and in all text together.
 */
export const L10nBundle = z.record(z.string().check(z.maxLength(4000)), z.string().check(z.maxLength(8000))).check(
  z.refine((b) => {
    const keys = Object.keys(b);
    if (keys.length > MAX_BUNDLE_ENTRIES) return false;
    let chars = 0;
    for (const k of keys) {
      if (UNSAFE_KEYS.has(k)) return false;
      chars += k.length + (b[k]?.length ?? 0);
    }
    return chars <= MAX_BUNDLE_CHARS;
  }, { message: 'bundle too large or with an unsafe key' }),
);
export type L10nBundle = z.infer<typeof L10nBundle>;

export const HostMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('state'), state: ViewState }),
  /** The outcome of a request; `message` says what happened or why nothing was written. */
  z.strictObject({ type: z.literal('result'), requestId, ok: z.boolean(), message: z.optional(z.string()) }),
]);
export type HostMessage = z.infer<typeof HostMessage>;

// ---------------------------------------------------------------------------------------------
// Validation

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Validates a message from the webview; `reason` is for the log, never shown as HTML. */
export function parseWebviewMessage(raw: unknown): Parsed<WebviewMessage> {
  return toParsed(WebviewMessage.safeParse(raw), raw);
}

/** Validates a message from the host (the webview checks too: defence in depth). */
export function parseHostMessage(raw: unknown): Parsed<HostMessage> {
  return toParsed(HostMessage.safeParse(raw), raw);
}

/**
 * The page's translations as the host writes them into the page (src/sidebar/html.ts, when VS Code
 * runs in a language the extension translates), checked on the page before it renders anything:
 * so even the agenda kept from the last time is drawn in the page's language. Their text only ever
 * goes into lit text and attribute bindings.
 */
export function parseBundle(raw: unknown): Parsed<L10nBundle> {
  return toParsed(L10nBundle.safeParse(raw), raw);
}

type SafeResult<T> = { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; code?: string; keys?: string[]; message: string }[] } };

function toParsed<T>(result: SafeResult<T>, raw: unknown): Parsed<T> {
  if (result.success) return { ok: true, message: result.data };
  const type = typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string' ? (raw as { type: string }).type.slice(0, 40) : typeof raw;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
  // zod/mini carries no locale, so name the issue by its code (and the unexpected keys).
  const what = first === undefined ? 'invalid' : first.keys ? `unexpected ${first.keys.map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}` : (first.code ?? first.message);
  return { ok: false, reason: `rejected message (${type})${where}: ${what}` };
}
