import { strict as assert } from 'node:assert';
import { applyNotesChange, parseNotes, serializeNotes, type PrivateNote } from '../../../src/editor/notesData';
import { isWithinPath } from '../../../src/editor/platform';

const note = (id: string, text = id): PrivateNote => ({ id, fileKey: 'file:///w/.mentoring.yaml', text, created: '2026-11-20T10:00:00.000Z' });

describe('private notes data (merge by id)', () => {
  it('an add merges into what is on disk: notes another window wrote stay, the same id is replaced', () => {
    assert.deepEqual(applyNotesChange([note('a'), note('b')], { add: note('c') }).map((n) => n.id), ['a', 'b', 'c']);
    assert.deepEqual(applyNotesChange([note('a', 'old')], { add: note('a', 'new') }), [note('a', 'new')]);
  });
  it('a removal drops only that id from what is on disk', () => {
    assert.deepEqual(applyNotesChange([note('a'), note('x'), note('b')], { remove: 'x' }).map((n) => n.id), ['a', 'b']);
  });
  it('round-trips, and refuses what is not a notes file (so it is never written over)', () => {
    assert.deepEqual(parseNotes(serializeNotes([note('a')])), [note('a')]);
    for (const bad of ['', 'not json', '{"version":2,"notes":[]}', '{"version":1,"notes":[{"id":""}]}']) assert.equal(parseNotes(bad), undefined, bad);
  });
});

describe('isWithinPath (real paths, the file system\'s letter case)', () => {
  it('is the folder or below it, never a sibling with the same prefix', () => {
    assert.ok(isWithinPath('/home/u/repo', '/home/u/repo', false));
    assert.ok(isWithinPath('/home/u/repo/notes/x', '/home/u/repo/', false));
    assert.ok(!isWithinPath('/home/u/repository', '/home/u/repo', false));
    assert.ok(isWithinPath('/anything', '/', false));
  });
  it('compares without case only where the file system does (macOS, Windows)', () => {
    assert.ok(!isWithinPath('/Users/U/Repo/notes', '/users/u/repo', false));
    assert.ok(isWithinPath('/Users/U/Repo/notes', '/users/u/repo', true));
    assert.ok(isWithinPath('C:\\Users\\U\\Repo\\notes', 'c:\\users\\u\\repo', true));
    assert.ok(!isWithinPath('C:\\Users\\U\\Repository', 'c:\\users\\u\\repo', true));
  });
});
