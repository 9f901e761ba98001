/**
 * Who a judgment word is aimed at: the writer themselves ("I'm an idiot", "my bad"), their own
 * proposal ("would it be silly to…?"), or the author and their work (`aimedAtAuthor`: not a
 * tool, a bug, hardware, a named third party or a hypothetical someone). Used by the word rules
 * of ./rules.ts; the clause-level cues (negation, other targets) are ./context.ts.
 */
import { APOS, isQuestion, sentenceOf, type MatchContext } from './ruleKit';
import { clauseBefore, negated, otherTarget, writerOwnsIt } from './context';

/** "Useless", "pointless" and their kin: a verdict, or a note like "unused" about a line of code. */
export const NEEDLESS = /^(?:useless|pointless|worthless|needless|unneeded|meaningless)/;

const SELF_BEFORE_RE = new RegExp(
  String.raw`\b(?:i\s*(?:${APOS}m|am|was|must\s+be|feel|felt|may\s+be|might\s+be|may\s+sound(?:\s+like)?|sound(?:\s+like)?|have\s+been|${APOS}ve\s+been|look|looked|seem|seemed|${APOS}m\s+such|am\s+such|did|made|wrote|said|say|told|asked|picked|chose|(?:must|may|might)\s+have\s+(?:done|made|written)|${APOS}ve\s+done|have\s+done|(?:may|might|must|could)\s+(?:still\s+|just\s+)?be\s+being)|am\s+i|im|me\s+being|call\s+me|like\s+me|my|myself|me\s+for\s+being)((?:\s+\S+){0,4})\s*$`,
  'iu',
);
const SELF_AFTER_RE = /^\s*(?:[^.!?\n]{0,30}\b(?:on|in)\s+my\s+part\b|[^.!?,;\n]{0,20}\b(?:of|from)\s+me\b|me\b|,?\s*(?:people\s+)?like\s+me\b|[-\s]*(?:(?:spelling|copy[-/ ]?paste\w*|c&p|copy\s+(?:and|&)\s+past\w*)\s+)?(?:mistakes?|misstakes?|typos?|errors?|oversights?|slips?|copy[-/ ]?paste\w*|c&p|copy\s+(?:and|&)\s+past\w*|brain\s*farts?)\b)/i;

/**
 * The writer's own slip, said with a groan at the start of the sentence: "Oops, that was dumb.",
 * "Doh, silly docstrings." (not with a "you" in the sentence: "Oops, that was dumb of you").
 */
const OOPS_BEFORE_RE = /^\W*(?:oops|whoops|woops|oups|opps|doh|d['\u2019]oh)\b[\s,.!:;)-]*(?:(?:that|this|it)(?:['\u2019]s|\s+was|\s+is)?\s+(?:\w+\s+)?)?$/i;
/** "Sorry for being stupid.", "sorry to nitpick silly things": the writer apologising for their own words (not "Sorry, but this is wrong"). */
const SORRY_CLAUSE_RE = /^\s*(?:so\s+)?sorry\s+(?:for|to|about)?\s*(?:(?:being|my|me|the|a|such\s+an?|this)\s+)?(?:[\w-]+\s+)?$/i;
/** "Feeling very dumb now.": a feeling whose subject, the writer, is left out. */
const FEELING_CLAUSE_RE = /^\s*(?:feeling|feel|felt)\s+(?:(?:so|very|really|a\s+bit|a\s+little|kind\s+of|pretty|quite)\s+)?$/i;

/** Before the word: nothing but a sentence start, "a", "another", "my", "probably a" — no "this", "your", "the". */
const OWN_REMARK_BEFORE_RE = /(?:^|^\s*(?:probably|maybe|perhaps|just)?\s*(?:an?|another|my|one)\s+|\bnit-?|(?:probably|maybe|perhaps|just|(?:it|this)\s+is\s+(?:probably\s+)?an?)\s+|^\W*)$/i;
const OWN_REMARK_AFTER_RE = /^(?:\s+and\s+\w+)?[-\s]+(?:(?:editorial|style|naming|wording|spelling|formatting)\s+)?(?:questions?|comments?|nits?|nitpicks?|opinions?|remarks?|thoughts?|suggestions?|requests?)\b(?!\s+(?:is|are|was|in|on|here|above|below|says?))/i;

/**
 * Before a word on the writer's own idea: a hedge ("maybe a", "just a", "might be a pretty"), or the
 * sentence start when a "but" follows the idea ("Dumb idea - but maybe we can…"; a bare "Dumb idea."
 * answers the other person's).
 */
const HEDGED_IDEA_BEFORE_RE = /(?:^\W*|\b(?:maybe|perhaps|probably|possibly|just|might\s+be|may\s+be|could\s+be)\s+)(?:an?\s+)?(?:(?:pretty|bit|little|very|really|rather)\s+)?$/i;
const HEDGED_IDEA_AFTER_RE = /^[-\s]+(?:ideas?|guess(?:es)?|tweaks?|thoughts?)\b(?!\s+(?:is|was|of\s+yours|you))/i;

/** A sentence that opens on a modal hedge before the word: "Might be ", "This may sound pedantic and ". */
const HEDGE_OPENING_RE = /^\W*(?:(?:this|it|that)\s+)?(?:might|may|could)\s+(?:be|sound|seem|look)\s+(?:(?:a\s+bit|a\s+little|kind\s+of)\s+)?(?:[\w-]+\s+and\s+)?$/i;

/**
 * The writer judging themselves ("I'm an idiot", "silly me", "my stupid mistake"): not a judgment
 * of the other person, so no hint.
 */
export function selfDirected(ctx: MatchContext): boolean {
  if (groanAtSelf(ctx)) return true;
  if (SELF_AFTER_RE.test(ctx.masked.slice(ctx.end, ctx.end + 30))) return true;
  const s = sentenceOf(ctx);
  // The sentence up to the word, and whether the sentence speaks to someone (several checks below ask).
  const before = ctx.masked.slice(s.start, ctx.start);
  const youInSentence = /\byou/i.test(ctx.masked.slice(s.start, s.end));
  // "Probably dumb C question:", "sorry if the question is stupid": about one's own question.
  if (/\bquestions?\b/i.test(ctx.masked.slice(Math.max(s.start, ctx.start - 25), Math.min(s.end, ctx.end + 25)))) return true;
  // "Silly comment, but…", "a dumb and pointless opinion": the writer's own remark, not the author's work.
  if (OWN_REMARK_BEFORE_RE.test(ctx.masked.slice(Math.max(s.start, ctx.start - 12), ctx.start)) && OWN_REMARK_AFTER_RE.test(ctx.masked.slice(ctx.end, ctx.end + 40))) return true;
  // "Just a stupid idea, I'm not sure it works", "might be a dumb guess": the writer hedging their own idea.
  if (hedgedOwnIdea(ctx, before)) return true;
  // "I (wrongly) assumed", "I stupidly thought": an adverb on the writer's own act.
  if (/ly$/.test(ctx.word) && /\b(?:i|we)\s+\(?$/i.test(ctx.masked.slice(Math.max(s.start, ctx.start - 6), ctx.start))) return true;
  // "Might be silly, can this use LDAP?", "This might seem pedantic and stupid but do we really want…?":
  // the writer hedging their own question, with no "you" in it.
  if (HEDGE_OPENING_RE.test(before) && isQuestion(ctx) && !youInSentence) return true;
  // "me dumb like rock", "it's either me dumb or…": the writer, named right before the word.
  if (/(?:^|[\s(,])me\s+(?:so\s+|too\s+|very\s+)?$/i.test(ctx.masked.slice(Math.max(s.start, ctx.start - 12), ctx.start))) return true;
  if (!youInSentence) {
    if (OOPS_BEFORE_RE.test(before)) return true;
    const clause = clauseBefore(ctx.masked, s.start, ctx.start);
    if (SORRY_CLAUSE_RE.test(clause) || FEELING_CLAUSE_RE.test(clause)) return true;
  }
  const m = SELF_BEFORE_RE.exec(ctx.masked.slice(Math.max(s.start, ctx.start - 80), ctx.start));
  return m !== null && !/\b(?:is|are|was|were|looks?|seems?|this|that|these|those|it|code|you|your|they|he|she)\b/i.test(m[1] ?? '');
}

/**
 * "Just a stupid idea, I'm not sure it works", "might be a dumb guess": an idea word after the
 * match, a hedge before it (or, at the sentence start, a "but" after the idea), no "you" before it.
 */
function hedgedOwnIdea(ctx: MatchContext, before: string): boolean {
  if (!HEDGED_IDEA_AFTER_RE.test(ctx.masked.slice(ctx.end, ctx.end + 20)) || !HEDGED_IDEA_BEFORE_RE.test(before)) return false;
  const atStart = /^\W*$/.test(before);
  if (atStart && !/^[-\s]+\w+\s*[-,:;\u2014]+\s*but\b/i.test(ctx.masked.slice(ctx.end, ctx.end + 30))) return false;
  return !/\byou/i.test(before);
}

/** The rest of a sentence that blames the writer: "I'm an idiot", "stupid mistake on my part", "I should have…". */
const SELF_BLAME_RE = /\b(?:i['\u2019]?m\s+(?:such\s+)?an?\s+(?:idiot|moron|fool|dummy)|i\s+am\s+(?:such\s+)?an?\s+(?:idiot|moron|fool|dummy)|(?:on|in)\s+my\s+part|my\s+(?:bad|mistake|fault|error)|(?:stupid|silly|dumb)\s+(?:c&p\s+|copy[-\s]?paste\s+)?(?:mistake|typo|error)|i\s+(?:really\s+)?should\s+(?:have|get|know))\b/i;

/**
 * A groan ("Argh, I'm an idiot.", "ugh - yea that's a stupid c&p mistake") whose sentence blames
 * the writer, with no "you" in it: the writer's own slip, not a reaction to the other person's work.
 */
export function groanAtSelf(ctx: MatchContext): boolean {
  if (!/^(?:a+r+g+h+|u+g+h+|e+r+g+h+)$/.test(ctx.word)) return false;
  const s = sentenceOf(ctx);
  const rest = ctx.masked.slice(ctx.end, s.end);
  return SELF_BLAME_RE.test(rest) && !/\byou/i.test(rest);
}

/** "Would it be silly to…?", "Is it bad if we…?": asking about one's own idea. */
export function ownProposal(ctx: MatchContext): boolean {
  const s = sentenceOf(ctx);
  const before = ctx.masked.slice(s.start, ctx.start);
  return /^(?:would|will|is|isn't|wouldn't|could)\s+(?:it|that|this)\s+(?:be\s+)?(?:\w+\s+)?$/i.test(before) && isQuestion(ctx);
}


/**
 * The verdict is not taken back ("not too horrible") and is about the author or their work, not a
 * tool, a bug, hardware or the writer (./context).
 */
export function aimedAtAuthor(ctx: MatchContext): boolean {
  const s = sentenceOf(ctx);
  const clause = clauseBefore(ctx.masked, s.start, ctx.start);
  if (negated(clause) || otherTarget(clause) || writerOwnsIt(clause)) return false;
  // "Correct me if that's wrong", "unless I'm wrong": the writer doubting themselves.
  if (/\b(?:correct\s+me\s+if|unless\s+i|if\s+i['\u2019]?m\s+not|i\s+might\s+be|i\s+may\s+be|i\s+could\s+be)\b/i.test(ctx.masked.slice(s.start, ctx.start))) return false;
  // "that sounds even more wrong - or am I missing the big picture?": the writer doubting their own reading.
  if (/^[^.!?\n]{0,60}\b(?:or\s+am\s+i\s+missing|unless\s+i['\u2019]?m\s+missing|what\s+am\s+i\s+missing)\b/i.test(ctx.masked.slice(ctx.end, s.end))) return false;
  // "will come out wrong", "gets even more nasty", "made worse by": an outcome, not a verdict on anyone.
  if (/\b(?:comes?|came|coming|turns?|turned|turning|ends?|ended|ending)\s+(?:out|up)\s+(?:\w+\s+)?$|\b(?:gets?|getting|got|becomes?|became|made|makes|making)\s+(?:even\s+|much\s+|far\s+|a\s+lot\s+)?(?:more\s+)?$/i.test(clause)) return false;
  // "To me it came across as careless": how it read to the writer, said as theirs.
  if (/\b(?:came|comes|come|coming)\s+across\s+(?:as\s+)?$/i.test(clause)) return false;
  // "my two examples were both wrong", "our legacy mess": the writer's own, or history nobody here wrote.
  if (/^\s*(?:\w+\s+)?(?:my|our)\b/i.test(clause) || /\b(?:legacy|ancient|historic(?:al)?|inherited)\b[^,;]{0,30}$/i.test(clause)) return false;
  // "two sources that say colour is bad", "the notion that black is bad": someone else's claim, reported.
  if (REPORTED_RE.test(clause) && !/\byou/i.test(clause)) return false;
  // "so yeah, in that case my comment above is wrong": the writer's own as the subject, further in.
  if (MY_SUBJECT_RE.test(clause) && !/\byour?\b/i.test(clause)) return false;
  // "Even worse, the file never existed.", "the worst case": how bad an outcome is, not a verdict.
  if (/^wors/.test(ctx.word) && (WORSE_ADVERB_RE.test(clause) && /^\s*[,:;\u2014]/.test(ctx.masked.slice(ctx.end, ctx.end + 3)) || /^[\s-]+case\b/i.test(ctx.masked.slice(ctx.end, ctx.end + 8)))) return false;
  // "it is useless now", "these are useless anymore": no longer needed, said of what changed, not a verdict.
  if (NEEDLESS.test(ctx.word) && /^\s+(?:now|anymore|any\s+more|nowadays|these\s+days)\b/i.test(ctx.masked.slice(ctx.end, ctx.end + 12)) && !/\b(?:completely|totally|utterly|absolutely|entirely|so|just|plain)\s+$/i.test(clause)) return false;
  // "It was a bad decision I made", "code is a mess because I'm moving things": the writer's own doing.
  if (WRITER_AFTER_RE.test(ctx.masked.slice(ctx.end, Math.min(s.end, ctx.end + 60)))) return false;
  // "NPM reversed that decision, which is wrong", "Conda is hated by many": a named party as the sentence's subject.
  if (namedSubject(ctx, s.start)) return false;
  // "Stupid gerrit lost my comment", "silly tool", "stupid rebase merge conflicts": the word is on a tool.
  if (TOOL_AFTER_RE.test(ctx.masked.slice(ctx.end, ctx.end + 40))) return false;
  // "In case someone is dumb enough to…", "if somebody does something silly": a hypothetical person.
  if (/\b(?:someone|somebody)\b/i.test(clause) && !/\byou/i.test(clause)) return false;
  // "I find it annoying having to…": the writer's feeling about a chore.
  if (/^\s+having\s+to\b/i.test(ctx.masked.slice(ctx.end, ctx.end + 12))) return false;
  // "useless", "pointless" about a line or an identifier is a note like "unused": "L188-189 are useless".
  if (NEEDLESS.test(ctx.word) && CODE_SUBJECT_RE.test(clause) && !/\byour?\b/i.test(clause) && !/\b(?:completely|totally|utterly|absolutely|entirely|so|just|plain)\s+$/i.test(clause)) return false;
  return true;
}

/** A claim reported from someone else (not "I said", not "you said"): "sources that say X is", "the notion that X is". */
const REPORTED_RE = /\b(?:(?:that|who|which|people|sources?|they|he|she|others|many|some|users)\s+(?:say|says|said|claim|claims|claimed)(?:\s+that)?|(?:notion|claim|belief|myth)\s+that)\s+(?:[\w'-]+\s+){0,3}(?:is|are|was|were)\s+(?:\w+\s+)?$/i;

/** "my comment above is", "our two examples were both": the writer's own thing as the clause's subject. */
const MY_SUBJECT_RE = /\b(?:my|our)\s+(?:[\w'-]+\s+){0,3}(?:is|are|was|were|seems?|seemed|looks?|looked)\s+(?:\w+\s+){0,3}$/i;

/** "Worse,", "or, even worse,", "much worse:" opening a clause: a sentence adverb weighing an outcome. */
const WORSE_ADVERB_RE = /^\s*(?:(?:and|or|but|what\s+is|what['\u2019]s)\s+)?(?:(?:even|much|far|still)\s+)?$/i;

const WRITER_AFTER_RE = /^[^.!?;\n]{0,40}?\b(?:(?:that\s+|which\s+)?(?:i|we)\s+(?:made|wrote|did|picked|chose|introduced|added|created|took)\b|(?:i|we)(?:['\u2019]m|\s+am|\s+was|\s+were|\s+are|['\u2019]re)\s+doing\b|because\s+(?:i|we)(?:['\u2019]m|\s+am|\s+was|\s+were|['\u2019]ve|\s+have|\s+had)\b)/i;

/** Acronyms that name the author's own work or are not names at all. */
const NOT_A_NAME = new Set(['PR', 'PRS', 'CL', 'CLS', 'API', 'APIS', 'UI', 'UX', 'CSS', 'HTML', 'JS', 'TS', 'IMO', 'IMHO', 'TBH', 'LGTM', 'OK', 'TODO', 'FIXME', 'FWIW', 'IIRC', 'AFAIK', 'BTW', 'PS', 'README', 'FAQ', 'NB', 'IMPORTANT', 'NOTE', 'THIS', 'IT', 'A']);

/**
 * The sentence's subject is a named party: an acronym ("NPM", "PBR") or a capitalised word
 * that the comment also writes capitalised mid-sentence ("Conda … with Conda").
 * Only when nothing in the sentence before the word points at the author.
 */
function namedSubject(ctx: MatchContext, sentenceStart: number): boolean {
  const before = ctx.masked.slice(sentenceStart, ctx.start);
  const m = /^(?:(?:in|with|for|on|from|after|since)\s+[^,]{1,40},\s*)?(?:[Tt]he\s+)?([A-Za-z][\w.+-]*)(?:['\u2019]s)?\s/.exec(before);
  if (!m) return false;
  const name = m[1]!;
  if (/\b(?:you|your|you['\u2019](?:re|ve|ll|d)|this|these|that\s+(?:patch|change|code))\b/i.test(before)) return false;
  if (/^[A-Z]{2,}[A-Za-z0-9]*$/.test(name)) return !NOT_A_NAME.has(name.toUpperCase());
  if (!/^[A-Z][a-z]{2,}$/.test(name)) return false;
  // A capitalised first word is a name when the comment capitalises it elsewhere, not at a sentence start.
  return writtenMidSentence(ctx.masked, name);
}

/** What may stand before the blanks before a name written mid-sentence (the last code point of a slice). */
const BEFORE_NAME_RE = /[\p{L}\p{N},;:]$/u;

/**
 * Whether `text` has `name` (`[A-Z][a-z]{2,}`) after a letter, digit, `,`, `;` or `:` and blanks,
 * and before no word character: `/[\p{L}\p{N},;:][ \t]+NAME\b/u`, found without compiling a
 * regex per name (it was a twentieth of a CLI run's CPU).
 */
function writtenMidSentence(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const next = text.charCodeAt(at + name.length);
    // `\b` after a letter, in `u` mode without `i`: no ASCII letter, digit or `_` follows.
    if ((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95) continue;
    let j = at;
    while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
    if (j === at || j === 0) continue;
    // Two code units: the whole of a letter beyond the BMP.
    if (BEFORE_NAME_RE.test(text.slice(Math.max(0, j - 2), j))) return true;
  }
  return false;
}

/** A tool or a process named right after the judgment word (one word may sit between: "stupid broken git"). */
const TOOL_AFTER_RE =
  /^[\s-]+(?:[\w-]+\s+)?(?:gerrit|git|github|gitlab|rebases?|rebasing|merge\s+conflicts?|spell[\s-]*check(?:er|ing)?|tools?|tooling|bots?|linters?|compilers?|ci|jenkins|zuul|ide|editors?|vim|emacs|browsers?|windows|firmware|hardware|gcc|clang|msvc|upstream|vendors?|autocorrect|auto-?complete|keyboard|phone|laptop|network|wifi|vpn|proxy|timezones?)\b/i;

/** A clause whose subject is a piece of code: lines, identifiers, statements, imports. */
const CODE_SUBJECT_RE =
  /(?:[()[\]{}]{1,2}\s|\b(?:mocks?|tracebacks?|urls?|pass|exceptions?|exception\s+wrapping|lines?|l\d+|imports?|includes?|variables?|vars?|fields?|params?|parameters?|arguments?|args?|assignments?|casts?|statements?|calls?|headers?|flags?|options?|returns?|checks?|conditions?|branch(?:es)?|loops?|casts?|declarations?|decls?|initiali[sz]ations?|inits?|defaults?|overrides?|methods?|properties|property|attributes?|members?|locks?|mutex(?:es)?|semicolons?|parens|parentheses|brackets|braces|spaces?|newlines?|keywords?|modifiers?|annotations?|decorators?|typedefs?|macros?|ifdefs?|asserts?|dchecks?|logs?|logging|prints?|print\s+statements?|copy|copies|conversions?|wrappers?|tags?|blocks?)\b|[\w$]+[_.(][\w$.()]*|\b[a-z]+[A-Z]\w*|\d+\s*-\s*\d+)[^,;]*$/;
