import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse';
import { seal } from '../../../../src/core/seal/age';
import { openModel, openOne, sealedFieldAt } from '../../../../src/core/seal/read';
import { openedSummary } from '../../../../src/core/seal/summary';
import { setIn } from '../../../../src/core/yaml/edit';
import { ageSeal, keygen } from './realAge';

const NOW = new Date('2026-11-20T10:00:00Z');
const mentor = keygen();
const mentee = keygen();
const stranger = keygen();

async function sealedFile(): Promise<string> {
  let text = `version: 1
agreement:
  mentor: { name: Ana, key: ${mentor.recipient} }
  mentee: { name: Ben, key: ${mentee.recipient} }
  started: 2026-08-31
sessions:
  - id: s1
    at: 2026-11-19T15:00:00Z
    status: held
    feedback:
      - from: mentee
        rating: 3
threads:
  - id: t1
    file: src/a.ts
    line: 2
    comments:
      - author: Ana
        body: plain for now
`;
  text = setIn(text, ['sessions', 0, 'notes'], await seal('Our notes', [mentor.recipient, mentee.recipient]));
  text = setIn(text, ['sessions', 0, 'feedback', 0, 'rating'], ageSeal('4', [mentor.recipient, mentee.recipient]));
  text = setIn(text, ['threads', 0, 'comments', 0, 'body'], await seal('Not for you', [stranger.recipient]));
  return text;
}

describe('seal: a model as one reader sees it', function () {
  this.timeout(20_000);

  it('opens what the keys open (a rating back to its number), keeps the rest, lists each with its readers', async () => {
    const model = parse(await sealedFile(), { now: NOW }).model;
    assert.ok(model);
    const r = await openModel(model, [mentee.identity]);
    assert.equal(r.model.sessions[0]?.notes, 'Our notes');
    assert.equal(r.model.sessions[0]?.feedback[0]?.rating, 4);
    assert.equal(r.model.threads[0]?.comments[0]?.body, model.threads[0]?.comments[0]?.body, 'still the armor');
    assert.deepEqual(
      r.fields.map((f) => [f.path.join('.'), f.opened, f.readers]),
      [
        ['sessions.0.notes', true, 'Ana (mentor) and Ben (mentee)'],
        ['sessions.0.feedback.0.rating', true, 'Ana (mentor) and Ben (mentee)'],
        ['threads.0.comments.0.body', false, 'Ana (mentor) and Ben (mentee)'],
      ],
    );
    // the parsed model, frozen and shared, is untouched
    assert.ok(String(model.sessions[0]?.notes).startsWith('-----BEGIN AGE ENCRYPTED FILE-----'));
    assert.ok(Object.isFrozen(model.sessions[0]));
  });

  it('shows what the caller chooses for sealed fields, and opens only the selected ones', async () => {
    const model = parse(await sealedFile(), { now: NOW }).model;
    assert.ok(model);
    const r = await openModel(model, [stranger.identity], {
      select: (fv) => fv.path[0] === 'threads',
      locked: (readers) => `sealed — readable by ${readers}`,
    });
    assert.equal(r.model.threads[0]?.comments[0]?.body, 'Not for you');
    assert.equal(r.model.sessions[0], model.sessions[0], 'no session copied');
    const none = await openModel(model, [], { locked: (readers) => `sealed — readable by ${readers}` });
    assert.equal(none.model.sessions[0]?.notes, 'sealed — readable by Ana (mentor) and Ben (mentee)');
    assert.equal(none.fields.filter((f) => f.opened).length, 0);
  });

  it('finds the sealed field under an offset, and opens that one only', async () => {
    const text = await sealedFile();
    const parsed = parse(text, { now: NOW });
    assert.ok(parsed.model && parsed.doc);
    const inside = text.indexOf('-----BEGIN AGE ENCRYPTED FILE-----', text.indexOf('notes:')) + 40;
    const at = sealedFieldAt(parsed.model, parsed.doc, inside);
    assert.deepEqual(at?.fv.path, ['sessions', 0, 'notes']);
    assert.ok(at && at.offset <= inside && inside <= at.endOffset);
    assert.equal(sealedFieldAt(parsed.model, parsed.doc, text.indexOf('status: held')), undefined, 'a plain value is no sealed field');
    const mine = await openOne(parsed.model, at.fv, [mentor.identity]);
    assert.deepEqual([mine?.text, mine?.field.opened, mine?.field.readers], ['Our notes', true, 'Ana (mentor) and Ben (mentee)']);
    const theirs = await openOne(parsed.model, at.fv, [stranger.identity]);
    assert.deepEqual([theirs?.text, theirs?.field.opened, theirs?.field.readers], [undefined, false, 'Ana (mentor) and Ben (mentee)']);
    assert.match(theirs?.field.why ?? '', /none of your keys/);
  });

  it('a summary opened for a reader has the lock; for anyone else who can read it, never armor', async () => {
    const model = parse(await sealedFile(), { now: NOW }).model;
    assert.ok(model);
    const mine = await openedSummary(model, 's1', [mentee.identity]);
    assert.match(mine.markdown, /## Notes\n\n🔒 Our notes/);
    assert.match(mine.markdown, /\(4\/5\)/);
    assert.deepEqual([mine.opened, mine.locked], [['readable by Ana (mentor) and Ben (mentee)'], 0]);
    assert.match(mine.markdown, /_🔒 readable by Ana \(mentor\) and Ben \(mentee\): sealed in the file, shown opened with your key\. Keep this summary out of the repository\._\n$/);
    const theirs = await openedSummary(model, 's1', []);
    assert.deepEqual([theirs.opened, theirs.locked], [[], 2]);
    assert.match(theirs.markdown, /🔒 sealed — readable by Ana \(mentor\) and Ben \(mentee\)/);
    assert.doesNotMatch(theirs.markdown, /AGE ENCRYPTED|Our notes/);
    await assert.rejects(openedSummary(model, 'nope', []), /There is no session "nope"/);
  });
});
