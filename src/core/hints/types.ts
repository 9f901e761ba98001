/** Public types of the review-comment hint engine (re-exported by `./index`). */

export type HintCategory =
  | 'judgment'
  | 'blame'
  | 'minimizer'
  | 'command'
  | 'disguised-question'
  | 'sarcasm'
  | 'profanity';

export const HINT_CATEGORIES: readonly HintCategory[] = [
  'judgment',
  'blame',
  'minimizer',
  'command',
  'disguised-question',
  'sarcasm',
  'profanity',
];

export interface Hint {
  /** Stable kebab-case rule id, e.g. `judgment-word`, `you-always`. */
  rule: string;
  category: HintCategory;
  /** UTF-16 offsets into the text (what VS Code uses); `end` is exclusive. */
  start: number;
  end: number;
  /** Why this matters in mentoring, in one or two short sentences. */
  message: string;
  /**
   * Replacement texts for [start, end), best first. For judgments the first one is a question
   * built from the comment's own words. An empty string means "delete the range".
   */
  rewrites: string[];
}

export interface HintOptions {
  /** The team's own judgment words (the `hints.extraJudgmentWords` of the mentoring file). */
  extraJudgmentWords?: readonly string[];
  /** Rule ids to leave out. */
  disabledRules?: readonly string[];
  /** Categories to leave out. */
  disabledCategories?: readonly string[];
}

export interface HintRuleInfo {
  id: string;
  category: HintCategory;
  description: string;
}
