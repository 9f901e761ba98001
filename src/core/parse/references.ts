/**
 * Ids and references: a second use of an id, and a task or thread naming a goal, session or
 * task that does not exist (with the likely meant id and the candidates, for quick fixes), and
 * file paths that leave the workspace (a thread's `file`: an error; a task link: a warning).
 * Checked on the plain data, so they are reported even when the schema is not met; verify.ts
 * runs them on the data an edit produced.
 */
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
  const refs = (list: unknown, base: string, field: string, ids: Map<string, number>, code: string, kind: string, where: string): void => {
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
        const options = candidates.length > 0 ? `use one of ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}` : `there are no ${kind}s ${where} yet, so add one`;
        known = { candidates, options, nearest: new NearestOf(candidates, budget) };
      }
      const guess = known.nearest.closest(id);
      out.push(locator.at('error', code,
        `No ${kind} has the id \`${id}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}: ${known.options}, or remove \`${field}\`.`,
        [base, i, field], { candidates: listed(known.candidates, guess) }));
    });
  };
  refs(root.tasks, 'tasks', 'goal', goals, 'unknown-goal', 'goal', 'in agreement.goals');
  refs(root.tasks, 'tasks', 'session', sessions, 'unknown-session', 'session', 'in sessions');
  refs(root.threads, 'threads', 'task', tasks, 'unknown-task', 'task', 'in tasks');
  filePaths(root, locator, out);
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
        `This review thread's file \`${shown(file)}\` is refused: ${checked.reason}. A thread names a file by its path inside the workspace folder, such as src/billing/retry.ts; fix the path or delete the thread.`,
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
          `This link is never opened: ${checked.reason}. Links are paths inside the workspace folder, such as src/billing/retry.ts#L42; fix it or remove it.`,
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
function idsOf(list: unknown, base: (string | number)[], kind: string, locator: Locator, out: Diagnostic[]): Map<string, number> {
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
    out.push(locator.at('error', 'duplicate-id',
      `Two ${kind}s have the id \`${id}\`${firstLine ? ` (the first is on line ${firstLine})` : ''}: give this ${kind} a different id, and update what refers to it.`,
      [...base, i, 'id'], { id, first: [...base, first] }));
  });
  return ids;
}

function asRecord(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}
