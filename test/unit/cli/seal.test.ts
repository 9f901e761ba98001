/**
 * Sealing through the CLI as a process, end to end on a real file: keys added, feedback and
 * notes written sealed, read back, opened by the real `age` with either key, `age`-sealed text
 * read by `mentoring note show`, reseal to a new reader, summary with and without a key.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../../src/core/parse';
import { setIn } from '../../../src/core/yaml/edit';
import { ageOpen, ageSeal, keygen } from '../core/seal/realAge';
import { cli } from './run';

const START = `version: 1
# Ana mentors Ben.
agreement:
  mentor:
    name: Ana
  mentee:
    name: Ben
  started: 2026-08-31
  expectations:
    confidentiality: what we discuss stays between us
sessions: []
`;

describe('mentoring CLI: sealed fields', function () {
  this.timeout(120_000);
  const temps: string[] = [];
  after(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it('keys added, feedback and notes sealed, read with either key, opened by the real age, refused to a third', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-seal-'));
    temps.push(dir);
    const file = join(dir, '.mentoring.yaml');
    writeFileSync(file, START);
    const env = { HOME: join(dir, 'home') };
    const read = (): string => readFileSync(file, 'utf8');

    // the mentor's key from our CLI, the mentee's from age-keygen, a stranger's too
    const gen = await cli(dir, ['key', 'generate', '--out', 'mentor-keys.txt'], env);
    assert.equal(gen.code, 0, gen.err);
    const mentorPub = gen.out.trim().split('\n').pop() as string;
    const mentorFile = readFileSync(join(dir, 'mentor-keys.txt'), 'utf8');
    const mentee = keygen();
    writeFileSync(join(dir, 'mentee-keys.txt'), mentee.file, { mode: 0o600 });
    const stranger = keygen();
    writeFileSync(join(dir, 'stranger-keys.txt'), stranger.file, { mode: 0o600 });

    // a bad key is refused, naming what is wrong, and nothing is written
    const bad = await cli(dir, ['key', 'add', '--role', 'mentor', mentorPub.slice(0, -1)], env);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /not a usable age public key: the age public key is 61 characters long, not 62/);
    assert.equal(read(), START);
    const secret = await cli(dir, ['key', 'add', '--role', 'mentee', mentee.identity], env);
    assert.match(secret.err, /secret key .*never to be written into the repository/);
    assert.equal(read(), START);

    assert.equal((await cli(dir, ['key', 'add', '--role', 'mentor', mentorPub], env)).code, 0);
    const added = await cli(dir, ['key', 'add', '--role', 'mentee', mentee.recipient], env);
    assert.equal(added.code, 0, added.err);
    assert.ok(read().includes(`    name: Ana\n    key: ${mentorPub}\n`));
    assert.ok(read().includes(`    name: Ben\n    key: ${mentee.recipient}\n`));
    assert.ok(read().startsWith('version: 1\n# Ana mentors Ben.\n'));

    const plan = await cli(dir, ['session', 'plan', '--at', '2026-11-20T09:00:00Z', '--topic', 'Releases'], env);
    assert.equal(plan.code, 0, plan.err);
    const id = /Planned session (\S+)\./.exec(plan.out)?.[1] as string;
    const end = await cli(dir, ['session', 'end', id, '--rating', '4', '--valuable', 'The failed release story', '--change', 'Less slides', '--from', 'mentee'], env);
    assert.equal(end.code, 0, end.err);
    assert.match(end.err, /Sealed feedback ratings, feedback on what was valuable, feedback on what to change for Ana \(mentor\) and Ben \(mentee\)\./);
    const note = await cli(dir, ['note', 'add', id, 'Ben told me about his old team.'], env);
    assert.equal(note.code, 0, note.err);

    // the file on disk holds none of it; dates, status and topic stay readable
    const text = read();
    for (const secretText of ['failed release', 'Less slides', 'old team', 'rating: 4']) assert.ok(!text.includes(secretText), secretText);
    assert.match(text, /topic: Releases/);
    assert.match(text, /status: held/);
    assert.match(text, /notes: \|\n {6}-----BEGIN AGE ENCRYPTED FILE-----/);
    const checked = await cli(dir, ['check'], env);
    assert.equal(checked.code, 0, checked.out + checked.err);
    assert.equal(checked.out, '');

    // note show with either key; exit 1 naming whose key it needs for a third
    for (const k of ['mentor-keys.txt', 'mentee-keys.txt']) {
      const shown = await cli(dir, ['note', 'show', id, '--identity', k], env);
      assert.deepEqual([shown.code, shown.out], [0, 'Ben told me about his old team.\n'], shown.err);
    }
    const refused = await cli(dir, ['note', 'show', id], { ...env, MENTORING_IDENTITY: join(dir, 'stranger-keys.txt') });
    assert.equal(refused.code, 1);
    assert.match(refused.err, /The notes of session \S+ are sealed for Ana \(mentor\) and Ben \(mentee\), and your key .*stranger-keys\.txt\) cannot open them: .*They need the key of Ana \(mentor\) or Ben \(mentee\)\./);
    const noKey = await cli(dir, ['note', 'show', id], env);
    assert.equal(noKey.code, 1);
    assert.match(noKey.err, /sealed for Ana \(mentor\) and Ben \(mentee\); opening them needs one of their keys\. No key file at/);

    // the real age opens each sealed field with either key, and not with the stranger's
    const model = parse(read()).model;
    const s = model?.sessions[0];
    assert.ok(s);
    const fb = s.feedback[0];
    for (const f of [mentorFile, mentee.file]) {
      assert.equal(ageOpen(String(s.notes), f).out, 'Ben told me about his old team.');
      assert.equal(ageOpen(String(fb?.valuable), f).out, 'The failed release story');
      assert.equal(ageOpen(String(fb?.rating), f).out, '4');
    }
    assert.notEqual(ageOpen(String(s.notes), stranger.file).code, 0);

    // a second note is added to the sealed notes (opened with the mentee's key), sealed again
    const more = await cli(dir, ['note', 'add', id, 'Follow up next week.', '--identity', 'mentee-keys.txt'], env);
    assert.equal(more.code, 0, more.err);
    const both = await cli(dir, ['note', 'show', id, '--identity', 'mentor-keys.txt'], env);
    assert.equal(both.out, 'Ben told me about his old team.\n\nFollow up next week.\n');
    const cannot = await cli(dir, ['note', 'add', id, 'x', '--identity', 'stranger-keys.txt'], env);
    assert.equal(cannot.code, 1);
    assert.match(cannot.err, /cannot open them.*needs the key of Ana \(mentor\) or Ben \(mentee\); nothing was written/);

    // summary: decrypted with a lock for a reader, "sealed — readable by" for anyone else
    const mine = await cli(dir, ['summary', id, '--identity', 'mentor-keys.txt'], env);
    assert.equal(mine.code, 0, mine.err);
    assert.match(mine.out, /\*\*Mentee\*\* \(4\/5\) — valuable: 🔒 The failed release story; change: 🔒 Less slides/);
    assert.match(mine.out, /🔒 Ben told me about his old team\./);
    assert.match(mine.out, /_🔒 readable by Ana \(mentor\) and Ben \(mentee\): sealed in the file, shown opened with your key\. Keep this summary out of the repository\._/);
    const theirs = await cli(dir, ['summary', id], env);
    assert.equal(theirs.code, 0, theirs.err);
    assert.match(theirs.out, /\*\*Mentee\*\* \(rating 🔒 sealed — readable by Ana \(mentor\) and Ben \(mentee\)\) — valuable: 🔒 sealed — readable by Ana \(mentor\) and Ben \(mentee\)/);
    assert.ok(!theirs.out.includes('failed release'));
    assert.match(theirs.err, /4 sealed fields are shown as sealed/);
    // decrypted text redirected into the repository: a warning; outside it, none
    mkdirSync(join(dir, '.git'));
    const inRepo = await cli(dir, ['summary', id, '--identity', 'mentor-keys.txt'], env, '', join(dir, 'summary.md'));
    assert.equal(inRepo.code, 0, inRepo.err);
    assert.match(inRepo.err, /warning: this summary holds text opened from sealed fields, and it is going to .*summary\.md, inside the repository at .*: keep that file out of git/);
    assert.match(readFileSync(join(dir, 'summary.md'), 'utf8'), /🔒 Ben told me about his old team\./);
    const outside = mkdtempSync(join(tmpdir(), 'mentoring-out-'));
    temps.push(outside);
    const elsewhere = await cli(dir, ['summary', id, '--identity', 'mentor-keys.txt'], env, '', join(outside, 'summary.md'));
    assert.doesNotMatch(elsewhere.err, /warning/);
    const lockedOnly = await cli(dir, ['summary', id], env, '', join(dir, 'sealed-only.md'));
    assert.doesNotMatch(lockedOnly.err, /warning/, 'nothing decrypted, nothing to warn about');
    // --out works on every platform; the check follows real paths, so a symlink from outside into the repository counts
    const link = join(outside, 'into-repo');
    symlinkSync(dir, link);
    const viaLink = await cli(dir, ['summary', id, '--identity', 'mentor-keys.txt', '--out', join(link, 'via-link.md')], env);
    assert.equal(viaLink.code, 0, viaLink.err);
    assert.equal(viaLink.out, '');
    assert.match(viaLink.err, /warning: this summary holds text opened from sealed fields, and it is going to .*via-link\.md, inside the repository at /);
    assert.match(readFileSync(join(dir, 'via-link.md'), 'utf8'), /🔒 Ben told me about his old team\./);
    const outOutside = await cli(dir, ['summary', id, '--identity', 'mentor-keys.txt', '--out', join(outside, 'out.md')], env);
    assert.equal(outOutside.code, 0, outOutside.err);
    assert.doesNotMatch(outOutside.err, /warning/);
    assert.match(readFileSync(join(outside, 'out.md'), 'utf8'), /🔒 Ben told me about his old team\./);
    // no git repository at all: the mentoring file's own folder is where the pair's files live
    rmSync(join(dir, '.git'), { recursive: true });
    const noGit = await cli(dir, ['summary', id, '--identity', 'mentor-keys.txt', '--out', join(dir, 'sub', 'x.md')], env);
    assert.match(noGit.err, /warning: .*inside the repository at /);
  });

  it('age-sealed text is read by note show; reseal adds a reader for feedback only and lists what it cannot open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-seal-'));
    temps.push(dir);
    const file = join(dir, '.mentoring.yaml');
    const mentor = keygen();
    const mentee = keygen();
    const coordinator = keygen();
    const stranger = keygen();
    for (const [name, k] of [['mentor', mentor], ['mentee', mentee], ['coordinator', coordinator]] as const) writeFileSync(join(dir, `${name}.txt`), k.file, { mode: 0o600 });
    let text = START.replace('    name: Ana\n', `    name: Ana\n    key: ${mentor.recipient}\n`).replace('    name: Ben\n', `    name: Ben\n    key: ${mentee.recipient}\n`);
    text = text.replace('sessions: []\n', 'sessions:\n  - id: s1\n    at: 2026-11-12T15:00:00Z\n    status: held\n  - id: s2\n    at: 2026-11-19T15:00:00Z\n    status: held\n');
    text = setIn(text, ['sessions', 0, 'notes'], ageSeal('Sealed by age itself.\n', [mentor.recipient, mentee.recipient]));
    text = setIn(text, ['sessions', 1, 'notes'], ageSeal('For someone else.\n', [stranger.recipient]));
    writeFileSync(file, text);
    const env = { HOME: join(dir, 'home') };

    for (const k of ['mentor.txt', 'mentee.txt']) {
      const shown = await cli(dir, ['note', 'show', 's1', '--identity', k], env);
      assert.deepEqual([shown.code, shown.out], [0, 'Sealed by age itself.\n'], shown.err);
    }
    // feedback given by hand before the coordinator was added: plain in the file
    writeFileSync(file, text.replace('  - id: s2\n', '  - id: s2\n    feedback:\n      - from: mentee\n        valuable: Plain feedback\n'));
    const withCoordinator = readFileSync(file, 'utf8').replace('  started: 2026-08-31\n', `  started: 2026-08-31\n  recipients:\n    - name: Program coordinator\n      key: ${coordinator.recipient}\n      fields: [feedback]\n`);
    writeFileSync(file, withCoordinator);
    const warned = await cli(dir, ['check'], env);
    assert.match(warned.out, /\.mentoring\.yaml:\d+:\d+: warning: The valuable in the mentee's feedback on session s2 is plain text.*git history still holds this text/);

    const r = await cli(dir, ['reseal', '--identity', 'mentor.txt'], env);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Resealed 1 field for Ana \(mentor\) and Ben \(mentee\)/);
    assert.match(r.out, /Sealed 1 plain field \(feedback on what was valuable\)\. Git history still holds their old text/);
    assert.match(r.err, /Left 1 sealed field as it was.*\n {2}the notes of session s2: none of your keys is among its recipients\n/);
    const after = parse(readFileSync(file, 'utf8')).model;
    assert.ok(after);
    const valuable = String(after.sessions[1]?.feedback[0]?.valuable);
    assert.equal(ageOpen(valuable, coordinator.file).out, 'Plain feedback');
    assert.equal(ageOpen(valuable, mentee.file).out, 'Plain feedback');
    assert.notEqual(ageOpen(String(after.sessions[0]?.notes), coordinator.file).code, 0, 'the coordinator reads feedback only');
    assert.equal(ageOpen(String(after.sessions[0]?.notes), mentee.file).out, 'Sealed by age itself.\n');
    assert.equal(String(after.sessions[1]?.notes), String(parse(text).model?.sessions[1]?.notes), 'left byte for byte');
    assert.equal((await cli(dir, ['check'], env)).out, '');

    // sealed notes, but no key left in the agreement: adding would unseal them, so it is refused
    const keyless = readFileSync(file, 'utf8').replace(/\n {4}key: age1\w+/g, '');
    writeFileSync(file, keyless);
    const unsealing = await cli(dir, ['note', 'add', 's1', 'More', '--identity', 'mentor.txt'], env);
    assert.equal(unsealing.code, 1);
    assert.match(unsealing.err, /would write them out in plain text/);
    assert.equal(readFileSync(file, 'utf8'), keyless);
  });
});
