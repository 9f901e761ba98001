/** Agree, and agree again (src/core/rituals/accept.ts, acceptance.ts, digest.ts): digests, status, the edit, the check. */
import { strict as assert } from 'node:assert';
import { parse } from '../../../../src/core/parse/index';
import { acceptAgreement, acceptanceStatus, changedTerms, termsDigest } from '../../../../src/core/rituals/accept';
import { canonical, digestOf, fnv1a64 } from '../../../../src/core/rituals/digest';
import type { MentoringFile } from '../../../../src/core/schema';

const NOW = new Date('2026-11-25T10:00:00Z');
const ctx = { now: NOW, utcOffsetMinutes: 0 };

const BASE = `version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: 2026-06-01
  goals:
    - id: g1
      title: Read the parser
      by: 2026-11-30
  expectations:
    cadence: weekly   # every week
    confidentiality: what we say stays between us
`;

function model(text: string): MentoringFile {
  const r = parse(text, { now: NOW });
  assert.ok(r.model, JSON.stringify(r.diagnostics));
  return r.model;
}

function accept(text: string, role: 'mentor' | 'mentee', date?: string): string {
  const r = acceptAgreement(text, { role, date }, ctx);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.text;
}

function acceptanceDiagnostics(text: string): string[] {
  return parse(text, { now: NOW }).diagnostics
    .filter((d) => d.code.startsWith('agreement-') || d.code === 'acceptance-unrecorded')
    .map((d) => `${d.severity} ${d.line}:${d.column} ${d.code}: ${d.message}`);
}

describe('FNV-1a 64 (the digest, in plain TypeScript)', () => {
  it('matches the published test vectors, and encodes UTF-8 as TextEncoder does', () => {
    // From the FNV reference (Landon Curt Noll's test suite) and Python's own arithmetic.
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
    assert.equal(fnv1a64('é'), '0ac21707b7181e01'); // c3 a9
    assert.equal(fnv1a64('😀'), 'feff073875020288'); // f0 9f 98 80 (a surrogate pair)
    assert.equal(fnv1a64('\ud800'), fnv1a64('\ufffd'), 'a lone surrogate is U+FFFD');
  });

  it('canonical form: keys sorted, whitespace folded, undefined left out', () => {
    assert.equal(canonical({ b: 1, a: [' x  y\n', true, null], c: undefined }), '{"a":["x y",true,null],"b":1}');
    assert.equal(digestOf({ title: 'A  goal', by: '2026-12-01' }), digestOf({ by: '2026-12-01', title: 'A goal' }));
  });
});

describe('termsDigest: one digest per term', () => {
  it('names each goal, each expectation and the confidential list', () => {
    assert.deepEqual([...termsDigest(model(BASE).agreement).keys()], ['goals.g1', 'expectations.cadence', 'expectations.confidentiality', 'confidential']);
  });

  it('is stable across reformatting, comments, key order, quoting and re-wrapping', () => {
    const restyled = `# our agreement, reformatted
version: 1
agreement:
  started: 2026-06-01
  mentee: { name: Ben }
  mentor: { name: Ana }
  expectations: { confidentiality: "what we say
      stays between us", cadence: 'weekly' }
  goals: [{ by: 2026-11-30, title: Read the parser, id: g1, status: active }]   # status: the default
  confidential: [comments, feedback.change, feedback.rating, feedback.valuable, notes]   # the default, spelt out
`;
    assert.deepEqual(termsDigest(model(restyled).agreement), termsDigest(model(BASE).agreement));
  });

  it('a goal reached is not a change of the terms; a new date is', () => {
    const before = termsDigest(model(BASE).agreement);
    assert.deepEqual(termsDigest(model(BASE.replace('      by: 2026-11-30', '      by: 2026-11-30\n      status: achieved')).agreement), before);
    assert.notEqual(termsDigest(model(BASE.replace('by: 2026-11-30', 'by: 2026-11-29')).agreement).get('goals.g1'), before.get('goals.g1'));
  });
});

describe('accept and accept again', () => {
  it('no acceptance: nothing in the Problems panel; status not accepted', () => {
    assert.equal(acceptanceStatus(model(BASE).agreement).state, 'not-accepted');
    assert.deepEqual(acceptanceDiagnostics(BASE), []);
  });

  it('the mentor accepts: dates and digests next to the started date, the rest byte for byte', () => {
    const text = accept(BASE, 'mentor', '2026-11-02');
    const d = termsDigest(model(BASE).agreement);
    assert.equal(text, BASE.replace('  started: 2026-06-01\n', `  started: 2026-06-01
  accepted:
    mentor: 2026-11-02
    terms:
      goals.g1: ${d.get('goals.g1')}
      expectations.cadence: ${d.get('expectations.cadence')}
      expectations.confidentiality: ${d.get('expectations.confidentiality')}
      confidential: ${d.get('confidential')}
`));
    const s = acceptanceStatus(model(text).agreement);
    assert.equal(s.state, 'partly');
    assert.deepEqual(acceptanceDiagnostics(text), ['info 2:1 agreement-not-accepted: Accepted by the mentor on 2026-11-02; not yet accepted by the mentee (Mentoring: Accept the Agreement).']);
  });

  it('both accept: accepted, and no diagnostic', () => {
    const text = accept(accept(BASE, 'mentor', '2026-11-02'), 'mentee', '2026-11-03');
    const s = acceptanceStatus(model(text).agreement);
    assert.equal(s.state, 'accepted');
    assert.deepEqual([s.mentor.date, s.mentee.date], ['2026-11-02', '2026-11-03']);
    assert.deepEqual(acceptanceDiagnostics(text), []);
    assert.doesNotMatch(text, /pending/);
  });

  it('a later change is detected per term: added, changed, removed', () => {
    const both = accept(accept(BASE, 'mentor', '2026-11-02'), 'mentee', '2026-11-03');
    const changed = both
      .replace('    cadence: weekly', '    cadence: biweekly')
      .replace('    confidentiality: what we say stays between us\n', '    feedback: every-session\n')
      .replace('  goals:\n', '  goals:\n    - { id: g2, title: Ship the retry loop, by: 2026-12-01 }\n')
      .replace('  expectations:', '  confidential: [notes, feedback, comments, agenda]\n  expectations:');
    assert.deepEqual(changedTerms(model(changed)), [
      'goal g2 added ("Ship the retry loop")',
      'expectations.cadence changed',
      'expectations.feedback added',
      'the confidential fields changed',
      'expectations.confidentiality removed',
    ]);
    assert.equal(acceptanceStatus(model(changed).agreement).state, 'changed');
    const removed = both.replace(/ {4}- id: g1\n.*\n.*\n/, '').replace('  goals:\n', '  goals: []\n');
    assert.deepEqual(changedTerms(model(removed)), ['goal g1 removed']);
    assert.deepEqual(acceptanceDiagnostics(removed), [
      'warning 2:1 agreement-changed: The agreement changed since you both accepted it: goal g1 removed. Accept it again (Mentoring: Accept the Agreement).',
    ]);
  });

  it('re-accepting: the mentor first (the mentee is told what changed for them), then the mentee; the change note goes away', () => {
    const both = accept(accept(BASE, 'mentor', '2026-11-02'), 'mentee', '2026-11-03');
    const changed = both.replace('    cadence: weekly', '    cadence: biweekly').replace('  goals:\n', '  goals:\n    - { id: g2, title: Ship it, by: 2026-12-01 }\n');
    const mentorAgain = accept(changed, 'mentor');
    const s = acceptanceStatus(model(mentorAgain).agreement);
    assert.equal(s.state, 'partly');
    assert.equal(s.mentor.date, '2026-11-25', 'today, re-recorded');
    assert.ok(s.mentor.current);
    assert.deepEqual(s.mentee.changes.map((c) => `${c.term} ${c.kind}`), ['goals.g2 added', 'expectations.cadence changed']);
    const old = termsDigest(model(BASE).agreement).get('expectations.cadence');
    assert.match(mentorAgain, new RegExp(`    pending:\\n      mentee:\\n        goals.g2: none\\n        expectations.cadence: ${old}\\n`));
    assert.deepEqual(acceptanceDiagnostics(mentorAgain), [
      'info 2:1 agreement-not-accepted: The agreement changed since the mentee accepted it on 2026-11-03: goal g2 added ("Ship it"), expectations.cadence changed. The mentor accepted the new terms on 2026-11-25; the mentee has not yet (Mentoring: Accept the Agreement).',
    ]);

    // The terms change again before the mentee accepts: the mentee's own digests still tell what changed for them.
    const again = mentorAgain.replace('    cadence: biweekly', '    cadence: weekly');
    const s2 = acceptanceStatus(model(again).agreement);
    assert.equal(s2.state, 'changed');
    assert.deepEqual(s2.mentee.changes.map((c) => `${c.term} ${c.kind}`), ['goals.g2 added'], 'the cadence is back to what the mentee accepted');
    assert.deepEqual(s2.mentor.changes.map((c) => `${c.term} ${c.kind}`), ['expectations.cadence changed']);

    const menteeAgain = accept(mentorAgain, 'mentee');
    assert.equal(acceptanceStatus(model(menteeAgain).agreement).state, 'accepted');
    assert.doesNotMatch(menteeAgain, /pending|none/);
    assert.deepEqual(acceptanceDiagnostics(menteeAgain), []);
  });

  it('re-accepting rewrites only the lines of the terms that changed', () => {
    const both = accept(accept(BASE, 'mentor', '2026-11-02'), 'mentee', '2026-11-03');
    const changed = both.replace('    cadence: weekly', '    cadence: biweekly');
    const mentorAgain = accept(changed, 'mentor', '2026-11-20');
    const before = changed.split('\n');
    const after = mentorAgain.split('\n');
    const gone = before.filter((l) => !after.includes(l));
    assert.deepEqual(gone.map((l) => l.trim().split(':')[0]), ['mentor', 'expectations.cadence']);
  });

  it('accepting again with nothing changed re-records the date only; the same day changes nothing', () => {
    const both = accept(accept(BASE, 'mentor', '2026-11-02'), 'mentee', '2026-11-03');
    assert.equal(accept(both, 'mentee', '2026-11-03'), both);
    assert.equal(accept(both, 'mentee', '2026-11-10'), both.replace('mentee: 2026-11-03', 'mentee: 2026-11-10'));
  });

  it('hand-written dates without digests: accepted, with a gentle note; the first recorded acceptance records the terms for both', () => {
    const hand = BASE.replace('  started: 2026-06-01\n', '  started: 2026-06-01\n  accepted: { mentor: 2026-11-02, mentee: 2026-11-03 }\n');
    assert.equal(acceptanceStatus(model(hand).agreement).state, 'accepted');
    assert.deepEqual(acceptanceDiagnostics(hand), ['info 2:1 acceptance-unrecorded: The agreement was accepted, but the file does not record what was accepted, so a later change cannot be shown. Accept it again to record it (Mentoring: Accept the Agreement).']);
    const recorded = accept(hand, 'mentee', '2026-11-25');
    assert.equal(acceptanceStatus(model(recorded).agreement).state, 'accepted');
    assert.doesNotMatch(recorded, /pending/);
    assert.deepEqual(acceptanceDiagnostics(recorded), []);
  });

  it('a damaged digest reads as that term changed, never as an error', () => {
    const both = accept(accept(BASE, 'mentor', '2026-11-02'), 'mentee', '2026-11-03');
    const damaged = both.replace(/goals\.g1: [0-9a-f]+/, 'goals.g1: oops');
    assert.deepEqual(changedTerms(model(damaged)), ['goal g1 changed ("Read the parser")']);
  });

  it('refuses a bad date or role, and a file with errors, changing nothing', () => {
    const r = acceptAgreement(BASE, { role: 'mentor', date: '2026-02-30' }, ctx);
    assert.ok(!r.ok);
    assert.match(r.message, /The date of acceptance "2026-02-30" is not valid: that day does not exist/);
    const bad = acceptAgreement(BASE, { role: 'boss' as never }, ctx);
    assert.ok(!bad.ok && /mentor or mentee/.test(bad.message));
    const broken = acceptAgreement(BASE.replace('started: 2026-06-01', 'started: soon'), { role: 'mentor' }, ctx);
    assert.ok(!broken.ok && /has errors/.test(broken.message));
  });

  it('a date in the future is written, with a warning', () => {
    const r = acceptAgreement(BASE, { role: 'mentor', date: '2026-12-24' }, ctx);
    assert.ok(r.ok);
    assert.deepEqual(r.warnings, ['The date of acceptance 2026-12-24 is in the future (today is 2026-11-25).']);
  });
});

describe('accepted: bad values are located schema errors', () => {
  const cases: [string, RegExp, string][] = [
    ['  accepted: { mentor: 2026-13-01 }', /`agreement\.accepted\.mentor`: that day does not exist/, '2026-13-01'],
    ['  accepted: { mentee: yesterday }', /`agreement\.accepted\.mentee`: expected a date like/, 'yesterday'],
    ['  accepted: { mentor: 2026-11-02, terms: [a, b] }', /`agreement\.accepted\.terms` must be a mapping of keys to values, not a list/, '[a, b]'],
    ['  accepted: { mentor: 2026-11-02, terms: { goals.g1: 12345 } }', /`agreement\.accepted\.terms\.goals\.g1` must be text.*put it in quotes/, '12345'],
    ['  accepted: { pending: { mentee: 3 } }', /`agreement\.accepted\.pending\.mentee` must be a mapping/, '3 }'],
    ['  accepted: yes', /`agreement\.accepted`/, 'yes'],
  ];
  for (const [line, message, at] of cases) {
    it(line.trim(), () => {
      const text = BASE.replace('  started: 2026-06-01\n', `  started: 2026-06-01\n${line}\n`);
      const errors = parse(text, { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0]?.message ?? '', message);
      // At the bad value: line 6 (after `started`), its column.
      assert.equal(`${errors[0]?.line}:${errors[0]?.column}`, `6:${line.indexOf(at) + 1}`);
      assert.ok(!acceptAgreement(text, { role: 'mentor' }, ctx).ok, 'never written over');
    });
  }
});
