/**
 * The domain operations on a mentoring file. Each takes the file's text, its arguments and an
 * `EditContext` (the clock), and returns new text in which only what the operation touched
 * differs, or a message saying why not. Every one is a plan run by `runEdit` (`./runner.ts`):
 * the CLI, the commands, the sidebar and the review threads all call these same functions with
 * the same argument names — a session is `session`, a task `task`, a thread `thread`, a goal `goal`.
 */
export { addAgendaItem, editAgendaItem, moveAgendaItem, removeAgendaItem } from './agenda';
export { addGoal, setGoalBy } from './goals';
export { addQuestion } from './questions';
export type { AddQuestionArgs } from './questions';
export { finishEdit, prepareEdit, refuse, Refusal, runEdit, refusalMessage, where } from './runner';
export type { EditContext, EditResult, Env, Operation, Plan, Prepared } from './runner';
export { addFeedback, announceTopic, cancelSession, endSession, planSession, planSessionOp, startSession } from './sessions';
export type { FeedbackInput, PlanSessionArgs } from './sessions';
export { addTask, addTaskOp, completeTask, dropTask, editTask, reopenTask, setTaskDue } from './tasks';
export type { AddTaskArgs } from './tasks';
export { addThread, deleteThread, moveThreads, replyToThread, setThreadStatus, taskTitle, threadToTask } from './threads';
export type { NewThread, ThreadTaskArgs } from './threads';
