/** Operations on sessions: plan, start, end, cancel, announce the topic, feedback. */
import * as l10n from '@vscode/l10n';
import { newSessionId } from '../ids';
import type { Role } from '../schema';
import { parseInstant } from '../time';
import type { YamlOp } from '../yaml/edit';
import { AFTER, checkDateTime, findSession, lateWarning, optionalText } from './helpers';
import { refuse, Refusal, runEdit, type EditContext, type EditResult, type Env, type Operation } from './runner';

export interface FeedbackInput {
  from: Role;
  rating?: number | undefined;
  valuable?: string | undefined;
  change?: string | undefined;
}

export interface PlanSessionArgs {
  /** `2026-11-19T15:00:00+01:00` (seconds and offset optional). */
  at: string;
  topic?: string | undefined;
  agenda?: readonly string[] | undefined;
}

export const planSessionOp =
  (args: PlanSessionArgs): Operation =>
  (env) => {
    const at = checkDateTime(args.at, l10n.t('The session time'));
    if (at instanceof Refusal) return at;
    const topic = optionalText(args.topic);
    const agenda = (args.agenda ?? []).map((a) => optionalText(a)).filter((a): a is string => a !== undefined);
    const id = newSessionId(at.slice(0, 10), env.model.sessions.map((s) => s.id), env.random);
    const session: Record<string, unknown> = { id, at };
    if (topic !== undefined) {
      session.topic = topic;
      session.announced = env.nowIso;
    }
    session.status = 'planned';
    if (agenda.length > 0) session.agenda = agenda;
    const warnings: string[] = [];
    if ((parseInstant(at)?.getTime() ?? Infinity) < env.now.getTime()) warnings.push(l10n.t('The session time {0} is already in the past.', at));
    if (topic !== undefined) {
      const w = lateWarning(env, at, env.model.agreement.expectations.topicNotice, 'topicNotice');
      if (w) warnings.push(w);
    }
    return { ops: [{ op: 'append', path: ['sessions'], value: session }], id, warnings };
  };

export function planSession(text: string, args: PlanSessionArgs, ctx: EditContext): EditResult {
  return runEdit(text, ctx, planSessionOp(args));
}

export function startSession(text: string, args: { session: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    if (s.status === 'cancelled') return refuse(l10n.t('Session {0} was cancelled; plan a new session instead.', s.id));
    if (s.ended !== undefined) return refuse(l10n.t('Session {0} already ended at {1}.', s.id, s.ended));
    if (s.status === 'held') return refuse(l10n.t('Session {0} was already held.', s.id));
    if (s.started !== undefined) return refuse(l10n.t('Session {0} already started at {1}.', s.id, s.started));
    return { ops: [{ op: 'set', path: ['sessions', i, 'started'], value: env.nowIso, after: AFTER.started }], id: s.id };
  });
}

export function endSession(text: string, args: { session: string; feedback?: FeedbackInput | FeedbackInput[] | undefined }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    if (s.status === 'cancelled') return refuse(l10n.t('Session {0} was cancelled; it cannot end.', s.id));
    if (s.ended !== undefined) return refuse(l10n.t('Session {0} already ended at {1}.', s.id, s.ended));
    if (s.status === 'held') return refuse(l10n.t('Session {0} was already held; add feedback to it instead.', s.id));
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
    if (s.started === undefined) warnings.push(l10n.t('Session {0} was never started; only its end time is recorded.', s.id));
    return { ops, id: s.id, warnings };
  });
}

export function cancelSession(text: string, args: { session: string; by: Role; reason?: string | undefined }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    if (args.by !== 'mentor' && args.by !== 'mentee') return refuse(l10n.t('"by" must be mentor or mentee, not "{0}".', String(args.by)));
    if (s.status === 'cancelled') return refuse(l10n.t('Session {0} is already cancelled.', s.id));
    if (s.status === 'held' || s.ended !== undefined) return refuse(l10n.t('Session {0} was already held; it cannot be cancelled.', s.id));
    const cancelled: Record<string, unknown> = { at: env.nowIso, by: args.by };
    const reason = optionalText(args.reason);
    if (reason !== undefined) cancelled.reason = reason;
    const warnings: string[] = [];
    const w = lateWarning(env, s.at, env.model.agreement.expectations.cancellationNotice, 'cancellationNotice');
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

export function announceTopic(text: string, args: { session: string; topic: string }, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    const topic = optionalText(args.topic);
    if (topic === undefined) return refuse(l10n.t('The topic must not be empty.'));
    const warnings: string[] = [];
    const w = lateWarning(env, s.at, env.model.agreement.expectations.topicNotice, 'topicNotice');
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

export function addFeedback(text: string, args: { session: string } & FeedbackInput, ctx: EditContext): EditResult {
  return runEdit(text, ctx, (env) => {
    const found = findSession(env.model, args.session);
    if (found instanceof Refusal) return found;
    const [i, s] = found;
    const fb = feedbackEntry(args, env);
    if (fb instanceof Refusal) return fb;
    return { ops: [{ op: 'append', path: ['sessions', i, 'feedback'], value: fb, after: AFTER.feedback }], id: s.id };
  });
}

/** A feedback entry as written (a session's, or a closed mentorship's final one: core/rituals/close.ts). */
export function feedbackEntry(f: FeedbackInput, env: Env): Record<string, unknown> | Refusal {
  if (f.from !== 'mentor' && f.from !== 'mentee') return refuse(l10n.t('Feedback is from the mentor or the mentee, not "{0}".', String(f.from)));
  if (f.rating !== undefined && (!Number.isInteger(f.rating) || f.rating < 1 || f.rating > 5)) {
    return refuse(l10n.t('A rating is a whole number from 1 to 5, not {0}.', String(f.rating)));
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
