/**
 * What the editor adapter for review-comment hints (`src/commentHints.ts`) needs besides the
 * engine: which parts of a text are prose to check (a comment box is one comment; a Markdown
 * file is many paragraphs, with code blocks, front matter and HTML comments to leave alone),
 * the "ignore this rule here" directives a Markdown file can carry, the Conventional Comments
 * label a hint suggests, and the settings merged with the team's `hints:` block.
 *
 * Pure: no `vscode`, no Node built-ins. Offsets are UTF-16, as in the editor.
 */
import type { Hint, HintCategory, HintOptions } from './index';
import type { HintsConfig } from '../schema';

/** A span of the text to check on its own, as one comment. */
export interface Segment {
  start: number;
  end: number;
}

/**
 * The parts of `text` to check. A comment box (`comment`) is one segment, the whole text.
 * Markdown is split into paragraphs (runs of non-blank lines); fenced code blocks, indented
 * code blocks, YAML front matter and HTML comments are left out.
 */
export function segmentsOf(text: string, kind: 'comment' | 'markdown'): Segment[] {
  if (kind === 'comment') return text.trim().length > 0 ? [{ start: 0, end: text.length }] : [];
  const out: Segment[] = [];
  const lineRe = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let fence: string | undefined;
  let inFrontMatter = false;
  let inHtmlComment = false;
  let paragraph: Segment | undefined;
  let lineNo = 0;
  const close = (): void => {
    if (paragraph) out.push(paragraph);
    paragraph = undefined;
  };
  for (let m = lineRe.exec(text); m && m[0].length > 0; m = lineRe.exec(text)) {
    const start = m.index;
    const content = m[0].slice(0, m[0].length - (m[1]?.length ?? 0));
    const end = start + content.length;
    const trimmed = content.trim();
    lineNo++;
    if (lineNo === 1 && trimmed === '---') {
      inFrontMatter = true;
      continue;
    }
    if (inFrontMatter) {
      if (trimmed === '---' || trimmed === '...') inFrontMatter = false;
      continue;
    }
    if (fence !== undefined) {
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === '') fence = undefined;
      continue;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (opening?.[1]) {
      close();
      fence = opening[1];
      continue;
    }
    if (inHtmlComment) {
      if (content.includes('-->')) inHtmlComment = false;
      continue;
    }
    if (/^\s*<!--/.test(content)) {
      close();
      if (!content.includes('-->')) inHtmlComment = true;
      continue;
    }
    if (trimmed.length === 0) {
      close();
      continue;
    }
    // An indented code block starts only after a blank line (a paragraph's continuation may be indented).
    if (!paragraph && /^( {4}|\t)/.test(content)) continue;
    if (paragraph) paragraph.end = end;
    else paragraph = { start: start + (content.length - content.trimStart().length), end };
  }
  close();
  return out;
}

/** `<!-- mentoring-hints-ignore rule-a rule-b -->` anywhere in a Markdown file turns those rules off in it. */
export const IGNORE_DIRECTIVE = 'mentoring-hints-ignore';

/** The rules a Markdown file turns off for itself with {@link IGNORE_DIRECTIVE} comments. */
export function ignoredRules(text: string): Set<string> {
  const out = new Set<string>();
  const re = /<!--\s*mentoring-hints-ignore\s+([^>]*?)\s*-->/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const rule of (m[1] ?? '').split(/[\s,]+/)) if (rule) out.add(rule);
  }
  return out;
}

/**
 * The text that adds `rule` to the file's ignore directive: where to insert, what to insert.
 * An existing directive gets the rule appended; otherwise a new one goes on the first line.
 */
export function ignoreDirectiveEdit(text: string, rule: string): { offset: number; deleteLength: number; insert: string } {
  const re = /<!--\s*mentoring-hints-ignore\s+([^>]*?)\s*-->/;
  const m = re.exec(text);
  if (m) {
    const rules = (m[1] ?? '').split(/[\s,]+/).filter((r) => r);
    if (!rules.includes(rule)) rules.push(rule);
    return { offset: m.index, deleteLength: m[0].length, insert: `<!-- ${IGNORE_DIRECTIVE} ${rules.join(' ')} -->` };
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  // Keep front matter first: the directive goes right after it.
  const front = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r\n|\n|$)/.exec(text);
  const offset = front ? front[0].length : 0;
  return { offset, deleteLength: 0, insert: `<!-- ${IGNORE_DIRECTIVE} ${rule} -->${eol}` };
}

/** A Conventional Comments label at the start of a comment: `question:`, `suggestion (non-blocking):`, `nitpick:`. */
const LABEL_RE = /^\s*(praise|nitpick|suggestion|issue|todo|question|thought|chore|note|typo|polish|quibble)\s*(\([^)]*\))?\s*:/i;

/** Whether `text` (a comment or paragraph) already starts with a Conventional Comments label. */
export function hasLabel(text: string): boolean {
  return LABEL_RE.test(text);
}

/** The labels to offer for a hint, best first: a question for judgments, a suggestion for commands. */
export function labelsFor(category: HintCategory): string[] {
  switch (category) {
    case 'command':
    case 'minimizer':
      return ['suggestion:', 'suggestion (non-blocking):', 'question:'];
    case 'judgment':
    case 'disguised-question':
    case 'blame':
    case 'sarcasm':
    case 'profanity':
      return ['question:', 'suggestion:', 'thought:'];
  }
}

/** Where a label goes in a segment: after leading blanks, a list marker or a block quote marker. */
export function labelOffset(segmentText: string): number {
  const m = /^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?/.exec(segmentText);
  return m ? m[0].length : 0;
}

/** The title of the quick fix that applies `rewrite` to the text `original`. */
export function rewriteTitle(original: string, rewrite: string): string {
  if (rewrite === '') return `Remove "${clip(original.trim())}"`;
  return `Rewrite as: "${clip(rewrite)}"`;
}

/** The settings a user can set (`mentoring.hints.*`). */
export interface HintSettings {
  disabledCategories: readonly string[];
  disabledRules: readonly string[];
  extraJudgmentWords: readonly string[];
}

/** Settings and the team's `hints:` block together: both switch things off, both add words. */
export function mergeHintOptions(settings: HintSettings, team: HintsConfig | undefined, extraDisabledRules: Iterable<string> = []): HintOptions {
  return {
    extraJudgmentWords: unique([...(team?.extraJudgmentWords ?? []), ...settings.extraJudgmentWords]),
    disabledRules: unique([...(team?.disabledRules ?? []), ...settings.disabledRules, ...extraDisabledRules]),
    disabledCategories: unique([...(team?.disabledCategories ?? []), ...settings.disabledCategories]),
  };
}

/** Hints for every segment, with offsets into the whole text; hints on the same range once. */
export function hintsIn(
  text: string,
  segments: readonly Segment[],
  find: (text: string, options: HintOptions) => Hint[],
  options: HintOptions,
): Hint[] {
  const out: Hint[] = [];
  for (const s of segments) {
    for (const h of find(text.slice(s.start, s.end), options)) out.push({ ...h, start: h.start + s.start, end: h.end + s.start });
  }
  return out;
}

/** The segment containing `offset`, if any. */
export function segmentAt(segments: readonly Segment[], offset: number): Segment | undefined {
  return segments.find((s) => s.start <= offset && offset <= s.end);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}

function clip(s: string, max = 70): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}
