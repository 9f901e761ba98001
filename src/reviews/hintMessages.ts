/**
 * The hint engine's words in the user's language. The engine (src/core/hints) stays English: its
 * rules recognise English comments and its messages are English. What a user reads in a comment
 * box, the Problems panel or a hover is looked up here by rule id and category: a known rule's
 * message through `vscode.l10n.t` (with the quoted word or the model's figure taken from the
 * core's message), an unknown one (a rule added to the core but not here yet) as the core's English.
 * The same for each rule's description (`hintRuleDescription`, the hover) and the titles of rewrites.
 * test/unit/tools/l10n.test.ts keeps every rule id and category of src/core/hints/ids.ts named here,
 * and every rule's description of the core a key of the bundle.
 */
import * as vscode from 'vscode';
import { rewriteTitle } from '../core/hints/commentText';
import type { Hint, HintCategory, HintRuleInfo } from '../core/hints/index';

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
        : vscode.l10n.t('This comment reads as heated ({0} % by a model trained on GitHub threads locked as too heated), most of all this sentence, though no single word says why. It makes no proposal to ask about, so no question would keep your point without putting words in your mouth: the rewrite offers the same words as your own view, calmer (labelled "thought:"), or leave the sentence out.', percent);
    }
  }
  return hint.message;
}

/**
 * What a rule looks for, in the user's language (the hover over a hint): the core's English
 * description through `vscode.l10n.t`, its examples kept in English (the rules recognise English
 * only); a rule not known here shows the core's English.
 */
export function hintRuleDescription(rule: Pick<HintRuleInfo, 'id' | 'description'>): string {
  switch (rule.id) {
    case 'why-would-you': return vscode.l10n.t('"Why would you…?", "Why on earth…?": a verdict phrased as a question.');
    case 'did-you-even': return vscode.l10n.t('"Did you even test this?": doubts the person, not the code.');
    case 'rhetorical-question': return vscode.l10n.t('"What were you thinking?", "Are you kidding?", "Who wrote this?", "How hard is it to…?".');
    case 'seriously': return vscode.l10n.t('"Seriously?", "Really?!": disbelief aimed at the author.');
    case 'sarcasm': return vscode.l10n.t('"Great, another…", "Nice job breaking…", "Thanks for nothing": praise words used to criticise.');
    case 'you-always': return vscode.l10n.t('"You always…", "you never…": absolutes about the person.');
    case 'why-didnt-you': return vscode.l10n.t('"Why didn\'t you…?": asks for a justification of a failure.');
    case 'your-fault': return vscode.l10n.t('"Your fault", "you broke…", "shame on you": blame on the person.');
    case 'you-dont-understand': return vscode.l10n.t('"You clearly don\'t understand…", "you have no idea": judges the person\'s ability.');
    case 'you-should-have': return vscode.l10n.t('"You should have…", "you were supposed to…": obligation aimed at the author, after the fact.');
    case 'you-need-to': return vscode.l10n.t('"You need to…", "you must…", "you have to…": an order aimed at the author.');
    case 'pile-on': return vscode.l10n.t('"Everybody knows…", "for the hundredth time", "as I said before", "nowhere near": absolutes and pile-ons.');
    case 'impatience': return vscode.l10n.t('Impatience and threats: "still not fixed", "waste of my time", "I\'m reverting your changes", "I\'m tired of…".');
    case 'personal-attack': return vscode.l10n.t('"You\'re being lazy", "only an idiot would…", "who hired you?", "are you even a programmer?": attacks on the person.');
    case 'rhetorical-why': return vscode.l10n.t('"Since when do we…?", "Are we really doing this?", "Can\'t you just…?", "What is the point of…?": questions that assert.');
    case 'dont-do-this': return vscode.l10n.t('"Don\'t do this.", "Never do this again.": a ban without a reason.');
    case 'blunt-verdict': return vscode.l10n.t('Blunt verdicts with no judgment word: "This is broken.", "This makes no sense.", "I don\'t see the point of this patch.", "That\'s not how this works.", "This doesn\'t even compile.", a bare "NAK".');
    case 'curt-dismissal': return vscode.l10n.t('Curt dismissals: a comment that is only "No." or "Nope.", "Not going to happen.", "Absolutely not.", "Nope, not doing this.", "I\'m not going to apply this.", "Read the docs.".');
    case 'disguised-order': return vscode.l10n.t('Orders asked as questions: "Can you not hardcode the path?", "Can you stop adding print statements?", "Would you stop reformatting unrelated files?".');
    case 'shouting': return vscode.l10n.t('Shouting: words in capitals ("THIS IS WRONG", "NOT how we do it") and runs of "!!!" or "?!".');
    case 'sarcastic-praise': return vscode.l10n.t('"Sure, because that worked so well", "yeah, right", "good luck maintaining this", "/s": mocking praise.');
    case 'frustration': return vscode.l10n.t('Bitter frustration: "I\'m fed up with…", "this is infuriating", "still broken after two years", "this is beyond me", "I give up".');
    case 'entitlement': return vscode.l10n.t('Entitlement: "I demand…", "we pay for this", "it\'s your job", "I need you to…", "this should have been fixed long ago".');
    case 'contempt': return vscode.l10n.t('Contempt for the person\'s care or effort: "you clearly don\'t care", "you didn\'t even bother", "get off your high horse", "comments like yours".');
    case 'complaint-question': return vscode.l10n.t('Questions that complain: "How am I supposed to…?", "Is that too much to ask?", "Why do I have to…?", "Why is this such a big deal?", "Haven\'t you read…?".');
    case 'fork-it': return vscode.l10n.t('Dismissal as advice: "then fork it", "if you don\'t like it, …", "do it yourself", "go use something else".');
    case 'bare-command': return vscode.l10n.t('"Fix this.", "Change this.", "Remove this." at the start of a sentence, without a label or a reason.');
    case 'minimizer-just': return vscode.l10n.t('"Just…", "simply…" in advice: tells the author it should have been easy.');
    case 'minimizer-obviously': return vscode.l10n.t('"Obviously", "of course", "as everyone knows": implies the author missed something plain.');
    case 'minimizer-easy': return vscode.l10n.t('"It\'s easy", "trivial", "a no-brainer": belittles effort the author may have found hard.');
    case 'sucks': return vscode.l10n.t('"This sucks": a verdict without a reason.');
    case 'hate': return vscode.l10n.t('"I hate…": strong dislike as a verdict.');
    case 'judgment-word': return vscode.l10n.t('Judgment words ("wrong", "bad", "ugly", "useless", "mess", "stupid", "garbage"…).');
    case 'insult': return vscode.l10n.t('Insults ("idiot", "moron", "clown"…).');
    case 'profanity': return vscode.l10n.t('Profanity and swearing, including masked spellings (f*ck, sh!t) and abbreviations (wtf).');
    case 'team-word': return vscode.l10n.t('The team\'s own judgment words (`hints.extraJudgmentWords`).');
    case 'heated-tone': return vscode.l10n.t('A comment that reads as heated with no single cue word (a small model trained on GitHub issue threads locked as too heated, Ehsani et al. 2024); in long comments it also decides whether the other hints stand.');
  }
  return rule.description;
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
