/**
 * The commented starter file `mentoring init` and the "set up an agreement" command write.
 * Comments explain each field and the six-month rule; values the users typed are rendered
 * with the YAML stringifier so names with `:` or `#` stay intact.
 */
import * as l10n from '@vscode/l10n';
import { Document } from 'yaml';
import { newGoalId, type Random } from './ids';
import { addMonthsIso as addMonthsOrUndefined, formatDate, localOffsetMinutes } from './time';

export interface PersonInput {
  name: string;
  handle?: string;
  email?: string;
}

export interface GoalInput {
  title: string;
  /** Target date `YYYY-MM-DD`; defaults to three months from the start. */
  by?: string;
  why?: string;
}

export interface InitOptions {
  mentor: PersonInput | string;
  mentee: PersonInput | string;
  goals?: GoalInput[];
  cadence?: 'weekly' | 'biweekly' | 'monthly';
  duration?: string;
  topicNotice?: string;
  cancellationNotice?: string;
  feedback?: 'every-session' | 'monthly' | 'on-request';
  /** `YYYY-MM-DD`; defaults to today. */
  started?: string;
  /** Minutes east of UTC for "today" (defaults to the runtime's time zone). */
  utcOffsetMinutes?: number;
  /** For goal ids when two goals share a title (Web Crypto by default). */
  random?: Random;
}

const COMMENT_COLUMN = 32;

/**
 * The starter file. Throws when `started` (or a goal's `by`) is not a `YYYY-MM-DD` date; the
 * result parses with no errors and no warnings on the day it is written.
 */
export function initFile(opts: InitOptions, now: Date): string {
  const offset = opts.utcOffsetMinutes ?? localOffsetMinutes(now);
  const started = opts.started ?? formatDate(now, offset);
  const mentor = person(opts.mentor);
  const mentee = person(opts.mentee);
  const cadence = opts.cadence ?? 'weekly';
  const review = addMonthsIso(started, 6);
  const L: string[] = [];
  const line = (text: string, comment?: string): void => {
    L.push(comment === undefined ? text : `${text.padEnd(COMMENT_COLUMN - 1)} # ${comment}`);
  };

  // Each comment is one message with its own line breaks, so a translation breaks its lines where its words fall.
  const comment = (indent: string, text: string): void => {
    for (const l of text.split('\n')) line(`${indent}# ${oneLine(l)}`);
  };
  comment('', l10n.t('The mentoring agreement between {0} (mentor) and {1} (mentee),\nand the log of our sessions. Commit it with the code; edit it by hand, with the\nMentoring extension or with the `mentoring` CLI (both keep these comments).\nDates are YYYY-MM-DD, times ISO 8601 (2026-11-19T15:00:00+01:00),\ndurations like 45m, 24h, 2d. Check the file with `mentoring check`.', oneLine(mentor.name), oneLine(mentee.name)));
  line('version: 1', l10n.t('the format of this file'));
  line('agreement:');
  comment('  ', l10n.t('Who takes part: a name, and optionally a handle (code host login) and an email.'));
  line(`  mentor: ${flow(mentor)}`);
  line(`  mentee: ${flow(mentee)}`);
  line(`  started: ${started}`, l10n.t('the day the agreement began'));
  comment('  ', l10n.t('We revisit this agreement at least every six months.'));
  line(`  review: ${review}`);
  comment('  ', l10n.t('What the mentee wants to learn. The six-month rule: each goal must be doable\nwithin six months of being set, so `by` is at most six months after `set`.'));
  const goals = opts.goals ?? [];
  if (goals.length === 0) {
    line('  goals: []', l10n.t('add goals like the example below'));
    line('  #  - id: tests-first');
    line(`  #    title: ${oneLine(l10n.t('Write a failing test before every bug fix'))}`);
    line(`  #    why: ${oneLine(l10n.t('Fewer regressions in billing'))}`);
    line(`  #    by: ${addMonthsIso(started, 3)}`);
    line('  #    status: active', 'active | achieved | dropped'); // l10n-exempt: the values `status` takes
  } else {
    line('  goals:');
    const taken: string[] = [];
    for (const g of goals) {
      const id = newGoalId(g.title, taken, opts.random);
      taken.push(id);
      line(`    - id: ${scalar(id)}`);
      line(`      title: ${scalar(oneLine(g.title))}`);
      if (g.why !== undefined && g.why.trim() !== '') line(`      why: ${scalar(oneLine(g.why))}`);
      line(`      set: ${started}`);
      const by = g.by ?? addMonthsIso(started, 3);
      addMonthsIso(by, 0); // validates
      line(`      by: ${by}`, l10n.t('at most six months after `set`'));
      line('      status: active', 'active | achieved | dropped'); // l10n-exempt: the values `status` takes
    }
  }
  comment('  ', l10n.t('How we work together.'));
  line('  expectations:');
  line(`    cadence: ${cadence}`, 'weekly | biweekly | monthly'); // l10n-exempt: the values `cadence` takes
  line(`    duration: ${scalar(opts.duration ?? '45m')}`, l10n.t('how long a session lasts'));
  line(`    topicNotice: ${scalar(opts.topicNotice ?? '48h')}`, l10n.t('announce the topic this long before'));
  line(`    cancellationNotice: ${scalar(opts.cancellationNotice ?? '24h')}`, l10n.t('cancel at least this long before'));
  line(`    undoneTasks: ${scalar(l10n.t('We open the next session with what blocked the task.'))}`);
  line(`    confidentiality: ${scalar(l10n.t('What we discuss stays between us unless we both agree to share it.'))}`);
  line(`    feedback: ${opts.feedback ?? 'every-session'}`, 'every-session | monthly | on-request'); // l10n-exempt: the values `feedback` takes
  line('');
  comment('', l10n.t('Sessions: planned, held or cancelled. `mentoring session plan` appends one;\neach has an id (its date), `at`, a `topic` announced ahead, an `agenda`,\n`notes` and `feedback` (from, rating 1..5, valuable, change).'));
  line('sessions: []');
  line('');
  comment('', l10n.t('Tasks agreed in sessions: `mentoring task add "TITLE"`. status: open | done | dropped;\nowner: mentor | mentee; links point at code (src/file.ts#L42).'));
  line('tasks: []');
  return L.join('\n') + '\n';
}

function person(p: PersonInput | string): PersonInput {
  return typeof p === 'string' ? { name: p } : p;
}

function flow(p: PersonInput): string {
  // One line each: names are shown in one line everywhere.
  const o: Record<string, string> = { name: oneLine(p.name) };
  if (p.handle !== undefined && p.handle.trim() !== '') o.handle = oneLine(p.handle);
  if (p.email !== undefined && p.email.trim() !== '') o.email = oneLine(p.email);
  return new Document(o).toString({ collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: true }).trimEnd();
}

function scalar(v: string): string {
  const doc = new Document(v);
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

function addMonthsIso(date: string, months: number): string {
  const out = addMonthsOrUndefined(date, months);
  if (out === undefined) throw new Error(`"${date}" is not a date like 2026-11-19 (YYYY-MM-DD)`);
  return out;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

