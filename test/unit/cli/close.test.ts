/** `mentoring close`: closing a real file, adding the other side's final feedback, the summary, and refusals that write nothing. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../../src/core/parse';
import { isSealed } from '../../../src/core/seal/armor';
import { ageOpen, keygen } from '../core/seal/realAge';
import { cli } from './run';

const NOW = new Date('2026-11-20T10:00:00Z');

const file = (keys = ''): string => `version: 1
agreement:
  mentor: { name: Ana${keys} }
  mentee: { name: Ben }
  started: 2026-06-01
  review: 2026-11-01
  goals:
    - { id: g1, title: Tests first, by: 2026-11-30 }
    - { id: g2, title: Own a release, by: 2026-11-30, status: active }
sessions:
  - { id: s1, at: "2026-10-01T15:00:00Z", status: held, feedback: [{ from: mentee, rating: 3 }] }
  - { id: s2, at: "2026-10-20T15:00:00Z", status: cancelled, cancelled: { at: "2026-10-19T15:00:00Z", by: mentee } }
  - { id: s3, at: "2026-11-10T15:00:00Z", status: held, feedback: [{ from: mentee, rating: 5 }, { from: mentor, rating: 4 }] }
  - { id: s4, at: "2026-11-25T15:00:00Z", status: planned }
tasks:
  - { id: t1, title: Write the test, status: done }
  - { id: t2, title: Read the guide, status: open, due: 2026-11-01 }
`;

describe('mentoring close (process)', function () {
  this.timeout(60_000);
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-close-'));
    path = join(dir, '.mentoring.yaml');
    writeFileSync(path, file());
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const closeArgs = ['close', '--from', 'mentor', '--outcome', 'g1=achieved:Every fix has a test', '--outcome', 'g2=dropped:The release moved'];

  it('closes: outcomes, final feedback and closed: in the file; the checks go quiet; the summary counts it all', async () => {
    const before = await cli(dir, ['check'], {});
    assert.match(before.out + before.err, /review-overdue/);
    const r = await cli(dir, [...closeArgs, '--rating', '5', '--valuable', 'Seeing Ben lead', '--change', 'Start earlier', '--date', '2026-11-20'], {});
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Closed the mentorship\. {2}\(\.mentoring\.yaml\)\n$/);
    assert.match(r.err, /warning: Session s4 is still planned/);
    const text = readFileSync(path, 'utf8');
    const m = parse(text, { now: NOW }).model;
    assert.deepEqual(m?.agreement.goals.map((g) => [g.status, g.outcome]), [['achieved', 'Every fix has a test'], ['dropped', 'The release moved']]);
    assert.deepEqual(m?.closed, { on: '2026-11-20', by: 'mentor', feedback: [{ from: 'mentor', rating: 5, valuable: 'Seeing Ben lead', change: 'Start earlier', at: '2026-11-20T10:00:00Z' }] });
    assert.ok(text.startsWith(file().split('  goals:')[0] as string), 'what closing did not touch is byte for byte the same');

    const check = await cli(dir, ['check'], {});
    assert.equal(check.code, 0, check.err);
    assert.doesNotMatch(check.out + check.err, /review-overdue|task-overdue|topic-not-announced/);

    const s = await cli(dir, ['close', '--summary'], {});
    assert.equal(s.code, 0, s.err);
    assert.match(s.out, /^# Closing summary: Ana and Ben\n/);
    assert.ok(s.out.includes('- **Closed:** 2026-11-20 by the mentor'));
    assert.ok(s.out.includes('- **Tests first** (g1) — achieved: Every fix has a test'));
    assert.ok(s.out.includes('- Held: 2\n- Cancelled: 1\n- Planned, not held: 1'));
    assert.ok(s.out.includes('- Done: 1\n- Dropped: 0\n- Open: 1'));
    assert.ok(s.out.includes('| s1 | 2026-10-01 | – | 3 | 3 |\n| s3 | 2026-11-10 | 4 | 5 | 4.5 |'));
    assert.ok(s.out.includes('- **Mentor** (5/5) — valuable: Seeing Ben lead; change: Start earlier'));
    assert.ok(s.out.includes('- **Mentee** — _not given yet_'));

    const mentee = await cli(dir, ['close', '--add-feedback', '--from', 'mentee', '--rating', '4', '--valuable', 'The reviews'], {});
    assert.equal(mentee.code, 0, mentee.err);
    assert.match(mentee.out, /Added the mentee's final feedback/);
    assert.ok((await cli(dir, ['close', '--summary'], {})).out.includes('- **Mentee** (4/5) — valuable: The reviews'));
  });

  it('a file already closed: a clear message, exit 1, nothing written', async () => {
    assert.equal((await cli(dir, [...closeArgs, '--rating', '4'], {})).code, 0);
    const closed = readFileSync(path, 'utf8');
    const again = await cli(dir, [...closeArgs, '--rating', '2'], {});
    assert.equal(again.code, 1);
    assert.match(again.err, /already closed on 2026-11-20 by the mentor; nothing was written/);
    assert.match(again.err, /mentoring close --add-feedback/);
    assert.equal(readFileSync(path, 'utf8'), closed);
    const twice = await cli(dir, ['close', '--add-feedback', '--from', 'mentor', '--rating', '3'], {});
    assert.equal(twice.code, 1);
    assert.match(twice.err, /mentor's final feedback is already recorded/);
    assert.equal(readFileSync(path, 'utf8'), closed);
  });

  it('refuses what it cannot do, naming it, and writes nothing', async () => {
    const cases: [string[], number, RegExp][] = [
      [['close', '--from', 'mentor', '--outcome', 'g1=achieved:Done'], 1, /still open: g2 "Own a release"/],
      [['close', '--from', 'mentor', '--outcome', 'g1=achieved'], 2, /needs a line why, after a colon/],
      [['close', '--from', 'mentor', '--outcome', 'g1=finished:x'], 2, /GOAL=achieved:WHY or GOAL=dropped:WHY/],
      [['close', '--outcome', 'g1=achieved:x', '--outcome', 'g2=dropped:y'], 2, /--from mentor\|mentee says who closes/],
      [[...closeArgs, '--rating', '9'], 2, /--rating must be a whole number from 1 to 5/],
      [[...closeArgs, '--date', '2026-02-30'], 1, /closing date "2026-02-30" is not valid/],
      [['close', '--add-feedback', '--from', 'mentee', '--rating', '4'], 1, /not closed yet/],
      [['close', '--summary', '--from', 'mentor'], 2, /--summary only prints/],
      [['close', 'a.yaml', 'b.yaml'], 2, /at most one file/],
    ];
    for (const [args, code, message] of cases) {
      const r = await cli(dir, args, {});
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message, args.join(' '));
      assert.equal(readFileSync(path, 'utf8'), file(), args.join(' '));
    }
  });

  it('takes the file as FILE, and refuses a file with errors without writing', async () => {
    const other = join(dir, 'other.mentoring.yaml');
    writeFileSync(other, file().replace('started: 2026-06-01', 'started: 2026-13-01'));
    const bad = await cli(dir, [...closeArgs.slice(0, 1), 'other.mentoring.yaml', ...closeArgs.slice(1)], {});
    assert.equal(bad.code, 1);
    assert.match(bad.err, /other\.mentoring\.yaml:5:\d+: error/);
    rmSync(other);
    const ok = await cli(dir, ['close', '.mentoring.yaml', ...closeArgs.slice(1)], {});
    assert.equal(ok.code, 0, ok.err);
  });

  it('with keys, the final feedback is sealed in the file; the summary shows it only to a key that opens it', async () => {
    const mentor = keygen();
    writeFileSync(path, file(`, key: ${mentor.recipient}`));
    const r = await cli(dir, [...closeArgs, '--rating', '5', '--valuable', 'Secret praise'], {});
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Sealed feedback ratings, feedback on what was valuable for Ana \(mentor\)/);
    const text = readFileSync(path, 'utf8');
    assert.ok(!text.includes('Secret praise'));
    const fb = parse(text, { now: NOW }).model?.closed?.feedback[0];
    assert.ok(fb && isSealed(fb.valuable) && isSealed(fb.rating));
    assert.equal(ageOpen(String(fb.valuable), mentor.file).out, 'Secret praise');

    const home = mkdtempSync(join(tmpdir(), 'mentoring-close-home-'));
    try {
      const locked = await cli(dir, ['close', '--summary'], { HOME: home });
      assert.equal(locked.code, 0, locked.err);
      assert.ok(!locked.out.includes('Secret praise') && !locked.out.includes('AGE ENCRYPTED'));
      assert.ok(locked.out.includes('- **Mentor** — rating, valuable sealed'), locked.out);
      writeFileSync(join(home, 'keys.txt'), mentor.file, { mode: 0o600 });
      const opened = await cli(dir, ['close', '--summary', '--identity', join(home, 'keys.txt')], { HOME: home });
      assert.equal(opened.code, 0, opened.err);
      assert.ok(opened.out.includes('- **Mentor** (5/5) — valuable: 🔒 Secret praise'), opened.out);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
