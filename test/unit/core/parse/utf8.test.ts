import { strict as assert } from 'node:assert';
import { decodeUtf8, notUtf8Diagnostic } from '../../../../src/core/parse/utf8';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('core/parse/utf8', () => {
  it('decodes valid UTF-8 exactly, a byte-order mark kept', () => {
    const r = decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'version: 1 # é 🔒\n'));
    assert.deepEqual(r, { ok: true, text: '\ufeffversion: 1 # é 🔒\n' });
  });

  it('a Latin-1 é in a comment: refused at its line and column, with what to do', () => {
    const r = decodeUtf8(bytes('version: 1\n# caf', [0xe9], '\n'));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.line, 2);
    assert.equal(r.column, 6);
    assert.equal(r.byte, 16);
    assert.equal(r.value, 0xe9);
    assert.match(r.message, /0xE9 at line 2, column 6 is not UTF-8.*Re-save it as UTF-8/);
    const d = notUtf8Diagnostic(r);
    assert.equal(d.code, 'not-utf8');
    assert.equal(d.severity, 'error');
    assert.equal(r.lossy.slice(d.offset, d.endOffset), '\ufffd');
  });

  it('columns count UTF-16 units of what precedes; CRLF and CR end lines', () => {
    const r = decodeUtf8(bytes('a\r\nb\rc: "🔒é', [0xff]));
    assert.ok(!r.ok);
    assert.equal(r.line, 3);
    assert.equal(r.column, 1 + 'c: "🔒é'.length);
  });

  it('overlong forms, surrogates and cut sequences are not UTF-8', () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const r = decodeUtf8(bytes('x: ', bad));
      assert.ok(!r.ok, String(bad));
      assert.equal(r.byte, 3, String(bad));
      assert.equal(r.column, 4, String(bad));
    }
  });
});
