/** `mentoring agenda questions` and `add-question` (src/cli/questions.ts), as a real process on real files. */
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
  goals:
    - { id: g1, title: Own the release process, set: 2026-09-01, by: 2026-12-10 }
  expectations: { cancellationNotice: 24h, feedback: every-session }
sessions:
  - { id: s1, at: "2026-11-12T15:00:00+00:00", status: held, feedback: [{ from: mentee, rating: 4 }] }
  - { id: s2, at: "2026-11-19T15:00:00+00:00", status: planned, cancelled: { at: "2026-11-19T09:00:00+00:00", by: mentor } }
  - { id: s3, at: "2026-11-26T15:00:00+00:00", status: planned, topic: Reviews, announced: "2026-11-12T16:00:00+00:00" }
  - { id: s4, at: "2026-12-03T15:00:00+00:00", status: planned, agenda: ["What was most valuable in this session, and what should we change next time?"] }
tasks:
  - { id: t-1, title: "Read the retry loop\\u001b[31m", owner: mentee, status: open, due: 2026-11-15 }
questions:
  - { id: energy, when: any, text: "What gave you energy this week?" }
  - { when: first-session, text: "What does a good week look like for you?" }
`;

const EXPECTED = [
  'The session on 19 November was called off at short notice. Is our current rhythm still working for both of us, or would another time suit better?',
  'Our goal "Own the release process" is due on 10 December. How close does it feel, and what would help most in the time left?',
  'The task "Read the retry loop\\u001b[31m" is still open. What would help it move forward, and is it still the right next step?',
  'What was most valuable in this session, and what should we change next time?',
  'Is there anything either of us could do differently to make these sessions more useful?',
  'What gave you energy this week?',
];

describe('mentoring agenda questions / add-question (process)', function () {
  this.timeout(60_000);
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-questions-'));
    path = join(dir, '.mentoring.yaml');
    writeFileSync(path, FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the questions that fit the next session's moment, one a line, and writes nothing", async () => {
    const r = await cli(dir, ['agenda', 'questions'], {});
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trimEnd().split('\n'), EXPECTED);
    assert.ok(!r.out.includes(String.fromCharCode(27)), 'no ESC reaches the terminal');
    assert.match(r.err, /For session s3 \(6 questions\)/);
    assert.equal(readFileSync(path, 'utf8'), FILE);
  });

  it('--ids: each id before its question; a named session leaves out what its agenda has', async () => {
    const r = await cli(dir, ['agenda', 'questions', 's4', '--ids'], {});
    assert.equal(r.code, 0, r.err);
    const ids = r.out.trimEnd().split('\n').map((l) => l.split('\t')[0]);
    // s2 was called off since the pair last met, and g1 is due within four weeks of s4 too
    assert.deepEqual(ids, ['late-cancellation.rhythm', 'goal-due.g1', 'undone-tasks.next', 'feedback.support', 'team.energy'], r.out);
  });

  it('add-question N adds the Nth to the agenda, losslessly, and it is gone from the list after', async () => {
    const r = await cli(dir, ['agenda', 'add-question', '2'], {});
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Added to the agenda of session s3: Our goal "Own the release process" is due on 10 December/);
    const after = readFileSync(path, 'utf8');
    assert.equal(after, FILE.replace('announced: "2026-11-12T16:00:00+00:00" }', `announced: "2026-11-12T16:00:00+00:00", agenda: [ '${EXPECTED[1] ?? ''}' ] }`));
    const again = await cli(dir, ['agenda', 'questions'], {});
    assert.deepEqual(again.out.trimEnd().split('\n'), EXPECTED.filter((_, i) => i !== 1));
  });

  it('add-question by id for a named session; a team question', async () => {
    const r = await cli(dir, ['agenda', 'add-question', 'team.energy', 's4'], {});
    assert.equal(r.code, 0, r.err);
    const s4 = '  - { id: s4, at: "2026-12-03T15:00:00+00:00", status: planned, agenda: ["What was most valuable in this session, and what should we change next time?"';
    assert.equal(readFileSync(path, 'utf8'), FILE.replace(`${s4}] }`, `${s4}, What gave you energy this week?] }`));
  });

  it('refuses a number past the list, an id that does not fit, an unknown session; a file with errors is never written', async () => {
    const past = await cli(dir, ['agenda', 'add-question', '7'], {});
    assert.equal(past.code, 1);
    assert.match(past.err, /session s3 has 6 questions to ask, so there is no number 7/);
    const unfit = await cli(dir, ['agenda', 'add-question', 'first-session.hopes'], {});
    assert.equal(unfit.code, 1);
    assert.match(unfit.err, /no question "first-session.hopes" fits session s3/);
    const none = await cli(dir, ['agenda', 'questions', 'nope'], {});
    assert.equal(none.code, 1);
    assert.match(none.err, /no session "nope"/);
    assert.equal((await cli(dir, ['agenda', 'add-question'], {})).code, 2);
    assert.equal(readFileSync(path, 'utf8'), FILE);

    const broken = FILE.replace('when: first-session', 'when: first');
    writeFileSync(path, broken);
    const bad = await cli(dir, ['agenda', 'add-question', '1'], {});
    assert.equal(bad.code, 1);
    assert.match(bad.err, /has errors; run `mentoring check` first/);
    const check = await cli(dir, ['check'], {});
    assert.match(check.out + check.err, /\.mentoring\.yaml:18:13: error: `questions\[1\]\.when` must be one of first-session, late-cancellation, goal-due, undone-tasks, feedback, any/);
    assert.equal(readFileSync(path, 'utf8'), broken);
  });
});
