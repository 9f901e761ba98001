/**
 * What the status bar says, computed from the model and the clock. Pure, so the
 * wording and the thresholds are unit-tested without VS Code.
 */
import { nextSession, noticeDeadline, runningSession } from '../queries';
import type { MentoringFile } from '../schema';
import { closedWords } from '../rituals/closed';
import { formatDurationHuman, parseDateTime, parseDuration } from '../time';

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

/** How long until something, in the one human format (`formatDurationHuman`); `now` under a minute. */
export function formatCountdown(ms: number): string {
  return ms < 60_000 ? 'now' : formatDurationHuman(ms);
}

/** `0:05`, `1:42`: hours and minutes elapsed. */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function statusText(model: MentoringFile | undefined, now: Date, reminderLeadMs: number): StatusText {
  const idle: StatusText = {
    text: '$(mortar-board) Mentoring',
    tooltip: 'No session planned. Click to open the Mentoring sidebar.',
    kind: 'idle',
  };
  if (!model) return idle;
  // A closed mentorship has no next session to count down to or remind of (rituals/closed.ts).
  if (model.closed) {
    return { text: '$(mortar-board) Mentoring · closed', tooltip: `The mentorship was ${closedWords(model)}. Click to see the closing summary in the Mentoring sidebar.`, kind: 'closed' };
  }
  const t = now.getTime();
  const running = runningSession(model);
  if (running) {
    const elapsed = formatElapsed(t - (parseDateTime(running.started ?? running.at)?.getTime() ?? t));
    const topic = running.topic ? ` · ${running.topic}` : '';
    return {
      text: `$(pulse) Session ${elapsed}${topic}`,
      tooltip: `Session ${running.id} running for ${elapsed} (h:mm). Click to open the Mentoring sidebar.`,
      kind: 'running',
      sessionId: running.id,
    };
  }
  const next = nextSession(model, now);
  if (!next) return idle;
  const at = parseDateTime(next.at)?.getTime() ?? t;
  const countdown = formatCountdown(at - t);
  const announced = next.announced !== undefined && (next.topic ?? '').trim() !== '';
  const deadlineDate = announced ? undefined : noticeDeadline(next, model.agreement.expectations);
  if (deadlineDate) {
    const deadline = deadlineDate.getTime();
    if (t >= deadline - reminderLeadMs) {
      const when = t >= deadline ? 'the notice deadline has passed' : `announce it within ${formatCountdown(deadline - t)}`;
      return {
        text: `$(warning) Next session in ${countdown} · topic not announced`,
        tooltip: `Session ${next.id} at ${next.at}: the topic is not announced yet (${when}). Click to open the Mentoring sidebar.`,
        kind: 'unannounced',
        sessionId: next.id,
      };
    }
  }
  const topic = next.topic?.trim() ? next.topic.trim() : 'topic to be announced';
  return {
    text: `$(calendar) ${countdown} · ${topic}`,
    tooltip: `Next session ${next.id} at ${next.at}, in ${countdown}: ${topic}. Click to open the Mentoring sidebar.`,
    kind: 'next',
    sessionId: next.id,
  };
}
