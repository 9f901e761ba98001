/**
 * Questions that keep the comment's technical point: the proposal a verdict comes with ("This is
 * wrong, just use a map." → "What do you think of using a map here?"), the action an obligation
 * asks for ("You should have added a test." → "Could we add a test for this?"), and the rhetorical
 * questions turned into real ones ("Since when do we commit generated files?" → "Have we decided to
 * commit generated files? I thought we didn't.").
 *
 * Works on one sentence at a time, with the verb forms of ./verbs; no parser. Where no faithful
 * question can be made the functions return undefined and the rule offers its label or softer
 * statement instead.
 */
import { baseOfParticiple, gerund, isProposalVerb, PROPOSAL_VERBS_SRC } from './verbs';

/** A proposal: a verb the comment asks for, and the rest of its clause ("use" + " a map"). */
export interface Proposal {
  verb: string;
  rest: string;
}

const V = `(${PROPOSAL_VERBS_SRC})`;

/**
 * Where a proposal starts: a sentence or clause start, "just"/"simply"/"instead", "you/we
 * should/could/can", "why not". The verb is captured, then the rest of the clause.
 */
const PROPOSAL_RE = new RegExp(
  String.raw`(?:^|[.!?]\s+|[,;:\u2014\u2013]\s*|\s-\s+|\b(?:just|simply|instead|rather)\s+|\b(?:you|we)\s+(?:should|could|can|might|may\s+want\s+to|need\s+to|have\s+to|must|ought\s+to)\s+(?:just\s+|simply\s+|probably\s+|really\s+)?|\bwhy\s+not\s+(?:just\s+|simply\s+)?|\b(?:better|please|pls|plz)\s+)(?:just\s+|simply\s+|please\s+)?${V}\b([^.!?;\n]*)`,
  'i',
);

const PROPOSAL_GLOBAL_RE = new RegExp(PROPOSAL_RE.source, 'gi');

/** A trailing "please", "instead", "here" or connector that the question supplies itself. */
const REST_TAIL_RE = /(?:[\s,]+(?:please|pls|plz|already|now|asap|then|lol|imo|imho|thanks|thx)\b)+\s*$/i;

/** A proposal in `sentence` (the last one, the usual place for the fix), or undefined. */
export function proposalIn(sentence: string): Proposal | undefined {
  let found: Proposal | undefined;
  const re = PROPOSAL_GLOBAL_RE;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
    const verb = (m[1] ?? '').toLowerCase();
    const rest = (m[2] ?? '').replace(REST_TAIL_RE, '').replace(/[\s,:)"'\u201d]+$/, '');
    // "use" with nothing after it is not a proposal we can ask about; nor a clause that is all pronoun.
    // "Do not merge this" forbids; it proposes nothing to ask about.
    if (isProposalVerb(verb) && /\p{L}/u.test(rest) && rest.trim().length >= 2 && !/^\s+not\b/i.test(rest)) found = { verb, rest };
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}

function upper(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** " here", unless the clause already says where. */
function here(rest: string): string {
  return /\b(?:here|there|instead|in\s+this\s+\w+|this|it|these|those|them)\s*$/i.test(rest) ? '' : ' here';
}

/** "What do you think of using a map here?" */
export function proposalQuestion(p: Proposal): string {
  return `What do you think of ${gerund(p.verb)}${p.rest}${here(p.rest)}?`;
}

/** "Could we use a map here?" */
export function proposalRequest(p: Proposal): string {
  return `Could we ${p.verb}${p.rest}${here(p.rest)}?`;
}

const OBLIGATION_PAST_RE =
  /\byou\s+(?:(?:really\s+)?(?:should|could|ought\s+to|were\s+supposed\s+to|needed\s+to|had\s+to)(?:\s+really)?\s+(?:have\s+)?|should['\u2019]ve\s+|shouldn['\u2019]?t\s+have\s+|should\s+not\s+have\s+)(?:at\s+least\s+|first\s+|just\s+|simply\s+|also\s+)?([\p{L}-]+)([^.!?;\n]*)/iu;

const OBLIGATION_NOW_RE =
  /\byou\s+(?:(?:really\s+)?(?:need|have|got)\s+to|must|gotta|(?:really\s+)?should|ought\s+to)\s+(?:really\s+|just\s+|simply\s+|also\s+|first\s+|at\s+least\s+)?(?:(not|stop)\s+)?([\p{L}-]+)([^.!?;\n]*)/iu;

/** The clause with the author's pronouns shared: "your test" → "the test". */
function shared(rest: string): string {
  return rest.replace(/\byour\b/gi, 'the').replace(/\byourself\b/gi, 'ourselves').replace(/\byou\b/gi, 'we');
}

/** " for this", when the object is a new thing ("a test") and nothing says what it is for. */
function forThis(rest: string): string {
  return /^\s+(?:a|an|some|more|any|tests?|docs?|documentation|comments?)\b/i.test(rest) && !/\b(?:this|it|here|for|to|that|these|those)\b/i.test(rest) ? ' for this' : '';
}

/**
 * A question for an obligation aimed at the author ("you should have added a test", "you need
 * to handle the error case"), or undefined when the verb is not one we know the forms of.
 */
export function obligationQuestion(sentence: string): string | undefined {
  return obligationRewrites(sentence)?.[0];
}

/** The question and the softer statement ("suggestion: let's add a test.") for an obligation. */
export function obligationRewrites(sentence: string): [string, string] | undefined {
  // "You're supposed to run X" asks the same as "you need to"; "you shouldn't be touching X", "you need to stop touching X"; "shoud" is "should".
  sentence = sentence
    .replace(/\byou(?:['\u2019]re|\s+are)\s+supposed\s+to\b/i, 'you need to')
    .replace(/\byou\s+were\s+(?:told|asked)\s+to\b/i, 'you need to')
    .replace(/\byou\s+shouldn['\u2019]?t\s+be\s+(?=\p{L}+ing\b)/iu, 'you need to stop ')
    .replace(/\byou\s+shoud\b/i, 'you should');
  const past = OBLIGATION_PAST_RE.exec(sentence);
  if (past) {
    const negative = /n['\u2019]?t\s+have|not\s+have/i.test(past[0]);
    const base = baseOfParticiple(past[1] ?? '') ?? (isProposalVerb(past[1] ?? '') ? (past[1] ?? '').toLowerCase() : undefined);
    if (base === undefined) return undefined;
    const rest = shared((past[2] ?? '').replace(REST_TAIL_RE, '').replace(/[\s,]*(?:again|first|before)?\s*$/i, (m) => (/again/i.test(m) ? '' : m)).replace(/[\s,:]+$/, ''));
    if (negative) return [`What led to ${gerund(base)}${rest}? Could we talk through it?`, `thought: I would have kept what ${gerund(base)}${rest} changes.`];
    return [`Could we ${base}${rest}${forThis(rest)}?`, `suggestion: let's ${base}${rest}${forThis(rest)}.`];
  }
  const now = OBLIGATION_NOW_RE.exec(sentence);
  if (now) {
    const word = (now[2] ?? '').toLowerCase();
    const rest = shared((now[3] ?? '').replace(REST_TAIL_RE, '').replace(/[\s,:]+$/, ''));
    if (now[1] !== undefined) {
      // "You need to stop adding globals" → "Could we avoid adding globals?"
      const doing = /ing$/.test(word) ? word : isProposalVerb(word) ? gerund(word) : word;
      return [`Could we avoid ${doing}${rest}?`, `suggestion: let's avoid ${doing}${rest}.`];
    }
    if (word === 'be' || word === 'know' || word === 'understand') return undefined;
    return [`Could we ${word}${rest}${forThis(rest)}?`, `suggestion: let's ${word}${rest}${forThis(rest)}.`];
  }
  return undefined;
}

/** Rhetorical questions and what they really ask, as [pattern, question from the captured rest]. */
const RHETORICAL: readonly [RegExp, (rest: string) => string][] = [
  [/\bsince\s+when\s+(?:do|does|did|are|is|can|should)\s+(?:we|you|people)\s+(.+)/i, (r) => `Have we decided to ${r}? I thought we didn't.`],
  [/\bare\s+we\s+really\s+(.+)/i, (r) => `Could you walk me through why we're ${r}?`],
  [/\bdo\s+(?:you|we)\s+really\s+(?:think|believe|expect)\s+(?:that\s+)?(.+)/i, (r) => `Could you walk me through why ${r}? I'm not sure yet.`],
  [/\bdo\s+we\s+really\s+need\s+(?:yet\s+)?(?:another\s+|more\s+)?(.+)/i, (r) => `Could we do without ${r}? What does it add?`],
  [/\bdo\s+you\s+really\s+(?:want|need)\s+to\s+(.+)/i, (r) => `What does it give us to ${r}?`],
  [/\b(?:don['\u2019]?t|do\s+not)\s+you\s+think\s+(?:that\s+)?(.+)/i, (r) => `Do you think ${r}?`],
  [/\bisn['\u2019]?t\s+it\s+(?:obvious|clear)\s+(?:that\s+)?(.+)/i, (r) => `Could you check whether ${r}? I think it might.`],
  [/\bwhat['\u2019]?s?\s+(?:is\s+)?the\s+point\s+(?:of|in)\s+(.+)/i, (r) => `What does ${r.replace(/^having\s+/i, '')} add here?`],
  [/\bwhy\s+(?:is|are)\s+(this|that|these|those|it)\s+even\s+(.+)/i, (r) => `What is ${r} for?`],
  [/\bwhat['\u2019]?s?\s+(?:is\s+)?the\s+point$/i, () => 'What does this add? I may be missing the use case.'],
  [/\bhave\s+you\s+(?:ever\s+)?heard\s+of\s+(.+)/i, (r) => `Have you considered ${r}?`],
  [/\b(?:can['\u2019]?t|couldn['\u2019]?t)\s+you\s+(?:just\s+|simply\s+)?(.+)/i, (r) => `Could we ${r}?`],
  [/\bwhy\s+(?:can['\u2019]?t|couldn['\u2019]?t|won['\u2019]?t|don['\u2019]?t)\s+you\s+(?:just\s+|simply\s+)?(.+)/i, (r) => `Could we ${r}?`],
  [/\bdid\s+you\s+(?:even\s+)?bother\s+to\s+(.+)/i, (r) => `Did you get a chance to ${r}?`],
  [/\bhow\s+is\s+(this|that|it)\s+supposed\s+to\s+(.+)/i, (r) => `Could you walk me through how ${r.replace(/^(this|that|it)\s+/i, '$1 should ')}?`],
  [/\bwho\s+(?:writes|would\s+write|wrote)\s+(?:code\s+|something\s+|stuff\s+)?like\s+(this|that)/i, () => 'What led to writing it like this?'],
  [/\bwhat\s+part\s+of\s+(.+?)\s+(?:was|is|wasn['\u2019]?t|isn['\u2019]?t)\s+(?:unclear|clear|hard|difficult)/i, (r) => `Could we go over ${r} again, to make sure we mean the same thing?`],
  [/\byou\s+call\s+this\s+an?\s+(.+)/i, (r) => `Could you walk me through how this ${r} covers the issue?`],
  // Complaints in question form (./heat `complaint-question`): what is asked for, asked.
  [/\bhow\s+(?:am|are|is)\s+(?:i|users?|people|anyone|anybody|someone|one)\s+(?:even\s+)?supposed\s+to\s+(.+)/i, (r) => `Could you help me see how to ${r}? I couldn't find a way.`],
  [/\bwhy\s+(?:do|does|should|must)\s+(?:i|anyone|anybody|users?|people)\s+(?:still\s+|even\s+|always\s+)?(?:have|need)\s+to\s+(.+)/i, (r) => `Could we avoid having to ${r}? What needs it?`],
  [/\bhaven['\u2019]?t\s+you\s+(?:ever\s+)?(seen|read|noticed|heard(?:\s+of)?|tried)\s+(.+)/i, (r) => `Have you had a chance to ${r.replace(/^(\w+)/, (v) => HAVE_SEEN[v.toLowerCase()] ?? v)}?`],
  [/\bwhy\s+(?:should|would)\s+(?:i|anyone|anybody)\s+(?:even\s+)?(bother|care|trust|use|believe|want)\s+(.+)/i, (r) => `What is the case for ${r.replace(/^(\w+)/, (v) => gerund(v))}? I'm not convinced yet.`],
  [/\bhow\s+(?:long|many\s+more\s+\w+)\s+(?:must|do|will|should|are|have)\s+(?:we|i|users|people|you)\s+(?:going\s+to\s+|supposed\s+to\s+|have\s+to\s+)?wait\s+for\s+(.+)/i, (r) => `Is there a plan for ${r}? What would help it along?`],
  [/\bwhat['\u2019]?s?\s+(?:is\s+)?so\s+(?:hard|difficult|complicated)\s+about\s+(.+)/i, (r) => `What makes ${r} hard? I may be missing a constraint.`],
  [/\bwhy\s+is\s+(?:it|this|that)\s+such\s+a\s+(?:big\s+)?(?:deal|problem|hassle|struggle)\s+(?:for\s+\w+(?:\s+guys)?\s+)?to\s+(.+)/i, (r) => `What makes it hard to ${r}? I may be missing a constraint.`],
  [/\bso\s+you\s+(?:didn['\u2019]?t|don['\u2019]?t|did\s+not|do\s+not)\s+even\s+(.+)/i, (r) => `Did you get a chance to ${r}?`],
];

/** "Haven't you seen X" asks "have you had a chance to see X". */
const HAVE_SEEN: Readonly<Record<string, string>> = { seen: 'see', read: 'read', noticed: 'notice', heard: 'hear', tried: 'try' };

/** A real question for a rhetorical one, or undefined when we cannot say what it asks. */
export function rhetoricalQuestion(sentence: string): string | undefined {
  const s = sentence.replace(/[\s?!.\u2026]+$/, '');
  for (const [re, make] of RHETORICAL) {
    const m = re.exec(s);
    if (m === null) continue;
    const rest = (m.length > 2 ? `${m[1]} ${m[2]}` : m[1] ?? '').trim();
    if (m[1] !== undefined && rest.length === 0) continue;
    return upper(make(shared(rest).replace(/[\s,]+$/, '')));
  }
  // "Is this even needed?" asks the same without "even", once the doubt is said as the writer's own.
  const even = /\b(is|are|does|do|did|was|were|will|would|can|could)\s+(this|it|that|these|those|we)\s+even\s+(.+)/i.exec(s);
  if (even) return upper(`${even[1]!.toLowerCase()} ${even[2]!.toLowerCase()} ${shared(even[3]!)}? I couldn't tell from the code.`);
  return undefined;
}
