/**
 * The commented starter file `mentoring init` and the "set up an agreement" command write.
 * Comments explain each field and the six-month rule; values the users typed are rendered
 * with the YAML stringifier so names with `:` or `#` stay intact.
 */
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

  line(`# The mentoring agreement between ${oneLine(mentor.name)} (mentor) and ${oneLine(mentee.name)} (mentee),`);
  line('# and the log of our sessions. Commit it with the code; edit it by hand, with the');
  line('# Mentoring extension or with the `mentoring` CLI (both keep these comments).');
  line('# Dates are YYYY-MM-DD, times ISO 8601 (2026-11-19T15:00:00+01:00),');
  line('# durations like 45m, 24h, 2d. Check the file with `mentoring check`.');
  line('version: 1', 'the format of this file');
  line('agreement:');
  line('  # Who takes part: a name, and optionally a handle (code host login) and an email.');
  line(`  mentor: ${flow(mentor)}`);
  line(`  mentee: ${flow(mentee)}`);
  line(`  started: ${started}`, 'the day the agreement began');
  line('  # We revisit this agreement at least every six months.');
  line(`  review: ${review}`);
  line('  # What the mentee wants to learn. The six-month rule: each goal must be doable');
  line('  # within six months of being set, so `by` is at most six months after `set`.');
  const goals = opts.goals ?? [];
  if (goals.length === 0) {
    line('  goals: []', 'add goals like the example below');
    line('  #  - id: tests-first');
    line('  #    title: Write a failing test before every bug fix');
    line('  #    why: Fewer regressions in billing');
    line(`  #    by: ${addMonthsIso(started, 3)}`);
    line('  #    status: active', 'active | achieved | dropped');
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
      line(`      by: ${by}`, 'at most six months after `set`');
      line('      status: active', 'active | achieved | dropped');
    }
  }
  line('  # How we work together.');
  line('  expectations:');
  line(`    cadence: ${cadence}`, 'weekly | biweekly | monthly');
  line(`    duration: ${scalar(opts.duration ?? '45m')}`, 'how long a session lasts');
  line(`    topicNotice: ${scalar(opts.topicNotice ?? '48h')}`, 'announce the topic this long before');
  line(`    cancellationNotice: ${scalar(opts.cancellationNotice ?? '24h')}`, 'cancel at least this long before');
  line('    undoneTasks: We open the next session with what blocked the task.');
  line('    confidentiality: What we discuss stays between us unless we both agree to share it.');
  line(`    feedback: ${opts.feedback ?? 'every-session'}`, 'every-session | monthly | on-request');
  line('');
  line('# Sessions: planned, held or cancelled. `mentoring session plan` appends one;');
  line('# each has an id (its date), `at`, a `topic` announced ahead, an `agenda`,');
  line('# `notes` and `feedback` (from, rating 1..5, valuable, change).');
  line('sessions: []');
  line('');
  line('# Tasks agreed in sessions: `mentoring task add "TITLE"`. status: open | done | dropped;');
  line('# owner: mentor | mentee; links point at code (src/file.ts#L42).');
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

