/**
 * The core operations as the commands call them: one place that adapts argument
 * names and passes the clock, so a change in the core's signatures touches only this file.
 */
import * as edit from '../core/edit/index';
import { initFile } from '../core/init';
import type { MentoringFile, Role } from '../core/schema';
import { sessionSummary } from '../core/summary';
import type { EditResult } from '../editor/store';

export interface SetUpAnswers {
  mentor: { name: string; handle?: string };
  mentee: { name: string; handle?: string };
  goal?: { title: string; by: string };
  cadence: 'weekly' | 'biweekly' | 'monthly';
}

export const ops = {
  planSession: (text: string, a: { at: string; topic?: string; agenda?: string[] }, now: Date): EditResult =>
    edit.planSession(text, { at: a.at, ...(a.topic ? { topic: a.topic } : {}), ...(a.agenda?.length ? { agenda: a.agenda } : {}) }, { now }),
  startSession: (text: string, a: { session: string }, now: Date): EditResult => edit.startSession(text, { id: a.session }, { now }),
  endSession: (text: string, a: { session: string; feedback?: edit.FeedbackInput }, now: Date): EditResult =>
    edit.endSession(text, { id: a.session, ...(a.feedback ? { feedback: a.feedback } : {}) }, { now }),
  cancelSession: (text: string, a: { session: string; by: Role; reason?: string }, now: Date): EditResult =>
    edit.cancelSession(text, { id: a.session, by: a.by, ...(a.reason ? { reason: a.reason } : {}) }, { now }),
  addFeedback: (text: string, a: { session: string } & edit.FeedbackInput, now: Date): EditResult => edit.addFeedback(text, a, { now }),
  addTask: (text: string, a: edit.AddTaskArgs, now: Date): EditResult => edit.addTask(text, dropUndefined(a), { now }),
  completeTask: (text: string, a: { task: string }, now: Date): EditResult => edit.completeTask(text, { id: a.task }, { now }),
  dropTask: (text: string, a: { task: string; reason?: string }, now: Date): EditResult =>
    edit.dropTask(text, { id: a.task, ...(a.reason ? { reason: a.reason } : {}) }, { now }),
  // The sidebar's finer-grained operations (src/sidebar.ts).
  announceTopic: (text: string, a: { session: string; topic: string }, now: Date): EditResult => edit.announceTopic(text, { id: a.session, topic: a.topic }, { now }),
  addAgendaItem: (text: string, a: { session: string; text: string }, now: Date): EditResult => edit.addAgendaItem(text, a, { now }),
  editAgendaItem: (text: string, a: { session: string; index: number; text: string }, now: Date): EditResult => edit.editAgendaItem(text, a, { now }),
  moveAgendaItem: (text: string, a: { session: string; from: number; to: number }, now: Date): EditResult => edit.moveAgendaItem(text, a, { now }),
  removeAgendaItem: (text: string, a: { session: string; index: number }, now: Date): EditResult => edit.removeAgendaItem(text, a, { now }),
  reopenTask: (text: string, a: { task: string }, now: Date): EditResult => edit.reopenTask(text, { id: a.task }, { now }),
  setTaskDue: (text: string, a: { task: string; due: string }, now: Date): EditResult => edit.setTaskDue(text, { id: a.task, due: a.due }, { now }),
  init: (a: SetUpAnswers, now: Date): string => initFile({ mentor: a.mentor, mentee: a.mentee, cadence: a.cadence, ...(a.goal ? { goals: [a.goal] } : {}) }, now),
  summary: (model: MentoringFile, session: string): string => sessionSummary(model, session),
};

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
