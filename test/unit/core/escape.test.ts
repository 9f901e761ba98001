import { strict as assert } from 'node:assert';
import { escapeBlock, escapeLine } from '../../../src/core/escape';

describe('core/escape', () => {
  it('escapeLine shows ESC, CR, LF, tab, DEL, C1 and bidi controls as \\u…', () => {
    assert.equal(escapeLine('a\x1b[31mb'), 'a\\u001b[31mb');
    assert.equal(escapeLine('x\r\ny\tz\x7f\x9b'), 'x\\u000d\\u000ay\\u0009z\\u007f\\u009b');
    assert.equal(escapeLine('if (a\u202e) {\u2066}'), 'if (a\\u202e) {\\u2066}');
    assert.equal(escapeLine('a\u2028b'), 'a\\u2028b');
  });

  it('escapeLine leaves printable text alone, accents and emoji included', () => {
    const s = 'Élodie — 🔒 `key` "x" \\n literal';
    assert.equal(escapeLine(s), s);
  });

  it('escapeBlock keeps line feeds and tabs but not CR, ESC or bidi', () => {
    assert.equal(escapeBlock('one\n\ttwo\r\x1b]0;t\x07\u202e'), 'one\n\ttwo\\u000d\\u001b]0;t\\u0007\\u202e');
  });
});
