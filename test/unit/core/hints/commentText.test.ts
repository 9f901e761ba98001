import { strict as assert } from 'node:assert';
import {
  hasLabel,
  hintsIn,
  ignoreDirectiveEdit,
  ignoredRules,
  labelOffset,
  labelsFor,
  mergeHintOptions,
  rewriteTitle,
  segmentAt,
  segmentsOf,
} from '../../../../src/core/hints/commentText';
import { findHints } from '../../../../src/core/hints/index';

const texts = (text: string, kind: 'comment' | 'markdown'): string[] => segmentsOf(text, kind).map((s) => text.slice(s.start, s.end));

describe('comment hint text: segments', () => {
  it('takes a comment box whole, and nothing when it is blank', () => {
    assert.deepEqual(segmentsOf('This is wrong.\n\nReally.', 'comment'), [{ start: 0, end: 23 }]);
    assert.deepEqual(segmentsOf(' \n ', 'comment'), []);
  });

  it('splits Markdown into paragraphs and leaves code, front matter and HTML comments out', () => {
    const md = [
      '---',
      'title: This is wrong',
      '---',
      '# Review',
      '',
      'This is a mess.',
      'Second line of it.',
      '',
      '```ts',
      'const bad = wrong();',
      '',
      'still code',
      '```',
      '<!-- this is stupid',
      'still a comment -->',
      '    indented code is wrong',
      '',
      '- Just fix this.',
    ].join('\n');
    assert.deepEqual(texts(md, 'markdown'), ['# Review', 'This is a mess.\nSecond line of it.', '- Just fix this.']);
  });

  it('keeps CRLF offsets exact', () => {
    const md = 'a\r\n\r\nThis is wrong.\r\n';
    const [first, second] = segmentsOf(md, 'markdown');
    assert.equal(md.slice(first?.start, first?.end), 'a');
    assert.equal(md.slice(second?.start, second?.end), 'This is wrong.');
  });

  it('treats an indented line inside a paragraph as part of it, and a tilde fence as code', () => {
    assert.deepEqual(texts('First\n    continued\n\n~~~\nwrong\n~~~\nafter', 'markdown'), ['First\n    continued', 'after']);
  });

  it('finds the segment at an offset', () => {
    const segs = segmentsOf('a\n\nbc', 'markdown');
    assert.deepEqual(segmentAt(segs, 4), { start: 3, end: 5 });
    assert.equal(segmentAt(segs, 2), undefined);
  });
});

describe('comment hint text: ignore directives', () => {
  it('reads the rules a file ignores', () => {
    assert.deepEqual([...ignoredRules('x\n<!-- mentoring-hints-ignore judgment-word, bare-command -->\n<!--mentoring-hints-ignore sucks-->')], [
      'judgment-word',
      'bare-command',
      'sucks',
    ]);
    assert.equal(ignoredRules('<!-- other -->').size, 0);
  });

  it('adds a rule to the existing directive, or a new directive after the front matter', () => {
    const withDirective = 'Intro\n<!-- mentoring-hints-ignore a -->\n';
    const e = ignoreDirectiveEdit(withDirective, 'b');
    const applied = withDirective.slice(0, e.offset) + e.insert + withDirective.slice(e.offset + e.deleteLength);
    assert.equal(applied, 'Intro\n<!-- mentoring-hints-ignore a b -->\n');
    const same = ignoreDirectiveEdit(applied, 'a');
    assert.equal(same.insert, '<!-- mentoring-hints-ignore a b -->');
    const fm = '---\r\ntitle: x\r\n---\r\nBody';
    const e2 = ignoreDirectiveEdit(fm, 'c');
    assert.equal(fm.slice(0, e2.offset) + e2.insert + fm.slice(e2.offset), '---\r\ntitle: x\r\n---\r\n<!-- mentoring-hints-ignore c -->\r\nBody');
    assert.deepEqual(ignoreDirectiveEdit('Body', 'c'), { offset: 0, deleteLength: 0, insert: '<!-- mentoring-hints-ignore c -->\n' });
  });
});

describe('comment hint text: labels and titles', () => {
  it('recognises Conventional Comments labels, with or without decorations', () => {
    assert.ok(hasLabel('question: why?'));
    assert.ok(hasLabel('  suggestion (non-blocking): x'));
    assert.ok(hasLabel('Nitpick: x'));
    assert.ok(!hasLabel('This is wrong: really'));
    assert.ok(!hasLabel('why: no'));
  });

  it('offers a question for judgments and a suggestion for commands', () => {
    assert.equal(labelsFor('judgment')[0], 'question:');
    assert.equal(labelsFor('disguised-question')[0], 'question:');
    assert.equal(labelsFor('command')[0], 'suggestion:');
  });

  it('puts a label after list and quote markers', () => {
    assert.equal(labelOffset('- Fix this'), 2);
    assert.equal(labelOffset('> 1. Fix this'), 5);
    assert.equal(labelOffset('Fix this'), 0);
  });

  it('titles rewrites and removals', () => {
    assert.equal(rewriteTitle('This is wrong.', 'What do you expect this to do here?'), 'Rewrite as: "What do you expect this to do here?"');
    assert.equal(rewriteTitle('Just ', ''), 'Remove "Just"');
    assert.ok(rewriteTitle('x', 'y'.repeat(200)).length < 90);
  });
});

describe('comment hint text: options and hints', () => {
  it('merges settings with the team block; both switch off, both add words, no duplicates', () => {
    const merged = mergeHintOptions(
      { disabledCategories: ['minimizer'], disabledRules: ['sucks'], extraJudgmentWords: ['hacky', 'janky'] },
      { extraJudgmentWords: ['hacky'], disabledRules: ['sucks', 'hate'], disabledCategories: [] },
      ['bare-command'],
    );
    assert.deepEqual(merged, {
      extraJudgmentWords: ['hacky', 'janky'],
      disabledRules: ['sucks', 'hate', 'bare-command'],
      disabledCategories: ['minimizer'],
    });
  });

  it('runs the engine per paragraph and shifts offsets into the whole file', () => {
    const md = '# Notes\n\nLooks good to me.\n\n```\nwrong\n```\n\nThis is hacky.\n';
    const hints = hintsIn(md, segmentsOf(md, 'markdown'), findHints, mergeHintOptions({ disabledCategories: [], disabledRules: [], extraJudgmentWords: ['hacky'] }, undefined));
    assert.equal(hints.length, 1);
    const h = hints[0];
    assert.ok(h);
    assert.equal(md.slice(h.start, h.end).includes('hacky'), true);
    assert.ok(h.start > md.indexOf('```\n', 30));
  });

  it('passes disabled categories through to the engine', () => {
    const text = 'Just rename it.';
    const on = hintsIn(text, segmentsOf(text, 'comment'), findHints, {});
    const off = hintsIn(text, segmentsOf(text, 'comment'), findHints, { disabledCategories: ['minimizer'] });
    assert.ok(on.some((h) => h.category === 'minimizer'));
    assert.ok(!off.some((h) => h.category === 'minimizer'));
  });
});
