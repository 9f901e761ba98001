/**
 * Ids and references: a second use of an id, and a task or thread naming a goal, session or
 * task that does not exist (with the likely meant id and the candidates, for quick fixes), and
 * file paths that leave the workspace (a thread's `file`: an error; a task link: a warning).
 * Checked on the plain data, so they are reported even when the schema is not met; verify.ts
 * runs them on the data an edit produced.
 */
import * as l10n from '@vscode/l10n';
import { NearestOf, SUGGESTION_BUDGET } from '../closeness';
import { checkCodeLink, checkWorkspacePath } from '../links';
import type { Diagnostic } from '../diagnostics';
import { numberAsWritten, type Locator } from './positions';

export function crossReferences(data: unknown, locator: Locator, out: Diagnostic[]): void {
  const root = asRecord(data);
  if (!root) return;
  const agreement = asRecord(root.agreement);
  const goals = idsOf(agreement?.goals, ['agreement', 'goals'], 'goal', locator, out);
  const sessions = idsOf(root.sessions, ['sessions'], 'session', locator, out);
  const tasks = idsOf(root.tasks, ['tasks'], 'task', locator, out);
  idsOf(root.threads, ['threads'], 'thread', locator, out);
  idsOf(root.questions, ['questions'], 'question', locator, out);

  // Every guess of this file shares one budget (closeness.ts `NearestOf`): bounded time on any file.
  const budget = { units: SUGGESTION_BUDGET };
  const refs = (list: unknown, base: string, field: string, ids: Map<string, number>, code: string, kind: RefKind): void => {
    if (!Array.isArray(list)) return;
    // Worked out once per list, not per reference: a file may hold thousands of both.
    let known: { candidates: string[]; options: string; nearest: NearestOf } | undefined;
    list.forEach((item: unknown, i) => {
      const ref = asRecord(item)?.[field];
      if (typeof ref !== 'string' && typeof ref !== 'number') return;
      const id = typeof ref === 'number' ? numberAsWritten(locator, [base, i, field], ref) : ref;
      if (ids.has(id)) return;
      if (!known) {
        const candidates = [...ids.keys()];
        const options = candidates.length > 0
          ? l10n.t('use one of {0}, or remove `{1}`.', `${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}`, field)
          : noneYet(kind, field);
        known = { candidates, options, nearest: new NearestOf(candidates, budget) };
      }
      const guess = known.nearest.closest(id);
      const meant = guess ? l10n.t(' (did you mean `{0}`?)', guess) : '';
      out.push(locator.at('error', code, noSuchId(kind, id, meant, known.options),
        [base, i, field], { candidates: listed(known.candidates, guess) }));
    });
  };
  refs(root.tasks, 'tasks', 'goal', goals, 'unknown-goal', 'goal');
  refs(root.tasks, 'tasks', 'session', sessions, 'unknown-session', 'session');
  refs(root.threads, 'threads', 'task', tasks, 'unknown-task', 'task');
  filePaths(root, locator, out);
}

type RefKind = 'goal' | 'session' | 'task';
type IdKind = RefKind | 'thread' | 'question';

/** "No goal has the id `g9` (did you mean `g1`?): …": one sentence per kind (German nouns have genders); `meant` is the parenthesis or ''. */
function noSuchId(kind: RefKind, id: string, meant: string, options: string): string {
  if (kind === 'goal') return l10n.t('No goal has the id `{0}`{1}: {2}', id, meant, options);
  if (kind === 'session') return l10n.t('No session has the id `{0}`{1}: {2}', id, meant, options);
  return l10n.t('No task has the id `{0}`{1}: {2}', id, meant, options);
}

function noneYet(kind: RefKind, field: string): string {
  if (kind === 'goal') return l10n.t('there are no goals in agreement.goals yet, so add one, or remove `{0}`.', field);
  if (kind === 'session') return l10n.t('there are no sessions in sessions yet, so add one, or remove `{0}`.', field);
  return l10n.t('there are no tasks in tasks yet, so add one, or remove `{0}`.', field);
}

/** "Two goals have the id `g1` …": one sentence per kind; `first` is the parenthesis naming the first one's line, or ''. */
function twoWithId(kind: IdKind, id: string, first: string): string {
  switch (kind) {
    case 'goal': return l10n.t('Two goals have the id `{0}`{1}: give this goal a different id, and update what refers to it.', id, first);
    case 'session': return l10n.t('Two sessions have the id `{0}`{1}: give this session a different id, and update what refers to it.', id, first);
    case 'task': return l10n.t('Two tasks have the id `{0}`{1}: give this task a different id, and update what refers to it.', id, first);
    case 'thread': return l10n.t('Two threads have the id `{0}`{1}: give this thread a different id, and update what refers to it.', id, first);
    case 'question': return l10n.t('Two questions have the id `{0}`{1}: give this question a different id, and update what refers to it.', id, first);
  }
}

/**
 * A review thread's `file` and a task's links name workspace files by the rule of core/links.ts.
 * A thread's file is read to place the thread (src/reviews/threads.ts), so one outside the
 * workspace is an error; a task link is only opened on a click, which refuses it, so a warning.
 */
function filePaths(root: Record<string, unknown>, locator: Locator, out: Diagnostic[]): void {
  if (Array.isArray(root.threads)) {
    root.threads.forEach((item: unknown, i) => {
      const file = asRecord(item)?.file;
      if (typeof file !== 'string') return;
      const checked = checkWorkspacePath(file);
      if (checked.ok) return;
      out.push(locator.at('error', 'outside-path',
        l10n.t('This review thread\'s file `{0}` is refused: {1}. A thread names a file by its path inside the workspace folder, such as src/billing/retry.ts; fix the path or delete the thread.', shown(file), checked.reason),
        ['threads', i, 'file']));
    });
  }
  if (Array.isArray(root.tasks)) {
    root.tasks.forEach((item: unknown, i) => {
      const links = asRecord(item)?.links;
      if (!Array.isArray(links)) return;
      links.forEach((link: unknown, j) => {
        if (typeof link !== 'string') return;
        const checked = checkCodeLink(link);
        if (checked.ok) return;
        out.push(locator.at('warning', 'link-refused',
          l10n.t('This link is never opened: {0}. Links are paths inside the workspace folder, such as src/billing/retry.ts#L42; fix it or remove it.', checked.reason),
          ['tasks', i, 'links', j]));
      });
    });
  }
}

/**
 * The ids a diagnostic carries for its quick fixes (src/editor/codeActions.ts orders them by
 * closeness and offers five): all of them, up to this many; beyond, the guess and the first
 * others, so each diagnostic's data stays small when thousands of references dangle.
 */
const MAX_LISTED = 50;

function listed(candidates: string[], guess: string | undefined): string[] {
  if (candidates.length <= MAX_LISTED) return candidates;
  const first = candidates.slice(0, MAX_LISTED);
  return guess === undefined || first.includes(guess) ? first : [guess, ...first.slice(0, MAX_LISTED - 1)];
}

/** A path as quoted in a message: short, one line. */
function shown(path: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are shown as a mark, never raw
  const oneLine = path.replace(/[\u0000-\u001f\u007f]/g, '\u2426');
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}

/** The ids of a list (id → index of its first use), reporting the second use of any id. */
function idsOf(list: unknown, base: (string | number)[], kind: IdKind, locator: Locator, out: Diagnostic[]): Map<string, number> {
  const ids = new Map<string, number>();
  if (!Array.isArray(list)) return ids;
  list.forEach((item: unknown, i) => {
    const raw = asRecord(item)?.id;
    if (typeof raw !== 'string' && typeof raw !== 'number') return;
    const id = typeof raw === 'number' ? numberAsWritten(locator, [...base, i, 'id'], raw) : raw;
    const first = ids.get(id);
    if (first === undefined) {
      ids.set(id, i);
      return;
    }
    const firstRange = locator.range([...base, first, 'id']);
    const firstLine = firstRange ? locator.lines.positionAt(firstRange.offset).line : undefined;
    out.push(locator.at('error', 'duplicate-id', twoWithId(kind, id, firstLine ? l10n.t(' (the first is on line {0})', firstLine) : ''),
      [...base, i, 'id'], { id, first: [...base, first] }));
  });
  return ids;
}

function asRecord(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}
