/**
 * The verbs review comments propose with ("use a map", "add a test", "you should have checked…"),
 * and their forms, so that a rewrite can turn "You should have added a test" into "Could we add a
 * test?" and "just use a map" into "What do you think of using a map?" without a tagger at run
 * time. Forms are built once from the base list; irregular ones are spelled out.
 */

const BASES = (
  'add use call pass return make put drop delete change replace move check set write run copy import skip rename inline ' +
  'let leave throw raise wrap create fix keep read try stick declare define assign compare log print append extend merge ' +
  'split initialize store save revert reuse switch rewrite test follow look rebase ignore get convert cast catch handle ' +
  'loop iterate override mock patch update bump apply send open close exit break expose export include require remove ' +
  'reorder sort filter map unwrap mark note document delegate fold flip swap toggle hardcode default assert expect cache ' +
  'guard validate sanitize escape free release lock unlock wait await clean clear reset restore build install configure ' +
  'enable disable limit cap extract factor refactor simplify reduce avoid consider think ask discuss explain describe ' +
  'mention comment squash amend push commit tag bisect profile measure benchmark verify confirm double-check review ' +
  'read look search find trim strip format lint type annotate name group batch queue retry fall fail return respect ' +
  'support cover run split share own start stop finish do go see'
).split(' ');

/** Past participles that do not end in a regular "-ed". */
const IRREGULAR_PARTICIPLES: Readonly<Record<string, string>> = {
  written: 'write', rewritten: 'rewrite', made: 'make', put: 'put', set: 'set', run: 'run', read: 'read', kept: 'keep',
  left: 'leave', thrown: 'throw', split: 'split', caught: 'catch', got: 'get', gotten: 'get', built: 'build', done: 'do',
  gone: 'go', seen: 'see', thought: 'think', found: 'find', taken: 'take', given: 'give', broken: 'break', known: 'know',
  shown: 'show', chosen: 'choose', understood: 'understand', sent: 'send', spent: 'spend', stuck: 'stick', cast: 'cast',
  let: 'let', begun: 'begin', drawn: 'draw', driven: 'drive', forgotten: 'forget', hidden: 'hide', held: 'hold',
  meant: 'mean', told: 'tell', said: 'say', brought: 'bring', bought: 'buy', fed: 'feed', led: 'lead', lost: 'lose',
  paid: 'pay', sold: 'sell', struck: 'strike', undone: 'undo', redone: 'redo', overridden: 'override', rerun: 'rerun',
};

/** Verbs whose last consonant doubles before -ing and -ed ("drop" → "dropping"). */
const DOUBLING = new Set(['put', 'set', 'run', 'get', 'stop', 'drop', 'split', 'swap', 'wrap', 'unwrap', 'skip', 'strip', 'flip', 'plan', 'commit', 'tag', 'log', 'map', 'cap', 'let', 'begin', 'rerun']);

function ing(base: string): string {
  if (base === 'be') return 'being';
  if (/ie$/.test(base)) return base.slice(0, -2) + 'ying';
  if (/[^aeioy]e$/.test(base) || /[^e]ue$/.test(base)) return base.slice(0, -1) + 'ing';
  if (DOUBLING.has(base)) return base + base.slice(-1) + 'ing';
  return base + 'ing';
}

function ed(base: string): string {
  if (/e$/.test(base)) return base + 'd';
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ied';
  if (DOUBLING.has(base)) return base + base.slice(-1) + 'ed';
  return base + 'ed';
}

const BASE_SET = new Set(BASES);
const FROM_PARTICIPLE = new Map<string, string>(Object.entries(IRREGULAR_PARTICIPLES));
for (const b of BASES) if (!FROM_PARTICIPLE.has(ed(b))) FROM_PARTICIPLE.set(ed(b), b);

/** The base form of a past participle ("added" → "add", "written" → "write"), if it is a known verb. */
export function baseOfParticiple(word: string): string | undefined {
  const w = word.toLowerCase();
  const known = FROM_PARTICIPLE.get(w);
  if (known !== undefined) return known;
  // Unknown regular verbs: "-ied" → "-y"; "-ed" after a doubled consonant; else drop "d" or "ed".
  if (!/ed$/.test(w) || w.length < 5) return undefined;
  if (/ied$/.test(w)) return w.slice(0, -3) + 'y';
  if (/([bdgmnprt])\1ed$/.test(w)) return w.slice(0, -3);
  if (/(?:[^aeiou][aeiou][cgsvz]|[^aeiou][aeiou]t|at|it|ut|ur|ar)ed$/.test(w) && !/(?:ed|ted|ded)ed$/.test(w)) return w.slice(0, -1);
  return w.slice(0, -2);
}

/** True for a base form review comments propose with. */
export function isProposalVerb(word: string): boolean {
  return BASE_SET.has(word.toLowerCase());
}

/** The -ing form of a base verb ("use" → "using", "drop" → "dropping"). */
export function gerund(base: string): string {
  return ing(base.toLowerCase());
}

/** Source of a regex alternation of the proposal verbs, longest first. */
export const PROPOSAL_VERBS_SRC = [...BASE_SET].sort((a, b) => b.length - a.length).join('|').replace(/-/g, '\\-');
