/**
 * The hint engine's words in the user's language. The engine (src/core/hints) stays English: its
 * rules recognise English comments and its messages are English. What a user reads in a comment
 * box, the Problems panel or a hover is looked up here by rule id and category: a known rule's
 * message through `vscode.l10n.t` (with the quoted word or the model's figure taken from the
 * core's message), an unknown one (a rule added to the core but not here yet) as the core's English.
 * test/unit/tools/l10n.test.ts keeps every rule id and category of src/core/hints/ids.ts named here.
 */
import * as vscode from 'vscode';
import { rewriteTitle } from '../core/hints/commentText';
import type { Hint, HintCategory } from '../core/hints/index';

/** The first "quoted" word of the core's message: the word the rule found in the comment. */
function quoted(message: string): string | undefined {
  return /"([^"]*)"/.exec(message)?.[1];
}

/** A hint's message in the user's language; the core's English when the rule is not known here. */
export function hintMessage(hint: Pick<Hint, 'rule' | 'message'>): string {
  const word = quoted(hint.message);
  switch (hint.rule) {
    case 'why-would-you': return vscode.l10n.t('A question that implies the answer reads as a verdict. Asking what led to the choice invites the author to explain and often to spot the issue themselves.');
    case 'did-you-even': return vscode.l10n.t('"Even" turns a question into an accusation. Ask about what happened instead.');
    case 'rhetorical-question': return vscode.l10n.t('A rhetorical question is a judgment in disguise. A real question about the reasoning keeps the conversation open.');
    case 'seriously': return vscode.l10n.t('Disbelief makes the author defensive. Say what surprised you and ask about it.');
    case 'sarcasm': return vscode.l10n.t('Sarcasm hides the real point and stings. Say plainly what you noticed and ask about it.');
    case 'you-always': return vscode.l10n.t('Absolutes about a person ("always", "never") are rarely true and put people on the defensive. Talk about this change.');
    case 'why-didnt-you': return vscode.l10n.t('"Why didn\'t you…" asks someone to defend a failure. Proposing the idea as a shared question gets the same result.');
    case 'your-fault': return vscode.l10n.t('Blame makes people hide mistakes. Describe what happened to the code and how to fix it together.');
    case 'you-dont-understand': return vscode.l10n.t('This judges the person\'s ability instead of the code. Explain the point you think was missed, or ask how they see it.');
    case 'you-should-have': return vscode.l10n.t('"You should have…" looks back at what the author did wrong. Asking for the change as a shared next step gets the same fix without the blame.');
    case 'you-need-to': return vscode.l10n.t('An order aimed at the author leaves out why, and their view. Asking for the same change keeps the decision shared.');
    case 'pile-on': return vscode.l10n.t('Absolutes and pile-ons ("everybody knows", "for the hundredth time") say the author should have known. The point lands better on its own, once.');
    case 'impatience': return vscode.l10n.t('Impatience and threats put pressure on the person instead of the problem. Say what you need and by when, plainly.');
    case 'personal-attack': return vscode.l10n.t('This is about the person, not the code, so there is no technical point to keep in a question. Say what in the change worries you, or leave it out.');
    case 'rhetorical-why': return vscode.l10n.t('A rhetorical question asserts instead of asking. Ask what you really want to know, or say your point plainly.');
    case 'dont-do-this': return vscode.l10n.t('A ban without a reason teaches the rule, not the why. Say what goes wrong with it and ask about the alternative.');
    case 'shouting': return vscode.l10n.t('Capitals and "!!!" read as shouting. The point comes across better in a calm sentence.');
    case 'sarcastic-praise': return vscode.l10n.t('Mocking praise hides the real point and stings. Say plainly what worries you, and ask about it.');
    case 'blunt-verdict': return vscode.l10n.t('A flat verdict ("broken", "makes no sense", "NAK") tells the author that something is wrong but not what. Say what you saw, and ask about it.');
    case 'curt-dismissal': return vscode.l10n.t('A curt no ends the conversation without saying why. Say what stands in the way, and what would make it work.');
    case 'disguised-order': return vscode.l10n.t('An order asked as a question ("can you not…?") sounds like a reproach. Ask for the change plainly, and say why.');
    case 'frustration': return vscode.l10n.t('Frustration, said as a verdict, puts the people reading on the defensive and hides what you need. Name the problem, what it costs you, and ask what would help.');
    case 'entitlement': return vscode.l10n.t('A demand tells the people doing the work what they owe you, which makes them less willing to help. Say what you need and why it matters to you, and ask what is possible.');
    case 'contempt': return vscode.l10n.t('This is about the person\'s care or worth, not the code, so there is no technical point to keep in a question. Say what you need from them, or leave it out.');
    case 'complaint-question': return vscode.l10n.t('A question that complains asserts instead of asking. Say what blocks you, and ask what you really want to know.');
    case 'fork-it': return vscode.l10n.t('Telling someone to go elsewhere ends the conversation. If the request will not be taken, say why, and what they can do.');
    case 'bare-command': return vscode.l10n.t('A bare command leaves out the why and the author\'s view. A question or a labelled suggestion keeps the decision shared.');
    case 'sucks': return vscode.l10n.t('"Sucks" is a verdict without a reason. Say what bothers you, or ask what led to it.');
    case 'hate': return vscode.l10n.t('Strong dislike reads as a verdict on the author\'s work. Name the concrete cost and ask about it.');
    case 'insult': return vscode.l10n.t('An insult attacks the person. Talk about the code and what you would change.');
    case 'profanity': return vscode.l10n.t('Swearing in a review reads as anger, even when aimed at yourself or the tools. Plain words carry the point.');
    case 'minimizer-just':
      if (word !== undefined) return vscode.l10n.t('"{0}" tells the author this should have been easy; if it was not for them, it stings. The advice works without it.', word);
      break;
    case 'minimizer-obviously':
      if (word !== undefined) return vscode.l10n.t('"{0}" implies the author should have known; what is obvious to you may not be to them.', word);
      break;
    case 'minimizer-easy':
      if (word !== undefined) return vscode.l10n.t('Calling it "{0}" belittles effort the author may have found hard, and makes asking for help harder.', word);
      break;
    case 'judgment-word':
      if (word !== undefined) return vscode.l10n.t('"{0}" is a verdict. A question about what the code does invites the author to explain, and often to find the issue themselves.', word);
      break;
    case 'team-word':
      if (word !== undefined) return vscode.l10n.t('"{0}" is on your team\'s list of judgment words. A question about the code keeps the conversation open.', word);
      break;
    case 'heated-tone': {
      const percent = /\((\d+) %/.exec(hint.message)?.[1];
      if (percent === undefined) break;
      return hint.message.includes('Asking about your proposal') // l10n-exempt: the core's English, matched
        ? vscode.l10n.t('This comment reads as heated ({0} % by a model trained on GitHub threads locked as too heated), most of all this sentence, though no single word says why. Asking about your proposal keeps the point and lowers the temperature.', percent)
        : vscode.l10n.t('This comment reads as heated ({0} % by a model trained on GitHub threads locked as too heated), most of all this sentence, though no single word says why. It makes no proposal to ask about, so say what the problem is for you, or leave the sentence out.', percent);
    }
  }
  return hint.message;
}

/** A category's name in the user's language (hovers). */
export function hintCategoryName(category: HintCategory): string {
  switch (category) {
    case 'judgment': return vscode.l10n.t('judgment words');
    case 'blame': return vscode.l10n.t('blame and absolutes about the person');
    case 'minimizer': return vscode.l10n.t('minimizers');
    case 'command': return vscode.l10n.t('bare commands');
    case 'disguised-question': return vscode.l10n.t('judgments disguised as questions');
    case 'sarcasm': return vscode.l10n.t('sarcasm');
    case 'profanity': return vscode.l10n.t('profanity and insults');
  }
  return category;
}

/** The quick fix's title for a rewrite, in the user's language (the core clips the text). */
export function hintRewriteTitle(original: string, rewrite: string): string {
  const english = rewriteTitle(original, rewrite);
  const text = /"(.*)"$/s.exec(english)?.[1];
  if (text === undefined) return english;
  return rewrite === '' ? vscode.l10n.t('Remove "{0}"', text) : vscode.l10n.t('Rewrite as: "{0}"', text);
}
