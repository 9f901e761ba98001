/**
 * The status bar item: the next session with its countdown and topic (or "topic not
 * announced" near the notice deadline), or the running session's elapsed time.
 * Clicking it opens the sidebar.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/ids';
import { ContextKeys } from './contextKeys';
import { Disposable, toDisposable } from './lifecycle';
import { durationMs, statusText, type StatusText, type StatusWords } from '../core/views/status';
import { SettingSection, reminderLeadTime, statusBarEnabled } from './settings';
import type { MentoringStore } from './store';

const TICK_MS = 30_000;
const DEFAULT_LEAD_MS = 24 * 3600_000;

/** The status bar's sentences in the display language (l10n/bundle.l10n.*.json); English: the same as ENGLISH_STATUS. */
const STATUS_WORDS: StatusWords = {
  // The same messages as the page's durations (webview/model.ts), so both say it the same way.
  duration: {
    lessThanAMinute: () => vscode.l10n.t('less than a minute'),
    days: (n) => (n === 1 ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', n)),
    hours: (n) => (n === 1 ? vscode.l10n.t('1 hour') : vscode.l10n.t('{0} hours', n)),
    minutes: (n) => (n === 1 ? vscode.l10n.t('1 minute') : vscode.l10n.t('{0} minutes', n)),
  },
  now: () => vscode.l10n.t('now'),
  idleTooltip: () => vscode.l10n.t('No session planned. Click to open the Mentoring sidebar.'),
  running: (elapsed) => vscode.l10n.t('Session {0}', elapsed),
  runningTooltip: (session, elapsed) => vscode.l10n.t('Session {0} running for {1} (h:mm). Click to open the Mentoring sidebar.', session, elapsed),
  deadlinePassed: () => vscode.l10n.t('the notice deadline has passed'),
  announceWithin: (countdown) => vscode.l10n.t('announce it within {0}', countdown),
  unannounced: (countdown) => vscode.l10n.t('Next session in {0} · topic not announced', countdown),
  unannouncedTooltip: (session, at, when) => vscode.l10n.t('Session {0} at {1}: the topic is not announced yet ({2}). Click to open the Mentoring sidebar.', session, at, when),
  toBeAnnounced: () => vscode.l10n.t('topic to be announced'),
  nextTooltip: (session, at, countdown, topic) => vscode.l10n.t('Next session {0} at {1}, in {2}: {3}. Click to open the Mentoring sidebar.', session, at, countdown, topic),
};

export class MentoringStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('mentoring.status', vscode.StatusBarAlignment.Left, 50));
  private readonly updated = this._register(new vscode.EventEmitter<StatusText | undefined>());
  /** Fires with what the item shows after each update (undefined: hidden). */
  readonly onDidUpdate = this.updated.event;
  /** `mentoring.sessionRunning`, sent when it changes, not on every update (each parse). */
  private readonly context = new ContextKeys((key, value) => void vscode.commands.executeCommand('setContext', key, value));

  constructor(
    private readonly store: MentoringStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.item.name = 'Mentoring';
    this.item.command = CommandId.showSidebar;
    this._register(store.onDidChange(() => this.update()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingSection.statusBar) || e.affectsConfiguration(SettingSection.reminderLeadTime)) this.update();
      }),
    );
    const timer = setInterval(() => this.update(), TICK_MS);
    this._register(toDisposable(() => clearInterval(timer)));
    this.update();
  }

  update(): void {
    const state = this.store.current;
    if (!state || !statusBarEnabled()) {
      this.item.hide();
      this.updated.fire(undefined);
      this.context.set('mentoring.sessionRunning', false);
      return;
    }
    const lead = durationMs(reminderLeadTime()) ?? DEFAULT_LEAD_MS;
    const status = statusText(state.result.model, this.now(), lead, STATUS_WORDS);
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.backgroundColor = status.kind === 'unannounced' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Mentoring: {0}', status.tooltip), role: 'button' };
    this.item.show();
    this.updated.fire(status);
    this.context.set('mentoring.sessionRunning', status.kind === 'running');
  }
}
