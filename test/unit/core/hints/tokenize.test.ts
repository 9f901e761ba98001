import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findHints } from '../../../../src/core/hints/index';
import { LABEL_RE, MAX_SENTENCE, maskSkipped, maybeLogOrCode, sentenceAt } from '../../../../src/core/hints/tokenize';

describe('hints tokenize: masking', () => {
  it('blanks code, quotes, quote lines and URLs and keeps every offset and line break', () => {
    const text = 'a `b` c\n> quoted\n"x" http://e.com/y d';
    const masked = maskSkipped(text);
    assert.equal(masked.length, text.length);
    // '"x"', the space after it (kept) and the URL: 3 + 1 + 14 columns before the final ' d'.
    assert.equal(masked, `a     c\n        \n${' '.repeat(3)} ${' '.repeat(14)} d`);
  });

  it('returns plain prose unchanged (same string)', () => {
    const text = "Don't worry, it's fine.";
    assert.equal(maskSkipped(text), text);
  });

  it('masks a fenced block up to its closing fence, and an unclosed one to the end', () => {
    assert.equal(maskSkipped('x\n```ts\nbad\n```\ny'), 'x\n     \n   \n   \ny');
    assert.equal(maskSkipped('x\n```\nbad'), 'x\n   \n   ');
  });

  it('always keeps the length and the line breaks (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', '"', "'", '>', '\n', ' ', 'a', '~', 'h', 't', 'p', ':', '/', 'w', '.', '\u201c', '\u201d') , maxLength: 120 }), (text) => {
        const masked = maskSkipped(text);
        assert.equal(masked.length, text.length);
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\n') assert.equal(masked[i], '\n');
          else assert.ok(masked[i] === text[i] || masked[i] === ' ');
        }
      }),
    );
  });
});

describe('hints tokenize: sentences and labels', () => {
  it('finds the sentence around an offset, without bullets or a Conventional Comments label', () => {
    const text = 'First one. - nit: second one is here!? Third';
    const s = sentenceAt(text, text.indexOf('second'));
    assert.equal(text.slice(s.start, s.end), 'second one is here!?');
    const t = sentenceAt(text, text.indexOf('Third'));
    assert.equal(text.slice(t.start, t.end), 'Third');
  });

  it('does not end a sentence at a dot inside a name (os.path, 1.5)', () => {
    const text = 'Use os.path here, version 1.5 is wrong.';
    const s = sentenceAt(text, text.indexOf('wrong'));
    assert.deepEqual(s, { start: 0, end: text.length });
  });

  it('treats a line break as a sentence end', () => {
    const text = 'looks ok\nthis is wrong';
    const s = sentenceAt(text, text.indexOf('wrong'));
    assert.equal(text.slice(s.start, s.end), 'this is wrong');
  });

  it('cuts text without sentence ends into bounded windows', () => {
    const text = 'word '.repeat(1000);
    const s = sentenceAt(text, 2500);
    assert.ok(s.end - s.start <= 2 * MAX_SENTENCE);
  });

  it('recognises the Conventional Comments labels with decorations', () => {
    for (const l of ['praise: ', 'nitpick: ', 'suggestion (non-blocking): ', 'issue (ux,blocking): ', 'question:', 'nit: ', 'Thought: ']) assert.ok(LABEL_RE.test(l), l);
    assert.ok(!LABEL_RE.test('this: is not a label'));
  });
});

describe('hints: large inputs', () => {
  it('stays fast on long text without sentence ends or with many matches', () => {
    const inputs = ['this is wrong and '.repeat(1500), 'you just use '.repeat(2000), '`'.repeat(20000), "'a ".repeat(10000), 'damn '.repeat(5000)];
    const t0 = Date.now();
    for (const text of inputs) findHints(text);
    // Generous bound: quadratic behaviour would take minutes here; linear takes well under a second.
    assert.ok(Date.now() - t0 < 10000, `took ${Date.now() - t0} ms`);
  });
});

describe('maybeLogOrCode', () => {
  it('answers as the one multiline regex did, at every kind of line start', () => {
    const multiline = /[;{}()=<>[\]:$@#*\\]|^[ \t]*#|^[ \t]*(?:at|File|Traceback|Caused|\.\.\.|[EWIDVF]\/)/m;
    const parts = ['This is fine', 'at foo', '  File "x"', 'Traceback', 'Caused', '...', 'E/Tag', 'W/x', 'word at x', 'a;b', '#', 'plain text', 'Eat', ''];
    const breaks = ['\n', '\r', '\r\n', '\u2028', '\u2029', ' '];
    let n = 0;
    for (const a of parts) for (const br of breaks) for (const b of parts) {
      const text = a + br + b;
      assert.equal(maybeLogOrCode(text), multiline.test(text), JSON.stringify(text));
      n++;
    }
    assert.ok(n > 1000);
    assert.equal(maybeLogOrCode('all prose here\nand here'), false);
    assert.equal(maybeLogOrCode('prose\r    at Object.<anonymous>'), true);
  });
});
