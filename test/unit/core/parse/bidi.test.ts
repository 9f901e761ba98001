import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse/index';
import { base, text, NOW } from './base';

describe('parse: bidi control characters (Trojan Source) are warnings at their position', () => {
  it('one warning per control, at its line and column, naming it; the file stays valid', () => {
    const ls = base();
    ls[18] = '    title: "Write the test \u202e// skip review\u2066"'; // line 19
    const r = parse(text(ls), { now: NOW });
    assert.ok(r.ok);
    const w = r.diagnostics.filter((d) => d.code === 'bidi-control');
    assert.deepEqual(w.map((d) => [d.severity, d.line, d.column]), [['warning', 19, 28], ['warning', 19, 43]]);
    assert.match(w[0]?.message ?? '', /U\+202E RIGHT-TO-LEFT OVERRIDE.*Delete it/);
    assert.match(w[1]?.message ?? '', /U\+2066 LEFT-TO-RIGHT ISOLATE/);
  });

  it('in a comment too, and thousands of them give a bounded number of warnings', () => {
    const ls = base();
    ls.push(`# ${'\u202e'.repeat(5000)}`);
    const w = parse(text(ls), { now: NOW }).diagnostics.filter((d) => d.code === 'bidi-control');
    assert.equal(w.length, 20);
    assert.match(w[19]?.message ?? '', /4980 more after this one are not listed/);
  });

  it('right-to-left letters themselves are not flagged', () => {
    const ls = base();
    ls[18] = '    title: "اكتب الاختبار שלום"';
    assert.ok(!parse(text(ls), { now: NOW }).diagnostics.some((d) => d.code === 'bidi-control'));
  });
});
