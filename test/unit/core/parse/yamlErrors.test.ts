/** YAML syntax errors, duplicate keys and alias bombs as diagnostics that say what to do (src/core/parse/yamlErrors.ts). */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../src/core/diagnostics';
import { lines, base, text, run, only, at } from './base';

describe('parse: YAML errors (yamlErrors.ts)', () => {
  it('reports a YAML syntax error where it is, and no schema noise after it', () => {
    const ls = base();
    ls[7] = '      title: a: b';
    const r = run(text(ls));
    const d = only(r, 'yaml-syntax');
    at(d, 8, 14);
    assert.match(d.message, /quote/);
    assert.equal(r.ok, false);
    assert.equal(r.model, undefined);
    assert.ok(r.doc, 'the document is still returned for positions');
    assert.equal(r.diagnostics.length, 1);
  });

  it('points an unclosed quote at its opening quote', () => {
    const ls = base();
    ls[2] = '  mentor: { name: "Ana Silva }';
    const d = only(run(text(ls)), 'yaml-syntax');
    at(d, 3, 19);
    assert.match(d.message, /never closed/);
  });

  it('reports duplicate keys at the second key, naming the first line', () => {
    const ls = base();
    ls.splice(5, 0, '  started: 2026-09-02');
    const d = only(run(text(ls)), 'duplicate-key');
    at(d, 6, 3, 6, 10);
    assert.match(d.message, /`started` appears twice.*first on line 5/);
    assert.deepEqual(d.data, { key: 'started', firstLine: 5 });
  });

  it('fails fast on an alias bomb (billion laughs), pointing at the first alias', () => {
    const bomb = lines(
      'version: 1',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
    );
    // A billion nodes are never expanded: the parse stops at the alias limit (mocha's timeout
    // catches a hang; the time is the bench's to measure).
    const r = run(bomb);
    const d = only(r, 'alias-bomb');
    at(d, 3, 8, 3, 10);
    assert.equal(r.ok, false);
    assert.equal(r.model, undefined);
  });

  it('rejects tabs used for indentation, but not tabs inside values', () => {
    const ls = base();
    ls[4] = '\tstarted: 2026-09-01';
    const d = run(text(ls)).diagnostics[0] as Diagnostic;
    assert.equal(d.code, 'yaml-syntax');
    at(d, 5, 1);
    assert.match(d.message, /tab/i);
    const ok = base();
    ok[14] = '    topic: "Reading\tcode"';
    assert.equal(run(text(ok), { checks: false }).ok, true);
  });

  it('reports a second document', () => {
    const d = only(run(`${text(base())}---\nversion: 1\n`), 'yaml-syntax');
    at(d, 22, 1);
    assert.match(d.message, /more than one YAML document/);
  });
});
