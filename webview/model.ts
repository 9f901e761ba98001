/**
 * The sidebar's view logic that needs no DOM: grouping and filtering tasks, paging long lists,
 * formatting countdowns, the trend chart's geometry and its text alternative, and the UI state kept
 * across hide/show. Pure, so it is unit-tested in Node (test/unit/webview/model.test.ts); app.ts
 * and the tab modules only turn these results into lit templates.
 *
 * Words go through `l10n.t` (webview/l10n.ts): English until the host's bundle arrives, so labels
 * are functions, asked at each render. Counts have one message for one and one for more (English
 * and German need no more forms; a language that does can add its own messages here).
 */
import * as l10n from '@vscode/l10n';
import { parseHostMessage, type FeedbackView, type ReadyState, type TaskView, type TrendPoint } from '../src/core/views/protocol';
import { formatDurationIn, type DurationWords } from '../src/core/views/format';

export type TabId = 'agenda' | 'tasks' | 'feedback' | 'agreement' | 'notes';
export const TABS: readonly { id: TabId; label: () => string }[] = [
  { id: 'agenda', label: () => l10n.t('Agenda') },
  { id: 'tasks', label: () => l10n.t('Tasks') },
  { id: 'feedback', label: () => l10n.t('Feedback') },
  { id: 'agreement', label: () => l10n.t('Goals') },
  { id: 'notes', label: () => l10n.t('Notes') },
];

export type StatusFilter = 'open' | 'done' | 'dropped' | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'done', 'dropped', 'all'];

/** How many rows of one group are rendered at first, and how many more each "show more" adds. */
export const PAGE = 100;

// ---------------------------------------------------------------------------------------------
// UI state kept by vscode.setState across hide/show (the webview is destroyed when hidden).

export interface UiState {
  tab: TabId;
  /** Scroll offset per tab, in CSS pixels. */
  scroll: Partial<Record<TabId, number>>;
  status: StatusFilter;
  text: string;
}

export const DEFAULT_UI: UiState = { tab: 'agenda', scroll: {}, status: 'open', text: '' };

/** getState() returns whatever an older version stored (or nothing): keep only what is valid. */
export function sanitizeUiState(raw: unknown): UiState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_UI, scroll: {} };
  const r = raw as Record<string, unknown>;
  const tab = TABS.some((t) => t.id === r.tab) ? (r.tab as TabId) : DEFAULT_UI.tab;
  const status = STATUS_FILTERS.includes(r.status as StatusFilter) ? (r.status as StatusFilter) : DEFAULT_UI.status;
  const text = typeof r.text === 'string' ? r.text.slice(0, 200) : '';
  const scroll: Partial<Record<TabId, number>> = {};
  if (typeof r.scroll === 'object' && r.scroll !== null) {
    for (const t of TABS) {
      const v = (r.scroll as Record<string, unknown>)[t.id];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) scroll[t.id] = Math.min(v, 10_000_000);
    }
  }
  return { tab, scroll, status, text };
}

// ---------------------------------------------------------------------------------------------
// The agenda kept for the next start: what the page draws before the host has read the file.

/**
 * A file's state cut down to the Agenda tab and the frame (names, the next session, the open tasks
 * to carry forward, the questions, the tab counts), kept in the webview's state (VS Code's storage
 * for the view, never the workspace) so the page draws it at once when it opens again. It holds no
 * private notes (nor their count) and no feedback, whose sealed fields may be shown opened with
 * your key; a closed mentorship (its final feedback) is not kept at all.
 */
export interface Snapshot {
  /** Date.now() when the state arrived: its countdowns are relative to it. */
  at: number;
  open: number;
  warnings: number;
  state: ReadyState;
}

export function snapshotOf(s: ReadyState, at: number): Snapshot | undefined {
  if (s.closing) return undefined;
  const { acceptance: _acceptance, closing: _closing, ...frame } = s;
  return { at, open: countByStatus(s.tasks).open, warnings: s.warnings.length, state: { ...frame, tasks: [], goals: [], warnings: [], feedback: [], trend: [], notes: [] } };
}

/** A snapshot from getState(), checked as a host message is (an older version, or nothing, gives undefined). */
export function restoreSnapshot(raw: unknown): Snapshot | undefined {
  const k = typeof raw === 'object' && raw !== null ? (raw as { snapshot?: unknown }).snapshot : undefined;
  if (typeof k !== 'object' || k === null) return undefined;
  const { at, open, warnings, state } = k as Record<string, unknown>;
  const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (typeof at !== 'number' || !Number.isFinite(at) || !count(open) || !count(warnings)) return undefined;
  const parsed = parseHostMessage({ type: 'state', state });
  if (!parsed.ok || parsed.message.type !== 'state' || parsed.message.state.kind !== 'ready') return undefined;
  const restored = snapshotOf(parsed.message.state, at);
  return restored && { ...restored, open, warnings };
}

// ---------------------------------------------------------------------------------------------
// Tasks

export type Role = 'mentor' | 'mentee';

export interface TaskGroup {
  owner: Role;
  /** All tasks of this owner that pass the filter, in display order. */
  tasks: TaskView[];
}

/** Lower-cased searchable text per task, computed once per task object. */
const haystacks = new WeakMap<TaskView, string>();
function haystack(t: TaskView): string {
  let h = haystacks.get(t);
  if (h === undefined) {
    h = [t.title, t.id, t.due ?? '', t.goal ?? '', t.session ?? '', t.reason ?? '', ...t.links].join('\n').toLowerCase();
    haystacks.set(t, h);
  }
  return h;
}

/** Whether a task passes the status filter and every word of the text filter. */
export function taskMatches(t: TaskView, status: StatusFilter, words: readonly string[]): boolean {
  if (status !== 'all' && t.status !== status) return false;
  if (words.length === 0) return true;
  const h = haystack(t);
  return words.every((w) => h.includes(w));
}

export function filterWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Open tasks: overdue first, then by due date (none last); closed tasks: latest closed first. */
function compareTasks(a: TaskView, b: TaskView): number {
  if (a.status === 'open' && b.status === 'open') {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    const ad = a.due ?? '\uffff';
    const bd = b.due ?? '\uffff';
    if (ad !== bd) return ad < bd ? -1 : 1;
  } else if (a.status !== b.status) {
    const order = { open: 0, done: 1, dropped: 2 } as const;
    return order[a.status] - order[b.status];
  } else {
    const ac = a.closed ?? '';
    const bc = b.closed ?? '';
    if (ac !== bc) return ac < bc ? 1 : -1;
  }
  return a.title.localeCompare(b.title);
}

/**
 * Tasks grouped by owner (the user's own role first, else the mentee's), filtered and sorted.
 * Groups with no matching task are kept (empty) so the view can say so.
 */
export function groupTasks(tasks: readonly TaskView[], status: StatusFilter, text: string, role?: Role): TaskGroup[] {
  const words = filterWords(text);
  const owners: Role[] = role === 'mentor' ? ['mentor', 'mentee'] : ['mentee', 'mentor'];
  const groups = owners.map((owner) => ({ owner, tasks: [] as TaskView[] }));
  for (const t of tasks) {
    if (!taskMatches(t, status, words)) continue;
    groups[t.owner === owners[0] ? 0 : 1]!.tasks.push(t);
  }
  for (const g of groups) g.tasks.sort(compareTasks);
  return groups;
}

export function countByStatus(tasks: readonly TaskView[]): Record<StatusFilter, number> {
  const c = { open: 0, done: 0, dropped: 0, all: tasks.length };
  for (const t of tasks) c[t.status]++;
  return c;
}

/** How a task's due date reads, with overdue said in words (not by colour alone). */
export function dueText(t: TaskView): string | undefined {
  if (!t.due) return undefined;
  if (t.status !== 'open' || t.dueInDays === undefined) return l10n.t('due {0}', t.due);
  const d = t.dueInDays;
  if (d < 0) return l10n.t('overdue by {0} (due {1})', nDays(-d), t.due);
  if (d === 0) return l10n.t('due today ({0})', t.due);
  if (d === 1) return l10n.t('due tomorrow ({0})', t.due);
  return l10n.t('due in {0} ({1})', nDays(d), t.due);
}

// ---------------------------------------------------------------------------------------------
// Time

// Counted words, one message per count form.
export const nDays = (n: number): string => (n === 1 ? l10n.t('1 day') : l10n.t('{0} days', n));
export const nHours = (n: number): string => (n === 1 ? l10n.t('1 hour') : l10n.t('{0} hours', n));
export const nMinutes = (n: number): string => (n === 1 ? l10n.t('1 minute') : l10n.t('{0} minutes', n));
export const nItems = (n: number): string => (n === 1 ? l10n.t('1 item') : l10n.t('{0} items', n));
export const nWarnings = (n: number): string => (n === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', n));
export const nNotes = (n: number): string => (n === 1 ? l10n.t('1 note') : l10n.t('{0} notes', n));
export const nPrivateNotes = (n: number): string => (n === 1 ? l10n.t('1 private note') : l10n.t('{0} private notes', n));
export const nTasks = (n: number): string => (n === 1 ? l10n.t('1 task') : l10n.t('{0} tasks', n));
export const nOpenTasks = (n: number): string => (n === 1 ? l10n.t('1 open task') : l10n.t('{0} open tasks', n));
export const nFeedbackEntries = (n: number): string => (n === 1 ? l10n.t('1 feedback entry') : l10n.t('{0} feedback entries', n));

/**
 * A duration in words at the two largest units: the one human format of core/time.ts
 * (`formatDurationHuman`, which the host's messages use), in the page's language.
 */
export function formatDuration(ms: number): string {
  return formatDurationIn(ms, PAGE_DURATION);
}

const PAGE_DURATION: DurationWords = { lessThanAMinute: () => l10n.t('less than a minute'), days: nDays, hours: nHours, minutes: nMinutes };

/** "in 2 days 3 hours" or "3 hours ago". */
export function relative(ms: number): string {
  return ms >= 0 ? l10n.t('in {0}', formatDuration(ms)) : l10n.t('{0} ago', formatDuration(ms));
}

/** VS Code's display language (the page's `lang`, set by the host), for dates; unset: the browser's. */
let displayLocale: string | undefined;

/** Sets the locale dates are written in; a tag that Intl does not know is ignored. */
export function setDisplayLocale(tag: string | undefined): void {
  try {
    displayLocale = tag ? Intl.DateTimeFormat.supportedLocalesOf([tag])[0] : undefined;
  } catch {
    displayLocale = undefined;
  }
}

/** A date-time for people, in the display language (else the webview's locale); the ISO text when it does not parse. */
export function formatWhen(iso: string, locale: string | undefined = displayLocale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A value for an `<input type=datetime-local>`: local time, minutes precision. */
export function toDateTimeLocal(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The next session slot to propose: a week from `now` at the same hour, on the hour. */
export function suggestedSessionTime(now: Date): string {
  const d = new Date(now.getTime() + 7 * 86_400_000);
  d.setMinutes(0, 0, 0);
  return toDateTimeLocal(d);
}

/** The topic-notice line of a planned session. */
export function noticeText(s: { announced?: string | undefined; topic?: string | undefined; noticeDeadline?: string | undefined; msToNoticeDeadline?: number | undefined; running: boolean }, elapsedMs = 0): string {
  if (s.announced) return l10n.t('Topic announced {0}.', formatWhen(s.announced));
  if (s.running) return l10n.t('The topic was not announced.');
  if (s.msToNoticeDeadline === undefined) return l10n.t('Topic not announced yet.');
  const left = s.msToNoticeDeadline - elapsedMs;
  return left >= 0
    ? l10n.t('Topic not announced: the notice deadline is {0}.', relative(left))
    : l10n.t('Topic not announced: the notice deadline passed {0} ago.', formatDuration(left));
}

// ---------------------------------------------------------------------------------------------
// Agenda

/** Where an item moves for Alt+ArrowUp / Alt+ArrowDown, or undefined at the ends. */
export function moveTarget(index: number, delta: -1 | 1, length: number): number | undefined {
  const to = index + delta;
  return to >= 0 && to < length && index >= 0 && index < length ? to : undefined;
}

/** Agenda lines typed one per line in the plan form. */
export function agendaLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Feedback trend

export interface TrendGeometry {
  width: number;
  height: number;
  /** SVG polyline points ("x,y x,y"). */
  line: string;
  dots: { x: number; y: number; point: TrendPoint }[];
  /** Y positions of the ratings 1..5 for grid lines. */
  grid: { rating: number; y: number }[];
}

/** `left`: room for the rating labels on the left edge. */
export function trendGeometry(points: readonly TrendPoint[], width = 240, height = 80, pad = 8, left = pad): TrendGeometry {
  const y = (avg: number): number => round(pad + ((5 - avg) / 4) * (height - 2 * pad));
  const n = points.length;
  const x = (i: number): number => round(n <= 1 ? (left + width - pad) / 2 : left + (i / (n - 1)) * (width - left - pad));
  const dots = points.map((point, i) => ({ x: x(i), y: y(point.average), point }));
  return {
    width, height,
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    grid: [1, 2, 3, 4, 5].map((rating) => ({ rating, y: y(rating) })),
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The chart's text alternative: what a sighted reader takes from it. */
export function trendSummary(points: readonly TrendPoint[]): string {
  if (points.length === 0) return l10n.t('No ratings yet.');
  const avg = (p: TrendPoint): string => (Math.round(p.average * 10) / 10).toString();
  const last = points[points.length - 1]!;
  if (points.length === 1) return l10n.t('One rated session: {0} of 5 ({1}).', avg(last), last.session);
  const first = points[0]!;
  const lo = points.reduce((a, b) => (b.average < a.average ? b : a));
  const hi = points.reduce((a, b) => (b.average > a.average ? b : a));
  const diff = last.average - first.average;
  const direction = Math.abs(diff) < 0.25 ? l10n.t('about level') : diff > 0 ? l10n.t('rising') : l10n.t('falling');
  return l10n.t('Average rating over {0} sessions, {1}: from {2} ({3}) to {4} ({5}); lowest {6} ({7}), highest {8} ({9}). Ratings are out of 5.',
    points.length, direction, avg(first), first.session, avg(last), last.session, avg(lo), lo.session, avg(hi), hi.session);
}

/** Feedback newest first (by session time, then when given). */
export function feedbackHistory(feedback: readonly FeedbackView[]): FeedbackView[] {
  return [...feedback].sort((a, b) => (a.sessionAt === b.sessionAt ? (b.at ?? '').localeCompare(a.at ?? '') : a.sessionAt < b.sessionAt ? 1 : -1));
}

/** The name to show for a role in this agreement. */
export function ownerName(state: Pick<ReadyState, 'mentor' | 'mentee'>, owner: Role): string {
  return owner === 'mentor' ? l10n.t('{0} (mentor)', state.mentor) : l10n.t('{0} (mentee)', state.mentee);
}

/**
 * What changed between two models, in words, for the live region when the file changed by itself
 * (a git pull, a hand edit, the other editor); empty when nothing a reader would notice changed.
 */
export function describeChange(prev: ReadyState, next: ReadyState): string {
  const parts: string[] = [];
  const open = (s: ReadyState): number => s.tasks.reduce((n, t) => n + (t.status === 'open' ? 1 : 0), 0);
  const dOpen = open(next) - open(prev);
  if (dOpen !== 0) parts.push(`${nOpenTasks(open(next))} (${dOpen > 0 ? '+' : ''}${dOpen})`);
  if (prev.current?.id !== next.current?.id) {
    parts.push(next.current ? l10n.t('next session {0}', next.current.id) : l10n.t('no session planned'));
  } else if (prev.current && next.current) {
    if (prev.current.running !== next.current.running) parts.push(next.current.running ? l10n.t('session started') : l10n.t('session ended'));
    if (prev.current.agenda.join('\n') !== next.current.agenda.join('\n')) parts.push(l10n.t('agenda has {0}', nItems(next.current.agenda.length)));
    if ((prev.current.topic ?? '') !== (next.current.topic ?? '')) parts.push(l10n.t('topic changed'));
  }
  if (next.feedback.length !== prev.feedback.length) parts.push(nFeedbackEntries(next.feedback.length));
  if (next.warnings.length !== prev.warnings.length) parts.push(nWarnings(next.warnings.length));
  if (next.notes.length !== prev.notes.length) parts.push(nPrivateNotes(next.notes.length));
  return parts.length === 0 ? '' : l10n.t('Updated: {0}.', parts.join(', '));
}
