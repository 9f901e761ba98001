/**
 * On the calendar (src/core/rituals/calendar.ts, ics.ts): the sessions as iCalendar, read back by
 * an independent parser (ical.js, Mozilla's, as Thunderbird uses it), never by our own code.
 */
import { strict as assert } from 'node:assert';
import ICAL from 'ical.js';
import { parse } from '../../../../src/core/parse/index';
import { seal } from '../../../../src/core/seal/age';
import { calendarOf, neutralSummary, sessionUid } from '../../../../src/core/rituals/calendar';
import { toIcs } from '../../../../src/core/rituals/ics';
import type { MentoringFile } from '../../../../src/core/schema';
import { keygen } from '../seal/realAge';

const NOW = new Date('2026-11-20T10:00:00Z');

function model(text: string): MentoringFile {
  const r = parse(text, { now: NOW });
  assert.ok(r.model, JSON.stringify(r.diagnostics));
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  return r.model;
}

const q = (s: string) => JSON.stringify(s);

function fileWith(sessions: string, expectations = '{ duration: 45m, topicNotice: 2d }', extra = ''): string {
  return `version: 1
agreement:
  mentor: { name: Ana Lima }
  mentee: { name: Ben Okafor }
  started: 2026-09-01
  expectations: ${expectations}
${extra}sessions:
${sessions}`;
}

const BASIC = fileWith(`  - { id: s0, at: "2026-11-12T15:00:00+01:00", status: held, topic: "Held already" }
  - id: s1
    at: "2026-11-26T15:00:00+01:00"
    topic: "Retries, backoff; and jitter"
    agenda: ["Read the retry loop", "Where, exactly; does it stop?"]
  - { id: s2, at: "2026-12-03T09:30", status: planned }
  - { id: s3, at: "2026-12-10T15:00:00-05:30", status: cancelled, cancelled: { at: "2026-11-19T09:00:00Z", by: mentee, reason: "ill" } }
  - { id: s4, at: "2026-12-17T15:00:00Z", status: planned, cancelled: { at: "2026-11-19T09:00:00Z", by: mentor } }
`);

interface Read {
  raw: string;
  events: ICAL.Event[];
  vevents: ICAL.Component[];
}

function read(ics: string): Read {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevents = cal.getAllSubcomponents('vevent');
  return { raw: ics, events: vevents.map((v) => new ICAL.Event(v)), vevents };
}

function byUid(r: Read, id: string): { e: ICAL.Event; v: ICAL.Component } {
  const i = r.events.findIndex((e) => e.uid.startsWith(`${id}.`));
  assert.ok(i >= 0, `no event for ${id}`);
  return { e: r.events[i] as ICAL.Event, v: r.vevents[i] as ICAL.Component };
}

function triggers(v: ICAL.Component): number[] {
  return v.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
}

describe('calendar: sessions as iCalendar (read back by ical.js)', function () {
  this.timeout(30_000);

  it('has one event for each planned and cancelled session, none for a held one', () => {
    const r = read(toIcs(calendarOf(model(BASIC), NOW)));
    assert.deepEqual(r.events.map((e) => e.uid.split('.')[0]), ['s1', 's2', 's3', 's4']);
    assert.ok(r.raw.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(r.raw.split('\r\n').every((l) => !l.includes('\n')), 'every line ends in CRLF');
  });

  it('starts at the file\'s instant (UTC), or floating for a time without an offset, and lasts the agreed duration', () => {
    const r = read(toIcs(calendarOf(model(BASIC), NOW)));
    const s1 = byUid(r, 's1').e;
    assert.equal(s1.startDate.zone?.tzid, 'UTC');
    assert.equal(s1.startDate.toJSDate().toISOString(), '2026-11-26T14:00:00.000Z');
    assert.equal(s1.duration.toSeconds(), 45 * 60);
    const s3 = byUid(r, 's3').e; // a -05:30 offset: its instant exactly
    assert.equal(s3.startDate.toJSDate().toISOString(), '2026-12-10T20:30:00.000Z');
    const s2 = byUid(r, 's2').e;
    assert.equal(s2.startDate.zone?.tzid, 'floating');
    assert.equal(s2.startDate.toString(), '2026-12-03T09:30:00');
    assert.match(r.raw, /\r\nDTSTART:20261203T093000\r\n/);
  });

  it('lasts an hour when the agreement names no duration; no topic-notice alarm without a topic notice', () => {
    const r = read(toIcs(calendarOf(model(fileWith('  - { id: s1, at: "2026-11-26T15:00:00Z" }\n', '{}')), NOW)));
    const { e, v } = byUid(r, 's1');
    assert.equal(e.duration.toSeconds(), 3600);
    assert.deepEqual(triggers(v), [-15 * 60]);
  });

  it('rings at the topic-notice deadline and 15 minutes before; a cancelled session rings never and is CANCELLED', () => {
    const r = read(toIcs(calendarOf(model(BASIC), NOW)));
    const s1 = byUid(r, 's1').v;
    assert.deepEqual(triggers(s1), [-2 * 86_400, -15 * 60]);
    assert.ok(s1.getAllSubcomponents('valarm').every((a) => a.getFirstPropertyValue('action') === 'DISPLAY' && typeof a.getFirstPropertyValue('description') === 'string'));
    assert.equal(s1.getFirstPropertyValue('status'), 'CONFIRMED');
    for (const id of ['s3', 's4']) {
      const { v } = byUid(r, id);
      assert.equal(v.getFirstPropertyValue('status'), 'CANCELLED', id);
      assert.deepEqual(triggers(v), [], id);
    }
    assert.match(byUid(r, 's3').e.description, /Cancelled by the mentee\./);
    const announced = read(toIcs(calendarOf(model(BASIC.replace('    topic: "Retries, backoff; and jitter"\n', '    topic: "Retries, backoff; and jitter"\n    announced: "2026-11-19T09:00:00Z"\n')), NOW)));
    assert.deepEqual(triggers(byUid(announced, 's1').v), [-15 * 60], 'an announced topic needs no reminder to announce it');
    assert.doesNotMatch(r.raw, /ill/, 'the reason for a cancellation stays in the file');
  });

  it('keeps its UIDs from one export to the next; SEQUENCE grows with the export; another pair gets other UIDs', () => {
    const m = model(BASIC);
    const first = read(toIcs(calendarOf(m, NOW)));
    const later = read(toIcs(calendarOf(model(BASIC.replace('2026-12-03T09:30', '2026-12-04T11:00')), new Date(NOW.getTime() + 3_600_000))));
    assert.deepEqual(later.events.map((e) => e.uid), first.events.map((e) => e.uid));
    assert.equal(first.events[0]?.uid, sessionUid(m, 's1'));
    assert.match(first.events[0]?.uid ?? '', /^s1\.[0-9a-f]{16}@mentoring$/);
    assert.ok((later.events[0]?.sequence ?? 0) > (first.events[0]?.sequence ?? 0));
    assert.equal(toIcs(calendarOf(m, NOW)), first.raw, 'the same file and clock give the same bytes');
    const other = read(toIcs(calendarOf(model(BASIC.replace('Ben Okafor', 'Bea Okafor')), NOW)));
    assert.notEqual(other.events[0]?.uid, first.events[0]?.uid);
  });

  it('escapes commas, semicolons and line breaks, and folds a 200-character topic at 75 octets', () => {
    const long = 'Naïve retries — ' + 'why the loop, the backoff; and the jitter matter '.repeat(4).slice(0, 184);
    assert.equal(long.length, 200);
    const text = fileWith(`  - id: s1
    at: "2026-11-26T15:00:00Z"
    topic: ${q(long)}
    agenda: ["one, two; three", "a\\nsecond line"]
`);
    const r = read(toIcs(calendarOf(model(text), NOW)));
    const { e } = byUid(r, 's1');
    assert.equal(e.summary, `Mentoring: ${long}`);
    assert.match(e.description, /\n- one, two; three\n- a second line$/);
    assert.match(r.raw, /one\\, two\\; three/);
    const lines = r.raw.split('\r\n');
    assert.ok(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75), 'no line over 75 octets');
    assert.ok(lines.filter((l) => l.startsWith(' ')).length >= 3, 'the summary and description are folded');
    assert.ok(!r.raw.includes('\uFFFD'));
  });

  it('lets no topic start a new property or component: CR, LF and other controls stay inside the value', () => {
    const hostile = 'Topic\r\nATTENDEE:mailto:evil@example.com\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged\u0007\u001b[31m\u202e';
    const text = fileWith(`  - id: s1
    at: "2026-11-26T15:00:00Z"
    topic: ${q(hostile)}
    agenda: [${q('item\rDTSTART:19700101T000000Z')}]
`);
    const r = read(toIcs(calendarOf(model(text), NOW)));
    assert.equal(r.events.length, 1);
    const { e, v } = byUid(r, 's1');
    assert.equal(v.getAllProperties('attendee').length, 0);
    assert.equal(v.getAllProperties('dtstart').length, 1);
    assert.equal(e.startDate.toJSDate().toISOString(), '2026-11-26T15:00:00.000Z');
    assert.equal(e.summary, 'Mentoring: Topic ATTENDEE:mailto:evil@example.com END:VEVENT BEGIN:VEVENT UID:forged[31m');
    assert.ok(!r.raw.split('\r\n').some((l) => /^(ATTENDEE|UID:forged|DTSTART:1970)/.test(l)));
    // eslint-disable-next-line no-control-regex -- the point: no control character but CR LF in the file
    assert.doesNotMatch(r.raw.replace(/\r\n/g, ''), /[\u0000-\u001f\u007f\u202e]/);
  });

  it('never writes a sealed topic or agenda item: a neutral title, the count of hidden items', async () => {
    const mentor = keygen();
    const mentee = keygen();
    const armored = async (t: string) => (await seal(t, [mentor.recipient, mentee.recipient])).trimEnd().split('\n').map((l) => `      ${l}`).join('\n');
    const text = fileWith(
      `  - id: s1
    at: "2026-11-26T15:00:00Z"
    topic: |
${await armored('The reorg, and my manager')}
    agenda:
      - Open item
      - |
${(await armored('Salary talk')).replace(/^ {6}/gm, '        ')}
`,
      '{ duration: 1h30m, topicNotice: 24h }',
      '',
    ).replace('  mentee: { name: Ben Okafor }', `  mentee: { name: Ben Okafor, key: ${mentee.recipient} }\n  confidential: [notes]`).replace('  mentor: { name: Ana Lima }', `  mentor: { name: Ana Lima, key: ${mentor.recipient} }`);
    const r = read(toIcs(calendarOf(model(text), NOW)));
    const { e } = byUid(r, 's1');
    assert.equal(e.summary, neutralSummary());
    assert.match(e.description, /The topic is confidential: it is not shown here\./);
    assert.match(e.description, /- Open item\n\n1 confidential agenda item is not shown\./);
    assert.doesNotMatch(r.raw, /AGE|BEGIN:?\s?AGE|reorg|Salary|-----/);
    assert.equal(e.duration.toSeconds(), 90 * 60);
  });

  it('treats a field the agreement lists as confidential as hidden even before it is sealed', () => {
    const text = fileWith('  - { id: s1, at: "2026-11-26T15:00:00Z", topic: "The reorg", agenda: ["Salary talk"] }\n', '{}').replace('  started:', '  confidential: [notes, topic, agenda]\n  started:');
    const r = read(toIcs(calendarOf(model(text), NOW)));
    assert.equal(byUid(r, 's1').e.summary, neutralSummary());
    assert.doesNotMatch(r.raw, /reorg|Salary/);
  });
});
