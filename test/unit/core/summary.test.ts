import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { parse } from '../../../src/core/parse/index';
import type { MentoringFile } from '../../../src/core/schema';
import { block, inline, sessionSummary } from '../../../src/core/summary';
import { fixture } from '../../fixtures';

/** The agreement between Ana and Ben with one session and one task (test/fixtures/base.mentoring.yaml). */
const FIXTURE = fixture('base.mentoring.yaml');

function fixtureModel(): MentoringFile {
  const p = parse(FIXTURE, { now: new Date('2026-11-25T09:00:00Z') });
  assert.ok(p.model && p.ok);
  return p.model;
}

/** Every field a user types, set to `s`. */
function modelWith(s: string): MentoringFile {
  return {
    version: 1,
    agreement: {
      mentor: { name: s },
      mentee: { name: s },
      started: '2026-09-01',
      goals: [{ id: 'g', title: s, by: '2027-01-01', status: 'active' }],
      expectations: {},
    },
    sessions: [
      {
        id: 's1',
        at: '2026-11-19T15:00',
        topic: s,
        status: 'cancelled',
        agenda: [s, s],
        notes: `${s}\n\n${s}\n${s}`,
        feedback: [{ from: 'mentee', rating: 3, valuable: s, change: s }],
        cancelled: { at: '2026-11-18T10:00', by: 'mentor', reason: s },
      },
    ],
    tasks: [
      { id: 't-1', title: s, owner: 'mentee', status: 'open', session: 's1', goal: 'g', links: [] },
      { id: 't-2', title: s, owner: 'mentor', status: 'dropped', session: 's1', links: [] },
      { id: 't-3', title: s, owner: 'mentor', status: 'open', links: [] },
    ],
    threads: [],
  };
}

interface MdNode {
  type: string;
  depth?: number | undefined;
  ordered?: boolean | null | undefined;
  checked?: boolean | null | undefined;
  children?: MdNode[] | undefined;
}

/**
 * The structure of a Markdown document: node types (and heading depths, list kinds) without
 * text. Line breaks and consecutive paragraphs are folded together: multi-line notes
 * legitimately have more of them.
 */
function shape(md: string): string[] {
  const out: string[] = [];
  const walk = (n: MdNode, depth: number): void => {
    if (n.type === 'text' || n.type === 'break') return;
    const line = `${'  '.repeat(depth)}${n.type}`;
    if (n.type === 'paragraph' && out[out.length - 1] === line) return;
    out.push(`${'  '.repeat(depth)}${n.type}${n.depth !== undefined ? n.depth : ''}${n.ordered ? ' ordered' : ''}`);
    for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(fromMarkdown(md), 0);
  return out;
}

describe('sessionSummary', () => {
  it('renders a held session: topic, date, status, agenda, notes, feedback, its tasks', () => {
    assert.equal(
      sessionSummary(fixtureModel(), '2026-11-19'),
      `# Session 2026-11-19: Reading unfamiliar code

- **When:** 2026-11-19T15:00:00+01:00
- **Status:** held
- **Topic announced:** 2026-11-16T09:00:00+01:00
- **Mentor:** Ana Silva · **Mentee:** Ben Okafor

## Agenda

1. Walk through the billing retry loop
2. Open questions: from last week

## Notes

Ben found the retry bug himself.

## Feedback

- **Mentee** (4/5)

## Tasks from this session

- [ ] Add a failing test before fixing BILL-231 (t-7f3a, mentee, due 2026-11-26, goal: Write a failing test before every bug fix)

## Open tasks carried forward

_None._
`,
    );
  });

  it('renders a planned session with the open tasks carried into it', () => {
    assert.equal(
      sessionSummary(fixtureModel(), '2026-11-26'),
      `# Session 2026-11-26

- **When:** 2026-11-26T15:00:00+01:00
- **Status:** planned
- **Mentor:** Ana Silva · **Mentee:** Ben Okafor

## Agenda

_No agenda items._

## Feedback

_No feedback recorded._

## Tasks from this session

_None._

## Open tasks carried forward

- [ ] Add a failing test before fixing BILL-231 (t-7f3a, mentee, due 2026-11-26, goal: Write a failing test before every bug fix, from 2026-11-19)
`,
    );
  });

  it('names the known sessions when the id is unknown', () => {
    assert.throws(() => sessionSummary(fixtureModel(), 'nope'), /no session "nope"\. Sessions: 2026-11-19, 2026-11-26/);
  });

  it('shows cancellations, dropped tasks and full feedback', () => {
    const md = sessionSummary(modelWith('Plain text'), 's1');
    assert.match(md, /^- \*\*Status:\*\* cancelled, cancelled by the mentor at 2026-11-18T10:00: Plain text$/m);
    assert.match(md, /^- \*\*Mentee\*\* \(3\/5\) — valuable: Plain text; change: Plain text$/m);
    assert.match(md, /^- \[ \] ~~Plain text~~ \(dropped\) \(t-2, mentor\)$/m);
    assert.match(md, /^- \[ \] Plain text \(t-3, mentor\)$/m);
  });

  describe('user text cannot change the Markdown structure', () => {
    const baseline = shape(sessionSummary(modelWith('Plain text'), 's1'));
    const nasty = [
      '# Heading',
      '## sub',
      '- list item',
      '+ plus',
      '1. ordered',
      '2) ordered',
      '> quote',
      '---',
      '===',
      '***',
      '    four-space code',
      '```js\ncode\n```',
      '`inline code`',
      '*emph* _emph_ **strong** __strong__',
      '[link](https://example.com) ![img](x.png)',
      '<script>alert(1)</script> <b>bold</b>',
      '<https://example.com>',
      '| a | b |\n|---|---|',
      '&amp; &lt; &#35;',
      'back\\slash \\# \\',
      'line one\nline two\n\n# heading after blank',
      '[^1]: footnote',
      '~~strike~~',
    ];
    for (const s of nasty) {
      it(JSON.stringify(s), () => {
        const md = sessionSummary(modelWith(s), 's1');
        assert.deepEqual(shape(md), baseline);
        // The text itself is all there (line breaks inside one line become spaces).
        const tree = fromMarkdown(md);
        const heading = tree.children[0];
        assert.ok(heading);
        assert.equal(toString(heading), `Session s1: ${s.replace(/\s*\n+\s*/g, ' ').trim()}`);
      });
    }

    it('holds for arbitrary strings of Markdown punctuation (fast-check)', () => {
      const chars = fc.constantFrom(...'#*_-+=>`~[]()!<>|&\\;:. 1a\n\t'.split(''));
      fc.assert(
        fc.property(fc.string({ unit: chars, minLength: 1, maxLength: 30 }), (s) => {
          fc.pre(s.trim().length > 0);
          assert.deepEqual(shape(sessionSummary(modelWith(s), 's1')), baseline);
          const inl = fromMarkdown(inline(s));
          assert.equal(toString(inl), s.replace(/\s*[\r\n]+\s*/g, ' ').trim());
        }),
        { numRuns: 300 },
      );
    });
  });

  it('shows each bidi control where it is, as [U+XXXX], in inline and block text (Trojan Source)', () => {
    const title = 'Review access\u202e txt.exe\u2066 done\u2069';
    const md = sessionSummary(modelWith(title), 's1');
    assert.doesNotMatch(md, /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    const heading = fromMarkdown(md).children[0];
    assert.ok(heading);
    assert.equal(toString(heading), 'Session s1: Review access[U+202E] txt.exe[U+2066] done[U+2069]');
    assert.equal(toString(fromMarkdown(block('a\u200fb\n\nc'))), 'a[U+200F]bc');
  });

  it('block text keeps its paragraphs and line breaks', () => {
    assert.equal(block('one\n  two\r\n\r\n\nthree '), 'one  \ntwo\n\nthree');
    const tree = fromMarkdown(block('# a\n- b\n\n1. c'));
    assert.deepEqual(
      tree.children.map((c) => c.type),
      ['paragraph', 'paragraph'],
    );
  });
});
