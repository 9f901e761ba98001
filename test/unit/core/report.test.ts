import * as assert from 'node:assert/strict';
import { parse } from '../../../src/core/parse/index';
import { pairRow, type PairRow } from '../../../src/core/report';
import { acceptAgreement } from '../../../src/core/rituals/accept';
import { csvField, reportCsv, reportJson, reportMarkdown } from '../../../src/core/reportFormats';
import { reportHtml } from '../../../src/core/reportHtml';
import type { MentoringFile } from '../../../src/core/schema';
import { PAIR } from '../../fixtures/reportPair';

// Offset-less times are local time (core/time.ts), and "now" is local noon: the counts below hold
// in any time zone the tests run in.
const NOW = new Date(2026, 10, 20, 12);


function model(text: string): MentoringFile {
  const r = parse(text, { now: NOW });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], 'the hand-made file parses');
  assert.ok(r.model);
  return r.model;
}

function row(text: string): PairRow {
  return pairRow(model(text), NOW, { file: 'pair/.mentoring.yaml' });
}

describe('report: the counts of one pair', () => {
  it('counts sessions, late cancellations, notices, cadence, tasks, feedback, goals, review and acceptance', () => {
    assert.deepEqual(row(PAIR), {
      file: 'pair/.mentoring.yaml',
      repo: null,
      mentor: 'Ana Silva',
      mentee: 'Ben Okafor',
      sessionsPlanned: 2,
      sessionsHeld: 4,
      sessionsCancelled: 2,
      cancelledLate: 1,
      cadence: 'weekly',
      // 74 days from 2026-09-07 to 2026-11-20: ten whole weeks, sessions held in weeks 0, 1, 4 and 6
      cadenceKept: 0.4,
      cadencePeriods: 10,
      topicNoticesDue: 5,
      topicNoticesKept: 2,
      tasksOpen: 3,
      tasksDone: 1,
      tasksDropped: 1,
      tasksOverdue: 1,
      feedbackGiven: 3,
      goalsActive: 2,
      goalsAchieved: 1,
      goalsOverdue: 1,
      lastSession: '2026-10-20T15:00',
      reviewDue: '2026-11-01',
      reviewOverdue: true,
      acceptedByBoth: true,
      closed: false,
      closedOn: null,
    });
  });

  it('counts a late cancellation exactly where check warns about one (the same rule)', () => {
    const warnings = parse(PAIR, { now: NOW }).diagnostics.filter((d) => d.code === 'late-cancellation');
    assert.equal(warnings.length, 1);
    assert.equal(row(PAIR).cancelledLate, warnings.length);
  });

  it('a cancellation is late by the agreed notice: with 4h agreed, five hours before is in time', () => {
    assert.equal(row(PAIR.replace('cancellationNotice: 24h', 'cancellationNotice: 4h')).cancelledLate, 0);
    assert.equal(row(PAIR.replace('    cancellationNotice: 24h\n', '')).cancelledLate, 0, 'no notice agreed: nothing is late');
  });

  it('a topic notice is kept when announced at least topicNotice before: with 12h agreed, s2 is kept too', () => {
    const r = row(PAIR.replace('topicNotice: 48h', 'topicNotice: 12h'));
    // s8's deadline (11-27 03:00) is still ahead; s7 was announced in time; s1 and s2 kept; s5, s6 missing
    assert.deepEqual([r.topicNoticesKept, r.topicNoticesDue], [3, 5]);
  });

  it('cadence: biweekly counts two-week periods, monthly counts calendar months from the start day', () => {
    const biweekly = row(PAIR.replace('cadence: weekly', 'cadence: biweekly'));
    // five whole fortnights; held in fortnights 0 (09-08), 0 (09-15), 2 (10-06), 3 (10-20)
    assert.deepEqual([biweekly.cadenceKept, biweekly.cadencePeriods], [3 / 5, 5]);
    const monthly = row(PAIR.replace('cadence: weekly', 'cadence: monthly'));
    // 09-07..10-06 (held 09-08, 09-15), 10-07..11-06 (held 10-20): two whole months, both kept
    assert.deepEqual([monthly.cadenceKept, monthly.cadencePeriods], [1, 2]);
    const none = row(PAIR.replace('    cadence: weekly\n', ''));
    assert.deepEqual([none.cadence, none.cadenceKept, none.cadencePeriods], [null, null, 0]);
  });

  it('a closed pair: `closed.on`, and cadence counted only up to the day it closed', () => {
    const closed = row(`${PAIR}closed: { on: 2026-10-05, by: mentor }\n`);
    assert.equal(closed.closed, true);
    assert.equal(closed.closedOn, '2026-10-05');
    // 28 days: four whole weeks, held in weeks 0 and 1
    assert.deepEqual([closed.cadenceKept, closed.cadencePeriods], [0.5, 4]);
    assert.deepEqual([row(PAIR).closed, row(PAIR).closedOn], [false, null]);
  });

  it('accepted by both: both sides accepted the terms as they are now (core/rituals/acceptance.ts)', () => {
    assert.equal(row(PAIR).acceptedByBoth, true, 'both dates, written by hand');
    assert.equal(row(PAIR.replace(', mentee: 2026-09-08', '')).acceptedByBoth, false, 'the mentor only');
    assert.equal(row(PAIR.replace('  accepted: { mentor: 2026-09-07, mentee: 2026-09-08 }\n', '')).acceptedByBoth, false);
    const ctx = { now: NOW, utcOffsetMinutes: 0 };
    const bare = PAIR.replace('  accepted: { mentor: 2026-09-07, mentee: 2026-09-08 }\n', '');
    const once = acceptAgreement(bare, { role: 'mentor', date: '2026-09-07' }, ctx);
    assert.ok(once.ok);
    const both = acceptAgreement(once.text, { role: 'mentee', date: '2026-09-08' }, ctx);
    assert.ok(both.ok);
    assert.equal(row(both.text).acceptedByBoth, true, 'both, with the digests of the terms');
    const changed = both.text.replace('cadence: weekly', 'cadence: biweekly');
    assert.notEqual(changed, both.text);
    assert.equal(row(changed).acceptedByBoth, false, 'a term changed since both accepted');
  });

  it('overdue: an open task or active goal past its date; a done task or achieved goal never is', () => {
    const later = pairRow(model(PAIR), new Date(2026, 11, 5, 12), { file: 'f' });
    assert.equal(later.tasksOverdue, 2, 't1 and t2 (due 12-01)');
    assert.equal(later.goalsOverdue, 1, 'g1; g2 is achieved');
  });
});

describe('report formats', () => {
  const one = row(PAIR);
  const hostile: PairRow = { ...one, mentor: '=HYPERLINK("http://x")', mentee: 'Ben | <b>bold</b>\n# heading', file: 'a,b/"q".yaml' };

  it('CSV: a header row, RFC 4180 quoting, formulas defused', () => {
    const csv = reportCsv({ pairs: [hostile], errors: [] });
    const [header, record] = csv.split('\r\n');
    assert.ok(header?.startsWith('repo,file,mentor,mentee,sessionsPlanned,'));
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(record?.startsWith(`,"a,b/""q"".yaml","'=HYPERLINK(""http://x"")",Ben | <b>bold</b>\\u000a# heading,2,4,2,1,weekly,0.4,10,`));
    for (const lead of ['=', '+', '-', '@']) assert.equal(csvField(`${lead}1+1`), `'${lead}1+1`);
    assert.equal(csvField('Ana'), 'Ana');
  });

  it('Markdown: the table cannot be broken by a pipe, a tag or a heading', () => {
    const md = reportMarkdown({ pairs: [hostile], errors: [{ file: 'x.yaml', repo: null, line: 3, column: 5, code: 'yaml-syntax', message: 'bad | thing' }] });
    const rowLine = md.split('\n').find((l) => l.includes('HYPERLINK')) ?? '';
    assert.equal(rowLine.split(/(?<!\\)\|/).length, 29, 'one cell per column (27) plus the two ends');
    assert.ok(!md.includes('<b>'));
    assert.match(md, /x\.yaml:3:5: bad \\\| thing \(yaml-syntax\)/);
  });

  it('HTML: every text escaped, no script, the CSP, captions and column headers', () => {
    const html = reportHtml({ pairs: [hostile, one], errors: [{ file: '<img src=x>', repo: null, line: 1, column: 1, code: 'schema', message: '<script>alert(1)</script>' }] }, NOW);
    assert.ok(!/<script|<img|<b>/i.test(html));
    assert.match(html, /content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.match(html, /<caption>Pairs/);
    assert.match(html, /<caption>Files with errors/);
    assert.equal((html.match(/<th scope="col">/g) ?? []).length, 27 + 6);
    assert.match(html, /prefers-color-scheme: dark/);
  });

  it('JSON: { pairs, errors }', () => {
    const parsed = JSON.parse(reportJson({ pairs: [one], errors: [] })) as { pairs: PairRow[]; errors: unknown[] };
    assert.deepEqual(Object.keys(parsed), ['pairs', 'errors']);
    assert.deepEqual(parsed.pairs[0], one);
  });
});
