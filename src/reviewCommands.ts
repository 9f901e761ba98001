/**
 * The command ids of the review threads (contributed in package.json, shown in comment-thread
 * menus) and of the hint quick fixes (internal, not contributed). Kept apart from `vscode` so the
 * manifest test can check them in plain Node.
 */
export const ThreadCommand = {
  commentOnSelection: 'mentoring.commentOnSelection',
  create: 'mentoring.thread.create',
  reply: 'mentoring.thread.reply',
  resolve: 'mentoring.thread.resolve',
  reopen: 'mentoring.thread.reopen',
  toTask: 'mentoring.thread.toTask',
  delete: 'mentoring.thread.delete',
} as const;

export const HintCommand = {
  ignoreHere: 'mentoring.hints.ignoreHere',
  ignoreInWorkspace: 'mentoring.hints.ignoreInWorkspace',
} as const;

/** The comment controller of our review threads (`commentController == …` in menus). */
export const CONTROLLER_ID = 'mentoring-review';
