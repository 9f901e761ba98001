/**
 * Review-comment hints: finds judgments, blame, minimizers, bare commands, disguised questions,
 * sarcasm and profanity in a comment, and offers rewrites (a question for judgments).
 *
 * One pass: all rules are alternatives of one regular expression, compiled once at module load
 * (and once per distinct options set, cached), run over the comment with code spans, quotes and
 * URLs blanked out. Offsets are UTF-16 code units of the original text, as VS Code uses.
 */
import { RULES, TEAM_RULE_INFO, teamWordRule, type MatchContext, type RuleDef } from './rules';
import { maskSkipped } from './tokenize';
import type { Hint, HintOptions, HintRuleInfo } from './types';

export type { Hint, HintCategory, HintOptions, HintRuleInfo } from './types';
export { HINT_CATEGORIES } from './types';

/** Every rule the engine knows, for settings UIs and `disabledRules` validation. */
export const HINT_RULES: readonly HintRuleInfo[] = [
  ...RULES.map(({ id, category, description }) => ({ id, category, description })),
  TEAM_RULE_INFO,
];

interface Engine {
  re: RegExp;
  rules: readonly RuleDef[];
}

function countGroups(source: string): number {
  return (new RegExp(`(?:${source})|`, 'u').exec('')?.length ?? 1) - 1;
}

function compile(rules: readonly RuleDef[]): Engine {
  for (const r of rules) {
    if (countGroups(r.pattern) !== 0) throw new Error(`hint rule ${r.id}: pattern must not contain capturing groups`);
  }
  // An empty alternation would match everywhere; `(?!)` never matches.
  const source = rules.length === 0 ? '(?!)' : rules.map((r) => `(${r.pattern})`).join('|');
  return { re: new RegExp(source, 'gimu'), rules };
}

const DEFAULT_ENGINE = compile(RULES);
const engines = new Map<string, Engine>();
const MAX_ENGINES = 32;

function sortedUnique(xs: readonly string[] | undefined): string[] {
  return xs === undefined ? [] : [...new Set(xs.map((x) => x.trim()).filter((x) => x.length > 0))].sort();
}

/** The engine for an options set, compiled once per distinct set (teams rarely have more than one). */
function engineFor(options: HintOptions | undefined): Engine {
  if (options === undefined) return DEFAULT_ENGINE;
  const words = sortedUnique(options.extraJudgmentWords).map((x) => x.toLowerCase());
  const rules = sortedUnique(options.disabledRules);
  const cats = sortedUnique(options.disabledCategories);
  if (words.length === 0 && rules.length === 0 && cats.length === 0) return DEFAULT_ENGINE;
  const key = JSON.stringify([words, rules, cats]);
  const hit = engines.get(key);
  if (hit) return hit;
  const team = teamWordRule(words);
  const all = team ? [...RULES, team] : RULES;
  const engine = compile(all.filter((r) => !rules.includes(r.id) && !cats.includes(r.category)));
  if (engines.size >= MAX_ENGINES) {
    const oldest = engines.keys().next();
    if (!oldest.done) engines.delete(oldest.value);
  }
  engines.set(key, engine);
  return engine;
}

/** A rewrite that replaces a capitalised range starts with a capital too. */
function matchCase(text: string, start: number, rewrites: string[]): string[] {
  const c = text[start] ?? '';
  if (c === c.toLowerCase()) return rewrites;
  return rewrites.map((r) => (r.length > 0 ? r[0]!.toUpperCase() + r.slice(1) : r));
}

/**
 * Hints for one comment, in text order. `options` carries the team's tuning (extra judgment
 * words, disabled rules or categories).
 */
export function findHints(text: string, options?: HintOptions): Hint[] {
  const engine = engineFor(options);
  const masked = maskSkipped(text);
  const re = engine.re;
  const hints: Hint[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let g = 1;
    while (m[g] === undefined) g++;
    const rule = engine.rules[g - 1];
    if (rule === undefined) continue;
    const ctx: MatchContext = { text, masked, start: m.index, end: m.index + m[0].length, word: m[0].toLowerCase().replace(/\s+/g, ' ') };
    if (rule.accept && !rule.accept(ctx)) {
      // Let a later rule (or a shorter match) try from the next character.
      re.lastIndex = m.index + 1;
      continue;
    }
    const range = rule.range ? rule.range(ctx) : { start: ctx.start, end: ctx.end };
    // One judgment per sentence: "this ugly mess" is one point, not two.
    const prev = hints[hints.length - 1];
    if (prev && prev.category === rule.category && prev.start === range.start && prev.end === range.end) continue;
    hints.push({
      rule: rule.id,
      category: rule.category,
      start: range.start,
      end: range.end,
      message: rule.message(ctx),
      rewrites: matchCase(text, range.start, rule.rewrites(ctx, range)),
    });
  }
  if (hints.length > 1) hints.sort((a, b) => a.start - b.start || a.end - b.end);
  return hints;
}
