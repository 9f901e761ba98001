/**
 * The hint rules. Each has the words a match can start with (its triggers), a pattern tried only
 * where one of them starts, an optional context check, a range, a message and rewrites.
 *
 * Patterns are written against the masked text (code, quotes and URLs blanked out) and compiled
 * once, sticky, with the `i`, `u` and `m` flags. Word families are spelled out with their
 * inflections so that the engine never needs a stemmer at run time. Where a lookbehind guards a
 * word, a lookahead for the word comes first (`(?=wrong)(?<!…)`) so that a miss costs one compare.
 */
import type { HintCategory } from './types';
import { commandRewrites, type JudgmentKind } from './rewrite';
import {
  APOS, B, deletable, deletionRewrite, E, isQuestion, judgmentRange, quoteWord, sentenceJudgment, sentenceOf, SS, w, withVariants,
  type RuleDef,
} from './ruleKit';
import { CUE_RULES } from './cues';
import { HEAT_RULES } from './heat';
import { aimedAtAuthor, groanAtSelf, NEEDLESS, ownProposal, selfDirected } from './aim';
import { teamMatcher } from './teamWords';

export type { MatchContext, RuleDef } from './ruleKit';

// ---------------------------------------------------------------------------------------------
// Judgment words.

const CORRECTNESS = /^(?:wrong|wrongly|bogus|nonsense|nonsensical|non-?sense|broken)$/;
const CONDUCT = /^(?:rude(?:ly|ness)?|arrogan(?:t|tly|ce)|hostile|hypocritical|hypocrisy|hypocrites?|ignorant|dishonest|disingenuous|patroni[sz]ing|smug|petty|obnoxious|pretentious|dismissive|elitist|childish|passive-?aggressive|condescending|disrespectful|spiteful|toxic|unprofessional|rude|arrogant|lazy|careless(?:ly)?|incompetent|clueless)$/;

export function kindOf(word: string): JudgmentKind {
  if (CONDUCT.test(word)) return 'conduct';
  if (CORRECTNESS.test(word)) return 'correctness';
  if (NEEDLESS.test(word)) return 'needless';
  return 'quality';
}

/** Judgment adjectives and nouns; technical uses are excluded next to each family. */
const JUDGMENT_WORDS = [
  // "wrong", but not "I was wrong", "what's wrong with", "if something goes wrong".
  String.raw`(?=wrong)(?<!\b(?:i|i${APOS}m|i\s+am|i\s+was|i\s+might\s+be|i\s+may\s+be|i\s+could\s+be|me|my|what${APOS}s|whats|what\s+is|what\s+was|what\s+could\s+go|anything|something|nothing|is\s+there\s+anything|go|goes|went|going|gone|get|gets|got|getting|be\s+wrong\s+or|there${APOS}s|might\s+be|may\s+be|could\s+be|the|a|in\s+the)\s+)wrong(?:ly)?(?!\s+(?:with|about|here\?)|[\s-]+(?:indent\w*|indention|formatting|alignment|spacing|continuation|results?|info|information|data|values?|outputs?|answers?|conclusions?|behaviou?rs?|types?|versions?|encodings?|ids?|decisions?|paths?|order|offsets?|sizes?|numbers?|keys?)(?![\p{L}\p{N}_]))`,
  // After the "wrong" above, which leaves out "the wrong …", so it is tried only there. "This is the wrong approach": the work as a whole judged (not "the wrong password path").
  String.raw`(?=wrong)(?<=\b(?:is|was|seems|looks\s+like)\s+(?:the|a|an|just\s+the|simply\s+the|totally\s+the|completely\s+the)\s+)wrong\s+(?:approach|direction|design|abstraction|solution|idea|way\s+to\s+(?:do|go\s+about|fix|solve)\s+(?:this|it|that))(?![\p{L}\p{N}_])`,
  // "bad", but not "my bad", "not bad", "too bad", "bad request" and other technical nouns.
  String.raw`(?=bad|wors)(?<!\bbetter\s+or\s+)(?<!\b(?:my|not|not\s+that|not\s+too|not\s+so|too|that${APOS}s\s+too)\s+)(?:bad|worse|worst)(?![\s_-]+(?:request|requests|input|inputs|data|value|values|state|file|files|sector|sectors|block|blocks|status|gateway|arg|args|argument|arguments|param|params|parameter|parameters|format|response|config|configuration|character|characters|char|chars|address|pointer|header|headers|token|alloc|allocation|cast|magic|id|ids|uuid|type|length|size|checksum|signature|fd|descriptor|pixel|pixels|cert|certificate|record|records|entry|entries|flag|flags|option|options|name|names|url|urls|path|paths|key|keys|mode|message|messages|packet|packets|frame|frames|reply|case|cases|things\s+happen|merge|rebase|luck|news|experience|performance|shape|indent\w*|indention|formatting|alignment|spacing|continuation|whitespace|guys?|actors?)(?![\p{L}\p{N}_]))`,
  String.raw`terribl[ey]|horribl[ey]|horrid|horrendous(?:ly)?|horrific|awful|atrocious(?:ly)?|abysmal|dreadful`,
  String.raw`ugl(?:y|ier|iest|iness|ies)(?![\s-]+urls\b)|hideous(?:ly)?|gross|disgusting(?:ly)?|nasty|yucky|e+w+w+|yuck|u+g+h+|e+r+g+h+|blech|bleh|blergh`,
  // "useless"/"pointless" about a line of code is usually a technical note ("useless
  // assignment", like "unused"); it is a verdict when intensified or aimed at the work as a whole.
  String.raw`(?=useless|pointless|worthless|meaningless)(?<=\b(?:totally|completely|utterly|absolutely|entirely|really|so|pretty|quite|just|plain|fucking|damn|very)\s+)(?:useless|pointless|worthless|meaningless)|(?:useless|pointless|worthless|meaningless)(?=\s+(?:patch|cl|pr|commit|work|approach|idea|design|review|effort|crap|junk|garbage|shit|mess|complaining|whining|arguing|discussion|debate|bikeshedding|churn|noise)\b)|(?=pointless)(?<=\b(?:a|this|that|such\s+a|what\s+a)\s+)pointless(?=\s+(?:change|refactor|refactoring|rewrite|abstraction|wrapper|layer|exercise|series)\b)|(?=useless|pointless|worthless|meaningless)(?<=\b(?:your|this|the|that)\s+(?:patch|change|cl|pr|code|work|approach|idea|design|review|function|method|class|module|file|test|tests|helper|abstraction|layer|wrapper|comment|refactor|refactoring)\s+(?:is|was|looks|seems|are)\s+)(?:useless|pointless|worthless|meaningless)|(?=useless|pointless|worthless|meaningless)(?<=\b(?:this|that|it|these|those)(?:\s+(?:is|was|looks|seems|are)|${APOS}s)\s+)(?:useless|pointless|worthless|meaningless)|worthless`,
  String.raw`mess(?!\s+(?:with|around|up\s+with))|messy|messier|messed\s+up`,
  // "dumb question" and "silly question" are about one's own question; "dumb pipe" is technical.
  String.raw`(?<!\b(?:as|less)\s+)(?:stupid(?:ly|ity)?|dumb(?:er|est)?|silly|sillier|silliness|idiotic|foolish|brain-?dead|brain-?damaged|moronic)(?![\s-]+(?:simple|question|questions|q|nit|nits|nitpick|nitpicks|terminal|terminals|pipe|pipes|object|objects|member|members|pointer|pointers|driver|drivers|proxy|client|clients|server|store|target|mode|buffer|container|component|components|view|views|widget|widgets|ui|wrapper|wrappers|struct|structs|class|classes|data|implementation|impl|runner|init|base|switch|device|devices|logic|placeholder|default|defaults|cl|cls|logging|noop|map|maps|mapping|mappings|allocator|allocators|gauge|gauges|key|keys|array|arrays|hub|hubs|phone|phones|tv|tvs|charger|chargers|battery|batteries|path|paths|ioctl|ioctls|mmap|gem|gems|boolean|booleans|bool|bools|routine|routines|generator|generators|(?:(?:it|this|that|things|them|everything)\s+)?down))`,
  String.raw`wacky|fugly|shameful|annoying(?:ly)?|disgrace(?:ful)?|ridiculous(?:ly)?|absurd(?:ly)?|insane|insanity|crazy|nonsense|nonsensical|bogus|lame|laughable|pathetic|embarrassing`,
  String.raw`(?=garbage)(?<!\b(?:extra|unnecessary|more|less|much|some|no|of|generates?|generating|generated|creates?|creating|created|produces?|producing|produced|writes?|writing|wrote|written|reads?|reading|returns?|returning|returned|leaves?|leaving|left|contains?|containing|with|into|to|random|prints?|printing|printed|outputs?|outputting|emits?|emitting|spits?\s+out)\s+)garbage(?![\s-]+(?:collect\w*|value|values|data|in|out|bytes|memory|characters|chars|output|pointers?|urls?|input|inputs|at|after|left|bits?|from|on\s+the|is\s+left)(?![\p{L}\p{N}_]))(?<!trailing[\s-]+garbage)|rubbish|(?=trash|junk)(?<=\b(?:is|are|was|total|complete|utter|pure|absolute|this|that)\s+)(?:trash|junk)|trashy|crappy`,
  // Verdicts on the quality of the work, with no technical sense to guard.
  String.raw`(?=cargo)(?<=\b(?:is|a|pure|just|more|total|typical)\s+)cargo[-\s]cult(?:ed|ing)?(?:\s+(?:programming|code|coding))?|convoluted|half-?baked|clumsy|clumsily|clunky|clunkier|flimsy|unreadable|unmaintainable|over-?engineered|over-?complicated|shoddy|shoddily|spaghetti|lousy|botched|inelegant|bloated|cringe(?:y|worthy)?|cringy|gibberish|mediocre|inept|unprofessional|childish|passive-?aggressive|condescending|disrespectful|spiteful|(?=toxic)(?<=\b(?:is|are|was|so|very|really|pretty|quite)\s+)toxic|half-?hearted|sub-?par|amateurishly|anti-?patterns?|embarrassingly|(?=poor)(?<=\b(?:is|are|was|were|a|very|really|pretty|quite|such|so|this|these|the)\s+)poor(?:ly)?(?!\s+man)|(?=backward)(?<=\b(?:is|are|was|looks|seems|totally|completely)\s+)backwards?(?![\s-]+compat)|step\s+backwards?|(?=mistake)(?<=\b(?:is|was|be|a|big|huge|terrible|serious)\s+)mistake(?=\s*[.!]|\s*$)|(?=broken)(?<=\b(?:fundamentally|completely|totally|utterly|horribly|hopelessly|badly|so)\s+)broken|broken\s+by\s+design|(?=hack)(?<=\b(?:is|a|like|an?\s+\w+|total|complete|ugly|dirty|gross|cheap|quick)\s+)hack(?=\s*[.!,]|\s*$)`,
  String.raw`(?=lazy)(?<=\b(?:is|are|was|were|looks|seems)\s+)lazy(?=\s*[.!]|\s*$)`,
  // Conduct: how someone behaves, said as a verdict on them ("that reply was rude", "a hypocritical stance").
  // Only when the sentence points at "you": moderators name conduct too ("no need to be rude", "the thread felt hostile").
  String.raw`(?<=\byou(?:r|${APOS}re|\s+are|\s+were|\s+sound|\s+seem|\s+come\s+across\s+as)?\s+(?:[\w-]+\s+){0,3})(?:rude(?:ly|ness)?|arrogan(?:t|tly|ce)|hostile|hypocritical|hypocrisy|hypocrites?|ignorant|dishonest|disingenuous|patroni[sz]ing|smug|petty|obnoxious|pretentious|dismissive|elitist)`,
  // Verdicts with no technical sense: "incomprehensible", "ludicrous", "half baked", "amateur hour".
  String.raw`dodgy|hopeless(?:ly)?|(?=tangled)(?<=\b(?:is|are|was|were|so|very|really|such\s+a|what\s+a|hopelessly)\s+)tangled|(?=flawed)(?<=\b(?:is|are|was|were|fundamentally|deeply|seriously|badly|totally|completely|inherently)\s+)flawed|(?=liability)(?<=\b(?:is|are|was|a|an?\s+\w+|real|huge|total)\s+)liability|cock-?ups?|balls-?ups?|reckless(?:ly)?|daft|naff|shambolic|shambles|bodged|bodge-?job|(?=tosh|twaddle|codswallop|drivel|balderdash)(?<=\b(?:utter|complete|total|absolute|such|pure)\s+)(?:tosh|twaddle|codswallop|drivel|balderdash)|dog${APOS}?s\s+(?:dinner|breakfast)|(?=naive)(?<=\b(?:is|are|was|were|looks|seems|too|so|very|quite|pretty|rather|really|bit|terribly|hopelessly)\s+)naive(?:ly)?(?=\s*[.!,;]|\s*$)|terible|teribly|horible|aweful|rediculous|incomprehensible|asinine|preposterous|lunacy|absurdity|misguided|shitshow|dumpster\s+fire|train-?\s?wrecks?|amateur\s+hour|half\s+baked|bloatware|nonsense`,
  // Swearing used as the verdict ("This is crap."): a judgment too, so that it gets a question back.
  String.raw`(?=crap|shit|bull|horse)(?<=\b(?:is|are|was|were|looks\s+like|total|complete|utter|pure|absolute|such|this|that|more|(?:that|it|this|what)${APOS}s)\s+)(?:crap|shit|bullshit|horseshit)(?![\p{L}\p{N}_])`,
  // "useless", "meaningless" closing a sentence about the work: "The tests you wrote are useless."
  String.raw`(?=useless|pointless|meaningless)(?<=\b(?:is|are|was|were)\s+)(?:useless|pointless|meaningless)(?=\s*[.!]|\s*$)`,
  String.raw`hack(?:y|ier|iest|ish)|kludg(?:e|es|ey|y)|kluge|abomination|monstrosity|travesty|disaster|nightmare|clusterf\w*`,
  String.raw`(?=lazy)(?<=\b(?:being|so|too|very|pretty|bit|plain|you${APOS}re|you\s+are|you\s+were|you\s+got)\s+)lazy|lazy(?=\s+(?:code|work|coding|programming|fix|approach|review|developer|developers|people|person|coder|coders))(?![\s_-]*(?:=|load\w*|init\w*|evaluat\w*|eval|import\w*|instantiat\w*|creat\w*|allocat\w*|comput\w*|bind\w*|fetch\w*|resolv\w*))|sloppy|sloppily|careless(?:ly)?|incompetent|amateur(?:ish)?|clueless|evil`,
  String.raw`(?=joke)(?<=\b(?:is|was|looks\s+like|seems\s+like)\s+(?:a|such\s+a|a\s+total|a\s+complete|an\s+absolute)\s+)joke|(?=die)(?<=\b(?:needs?|has|have|must|should|ought)\s+to\s+)die`,
];

const JUDGMENT_TRIGGERS = (
  'wrong wrongly bad worse worst terribl* horribl* horrid horrend* horrific awful* atrocious* abysmal dreadful ' +
  'ugl* hideous* gross disgusting* nasty yucky ew* yuck ugh* ergh* blech bleh blergh useless* pointless* worthless meaningless ' +
  'mess messy messier messed stupid* dumb* silly sillier silliness idiotic foolish brain braindead braindamaged moronic cargo cargo-cult ridiculous* absurd* insan* crazy nonsens* ' +
  'wacky fugly shameful annoying annoyingly disgrace disgraceful bogus lame laughable pathetic embarrassing garbage rubbish trash trashy junk crappy hacky hackier hackiest hackish kludg* kluge abomination ' +
  'monstrosity travesty disaster nightmare clusterf* lazy sloppy sloppily careless* incompetent amateur* clueless evil die joke ' +
  'convoluted half-baked halfbaked half clumsy clumsily clunky clunkier flimsy unreadable unmaintainable overengineered over-engineered over overcomplicated over-complicated ' +
  'shoddy shoddily spaghetti lousy botched inelegant bloated cringe* cringy gibberish mediocre inept unprofessional half-hearted halfhearted subpar sub-par sub ' +
  'rude rudely rudeness arrogant arrogantly arrogance hostile hypocritical hypocrisy hypocrite hypocrites ignorant dishonest disingenuous patronizing patronising smug petty obnoxious pretentious dismissive elitist ' +
  'dodgy hopeless hopelessly tangled flawed liability cock cock-up cockup cock-ups balls-up ballsup reckless recklessly daft naff shambolic shambles bodged bodge bodge-job tosh twaddle codswallop drivel balderdash dog dogs dog\'s naive naively terible teribly horible aweful rediculous incomprehensible asinine preposterous lunacy absurdity misguided shitshow dumpster train trainwreck trainwrecks train-wreck amateur ' +
  'crap shit bullshit horseshit childish passive-aggressive passive condescending disrespectful spiteful toxic anti-pattern anti-patterns antipattern* anti embarrassingly poor poorly backward backwards step mistake broken hack'
).split(' ');

const INSULT_TRIGGERS = 'idiot* moron* imbecile* cretin* retard* jerk* loser* clown* noob* n00b* muppet* dimwit* nitwit* halfwit* numpt* dolt* buffoon* chump* scumbag* slacker* luddite* shut nazi* fag fags faggot* brainless'.split(' ');

const PROFANITY_TRIGGERS = (
  'fuck* fck* fsck* effing frick* motherf* wtf* wth omfg stfu ffs fml jfc shit* bullshit* horseshit shite ' +
  'dafuq wtaf damn* dammit damit dam goddam* god darn* oh my good dear heck brain brainfart* turd* crap* hell arse* ass asses assed nuts asshole assholes dumbass jackass smartass badass bitch* bastard* piss* bloody bugger* ' +
  'wank* twat* douche* cunt* dickhead prick shitty screw* omg argh sexy sexier sexiest anal*'
).split(' ');

// "suck" and "hate" are verbs: the subject comes right before them.
const SUCKS = String.raw`suck(?:s|ed|ing|y|age|ers?|iness)?|sux|suc[*#@$%!]+s?|s[*#@$%!]+cks?`;
const HATE = String.raw`hat(?:e|es|ed|ing)|loathe?s?`;

// ---------------------------------------------------------------------------------------------
// Profanity and insults: common spellings, masked spellings (f*ck, sh!t) and abbreviations.

const PROFANITY = [
  String.raw`f+u+c+k+\w*|fck\w*|fsck(?:ing|in|ed)|effing|frick(?:ing|in)|motherf\w*|(?<!/)wtf+(?!::|_|/|\s+(?:namespace|::|types?|versions?|library|classes|strings?|vectors?|headers?|macros?)\b)|wth|omfg|stfu|ffs|fml|jfc`,
  String.raw`f(?:[*#@$%!]{2,3}|u[*#@$%!]{1,2}|[*#@$%!]ck|[*#@$%!]{1,2}k|u[*#@$%!]k|uc[*#@$%!])(?:ing|in|ed|er|s)?`,
  String.raw`s+h+i+t+\w*|sh(?:[*#@$%!1]{1,2}t|[*#@$%!]{2}|i[*#@$%!])(?:ty|s)?|bullshit\w*|horseshit|shite`,
  String.raw`b[*#@$%!]+tch\w*|a[*#@$%!]{1,2}(?:hole|s)|d[*#@$%!]mn\w*|da[*#@$%!]n\w*|cr[*#@$%!]p\w*`,
  String.raw`dafuq|wtaf|damn\w*|dammit|damit|dam(?=\s*[,!])|goddam\w*|god\s+damn\w*|darn\w*|(?:oh|my|good|dear)\s+god|(?<=\bthe\s+)heck|brain\s*farts?|turds?`,
  String.raw`crap(?:s|py|pier|piest|ola|ped|ping)?`,
  String.raw`hell(?<!\b(?:shell|the\s+hello)\s+hell)(?!\s*\(|-?world)`,
  String.raw`arse(?:hole)?s?|ass(?:hole|holes|-?backwards|-?hat)|(?=ass)(?<=(?:\b(?:the|my|your|his|her|their|our|kick|kiss|an?)\s+|-))ass(?:es)?|dumbass|jackass|smartass|badass`,
  String.raw`bitch(?:es|ed|ing|in|y|ier|iest|iness|ily)?|bastard\w*|piss(?:ed|es|ing|y)?|bloody|bugger\w*|wank\w*|twat\w*|douche\w*|cunt\w*|dickhead|prick|shitty`,
  String.raw`screw(?:s|ed|ing)?\s+(?:it|this|that|you|up|ups|them)|screw(?:s|ed|ing)?\s+(?:\w+\s+){1,2}up|screwed|screw-?ups?|screwy`,
  String.raw`omg|a+r+g+h+|sexy|sexier|sexiest|anal(?:ly)?|(?<=-)assed|nuts(?=\s*[.!?]|$)`,
];

const INSULTS = String.raw`idiots?|morons?|imbeciles?|cretins?|retard(?:s|ed)?|jerks?|losers?|clowns?|noobs?|n00bs?|muppets?|dimwits?|nitwits?|halfwits?|numpty|numpties|dolts?|buffoons?|chumps?|scumbags?|slackers?|luddites?|shut\s+up|shut\s+your\s+\w+|nazis?|fags?|faggots?|brainless`;

const PROFANITY_REPLACEMENTS: readonly [RegExp, string][] = [
  [/^(?:wtf|wth|omfg|omg)$/, 'hmm'],
  [/^(?:a+r+g+h+|ffs|fml|jfc)/, 'hmm'],
  [/^(?:damn|dammit|damit|goddam|god\s+damn).*(?:ed)$/, 'very'],
  [/^(?:damn|dammit|damit|goddam|god\s+damn)/, 'oops'],
  [/^(?:f.*ing|f.*in|effing|frick|bloody|freaking)$/, 'really'],
  [/^(?:crappy|shitty|crappier|crappiest)$/, 'weak'],
  [/^(?:crap|shit|bullshit|horseshit|shite|crapola)/, 'stuff'],
  [/^hell$/, 'trouble'],
  [/^screw-?ups?$/, 'mistake'],
  [/^screw/, 'mess up'],
  [/^shut/, 'be quiet'],
  [/^(?:sexy|sexier|sexiest)$/, 'nicer'],
  [/^anal/, 'strict'],
  [/^(?:moronic|retarded|idiotic|brainless|foolish)$/, 'confusing'],
  [/^(?:idiot|moron|imbecile|cretin|retard|jerk|loser|clown|noob|n00b|muppet|dimwit|nitwit|halfwit|numpt|dolt|buffoon|fool)s$/, 'people'],
  [/^(?:idiot|moron|imbecile|cretin|retard|jerk|loser|clown|noob|n00b|muppet|dimwit|nitwit|halfwit|numpt|dolt|buffoon|fool)/, 'person'],
];

function profanityRewrites(word: string): string[] {
  for (const [re, repl] of PROFANITY_REPLACEMENTS) if (re.test(word)) return [repl];
  return ['oops'];
}

/** A reason given after a command in its sentence: "since…", "because…", "once…", ", it violates W391", ": X is now unused". */
const BARE_REASON_RE = new RegExp(String.raw`\b(?:since|because|unless|once|otherwise|so\s+that|as\s+(?:you|we|it|they|the|this|these|there|that)|if\s+(?:it|they|this|these|that|those|you|we|the|there|not)|(?:it|they|this|these|that|those)(?:${APOS}s|${APOS}re|\s+(?:is|are|was|were|violates|breaks|duplicates))|(?:is|are)\s+(?:now\s+)?(?:unused|useless|unneeded|redundant|dead|obsolete))\b`, 'i');

/**
 * The point of "You always/never/keep…" as a shared question: "never write tests" → "Could we write tests
 * here?", "always forget to handle errors" → "Could we handle errors here?", "keep breaking the build" →
 * "Could we avoid breaking the build here?"; otherwise what was seen, asked about ("Here it looks like
 * we overcomplicate things; could we look at it together?").
 */
function youAlwaysQuestion(word: string, rest: string): string | undefined {
  const forgot = /^(?:forget|forgot|miss|skip|neglect|fail)\s+to\s+(.+)$/i.exec(rest);
  if (forgot) return `Could we ${forgot[1]} here?`;
  if (/keep$/.test(word)) {
    const m = /^(?:on\s+)?(\p{L}+ing)\b(.*)$/iu.exec(rest);
    return m ? `Could we avoid ${m[1]!.toLowerCase()}${m[2]} here?` : undefined;
  }
  if (/never$/.test(word) && /^\p{L}+(?:\s|$)/u.test(rest) && !/^(?:\p{L}+ed|\p{L}+ing|is|are|was|were|be|been|seem|seems|had|has|did|does)\b/iu.test(rest)) return `Could we ${rest} here?`;
  if (/(?:always|constantly|continually|forever)$/.test(word)) {
    const are = /(?:['\u2019]re|\s+are)\s*\S*$/i.test(word) ? 'we are ' : 'we ';
    return `Here it looks like ${are}${rest}; could we look at it together?`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The rules, in priority order: when two patterns match at the same place, the earlier wins.

const RULE_LIST: readonly RuleDef[] = [
  // --- judgments disguised as questions
  {
    id: 'why-would-you',
    category: 'disguised-question',
    description: '"Why would you…?", "Why on earth…?": a verdict phrased as a question.',
    triggers: ['why'],
    pattern: w(String.raw`why\s+(?:on\s+earth\s+|in\s+the\s+world\s+|the\s+(?:hell|heck|fuck)\s+)?would\s+(?:you|anyone|someone|somebody|one)(?!\s+(?:need|ever\s+need)\b)|why\s+(?:on\s+earth|in\s+the\s+world|the\s+(?:hell|heck|fuck))`),
    message: () => 'A question that implies the answer reads as a verdict. Asking what led to the choice invites the author to explain and often to spot the issue themselves.',
    rewrites: (ctx) => (/anyone|someone|somebody|one$/.test(ctx.word) ? ['What would lead someone to', 'What led to'] : /would/.test(ctx.word) ? ['What led you to', 'Could you walk me through why you chose to'] : ['why']),
  },
  {
    id: 'did-you-even',
    category: 'disguised-question',
    description: '"Did you even test this?": doubts the person, not the code.',
    triggers: ['did', 'do', 'have', 'were', 'are', 'had'],
    pattern: w(String.raw`(?:did|do|have|were|are|had)\s+(?:you|they)\s+even`),
    message: () => '"Even" turns a question into an accusation. Ask about what happened instead.',
    rewrites: (ctx) => {
      const base = ctx.text.slice(ctx.start, ctx.end).replace(/\s+even$/i, '');
      return /^did/i.test(base) ? [base.replace(/^(did)(\s+\S+)$/i, '$1$2 get a chance to'), base] : [base];
    },
  },
  {
    id: 'rhetorical-question',
    category: 'disguised-question',
    description: '"What were you thinking?", "Are you kidding?", "Who wrote this?", "How hard is it to…?".',
    triggers: ['what', 'who', 'are', 'is', 'was', 'how'],
    pattern: w(
      String.raw`what\s+(?:were|was)\s+(?:you|they|he|she)\s+thinking|who\s+(?:on\s+earth\s+)?(?:wrote|thought\s+of|came\s+up\s+with|approved|reviewed)\s+(?:this|that)|are\s+you\s+(?:kidding|serious|joking|insane|crazy|nuts|mad|high|drunk)|(?:is|was)\s+this\s+(?:a|some(?:\s+(?:kind|sort)\s+of)?)\s+(?:joke|prank|troll)|how\s+hard\s+(?:is|was|would|can|could)\s+(?:it|that)\s+(?:be\s+)?to|how\s+(?:is|does|did|could|can|would)\s+(?:this|that|it)\s+even|what\s+the\s+(?:heck|hell|fuck)\s+is\s+(?:this|that)`,
    ),
    message: () => 'A rhetorical question is a judgment in disguise. A real question about the reasoning keeps the conversation open.',
    rewrites: (ctx) => {
      if (/^how\s+hard/.test(ctx.word)) return ['Could we'];
      if (/^how\s/.test(ctx.word)) return [ctx.text.slice(ctx.start, ctx.end).replace(/\s+even$/i, '')];
      if (/^(?:who|what\s+(?:were|was))/.test(ctx.word)) return ['What led to this approach', 'Could you walk me through this'];
      return ['Could you walk me through this', 'What led to this approach'];
    },
  },
  {
    id: 'seriously',
    category: 'disguised-question',
    description: '"Seriously?", "Really?!": disbelief aimed at the author.',
    triggers: ['seriously', 'really', 'srsly'],
    pattern: `${B}(?:seriously|really|srsly)(?:\\s*[?!]*\\?[?!]*|\\s*!+|(?=,\\s))`,
    accept: (ctx) => {
      // "Really?" as a whole sentence, or "seriously" followed by ? ! or a comma at the start.
      const s = sentenceOf(ctx);
      const before = ctx.masked.slice(s.start, ctx.start).trim();
      // "Really, there is only one issue left": a sentence adverb ("in truth"), not disbelief; "Seriously, …" still is.
      if (/^really$/.test(ctx.word)) return false;
      return before.length === 0 || /^(?:oh|um+|uh+|wow|hm+)[,.]?$/i.test(before) || /^seriously/i.test(ctx.word) && /[?!]$/.test(ctx.word);
    },
    // "Seriously, this again." → drop the word; "Really?" → replace it with a real question.
    range: (ctx) => (/[?!]$/.test(ctx.word) ? { start: ctx.start, end: ctx.end } : deletable(ctx)),
    message: () => 'Disbelief makes the author defensive. Say what surprised you and ask about it.',
    rewrites: (ctx, range) => (/[?!]$/.test(ctx.word) ? ['Could you walk me through this?', 'I was surprised by this; what led to it?'] : deletionRewrite(ctx, range)),
  },
  // --- sarcasm
  {
    id: 'sarcasm',
    category: 'sarcasm',
    description: '"Great, another…", "Nice job breaking…", "Thanks for nothing": praise words used to criticise.',
    triggers: ['great', 'wonderful', 'fantastic', 'perfect', 'lovely', 'brilliant', 'awesome', 'nice', 'terrific', 'super', 'good', 'fine', 'excellent', 'well', 'thanks', 'thank', 'what', 'who', 'slow', 'oh', 'wow'],
    pattern: w(
      String.raw`(?:great|wonderful|fantastic|perfect|lovely|brilliant|awesome|nice|terrific|super)[,!.]*\s+(?:yet\s+)?another|(?:nice|good|great|fine|excellent|brilliant|fantastic|wonderful)\s+(?:job|work|going|one)[,!]?\s+(?:breaking|ruining|destroying|wrecking|messing|screwing|killing|nuking)|well\s+done[,!]?\s+(?:breaking|ruining|destroying|wrecking|messing|screwing)|thanks?\s+(?:a\s+lot\s+|so\s+much\s+)?for\s+(?:nothing|breaking|ruining|wrecking|the\s+mess)|what\s+a\s+(?:surprise|shock|shocker|genius|novel\s+idea|concept)|who\s+would\s+have\s+(?:thought|guessed)|slow\s+clap|(?:oh|wow),?\s+(?:great|wonderful|brilliant|genius|perfect|lovely|fantastic|how\s+(?:clever|original|surprising))(?![,!.\s]+(?:thanks?|thank|that|this|it|i|you|we|,?\s*good))`,
    ),
    // "Oh great, more magic strings.": the whole sentence is the sarcasm, and its rest is the point.
    range: (ctx) => (/^(?:oh|wow)\b/.test(ctx.word) || /^what\s+a\s/.test(ctx.word) ? sentenceOf(ctx) : { start: ctx.start, end: ctx.end }),
    message: () => 'Sarcasm hides the real point and stings. Say plainly what you noticed and ask about it.',
    rewrites: (ctx, range) => {
      if (range.end > ctx.end || range.start < ctx.start) {
        const rest = ctx.text.slice(ctx.end, range.end).replace(/^[\s,;:.!-]+/, '').replace(/[\s.!?]+$/, '');
        if (rest.length > 2) return [`I noticed ${rest}; could you walk me through it?`, `thought: ${rest} worries me.`];
        return ['I noticed something here; could you walk me through it?'];
      }
      if (/another$/.test(ctx.word)) return ['I see another'];
      if (/breaking|ruining|destroying|wrecking|messing|screwing|killing|nuking/.test(ctx.word)) return ['it looks like this ends up ' + (/(breaking|ruining|destroying|wrecking|messing|screwing|killing|nuking)$/.exec(ctx.word)?.[1] ?? 'breaking')];
      return ['I noticed something here; could you walk me through it?'];
    },
  },
  // --- blame and absolutes about the person
  {
    id: 'you-always',
    category: 'blame',
    description: '"You always…", "you never…": absolutes about the person.',
    triggers: ['you', "you've", "you're"],
    pattern: w(String.raw`you(?:${APOS}ve|${APOS}re|\s+have|\s+are|\s+)?\s*(?:always|never|constantly|keep(?=\s+(?:on\s+)?\w+ing\b)|forever|continually)(?!\s+(?:(?:know|need\w*|have\s+to|get|want\w*|can|could|should|must|will|would|mind)\b|(?:do|did)\b(?!\s+(?:this|that|it|the\s+same)(?:\s+(?:again|here))?\s*(?:[.!?]|$))))`),
    accept: (ctx) => {
      if (/^you\s*(?:always|never)$/.test(ctx.word) && /^\s*(?:know|mind)\b/i.test(ctx.masked.slice(ctx.end))) return false;
      // "If you always throw X, …", "such that you never meet it": a condition, not a claim about the person.
      const s = sentenceOf(ctx);
      return !/\b(?:if|when|whenever|unless|would|such\s+that|so\s+that|as\s+long\s+as|make\s+sure)\s+(?:\w+\s+)?$/i.test(ctx.masked.slice(Math.max(s.start, ctx.start - 30), ctx.start));
    },
    message: () => 'Absolutes about a person ("always", "never") are rarely true and put people on the defensive. Talk about this change.',
    // The sentence, so that the point can come back as a question: "You never write tests." → "Could we
    // write tests here?"; the calmer statement ("We don't always write tests.") comes second.
    range: (ctx) => sentenceOf(ctx),
    rewrites: (ctx, range) => {
      const sentence = ctx.text.slice(range.start, range.end);
      const from = ctx.start - range.start;
      const to = ctx.end - range.start;
      const are = /(?:['\u2019]re|\s+are)\s*\S*$/i.test(ctx.word);
      const calm = (/never$/.test(ctx.word) ? ["we don't always", 'here you did not'] : /keep$/.test(ctx.word) ? ['we sometimes keep', 'here you keep'] : are ? ['we are sometimes', 'here you are'] : ['we sometimes', 'here you']).map((x) => {
        const y = sentence.slice(0, from) + x + sentence.slice(to);
        return from === 0 && /^[A-Z]/.test(sentence) ? y[0]!.toUpperCase() + y.slice(1) : y;
      });
      const rest = sentence.slice(to).replace(/\byour\b/gi, 'the').replace(/[\s.!?\u2026]+$/, '').trim();
      if (/\?/.test(sentence) || from > 0 || rest.length === 0) return calm;
      const ask = youAlwaysQuestion(ctx.word, rest);
      return ask ? [ask, ...calm] : calm;
    },
  },
  {
    id: 'why-didnt-you',
    category: 'blame',
    description: '"Why didn\'t you…?": asks for a justification of a failure.',
    triggers: ['why'],
    pattern: w(String.raw`why\s+(?:(?:didn${APOS}?t|did\s+not|haven${APOS}?t|have\s+not|hadn${APOS}?t|weren${APOS}?t|wasn${APOS}?t|couldn${APOS}?t|could\s+not|wouldn${APOS}?t)\s+(?:you|they|he|she)|(?:did|have|had|were|was|could|would)\s+(?:you|they|he|she)\s+not)`),
    message: () => '"Why didn\'t you…" asks someone to defend a failure. Proposing the idea as a shared question gets the same result.',
    rewrites: () => ['Could we', 'Was there a reason not to'],
  },
  {
    id: 'your-fault',
    category: 'blame',
    description: '"Your fault", "you broke…", "shame on you": blame on the person.',
    triggers: ['your', "it's", 'you', 'shame'],
    pattern: w(String.raw`(?<!\bnot\s+)your\s+(?:fault|mistake|screw-?up|mess)|it${APOS}s\s+on\s+you|you\s+(?:broke|messed\s+up|screwed\s+up|screwed|ruined|botched)|you\s+(?:should|ought\s+to)\s+(?:know|have\s+known)\s+better|shame\s+on\s+you`),
    message: () => 'Blame makes people hide mistakes. Describe what happened to the code and how to fix it together.',
    rewrites: (ctx) => (/^your/.test(ctx.word) ? ['something we missed', 'a gap we can fix together'] : /better$/.test(ctx.word) ? ['this is easy to miss; here is what I would check'] : /^shame/.test(ctx.word) ? ['easy to miss'] : /^it/.test(ctx.word) ? ["it's something we can fix together"] : ['this change ' + ctx.word.replace(/^you\s+/, '')]),
  },
  {
    id: 'you-dont-understand',
    category: 'blame',
    description: '"You clearly don\'t understand…", "you have no idea": judges the person\'s ability.',
    triggers: ['you', 'learn'],
    pattern: w(String.raw`you\s+(?:clearly|obviously|apparently|really|simply|just)\s+(?:don${APOS}?t|do\s+not|didn${APOS}?t|did\s+not)\s+(?:understand|get|know|read|care|bother|think)|you\s+(?:don${APOS}?t|do\s+not)\s+understand|you\s+(?:clearly\s+|obviously\s+|really\s+|simply\s+|apparently\s+)?have\s+no\s+(?:idea|clue)|learn\s+(?:how\s+)?to\s+(?:code|program|read)`),
    message: () => 'This judges the person\'s ability instead of the code. Explain the point you think was missed, or ask how they see it.',
    rewrites: () => ["I may not have explained this well; here's how I see it:", 'How do you see this part?'],
  },
  // --- obligation, pile-ons, impatience, attacks, rhetorical questions, shouting (./cues)
  ...CUE_RULES,
  // --- frustration, entitlement, contempt, complaints as questions, dismissal (./heat)
  ...HEAT_RULES,
  // --- bare commands
  {
    id: 'bare-command',
    category: 'command',
    description: '"Fix this.", "Change this.", "Remove this." at the start of a sentence, without a label or a reason.',
    triggers: ['fix', 'change', 'remove', 'delete', 'rename', 'rewrite', 'redo', 'revert', 'drop', 'undo', 'kill', 'move', 'replace', 'refactor', 'simplify', 'split', 'get', 'clean', 'nuke', 'lose'],
    pattern: `(?=fix|change|remove|delete|rename|rewrite|redo|revert|drop|undo|kill|move|replace|refactor|simplify|split|get|clean|nuke|lose)${SS}${w(String.raw`(?:fix|change|remove|delete|rename|rewrite|redo|revert|drop|undo|kill|move|replace|refactor|simplify|split|get\s+rid\s+of|clean\s+up|clean|nuke|lose)\s+(?:this|that|it|these|those|them)(?:\s+(?:up|out|now|asap|please|immediately|already|again))?`)}`,
    // "Remove this, as you have #pragma once already", "kill this line once you make the return a tail
    // call", "drop this: conf is now unused": the reason is there, so the command is not bare.
    accept: (ctx) => !BARE_REASON_RE.test(ctx.masked.slice(ctx.end, sentenceOf(ctx).end)),
    range: (ctx) => {
      const s = sentenceOf(ctx);
      return { start: ctx.start, end: s.end };
    },
    message: () => 'A bare command leaves out the why and the author\'s view. A question or a labelled suggestion keeps the decision shared.',
    rewrites: (ctx, range) => commandRewrites(ctx.text.slice(range.start, range.end)),
  },
  // --- minimizers
  {
    id: 'minimizer-just',
    category: 'minimizer',
    description: '"Just…", "simply…" in advice: tells the author it should have been easy.',
    triggers: ['just', 'simply'],
    pattern: String.raw`(?=just|simply)(?:${SS}|(?<=[,;\u2013\u2014][ \t]*|[ \t]-[ \t]+)|(?<=${B}(?:(?:you|u)(?:\s+(?:can|could|should|shall|might|may|must|would|will|need\s+to|needs\s+to|have\s+to|only\s+need\s+to|only\s+have\s+to)|${APOS}d|${APOS}ll)?)\s+)|(?<=${B}why\s+not\s+))(?:just|simply)${E}(?=\s+(?:use|do|add|remove|call|pass|return|make|put|drop|delete|change|replace|move|check|set|write|run|copy|import|skip|rename|inline|let|leave|throw|raise|wrap|create|fix|keep|read|try|go|stick|declare|define|assign|compare|log|print|append|extend|merge|split|initialize|init|store|save|revert|reuse|switch|rewrite|test|follow|look|google|rebase|ignore|get|convert|cast|catch|handle|loop|iterate|override|mock|patch|update|bump|apply|send|open|close|exit|break|continue|expose|export|include|require|remove|reorder|sort|filter|map|wrap|unwrap|return|say|mark|note|document|delegate|depend|fold|flip|swap|toggle|hardcode|hard-code|default|assert|expect)${E})`,
    // "Could we just use X?" is a genuine proposal; "Why not just…?" still implies it was easy.
    accept: (ctx) => /why\s+not\s+$/i.test(ctx.masked.slice(Math.max(0, ctx.start - 12), ctx.start)) || !isQuestion(ctx),
    range: deletable,
    message: (ctx) => `"${quoteWord(ctx)}" tells the author this should have been easy; if it was not for them, it stings. The advice works without it.`,
    rewrites: deletionRewrite,
  },
  {
    id: 'minimizer-obviously',
    category: 'minimizer',
    description: '"Obviously", "of course", "as everyone knows": implies the author missed something plain.',
    triggers: ['obviously', 'obvious', 'of', 'as', 'anyone', 'anybody', 'it'],
    // "As you can clearly see", "it should be obvious to anyone": the reader is told they missed the plain.
    pattern: w(String.raw`obviously|(?=obvious)(?<!\bnot\s+)obvious(?=\s+(?:that|to\s+(?:anyone|everyone|everybody)))|of\s+course(?=,?\s+you\s+(?:can|could|should|need|have|just|simply|must)\b)|as\s+(?:everyone|everybody|anyone)\s+knows|any(?:one|body)\s+(?:can|could)\s+see|as\s+(?:you|anyone|anybody)\s+(?:can|could|should|would|will)\s+(?:clearly|plainly|obviously|easily)\s+see|it\s+should\s+be\s+(?:obvious|clear)\s+to\s+(?:anyone|everyone|everybody|you)`),
    accept: (ctx) => {
      // In an argument "obviously" weighs the facts; it belittles when aimed at the author or their work,
      // or when it says the work plainly does not do its job ("obviously this doesn't work").
      const s0 = sentenceOf(ctx);
      if (/^obvious/.test(ctx.word) && !/\b(?:you|your|wrong|broken|fails?|leaks?|breaks?|bug|buggy|typo|mistake)\b|\b(?:doesn['\u2019]?t|does\s+not|won['\u2019]?t|can['\u2019]?t|cannot|isn['\u2019]?t|is\s+not|never)\s+(?:going\s+to\s+)?(?:work|compile|build|scale|correct|right|safe|thread-?safe|make\s+sense)\b/i.test(ctx.masked.slice(s0.start, s0.end))) return false;
      // "Of course!" alone is agreement, not a minimizer.
      const s = sentenceOf(ctx);
      return !/^of\s+course$/.test(ctx.word) || ctx.masked.slice(ctx.end, s.end).replace(/[\s.!,:)]/g, '').length > 0;
    },
    range: deletable,
    message: (ctx) => `"${quoteWord(ctx)}" implies the author should have known; what is obvious to you may not be to them.`,
    rewrites: deletionRewrite,
  },
  {
    id: 'minimizer-easy',
    category: 'minimizer',
    description: '"It\'s easy", "trivial", "a no-brainer": belittles effort the author may have found hard.',
    triggers: ['easy', 'trivial', 'trivially', 'no', 'no-brainer', 'nobrainer', "child's", 'not', '101', 'basic'],
    // Predicative only ("it's easy.", "should be trivial, just…"): "easy to install", "an easy fix" describe things.
    accept: (ctx) => {
      if (!/^(?:easy|trivial)$/.test(ctx.word)) return true;
      const after = ctx.masked.slice(ctx.end, ctx.end + 20);
      if (/^\s*(?:[,.!;:)\u2026]|$|\s(?:and|but|so|for\s+(?:you|anyone|everyone|a\s+junior|an\s+intern))\b)/i.test(after)) return true;
      const s = sentenceOf(ctx);
      const before = ctx.masked.slice(Math.max(s.start, ctx.start - 40), ctx.start);
      // "an easy ramp for newcomers": an easy thing, described (as "an easy fix" is).
      if (/\ban?\s+$/i.test(before) && /^\s+(?!(?:and|but|so|for|to|enough)\b)\p{L}/iu.test(after)) return false;
      // "easy for any other plugin to hook in": easy for someone other than the reader.
      if (/^\s+for\s+/i.test(after)) return false;
      // "The editor is easy to install": a named thing easy to use; "it's easy to fix, just…" still counts.
      if (/^\s+to\s+\p{L}/iu.test(after) && !/\b(?:it|this|that|which)(?:['\u2019]s|\s+(?:is|was|be|should\s+be|would\s+be|will\s+be|must\s+be))\s+(?:\w+\s+)?$/i.test(before)) return false;
      return /\b(?:just|simply|you|any\s+(?:intern|junior|beginner))\b/i.test(ctx.masked.slice(s.start, s.end));
    },
    pattern: w(String.raw`(?=easy|trivial)(?<=\b(?:is|it${APOS}s|that${APOS}s|be|was|pretty|very|really|super|quite|so|an?|too|dead|damn)\s+)(?:easy|trivial)(?!\s+to\s+(?:miss|overlook|forget|get|break|confuse|read|understand|follow|test|use|review|maintain|reason|see|spot|debug|extend|change|make|mix|lose|misread|trip))(?![-\s]+(?:to-|copyable|destructible|constructible|type|types|case|cases|enough))|trivially(?![-\s]+(?:copyable|destructible|constructible|movable|relocatable))|no-?brainer|(?=child)(?<=\b(?:is|it${APOS}s|that${APOS}s|be)\s+)child${APOS}s\s+play` +
      // Condescension about how basic it is: "this is programming 101", "basic C.", "it's not rocket science".
      String.raw`|(?<=\b(?:programming|coding|cs|c|c\+\+|python|java|rust|go|javascript|js|locking|concurrency|git|security|networking|math|unix|sql|kernel|english)\s+)101|not\s+rocket\s+science|(?=basic)(?<=\b(?:is|it${APOS}s|that${APOS}s|this${APOS}s)\s+(?:just\s+|really\s+|pretty\s+|very\s+)?)basic\s+(?:stuff|knowledge|programming|c|c\+\+|python|java|rust|javascript|math|logic|english|reading|git|locking)(?=\s*[.!]|\s*$)`),
    // "Programming 101", "basic C": the whole sentence says the author should know, so it is the range.
    range: (ctx) => (/^(?:101|basic|not\s)/.test(ctx.word) ? sentenceOf(ctx) : { start: ctx.start, end: ctx.end }),
    message: (ctx) => `Calling it "${quoteWord(ctx)}" belittles effort the author may have found hard, and makes asking for help harder.`,
    rewrites: (ctx) =>
      /^(?:101|basic|not\s)/.test(ctx.word)
        ? ['Could we go over how this usually works? It is a common pitfall.', 'thought: this is a common pitfall; here is how it usually goes: …']
        : /^trivially$/.test(ctx.word) ? ['directly'] : /^(?:easy|trivial)$/.test(ctx.word) ? ['a small change', 'doable'] : ['a small change'],
  },
  // --- judgment words
  {
    id: 'sucks',
    category: 'judgment',
    description: '"This sucks": a verdict without a reason.',
    triggers: ['suck*', 'sux'],
    censored: ['suc', 's'],
    pattern: w(SUCKS),
    range: (ctx) => sentenceOf(ctx),
    message: () => '"Sucks" is a verdict without a reason. Say what bothers you, or ask what led to it.',
    rewrites: sentenceJudgment(() => 'reaction'),
  },
  {
    id: 'hate',
    category: 'judgment',
    description: '"I hate…": strong dislike as a verdict.',
    triggers: ['hate', 'hates', 'hated', 'hating', 'hateful', 'loathe', 'loathes'],
    pattern: w(HATE),
    accept: (ctx) => {
      const s = sentenceOf(ctx);
      const before = ctx.masked.slice(Math.max(s.start, ctx.start - 40), ctx.start);
      const after = ctx.masked.slice(ctx.end, ctx.end + 24);
      // "I'm loathe to remove it": reluctance (the adjective "loath", often spelt with an e), not dislike.
      if (/^loathe?$/.test(ctx.word) && /^\s+to\b/i.test(after) && /\b(?:am|[a-z]*['\u2019]m|is|are|was|were|be|been|also|quite|very|rather|still)\s+$/i.test(before)) return false;
      // "this hate-thread", "hate-mail": a compound noun naming something, not the writer's dislike.
      if (/^-\p{L}/u.test(after)) return false;
      // "some people hate it", "a tool hated by many": other people's feelings, reported.
      if (/\b(?:some|many|most|other|a\s+lot\s+of|lots\s+of)\s+(?:people|folks|users|developers)\s+(?:\w+\s+)?$/i.test(before) || /^\s+by\s+(?:many|some|most|lots|a\s+lot|(?:some|many|most)\s+(?:people|users|developers))\b/i.test(after)) return false;
      return true;
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'Strong dislike reads as a verdict on the author\'s work. Name the concrete cost and ask about it.',
    rewrites: sentenceJudgment(() => 'dislike'),
  },
  {
    id: 'judgment-word',
    category: 'judgment',
    description: 'Judgment words ("wrong", "bad", "ugly", "useless", "mess", "stupid", "garbage"…).',
    triggers: JUDGMENT_TRIGGERS,
    pattern: w(JUDGMENT_WORDS.join('|')),
    accept: (ctx) => !selfDirected(ctx) && !ownProposal(ctx) && !/^-proof/i.test(ctx.masked.slice(ctx.end, ctx.end + 6)) && aimedAtAuthor(ctx),
    range: judgmentRange,
    message: (ctx) => `"${quoteWord(ctx)}" is a verdict. A question about what the code does invites the author to explain, and often to find the issue themselves.`,
    rewrites: sentenceJudgment((ctx) => kindOf(ctx.word)),
  },
  // --- profanity and insults
  {
    id: 'insult',
    category: 'profanity',
    description: 'Insults ("idiot", "moron", "clown"…).',
    triggers: INSULT_TRIGGERS,
    pattern: w(INSULTS),
    // "idiot-proof", "foolproof" describe the design, not a person.
    accept: (ctx) =>
      !selfDirected(ctx) && !/^\s*-?proof/i.test(ctx.masked.slice(ctx.end, ctx.end + 8)) && !/knee-$/i.test(ctx.masked.slice(Math.max(0, ctx.start - 5), ctx.start)),
    message: () => 'An insult attacks the person. Talk about the code and what you would change.',
    rewrites: (ctx) => profanityRewrites(ctx.word),
  },
  {
    id: 'profanity',
    category: 'profanity',
    description: 'Profanity and swearing, including masked spellings (f*ck, sh!t) and abbreviations (wtf).',
    triggers: PROFANITY_TRIGGERS,
    censored: ['f', 'fu', 'fuc', 'sh', 'shi', 'b', 'a', 'd', 'da', 'cr'],
    pattern: w(PROFANITY.join('|')),
    // "Argh, I'm an idiot.": a groan at the writer's own slip.
    accept: (ctx) => !groanAtSelf(ctx),
    message: () => 'Swearing in a review reads as anger, even when aimed at yourself or the tools. Plain words carry the point.',
    rewrites: (ctx) => profanityRewrites(ctx.word),
  },
];

export const RULES: readonly RuleDef[] = withVariants(RULE_LIST, {
  // "This code should never have been merged.", "Nobody can review that.": the work judged as a whole,
  // tried at "never" and "nobody" only (not through the judgment words' whole pattern there).
  'judgment-word': { triggers: ['never', 'nobody'], pattern: w(String.raw`(?=never)(?<=\bshould\s+)never\s+have\s+been\s+(?:merged|accepted|applied|committed)(?=\s*(?:in\s+the\s+first\s+place)?\s*[.!]|\s*$)|nobody\s+(?:can|could|will\s+ever|can\s+ever)\s+(?:review|read|understand|maintain)\s+(?:this|that|it)(?=\s*[.!]|\s*$)`) },
});

/** The trigger for a team word: its first run of word characters, as the tokenizer sees it. */
function teamTrigger(word: string): string {
  const lower = word.toLowerCase().replace(/\u2019/g, "'");
  const first = /^[\p{L}\p{N}_']+/u.exec(lower)?.[0] ?? '';
  const whole = first === lower;
  // A prefix for one-word entries (inflections); the first word exactly for phrases and symbols.
  if (whole) return `${/[^aeiou]y$|e$/.test(first) ? first.slice(0, -1) : first}*`;
  return /\s/.test(lower.slice(first.length, first.length + 1)) ? first : `${first}*`;
}

/** Builds the team-word rule for a set of extra judgment words (the file's `hints:` block). */
export function teamWordRule(words: readonly string[]): RuleDef | undefined {
  const list = words.map((x) => x.trim()).filter((x) => x.length > 0 && /[\p{L}\p{N}]/u.test(x));
  if (list.length === 0) return undefined;
  const matcher = teamMatcher(list);
  return {
    id: 'team-word',
    category: 'judgment',
    description: "The team's own judgment words (`hints.extraJudgmentWords`).",
    triggers: [...new Set(list.map(teamTrigger))].filter((t) => t !== '*'),
    // The one alternation, never compiled: `matchAt` tries only the entries that can start at a word (./teamWords.ts).
    pattern: `${B}${matcher.source}`,
    matchAt: matcher.matchAt,
    accept: aimedAtAuthor,
    range: judgmentRange,
    message: (ctx) => `"${quoteWord(ctx)}" is on your team's list of judgment words. A question about the code keeps the conversation open.`,
    rewrites: sentenceJudgment(() => 'quality'),
  };
}

export const TEAM_RULE_INFO = {
  id: 'team-word',
  category: 'judgment' as HintCategory,
  description: "The team's own judgment words (`hints.extraJudgmentWords`).",
};

