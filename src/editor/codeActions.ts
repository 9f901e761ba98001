/**
 * Quick fixes where the fix is clear: a goal due too far out (set `by` to the
 * limit), a dangling goal, session or task reference (pick an existing id), a held
 * session without feedback (open the feedback questions), a near-miss date or
 * time (the ISO form the parser suggests), plain text in a confidential field (*Seal it*: the
 * field sealed through the store, with the note that git history keeps the old text), and on
 * every broken rule *Raise at the next session*: its question (src/core/rituals/raise.ts), shown
 * for editing, onto the next session's agenda.
 */
import * as vscode from 'vscode';
import { CommandId, SealCommand } from '../commands/ids';
import { isRaisable, raiseQuestion } from '../core/rituals/raise';
import { describeReaders } from '../core/seal/fields';
import { sealField } from '../core/seal/write';
import type { MentoringStore } from './store';
import type { Ui } from './ui';
import { byCloseness } from '../core/closeness';
import type { MentoringDiagnostics } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { Disposable } from './lifecycle';
import { requote } from '../core/yaml/scalar';
import { MENTORING_PATTERNS } from '../core/files';

export const MENTORING_SELECTOR: vscode.DocumentSelector = MENTORING_PATTERNS.map((pattern) => ({ pattern }));

/** How many candidate ids are offered for a dangling reference. */
const MAX_CANDIDATES = 5;

export class MentoringCodeActions extends Disposable implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly diagnostics: MentoringDiagnostics,
    private readonly seal?: SealDeps,
  ) {
    super();
    this._register(
      vscode.languages.registerCodeActionsProvider(MENTORING_SELECTOR, this, { providedCodeActionKinds: MentoringCodeActions.kinds }),
    );
    if (seal) this._register(vscode.commands.registerCommand(SealCommand.sealField, (args: SealFieldArgs) => runSealField(seal, args)));
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const shown of context.diagnostics) {
      if (shown.source !== DIAGNOSTIC_SOURCE) continue;
      const core = this.diagnostics.find(document.uri, shown);
      if (!core) continue;
      const data = core.data ?? {};
      // Every broken rule of the agreement can be raised early, as a question, at the next session.
      const model = this.seal?.store.get(document.uri)?.result.model;
      const question = model && isRaisable(core.code) ? raiseQuestion(core, model, this.seal?.now() ?? new Date()) : undefined;
      if (question !== undefined) {
        const raise = new vscode.CodeAction(vscode.l10n.t('Raise at the next session (as a question)…'), vscode.CodeActionKind.QuickFix);
        raise.diagnostics = [shown];
        raise.command = { command: CommandId.raiseConcern, title: vscode.l10n.t('Raise at the next session'), arguments: [{ file: document.uri.toString(), question }] };
        actions.push(raise);
      }
      switch (core.code) {
        case 'goal-too-far': {
          const limit = typeof data.limit === 'string' ? data.limit : undefined;
          if (!limit) break;
          const fix = replaceScalar(document, shown.range, limit, vscode.l10n.t('Set the goal\'s date to {0} (six months)', limit), shown);
          if (fix) actions.push(fix);
          break;
        }
        case 'unknown-goal':
        case 'unknown-session':
        case 'unknown-task': {
          const use = (id: string): string => (core.code === 'unknown-goal' ? vscode.l10n.t('Use the existing goal "{0}"', id) : core.code === 'unknown-session' ? vscode.l10n.t('Use the existing session "{0}"', id) : vscode.l10n.t('Use the existing task "{0}"', id));
          const listed = Array.isArray(data.candidates) ? data.candidates.filter((c): c is string => typeof c === 'string') : [];
          // The likely meant id first: a file may hold dozens of sessions and only a few are offered.
          const candidates = byCloseness(unquote(document.getText(shown.range)), listed);
          candidates.slice(0, MAX_CANDIDATES).forEach((id, i) => {
            const fix = replaceScalar(document, shown.range, id, use(id), shown);
            if (fix) {
              fix.isPreferred = i === 0 && candidates.length === 1;
              actions.push(fix);
            }
          });
          break;
        }
        case 'schema': {
          // A near-miss date or time: the parser names the ISO form it meant.
          const suggested = typeof data.suggested === 'string' ? data.suggested : undefined;
          if (!suggested) break;
          const fix = replaceScalar(document, shown.range, suggested, vscode.l10n.t('Change to {0}', suggested), shown);
          if (fix) {
            fix.isPreferred = true;
            actions.push(fix);
          }
          break;
        }
        case 'missing-feedback': {
          const session = typeof data.session === 'string' ? data.session : undefined;
          if (!session) break;
          const action = new vscode.CodeAction(vscode.l10n.t('Give feedback on session {0}…', session), vscode.CodeActionKind.QuickFix);
          action.diagnostics = [shown];
          action.command = { command: CommandId.addFeedback, title: vscode.l10n.t('Give feedback'), arguments: [{ session, file: document.uri.toString() }] };
          actions.push(action);
          break;
        }
        case 'not-sealed': {
          // The summing-up finding ("12 more …") has no one field to seal.
          if (!core.path || typeof data.field !== 'string') break;
          const action = new vscode.CodeAction(vscode.l10n.t('Seal it (git history still holds the old text)'), vscode.CodeActionKind.QuickFix);
          action.diagnostics = [shown];
          action.isPreferred = true;
          const args: SealFieldArgs = { file: document.uri.toString(), path: core.path };
          action.command = { command: SealCommand.sealField, title: vscode.l10n.t('Seal it'), arguments: [args] };
          actions.push(action);
          break;
        }
      }
    }
    return actions;
  }
}

export interface SealDeps {
  store: MentoringStore;
  ui(): Ui;
  now(): Date;
}

export interface SealFieldArgs {
  file: string;
  path: (string | number)[];
}

/** The *Seal it* fix: `sealField` through `store.edit` (unsaved changes kept, a concurrent change re-read). */
export async function runSealField(deps: SealDeps, args: SealFieldArgs): Promise<{ ok: boolean; message: string }> {
  const uri = vscode.Uri.parse(args.file);
  let readers = '';
  const result = await deps.store.edit(async (text) => {
    const r = await sealField(text, args.path, { now: deps.now() });
    if (!r.ok) return { ok: false, message: vscode.l10n.t('Nothing was sealed: {0}.', r.message) };
    readers = describeReaders(r.sealed.flatMap((f) => r.policy.readers(f.field)).filter((x, i, all) => all.findIndex((y) => y.key === x.key) === i));
    return { ok: true, text: r.text, warnings: [] };
  }, uri);
  if (!result.ok) {
    void deps.ui().error(result.message);
    return { ok: false, message: result.message };
  }
  const message = result.unsaved
    ? vscode.l10n.t('Sealed: only {0} can read it now (in the unsaved editor). Git history still holds the old plain text; docs/confidentiality.md says how history can be rewritten (this extension never does it for you).', readers)
    : vscode.l10n.t('Sealed: only {0} can read it now. Git history still holds the old plain text; docs/confidentiality.md says how history can be rewritten (this extension never does it for you).', readers);
  void deps.ui().info(message);
  return { ok: true, message };
}

/**
 * A fix that replaces the scalar under `range` with `value`, keeping its quotes.
 * Returns undefined when the range no longer holds a plain scalar (the user typed since).
 */
export function replaceScalar(
  document: vscode.TextDocument,
  range: vscode.Range,
  value: string,
  title: string,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction | undefined {
  const current = document.getText(range);
  const newText = requote(current, value);
  if (newText === undefined) return undefined;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, range, newText);
  return action;
}

/** The text of a scalar without its quotes (for comparing ids). */
function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
