/**
 * Entry point (desktop and, through `src/web/extension.ts`, the browser). `activate`
 * only wires: every object it creates is registered in `context.subscriptions`, and
 * no module does anything when imported.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { MentoringCodeActions } from './editor/codeActions';
import { ContextKeys } from './editor/contextKeys';
import { registerCommands } from './commands/index';
import { repairMergeDrivers } from './commands/setUpMergeDriver';
import { registerCommentHints, type CommentHints } from './reviews/commentHints';
import { parse } from './core/parse/index';
import { MentoringDiagnostics } from './editor/diagnostics';
import { PrivateNotes, notesFolder, type NotesLocation } from './editor/privateNotes';
import { registerReviewThreads, type ReviewThreads } from './reviews/threads';
import { registerSidebar, type MentoringSidebar } from './sidebar/provider';
import { MentoringStatusBar } from './editor/statusBar';
import { Keyring } from './editor/keyring';
import { SealedHover } from './editor/sealedHover';
import { keptParses } from './editor/keptParse';
import { MentoringStore } from './editor/store';
import { VsCodeUi, type Ui } from './editor/ui';
import { diagnosticsDelayMs, parseInWorker, privateNotesFolder } from './editor/settings';
import { WEB_PLATFORM, type Platform } from './editor/platform';

/** What `activate` returns: the pieces other parts and the in-host tests build on. */
export interface MentoringApi {
  store: MentoringStore;
  notes: PrivateNotes;
  diagnostics: MentoringDiagnostics;
  statusBar: MentoringStatusBar;
  /** Review-comment hints in comment boxes and review Markdown (src/reviews/commentHints.ts). */
  hints: CommentHints;
  /** Our review threads through the Comments API (src/reviews/threads.ts). */
  reviews: ReviewThreads;
  /** The sidebar webview view's provider (src/sidebar/provider.ts); tests drive it through `handleMessage` and observe it through its events. */
  sidebar: MentoringSidebar;
  /** Your age identities in SecretStorage (src/editor/keyring.ts). */
  keyring: Keyring;
  /** Milliseconds `activate` took (module loading excluded), for the harness to report. */
  activationMs: number;
  /** Replaces the prompts (tests script them); returns a disposable that restores the real ones. */
  useUi(ui: Ui): vscode.Disposable;
}

/** VS Code calls this with the context alone (the web); the desktop entry, `src/node/extension.ts`, passes Node's platform. */
export function activate(context: vscode.ExtensionContext, platform: Platform = WEB_PLATFORM): MentoringApi {
  const activationStart = performance.now();
  // The modules without a `vscode` import (editor/outcome.ts, editor/pickRole.ts, commands/setUpMergeDriver.ts,
  // node/mergeDriver.ts: unit-tested in Node) translate through @vscode/l10n: hand it the host's bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const realUi = new VsCodeUi();
  let ui: Ui = realUi;
  const now = (): Date => new Date();

  // The "Mentoring" log: the sidebar's and the parse worker's lines.
  const log = vscode.window.createOutputChannel('Mentoring', { log: true });
  context.subscriptions.push(log);
  const parseCache = keptParses(context.storageUri, platform);
  const store = new MentoringStore(context.workspaceState, {
    parse,
    ui: () => ui,
    now,
    debounceMs: diagnosticsDelayMs,
    platform,
    parseInWorker,
    ...(parseCache ? { parseCache } : {}),
    log,
  });
  context.subscriptions.push(store);
  // Listeners first, so nothing the first scan finds is missed.
  const diagnostics = new MentoringDiagnostics(store);
  context.subscriptions.push(diagnostics, new MentoringCodeActions(diagnostics, { store, ui: () => ui, now }));
  const statusBar = new MentoringStatusBar(store, now);
  context.subscriptions.push(statusBar);

  // Checked with real paths before the first read, and again whenever workspace folders or the setting change.
  const locate = async (): Promise<NotesLocation> => {
    const location = await notesFolder(context.globalStorageUri, privateNotesFolder(), (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri), platform);
    if (location.problem) void vscode.window.showWarningMessage(location.problem);
    return location;
  };
  const notes = PrivateNotes.create(context.globalStorageUri, now, { platform, locate });
  context.subscriptions.push(
    notes,
    vscode.workspace.onDidChangeWorkspaceFolders(() => void notes.relocate()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mentoring.privateNotes.folder')) void notes.relocate();
    }),
  );

  // On every parse, but sent only when the count changed (editor/contextKeys.ts).
  const fileContext = new ContextKeys((key, value) => void vscode.commands.executeCommand('setContext', key, value));
  const setFileContext = (): void => {
    const count = store.files().length;
    fileContext.set('mentoring.hasFile', count > 0);
    fileContext.set('mentoring.fileCount', count);
  };
  context.subscriptions.push(store.onDidParse(setFileContext), store.onDidRemove(setFileContext));
  void store.ready.then(setFileContext);

  const keyring = new Keyring(context.secrets);
  context.subscriptions.push(keyring, new SealedHover(store, keyring));

  context.subscriptions.push(...registerCommands({ store, notes, keyring, ui: () => ui, now, platform }));
  // After an update the merge driver's line names the old installation: repaired per folder, once.
  // git runs nothing in a workspace the user has not trusted, so this waits for trust.
  const driverFolders = new Set<string>();
  const repairDrivers = (): void => {
    void store.ready.then(() => repairMergeDrivers(platform, store.files(), () => ui, driverFolders));
    context.subscriptions.push(store.onDidParse((state) => void repairMergeDrivers(platform, [state.uri], () => ui, driverFolders)));
  };
  if (vscode.workspace.isTrusted) repairDrivers();
  else context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(repairDrivers));

  const sidebar = registerSidebar(context, store, notes, { now, ui: () => ui, keyring, log });
  const hints = registerCommentHints(context, store);
  const reviews = registerReviewThreads(context, store, { ui: () => ui, now, keyring });

  return {
    store,
    notes,
    diagnostics,
    statusBar,
    hints,
    reviews,
    sidebar,
    keyring,
    activationMs: performance.now() - activationStart,
    useUi(replacement: Ui): vscode.Disposable {
      ui = replacement;
      return { dispose: () => (ui = realUi) };
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
