/**
 * Every command id in one list. `CommandId` and `ThreadCommand` are contributed (package.json
 * `contributes.commands` lists the same ids; a unit test keeps them in step); `HintCommand` is
 * internal (the hint quick fixes). Kept apart from `vscode` so plain Node tests can read them.
 * Each palette command's code lives in its own module under `src/commands/`.
 */
export const CommandId = {
  setUp: 'mentoring.setUp',
  pickFile: 'mentoring.pickFile',
  openAgreement: 'mentoring.openAgreement',
  planSession: 'mentoring.planSession',
  startSession: 'mentoring.startSession',
  endSession: 'mentoring.endSession',
  cancelSession: 'mentoring.cancelSession',
  addFeedback: 'mentoring.addFeedback',
  addTask: 'mentoring.addTask',
  completeTask: 'mentoring.completeTask',
  dropTask: 'mentoring.dropTask',
  exportSummary: 'mentoring.exportSummary',
  addPrivateNote: 'mentoring.addPrivateNote',
  exportPrivateNotes: 'mentoring.exportPrivateNotes',
  showSidebar: 'mentoring.showSidebar',
  setUpKey: 'mentoring.setUpKey',
  raiseConcern: 'mentoring.raiseConcern',
  acceptAgreement: 'mentoring.acceptAgreement',
  closeMentorship: 'mentoring.closeMentorship',
  addToCalendar: 'mentoring.addToCalendar',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** The sidebar webview view (contributed in package.json `views`). */
export const SIDEBAR_VIEW_ID = 'mentoring.sidebar';

/** The review threads' commands (comment-thread menus). */
export const ThreadCommand = {
  commentOnSelection: 'mentoring.commentOnSelection',
  create: 'mentoring.thread.create',
  reply: 'mentoring.thread.reply',
  resolve: 'mentoring.thread.resolve',
  reopen: 'mentoring.thread.reopen',
  toTask: 'mentoring.thread.toTask',
  delete: 'mentoring.thread.delete',
} as const;

/** The hint quick fixes' commands (internal, not contributed). */
export const HintCommand = {
  ignoreHere: 'mentoring.hints.ignoreHere',
  ignoreInWorkspace: 'mentoring.hints.ignoreInWorkspace',
} as const;

/** The *Seal it* quick fix's command (internal, not contributed). */
export const SealCommand = {
  sealField: 'mentoring.seal.field',
} as const;

/** The comment controller of our review threads (`commentController == …` in menus). */
export const CONTROLLER_ID = 'mentoring-review';
