/**
 * Sentence cues beyond single words: obligation aimed at the author ("you should have…", "you need
 * to…"), absolutes and pile-ons ("everybody knows", "for the hundredth time"), impatience and
 * threats, attacks on the person, rhetorical questions that ask nothing ("since when do we…?"),
 * and shouting (capitals, "!!!"). Each keeps its technical point in a question where it has one
 * (./question), and says why where it has none.
 */
import { APOS, B, E, isQuestion, SS, sentenceOf, w, withVariants, type MatchContext, type RuleDef } from './ruleKit';
import { obligationRewrites, proposalIn, proposalQuestion, proposalRequest, rhetoricalQuestion } from './question';
import type { Span } from './tokenize';
import { baseOfParticiple, gerund } from './verbs';

function sentenceText(ctx: MatchContext, range: Span): string {
  return ctx.text.slice(range.start, range.end);
}

/** The writer hedges about themselves ("I think you need to…", "if you need to…"): advice, not an order. */
const CONDITIONAL_BEFORE_RE = /\b(?:if|when|whenever|unless|once|before|after|to|so|then|where|whether|because|since|what|which|that|how|maybe|perhaps|think|guess|believe|suppose|probably|i['\u2019]?d\s+say|otherwise|and|or)\s+(?:\w+\s+){0,2}$/i;

function conditional(ctx: MatchContext): boolean {
  const s = sentenceOf(ctx);
  return CONDITIONAL_BEFORE_RE.test(ctx.masked.slice(Math.max(s.start, ctx.start - 40), ctx.start));
}

/** The best question for a sentence that proposes something, else the fallback. */
function questionOr(sentence: string, fallback: string[]): string[] {
  const p = proposalIn(sentence);
  return p ? [proposalQuestion(p), proposalRequest(p), ...fallback] : fallback;
}

/** The real question behind a criticism asked as a question, keeping its point; undefined for the others. */
function criticismQuestion(word: string, sentence: string): string[] | undefined {
  const rest = (re: RegExp): string => (re.exec(sentence)?.[1] ?? '').replace(/\byour\b/gi, 'the').replace(/[\s?!.]+$/, '');
  const why = /^why\s+would\s+(?:we|i)\s+(?:ever\s+|even\s+)?(\w+)/.exec(word);
  if (why) {
    const what = rest(/\bwhy\s+would\s+(?:we|i)\s+(?:ever\s+|even\s+)?\w+\s+(.*)$/i) || 'this';
    const doing = /^(?:want|need|care|bother)$/.test(why[1]!) ? what.replace(/^(?:to\s+)/i, '') : `${gerund(why[1]!)} ${what}`;
    return [`What would ${doing} give us? I'm not convinced yet.`, `thought: I'm not convinced we need ${doing}, because…`];
  }
  if (/^who\s+(?:even\s+|really\s+|actually\s+)?(?:needs|asked|cares)/.test(word)) return ['What is this for? I may be missing the use case.', "thought: I'm not sure who needs this yet."];
  const who = /(maintain|review|debug|understand|read|support)\s+(?:this|that|it|all\s+(?:this|that))$/.exec(word);
  if (who) return [`How would we ${who[1]} this later? I'm worried it will be hard to ${who[1]}.`, `thought: I'm worried this will be hard to ${who[1]}.`];
  if (/^how\s+is\s+\w+\s+any\s/.test(word)) {
    const plain = sentence.replace(/\bany\s+(?=(?:better|different|faster|safer|simpler|clearer|cleaner|easier|more)\b)/i, '').replace(/[\s?!.]+$/, '');
    return [`${plain}? I may be missing what it improves.`, 'Could you walk me through what this improves?'];
  }
  if (/^(?:is|are)\s+\w+\s+really\s/.test(word)) {
    const plain = sentence.replace(/\s+really\b/i, '').replace(/[\s?!.]+$/, '');
    return [`${plain}? I'm not sure yet, and would like to understand the reasoning.`, 'Could you walk me through the reasoning here?'];
  }
  const so = /^why\s+(?:is|are|does|do)\s+(.+?)\s+(?:so|this|that)\s+([\w ]+)$/.exec(word);
  if (so) {
    // The plain words are kept ("complicated", "long"); verdicts ("convoluted", "messy") are said as what they cost.
    const how = /^(?:complicated|complex|long|verbose|big|huge|fragile|magic(?:al)?|hard\s+to\s+\w+)$/.test(so[2]!) ? so[2]! : 'hard to follow';
    return [`What makes ${so[1]} ${how}? I wonder if there is a simpler way.`, `thought: ${so[1]} reads as ${how} to me; is there a simpler way?`];
  }
  const meant = /supposed\s+to\s+be\s+(.+)$/.exec(word);
  if (meant) return [/joke|funny/.test(meant[1]!) ? 'Could you walk me through the intent here? I was surprised by it.' : `How could we make this ${meant[1]!.replace(/^an?\s+/, '')}? I'm not sure it is yet.`, 'Could you walk me through the intent here?'];
  if (/^do\s+you\s+(?:actually|really|even)\s/.test(word)) return ['Could you walk me through what this does? I read it differently.', 'thought: I read this differently: …'];
  if (/^why\s.*\sagain$/.test(word)) {
    const m = /\bwhy\s+(did|do|are|have|would)\s+(you|we)\s+(.*?)\s+again[\s?!.]*$/i.exec(sentence);
    if (m) {
      const who = m[2]!.toLowerCase();
      const what = m[3]!.replace(/\byour\b/gi, 'the');
      // "did you reformat X" → "made you reformat X"; "are you changing X", "have you renamed X": the form kept.
      const made = `What made ${who === 'we' ? 'us' : 'you'}`;
      const asked = /^are$/i.test(m[1]!)
        ? `What is behind ${what}`
        : /^have$/i.test(m[1]!)
          ? `${made} ${what.replace(/^([\p{L}-]+)/u, (v) => baseOfParticiple(v) ?? v)}`
          : `${made} ${what}`;
      return [`${asked} once more? I thought we had settled it.`, 'Could you walk me through the reasoning here?'];
    }
  }
  const atAll = /^(?:did|have|do)\s+you\s+(?:even\s+)?([\p{L}]+)\b(.*?)\s+at\s+all$/u.exec(word);
  if (atAll) {
    const v = atAll[1]!;
    const base = baseOfParticiple(v) ?? ({ ran: 'run', tried: 'try', thought: 'think', built: 'build', looked: 'look' } as Record<string, string>)[v] ?? v;
    const what = atAll[2]!.replace(/\byour\b/gi, 'the');
    return [`Did you get a chance to ${base}${what}?`, `Could we ${base}${what} together?`];
  }
  // "Did anyone actually run this?", "Could you at least try to…?", "How did this pass CI?", "…you ignored every comment…?"
  // (these matches start at "anyone", "least", "pass", "reason": the rule is tried at those rarer words).
  const anyone = /^(?:anyone|anybody|nobody)\s+(?:actually\s+|even\s+|ever\s+|really\s+)?(run|test|try|read|review|compile|build|check|look\s+at)\s/.exec(word);
  if (anyone) {
    const what = rest(/\b(?:anyone|anybody|nobody)\s+(?:actually\s+|even\s+|ever\s+|really\s+)?(?:run|test|try|read|review|compile|build|check|look\s+at)\s+(.*)$/i) || 'this';
    return [`Did you get a chance to ${anyone[1]!} ${what}?`, 'Could we go over this part together?'];
  }
  if (/^least\s/.test(word)) {
    const plain = sentence.replace(/\s+at\s+least\b/i, '').replace(/[\s?!.]+$/, '');
    return [`${plain}? It would help me review it.`, 'Could we go over this part together?'];
  }
  if (/^(?:pass|past|through)$/.test(word)) {
    const what = rest(/\bhow\s+did\s+(?:this|that|it)\s+(?:even\s+|ever\s+)?(?:get\s+|make\s+it\s+)?(?:pass|past|through)\s+(.*)$/i);
    return what ? [`Could we find out why ${what} did not catch this?`, `thought: I'm surprised ${what} let this through.`] : ['Could we find out why this was not caught earlier?', "thought: I'm surprised this was not caught."];
  }
  if (/^before\s/.test(word)) {
    const m = /\b(?:did|have)\s+you\s+(?:even\s+|actually\s+|ever\s+)?(look(?:ed)?\s+at|read|test(?:ed)?|run|ran|build|built|compiled?|tr(?:y|ied)|check(?:ed)?)\s+(.*?)\s+before\s+([^?!.\n]+)/i.exec(sentence);
    if (m) {
      const v = m[1]!.toLowerCase();
      const base = /^look/.test(v) ? 'look at' : ({ tested: 'test', ran: 'run', built: 'build', compiled: 'compile', tried: 'try', checked: 'check' } as Record<string, string>)[v] ?? v;
      return [`Did you get a chance to ${base} ${m[2]!.replace(/\byour\b/gi, 'the')} before ${m[3]!.trim()}?`, 'Could we go over this part together?'];
    }
  }
  if (/^seriously\s/.test(word)) {
    const plain = sentence.replace(/\s+seriously\b/i, '').replace(/[\s?!.]+$/, '');
    return [`${plain}? I have concerns about it.`, 'Could you walk me through the reasoning here?'];
  }
  if (/^supposed\s+to$/.test(word)) {
    const plain = sentence.replace(/\s+exactly\b/i, '').replace(/\bsupposed\s+to\b/i, 'meant to').replace(/[\s?!.]+$/, '');
    return [`${plain}? I may be missing the use case.`, 'Could you walk me through the intent here?'];
  }
  if (word === 'again') {
    const plain = sentence.replace(/,\s*again\s*\?[\s?!]*$/i, '');
    return [`${plain}? I thought we had settled it.`, 'Could we go over this part together?'];
  }
  if (/^understand\s+what\s/.test(word)) return ['Could you walk me through what this does? I read it differently.', 'thought: I read this differently: …'];
  if (/^reason\s+you\s/.test(word)) {
    const what = rest(/\byou\s+(?:ignored|skipped|dropped|disregarded)\s+(.*)$/i);
    return [`Did you get a chance to look at ${what}?`, `Could we go over ${what} together?`];
  }
  if (/^(?:do|did)\s+you\s+not\s/.test(word)) return ['Could we go over this part together? Here is how I understand it: …', 'thought: here is how I understand it: …'];
  if (/\bstill\s+(?:here|there|around|needed|in\b)/.test(word)) return ['Is this still needed? I thought it could go.', 'suggestion: I think this can go now.'];
  const tried = /^(?:did|have)\s+you\s+(?:actually|really)\s+(look(?:ed)?\s+at|[\w]+)/.exec(word);
  if (tried) {
    const v = tried[1]!.replace(/ed(?=\s+at$)|ed$/, (m) => m);
    const base = /^look/.test(v) ? 'look at' : (baseOfParticiple(v) ?? (v === 'ran' ? 'run' : v === 'built' ? 'build' : v));
    const what = rest(/\b(?:actually|really)\s+(?:look(?:ed)?\s+at|\w+)\s*(.*)$/i);
    return [`Did you get a chance to ${base}${what ? ` ${what}` : ''}?`, `Could we ${base}${what ? ` ${what}` : ''} together?`];
  }
  return undefined;
}

const SOFTER_PILE_ON = 'I think this needs another look';

const ACK = "Looks like we see this differently; could we talk it through?";

// ---------------------------------------------------------------------------------------------
// Blunt verdicts, curt dismissals and orders asked as questions: the judgments of code review
// that carry no judgment word ("This is broken.", "NAK", "this makes no sense", "No.", "Can you
// not hardcode the path?").

/** A condition or a hedge before the cue in its sentence: "if this doesn't even build, …". */
function ifBefore(ctx: MatchContext): boolean {
  const s = sentenceOf(ctx);
  return /\b(?:if|when|unless|whether|in\s+case|even\s+if|as\s+long\s+as|otherwise)\b[^.!?]*$/i.test(ctx.masked.slice(s.start, ctx.start));
}

/** Nothing but closing marks between the match and the end of its sentence. */
function endsSentence(ctx: MatchContext): boolean {
  const s = sentenceOf(ctx);
  return /^[\s.!?\u2026)"'\u201d]*$/.test(ctx.masked.slice(ctx.end, Math.max(ctx.end, s.end)));
}

/** The comment is this one cue and nothing else (closing marks aside). */
function wholeComment(ctx: MatchContext): boolean {
  // The original text, not the masked one: "Nope." under a quoted question answers it.
  return !/[\p{L}\p{N}]/u.test(ctx.text.slice(0, ctx.start)) && !/[\p{L}\p{N}]/u.test(ctx.text.slice(ctx.end));
}

function upper(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

const PRAISE_RE = /\b(?:thanks?|thx|great|nice|awesome|glad|cool|lgtm|love)\b/i;
const GOOD_NEWS_RE = /\b(?:thanks?|thx|great|nice|awesome|works|worked|fixed|glad|cool|lgtm|love)\b/i;

/** Adverbs a blunt verdict may carry: "just broken", "simply not acceptable". */
const FLAT = String.raw`(?:(?:just|simply|plain|plainly|totally|completely|clearly|obviously|still|now|really|definitely|absolutely)\s+)?`;

/** What a reviewer judges: the author's patch and the parts of it. */
// The subjects start with "this", "that" or "your" as triggers ("the" is too common a word to try a rule at).
const WORK = String.raw`(?:patch|change|commit|series|code|fix|logic|approach|implementation|pr|cl|version|design|api|check|test|condition|comment|naming|name|changelog|commit\s+message|description|explanation|argument|reasoning|locking|handling|error\s+handling|parsing|loop|cleanup)`;

const PAST: Readonly<Record<string, string>> = { test: 'tested', compile: 'compiled', build: 'built', run: 'run', try: 'tried', review: 'reviewed' };

const NOT_AGAIN = "I have concerns about taking this as it is; could we talk about them?";

const BLUNT_RULES: readonly RuleDef[] = [
  {
    id: 'blunt-verdict',
    category: 'judgment',
    description: 'Blunt verdicts with no judgment word: "This is broken.", "This makes no sense.", "I don\'t see the point of this patch.", "That\'s not how this works.", "This doesn\'t even compile.", a bare "NAK".',
    triggers: ['this', 'that', "that's", "this's", 'it', "it's", 'which', 'none', 'your', 'i', 'nak', 'nack', 'nacked', "nak'd", 'step', 'move', 'broken', 'you'],
    pattern: w(
      String.raw`(?:(?:this|that|your|the)\s+${WORK}|this|that)(?:${APOS}s|\s+is|\s+was|\s+looks|\s+seems)\s+${FLAT}broken(?=[\s.!]*$|\s*[.!](?:\s|$))` +
        String.raw`|(?:(?:this|that|your)\s+${WORK}|this|that|it|which|none\s+of\s+(?:this|that|it))\s+(?:just\s+|simply\s+|really\s+|honestly\s+)?(?:makes|made|make)\s+(?:no|zero|little|absolutely\s+no)\s+sense` +
        String.raw`|(?:(?:this|that|your)\s+${WORK}|this|that)\s+(?:just\s+|simply\s+)?(?:doesn${APOS}?t|does\s+not|dosen${APOS}?t|dosent|doesent)\s+(?:even\s+|really\s+|actually\s+)?make\s+(?:any\s+)?sense` +
        String.raw`|i\s+(?:(?:really|honestly|just|still|simply)\s+)?(?:don${APOS}?t|do\s+not|fail\s+to|can${APOS}?t|cannot)\s+see\s+(?:the|any)\s+(?:point|value|benefit|reason|use)(?:\s+(?:of|in)\s+(?:this|these|that|your|the\s+${WORK})\b(?:\s+${WORK}s?)?|(?=\s*[.!]|\s*$))` +
        String.raw`|(?:this|that|it)(?:${APOS}s|\s+is)\s+${FLAT}not\s+acceptable` +
        String.raw`|(?:that${APOS}s|that\s+is|this\s+is|this${APOS}s|it${APOS}s|it\s+is)\s+${FLAT}not\s+how\s+(?:(?:any\s+of\s+(?:this|it)|this|it|that|things|\w+)\s+works?(?=\s*[.!]|\s*$)|you\s+(?:write|do|use|handle|fix|implement|test|design)|we\s+do\s+(?:things|it|this))` +
        String.raw`|(?:(?:this|that|your|the)\s+${WORK}s?|this|that|it|which)\s+(?:doesn${APOS}?t|does\s+not|didn${APOS}?t|did\s+not|won${APOS}?t|can${APOS}?t|cannot)\s+even\s+(?:compile|build|work|boot|run|apply|link|load|start|pass(?:\s+(?:the\s+)?tests)?)` +
        String.raw`|(?<=(?:^|[.!?]\s+|\n)\s*)(?:nak|nack|nacked|nak${APOS}d)(?![-\u2010]by)` +
        String.raw`|(?:step|move)\s+in\s+the\s+wrong\s+direction` +
        // "Broken." as a whole sentence; "this was never tested", "clearly not tested".
        String.raw`|(?<=(?:^|[.!?]\s+|\n)\s*(?:(?:totally|completely|just|simply)\s+)?)broken(?=\s*[.!]+(?:\s|$)|\s*$)` +
        String.raw`|(?:this|that|it)(?:\s+(?:was|has|is))?\s+(?:clearly\s+|obviously\s+)?(?:never|not)\s+(?:been\s+|even\s+)?(?:tested|compiled|built|run|reviewed)(?=\s*[.!]+(?:\s|$)|\s*$)` +
        String.raw`|you\s+(?:clearly|obviously|apparently)\s+(?:didn${APOS}?t|did\s+not|haven${APOS}?t|have\s+not)\s+(?:even\s+)?(?:test(?:ed)?|run|ran|compile[d]?|build|built|tr(?:y|ied))(?=\s+(?:this|that|it|the\s+\w+|your\s+\w+)\b|\s*[.!]|\s*$)`,
    ),
    accept: (ctx) => {
      if (ifBefore(ctx)) return false;
      const s = sentenceOf(ctx);
      const sentence = ctx.masked.slice(s.start, s.end);
      const after = ctx.masked.slice(ctx.end, s.end);
      if (/sense$/.test(ctx.word)) {
        // "It makes no sense to retry a 404" argues; "this comment makes no sense because I…" owns a mistake.
        if (/^\s+to\s+(?!me\b|us\b|anyone\b|anybody\b)/i.test(after)) return false;
        if (/^it\b/.test(ctx.word) && !endsSentence(ctx)) return false;
        if (/\b(?:because|since|as)\s+i\b|\bmy\b|\bsorry\b/i.test(sentence)) return false;
        // "This doesn't make sense to me" is the writer's honest confusion; "makes no sense" is the verdict.
        if (/make\s+(?:any\s+)?sense$/.test(ctx.word) && /^\s+to\s+me\b/i.test(after)) return false;
      }
      // "It was not tested on arm64" reports a fact; "this was never tested", "clearly not tested" accuse.
      if (/^(?:this|that|it)\b.*(?:tested|compiled|built|run|reviewed)$/.test(ctx.word) && !/\b(?:never|clearly|obviously|even)\b/.test(ctx.word)) return false;
      // A bare "NAK." is the verdict; "NAK from me until the ABI is settled" gives its condition.
      if (/^na(?:c)?k/.test(ctx.word) && !endsSentence(ctx)) return false;
      return !PRAISE_RE.test(sentence);
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'A flat verdict ("broken", "makes no sense", "NAK") tells the author that something is wrong but not what. Say what you saw, and ask about it.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      const p = proposalIn(s.slice(ctx.end - range.start));
      const lead = p ? [proposalQuestion(p)] : [];
      const word = ctx.word;
      const thing = /^(?:this|that|your|the)\s+([a-z ]+?)(?:\s+(?:is|was|looks|seems|makes|made|make|just|simply|doesn't|doesn\u2019t|doesnt|does|didn't|didn\u2019t|did|won't|can't|cannot)\b|['\u2019]s\b)/.exec(word)?.[1];
      const it = thing !== undefined && /^(?:patch|change|commit|series|code|fix|logic|approach|implementation|pr|cl|version|design|api|check|test|condition|comment|naming|name|changelog|commit message|description|explanation|argument|reasoning|locking|handling|error handling|parsing|loop|cleanup)$/.test(thing) ? `this ${thing}` : 'this';
      if (/broken$/.test(word)) return [...lead, `${upper(it)} looks broken to me; does it work as intended?`, `issue: ${it} looks broken to me, because…`];
      if (/sense$/.test(word)) return [...lead, `I couldn't follow the reasoning; could you walk me through ${it}?`, `thought: I couldn't follow the reasoning of ${it}.`];
      if (/see\s+(?:the|any)/.test(word)) {
        const of = /\b(?:of|in)\s+((?:this|these|that|your|the)\b[^.!?\n]*)$/i.exec(s.slice(0, ctx.end - range.start))?.[1]?.replace(/\byour\b/i, 'this') ?? 'this';
        return [...lead, `I may be missing the use case; what does ${of} add?`, `thought: I'm not sure yet what ${of} adds.`];
      }
      if (/acceptable$/.test(word)) return [...lead, "I can't take this as it is; could we find another way here?", "thought: I can't take this as it is, because…"];
      if (/not\s+how/.test(word)) return [...lead, 'I understand this differently; could we check how it is meant to work?', 'thought: I understand this differently: …'];
      const even = /even\s+(compile|build|work|boot|run|apply|link|load|start|pass)/.exec(word);
      if (even) return [...lead, `It fails for me; does this ${even[1]} for you?`, `issue: this doesn't ${even[1]} for me: …`];
      const untested = /(test|compile|build|built|run|ran|tr(?:y|ie)|review)\w*$/.exec(word);
      if (untested && /\b(?:never|not|didn|did|haven|have)\b/.test(word)) {
        const v = ({ built: 'build', ran: 'run', try: 'try', trie: 'try' } as Record<string, string>)[untested[1]!] ?? untested[1]!;
        return [...lead, `How did you ${v} this? I couldn't find where it was ${PAST[v] ?? `${v}ed`}.`, `issue: I couldn't find where this was ${PAST[v] ?? `${v}ed`}.`];
      }
      if (/direction$/.test(word)) return [...lead, "I'm worried about the direction here; could we talk it through?", "thought: I'm worried this takes us away from…"];
      // NAK: the point is the rejection itself; the question asks what the change needs.
      return [...lead, NOT_AGAIN, "thought: I can't take this as it is, because…"];
    },
  },
  {
    id: 'curt-dismissal',
    category: 'command',
    description: 'Curt dismissals: a comment that is only "No." or "Nope.", "Not going to happen.", "Absolutely not.", "Nope, not doing this.", "I\'m not going to apply this.", "Read the docs.".',
    triggers: ['no', 'nope', 'nah', 'meh', 'not', 'absolutely', 'nobody', 'refuse', 'hell', 'over', "i'm", 'im', 'i', "we're", 'we', "i'll", "we'll", 'read', 'rtfm', 'so', 'just', 'rejected', 'denied', 'declined', 'unacceptable', 'start', 'lol', 'lmao', 'haha', 'ha', 'smh', 'smdh', 'throw', 'bin', 'scrap', 'ditch', 'delete', 'remove', 'revert', 'drop'],
    pattern: `(?=no|na|me|not|ab|he|ov|nob|ref|i|we|re|rt|so|ju|de|un|st|th|bi|sc|di|dr|lo|lm|ha|sm)${SS}${w(
      String.raw`(?:(?:just|simply|lol|lmao|haha|ha)\s+)?(?:no+|nope+|nah+|meh+)(?=[\s.!\p{Extended_Pictographic}\uFE0F\u200D]*$)|smh|smdh` +
        // A one-word verdict as the whole comment: "Rejected.", "Not acceptable.", "Start over."
        String.raw`|(?:rejected|denied|declined|unacceptable|not\s+acceptable|start\s+(?:over|again|from\s+scratch)|not\s+(?:merging|taking|accepting|applying)\s+(?:this|that|it))(?=[\s.!]*$)` +
        // "Delete all of it.", "Nah, throw this away.": all of the work thrown out, and nothing else said.
        String.raw`|(?:(?:no|nope|nah)[,!.]*\s+)?(?:throw|bin|scrap|ditch|delete|remove|revert|drop)\s+(?:all\s+(?:of\s+)?(?:this|that|it)|the\s+whole\s+thing|(?:this|that|it|all\s+(?:of\s+)?(?:this|that|it))\s+away)(?=[\s.!]*$)` +
        String.raw`|no[,.!]*\s+no(?:[,.!]*\s+no)*(?=[\s.!]*$)` +
        String.raw`|not\s+going\s+to\s+happen|absolutely\s+not|hell\s+no|no\s+way|not\s+a\s+chance|not\s+interested|not\s+in\s+a\s+million\s+years|over\s+my\s+dead\s+body` +
        String.raw`|(?:no|nope|nah)[,.!]*\s+(?:(?:i${APOS}m|we${APOS}re|i\s+am|we\s+are)\s+)?not\s+(?:doing|taking|merging|accepting|applying|adding|going\s+to\s+(?:do|take|merge|accept|apply|add))\s+(?:this|that|it)` +
        String.raw`|(?:i|we)\s+refuse\s+to\s+(?:merge|apply|take|accept|review|pick\s+up)\s+(?:this|that|it|these)|(?:i${APOS}m|im|i\s+am|we${APOS}re|we\s+are|i\s+will|we\s+will|i${APOS}ll|we${APOS}ll)\s+not\s+(?:going\s+to\s+)?(?:merge|merging|apply|applying|take|taking|accept|accepting|pick(?:ing)?\s+up)\s+(?:this|that|it|these)(?:\s+(?:patch|patches|series|change|changes|pr|cl|one))?` +
        String.raw`|rtfm|read\s+the\s+(?:f\w*\s+)?(?:docs|documentation|manual|man\s+page)` +
        // "So what?": a question that ends the discussion instead of asking ("who cares" is a pile-on).
        String.raw`|so\s+what` +
        // "Nobody asked for this.": the work dismissed as unwanted.
        String.raw`|(?:nobody|no\s+one)\s+(?:ever\s+)?asked\s+for\s+(?:this|that|it|any\s+of\s+(?:this|that|it))`,
    )}`,
    accept: (ctx) => {
      // "No." or "Nope." is a dismissal when it is the whole comment; in a longer one it answers a question.
      // "smh" (shaking my head) is contempt wherever it ends a sentence.
      if (/^smd?h$/.test(ctx.word)) return endsSentence(ctx);
      if (/^(?:(?:just|simply|lol|lmao|haha|ha)\s+)?(?:no+|nope+|nah+|meh+)$|^no[,.!]*\sno\b|^(?:rejected|denied|declined|unacceptable|not\s+acceptable|not\s+(?:merging|taking|accepting|applying)\s|start\s)|(?:\ball\s+(?:of\s+)?(?:this|that|it)|whole\s+thing|\saway)$/.test(ctx.word)) return wholeComment(ctx);
      if (!endsSentence(ctx)) return false;
      // "No way! That fixed it, thanks": delight, not dismissal.
      return !GOOD_NEWS_RE.test(ctx.masked) && !ifBefore(ctx);
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'A curt no ends the conversation without saying why. Say what stands in the way, and what would make it work.',
    rewrites: (ctx) => {
      if (/^(?:rtfm|read)/.test(ctx.word)) return ['Have you had a chance to look at the docs? The part that covers this is …', 'The docs cover this here: …'];
      return ["I'd rather not go this way; could we talk about what you need it for?", "thought: I'd rather not take this, because…"];
    },
  },
  {
    id: 'disguised-order',
    category: 'disguised-question',
    description: 'Orders asked as questions: "Can you not hardcode the path?", "Can you stop adding print statements?", "Would you stop reformatting unrelated files?".',
    triggers: ['can', 'could', 'would', 'will'],
    pattern: w(
      String.raw`(?:can|will)\s+(?:you|u)\s+(?:please\s+|just\s+)?not\s+(?:just\s+)?[\p{L}-]+|(?:could|would)\s+you\s+please\s+not\s+[\p{L}-]+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|just\s+)?stop\s+[\p{L}-]+|can\s+we\s+(?:please\s+)?not\s+(?:do|have)\s+(?:this|that)`,
    ),
    accept: (ctx) => {
      if (!isQuestion(ctx)) return false;
      // "Can you not reproduce it?", "can you not see the log?": asking what the author is able to do.
      return !/\bnot\s+(?:reproduce|see|find|get|access|open|build|compile|run|load|read|hear|tell|connect|log|login|install|download|start|boot|mount|make\s+it|figure|work|remember|recall|find)$/.test(ctx.word);
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'An order asked as a question ("can you not…?") sounds like a reproach. Ask for the change plainly, and say why.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      if (/\bwe\s+(?:please\s+)?not\b/i.test(ctx.word)) return ['Could we find another way here? I am worried about this because…', "suggestion: let's not do this, because…"];
      const m = /\b(?:not|stop)\s+(?:just\s+)?([\p{L}-]+)([^.!?\n]*)/iu.exec(s);
      if (!m) return ['Could we go over this part together?'];
      const verb = m[1]!.toLowerCase();
      const doing = /ing$/.test(verb) ? verb : gerund(verb);
      const rest = m[2]!.replace(/\byour\b/gi, 'the').replace(/[\s,]+$/, '');
      return [`Could we avoid ${doing}${rest}?`, `suggestion: let's avoid ${doing}${rest}, because…`];
    },
  },
];

/** A pile-on's "any junior / any intern / any first-year…" (pile-on's match, lower-cased). */
const ANY_NOVICE_RE = /^any\s+(?:junior|beginner|newbie|novice|student|intern|child|kid|trainee|first)/;

const CUE_RULE_LIST: readonly RuleDef[] = [
  {
    id: 'you-should-have',
    category: 'blame',
    description: '"You should have…", "you were supposed to…": obligation aimed at the author, after the fact.',
    triggers: ['you', "you've", "you're", 'youre', "should've", 'shouldnt'],
    // "You should have a look" is a suggestion: a noun after "have" is not an obligation after the fact.
    pattern: w(String.raw`you\s+(?:really\s+)?(?:should(?:\s+really)?|ought\s+to|were\s+supposed\s+to)\s+(?:have|${APOS}ve)(?!\s+(?:a|an|some|the|any|another|more|no|to)\b)|you\s+should${APOS}ve|you\s+shou?d\s+(?:have|${APOS}ve)\s+\p{L}+(?:ed|en|t)\b|you\s+needed\s+to|you\s+were\s+(?:told|asked)\s+to|you(?:${APOS}re|\s+are)\s+supposed\s+to(?!\s+be\b)|you\s+shouldn${APOS}?t\s+be\s+\p{L}+ing\b|you\s+shouldn${APOS}?t\s+have|you\s+should\s+not\s+have|you\s+were\s+supposed\s+to|you\s+forgot\s+to\s+\S+(?=[^.!?\n]*\bagain\b)|you\s+(?:should|ought\s+to)\s+know(?!\s+(?:about|if|whether|how|what|that\s+(?:we|i)))`),
    accept: (ctx) => !conditional(ctx),
    range: (ctx) => sentenceOf(ctx),
    message: () =>
      '"You should have…" looks back at what the author did wrong. Asking for the change as a shared next step gets the same fix without the blame.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      const o = obligationRewrites(s);
      if (o) return o;
      const p = proposalIn(s.slice(ctx.end - range.start));
      return p ? [proposalRequest(p), proposalQuestion(p)] : ['Could we go over this part together?', `thought: ${s}`];
    },
  },
  {
    id: 'you-need-to',
    category: 'command',
    description: '"You need to…", "you must…", "you have to…": an order aimed at the author.',
    triggers: ['you', 'u', "you'd", 'youd'],
    pattern: `(?=you|u)${SS}${w(String.raw`(?:you|u)\s+(?:really\s+)?(?:need\s+to|have\s+to|must(?!\s+have\s+(?:missed|meant|been))|gotta|got\s+to)|you\s+really\s+(?:should|ought\s+to)(?!\s+have)|(?:you${APOS}d|you\s+had|you)\s+better(?!\s+(?:than|off|be\s+off|now|idea|way|approach|option|solution|understand(?:ing)?\s+of))`)}`,
    accept: (ctx) => {
      if (conditional(ctx) || isQuestion(ctx)) return false;
      // "You need to be logged in", "you have to install X first": instructions on how a tool works.
      const after = ctx.masked.slice(ctx.end, ctx.end + 40);
      // "You have to run the lock command if you want that to happen", "…the group of a document you want to edit": a how-to for what the reader wants.
      const s = sentenceOf(ctx);
      if (/\b(?:if|when)\s+you\s+(?:want|wish|would\s+like|['\u2019]d\s+like)\b|\byou\s+(?:want|wish)\s+to\b/i.test(ctx.masked.slice(ctx.end, s.end))) return false;
      return !/^\s+(?:be\s+(?:logged|signed|registered|in|on|a\s+member|an?\s+admin)|install|download|enable|configure|set\s+up|do\s+the\s+following|have|be|sign|log\s+in|restart|reboot|clear\s+(?:the\s+)?cache|use\s+the\s+(?:latest|new)|upgrade|update\s+(?:to|your)|pass\s+the|run\s+(?:it|the|npm|pip|make|with|as)|specify|provide\s+the)\b/i.test(after);
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'An order aimed at the author leaves out why, and their view. Asking for the same change keeps the decision shared.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      return obligationRewrites(s) ?? questionOr(s, ['Could we go over this part together?']);
    },
  },
  {
    id: 'pile-on',
    category: 'blame',
    description: '"Everybody knows…", "for the hundredth time", "as I said before", "nowhere near": absolutes and pile-ons.',
    triggers: ['everybody', 'everyone', 'anyone', 'anybody', 'nowhere', 'for', 'as', 'i', 'even', 'let', "i've", 'how', 'every', 'not', 'any', 'nobody', 'no', 'once', 'yet', 'again', "it's", 'it', 'this', 'none', 'makes', 'like', 'completely', 'totally', 'absolutely', 'utterly', 'unacceptable', 'inexcusable', 'and', 'never', 'entirely', 'clearly', 'obviously', 'just', 'who', 'no', 'imagine', 'nothing', 'in', 'with', "that's", 'over', 'through', 'same', 'surely', 'always'],
    pattern: w(
      String.raw`(?:every(?:body|one)|any(?:one|body))\s+(?:knows|can\s+see|could\s+see|would\s+know|understands)|nowhere\s+near|for\s+the\s+(?:\d+(?:st|nd|rd|th)|hundredth|thousandth|millionth|umpteenth|nth|n-th|fifth|tenth|third|last|(?:\w+)teenth|twentieth)\s+time|as\s+i\s+(?:already\s+)?(?:said|explained|told\s+you)\s+(?:before|already|earlier|previously|many\s+times|several\s+times|twice)|i\s+(?:already\s+|have\s+already\s+|${APOS}ve\s+already\s+)(?:told|said|explained|asked|mentioned)|i\s+keep\s+(?:telling|saying|asking|explaining)|i${APOS}ve\s+(?:told|asked)\s+you\s+(?:\w+\s+)?(?:times|before|already|again)|how\s+many\s+times\s+(?:do|does|did|must|should|have|will)|every\s+single\s+time|not\s+even\s+(?:close|remotely)|(?:any|every)\s+(?:competent|decent|sane|normal|sensible|reasonable|half-?decent|self-?respecting|real|good|experienced)\s+(?:developer|programmer|engineer|dev|coder|person|human|user|reviewer|maintainer)|nobody\s+in\s+(?:their|his|her)\s+right\s+mind|no\s+(?:sane|competent|reasonable)\s+(?:person|developer|programmer|engineer|one)|(?:(?<=(?:^|[.!?]\s+))(?:once|yet)\s+again|(?:once|yet)\s+again(?=,))(?!\s+(?:for|i\b|we\b|thanks?))|(?<=(?:^|[.!?]\s+))again\s+with\s+the|(?:it${APOS}s|it\s+is|this\s+is)\s+always\s+the\s+same|none\s+of\s+(?:this|that|it)\s+makes?\s+(?:any\s+)?sense|makes\s+(?:absolutely\s+no|zero)\s+sense|unacceptable|inexcusable|like\s+(?:i|we)\s+(?:said|told\s+you)|(?:nobody|no\s+one|who)\s+(?:really\s+)?(?:cares|bothers)|imagine\s+thinking|with\s+all\s+due\s+respect|(?:no\s+one|nobody)\s+(?:is\s+)?forc(?:ing|es)\s+you|not\s+worth\s+(?:the|my|our|anyone${APOS}s|your)\s+(?:effort|time|trouble|bytes)|nothing\s+is\s+(?:being\s+)?done|(?:for|in)\s+ages(?=[^.!?\n]*\b(?:nothing|no\s+one|nobody|still)\b)|(?:and\s+)?never\s+will(?=\s*[.!]|\s*$)|(?:absolutely|completely|totally|entirely|clearly|obviously|just)\s+the\s+wrong\s+\w+|(?:even\s+an?|any)\s+(?:junior|beginner|newbie|novice|student|intern|child|kid|trainee|first-?year(?:\s+\w+)?)(?:\s+(?:developer|programmer|engineer|dev|coder))?\s+(?:would|could|can|knows|should|understands|gets)` +
        // Repetition held against the author: "this is the third time I've told you", "I've asked for this three
        // times", "every single PR from you", "your code is always like this", "the same mistake again", "Again, you…".
        String.raw`|(?:this\s+is|that${APOS}s|that\s+is|it${APOS}s|it\s+is)\s+the\s+(?:second|third|fourth|fifth|sixth|tenth|\d+(?:nd|rd|th)|umpteenth|hundredth)\s+time\s+(?:that\s+)?(?:i|we)(?:${APOS}ve|\s+have)?\s+(?:had\s+to\s+)?(?:told|tell|asked|ask|said|say|mentioned|explained|pointed|flagged|raised|commented)` +
        String.raw`|(?:i${APOS}ve|i\s+have)\s+(?:already\s+)?(?:asked|told\s+you|said|mentioned|explained|flagged|raised|pointed\s+(?:this|it|that)\s+out)\s+(?:(?:for|about)\s+)?(?:(?:this|that|it)\s+)?(?:twice|repeatedly|over\s+and\s+over|again\s+and\s+again|(?:two|three|four|five|several|many|multiple|\d+)\s+times)` +
        String.raw`|every\s+(?:single\s+)?(?:pr|patch|commit|change|cl|review|diff|pull\s+request)\s+(?:from|by|of)\s+(?:you|yours)\b` +
        String.raw`|(?=always)(?<=\byour\s+(?:code|prs?|patches|commits|work|changes|tests)\s+(?:is|are|has|have)\s+)always` +
        String.raw`|(?:the\s+)?same\s+(?:[\w-]+\s+)?(?:mistake|mistakes|typo|typos)\s+again` +
        String.raw`|(?=yet)(?<=(?:^|[.!?]\s+))yet\s+another\s+(?:[\w-]+\s+){0,2}?(?:mistake|bug|hack|typo|error|regression|leak)s?(?=\s*[.!]|\s*$)` +
        String.raw`|(?=again)(?<=(?:^|[.!?]\s+))again(?=,\s+you\b)|surely\s+you\s+(?:know|knew|must\s+know)` +
        String.raw`|(?=over|through)(?<=\bwe(?:${APOS}ve|\s+have)\s+(?:already\s+)?been\s+)(?:over|through)\s+(?:this|that|it)(?=\s*(?:before|already|again|many\s+times|twice)?\s*[.!]|\s*$)` +
        String.raw`|let\s+me\s+(?:explain|say|spell)\s+(?:this|it|that)\s+(?:out\s+)?(?:again|once\s+more|slowly|one\s+more\s+time)|(?:as\s+i|i|as)\s+(?:have\s+|had\s+|very\s+)?clearly\s+(?:stated|said|wrote|explained|mentioned|state|say)(?!\s+(?:in\s+the\s+(?:docs|documentation|readme|spec|changelog)|that\s+(?:we|i)\s+(?:would|will|might)))`,
    ),
    accept: (ctx) => {
      // "Once again, thanks!" and "nowhere near as slow as I feared" are not pile-ons.
      const s = sentenceOf(ctx);
      const sentence = ctx.masked.slice(s.start, s.end);
      if (/thank|thx|great|nice|love|awesome|appreciat/i.test(sentence)) return false;
      // ", as usual" holds it against the author only after something that went wrong: "It works fine, as usual." is praise.
      if (ctx.word === 'usual' && !/\b(?:break|breaks|broke|broken|fail|fails|failed|failing|wrong|late|missing|crash\w*|bug\w*|mess\w*|no|not|nothing|never|untested|ignored)\b|n['\u2019]t\b/i.test(sentence)) return false;
      if (/^nowhere/.test(ctx.word) && /\bnowhere\s+near\s+(?:as|so)\s+(?:bad|slow|big|hard)/i.test(sentence)) return false;
      if (/^makes/.test(ctx.word) && /\b(?:it|this)\s+makes\s+no\s+sense\s+to\b/i.test(sentence)) return false;
      if (/^(?:unacceptable|inexcusable)$/.test(ctx.word) && /\b(?:not|isn['\u2019]?t|be)\s+(?:\w+\s+)?$/i.test(ctx.masked.slice(Math.max(s.start, ctx.start - 20), ctx.start))) return false;
      return true;
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'Absolutes and pile-ons ("everybody knows", "for the hundredth time") say the author should have known. The point lands better on its own, once.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      // "Even a junior would know…", "let me explain this again, slowly": no point beyond the put-down.
      const known = /^(?:even|any)\s+an?\s/.test(ctx.word) || ANY_NOVICE_RE.test(ctx.word) ? /\b(?:know|knows|see|sees|understand|understands)\s+that\s+([^.!?\n]+)/i.exec(s) : null;
      if (known) return [`It looks like ${known[1]!.trim()}; could we look at it together?`, `issue: ${known[1]!.trim()}.`];
      // "Even a junior…", "any intern could…", "Surely you know…": the put-down alone, so the question asks for the worry.
      if (/^(?:even|surely)\s/.test(ctx.word) || ANY_NOVICE_RE.test(ctx.word)) return ['Could we go over this together? It is easy to miss, and here is what worries me: …', 'thought: this is easy to miss; here is what worries me: …'];
      // Repetition held against the author: the point is that it came up before, said as the writer's.
      if (!/^(?:for|once|yet\s+again|let\s)/.test(ctx.word) && /^usual$|\stimes?\b|\stwice$|^every\s+(?:single\s+)?(?:pr|patch|commit|change|cl|review|diff|pull|time)\b|^your\s|(?:mistakes?|typos?)\s+again$|^again$|been\s+over|^yet\s+another/.test(ctx.word)) return ['This has come up before; could we go over it together so it is easier to catch next time?', 'thought: this has come up before; here is what I look for: …'];
      if (/^let\s+me\s/.test(ctx.word)) return ['I tried to explain this above; which part is unclear?', 'thought: I think this is answered above; happy to go over it again.'];
      const tail = s
        .slice(ctx.end - range.start)
        .replace(/^[\s,:;.!-]+/, '')
        .replace(/[\s.!]+$/, '');
      // The point without the pile-on, and an invitation to discuss it.
      const point = tail.length > 0 ? tail[0]!.toUpperCase() + tail.slice(1) : tail;
      return questionOr(s, tail.length > 6 && !/\?$/.test(tail) ? [`${point}. What do you think?`, `${SOFTER_PILE_ON}: ${tail}.`] : [`${ACK}`, `${SOFTER_PILE_ON}.`]);
    },
  },
  {
    id: 'impatience',
    category: 'blame',
    description: 'Impatience and threats: "still not fixed", "waste of my time", "I\'m reverting your changes", "I\'m tired of…".',
    triggers: ['still', "i'm", 'im', 'i', 'tired', 'waste', 'wasting', 'fix', 'enough', 'stop', 'if', 'this', "it's", 'it', 'come', 'for', 'good', 'any', 'please', 'seriously', 'get', 'grow', 'go', 'asap', 'sigh', '*sigh', 'when', 'is', 'why', 'not', 'are', 'literally', 'already', 'read', 'reread', 're-read', "it'd", 'yesterday', 'ages', 'long', 'days', 'weeks', 'months', 'last'],
    pattern: w(
      String.raw`still\s+(?:not|isn${APOS}?t|hasn${APOS}?t|doesn${APOS}?t|haven${APOS}?t|no|broken|waiting|nothing)(?:\s+(?:been\s+)?(?:fixed|working|resolved|done|merged|addressed|answered|updated|a\s+fix|response|progress))?|(?:i${APOS}m|im|i\s+am)\s+(?:so\s+|really\s+|getting\s+)?(?:tired|sick)\s+of|still\s+waiting(?=\s*[.!]|\s*$)|(?:sick\s+and\s+)?tired\s+of\s+(?:this|pointing|explaining|saying|repeating|waiting|asking|telling)|waste\s+of\s+(?:my|our|everyone${APOS}s|people${APOS}s)\s+time|wasting\s+(?:my|our|your|their|everyone${APOS}s|people${APOS}s|so\s+much|a\s+lot\s+of)?\s*time|fix\s+(?:it|this|that)\s+(?:already|now|asap|immediately)|enough\s+with|stop\s+(?:pushing|adding|re-?sending|re-?posting|bumping|doing\s+(?:this|that|it)|wasting|spamming|whining|complaining|moaning|arguing|ignoring|breaking|trolling|bikeshedding|it(?=\s*[.!]|\s*$))|if\s+this\s+happens\s+again|(?:i${APOS}m|im|i\s+am|i\s+will|i${APOS}ll)\s+(?:going\s+to\s+|gonna\s+)?(?:revert(?:ing)?\s+(?:your|all\s+(?:your|of\s+your))|clos(?:e|ing)\s+this|block(?:ing)?\s+(?:you|this)|ban(?:ning)?\s+you|report(?:ing)?\s+(?:you|this)|stop(?:ping)?\s+using|switch(?:ing)?\s+to\s+(?:a|another)|leave\s+now|unsubscrib\w*|not\s+review(?:ing)?\s+this)|i\s+shouldn${APOS}?t\s+have\s+to|(?:it${APOS}s|it\s+has)\s+been\s+(?:\d+|two|three|four|five|six|several|many)\s+(?:days|weeks|months|years)|this\s+is\s+(?:getting\s+)?(?:ridiculous|absurd|a\s+joke|unacceptable|embarrassing)|come\s+on(?=\s*[,.!]|\s*$)|for\s+(?:god|christ|heaven|pete)${APOS}?s?\s+sake|good\s+luck\s+with\s+(?:that|whatever|this)|any\s+(?:update|news|progress)\s+(?:on\s+this\s+)?(?:yet|already)|please\s+stop(?=\s*(?:[.!,]|$|it\b|this\b|that\b|doing|being|adding|pushing|spamming|arguing|now))|please\s+stop\s+\w+ing|(?<=(?:^|[.!?]\s+))stop\s+(?!being\b)[\w-]+ing\b|not\s+even\s+going\s+to\s+bother|are\s+you\s+(?:not|ever)\s+going\s+to|when\s+(?:is|are)\s+(?:the\s+team|you|they|someone|anyone|the\s+maintainers)\s+(?:\w+\s+)?(?:going\s+to|gonna)\s+(?:fix|merge|release|respond|answer|look)|please\s+fix(?:\s+(?:this|it))?(?=\s*[.!?]|\s*$)|asap|\*?sigh\*?(?=\s*(?:[.!\u2026]|$))|when\s+will\s+(?:you|this|it|they)\s+(?:guys\s+)?(?:be\s+)?(?:fix|have|release|merge|get|finally)\w*|is\s+(?:this|it)\s+ever\s+going\s+to|why\s+(?:is|was)\s+this\s+(?:issue|pr|ticket|bug|thread)\s+(?:still\s+)?(?:closed|open|locked|assigned|not|ignored)|why\s+(?:is|was)\s+(?:this|it)\s+(?:still\s+)?(?:closed|locked)(?=\s*[?!])|(?:this|the)\s+(?:issue|pr|pull\s+request|bug|ticket)\s+has\s+been\s+open\s+(?:for\s+)?(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?(?:\d+|two|three|four|five|six|several|many|a|an)\s+(?:months?|years?)|why\s+did\s+you\s+(?:close|lock|ignore|delete|revert)|get\s+(?:a\s+life|over\s+it|lost)|grow\s+up|stop\s+with\s+(?:the|this|that|these|your)|(?:it\s+would|it${APOS}d)\s+be\s+nice\s+(?:to\s+at\s+least|if\s+(?:you|they|someone|somebody|anyone|the\s+\w+)\s+(?:would|could)\s+(?:at\s+least|finally|for\s+once))|(?:literally|already)\s+(?:just\s+|already\s+)?(?:explained|answered|told\s+you)\s+(?:that|this|it|you|twice|already)(?=\s*[.!?]|\s*$|\s+(?:above|before|already|twice|in\s+my))|literally\s+just\s+(?:explained|said|answered|told\s+you)|(?:re-?read|read)\s+(?:my|the)\s+(?:previous|last|earlier|above|first)\s+(?:comment|reply|message|answer|post)s?\s+again|(?<=(?:^|[.!?]\s+|please\s+|just\s+))go\s+away(?=\s*[.!,]|\s*$)|i\s+(?:don${APOS}?t|do\s+not)\s+have\s+(?:the\s+)?time\s+for\s+(?:this|that)(?=\s*[.!]|\s*$)` +
        // "I don't see why it wasn't done", "this should have been done yesterday": what is late, held against the author.
        String.raw`|i\s+(?:don${APOS}?t|do\s+not|can${APOS}?t|cannot)\s+see\s+why\s+(?:this|it|that|you)\s+(?:wasn${APOS}?t|was\s+not|isn${APOS}?t|is\s+not|hasn${APOS}?t|has\s+not|haven${APOS}?t|didn${APOS}?t|did\s+not|couldn${APOS}?t)\s+(?:been\s+)?(?:done|fixed|finished|addressed|handled|tested|changed)(?=\s*(?:already|yet|earlier|before)?\s*[.!]|\s*$)` +
        // "Any update on this??": asked as a reproach (with one "?" it is a ping).
        String.raw`|any\s+(?:update|updates|news|progress|eta)(?:\s+(?:on|about)\s+(?:this|that|it))?(?=\s*\?\?)` +
        // (Tried at "yesterday", "ago", "last": "should" is too common a word to try a rule at.)
        String.raw`|(?=yesterday|ages|long|days|weeks|months|last)(?<=\bshould\s+have\s+been\s+(?:done|fixed|finished|merged|addressed|ready)\s+)(?:yesterday|(?:ages|long|days|weeks|months)\s+ago|last\s+(?:week|sprint|month))(?=\s*[.!]|\s*$)`,
    ),
    accept: (ctx) => {
      const s = sentenceOf(ctx);
      const sentence = ctx.masked.slice(s.start, s.end);
      // "Still not fixed for me on 1.2" reports a bug; the impatience is in the "after", "again", "already".
      // "Still not fixed." as the whole comment: nothing but the impatience.
      if (/^still\s/.test(ctx.word) && wholeComment(ctx)) return true;
      // "How is this still not implemented?": the question itself is the reproach (its "still not" is this rule's first match).
      if (/^still/.test(ctx.word) && /\b(?:how|why)\s+(?:is|are)\s+(?:this|that|it|these)\s+still\s+not\s+\w+(?:ed|en)\b/i.test(sentence)) return true;
      if (/^still/.test(ctx.word) && !(ctx.word === 'still waiting' && /^\s*(?:[.!]|$)/.test(ctx.masked.slice(ctx.end, ctx.end + 3))) && !/\b(?:after|again|already|months?|weeks?|years?|rounds?|times|ever|yet|\?!|!!)/i.test(sentence)) return false;
      if (/^stop\s/.test(ctx.word) && /\?/.test(sentence)) return false;
      // "ASAP" is impatience when it presses for a fix, not in "as soon as possible we will…".
      if (ctx.word === 'asap' && /\b(?:i|we)(?:['\u2019]ll|\s+will|['\u2019]m|\s+am|\s+can)\b/i.test(sentence)) return false;
      // "I'm closing this for now", "so I am closing this issue": a maintainer's decision, said; a threat needs its condition.
      if (/clos(?:e|ing)\s+this$/.test(ctx.word) && !/\b(?:if|unless|again|or\s+else|otherwise)\b/i.test(sentence)) return false;
      // "Will release asap.": the writer's own promise.
      if (ctx.word === 'asap' && /\bwill\b/i.test(sentence) && !/\byou\b/i.test(sentence)) return false;
      // A sigh before thanks is relief.
      if (/sigh/.test(ctx.word) && /\bthank/i.test(ctx.masked.slice(ctx.end, ctx.end + 40))) return false;
      if (ctx.word === 'asap' && !/\b(?:fix\w*|address\w*|resolv\w*|needs?|must|please|merge\w*|releas\w*)\b/i.test(sentence)) return false;
      // "I'll fix this now" is the writer's own plan.
      if (/^fix\s/.test(ctx.word) && /\b(?:i|we)(?:['\u2019]ll|\s+will|['\u2019]m\s+going\s+to|\s+can|\s+should)?\s*$|\bwill\s*$|\bto\s*$/i.test(ctx.masked.slice(Math.max(s.start, ctx.start - 20), ctx.start))) return false;
      return true;
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'Impatience and threats put pressure on the person instead of the problem. Say what you need and by when, plainly.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      // "I literally just explained that", "read my previous comment again": the point is that it was answered.
      if (/\b(?:explained|answered|told\s+you|said)\b|\bagain$/.test(ctx.word) && /^(?:literally|already|re-?read|read)\b/.test(ctx.word)) {
        return ['I tried to answer this above; which part is unclear?', "thought: I think this is answered above; happy to go over it again."];
      }
      const stopWith = /\bstop\s+with\s+(the|this|that|these|your)\s+([^.!?\n]+)/i.exec(s);
      if (stopWith) {
        const det = stopWith[1]!.toLowerCase() === 'your' ? 'the' : stopWith[1]!.toLowerCase();
        return [`Could we hold off on ${det} ${stopWith[2]!.trim()}?`, `suggestion: let's hold off on ${det} ${stopWith[2]!.trim()}.`];
      }
      // "It would be nice if you could at least reply." asks for something: ask for it plainly.
      const nice = /\bnice\s+(?:to\s+at\s+least|if\s+(you|they|someone|somebody|anyone|the\s+\w+)\s+(?:would|could)\s+(?:at\s+least|finally|for\s+once))\s+([^.!?\n]+)/i.exec(s);
      if (nice) {
        const who = nice[1] === undefined ? 'we' : /^you$/i.test(nice[1]) ? 'you' : 'someone';
        return [`Could ${who} ${nice[2]!.trim()}?`, `suggestion: ${nice[2]!.trim()}.`];
      }
      const stop = /\bstop\s+([\w-]+ing\b[^.!?\n]*)/i.exec(s);
      if (stop) return [`Could we avoid ${stop[1]!.toLowerCase().trim()}?`, `suggestion: let's avoid ${stop[1]!.toLowerCase().trim()}.`];
      // "Why is this closed?": ask for the reason, and say it may still matter.
      if (/^why\s/.test(ctx.word) && /(?:closed|locked)$/.test(ctx.word)) return ['What was the reason for closing this?', 'thought: I think this may still be an issue; could we reopen it?'];
      if (/\b(?:again|revert|block|ban|report|close)\b/i.test(ctx.word)) return ['How can we make sure this does not happen again?', "thought: this has happened before, and I'd like us to find a way to prevent it."];
      // The question must not carry the impatience along (it would be hinted again once applied).
      const still = /\bstill\b/i.test(s) && !/\bstill\s+waiting\b/i.test(s) ? ["It looks like this isn't fixed yet; what is blocking it, and how can I help?"] : [];
      // "Please just fix it, I'm begging you.": the plea is not part of what is asked for.
      const plain = s.replace(/,?\s*(?:i['\u2019]m|im|i\s+am)\s+begging(?:\s+you)?[\s.!,]*$/i, '');
      return questionOr(plain, [...still, 'What is blocking this, and how can I help?', "thought: I'd like to see this land; what would help?"]);
    },
  },
  {
    id: 'personal-attack',
    category: 'blame',
    description: '"You\'re being lazy", "only an idiot would…", "who hired you?", "are you even a programmer?": attacks on the person.',
    triggers: ['you', "you're", 'youre', 'stop', 'only', 'did', 'are', 'who', 'learn', 'your', 'typical', 'what', "what's", 'whats', 'this', 'turn', 'use', 'get', 'that', 'such', 'negative', 'bad', 'hostile', 'toxic', 'entitled', 'rtfm', 'lmgtfy', 'gaslight', 'gaslighting', 'gaslighted', 'gaslights', 'gaslit'],
    pattern: w(
      String.raw`(?:you${APOS}re|youre|you\s+are|you\s+were)\s+(?:being\s+)?(?:so\s+|really\s+|just\s+|clearly\s+|obviously\s+)?(?:lazy|careless|sloppy|incompetent|clueless|ignorant|arrogant|rude|useless|hopeless|dense|thick|stupid|dumb|silly|ridiculous|childish|unprofessional|delusional|paranoid|pathetic|entitled(?!\s+to)|trolling|lying|gaslighting|condescending|patronizing|patronising|insufferable|whiny|whining|a\s+(?:joke|troll|clown|child|baby|liar|hypocrite|bully|moron|fool))|stop\s+being\s+(?:so\s+)?\w+|only\s+an?\s+(?:idiot|moron|fool|amateur|beginner|junior|intern|newbie)\s+would|did\s+(?:a|an|some)\s+(?:junior|intern|child|kid|monkey|newbie|student|bot)\s+(?:write|do|code)|are\s+you\s+(?:even\s+)?(?:a\s+(?:real\s+)?(?:programmer|developer|engineer|dev)|able\s+to\s+read|reading|listening)|who\s+hired\s+you|learn\s+(?:how\s+)?to\s+(?:code|program|read|write|use\s+git)|your\s+(?:incompetence|laziness|ignorance|arrogance|attitude|stupidity)|you\s+(?:people|guys)\s+(?:are|never|always|don${APOS}?t|can${APOS}?t|just)|typical\s+\w+(?:[-\s]world)?|you\s+(?:don${APOS}?t|do\s+not)\s+know\s+what\s+you${APOS}re\s+doing|you\s+have\s+no\s+(?:idea|clue)\s+what|you\s+obviously\s+(?:didn${APOS}?t|did\s+not|don${APOS}?t|haven${APOS}?t)|what${APOS}s\s+wrong\s+with\s+you|what\s+is\s+wrong\s+with\s+you(?:\s+people|\s+guys)?(?=\s*[?!])|learn\s+how\s+(?:\w+\s+){1,3}works?\s+before|rtfm|lmgtfy|turn\s+on\s+(?:the|your)\s+brain|use\s+your\s+(?:brain|head)|get\s+your\s+[\w\s]{1,20}(?:re-?calibrated|checked|fixed)|(?:your|this|that|such\s+an?|negative|bad|hostile|toxic|entitled)\s+(?:\w+\s+)?attitude|this\s+is\s+what\s+happens\s+when\s+you|your\s+(?:complete\s+|total\s+|obvious\s+|utter\s+|apparent\s+|clear\s+)?lack\s+of\s+(?:understanding|knowledge|competence|skills?|experience|basic|reading|common\s+sense|respect|effort|care)|gaslight(?:ing|ed|s)|gaslit|you\s+(?:(?:seem\s+to|must|have|${APOS}ve)\s+)?(?:completely\s+|totally\s+|entirely\s+)?miss(?:ed)?\s+the\s+(?:whole\s+|entire\s+)?point(?:\s+again)?|gaslight\s+(?:me|us|people|everyone|anyone|users)` +
        // "You're not cut out for this", "you write code like an intern", "you're making this way harder than it is".
        String.raw`|(?:you${APOS}re|youre|you\s+are)\s+(?:just\s+|clearly\s+|obviously\s+|really\s+|simply\s+)?not\s+cut\s+out\s+for|you\s+(?:have|had)\s+no\s+business\s+(?:\w+ing|being|here|in)` +
        String.raw`|(?:you|your\s+(?:code|tests?|prs?|patch(?:es)?|commits?))\s+(?:write|writes|code|codes|program|programs|look|looks|read|reads)\s+(?:code\s+)?like\s+(?:an?\s+)?(?:intern|junior|beginner|student|child|kid|amateur|newbie|monkey|first-?year|noob)s?\b` +
        String.raw`|(?:you${APOS}re|youre|you\s+are)\s+making\s+(?:this|it)\s+(?:way\s+|much\s+|so\s+|far\s+|a\s+lot\s+)?(?:harder|more\s+complicated|more\s+complex)\s+than\s+it\s+(?:is|needs\s+to\s+be|has\s+to\s+be)`,
    ),
    accept: (ctx) => {
      // "Stop being blocked by X", "typical use case": not about a person.
      if (/^stop\s+being\s+(?:blocked|used|called|run|built|generated|printed|logged|set|cached|able)$/.test(ctx.word)) return false;
      if (/^typical\s/.test(ctx.word) && !/(?:-world|\s+world|\bhair|\bsolution|\bresponse|\bmaintainer|\bdev|\bdeveloper|\bmicrosoft|\bgoogle|\bapple)/i.test(ctx.masked.slice(ctx.start, ctx.end + 30))) return false;
      return true;
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'This is about the person, not the code, so there is no technical point to keep in a question. Say what in the change worries you, or leave it out.',
    // No technical point to keep: an invitation, or deleting the sentence.
    rewrites: () => ['Could we go through this part together?', ''],
  },
  {
    id: 'rhetorical-why',
    category: 'disguised-question',
    description: '"Since when do we…?", "Are we really doing this?", "Can\'t you just…?", "What is the point of…?": questions that assert.',
    triggers: ['since', 'are', 'do', "don't", 'dont', 'isn\'t', 'isnt', "what's", 'whats', 'what', 'why', 'have', "can't", 'cant', 'did', 'how', 'who', 'you', 'in', 'does', 'will', 'would', 'can', 'could', 'is', 'was', 'were', 'really', "who's", 'whos'],
    pattern: w(
      String.raw`since\s+when|are\s+we\s+really|do\s+(?:you|we)\s+really\s+(?:think|believe|expect|need)|(?:don${APOS}?t|do\s+not)\s+you\s+think|isn${APOS}?t\s+it\s+(?:obvious|clear)|what${APOS}?s?\s+(?:is\s+)?the\s+point\s+(?:of|in)|what${APOS}?s?\s+(?:is\s+)?the\s+point(?=\s*\?)|(?:is|are|does|do|did|was|were|will|would|can|could)\s+(?:this|it|that|these|those|we)\s+even\s+\w+|why\s+(?:is|are)\s+(?:this|that|these|those|it)\s+even|have\s+you\s+(?:ever\s+)?heard\s+of|(?:can${APOS}?t|couldn${APOS}?t)\s+you\s+(?:just|simply|at\s+least|even)|why\s+(?:couldn${APOS}?t|won${APOS}?t)\s+you(?:\s+just)?|why\s+can${APOS}?t\s+you\s+(?:just|simply|ever|even|follow|read|listen|understand|remember|stop|be|see|get|learn|accept|respect)|why\s+don${APOS}?t\s+you\s+(?:ever|even|bother|listen|read|understand)|did\s+you\s+(?:even\s+)?bother|how\s+is\s+(?:this|that)\s+(?:even\s+)?supposed\s+to|who\s+(?:writes|would\s+write)\s+(?:code\s+|something\s+|stuff\s+)?like\s+(?:this|that)|what\s+part\s+of|you\s+call\s+this\s+an?|why\s+do\s+you\s+(?:keep|always|insist|never)|are\s+you\s+(?:even|really)\s+(?:reading|listening|serious|trying)|in\s+what\s+world|what\s+do\s+you\s+(?:want|expect)\s+me\s+to\s+do|why\s+are\s+you\s+(?:trying|being|so|still|even)|(?<!are\s)you\s+(?:kidding|joking)\s+me|what\s+(?:the\s+(?:hell|heck|fuck)\s+)?are\s+you\s+(?:even\s+)?talking\s+about|do\s+you\s+(?:even\s+)?(?:see|realize|realise|understand|get)\s+(?:that\s+)?you${APOS}re\s+(?:just|not|being)|how\s+(?:can|could)\s+(?:you|anyone|anybody|someone)\s+(?:\w+\s+){1,6}?and\s+not\s+(?:be|get|see|notice|understand|realize|realise|feel)|(?:how|why)\s+(?:is|was|would|does|did)\s+(?:that|this|it)\b[^?.!\n]{0,40}\bat\s+all(?=\s*\?)|really\s+the\s+best\s+(?:use|way|idea|approach|option|solution|choice|place|we\s+can\s+do)|who\s+(?:in\s+(?:their|his|her)\s+right\s+mind|thought\s+(?:this|that|it)\s+(?:was|is|would\s+be)\s+a\s+good\s+idea)` +
        // Criticism asked as a question in code review: "Why would we want this?", "Who needs this?",
        // "Is this really the right place?", "How is this any better?", "Why is this still here?", "Did you actually test this?".
        String.raw`|why\s+would\s+(?:we|i)\s+(?:ever\s+|even\s+)?(?:want|need|do|add|keep|care|bother|accept|merge|take)` +
        String.raw`|who\s+(?:even\s+|really\s+|actually\s+)?(?:needs|asked\s+for|cares\s+about)\s+(?:this|that|these|it)(?=\s*\?)` +
        String.raw`|(?:who${APOS}s|whos|who\s+is)\s+going\s+to\s+(?:maintain|review|debug|understand|read|support)\s+(?:this|that|it|all\s+(?:this|that))|who\s+will\s+(?:ever\s+)?(?:maintain|review|debug|understand|read|support)\s+(?:this|that|it|all\s+(?:this|that))` +
        String.raw`|how\s+is\s+(?:this|that|it)\s+any\s+(?:better|different|faster|safer|simpler|clearer|cleaner|easier|more\s+\w+)` +
        String.raw`|(?:is|are)\s+(?:this|that|these|those|it)\s+really\s+(?:worth\s+it|a\s+good\s+idea|the\s+right|what\s+we\s+want|an?\s+improvement|better)` +
        String.raw`|why\s+(?:is|are)\s+(?:this|that|these|those)\s+(?:[\w-]+\s+)?still\s+(?:here|there|around|needed|in\s+(?:here|the\s+code|this\s+\w+))` +
        // "Why is this so complicated?", "Is this supposed to be readable?", "Do you actually know what this does?".
        String.raw`|why\s+(?:is|are|does|do)\s+(?:this|that|these|those|it)\s+(?:[\w-]+\s+)?(?:so|this|that)\s+(?:complicated|complex|convoluted|long|verbose|messy|hard\s+to\s+\w+|ugly|confusing|fragile|weird|awkward|magic(?:al)?|big|huge)` +
        String.raw`|(?:is|was)\s+(?:this|that)\s+(?:really\s+)?supposed\s+to\s+be\s+(?:a\s+joke|funny|readable|clear|clean|an?\s+improvement|better|a\s+fix|helpful|safe|secure|maintainable)` +
        String.raw`|do\s+you\s+(?:actually|really|even)\s+(?:know|understand)\s+(?:what\s+(?:this|it|the\s+code)\s+does|what\s+you${APOS}re\s+doing|how\s+(?:this|it)\s+works)` +
        // "Why did you reformat this file again?": the "again" is the reproach.
        String.raw`|why\s+(?:did|do|are|have|would)\s+(?:you|we)\s+(?![^?.!\n]*\b(?:if|when|unless)\b)[^?.!\n]{1,40}?\s+again(?=\s*[?!])` +
        // "Did you read the ticket at all?", "Do you not know what an index is?": doubt of the person, asked.
        String.raw`|are\s+you\s+(?:seriously|honestly)\s+[\p{L}]+ing\b` +
        String.raw`|(?:did|have|do)\s+you\s+(?:even\s+)?(?:read|test|tested|try|tried|run|ran|check|checked|look|looked|think|thought|understand|compile|compiled|build|built)\b[^?.!\n]{0,40}?\s+at\s+all(?=\s*\?)` +
        String.raw`|(?:do|did)\s+you\s+not\s+(?:know|understand|see|get|realise|realize|read)\s+(?:what|how|that|why|the)\b` +
        String.raw`|(?:did|have)\s+you\s+(?:actually|really)\s+(?:test|tested|try|tried|run|ran|compile|compiled|build|built|read|look(?:ed)?\s+at|check(?:ed)?|benchmark(?:ed)?|measure(?:d)?)`,
    ),
    accept: (ctx) => {
      // A rhetorical question is a question: "Since when has this failed?" is asked, and may be genuine,
      // so "since when" needs a "we" or "you" doing something; all others need the question mark.
      const s = sentenceOf(ctx);
      const sentence = ctx.masked.slice(s.start, s.end);
      if (!/\?/.test(ctx.masked.slice(ctx.start, s.end + 1)) && !/^(?:what\s+part|you\s+call|did\s+you|you\s+(?:kidding|joking))/.test(ctx.word)) return false;
      // "…a bit inappropriate here, don't you think?": a tag that softens, not a rhetorical question.
      if (/think$/.test(ctx.word) && /^\s*\?/.test(ctx.masked.slice(ctx.end, ctx.end + 3))) return false;
      // "Why would we need a lock if the queue is per-CPU?" asks about the reasoning, with its condition.
      if (/^why\s+would\s+(?:we|i)\s/.test(ctx.word) && /\b(?:if|when|unless|given|since|because|as\s+long\s+as)\b/i.test(ctx.masked.slice(ctx.end, s.end))) return false;
      if (/^since\s+when$/.test(ctx.word) && !/since\s+when\s+(?:do|does|did|are|is|can|should|have)\s+(?:we|you|people|they)\b/i.test(sentence)) return false;
      // "Do we really need the second copy, or can we share one?" weighs an option; "…yet another flag?" mocks.
      if (/really\s+need$/.test(ctx.word) && !/\b(?:yet\s+another|another|all\s+(?:this|these|that|those)|so\s+many|this\s+many|this\s+much|more)\b/i.test(sentence)) return false;
      if (/^what\S*\s+(?:is\s+)?the\s+point/.test(ctx.word) && /\bthe\s+point\s+(?:of|in)\s+(?:view|contact|failure|entry|sale|the\s+(?:test|call|exercise)\s+is)/i.test(sentence)) return false;
      return true;
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'A rhetorical question asserts instead of asking. Ask what you really want to know, or say your point plainly.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      const asked = criticismQuestion(ctx.word, s);
      if (asked) return asked;
      // Disbelief at what the other person said: the real question is what they mean.
      if (/^(?:you\s+(?:kidding|joking)|what\s.*talking\s+about$|do\s+you\s)/.test(ctx.word)) return ['Could you say more about what you mean? I see it differently.', 'I see this differently; here is my concern:'];
      if (/^who\s/.test(ctx.word)) return ['What led to this approach?', 'Could you walk me through the reasoning here?'];
      // "Is this really the best way to…?": without the "really" it is asked, not asserted.
      if (/^really\s+the\s+best/.test(ctx.word)) {
        const asked = s.replace(/\s*\breally\s+(?=the\s+best)/i, ' ').replace(/\s+\?/, '?').trim();
        return [`${asked.replace(/\?*\s*$/, '?')} What other options did you weigh?`, 'Could you walk me through the reasoning here?'];
      }
      const q = rhetoricalQuestion(s);
      return q ? [q, 'Could you walk me through this?'] : questionOr(s, ['Could you walk me through the reasoning here?', 'I see this differently; here is my concern:']);
    },
  },
  {
    id: 'dont-do-this',
    category: 'command',
    description: '"Don\'t do this.", "Never do this again.": a ban without a reason.',
    triggers: ["don't", 'dont', 'do', 'never', 'no', 'please', 'pls', 'plz'],
    // "Please don't send patches like this.": a ban on the author's way of working, with no reason either.
    pattern: `(?=don|do|never|no|please|pls|plz)${SS}${w(String.raw`(?:(?:please|pls|plz)\s+)?(?:don${APOS}?t|do\s+not|never)\s+(?:ever\s+)?do\s+(?:this|that|it)(?:\s+(?:again|ever))?|no\.?\s+just\s+no|(?:please\s+)?(?:don${APOS}?t|do\s+not)(?=\s*[.!]+(?:\s|$)|\s*$)|(?:please\s+)?(?:don${APOS}?t|do\s+not|never|stop)\s+(?:ever\s+)?(?:send(?:ing)?|post(?:ing)?|submit(?:ting)?|write|writing|push(?:ing)?)\s+(?:\w+\s+)?(?:patches|patch|code|prs?|changes|commits|stuff|things|series)\s+like\s+(?:this|that)`)}`,
    // "Please don't do this until the release is out": a ban with its condition.
    accept: (ctx) => !/^\s+(?:until|unless|if|before|when|once)\b/i.test(ctx.masked.slice(ctx.end, ctx.end + 10)),
    range: (ctx) => sentenceOf(ctx),
    message: () => 'A ban without a reason teaches the rule, not the why. Say what goes wrong with it and ask about the alternative.',
    rewrites: () => ['What do you think of another approach here? This one worries me because…', 'suggestion: let\'s avoid this, because…'],
  },
  {
    id: 'shouting',
    category: 'judgment',
    description: 'Shouting: words in capitals ("THIS IS WRONG", "NOT how we do it") and runs of "!!!" or "?!".',
    triggers: [],
    scan: true,
    scanIf: /[A-Z][A-Z]|!!|\?!|!\?|\?\?\?/,
    // Two or more capitalised words in a row, a capitalised emphasis word, or "!!", "?!", "!?", "???".
    pattern: String.raw`${B}(?:[A-Z][A-Z'\u2019]+(?:[ \t]+[A-Z][A-Z'\u2019]*){1,}|(?:NOT|NEVER|NO|STOP|WHY|WHAT|EVERYTHING|NOTHING|ALWAYS|EVERY|ANY|ALL|MUST|DON'T|DONT|STILL|AGAIN|REALLY|PLEASE|WRONG|BROKEN|NONE|NOBODY|HOW|EVER))${E}|[!?]*(?:!!|\?!|!\?|\?\?\?)[!?1]*`,
    accept: (ctx) => {
      const m = ctx.text.slice(ctx.start, ctx.end);
      if (/[!?]/.test(m)) {
        // "Thanks!!", "Great work!!" are delight; a run of "!" after a complaint is not.
        const s = sentenceOf(ctx);
        const sentence = ctx.masked.slice(s.start, ctx.start);
        // Two marks need a sentence of a few words: "Done!!" is glee, "This is still broken!!" is not.
        if (!/!!!|\?!|!\?|\?\?\?/.test(m) && sentence.trim().split(/\s+/).length < 3) return false;
        // "???" alone is puzzlement ("foo.py or bar.py???", "(???)"); with a sentence of its own, exasperation.
        if (/^\?+$/.test(m) && (sentence.trim().split(/\s+/).length < 5 || ctx.text[ctx.start - 1] === '(' || /^\s*\)/.test(ctx.text.slice(ctx.end)))) return false;
        // "Same here!!!", "+1 !!!": agreement; "Does anyone know if it builds on arm???": a plea to whoever can help.
        if (/(?:^|\s)\+1\b|\b(?:same\s+here|me\s+too)\b|\b(?:does|do|can|could|would)\s+(?:any(?:one|body)|some(?:one|body))\s+(?:\w+\s+)?(?:know|tell|help|explain|confirm|point)\b/i.test(sentence)) return false;
        return !/\b(?:thanks?|thx|great|nice|awesome|cool|yay|wow|love|perfect|excellent|congrat\w*|welcome|amazing|happy|glad|hooray|woo+|lgtm|brilliant|fantastic|works|worked|fixed|good|hi|hello|hey|yes|sure|ok|okay|done|merged)\b/i.test(sentence) && sentence.trim().length > 0;
      }
      // Acronyms and constants ("HTTP GET", "TODO FIXME", "MAX_SIZE") are not shouting: the run needs a
      // function word, and the comment must not be mostly capitals already (a log, a constant list).
      if (/\s/.test(m) && m.replace(/[^A-Z]/g, '').length < 7) return false;
      if (/\s/.test(m) && !/\b(?:THIS|IS|NOT|THE|DO|ARE|YOU|IT|TO|WHY|WHAT|NO|STOP|DON'T|DONT|A|OF|AND|IN|ON|FOR|WITH|ME|MY|WE|THAT|ANY|ALL|EVER|HOW|SO|WAS|HAS|HAVE|BE|JUST|NEVER|EVERYTHING|PLEASE|NOW|AGAIN)\b/.test(m)) return false;
      if (/^(?:WHAT|HOW|ANY|ALL|EVERY|NO|EVER|PLEASE|MUST|WHY|REALLY|STILL|AGAIN)$/.test(m)) return false;
      if (!/\s/.test(m)) {
        // One capitalised word is emphasis unless it is aimed at someone and ends in "!" or "?".
        const s = sentenceOf(ctx);
        const sentence = ctx.masked.slice(s.start, s.end);
        if (!/\b(?:you|your|this|that|it|we)\b/i.test(sentence)) return false;
        if (!/[!?]\s*$/.test(sentence)) return false;
      }
      // Judged on the sentence (bounded), not the whole text: a comment with many capitals stays linear.
      const sb = sentenceOf(ctx);
      const letters = ctx.text.slice(sb.start, sb.end).replace(/[^A-Za-z]/g, '');
      const caps = letters.replace(/[^A-Z]/g, '').length;
      return letters.length < 150 || caps / letters.length < 0.5;
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'Capitals and "!!!" read as shouting. The point comes across better in a calm sentence.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      // Calm: "!!!" becomes one mark, and the shouted words (the match) lower-case; acronyms elsewhere stay.
      const from = ctx.start - range.start;
      const to = ctx.end - range.start;
      const shouted = s.slice(from, to).replace(/\b[A-Z][A-Z'\u2019]+\b/g, (x) => x.toLowerCase());
      const calm = (s.slice(0, from) + shouted + s.slice(to)).replace(/[!?]*(?:!!|\?!|!\?|\?\?\?)[!?1]*/g, (m) => (m.includes('?') ? '?' : '.'));
      const calmed = calm.length > 0 ? calm[0]!.toUpperCase() + calm.slice(1) : calm;
      const p = proposalIn(calmed);
      if (p) return [proposalQuestion(p), calmed];
      // No proposal to ask about: the same words, calm, and an invitation to talk it through.
      return /\?\s*$/.test(calmed) ? [calmed] : [`${calmed.replace(/[.!]*$/, '.')} Could we look at it together?`, calmed];
    },
  },
  {
    id: 'sarcastic-praise',
    category: 'sarcasm',
    description: '"Sure, because that worked so well", "yeah, right", "good luck maintaining this", "/s": mocking praise.',
    triggers: ['classy', 'love', 'excellent', 'perfect', 'lovely', 'wonderful', 'fantastic', 'must', 'nice', 'cool', 'how', 'color', 'colour', 'you', 'funny', 'sure', 'yeah', 'yea', 'good', 'congratulations', 'congrats', 'genius', 'brilliant', 'i', 'well', 'clearly', 'oh', 'what', 'wow', 'bravo', 'thanks', 'thank', 's', 'welcome', 'cool', 'nice', 'great', 'awesome', 'ok', 'okay', 'fine', 'alright', 'have', 'slow'],
    pattern: w(
      String.raw`good\s+for\s+you,?\s+(?:telling|thinking|saying|deciding|lecturing)|must\s+be\s+nice(?=\s*[,.!]|\s+to\s+(?:have|be|not))|nice\s+try(?=\s*[,.!]|\s*$)|cool\s+story(?:,?\s+bro)?|how\s+(?:very\s+)?convenient(?=\s*[.!]|\s*$)|colou?r\s+me\s+(?:surprised|shocked)|you\s+don${APOS}t\s+say(?=\s*[.!?])|funny\s+how\s+(?:you|they|this|that|nobody|no\s+one|every)|sure,?\s+because|yeah,?\s+right|yea,?\s+right|good\s+luck\s+(?:maintaining|debugging|with\s+that|reviewing|testing|fixing)|congrat(?:ulation)?s,?\s+you|(?:genius|brilliant|great|nice|awesome|clever)\s+(?:move|idea|plan|thinking|logic|work|solution|choice|job)(?=\s*,)|i\s+(?:just\s+)?love\s+how\s+(?:this|it|you|that)|well,?\s+that${APOS}s\s+one\s+way|clearly\s+you\s+(?:put|spent|thought)|(?:oh|wow),?\s+(?:wonderful|lovely|joy|fantastic|great|brilliant|genius|nice|cool|awesome),?\s+(?:more|another|yet|now|so|the)|what\s+could\s+(?:possibly\s+)?go\s+wrong|bravo|thanks?\s+(?:a\s+lot\s+)?for\s+(?:wasting|breaking|ignoring|making\s+(?:it|this|things)\s+worse)|(?<=\s)\/s(?=\s*$)|welcome\s+to\s+\w+(?=\s*(?:xd|lol|:\)|$))|(?:ok(?:ay)?|fine|alright),?\s+you\s+win(?=\s*[,.!]|\s*$)|have\s+fun\s+(?:arguing|maintaining|explaining|defending)|thanks?\s+for\s+nothing|slow\s+clap|` +
        // "Brilliant, now nothing compiles.", "Cool, so we just don't handle errors anymore?", "What a creative way to leak
        // memory.", "Love how this ignores…", "Yeah, that'll definitely scale.": praise over a bad outcome.
        String.raw`(?=great|brilliant|wonderful|fantastic|perfect|lovely|nice|cool|awesome|genius|excellent|wow)(?<=(?:^|[.!?]\s+))(?:great|brilliant|wonderful|fantastic|perfect|lovely|nice|cool|awesome|genius|excellent|wow)[,!.]+\s+(?:so\s+)?(?:now\s+(?:nothing|none|no\s+one|nobody)|so\s+(?:we|you)\s+(?:just\s+)?(?:don${APOS}?t|do\s+not|no\s+longer|never|can${APOS}?t|won${APOS}?t))` +
        // "Closing my issue without a word? Classy.", "Another release and still broken. Great job.": a closing one-word praise over what went wrong.
        String.raw`|(?=classy)(?<=[.?!]\s+)classy(?=[.!]*\s*$)` +
        String.raw`|(?=great|nice|good|well)(?<=\b(?:broken|breaks|broke|fails|failed|crashes|crashed|regressed|worse|nothing\s+works|still\s+not\s+\w+|(?:nobody|no\s+one)\s+(?:\w+\s+){0,6}(?:replied|answered|responded))[^.!?\n]{0,30}[.!]\s+)(?:great|nice|good|well)\s+(?:job|work|done|support|service|communication)(?=[.!]*\s*$)` +
        String.raw`|what\s+an?\s+(?:creative|clever|novel|interesting|unique|original|innovative|inventive|elegant|brilliant|genius)\s+way\s+to\s+(?:leak|break|crash|lose|waste|corrupt|slow|ruin|hide|ignore|bypass|duplicate|overcomplicate|complicate|introduce)` +
        String.raw`|(?=love)(?<=(?:^|[.!?]\s+)(?:(?:gotta|got\s+to|just)\s+)?)love\s+how\s+(?:this|it|you|that)` +
        String.raw`|(?:yeah|sure|oh\s+yeah),?\s+let${APOS}s\s+just\s+(?:ignore|skip|forget\s+about|forget|drop|hardcode|break|disable|pretend)|(?:yeah|sure|oh\s+yeah),?\s+(?:that|this|it)(?:${APOS}ll|\s+will)\s+(?:definitely|totally|surely|certainly|absolutely|really)\s+(?:scale|work|help|fly|end\s+well|go\s+well)|you\s+(?:sure|definitely|certainly|really)\s+know\s+how\s+to\s+(?:motivate|make|keep|win|treat|encourage|welcome|scare|drive)`,
    ),
    accept: (ctx) => {
      // "Love how this reads now, thanks!": the love is meant.
      if (/love\s+how/.test(ctx.word)) {
        const s = sentenceOf(ctx);
        if (/\b(?:thanks?|thx|appreciat\w*|well\s+done|lgtm|great|nice|cleaner|clearer|simpler|easier|readable|elegant)\b/i.test(ctx.masked.slice(s.start, s.end))) return false;
      }
      if (/^(?:genius|brilliant|great|nice|awesome|clever)\s/.test(ctx.word)) {
        // "Great work, thanks!" is praise; "Brilliant idea, hardcoding the password." is not.
        const s = sentenceOf(ctx);
        // "Nice work, this is much cleaner.": the praise goes on with a better outcome, not a worse one.
        const sentence = ctx.masked.slice(s.start, s.end);
        if (/\b(?:cleaner|clearer|simpler|easier|nicer|faster|safer|better|neater|tidier|more\s+readable|readable|elegant)\b/i.test(sentence) && !/\b(?:not|no|never|nothing|worse|broke|breaks|breaking)\b|n['\u2019]t\b/i.test(sentence)) return false;
        return !/\b(?:thanks?|thx|appreciat\w*|love\s+it|well\s+done|lgtm|ship\s+it)\b/i.test(sentence);
      }
      return true;
    },
    range: (ctx) => sentenceOf(ctx),
    message: () => 'Mocking praise hides the real point and stings. Say plainly what worries you, and ask about it.',
    rewrites: (ctx, range) => {
      const s = sentenceText(ctx, range);
      // The mocked point, said plainly: "Good luck maintaining this" → worried about maintaining it.
      // "Ok, you win, have fun maintaining it": the point is a disagreement, said plainly.
      if (/you\s+win$|^have\s+fun/.test(ctx.word)) return [ACK, "thought: we disagree here, and I'm worried about maintaining this."];
      // "You sure know how to motivate people": the point is how the remark lands, said as the writer's view.
      if (/know\s+how\s+to/.test(ctx.word)) return ['How do you think this lands with the people doing the work?', 'thought: to me this comes across as discouraging.'];
      // "Sure, let's just ignore thread safety": the worry, said plainly.
      const lets = /\blet['\u2019]s\s+just\s+(forget\s+about|[\p{L}-]+)([^.!?\n]*)/iu.exec(s);
      if (lets) {
        const doing = /^forget\s/i.test(lets[1]!) ? 'forgetting about' : gerund(lets[1]!.toLowerCase());
        return [`I'm worried about ${doing}${lets[2]!.replace(/[\s,]+$/, '')}; what do you think?`, `thought: I'm worried about ${doing}${lets[2]!.replace(/[\s,]+$/, '')}.`];
      }
      const luck = /\bgood\s+luck\s+(\w+ing\b[^.!?\n]*)/i.exec(s);
      if (luck) return [`I'm worried about ${luck[1]!.trim()}; what do you think?`, `thought: ${luck[1]!.trim()} looks hard to me.`];
      const funny = /\bfunny\s+how\s+([^.!?\n]+)/i.exec(s);
      if (funny) return [`I noticed ${funny[1]!.trim()}; could we look at it together?`, `thought: ${funny[1]!.trim()}, and that worries me.`];
      const how = /\blove\s+how\s+([^.!?\n]+)/i.exec(s);
      if (how) return [`It looks like ${how[1]!.trim()}; could you take a look?`, `issue: ${how[1]!.trim()}.`];
      return questionOr(s, ['I am worried about this part; could you walk me through it?', 'thought: I am not sure this works as intended.']);
    },
  },
  ...BLUNT_RULES,
];

/**
 * Phrases of the third probe (docs/hints.md), each tried at its own rarer word, not at the rule's
 * common ones ("is", "how", "you", "do"), where the whole rule's pattern would run more often.
 */
export const CUE_RULES: readonly RuleDef[] = withVariants(CUE_RULE_LIST, {
  // "Did anyone actually run this?", "How did this pass CI?", "Could you at least try…?", "…before pushing?", ", again?".
  'rhetorical-why': {
    triggers: ['pass', 'past', 'through', 'anyone', 'anybody', 'nobody', 'least', 'thought', 'reason', 'again', 'understand', 'before', 'seriously', 'supposed'],
    pattern: w(String.raw`(?=pass|past|through)(?<=\bhow\s+did\s+(?:this|that|it)\s+(?:even\s+|ever\s+)?(?:get\s+|make\s+it\s+)?)(?:pass|past|through)|(?=any|nob)(?<=\bdid\s+)(?:anyone|anybody|nobody)\s+(?:actually\s+|even\s+|ever\s+|really\s+)?(?:run|test|try|read|review|compile|build|check|look\s+at)\s+(?:this|that|it)(?![\p{L}\p{N}_])|(?=least)(?<=\b(?:could|can)\s+(?:you|we)\s+at\s+)least\s+(?:try|bother|read|test|look|pretend|attempt|run|compile)|(?=thought)(?<=\byou\s+)thought\s+(?:this|that|it)\s+(?:was|is|would\s+be)\s+a\s+good\s+idea|(?=before)(?<=\b(?:did|have)\s+you\s+(?:actually\s+|ever\s+)?(?:look(?:ed)?\s+at|read|test(?:ed)?|run|ran|build|built|compile[ds]?|tr(?:y|ied)|check(?:ed)?)\s+(?:[\w\x60'-]+\s+){0,4})before\s+(?:pushing|sending|submitting|posting|opening|requesting)|(?=seriously)(?<=\bare\s+(?:we|you)\s+)seriously\s+(?:going\s+to|gonna|considering|proposing|suggesting)|(?=supposed)(?<=\bwhat\s+exactly\s+is\s+(?:this|that|it)\s+)supposed\s+to|(?=again)(?<=,\s*)again(?=\s*\?)|(?=understand)(?<=\bdo\s+you\s+(?:even\s+|actually\s+|really\s+)?)understand\s+what\s+(?:this|that|the|your)\s+(?:code|change|patch|function|method|line|lock|loop|class)\s+(?:does|do)(?=\s*\?)|(?=reason)(?<=\bis\s+there\s+a\s+)reason\s+you\s+(?:ignored|skipped|dropped|disregarded)\s+(?:every|all|each|my|our|the)`),
  },
  // "I'm begging you", "Hello??", "Are you ever going to fix this?", "So we're supposed to wait forever?".
  impatience: {
    triggers: ['begging', 'hello', 'helloo', 'hellooo', 'ever', 'wait'],
    pattern: w(String.raw`(?=begging)(?<=\b(?:i${APOS}m|im|i\s+am)\s+)begging(?:\s+you)?(?=\s*[.!,]|\s*$)|(?=hello)(?<=(?:^|[.!?]\s+))hello+(?:\s+(?:there|anyone|anybody))?\s*\?\?|(?=ever)(?<=\b(?:are|is|will)\s+(?:you|anyone|anybody|someone|the\s+(?:devs|developers|maintainers|team))(?:\s+guys)?\s+)ever\s+going\s+to\s+(?:fix|merge|release|look\s+at|address|respond|answer|reply|do)|(?=wait)(?<=\b(?:supposed|expected|meant|going)\s+to\s+(?:just\s+)?)wait\s+forever`),
  },
  // "You people have no idea…", "Did you forget how pointers work?".
  'personal-attack': {
    triggers: ['idea', 'clue', 'respect', 'forget', 'forgotten'],
    pattern: w(String.raw`(?=idea|clue|respect)(?<=\byou\s+(?:people|guys)\s+have\s+no\s+)(?:idea|clue|respect)|(?=forg)(?<=\b(?:did|have)\s+you\s+(?:just\s+|completely\s+)?)forg(?:et|otten)\s+how\s+(?:\w+\s+){1,3}works?`),
  },
  // "Your patch breaks everything, as usual." (only after something that went wrong: the rule's check).
  'pile-on': {
    triggers: ['usual'],
    pattern: w(String.raw`(?=usual)(?<=,\s*as\s+)usual(?=\s*[.!]|\s*$)`),
  },
});


