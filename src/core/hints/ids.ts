/**
 * The hint engine's rule ids and categories, without its rule tables: what the file check needs to
 * name a mistyped id in the `hints:` block (checks.ts runs on every parse and must stay light).
 * test/unit/hints.test.ts keeps this list equal to HINT_RULES.
 */
export { HINT_CATEGORIES } from './types';

export const HINT_RULE_IDS: readonly string[] = [
  'why-would-you', 'did-you-even', 'rhetorical-question', 'seriously', 'sarcasm', 'you-always', 'why-didnt-you',
  'your-fault', 'you-dont-understand',
  'you-should-have', 'you-need-to', 'pile-on', 'impatience', 'personal-attack', 'rhetorical-why', 'dont-do-this', 'shouting', 'sarcastic-praise',
  'blunt-verdict', 'curt-dismissal', 'disguised-order',
  'frustration', 'entitlement', 'contempt', 'complaint-question', 'fork-it',
  'bare-command', 'minimizer-just', 'minimizer-obviously', 'minimizer-easy',
  'sucks', 'hate', 'judgment-word', 'insult', 'profanity', 'team-word', 'heated-tone',
];
