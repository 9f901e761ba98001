/**
 * `mentoring calendar` as a real process, its output read back by Debian's python3-icalendar (an
 * independent parser: scripts/system-deps.mjs installs it for the tests).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run';

const FILE = `version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: 2026-09-01
  expectations: { duration: 45m, topicNotice: 2d }
sessions:
  - { id: s0, at: "2026-11-12T15:00:00+01:00", status: held }
  - id: s1
    at: "2026-11-26T15:00:00+01:00"
    topic: "Retries, backoff; and\\r\\nATTENDEE:mailto:evil@example.com"
    agenda: ["Read the retry loop", "Where, exactly; does it stop?"]
  - { id: s2, at: "2026-12-03T09:30", status: planned }
  - { id: s3, at: "2026-12-10T15:00:00-05:30", status: cancelled, cancelled: { at: "2026-11-19T09:00:00Z", by: mentee } }
`;

// Prints each event as JSON: what a calendar app that uses python-icalendar would take from the file.
const READER = `
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    end = e.decoded('DTEND')
    out.append({
        'uid': str(e.get('UID')),
        'summary': str(e.get('SUMMARY')),
        'description': str(e.get('DESCRIPTION')),
        'start': start.isoformat(),
        'utcoffset': None if start.tzinfo is None else start.utcoffset().total_seconds(),
        'minutes': (end - start).total_seconds() / 60,
        'status': str(e.get('STATUS')),
        'sequence': int(e.get('SEQUENCE')),
        'attendees': len(e.get('ATTENDEE', [])) if isinstance(e.get('ATTENDEE'), list) else (1 if e.get('ATTENDEE') else 0),
        'alarms': [a.decoded('TRIGGER').total_seconds() for a in e.walk('VALARM')],
    })
print(json.dumps(out))
`;

interface PyEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  utcoffset: number | null;
  minutes: number;
  status: string;
  sequence: number;
  attendees: number;
  alarms: number[];
}

function pythonRead(dir: string, file: string): PyEvent[] {
  const script = join(dir, 'read.py');
  writeFileSync(script, READER);
  // Debian's python3 (where apt-get puts python3-icalendar), not whichever python3 is first on PATH
  const r = spawnSync(existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3', [script, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `python3-icalendar could not read the file (apt-get install python3-icalendar): ${r.error?.message ?? ''}${r.stderr}`);
  return JSON.parse(r.stdout) as PyEvent[];
}

describe('mentoring calendar (process, read by python3-icalendar)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-calendar-'));
    writeFileSync(join(dir, '.mentoring.yaml'), FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the planned and cancelled sessions to --out, with CRLF line ends, and leaves the mentoring file alone', async () => {
    const r = await cli(dir, ['calendar', '--out', 'ours.ics'], {});
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /Wrote 3 sessions of \.mentoring\.yaml to ours\.ics\./);
    const raw = readFileSync(join(dir, 'ours.ics'), 'utf8');
    assert.ok(raw.endsWith('END:VCALENDAR\r\n') && !/[^\r]\n/.test(raw));
    const events = pythonRead(dir, join(dir, 'ours.ics'));
    assert.deepEqual(events.map((e) => e.uid.split('.')[0]), ['s1', 's2', 's3']);
    const [s1, s2, s3] = events as [PyEvent, PyEvent, PyEvent];
    assert.equal(s1.start, '2026-11-26T14:00:00+00:00');
    assert.equal(s1.utcoffset, 0);
    assert.equal(s2.start, '2026-12-03T09:30:00', 'floating: no zone');
    assert.equal(s2.utcoffset, null);
    assert.equal(s3.start, '2026-12-10T20:30:00+00:00');
    assert.deepEqual(events.map((e) => e.minutes), [45, 45, 45]);
    assert.deepEqual(s1.alarms, [-2 * 86_400, -900]);
    assert.deepEqual(s3.alarms, []);
    assert.deepEqual(events.map((e) => e.status), ['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    assert.equal(s1.summary, 'Mentoring: Retries, backoff; and ATTENDEE:mailto:evil@example.com');
    assert.equal(s1.attendees, 0, 'a line break in the topic made no property');
    assert.match(s1.description, /\nAgenda:\n- Read the retry loop\n- Where, exactly; does it stop\?$/);
    // MENTORING_NOW is 2026-11-20T10:00Z in run.ts: minutes since 2026-01-01
    assert.equal(s1.sequence, Math.floor((Date.parse('2026-11-20T10:00:00Z') - Date.parse('2026-01-01T00:00:00Z')) / 60_000));
    assert.equal(readFileSync(join(dir, '.mentoring.yaml'), 'utf8'), FILE);
  });

  it('prints to stdout (LF line ends, still readable) with the same UIDs, and one session with --session', async () => {
    const all = await cli(dir, ['calendar', '.mentoring.yaml'], { MENTORING_NOW: '2026-11-21T10:00:00Z' });
    assert.equal(all.code, 0, all.err);
    assert.ok(!all.out.includes('\r') && !all.out.includes('\\u000d'));
    writeFileSync(join(dir, 'stdout.ics'), all.out);
    const fromStdout = pythonRead(dir, join(dir, 'stdout.ics'));
    const out = await cli(dir, ['calendar', '--out', 'again.ics'], {});
    const fromOut = pythonRead(dir, join(dir, 'again.ics'));
    assert.equal(out.code, 0, out.err);
    assert.deepEqual(fromStdout.map((e) => e.uid), fromOut.map((e) => e.uid));
    assert.ok((fromStdout[0]?.sequence ?? 0) > (fromOut[0]?.sequence ?? 0), 'a later export has a higher SEQUENCE');
    const one = await cli(dir, ['calendar', '--session', 's3'], {});
    assert.equal(one.code, 0, one.err);
    writeFileSync(join(dir, 'one.ics'), one.out);
    assert.deepEqual(pythonRead(dir, join(dir, 'one.ics')).map((e) => [e.uid, e.status]), [[fromOut[2]?.uid, 'CANCELLED']]);
  });

  it('names an unknown session, refuses a file with errors, and says what is wrong with the command line', async () => {
    const none = await cli(dir, ['calendar', '--session', 'nope'], {});
    assert.equal(none.code, 1);
    assert.match(none.err, /no session "nope"/);
    writeFileSync(join(dir, '.mentoring.yaml'), FILE.replace('id: s2', 'id: s1'));
    const dup = await cli(dir, ['calendar', '--out', 'x.ics'], {});
    assert.equal(dup.code, 1);
    assert.match(dup.err, /\.mentoring\.yaml:\d+:\d+/);
    assert.throws(() => readFileSync(join(dir, 'x.ics')), /ENOENT/);
    assert.equal((await cli(dir, ['calendar', 'a', 'b'], {})).code, 2);
    assert.equal((await cli(dir, ['calendar', '--nope'], {})).code, 2);
  });
});
