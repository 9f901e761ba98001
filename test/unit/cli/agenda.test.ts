/** `mentoring agenda suggest [SESSION]`: the broken rules as questions for the next (or named) session. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run';

const FILE = `version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: 2026-09-01
  expectations: { cancellationNotice: 24h, feedback: every-session }
sessions:
  - { id: s1, at: "2026-11-12T15:00:00+00:00", status: held }
  - { id: s2, at: "2026-11-19T15:00:00+00:00", status: planned, cancelled: { at: "2026-11-19T09:00:00+00:00", by: mentor } }
  - { id: s3, at: "2026-11-26T15:00:00+00:00", status: planned }
  - { id: s4, at: "2026-12-03T15:00:00+00:00", status: planned, agenda: ["We agreed to share feedback after every session; the session on 12 November has none yet. Could we take a few minutes for it together?"] }
tasks:
  - { id: t-1, title: "Read the retry loop\\u001b[31m", owner: mentee, status: open, due: 2026-11-15 }
`;

describe('mentoring agenda suggest (process)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-agenda-'));
    writeFileSync(join(dir, '.mentoring.yaml'), FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one question a line for the next session, and writes nothing', async () => {
    const r = await cli(dir, ['agenda', 'suggest'], {});
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.ok(lines.includes('We agreed to cancel at least 1 day ahead; the session on 19 November was cancelled 6 hours before. What would help us keep to that?'), r.out);
    assert.ok(lines.some((l) => l.startsWith('We agreed to share feedback after every session; the session on 12 November')), r.out);
    assert.ok(lines.includes('The session on 26 November has no topic yet. What would be most useful for us to focus on?'), r.out);
    // the task title's escape sequence is shown, never sent to the terminal
    assert.ok(lines.some((l) => l.startsWith('The task "Read the retry loop\\u001b[31m" was planned for 15 November.')), r.out);
    assert.ok(!r.out.includes(String.fromCharCode(27)), "no ESC reaches the terminal");
    assert.match(r.err, /For session s3 \(5 questions\)/);
    assert.equal(readFileSync(join(dir, '.mentoring.yaml'), 'utf8'), FILE);
  });

  it('for a named session leaves out what is already on its agenda', async () => {
    const r = await cli(dir, ['agenda', 'suggest', 's4'], {});
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /share feedback/);
    assert.match(r.err, /For session s4 \(4 questions\)/);
  });

  it('names an unknown session and a wrong command line', async () => {
    const r = await cli(dir, ['agenda', 'suggest', 'nope'], {});
    assert.equal(r.code, 1);
    assert.match(r.err, /no session "nope"/);
    assert.equal((await cli(dir, ['agenda', 'list'], {})).code, 2);
  });
});
