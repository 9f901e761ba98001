/**
 * Text the rituals write onto an agenda and compare with it later (the questions to ask,
 * `questions.ts`; a broken rule raised as a question, `raise.ts`): made twice, once in the display
 * language (`@vscode/l10n`'s bundle, which the editor configures) and once in English (the source
 * language, which the CLI writes). What is written is the display language's; an agenda item counts
 * as already there when it is either (`onAgenda`), so a file an English CLI wrote is recognised in a
 * German editor. An English editor or CLI does not recognise an item written in German.
 *
 * A wording is a function of its words: `bilingual((l10n) => l10n.t('… {0} …', l10n.date(at, now)))`.
 * The parameter is named `l10n` on purpose: `npx @vscode/l10n-dev export` and the l10n test read
 * `l10n.t('…'` syntactically, so every message is found as a literal first argument of `l10n.t(`.
 */
import * as l10n from '@vscode/l10n';
import { formatDurationHuman, formatDurationLocal } from '../time';

/** A text in the display language and the same text in English (equal when no bundle is configured). */
export interface Bilingual {
  text: string;
  english: string;
}

/** The words a wording is made of: `t` as `@vscode/l10n`'s, a spoken date, a duration. */
export interface Words {
  t(message: string, ...args: Array<string | number | boolean>): string;
  /** "21 November" (this year) or "21 November 2025" (see `spokenDate`). */
  date(isoDateOrTime: string, now: Date): string;
  /** "2 days 3 hours" (see `formatDurationHuman`). */
  duration(ms: number): string;
}

/** `@vscode/l10n`'s formatting without a bundle: `{0}`, `{1}` … replaced by the arguments (its `format`). */
function englishT(message: string, ...args: Array<string | number | boolean>): string {
  if (args.length === 0) return message;
  return message.replace(/{([^}]+)}/g, (match, group: string) => {
    const value = args[Number(group)];
    return value === undefined ? match : String(value);
  });
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The English spoken date: "21 November", or "21 November 2025" in another year than `now`'s. */
export function spokenDate(isoDateOrTime: string, now: Date): string {
  return spokenIn(isoDateOrTime, now, (day, month, year) => {
    const d = `${day} ${ENGLISH_MONTHS[month] ?? month + 1}`;
    return year === undefined ? d : `${d} ${year}`;
  });
}

/** The spoken date in the display language: each month (with and without the year) a key of its own. */
export function localSpokenDate(isoDateOrTime: string, now: Date): string {
  return spokenIn(isoDateOrTime, now, localDate);
}

function spokenIn(isoDateOrTime: string, now: Date, say: (day: number, month: number, year: number | undefined) => string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDateOrTime);
  if (!m) return isoDateOrTime;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return isoDateOrTime;
  return say(Number(m[3]), month, year === now.getUTCFullYear() ? undefined : year);
}

function localDate(day: number, month: number, year: number | undefined): string {
  switch (month) {
    case 0: return year === undefined ? l10n.t('{0} January', day) : l10n.t('{0} January {1}', day, year);
    case 1: return year === undefined ? l10n.t('{0} February', day) : l10n.t('{0} February {1}', day, year);
    case 2: return year === undefined ? l10n.t('{0} March', day) : l10n.t('{0} March {1}', day, year);
    case 3: return year === undefined ? l10n.t('{0} April', day) : l10n.t('{0} April {1}', day, year);
    case 4: return year === undefined ? l10n.t('{0} May', day) : l10n.t('{0} May {1}', day, year);
    case 5: return year === undefined ? l10n.t('{0} June', day) : l10n.t('{0} June {1}', day, year);
    case 6: return year === undefined ? l10n.t('{0} July', day) : l10n.t('{0} July {1}', day, year);
    case 7: return year === undefined ? l10n.t('{0} August', day) : l10n.t('{0} August {1}', day, year);
    case 8: return year === undefined ? l10n.t('{0} September', day) : l10n.t('{0} September {1}', day, year);
    case 9: return year === undefined ? l10n.t('{0} October', day) : l10n.t('{0} October {1}', day, year);
    case 10: return year === undefined ? l10n.t('{0} November', day) : l10n.t('{0} November {1}', day, year);
    default: return year === undefined ? l10n.t('{0} December', day) : l10n.t('{0} December {1}', day, year);
  }
}

const LOCAL: Words = { t: (message, ...args) => l10n.t(message, ...args), date: localSpokenDate, duration: formatDurationLocal };
const ENGLISH: Words = { t: englishT, date: spokenDate, duration: formatDurationHuman };

/** `make` worded in the display language and in English. */
export function bilingual(make: (l10n: Words) => string): Bilingual {
  return { text: make(LOCAL), english: make(ENGLISH) };
}

/** Whether `agenda` holds `item`, in the display language or in English (each agenda item trimmed). */
export function onAgenda(agenda: readonly string[], item: Bilingual): boolean {
  return agenda.some((a) => {
    const t = a.trim();
    return t === item.text || t === item.english;
  });
}
