/**
 * The domain operations on a mentoring file: plan / start / end / cancel a session, tasks,
 * feedback, goals, agenda items. Each takes the file's text and returns new text in which only
 * what the operation touched differs (see `yamlEdit.ts`), or a message saying why not.
 *
 * Every operation first parses and validates the file and refuses to touch one with errors,
 * naming the first error's line and column. It then checks its arguments, plans its changes
 * against that one parse, and checks the result again as a safety net: a change that would
 * leave an error behind is refused rather than written. The check re-reads only the list items
 * the change touched when that is certain to find what a full parse would (`editLeavesNoError`
 * in parse.ts), so an edit of a large file costs about one parse, not two — and none when the
 * text was just parsed (parse.ts keeps the last parse).
 */
import { hasErrors, type Diagnostic } from '../diagnostics';
import { formatDate, formatDateTime, localOffsetMinutes, newGoalId, newSessionId, newTaskId, type Random } from '../ids';
import { editLeavesNoError, parse, parseForEdit } from '../parse/index';
import { IsoDate, IsoDateTime, type MentoringFile, type Role, type Session, type Task } from '../schema';
import { addMonthsIso, parseDuration, parseInstant } from '../time';
import { planEdits, YamlEditError, type YamlOp } from '../yaml/edit';

export interface EditContext {
  now: Date;
  /** Random numbers in [0, 1) for new ids; Web Crypto by default. */
  random?: Random;
  /** Minutes east of UTC used to write `now` (defaults to the runtime's time zone). */
  utcOffsetMinutes?: number;
  /**
   * Parse the result and refuse it if it has an error (default true). A safety net; on a large
   * file it re-reads only the list items the change touched when it can tell that suffices (see
   * `editLeavesNoError`), and parses the whole result otherwise. A caller that re-parses every
   * change anyway (the editor's store) may skip it.
   */
  verify?: boolean;
}

export type EditResult = { ok: true; text: string; id?: string; warnings: string[] } | { ok: false; message: string };

export interface FeedbackInput {
  from: Role;
  rating?: number;
  valuable?: string;
  change?: string;
}

export interface PlanSessionArgs {
  /** `2026-11-19T15:00:00+01:00` (seconds and offset optional). */
  at: string;
  topic?: string;
  agenda?: string[];
}

export interface AddTaskArgs {
  title: string;
  owner?: Role;
  due?: string;
  goal?: string;
  session?: string;
  links?: string[];
}

/** What an operation plans: YAML changes, the id it created, warnings for the user. */
interface Plan {
  ops: YamlOp[];
  id?: string;
  warnings?: string[];
}

interface Env {
  model: MentoringFile;
  /** `now` as written into the file. */
  nowIso: string;
  today: string;
  now: Date;
  random: Random | undefined;
}

class Refusal {
  constructor(readonly message: string) {}
}

const refuse = (message: string): Refusal => new Refusal(message);

/**
 * Where new keys go inside an existing session or task: right after the first of these keys the
 * item has, so they land in the middle of the item rather than at its end. Additions at the
 * end of the last item would touch the same lines as an item appended after it on another
 * branch; in the middle, git merges the two cleanly (see test/unit/merge.test.ts).
 */
const AFTER = {
  topic: ['at', 'id'],
  announced: ['topic', 'at', 'id'],
  status: ['announced', 'topic', 'at', 'id'],
  started: ['status', 'announced', 'topic', 'at', 'id'],
  ended: ['started', 'status', 'announced', 'topic', 'at', 'id'],
  feedback: ['ended', 'started', 'status', 'announced', 'topic', 'at', 'id'],
  cancelled: ['status', 'announced', 'topic', 'at', 'id'],
  agenda: ['status', 'announced', 'topic', 'at', 'id'],
  taskStatus: ['due', 'owner', 'title', 'id'],
  closed: ['status', 'due', 'owner', 'title', 'id'],
  reason: ['closed', 'status', 'due', 'owner', 'title', 'id'],
  due: ['owner', 'title', 'id'],
} as const satisfies Record<string, readonly string[]>;

// ------------------------------------------------------------------ sessions

export function planSession(text: string, args: PlanSessionArgs, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const at = checkDateTime(args.at, 'the session time');
    if (at instanceof Refusal) return at;
    const topic = optionalText(args.topic);
    const agenda = (args.agenda ?? []).map((a) => a.trim()).filter((a) => a.length > 0);
    const id = newSessionId(at.slice(0, 10), env.model.sessions.map((s) => s.id), env.random);
    const session: Record<string, unknown> = { id, at };
    if (topic !== undefined) {
      session.topic = topic;
      session.announced = env.nowIso;
    }
    session.status = 'planned';
    if (agenda.length > 0) session.agenda = agenda;
    const warnings: string[] = [];
    if ((parseInstant(at)?.getTime() ?? Infinity) < env.now.getTime()) warnings.push(`The session time ${at} is already in the past.`);
    if (topic !== undefined) {
      const w = lateWarning(env, at, env.model.agreement.expectations.topicNotice, 'The topic was announced', 'topicNotice');
      if (w) warnings.push(w);
    }
    return { ops: [{ op: 'append', path: ['sessions'], value: session }], id, warnings };
  });
}

export function startSession(text: string, args: { id: string }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.id);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    if (s.status === 'cancelled') return refuse(`Session ${s.id} was cancelled; plan a new session instead.`);
    if (s.ended !== undefined) return refuse(`Session ${s.id} already ended at ${s.ended}.`);
    if (s.status === 'held') return refuse(`Session ${s.id} was already held.`);
    if (s.started !== undefined) return refuse(`Session ${s.id} already started at ${s.started}.`);
    return { ops: [{ op: 'set', path: ['sessions', i, 'started'], value: env.nowIso, after: AFTER.started }], id: s.id };
  });
}

export function endSession(
  text: string,
  args: { id: string; feedback?: FeedbackInput | FeedbackInput[] },
  ctx: EditContext,
): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.id);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    if (s.status === 'cancelled') return refuse(`Session ${s.id} was cancelled; it cannot end.`);
    if (s.ended !== undefined) return refuse(`Session ${s.id} already ended at ${s.ended}.`);
    if (s.status === 'held') return refuse(`Session ${s.id} was already held; add feedback to it instead.`);
    const inputs = args.feedback === undefined ? [] : Array.isArray(args.feedback) ? args.feedback : [args.feedback];
    const feedback: Record<string, unknown>[] = [];
    for (const f of inputs) {
      const fb = feedbackEntry(f, env);
      if (fb instanceof Refusal) return fb;
      feedback.push(fb);
    }
    const ops: YamlOp[] = [
      { op: 'set', path: ['sessions', i, 'status'], value: 'held', after: AFTER.status },
      { op: 'set', path: ['sessions', i, 'ended'], value: env.nowIso, after: AFTER.ended },
    ];
    if (feedback.length > 0) ops.push({ op: 'appendAll', path: ['sessions', i, 'feedback'], values: feedback, after: AFTER.feedback });
    const warnings: string[] = [];
    if (s.started === undefined) warnings.push(`Session ${s.id} was never started; only its end time is recorded.`);
    return { ops, id: s.id, warnings };
  });
}

export function cancelSession(
  text: string,
  args: { id: string; by: Role; reason?: string },
  ctx: EditContext,
): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.id);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    if (args.by !== 'mentor' && args.by !== 'mentee') return refuse(`"by" must be mentor or mentee, not "${String(args.by)}".`);
    if (s.status === 'cancelled') return refuse(`Session ${s.id} is already cancelled.`);
    if (s.status === 'held' || s.ended !== undefined) return refuse(`Session ${s.id} was already held; it cannot be cancelled.`);
    const cancelled: Record<string, unknown> = { at: env.nowIso, by: args.by };
    const reason = optionalText(args.reason);
    if (reason !== undefined) cancelled.reason = reason;
    const warnings: string[] = [];
    const w = lateWarning(env, s.at, env.model.agreement.expectations.cancellationNotice, 'Cancelled', 'cancellationNotice');
    if (w) warnings.push(w);
    return {
      ops: [
        { op: 'set', path: ['sessions', i, 'status'], value: 'cancelled', after: AFTER.status },
        { op: 'set', path: ['sessions', i, 'cancelled'], value: cancelled, after: AFTER.cancelled },
      ],
      id: s.id,
      warnings,
    };
  });
}

export function announceTopic(text: string, args: { id: string; topic: string }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.id);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    const topic = optionalText(args.topic);
    if (topic === undefined) return refuse('The topic must not be empty.');
    const warnings: string[] = [];
    const w = lateWarning(env, s.at, env.model.agreement.expectations.topicNotice, 'The topic was announced', 'topicNotice');
    if (w) warnings.push(w);
    return {
      ops: [
        { op: 'set', path: ['sessions', i, 'topic'], value: topic, after: AFTER.topic },
        { op: 'set', path: ['sessions', i, 'announced'], value: env.nowIso, after: AFTER.announced },
      ],
      id: s.id,
      warnings,
    };
  });
}

export function addFeedback(
  text: string,
  args: { session: string } & FeedbackInput,
  ctx: EditContext,
): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    const fb = feedbackEntry(args, env);
    if (fb instanceof Refusal) return fb;
    return { ops: [{ op: 'append', path: ['sessions', i, 'feedback'], value: fb, after: AFTER.feedback }], id: s.id };
  });
}

// ------------------------------------------------------------------ agenda (sidebar)

export function addAgendaItem(text: string, args: { session: string; text: string }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const item = optionalText(args.text);
    if (item === undefined) return refuse('An agenda item must not be empty.');
    return { ops: [{ op: 'append', path: ['sessions', found[0], 'agenda'], value: item, after: AFTER.agenda }], id: found[1].id };
  });
}

export function editAgendaItem(
  text: string,
  args: { session: string; index: number; text: string },
  ctx: EditContext,
): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const bad = checkIndex(found[1], args.index);
    if (bad) return bad;
    const item = optionalText(args.text);
    if (item === undefined) return refuse('An agenda item must not be empty; remove it instead.');
    return { ops: [{ op: 'set', path: ['sessions', found[0], 'agenda', args.index], value: item }], id: found[1].id };
  });
}

export function moveAgendaItem(
  text: string,
  args: { session: string; from: number; to: number },
  ctx: EditContext,
): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const bad = checkIndex(found[1], args.from) ?? checkIndex(found[1], args.to);
    if (bad) return bad;
    return {
      ops: [{ op: 'move', path: ['sessions', found[0], 'agenda'], from: args.from, to: args.to }],
      id: found[1].id,
    };
  });
}

export function removeAgendaItem(text: string, args: { session: string; index: number }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const bad = checkIndex(found[1], args.index);
    if (bad) return bad;
    return { ops: [{ op: 'delete', path: ['sessions', found[0], 'agenda', args.index] }], id: found[1].id };
  });
}

// ------------------------------------------------------------------ tasks

export function addTask(text: string, args: AddTaskArgs, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const title = optionalText(args.title);
    if (title === undefined) return refuse('A task needs a title.');
    const owner = args.owner ?? 'mentee';
    if (owner !== 'mentor' && owner !== 'mentee') return refuse(`The owner must be mentor or mentee, not "${String(owner)}".`);
    const warnings: string[] = [];
    if (args.due !== undefined) {
      const due = checkDate(args.due, 'the due date');
      if (due instanceof Refusal) return due;
      if (due < env.today) warnings.push(`The due date ${due} is already past.`);
    }
    if (args.goal !== undefined && !env.model.agreement.goals.some((g) => g.id === args.goal)) {
      return refuse(`There is no goal "${args.goal}". Goals: ${listIds(env.model.agreement.goals.map((g) => g.id))}.`);
    }
    if (args.session !== undefined && !env.model.sessions.some((s) => s.id === args.session)) {
      return refuse(`There is no session "${args.session}". Sessions: ${listIds(env.model.sessions.map((s) => s.id))}.`);
    }
    const id = newTaskId(env.model.tasks.map((t) => t.id), env.random);
    const task: Record<string, unknown> = { id, title, owner };
    if (args.due !== undefined) task.due = args.due;
    task.status = 'open';
    if (args.goal !== undefined) task.goal = args.goal;
    if (args.session !== undefined) task.session = args.session;
    const links = (args.links ?? []).map((l) => l.trim()).filter((l) => l.length > 0);
    if (links.length > 0) task.links = links;
    task.created = env.today;
    return { ops: [{ op: 'append', path: ['tasks'], value: task }], id, warnings };
  });
}

export function completeTask(text: string, args: { id: string }, ctx: EditContext): EditResult {
  return closeTask(text, args.id, 'done', undefined, ctx);
}

export function dropTask(text: string, args: { id: string; reason?: string }, ctx: EditContext): EditResult {
  return closeTask(text, args.id, 'dropped', optionalText(args.reason), ctx);
}

function closeTask(text: string, id: string, status: 'done' | 'dropped', reason: string | undefined, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findTask(env.model, id);
    if (found instanceof Refusal) return found;
    const [i, t] = found;
    if (t.status === status) return refuse(`Task ${t.id} is already ${status}.`);
    const ops: YamlOp[] = [
      { op: 'set', path: ['tasks', i, 'status'], value: status, after: AFTER.taskStatus },
      { op: 'set', path: ['tasks', i, 'closed'], value: env.today, after: AFTER.closed },
    ];
    if (reason !== undefined) ops.push({ op: 'set', path: ['tasks', i, 'reason'], value: reason, after: AFTER.reason });
    return { ops, id: t.id };
  });
}

/** Reopen a done or dropped task (the sidebar's undo of complete/drop). */
export function reopenTask(text: string, args: { id: string }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findTask(env.model, args.id);
    if (found instanceof Refusal) return found;
    const [i, t] = found;
    if (t.status === 'open') return refuse(`Task ${t.id} is already open.`);
    const ops: YamlOp[] = [{ op: 'set', path: ['tasks', i, 'status'], value: 'open', after: AFTER.taskStatus }];
    if (t.closed !== undefined) ops.push({ op: 'delete', path: ['tasks', i, 'closed'] });
    return { ops, id: t.id };
  });
}

export function setTaskDue(text: string, args: { id: string; due: string }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findTask(env.model, args.id);
    if (found instanceof Refusal) return found;
    const due = checkDate(args.due, 'the due date');
    if (due instanceof Refusal) return due;
    const warnings = due < env.today ? [`The due date ${due} is already past.`] : [];
    return { ops: [{ op: 'set', path: ['tasks', found[0], 'due'], value: due, after: AFTER.due }], id: found[1].id, warnings };
  });
}

export function editTask(text: string, args: { id: string; title: string }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const found = findTask(env.model, args.id);
    if (found instanceof Refusal) return found;
    const title = optionalText(args.title);
    if (title === undefined) return refuse('A task needs a title.');
    return { ops: [{ op: 'set', path: ['tasks', found[0], 'title'], value: title }], id: found[1].id };
  });
}

// ------------------------------------------------------------------ goals

export function addGoal(text: string, args: { title: string; by: string; why?: string }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const title = optionalText(args.title);
    if (title === undefined) return refuse('A goal needs a title.');
    const by = checkDate(args.by, 'the goal date ("by")');
    if (by instanceof Refusal) return by;
    const id = newGoalId(title, env.model.agreement.goals.map((g) => g.id), env.random);
    const goal: Record<string, unknown> = { id, title };
    const why = optionalText(args.why);
    if (why !== undefined) goal.why = why;
    goal.set = env.today;
    goal.by = by;
    goal.status = 'active';
    return { ops: [{ op: 'append', path: ['agreement', 'goals'], value: goal }], id, warnings: goalWarnings(env.today, by) };
  });
}

export function setGoalBy(text: string, args: { id: string; by: string }, ctx: EditContext): EditResult {
  return run(text, ctx, (env) => {
    const i = env.model.agreement.goals.findIndex((g) => g.id === args.id);
    const goal = env.model.agreement.goals[i];
    if (!goal) return refuse(`There is no goal "${args.id}". Goals: ${listIds(env.model.agreement.goals.map((g) => g.id))}.`);
    const by = checkDate(args.by, 'the goal date ("by")');
    if (by instanceof Refusal) return by;
    const set = goal.set ?? env.model.agreement.started;
    return {
      ops: [{ op: 'set', path: ['agreement', 'goals', i, 'by'], value: by }],
      id: goal.id,
      warnings: goalWarnings(set, by, env.today),
    };
  });
}

// ------------------------------------------------------------------ the runner

function run(text: string, ctx: EditContext, plan: (env: Env) => Plan | Refusal): EditResult {
  // Only errors matter here: the agreement checks (warnings) are skipped for speed. When `text`
  // is the text parsed last (the editor's store parses each text before a click edits it),
  // this reuses that parse rather than reading the file again.
  const { result: before, data } = parseForEdit(text, { now: ctx.now, checks: false });
  const firstError = before.diagnostics.find((d) => d.severity === 'error');
  if (firstError || !before.model) {
    return {
      ok: false,
      message: firstError
        ? `The file has errors; fix them before editing (nothing was changed). ${where(firstError)}`
        : 'The file could not be read; nothing was changed.',
    };
  }
  const offset = ctx.utcOffsetMinutes ?? localOffsetMinutes(ctx.now);
  const env: Env = {
    model: before.model,
    now: ctx.now,
    nowIso: formatDateTime(ctx.now, offset),
    today: formatDate(ctx.now, offset),
    random: ctx.random,
  };
  const planned = plan(env);
  if (planned instanceof Refusal) return { ok: false, message: planned.message };
  let edited: ReturnType<typeof planEdits>;
  try {
    edited = planEdits(text, planned.ops, before.doc);
  } catch (e) {
    if (e instanceof YamlEditError) return { ok: false, message: `${e.message} (nothing was changed)` };
    throw e;
  }
  const out = edited.text;
  // The shortcut only answers "certainly no error"; otherwise the whole result is parsed, which
  // also gives the message for the user.
  if (ctx.verify !== false && !(data && editLeavesNoError(before, data, text, out, edited.splices))) {
    const after = parse(out, { now: ctx.now, checks: false });
    if (hasErrors(after.diagnostics)) {
      const err = after.diagnostics.find((d) => d.severity === 'error') as Diagnostic;
      return { ok: false, message: `This change would leave an error in the file, so it was not made. ${where(err)}` };
    }
  }
  const result: EditResult = { ok: true, text: out, warnings: planned.warnings ?? [] };
  if (planned.id !== undefined) result.id = planned.id;
  return result;
}

function where(d: Diagnostic): string {
  return `Line ${d.line}, column ${d.column}: ${d.message}`;
}

// ------------------------------------------------------------------ helpers

function findSession(model: MentoringFile, id: string): [number, Session] | Refusal {
  const i = model.sessions.findIndex((s) => s.id === id);
  const s = model.sessions[i];
  if (!s) return refuse(`There is no session "${id}". Sessions: ${listIds(model.sessions.map((x) => x.id))}.`);
  return [i, s];
}

function findTask(model: MentoringFile, id: string): [number, Task] | Refusal {
  const i = model.tasks.findIndex((t) => t.id === id);
  const t = model.tasks[i];
  if (!t) return refuse(`There is no task "${id}". Open tasks: ${listIds(model.tasks.filter((x) => x.status === 'open').map((x) => x.id))}.`);
  return [i, t];
}

function checkIndex(s: Session, index: number): Refusal | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= s.agenda.length) {
    return refuse(`Session ${s.id} has no agenda item ${index} (it has ${s.agenda.length}; the first is 0).`);
  }
  return undefined;
}

function listIds(ids: string[]): string {
  if (ids.length === 0) return 'none yet';
  const shown = ids.slice(-8);
  return (ids.length > shown.length ? '…, ' : '') + shown.join(', ');
}

function optionalText(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  return t.length > 0 ? t : undefined;
}

function checkDate(s: string, what: string): string | Refusal {
  const r = IsoDate.safeParse(s);
  return r.success ? r.data : refuse(`${capitalize(what)} "${s}" is not valid: ${r.error.issues[0]?.message ?? 'expected YYYY-MM-DD'}.`);
}

function checkDateTime(s: string, what: string): string | Refusal {
  const r = IsoDateTime.safeParse(s);
  return r.success
    ? r.data
    : refuse(`${capitalize(what)} "${s}" is not valid: ${r.error.issues[0]?.message ?? 'expected a date and time like 2026-11-19T15:00:00+01:00'}.`);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function feedbackEntry(f: FeedbackInput, env: Env): Record<string, unknown> | Refusal {
  if (f.from !== 'mentor' && f.from !== 'mentee') return refuse(`Feedback is from the mentor or the mentee, not "${String(f.from)}".`);
  if (f.rating !== undefined && (!Number.isInteger(f.rating) || f.rating < 1 || f.rating > 5)) {
    return refuse(`A rating is a whole number from 1 to 5, not ${String(f.rating)}.`);
  }
  const fb: Record<string, unknown> = { from: f.from };
  if (f.rating !== undefined) fb.rating = f.rating;
  const valuable = optionalText(f.valuable);
  if (valuable !== undefined) fb.valuable = valuable;
  const change = optionalText(f.change);
  if (change !== undefined) fb.change = change;
  fb.at = env.nowIso;
  return fb;
}

/** `2d 3h`, `45m`: a short human duration. */
function humanDuration(ms: number): string {
  const totalMin = Math.round(Math.abs(ms) / 60_000);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'less than a minute';
}

/** A warning when `now` is later than `notice` before the session at `at`. */
function lateWarning(env: Env, at: string, notice: string | undefined, what: string, field: string): string | undefined {
  if (notice === undefined) return undefined;
  const ms = parseDuration(notice);
  const start = parseInstant(at);
  if (ms === undefined || start === undefined) return undefined;
  const left = start.getTime() - env.now.getTime();
  if (left >= ms) return undefined;
  const when = left >= 0 ? `${humanDuration(left)} before the session` : `${humanDuration(left)} after the session's start`;
  return `${what} ${when}; the agreement asks for ${notice} notice (expectations.${field}).`;
}

/** The six-month rule for goals, plus a goal date already past. */
function goalWarnings(set: string, by: string, today: string = set): string[] {
  const out: string[] = [];
  const limit = addMonthsIso(set, 6);
  if (limit !== undefined && by > limit) out.push(`The goal date ${by} is more than six months after ${set}; a goal should be doable within six months (by ${limit}).`);
  if (by < today) out.push(`The goal date ${by} is already past.`);
  return out;
}

