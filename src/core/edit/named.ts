/**
 * The sidebar's, the palette commands' and the review threads' operations by name, with plain arguments: an edit that can be posted to another
 * thread (the desktop's parse worker runs it there, src/node/parseWorkerMain.ts) and run by the
 * same function there as here (`runNamedEdit`). Each name is its function's own.
 */
import { acceptAgreement } from '../rituals/accept';
import { addFinalFeedback, closeMentorship } from '../rituals/close';
import { setKey } from '../seal/edits';
import { addAgendaItem, editAgendaItem, moveAgendaItem, removeAgendaItem } from './agenda';
import { addQuestion } from './questions';
import type { EditResult } from './runner';
import { addFeedback, announceTopic, cancelSession, endSession, planSession, startSession } from './sessions';
import { addTask, completeTask, dropTask, reopenTask, setTaskDue } from './tasks';
import { addThread, deleteThread, moveThreads, replyToThread, setThreadStatus, threadToTask } from './threads';

const NAMED_EDITS = {
  planSession,
  announceTopic,
  startSession,
  endSession,
  cancelSession,
  addAgendaItem,
  editAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  addQuestion,
  addTask,
  completeTask,
  dropTask,
  reopenTask,
  setTaskDue,
  addFeedback,
  acceptAgreement,
  closeMentorship,
  addFinalFeedback,
  setKey,
  addThread,
  replyToThread,
  setThreadStatus,
  deleteThread,
  moveThreads,
  threadToTask,
} as const;

export type EditName = keyof typeof NAMED_EDITS;

/** One operation and its arguments (structured-cloneable: strings, numbers, arrays, plain objects). */
export type NamedEdit = { [N in EditName]: { name: N; args: Parameters<(typeof NAMED_EDITS)[N]>[1] } }[EditName];

/** `edit`'s arguments for the operation `name` (typed per name). */
export function namedEdit<N extends EditName>(name: N, args: Parameters<(typeof NAMED_EDITS)[N]>[1]): NamedEdit {
  return { name, args } as NamedEdit;
}

/** Whether `x` names one of the operations (for a message from another thread). */
export function isNamedEdit(x: unknown): x is NamedEdit {
  if (typeof x !== 'object' || x === null) return false;
  const { name, args } = x as { name?: unknown; args?: unknown };
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(NAMED_EDITS, name) && typeof args === 'object' && args !== null;
}

/** Runs the operation on `text` at `now`. */
export function runNamedEdit(edit: NamedEdit, text: string, now: Date): EditResult {
  const run = NAMED_EDITS[edit.name] as (text: string, args: unknown, ctx: { now: Date }) => EditResult;
  return run(text, edit.args, { now });
}
