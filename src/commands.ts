/**
 * Every command the extension contributes, by id (package.json `contributes.commands`
 * lists the same ids; a unit test keeps the two in step). Each command's code lives
 * in its own module under `src/commands/`.
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
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** The sidebar webview view (contributed in package.json `views`). */
export const SIDEBAR_VIEW_ID = 'mentoring.sidebar';
