/**
 * Review-comment hints in the editor: gentle diagnostics, quick fixes and a hover in every
 * comment input box (`comment:` documents — the boxes of the GitHub Pull Requests extension
 * and of our own review threads) and in Markdown files matching `mentoring.hints.markdownGlob`.
 *
 * The engine (`core/hints`) and the text helpers (`core/hints/commentText`) do the thinking;
 * this adapter only follows documents, publishes diagnostics and builds edits. Every edit is
 * a `WorkspaceEdit`: comment inputs ignore `TextEditor.edit` (see jbrulmans/conventional-
 * comments-vscode `src/target.ts`). No lightbulb is drawn inside comment boxes, so the
 * hover says how to reach the quick fixes (Ctrl+.).
 */
import * as vscode from 'vscode';
import {
  hasLabel,
  hintsIn,
  ignoreDirectiveEdit,
  ignoredRules,
  IGNORE_DIRECTIVE,
  labelOffset,
  labelsFor,
  mergeHintOptions,
  segmentAt,
  segmentsOf,
  type Segment,
} from '../core/hints/commentText';
import { findHints, HINT_RULES, type Hint } from '../core/hints/index';
import type { HintsConfig } from '../core/schema';
import { MENTORING_FOLDER } from '../core/files';
import { Debouncer } from '../editor/debounce';
import { hintCategoryName, hintMessage, hintRewriteTitle, hintRuleDescription } from './hintMessages';
import { Disposable } from '../editor/lifecycle';
import { SettingSection, disableHintRule, hintsSettings, type HintsSettings } from '../editor/settings';
import { HintCommand } from '../commands/ids';
import type { MentoringStore } from '../editor/store';

export const HINT_SOURCE = 'mentoring';
export { HintCommand };

type Kind = 'comment' | 'markdown';

interface Checked {
  version: number;
  kind: Kind;
  segments: Segment[];
  hints: Hint[];
}

export class CommentHints extends Disposable implements vscode.CodeActionProvider, vscode.HoverProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('mentoring-hints'));
  private readonly checked = new Map<string, Checked>();
  private readonly typing = this._register(new Debouncer());
  /** Rules ignored in one comment box until it closes ("ignore here" in a box). */
  private readonly ignoredInBox = new Map<string, Set<string>>();
  private readonly _onDidUpdate = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** Diagnostics for a document were published (tests wait on this). */
  readonly onDidUpdate = this._onDidUpdate.event;

  constructor(private readonly store: Pick<MentoringStore, 'current' | 'onDidChange' | 'onDidParse' | 'files' | 'get'> | undefined) {
    super();
    const selector: vscode.DocumentSelector = [{ scheme: 'comment' }, { language: 'markdown' }];
    this._register(vscode.languages.registerCodeActionsProvider(selector, this, { providedCodeActionKinds: CommentHints.kinds }));
    this._register(vscode.languages.registerHoverProvider(selector, this));
    this._register(vscode.workspace.onDidOpenTextDocument((doc) => this.check(doc)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.schedule(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingSection.hints)) this.checkAll();
      }),
    );
    if (store) {
      this._register(store.onDidChange(() => this.checkAll()));
      // A team's hints block may apply to files near it even when it is not the current file.
      this._register(store.onDidParse(() => this.checkAll()));
    }
    this._register(vscode.commands.registerCommand(HintCommand.ignoreHere, (uri: unknown, rule: unknown) => this.ignoreHere(uri, rule)));
    this._register(vscode.commands.registerCommand(HintCommand.ignoreInWorkspace, (rule: unknown) => this.ignoreInWorkspace(rule)));
    this.checkAll();
  }

  /** The hints shown for a document now (tests read them). */
  hintsFor(uri: vscode.Uri): readonly Hint[] {
    return this.checked.get(uri.toString())?.hints ?? [];
  }

  // ---------------------------------------------------------------- following documents

  private checkAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.check(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!this.kindOf(doc)) return this.forget(doc.uri, false);
    this.typing.schedule(doc.uri.toString(), settingsOf(doc).delayMs, () => {
      if (!this.isDisposed && !doc.isClosed) this.check(doc);
    });
  }

  private check(doc: vscode.TextDocument): void {
    if (this.isDisposed) return;
    const kind = this.kindOf(doc);
    if (!kind) return this.forget(doc.uri, false);
    const found = this.compute(doc, kind);
    this.checked.set(doc.uri.toString(), found);
    const severity = settingsOf(doc).severity === 'hint' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information;
    this.collection.set(
      doc.uri,
      found.hints.map((h) => {
        const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end)), hintMessage(h), severity);
        d.source = HINT_SOURCE;
        d.code = h.rule;
        return d;
      }),
    );
    this._onDidUpdate.fire(doc.uri);
  }

  private compute(doc: vscode.TextDocument, kind: Kind): Checked {
    const text = doc.getText();
    const segments = segmentsOf(text, kind);
    const here = kind === 'markdown' ? ignoredRules(text) : (this.ignoredInBox.get(doc.uri.toString()) ?? new Set<string>());
    const options = mergeHintOptions(settingsOf(doc), this.teamHints(doc), here);
    return { version: doc.version, kind, segments, hints: hintsIn(text, segments, findHints, options) };
  }

  /**
   * The team's `hints:` block that applies to `doc`: for a file, the mentoring file nearest above
   * it (its own folder, then the folders above; the current one among several side by side);
   * for a comment box, or when none is above, the current mentoring file.
   */
  private teamHints(doc: vscode.TextDocument): HintsConfig | undefined {
    const store = this.store;
    if (!store) return undefined;
    const current = store.current;
    if (doc.uri.scheme !== 'comment') {
      const candidates = store.files().map((uri) => ({ uri, dir: pairFolder(uri.path) }));
      const docPath = doc.uri.path;
      let best: { uri: vscode.Uri; dir: string } | undefined;
      for (const c of candidates) {
        if (c.uri.scheme !== doc.uri.scheme || c.uri.authority !== doc.uri.authority || !docPath.startsWith(c.dir + '/')) continue;
        const better = !best || c.dir.length > best.dir.length || (c.dir.length === best.dir.length && c.uri.toString() === current?.uri.toString());
        if (better) best = c;
      }
      if (best) return store.get(best.uri)?.result.model?.hints;
    }
    return current?.result.model?.hints;
  }

  /** The hints of `doc` as they are now (recomputed when the document changed since the last check). */
  private current(doc: vscode.TextDocument): Checked | undefined {
    const kind = this.kindOf(doc);
    if (!kind) return undefined;
    const known = this.checked.get(doc.uri.toString());
    return known && known.version === doc.version ? known : this.compute(doc, kind);
  }

  private kindOf(doc: vscode.TextDocument): Kind | undefined {
    // Neither a comment box nor Markdown: no hints whatever the settings say, so none is read. This
    // runs on every change of every document and, per parse, for every open one (checkAll): reading
    // the settings of a mentoring file's 880 KB document on each keystroke cost up to 18 ms of one
    // task of the host (docs/speed.md, "Where a keystroke's delay goes").
    const comment = doc.uri.scheme === 'comment';
    if (!comment && doc.languageId !== 'markdown') return undefined;
    const c = settingsOf(doc);
    if (!c.enabled) return undefined;
    if (comment) return 'comment';
    const glob = c.markdownGlob;
    if (!glob) return undefined;
    return vscode.languages.match({ language: 'markdown', pattern: glob }, doc) > 0 ? 'markdown' : undefined;
  }

  private forget(uri: vscode.Uri, closed = true): void {
    const key = uri.toString();
    this.typing.cancel(key);
    if (closed) this.ignoredInBox.delete(key);
    if (this.checked.delete(key) || this.collection.has(uri)) {
      this.collection.delete(uri);
      this._onDidUpdate.fire(uri);
    }
  }

  // ---------------------------------------------------------------- quick fixes

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const found = this.current(doc);
    if (!found) return [];
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    const text = doc.getText();
    const actions: vscode.CodeAction[] = [];
    const labelled = new Set<number>();
    for (const hint of found.hints) {
      if (hint.end < start || hint.start > end) continue;
      const hintRange = new vscode.Range(doc.positionAt(hint.start), doc.positionAt(hint.end));
      const shown = context.diagnostics.filter((d) => d.source === HINT_SOURCE && d.code === hint.rule && d.range.isEqual(hintRange));
      const original = text.slice(hint.start, hint.end);
      hint.rewrites.forEach((rewrite, i) => {
        const action = new vscode.CodeAction(hintRewriteTitle(original, rewrite), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, hintRange, rewrite);
        action.diagnostics = shown;
        action.isPreferred = i === 0;
        actions.push(action);
      });
      const segment = segmentAt(found.segments, hint.start);
      if (segment && !labelled.has(segment.start)) {
        labelled.add(segment.start);
        const segmentText = text.slice(segment.start, segment.end);
        if (!hasLabel(segmentText.slice(labelOffset(segmentText)))) {
          const at = doc.positionAt(segment.start + labelOffset(segmentText));
          for (const label of labelsFor(hint.category).slice(0, 2)) {
            const action = new vscode.CodeAction(vscode.l10n.t('Start with the label "{0}" (Conventional Comments)', label), vscode.CodeActionKind.QuickFix);
            action.edit = new vscode.WorkspaceEdit();
            action.edit.insert(doc.uri, at, `${label} `);
            action.diagnostics = shown;
            actions.push(action);
          }
        }
      }
      const here = new vscode.CodeAction(
        found.kind === 'comment' ? vscode.l10n.t('Ignore "{0}" in this comment', hint.rule) : vscode.l10n.t('Ignore "{0}" in this file', hint.rule),
        vscode.CodeActionKind.QuickFix,
      );
      if (found.kind === 'markdown') {
        const e = ignoreDirectiveEdit(text, hint.rule);
        here.edit = new vscode.WorkspaceEdit();
        here.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.deleteLength)), e.insert);
      } else {
        here.command = { command: HintCommand.ignoreHere, title: here.title, arguments: [doc.uri.toString(), hint.rule] };
      }
      here.diagnostics = shown;
      actions.push(here);
      const workspace = new vscode.CodeAction(vscode.l10n.t('Ignore "{0}" in this workspace (settings)', hint.rule), vscode.CodeActionKind.QuickFix);
      workspace.command = { command: HintCommand.ignoreInWorkspace, title: workspace.title, arguments: [hint.rule] };
      workspace.diagnostics = shown;
      actions.push(workspace);
    }
    return actions;
  }

  private ignoreHere(uri: unknown, rule: unknown): void {
    if (typeof uri !== 'string' || typeof rule !== 'string') return;
    const set = this.ignoredInBox.get(uri) ?? new Set<string>();
    set.add(rule);
    this.ignoredInBox.set(uri, set);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (doc) this.check(doc);
  }

  private async ignoreInWorkspace(rule: unknown): Promise<void> {
    if (typeof rule !== 'string' || !rule) return;
    const where = await disableHintRule(rule);
    if (!where) return;
    void vscode.window.showInformationMessage(where === 'workspace settings'
      ? vscode.l10n.t('Mentoring hints: "{0}" is now ignored ({1} in the workspace settings).', rule, 'mentoring.hints.disabledRules')
      : vscode.l10n.t('Mentoring hints: "{0}" is now ignored ({1} in the user settings).', rule, 'mentoring.hints.disabledRules'));
  }

  // ---------------------------------------------------------------- hover

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.current(doc);
    if (!found) return undefined;
    const offset = doc.offsetAt(position);
    const here = found.hints.filter((h) => h.start <= offset && offset < h.end);
    const first = here[0];
    if (!first) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    for (const h of here) {
      const rule = HINT_RULES.find((r) => r.id === h.rule);
      md.appendMarkdown(`**${vscode.l10n.t('Mentoring hint')}** · ${hintCategoryName(h.category)} \`${h.rule}\`\n\n`);
      if (rule) md.appendText(`${hintRuleDescription(rule)}\n\n`);
      const offered = h.rewrites.filter((r) => r.length > 0);
      if (offered.length > 0) {
        md.appendMarkdown(`${vscode.l10n.t('You could write instead:')}\n`);
        for (const r of offered) md.appendMarkdown(`\n- ${escapeMd(r)}`);
        md.appendMarkdown('\n\n');
      } else if (h.rewrites.includes('')) {
        md.appendMarkdown(`${vscode.l10n.t('The sentence works without it.')}\n\n`);
      }
    }
    md.appendMarkdown(
      vscode.l10n.t('Quick Fix… (Ctrl+.) applies a rewrite or adds a [Conventional Comments](https://conventionalcomments.org/) label. Turn categories off with `{0}`; in Markdown, `{1}` ignores a rule in that file.', 'mentoring.hints.disabledCategories', `<!-- ${IGNORE_DIRECTIVE} RULE -->`),
    );
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(first.start), doc.positionAt(first.end)));
  }
}

/** Wires the hints; returns the object (also disposed through `context.subscriptions`). */
export function registerCommentHints(context: vscode.ExtensionContext, store?: MentoringStore): CommentHints {
  const hints = new CommentHints(store);
  context.subscriptions.push(hints);
  return hints;
}

function settingsOf(doc: vscode.TextDocument): HintsSettings {
  // Comment boxes belong to no folder: they read the window's settings.
  return hintsSettings(doc.uri.scheme === 'comment' ? undefined : doc.uri);
}

/** The folder a mentoring file speaks for: its own, or the parent of a `.mentoring/` folder. */
function pairFolder(path: string): string {
  const dir = path.slice(0, path.lastIndexOf('/'));
  const folderForm = `/${MENTORING_FOLDER}`;
  return dir.endsWith(folderForm) ? dir.slice(0, -folderForm.length) : dir;
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}
