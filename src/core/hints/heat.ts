/**
 * Cues of a heated thread that single judgment words miss: the writer's bitter frustration ("I'm
 * fed up with this", "still broken after two years", "this is beyond me"), entitlement ("I demand",
 * "we pay for this", "it's your job", "this should have been fixed long ago"), contempt for the
 * person's care or effort ("you clearly don't care", "get off your high horse", "comments like
 * yours") and rhetorical questions that complain instead of asking ("How am I supposed to…?",
 * "Is that too much to ask?", "Why do I have to…?").
 *
 * Each is a class of language, not a list of one forum's phrases: the patterns name the frame
 * (who feels what, who owes what, who is asked to justify what) and take the words that fill it.
 * Every rule offers a question that keeps the technical point where the comment has one
 * (./question), and says why where it has none.
 */
import { APOS, isQuestion, sentenceOf, SS, w, withVariants, type MatchContext, type RuleDef } from './ruleKit';
import { proposalIn, proposalQuestion, proposalRequest, rhetoricalQuestion } from './question';
import type { Span } from './tokenize';

function sentenceText(ctx: MatchContext, range: Span): string {
  return ctx.text.slice(range.start, range.end);
}

function questionOr(sentence: string, fallback: string[]): string[] {
  const p = proposalIn(sentence);
  return p ? [proposalQuestion(p), proposalRequest(p), ...fallback] : fallback;
}

/** The writer hedging or setting a condition right before the cue: "if you don't care about X, use Y". */
const HEDGE_BEFORE_RE =
  /\b(?:if|when|unless|whether|maybe|perhaps|i\s+(?:think|guess|suppose)|even\s+if|so\s+that|in\s+case|(?:understand|reali[sz]e|know|appreciate|agree|see|get)(?:\s+(?:that|why|how))?|as\s+an?\s+\w+(?:\s+\w+)?)\s+(?:[\w,]+\s+){0,3}$/i;

function hedged(ctx: MatchContext): boolean {
  const s = sentenceOf(ctx);
  const before = ctx.masked.slice(s.start, ctx.start);
  // A sentence that opens with a condition ("In case you cannot use CMake, it is your job to…") sets one up.
  if (/^\s*(?:if|in\s+case|when|unless|as\s+long\s+as|once)\b/i.test(before)) return true;
  return HEDGE_BEFORE_RE.test(before.slice(-60));
}

/** Intensifiers a feeling may carry: "so", "really", "more and more". */
const INTENSE = String.raw`(?:(?:so|really|very|extremely|incredibly|honestly|just|getting|more\s+and\s+more|quite|totally|utterly|absolutely|pretty|beyond|seriously)\s+)*`;

/** Feelings that are anger or exasperation, said as the writer's own. */
const FED_UP = String.raw`frustrated|disappointed|fed\s+up|annoyed|disgusted|appalled|furious|livid|infuriated|exasperated|outraged|pissed(?:\s+off)?|sick\s+(?:and\s+tired\s+)?of|done\s+with|tired\s+of\s+(?:this|it|waiting|asking)`;

/** What the situation is said to be, when it is a complaint rather than a description. */
const GRIEVANCE = String.raw`frustrating|disappointing|infuriating|maddening|exhausting|unbearable|unbelievable|outrageous|insulting|a\s+(?:joke|farce|disgrace|travesty)|beyond\s+(?:ridiculous|frustrating|annoying|me)`;

/** Spans of time a fault has lasted, for "still broken after two years". */
const SPAN_OF_TIME = String.raw`(?:\w+\s+){0,2}(?:years?|months?|weeks?|ages|decades?|releases|versions)`;

/** What the incredulity alternatives of the frustration rule match. */
const INCREDULITY = /(?:believe|baffled|flabbergasted|dumbfounded|astounded|stunned|gobsmacked)/;

const FRUSTRATION_FALLBACK = "I've been stuck on this for a while; what would help move it forward?";

const HEAT_RULE_LIST: readonly RuleDef[] = [
  {
    id: 'frustration',
    category: 'judgment',
    description: 'Bitter frustration: "I\'m fed up with…", "this is infuriating", "still broken after two years", "this is beyond me", "I give up".',
    triggers: ["i'm", 'im', 'i', "i've", 'this', 'that', 'it', "it's", "that's", 'is', 'still', 'been', 'broken', 'useless', 'unusable', 'what', 'time', 'will', 'never', 'nobody', 'no', 'years', 'months', "isn't", 'isnt', 'aren\'t', 'arent', 'are', 'was', 'were', 'very', 'really', 'so', 'extremely', 'quite', 'deeply', 'hugely', 'incredibly', 'hard', "can't", 'cant', 'cannot', 'could', "couldn't", 'couldnt', "i've", 'we', "we've"],
    pattern: w(
      String.raw`(?:i${APOS}m|im|i\s+am|i${APOS}ve\s+been|i\s+have\s+been|i\s+get|i\s+got|i\s+feel|i\s+felt)\s+${INTENSE}(?:${FED_UP})` +
        String.raw`|(?:this|that|it)(?:${APOS}s|\s+is|\s+was|\s+has\s+been|\s+is\s+getting|\s+gets)\s+${INTENSE}(?:${GRIEVANCE})` +
        String.raw`|is\s+beyond\s+me|i\s+give\s+up|what\s+a\s+(?:joke|farce|waste\s+of\s+\w+|disaster|shambles)` +
        String.raw`|(?:still|been|is)\s+(?:completely\s+|totally\s+|basically\s+)?(?:broken|useless|unusable|unfixed|ignored|unanswered)\s+(?:for|after|since)\s+${SPAN_OF_TIME}(?!\s+(?:before|until|till))` +
        String.raw`|(?:broken|useless|unusable)\s+(?:for|since)\s+${SPAN_OF_TIME}(?!\s+(?:before|until|till))` +
        String.raw`|(?:years?|months?)\s+(?:later|on)(?=[^.!?\n]{0,60}\b(?:still|nothing|no\s+(?:fix|progress|response|reply)|not\s+(?:fixed|resolved|merged)))` +
        String.raw`|time\s+to\s+(?:switch|move|migrate)\s+to|time\s+to\s+(?:look\s+for|find)\s+(?:an\s+)?alternatives?` +
        String.raw`|(?:will|is\s+going\s+to|gonna)\s+never\s+(?:be|get)\s+(?:fixed|merged|done|implemented|resolved|addressed)|never\s+(?:going\s+to|gonna)\s+(?:be|get)\s+(?:fixed|merged|done|implemented|resolved)` +
        String.raw`|(?:nobody|no\s+one)\s+(?:here\s+|(?:from|at|on|in|of)\s+(?:the\s+)?(?:[\w-]+\s+){1,2})?(?:seems\s+to\s+|even\s+|actually\s+|ever\s+)?(?:care|cares|listens|reads|bothers|responds|answers|replies)\b(?!\s+(?:about\s+the\s+(?:order|name|format|spelling)))` +
        String.raw`|(?:isn${APOS}?t|is\s+not|aren${APOS}?t|are\s+not|was\s+never|were\s+never)\s+(?:even\s+|really\s+|remotely\s+)?interested\s+in\s+(?:fixing|supporting|listening|maintaining|helping|improving|hearing|solving)` +
        String.raw`|no\s+(?:answer|response|reaction|reply|feedback|fix)s?\s*,\s*no\s+(?:answer|response|reaction|reply|feedback|fix|update|progress)` +
        String.raw`|(?<=(?:^|[.!?]\s+|\n)\s*)(?:very|really|so|extremely|quite|deeply|hugely|incredibly)\s+disappointing` +
        String.raw`|time\s+to\s+(?:create|make|start)\s+(?:a|an|our\s+own)\s+(?:[\w-]+\s+)?fork` +
        // Incredulity at the project or a person: "I'm baffled that…", "hard to believe that…", "I can't believe you…".
        String.raw`|(?:i${APOS}m|im|i\s+am)\s+(?:honestly\s+|really\s+|just\s+|frankly\s+|truly\s+)?(?:baffled|flabbergasted|dumbfounded|astounded|stunned|gobsmacked)\s+(?:that|by|at|how|why)` +
        String.raw`|(?:it${APOS}s\s+|it\s+is\s+)?(?:very\s+|really\s+)?hard\s+(?:for\s+me\s+)?to\s+believe\s+(?:that|this|you|anyone|nobody|no\s+one|it)` +
        String.raw`|(?:i\s+)?(?:can${APOS}?t|cannot|could\s*n${APOS}?t)\s+believe\s+(?:that\s+)?(?:this|you|anyone|nobody|no\s+one|people|they|it${APOS}s|it\s+(?:is|was|has|got|took))` +
        // Hours lost, said as a grievance: "time wasted on this", "I wasted two hours on this".
        String.raw`|time\s+wasted|(?:i${APOS}ve|i\s+have|i|we${APOS}ve|we\s+have|we)\s+(?:just\s+)?wasted\s+(?:(?:\w+|an?)\s+)?(?:hours?|days?|weeks?|afternoon|morning|evening|time)`,
    ),
    accept: (ctx) => {
      const s = sentenceOf(ctx);
      const sentence = ctx.masked.slice(s.start, s.end);
      // "I'm done with the review", "I was frustrated until I found the flag, thanks!": relief or a report.
      if (/\bthank|\bappreciat|\bsorry\b/i.test(sentence)) return false;
      if (/done\s+with$/.test(ctx.word) && /^\s+(?:the|my|this\s+(?:review|pass|round)|review|it\b)/i.test(ctx.masked.slice(ctx.end, ctx.end + 20))) return false;
      // "If this is a joke, …", "I'd be frustrated too if…": a condition, not a complaint.
      if (hedged(ctx)) return false;
      // "I can't believe how fast this is, nice!": surprise, pleased.
      if (INCREDULITY.test(ctx.word) && /\b(?:nice|great|awesome|cool|amazing|love|lovely|works?|worked|fast|easy|good|glad|happy|neat|brilliant|excellent|impressive|beautiful)\b/i.test(sentence)) return false;
      return true;
    },
    range: (ctx) => sentenceOf(ctx),
    message: () =>
      'Frustration, said as a verdict, puts the people reading on the defensive and hides what you need. Name the problem, what it costs you, and ask what would help.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      // Incredulity: what surprised the writer is the point; ask what they are missing.
      const surprised = INCREDULITY.test(ctx.word) ? /\b(?:believe|baffled|flabbergasted|dumbfounded|astounded|stunned|gobsmacked)\s+(?:that\s+|by\s+|at\s+)?([^.!?\n]{4,120}?)\s*[.!?]*$/i.exec(s) : null;
      if (surprised) {
        const what = surprised[1]!.replace(/\byou\b/gi, 'we');
        return [`I'm surprised ${what}; what am I missing?`, `thought: I did not expect ${what}; could we talk it through?`];
      }
      if (/wasted/.test(ctx.word)) return ['This took me a long time; what would help others not run into it?', 'thought: this cost me a lot of time; could we find a way to make it easier?'];
      // What the frustration is about is the point: "fed up with this installer" → the installer.
      const about = /\b(?:with|of|by)\s+((?:the|this|these|that|those|every|each|my|our)\s+[^.!?,;\n]{2,60}?)\s*[.!?]*$/i.exec(s);
      if (about) {
        const thing = about[1]!.replace(/^my\b/i, 'the').replace(/^our\b/i, 'the');
        return [`I keep running into trouble with ${thing}; what would help here?`, `thought: ${thing} has cost me a lot of time; could we find a way forward together?`];
      }
      return questionOr(s, [FRUSTRATION_FALLBACK, 'thought: this has cost me a lot of time; could we find a way forward together?']);
    },
  },
  {
    id: 'entitlement',
    category: 'command',
    description: 'Entitlement: "I demand…", "we pay for this", "it\'s your job", "I need you to…", "this should have been fixed long ago".',
    triggers: ['i', 'we', "we're", "i'm", 'as', "it's", 'it', "that's", 'that', 'do', 'you', 'this', 'should', 'must', 'needs', 'need', 'who', 'the', 'is'],
    pattern: w(
      String.raw`i\s+(?:demand|insist\s+(?:on|that))|we\s+(?:pay|paid|are\s+paying)\s+(?:for|you)|(?:i${APOS}m|i\s+am|we${APOS}re|we\s+are)\s+(?:a\s+)?paying\s+(?:customers?|users?|clients?|for)|as\s+(?:a\s+)?paying\s+(?:customers?|users?|clients?)` +
        String.raw`|i\s+need\s+you\s+to|you\s+owe\s+(?:us|me|it\s+to)|(?:it${APOS}s|it\s+is|that${APOS}s|that\s+is|this\s+is)\s+(?:literally\s+|quite\s+literally\s+)?your\s+(?:job|responsibility)|do\s+your\s+job` +
        String.raw`|(?:this|it)\s+(?:should|must)\s+have\s+been\s+(?:fixed|done|implemented|added|released|addressed|merged)\s+(?:long\s+ago|years\s+ago|months\s+ago|ages\s+ago|a\s+long\s+time\s+ago)` +
        String.raw`|(?:should|must|needs?\s+to)\s+be\s+(?:fixed|done|released|implemented|merged|added|resolved|addressed)\s+(?:immediately|right\s+away|right\s+now|asap|today)` +
        String.raw`|the\s+(?:very\s+)?least\s+you\s+(?:can|could)\s+do|who\s+(?:will|is\s+going\s+to|would)\s+pay\s+(?:me|us)|is\s+the\s+(?:bare\s+)?minimum\s+(?:i|we|users|anyone)\s+(?:can\s+)?expect`,
    ),
    accept: (ctx) => {
      // "If we pay for the hosting…", "I need you to confirm the version" is a request for a fact.
      if (hedged(ctx)) return false;
      if (/^i\s+need\s+you\s+to$/.test(ctx.word) && /^\s+(?:confirm|check|test|try|share|send|run|post|paste|tell|provide|look|review|rebase)\b/i.test(ctx.masked.slice(ctx.end, ctx.end + 16))) return false;
      return !(/^we\s/.test(ctx.word) && isQuestion(ctx));
    },
    range: (ctx) => sentenceOf(ctx),
    message: () =>
      'A demand tells the people doing the work what they owe you, which makes them less willing to help. Say what you need and why it matters to you, and ask what is possible.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      // The thing demanded is the point: "it's your job to keep the docs current" → could we keep them current?
      const ask = /\b(?:job|responsibility|need\s+you)\s+to\s+([\p{L}-]+)([^.!?;\n]*)/iu.exec(s);
      if (ask) return [`Could ${/need/i.test(ask[0]) ? 'you' : 'we'} ${ask[1]!.toLowerCase()}${ask[2]!.replace(/\byour\b/gi, 'the').replace(/[\s,]+$/, '')}? It matters to us because…`, `suggestion: let's ${ask[1]!.toLowerCase()}${ask[2]!.replace(/[\s,]+$/, '')}.`];
      if (/\bshould\s+have\s+been\b/i.test(s)) return ['This has been open a long time for us; is there a plan for it, or could we help?', "thought: this has blocked us for a long time; I'd like to understand what is possible."];
      return questionOr(s, ['This matters a lot to us; is there a way to get it prioritised, or could we help?', "thought: this blocks us; I'd like to understand what is possible."]);
    },
  },
  {
    id: 'contempt',
    category: 'blame',
    description: 'Contempt for the person\'s care or effort: "you clearly don\'t care", "you didn\'t even bother", "get off your high horse", "comments like yours".',
    triggers: ['what', "what's", 'whats', 'wats', 'improve', 'work', 'brush', "couldn't", 'couldnt', 'calm', 'chill', 'i', 'is', 'surely', 'should', 'need', 'ought', 'instead', 'who', 'developers', 'devs', 'maintainers', 'those', 'the', 'you', 'get', 'come', 'climb', 'comments', 'replies', 'posts', 'answers', 'responses', 'complaints', 'users', 'attitude', 'attitudes', 'people', 'that', "that's", 'not', 'your', "you're", 'youre'],
    pattern: w(
      String.raw`you\s+(?:(?:just|clearly|obviously|simply|really|apparently|never|don${APOS}?t\s+even|do\s+not\s+even)\s+)?(?:don${APOS}?t|do\s+not|didn${APOS}?t|did\s+not)\s+(?:(?:even|really|seem\s+to)\s+)?(?:care|bother)(?!\s+(?:about\s+the\s+(?:order|name|format|spelling)|which|either|much))` +
        String.raw`|(?:get|come|climb)\s+(?:down\s+)?off\s+(?:of\s+)?your\s+(?:\w+\s+)?high\s+horse|(?:comments|replies|posts|answers|responses|complaints|people|users|attitudes?)\s+like\s+(?:yours|you)\b` +
        String.raw`|(?:that${APOS}s|that\s+is|it${APOS}s|it\s+is|this\s+is|is)\s+(?:entirely\s+|totally\s+|simply\s+|solely\s+|purely\s+)?your\s+problem|not\s+my\s+problem(?=\s*[.!]|\s*$)|(?:you${APOS}re|youre|you\s+are)\s+(?:really\s+)?not\s+helping` +
        String.raw`|(?:what${APOS}?s|whats|wats|what\s+is)\s+(?:your|ur)\s+(?:problem|deal|issue)(?=\s*[?!])|surely\s+you\s+(?:jest|can${APOS}?t\s+be\s+serious)` +
        String.raw`|(?:should|need\s+to|ought\s+to)\s+(?:consider\s+)?(?:change|changing|find|finding|pick|picking)\s+(?:a\s+)?(?:new\s+|another\s+|different\s+)?(?:careers?|jobs?|hobby|hobbies|profession)` +
        // "Whoever designed this should be ashamed" ("don't care about their users": HEAT_RULES' variant below).
        String.raw`|should\s+be\s+(?:deeply\s+|truly\s+|very\s+)?ashamed(?:\s+of\s+(?:themselves|yourselves|yourself|himself|herself))?` +
        String.raw`|instead\s+of\s+(?:just\s+)?(?:complaining|whining|bashing|moaning|ranting|attacking|insulting|blaming|demanding|trolling|repeating\s+(?:your|the\s+same))` +
        String.raw`|(?:you${APOS}re|youre|you\s+are)\s+(?:just\s+|clearly\s+|simply\s+|still\s+)?not\s+(?:following|listening|reading|getting\s+it)` +
        String.raw`|you\s+(?:clearly|obviously|apparently)\s+(?:haven${APOS}?t|have\s+not|didn${APOS}?t|did\s+not)\s+(?:gotten|got|read|understood|listened|bothered)` +
        String.raw`|(?:who|people|developers|devs|maintainers)\s+(?:can${APOS}?t|cannot|couldn${APOS}?t|can\s+not)\s+even` +
        String.raw`|(?:people|those|the\s+ones)\s+who\s+actually\s+do\s+(?:the|all\s+the)\s+work` +
        String.raw`|(?:you${APOS}re|youre|you\s+are)\s+(?:just\s+|clearly\s+|simply\s+|deliberately\s+|again\s+)?(?:twisting|deflecting|trolling|lying|cherry-?picking|moving\s+the\s+goal\s*posts|putting\s+words)` +
        String.raw`|you\s+(?:(?:simply|just|clearly|still)\s+)?(?:refuse|refused|keep\s+refusing|fail|failed|keep\s+failing)\s+to\s+(?:answer|listen|read|understand|acknowledge|accept|admit|explain|address|see)` +
        String.raw`|your\s+(?:constant\s+|endless\s+|repeated\s+)?(?:insistence|rant|ranting|whining|complaining|entitlement|condescension|arrogance|hostility)\b` +
        String.raw`|(?:improve|work\s+on|brush\s+up(?:\s+on)?)\s+your\s+(?:\w+\s+)?(?:skills?|reading|english|comprehension|manners)` +
        String.raw`|i\s+(?:don${APOS}?t|do\s+not)\s+care(?=\s*!)|(?:i\s+)?couldn${APOS}?t\s+care\s+less` +
        String.raw`|(?<=(?:^|[.!?,;]\s+|\n|\b(?:just|please|so|now)\s+))(?:calm\s+down|chill\s+out)(?=\s*[,.!]|\s*$)`,
    ),
    accept: (ctx) => {
      if (hedged(ctx)) return false;
      const s = sentenceOf(ctx);
      // "Thanks to the people who actually do the work": praise.
      if (/\bthank/i.test(ctx.masked.slice(s.start, s.end))) return false;
      // "What's your problem?" is asked to attack; the other forms asked are questions ("Do you care about the order?").
      return !isQuestion(ctx) || /(?:your|ur)\s+(?:problem|deal|issue)$/.test(ctx.word);
    },
    range: (ctx) => sentenceOf(ctx),
    message: () =>
      'This is about the person\'s care or worth, not the code, so there is no technical point to keep in a question. Say what you need from them, or leave it out.',
    // No technical point to keep: an invitation, or deleting the sentence.
    rewrites: () => ['It feels like we see this differently; could we talk about what each of us needs here?', ''],
  },
  {
    id: 'complaint-question',
    category: 'disguised-question',
    description: 'Questions that complain: "How am I supposed to…?", "Is that too much to ask?", "Why do I have to…?", "Why is this such a big deal?", "Haven\'t you read…?".',
    triggers: ['how', 'is', 'was', 'why', "what's", 'whats', 'what', "haven't", 'havent', 'so', 'too', "isn't", 'isnt'],
    pattern: w(
      String.raw`how\s+(?:am|are|is)\s+(?:i|users?|people|anyone|anybody|someone|one)\s+(?:even\s+)?supposed\s+to|(?:is|was)\s+(?:it|that|this)\s+(?:really\s+)?(?:too|so)\s+much\s+to\s+ask|too\s+much\s+to\s+ask|too\s+(?:difficult|hard|complicated)\s+for\s+(?:some\s+people|you|people|anyone)` +
        String.raw`|why\s+(?:do|does|should|must)\s+(?:i|anyone|anybody|users?|people)\s+(?:still\s+|even\s+|always\s+)?(?:have|need)\s+to|why\s+(?:should|would)\s+(?:i|anyone|anybody)\s+(?:even\s+)?(?:bother|care|trust|use|believe|want)` +
        String.raw`|why\s+is\s+(?:it|this|that)\s+such\s+a\s+(?:big\s+)?(?:deal|problem|hassle|struggle)|why\s+is\s+there\s+such\s+(?:a\s+)?|what${APOS}?s?\s+(?:is\s+)?so\s+(?:hard|difficult|complicated)\s+about` +
        String.raw`|haven${APOS}?t\s+you\s+(?:ever\s+)?(?:seen|read|noticed|heard|tried)|so\s+you\s+(?:didn${APOS}?t|don${APOS}?t|did\s+not|do\s+not)\s+even|what\s+(?:else\s+)?(?:did|do)\s+you\s+expect(?=\s*[?!]|\s+(?:from|when|if)\b)` +
        String.raw`|how\s+(?:long|many\s+more\s+\w+)\s+(?:must|do|will|should|are|have)\s+(?:we|i|users|people|you)\s+(?:going\s+to\s+|supposed\s+to\s+|have\s+to\s+)?(?:wait|suffer|put\s+up)`,
    ),
    // A complaint in question form is a question: without the mark it is a statement another rule judges.
    accept: (ctx) => isQuestion(ctx) && !hedged(ctx),
    range: (ctx) => sentenceOf(ctx),
    message: () => 'A question that complains asserts instead of asking. Say what blocks you, and ask what you really want to know.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      const q = rhetoricalQuestion(s);
      return q ? [q, 'Could you walk me through this?'] : questionOr(s, ['What am I missing here? Could you walk me through it?', 'I see this differently; here is what blocks me:']);
    },
  },
  {
    id: 'fork-it',
    category: 'command',
    description: 'Dismissal as advice: "then fork it", "if you don\'t like it, …", "do it yourself", "go use something else".',
    triggers: ['then', 'if', 'just', 'go', 'fork', 'do', 'feel', 'you'],
    pattern: `(?=then|if|just|go|fork|do|feel|you)${SS}${w(
      String.raw`(?:then\s+|just\s+|so\s+)?(?:go\s+)?(?:fork\s+it|do\s+it\s+yourself|fix\s+it\s+yourself|write\s+it\s+yourself|use\s+(?:something|another\s+(?:tool|library|project))\s+else|go\s+(?:use|find)\s+(?:something|another)|feel\s+free\s+to\s+(?:leave|use\s+something\s+else|go\s+elsewhere))` +
        String.raw`|if\s+you\s+(?:don${APOS}?t|do\s+not)\s+like\s+(?:it|this|that)`,
    )}`,
    range: (ctx) => sentenceOf(ctx),
    message: () => 'Telling someone to go elsewhere ends the conversation. If the request will not be taken, say why, and what they can do.',
    rewrites: () => ["This isn't something we plan to take on; could we talk about what would work for you?", "thought: we won't add this here, because…"],
  },
];

export const HEAT_RULES: readonly RuleDef[] = withVariants(HEAT_RULE_LIST, {
  // "The devs clearly don't care about their users.", tried at "care" (not through the rule's whole pattern).
  contempt: {
    triggers: ['care'],
    pattern: w(String.raw`(?=care)(?<=\b(?:don${APOS}?t|do\s+not|doesn${APOS}?t|does\s+not)\s+(?:even\s+|really\s+|seem\s+to\s+)?)care\s+(?:about|for)\s+(?:their|its|your|the)\s+(?:users|customers|community|contributors)`),
  },
});
