/**
 * What the status bar says, computed from the model and the clock. Pure, so the
 * wording and the thresholds are unit-tested without VS Code.
 */
import type { MentoringFile, Session } from './core/schema';

export interface StatusText {
  /** With `$(icon)` codicons. */
  text: string;
  tooltip: string;
  kind: 'running' | 'next' | 'unannounced' | 'idle';
  sessionId?: string;
}

/** `45m`, `24h`, `2d`, `1w`, `1h30m` in milliseconds; undefined for anything else. */
export function durationMs(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text.trim());
  if (!m || text.trim() === '') return undefined;
  const [w, d, h, min] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0)) as [number, number, number, number];
  return (((w * 7 + d) * 24 + h) * 60 + min) * 60_000;
}

/** `2d 3h`, `3h 20m`, `20m`, `now`: the two largest units, rounded down. */
export function formatCountdown(ms: number): string {
  if (ms < 60_000) return 'now';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}

/** `0:05`, `1:42`: hours and minutes elapsed. */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function isRunning(s: Session): boolean {
  return s.status !== 'cancelled' && s.started !== undefined && s.ended === undefined;
}

export function statusText(model: MentoringFile | undefined, now: Date, reminderLeadMs: number): StatusText {
  const idle: StatusText = {
    text: '$(mortar-board) Mentoring',
    tooltip: 'No session planned. Click to open the Mentoring sidebar.',
    kind: 'idle',
  };
  if (!model) return idle;
  const t = now.getTime();
  const running = model.sessions.filter(isRunning).sort((a, b) => Date.parse(b.started ?? '') - Date.parse(a.started ?? ''))[0];
  if (running) {
    const elapsed = formatElapsed(t - Date.parse(running.started ?? running.at));
    const topic = running.topic ? ` · ${running.topic}` : '';
    return {
      text: `$(pulse) Session ${elapsed}${topic}`,
      tooltip: `Session ${running.id} running for ${elapsed} (h:mm). Click to open the Mentoring sidebar.`,
      kind: 'running',
      sessionId: running.id,
    };
  }
  const next = model.sessions
    .filter((s) => s.status === 'planned' && s.started === undefined && Date.parse(s.at) > t)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  if (!next) return idle;
  const at = Date.parse(next.at);
  const countdown = formatCountdown(at - t);
  const announced = next.announced !== undefined && (next.topic ?? '').trim() !== '';
  const notice = durationMs(model.agreement.expectations.topicNotice);
  if (!announced && notice !== undefined) {
    const deadline = at - notice;
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
