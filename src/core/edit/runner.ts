/**
 * The one edit runner: every change the extension, the CLI, the sidebar or the review threads
 * make to a mentoring file is a plan run by `runEdit`.
 *
 * An operation is a pure function from the file as read (`Env`) to a `Plan` — the YAML changes
 * (see `../yaml/edit.ts`), the id it created, warnings for the user — or a `Refusal` saying why
 * not. The runner owns everything around it, once for every operation:
 * - one parse of the input (the parse kept in `../parse` when the text was just parsed, as the
 *   editor's store does before a click edits it), refusing a file with errors and naming the
 *   first error's line and column;
 * - the splice of the planned changes into the text, so comments, order and quoting of
 *   everything else stay as they were;
 * - one verification of the result: it re-reads only the list items the change touched when that
 *   is certain to find what a full parse would (`editLeavesNoError`), else parses it whole, and
 *   refuses a change that would leave an error behind.
 *
 * `prepareEdit` and `finishEdit` are the two halves, for callers that need a step between
 * planning and writing (an asynchronous one, such as sealing a value) — `runEdit` is both.
 */
import * as l10n from '@vscode/l10n';
import { fileHasErrors, hasErrors, type Diagnostic } from '../diagnostics';
import type { Random } from '../ids';
import { formatDate, formatDateTime, localOffsetMinutes } from '../time';
import { editLeavesNoError, parse, parseForEdit, type AliasFreeData, type ParseResult } from '../parse';
import type { MentoringFile } from '../schema';
import { planEdits, YamlEditError, type YamlOp } from '../yaml/edit';

export interface EditContext {
  now: Date;
  /** Random numbers in [0, 1) for new ids; Web Crypto by default. */
  random?: Random;
  /** Minutes east of UTC used to write `now` (defaults to the runtime's time zone). */
  utcOffsetMinutes?: number;
  /**
   * Check the result and refuse it if it has an error (default true). A safety net; a caller
   * that re-parses every change anyway may skip it.
   */
  verify?: boolean;
}

export type EditResult = { ok: true; text: string; id?: string; warnings: string[] } | { ok: false; message: string };

/** What an operation plans: YAML changes, the id it created or touched, warnings for the user. */
export interface Plan {
  ops: YamlOp[];
  id?: string;
  warnings?: string[];
}

/** The file as an operation sees it, and the clock as the file writes it. */
export interface Env {
  model: MentoringFile;
  now: Date;
  /** `now` as written into the file (local offset). */
  nowIso: string;
  /** The local calendar day of `now`. */
  today: string;
  random: Random | undefined;
}

/** Why an operation will not run. Its message is shown as it is, with "Nothing was changed." added. */
export class Refusal {
  constructor(readonly message: string) {}
}

export const refuse = (message: string): Refusal => new Refusal(message);

/** An operation: what to change, planned against the file as read. */
export type Operation = (env: Env) => Plan | Refusal;

/** A parsed input ready for a plan, or the refusal to edit it. */
export type Prepared = { ok: true; env: Env; text: string; before: ParseResult; data: AliasFreeData | undefined } | { ok: false; message: string };

/** The refusal's wording for the user: its reason, and that nothing changed (unless it says so already, in English or in the display language). */
export function refusalMessage(reason: string): string {
  const said = (words: string): boolean => reason.toLowerCase().includes(words.toLowerCase().replace(/\.$/, ''));
  return said('Nothing was changed.') || said(l10n.t('Nothing was changed.')) ? reason : l10n.t('{0} Nothing was changed.', reason); // l10n-exempt: matched, in English and in the display language
}

/** Where a diagnostic is, for a message: `Line 3, column 5: …`. */
export function where(d: Pick<Diagnostic, 'line' | 'column' | 'message'>): string {
  return l10n.t('Line {0}, column {1}: {2}', d.line, d.column, d.message);
}

/** Parses `text` once (or reuses the kept parse) and builds the operation's view of it. */
export function prepareEdit(text: string, ctx: EditContext): Prepared {
  // Only errors matter here: the agreement checks (warnings) are skipped for speed.
  const { result: before, data } = parseForEdit(text, { now: ctx.now, checks: false });
  const firstError = before.diagnostics.find((d) => d.severity === 'error');
  if (firstError || !before.model || !before.doc) return { ok: false, message: fileHasErrors(l10n.t('The mentoring file'), before.diagnostics) };
  const offset = ctx.utcOffsetMinutes ?? localOffsetMinutes(ctx.now);
  const env: Env = {
    model: before.model,
    now: ctx.now,
    nowIso: formatDateTime(ctx.now, offset),
    today: formatDate(ctx.now, offset),
    random: ctx.random,
  };
  return { ok: true, env, text, before, data };
}

/** Splices `planned` into the prepared text and verifies the result. */
export function finishEdit(prepared: Extract<Prepared, { ok: true }>, planned: Plan | Refusal, ctx: EditContext): EditResult {
  if (planned instanceof Refusal) return { ok: false, message: refusalMessage(planned.message) };
  const { text, before, data } = prepared;
  let out = text;
  if (planned.ops.length > 0) {
    let edited: ReturnType<typeof planEdits>;
    try {
      edited = planEdits(text, planned.ops, before.doc);
    } catch (e) {
      if (e instanceof YamlEditError) return { ok: false, message: refusalMessage(e.message) };
      throw e;
    }
    out = edited.text;
    // The shortcut only answers "certainly no error"; otherwise the whole result is parsed, which
    // also gives the message for the user.
    if (ctx.verify !== false && !(data && editLeavesNoError(before, data, text, out, edited.splices))) {
      const after = parse(out, { now: ctx.now, checks: false });
      if (hasErrors(after.diagnostics)) {
        const err = after.diagnostics.find((d) => d.severity === 'error') as Diagnostic;
        return { ok: false, message: l10n.t('This change would leave an error in the file, so it was not made. {0}', where(err)) };
      }
    }
  }
  const result: EditResult = { ok: true, text: out, warnings: planned.warnings ?? [] };
  if (planned.id !== undefined) result.id = planned.id;
  return result;
}

/** Runs `operation` on `text`: one parse, one plan, one splice, one verification. */
export function runEdit(text: string, ctx: EditContext, operation: Operation): EditResult {
  const prepared = prepareEdit(text, ctx);
  if (!prepared.ok) return prepared;
  return finishEdit(prepared, operation(prepared.env), ctx);
}

/** Plans `first`, then `then` on the same file; one plan holding both changes (e.g. a thread that becomes a task). */
export function andThen(first: Operation, then: (env: Env, firstPlan: Plan) => Plan | Refusal): Operation {
  return (env) => {
    const a = first(env);
    if (a instanceof Refusal) return a;
    const b = then(env, a);
    if (b instanceof Refusal) return b;
    const plan: Plan = { ops: [...a.ops, ...b.ops], warnings: [...(a.warnings ?? []), ...(b.warnings ?? [])] };
    const id = b.id ?? a.id;
    if (id !== undefined) plan.id = id;
    return plan;
  };
}
