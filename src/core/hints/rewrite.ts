/**
 * Rewrites: turn a judgment into a question built from the comment's own words.
 *
 * No grammar parser: a sentence like "<subject> <is/looks/seems> [so, really, a bit…] <word> …"
 * gives its subject; "<word> <noun phrase>" ("ugly hack") gives "this <noun phrase>"; anything
 * else falls back to "this". The question then asks about the subject instead of ruling on it.
 */

/** What a judgment word says about the code, which decides the question asked instead. */
export type JudgmentKind = 'correctness' | 'needless' | 'quality' | 'dislike' | 'reaction' | 'conduct';

const TRAILING_RE =
  /(?:\s*(?:[-.!?\u2026,;:]+|[:;=8]-?[)(DPpO/\\|]+|\(\s*[:;]|\b(?:lol|haha+|hehe|imo|imho|tbh|anyway|though|here|there)\b|\p{Extended_Pictographic}\uFE0F?))+\s*$/iu;

const INTENSIFIERS_END_RE =
  /(?:\s*\b(?:so|very|really|pretty|quite|a\s+bit|a\s+little|a\s+little\s+bit|little|kind\s+of|kinda|kinds\s+of|sort\s+of|sorta|just|totally|completely|utterly|super|rather|too|somewhat|extremely|fairly|bit|seriously|truly|downright|plain|plainly|simply|absolutely|incredibly|terribly|awfully|horribly|damn|damned|fucking|freaking|bloody|most|more|even|still|now|also|definitely|certainly|clearly|obviously|actually|literally|all|such\s+an?|such|an?|the|what\s+an?|and|or|but|not\s+only)\b\s*)+$/i;

const COPULA_END_RE =
  /^(.*?)\s*(?:\b(is|are|was|were|looks?|seems?|feels?|reads?|sounds?)|(['\u2019]s|['\u2019]re))\s*$/i;

/** Words that show the "subject" is really a clause ("since you are touching this, it"). */
const CLAUSE_WORD_RE =
  /\b(?:i|you|we|they|he|she|is|are|was|were|be|been|am|do|does|did|have|has|had|will|would|can|could|should|may|might|must|know|think|guess|feel|going|if|since|because|when|while|then|although|though|whether|agree|seems?|looks?|sure|thats|cause|what|which|who|how|why|where)\b/i;

const LEADING_FILLER_RE =
  /^(?:(?:i\s+(?:think|feel|find|believe|guess|suppose|fear|mean|agree)(?:\s+that)?|i['\u2019]d\s+say(?:\s+that)?|imho|imo|tbh|in\s+my\s+(?:humble\s+)?opinion|to\s+be\s+honest|honestly|frankly|personally|obviously|clearly|seriously|basically|really|surely|dude|mate|well|hmm+|hm+|oh|ok|okay|yeah|yes|yep|no|nope|but|and|so|also|plus|sorry|btw|anyway|though|still|agreed|agree|true|right|however|overall|note\s+that|it\s+seems\s+(?:that|like)|seems\s+like|because|since|as|if)\b[\s,:;.!-]*)+/i;

const PLURAL_COPULA = new Set(['are', 'were', 're', 'look', 'seem', 'feel', 'read', 'sound', 'become', 'get']);
const PLURAL_START_RE = /^(?:these|those|they|we|both|all|many|several|some|most|the\s+\w+s)\b/i;

/** Words after which a noun phrase does not follow ("silly to set…", "ugly because…"). */
const NOT_A_NOUN_RE =
  /^(?:to|that|into|onto|over|under|about|via|through|across|of|for|if|when|because|but|and|or|as|here|there|now|imo|imho|anyway|though|in|on|at|with|by|from|than|then|so|too|enough|it|is|are|was|were|be|since|while|what|which|who|how|why|where|i|you|we|they|:|\W)\b/i;

const DETERMINER_END_RE =
  /\b(this|that|these|those|your|the|such)\s+(?:(?:so|very|really|pretty|quite|kinda|super|rather|too|extremely|fairly|totally|completely|utterly|damn|damned|fucking|freaking|bloody|a\s+bit|kind\s+of|sort\s+of)\s+)*$/i;

function lowerFirst(s: string): string {
  // Keep identifiers and acronyms ("HTTP", "FooBar", "I") as written.
  if (s.length > 1 && /^\p{Lu}\p{Ll}/u.test(s) && !/^I\b/.test(s)) return s[0]!.toLowerCase() + s.slice(1);
  return s;
}

function upperFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** A usable subject: short, not the writer themselves; "your X" becomes "this X". */
function cleanSubject(raw: string): string | undefined {
  // Only the last clause can be the subject: "Since you touch this, it" → "it".
  const lastClause = raw.split(/[,;:()\u2014\u2013]|\s-\s|\.\.\./).pop() ?? raw;
  let s = lastClause.replace(/^[^\p{L}\p{N}_`'"(]+/u, '').replace(LEADING_FILLER_RE, '').trim();
  s = s.replace(/^[,;:\-\s]+/, '').replace(/[,;:\-\s]+$/, '');
  if (s.length === 0) return undefined;
  if (/^(?:i|me|we|us|you)$/i.test(s)) return undefined;
  if (/^(?:it|this|that|these|those)$/i.test(s)) return s.toLowerCase();
  if (CLAUSE_WORD_RE.test(s)) return undefined;
  s = s.replace(/^your\b/i, /s$/.test(s) ? 'these' : 'this').replace(/^(?:it|that|this)\s+(?=\p{L})/iu, (m) => m.toLowerCase());
  const words = s.split(/\s+/);
  if (words.length > 8 || s.length > 60) return undefined;
  return lowerFirst(s);
}

/** The noun phrase that follows an adjective ("ugly hack here" → "hack"), if there is one. */
function nounPhraseAfter(after: string): string | undefined {
  const a = after.trim();
  if (a.length === 0 || NOT_A_NOUN_RE.test(a)) return undefined;
  const m = /^[^,;:.!?()\n]+/.exec(a.split(/\s[-\u2013\u2014]\s/)[0] ?? a);
  if (!m) return undefined;
  const words = m[0].trim().split(/\s+/).slice(0, 4);
  const stop = words.findIndex((w) => /^(?:to|that|which|because|but|and|or|if|when|in|on|for|with|here|there|imo|imho|lol|is|are|was|were)$/i.test(w));
  const np = (stop === -1 ? words : words.slice(0, stop)).join(' ');
  return np.length > 0 ? np : undefined;
}

interface Subject {
  text: string;
  plural: boolean;
}

/**
 * Finds what the judgment is about. `sentence` is the sentence text; `wordStart`/`wordEnd` the
 * judgment word's offsets inside it; `verb` is true for verbs like "sucks" whose subject
 * precedes them directly.
 */
export function subjectOf(sentence: string, wordStart: number, wordEnd: number, verb = false): Subject {
  // The subject sits right before the judgment; a long run-up is not searched (it cannot be one).
  const before = sentence.slice(Math.max(0, wordStart - 160), wordStart).replace(INTENSIFIERS_END_RE, '');
  const after = sentence.slice(wordEnd);
  const fallback: Subject = { text: 'this', plural: false };
  if (verb) {
    const s = cleanSubject(before);
    if (s === undefined) return fallback;
    return { text: s, plural: PLURAL_START_RE.test(s) || /^\S+s$/.test(s) };
  }
  const cop = COPULA_END_RE.exec(before);
  if (cop) {
    const copula = (cop[2] ?? cop[3] ?? '').replace(/^['\u2019]/, '').toLowerCase();
    const raw = cop[1] ?? '';
    const s = cleanSubject(raw);
    if (s !== undefined) return { text: s, plural: PLURAL_COPULA.has(copula) || PLURAL_START_RE.test(s) };
    // "It's ugly" after a filler: the subject is the pronoun itself.
    const pron = /\b(it|this|that|these|those|they)\s*$/i.exec(raw);
    if (pron) {
      const p = pron[1]!.toLowerCase();
      return { text: p === 'they' ? 'these' : p, plural: /^(?:these|those|they)$/.test(p) };
    }
    return fallback;
  }
  const np = nounPhraseAfter(after);
  if (np !== undefined) {
    const det = DETERMINER_END_RE.exec(sentence.slice(Math.max(0, wordStart - 80), wordStart));
    const plural = /s$/i.test(np) && !/ss$/i.test(np);
    let d = det?.[1]?.toLowerCase();
    if (d === undefined || d === 'your' || d === 'the' || d === 'such') d = plural ? 'these' : 'this';
    return { text: `${d} ${np}`, plural };
  }
  return fallback;
}

/** Drops closing punctuation, emoticons and fillers; only the tail is searched, so this stays linear. */
function stripTrailing(sentence: string): string {
  const cut = Math.max(0, sentence.length - 60);
  return sentence.slice(0, cut) + sentence.slice(cut).replace(TRAILING_RE, '');
}

/**
 * Question rewrites for a judgment word at [wordStart, wordEnd) inside `sentence`
 * (offsets relative to the sentence). The first one is always a question.
 */
export function judgmentRewrites(sentence: string, wordStart: number, wordEnd: number, kind: JudgmentKind): string[] {
  const body = stripTrailing(sentence);
  const ws = Math.min(wordStart, body.length);
  const we = Math.min(wordEnd, body.length);
  if (kind === 'conduct') {
    // About how someone behaves: there is no code to ask about, so ask how they see it, and say how it read.
    const word = sentence.slice(wordStart, wordEnd).toLowerCase();
    return [`How do you see this exchange? To me it came across as ${word}.`, `I'd like us to keep this respectful.`];
  }
  if (kind === 'dislike') {
    const obj = nounPhraseAfter(sentence.slice(wordEnd)) ?? /^\s*(it|this|that|these|those|them)\b/i.exec(sentence.slice(wordEnd))?.[1] ?? 'this';
    const o = cleanSubject(obj) ?? 'this';
    return [`What would you think about avoiding ${o} here?`, `I'd rather we avoid ${o}.`];
  }
  const subj = subjectOf(body, ws, we, kind === 'reaction');
  const S = subj.text;
  const be = subj.plural ? 'are' : 'is';
  const does = subj.plural ? 'do' : 'does';
  switch (kind) {
    case 'correctness':
      return [`What do you expect ${S} to do here?`, `I'm not sure ${S} ${be} right here; could you walk me through it?`];
    case 'needless':
      return [`What ${does} ${S} add here?`, `${upperFirst(be)} ${S} still needed?`];
    case 'reaction':
    case 'quality':
      return [`Could ${S} be simpler? What led to this approach?`, `What would make ${S} easier to follow?`];
  }
}

/** "Fix this." → "Could we fix this?"; also offers a Conventional Comments label. */
export function commandRewrites(sentence: string): string[] {
  const body = stripTrailing(sentence).trim();
  return [`Could we ${lowerFirst(body)}?`, `suggestion: ${lowerFirst(sentence.trim())}`];
}

