/**
 * What a judgment word is aimed at, and whether the sentence takes it back: the checks that turn
 * "a word on a list" into "a verdict on the author's work".
 *
 * - Negation and softeners: "not too horrible", "isn't wrong", "nothing wrong", "hardly ugly".
 * - Targets that are not the author: a tool, a bug, hardware, a third party ("the compiler is
 *   terrible at inlining", "the old SSD was bad", "upstream is a mess").
 * - The writer themselves: "I had it wrong", "I got this wrong" (rules.ts `selfDirected` handles
 *   "I'm an idiot", "my bad").
 *
 * Every check looks only at the judgment's own clause (back to the last comma, semicolon, dash or
 * conjunction), so "The compiler is fine, but this loop is ugly" still hears "ugly".
 */

/** Negators that take a verdict back when they sit right before it, with an optional softener in between. */
const NEGATED_RE =
  /(?:\b(?:not|never|hardly|barely|nothing|isn['\u2019]?t|aren['\u2019]?t|wasn['\u2019]?t|weren['\u2019]?t|ain['\u2019]?t|don['\u2019]?t|doesn['\u2019]?t|didn['\u2019]?t|no\s+longer|nor|neither)|n['\u2019]t)\s+(?:(?:be|seem|look|that|so|too|very|really|all|all\s+that|overly|terribly|particularly|entirely|totally|completely|necessarily|actually|as|quite|much|a|the)\s+){0,3}$/i;

/** "Nothing wrong with", "no bad intent": the negation belongs to the judgment itself. */
const NOTHING_BEFORE_RE = /\b(?:nothing|no|none|zero)\s+(?:\w+\s+)?$/i;

/** Things that are neither the author nor their work: tools, platforms, hardware, bugs, other parties. */
const OTHER_TARGET =
  String.raw`compilers?|gcc|clang|msvc|linkers?|firmware|hardware|bios|ssds?|hdds?|disks?|drives?|cpus?|gpus?|boards?|chips?|chipsets?|devices?|laptops?|machines?|servers?|os|windows|macos|mac\s*os|osx|ios|android|linux|ubuntu|debian|browsers?|safari|firefox|chrome|chromium|edge|ie|ie\d+|internet\s+explorer|npm|yarn|pip|conda|gradle|maven|xcode|visual\s+studio|eclipse|intellij|webpack|jenkins|travis|ci|the\s+build\s+farm|github|gitlab|gerrit|jira|upstream|vendors?|third[-\s]party|(?:the|this|that)\s+(?:bug|issue|crash|regression|problem|failure|error|race|leak|situation|weather|network|wifi|internet|proxy|spec|standard|kernel|runtime|toolchain|sdk|library|libc|api\s+docs|legacy\s+code|old\s+\w+|original\s+\w+|previous\s+\w+|existing\s+\w+)(?=\s+(?:is|was|are|were|seems?|looks?|has|had|itself|here|there|on|in|of|from|for)\b|\s*$|['\u2019]s)|their|they|them|java|javascript|php|python|perl|c\+\+|the\s+language|life|mondays?|flaky\s+tests?`;

const OTHER_TARGET_RE = new RegExp(String.raw`(?:^|[\s(])(?:${OTHER_TARGET})(?![\p{L}\p{N}_])`, 'iu');

/** Words that put the author back in the clause: then it is about their work after all. */
const AUTHOR_RE = /\b(?:you|your|you['\u2019](?:re|ve|ll|d)|this\s+(?:patch|change|pr|cl|commit|code|function|class|method|approach|design|implementation|fix|test)|these\s+changes)\b/i;

/** "I had it wrong", "I got that wrong", "we got this wrong": the writer owning a mistake. */
const WRITER_WRONG_RE = /\b(?:i|we)\s+(?:had|got|have|get|may\s+have\s+got(?:ten)?|might\s+have\s+got(?:ten)?|must\s+have\s+got(?:ten)?|'ve\s+got)\s+(?:it|that|this|something|everything|the\s+\w+)\s+(?:\w+\s+)?$/i;

/** The clause the word belongs to: back to the last clause break, at most 120 characters. */
export function clauseBefore(masked: string, sentenceStart: number, wordStart: number): string {
  const from = Math.max(sentenceStart, wordStart - 120);
  const run = masked.slice(from, wordStart);
  const cut = Math.max(run.lastIndexOf(','), run.lastIndexOf(';'), run.lastIndexOf(':'), run.lastIndexOf(' - '), run.lastIndexOf('\u2014'), run.lastIndexOf('('));
  const tail = cut === -1 ? run : run.slice(cut + 1);
  // "so" is left out: "not so bad" is an intensifier, and a clause after "so" rarely changes the target.
  const conj = /.*\b(?:but|and|while|whereas|although|though|because|since)\s+/is.exec(tail);
  return conj ? tail.slice(conj[0].length) : tail;
}

/** The judgment right after `before` is negated or taken back ("not too horrible", "nothing wrong"). */
export function negated(before: string): boolean {
  // "Don't be stupid" orders; it does not take the word back.
  if (/\b(?:don['\u2019]?t|do\s+not|never)\s+be\s+(?:so\s+|such\s+an?\s+)?$/i.test(before)) return false;
  return NEGATED_RE.test(before) || NOTHING_BEFORE_RE.test(before);
}

/** A named third party in the middle of the clause: "matplotlib makes", "PBR was", "Facebook's". */
const PROPER_NOUN_RE = /(?<=\S\s+)(?!I\b|I['\u2019])[A-Z][a-z]{2,}(?:['\u2019]s)?\b(?![A-Z])/u;

/** A statement about things in general, not this change: "is generally bad", "considered harmful". */
const GENERIC_RE = /\b(?:generally|usually|typically|often|in\s+general|considered|tends?\s+to\s+be|is\s+known\s+to\s+be|can\s+be|could\s+be|would\s+be\s+(?:a\s+)?(?:bit\s+)?|recipe\s+for|people|users|everyone['\u2019]s)\s+(?:\w+\s+){0,2}$/i;

/** The clause judges something other than the author or their work (a tool, a bug, hardware, a third party). */
export function otherTarget(clause: string): boolean {
  if (AUTHOR_RE.test(clause)) return false;
  return OTHER_TARGET_RE.test(clause) || PROPER_NOUN_RE.test(clause) || GENERIC_RE.test(clause);
}

/** The writer owns the mistake ("I had it wrong"). */
export function writerOwnsIt(clause: string): boolean {
  return WRITER_WRONG_RE.test(clause);
}
