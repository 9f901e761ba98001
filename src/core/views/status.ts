/**
 * What the status bar says, computed from the model and the clock. Pure, so the
 * wording and the thresholds are unit-tested without VS Code.
 */
import * as l10n from '@vscode/l10n';
import { nextSession, noticeDeadline, runningSession } from '../queries';
import type { MentoringFile } from '../schema';
import { closedWords } from '../rituals/closed';
import { ENGLISH_DURATION, formatDurationIn, parseDateTime, parseDuration, type DurationWords } from '../time';

export interface StatusText {
  /** With `$(icon)` codicons. */
  text: string;
  tooltip: string;
  kind: 'running' | 'next' | 'unannounced' | 'idle' | 'closed';
  sessionId?: string;
}

/** `45m`, `24h`, `2d`, `1w`, `1h30m` in milliseconds; undefined for anything else (e.g. a bad setting). */
export function durationMs(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseDuration(text.trim());
}

/** How long until something, in the one human format (`formatDurationHuman`, in `words`); `now` under a minute. */
export function formatCountdown(ms: number, words: StatusWords = ENGLISH_STATUS): string {
  return ms < 60_000 ? words.now() : formatDurationIn(ms, words.duration);
}

/** `0:05`, `1:42`: hours and minutes elapsed. */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The words of the status bar, one function per sentence so a translation can order its parts. The
 * core stays free of `vscode`: src/editor/statusBar.ts passes these through `vscode.l10n.t`
 * (its strings are in l10n/bundle.l10n.json); tests and the English default use `ENGLISH_STATUS`.
 * Durations come in already formatted (`formatCountdown`, `formatElapsed`); ids, times and topics
 * are the file's own text.
 */
export interface StatusWords {
  /** The words of a countdown (`formatDurationIn`), and "now" for under a minute. */
  duration: DurationWords;
  now(): string;
  idleTooltip(): string;
  running(elapsed: string): string;
  runningTooltip(session: string, elapsed: string): string;
  deadlinePassed(): string;
  announceWithin(countdown: string): string;
  unannounced(countdown: string): string;
  unannouncedTooltip(session: string, at: string, when: string): string;
  toBeAnnounced(): string;
  nextTooltip(session: string, at: string, countdown: string, topic: string): string;
}

export const ENGLISH_STATUS: StatusWords = {
  duration: ENGLISH_DURATION,
  now: () => 'now', // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  idleTooltip: () => 'No session planned. Click to open the Mentoring sidebar.', // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  running: (elapsed) => `Session ${elapsed}`, // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  runningTooltip: (session, elapsed) => `Session ${session} running for ${elapsed} (h:mm). Click to open the Mentoring sidebar.`, // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  deadlinePassed: () => 'the notice deadline has passed', // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  announceWithin: (countdown) => `announce it within ${countdown}`, // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  unannounced: (countdown) => `Next session in ${countdown} · topic not announced`, // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  unannouncedTooltip: (session, at, when) => `Session ${session} at ${at}: the topic is not announced yet (${when}). Click to open the Mentoring sidebar.`, // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  toBeAnnounced: () => 'topic to be announced', // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
  nextTooltip: (session, at, countdown, topic) => `Next session ${session} at ${at}, in ${countdown}: ${topic}. Click to open the Mentoring sidebar.`, // l10n-exempt: StatusWords in English; src/editor/statusBar.ts passes its own through vscode.l10n.t
};

export function statusText(model: MentoringFile | undefined, now: Date, reminderLeadMs: number, words: StatusWords = ENGLISH_STATUS): StatusText {
  const idle: StatusText = {
    text: '$(mortar-board) Mentoring',
    tooltip: words.idleTooltip(),
    kind: 'idle',
  };
  if (!model) return idle;
  // A closed mentorship has no next session to count down to or remind of (rituals/closed.ts).
  if (model.closed) {
    return {
      text: `$(mortar-board) ${l10n.t('Mentoring · closed')}`,
      tooltip: l10n.t('The mentorship was {0}. Click to see the closing summary in the Mentoring sidebar.', closedWords(model)),
      kind: 'closed',
    };
  }
  const t = now.getTime();
  const running = runningSession(model);
  if (running) {
    const elapsed = formatElapsed(t - (parseDateTime(running.started ?? running.at)?.getTime() ?? t));
    const topic = running.topic ? ` · ${running.topic}` : '';
    return {
      text: `$(pulse) ${words.running(elapsed)}${topic}`,
      tooltip: words.runningTooltip(running.id, elapsed),
      kind: 'running',
      sessionId: running.id,
    };
  }
  const next = nextSession(model, now);
  if (!next) return idle;
  const at = parseDateTime(next.at)?.getTime() ?? t;
  const countdown = formatCountdown(at - t, words);
  const announced = next.announced !== undefined && (next.topic ?? '').trim() !== '';
  const deadlineDate = announced ? undefined : noticeDeadline(next, model.agreement.expectations);
  if (deadlineDate) {
    const deadline = deadlineDate.getTime();
    if (t >= deadline - reminderLeadMs) {
      const when = t >= deadline ? words.deadlinePassed() : words.announceWithin(formatCountdown(deadline - t, words));
      return {
        text: `$(warning) ${words.unannounced(countdown)}`,
        tooltip: words.unannouncedTooltip(next.id, next.at, when),
        kind: 'unannounced',
        sessionId: next.id,
      };
    }
  }
  const topic = next.topic?.trim() ? next.topic.trim() : words.toBeAnnounced();
  return {
    text: `$(calendar) ${countdown} · ${topic}`,
    tooltip: words.nextTooltip(next.id, next.at, countdown, topic),
    kind: 'next',
    sessionId: next.id,
  };
}
