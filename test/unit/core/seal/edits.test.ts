import * as assert from 'node:assert/strict';
import { setKey, setNotes } from '../../../../src/core/seal/edits';
import { keygen } from './realAge';

const NOW = new Date('2026-11-20T10:00:00Z');
const ctx = { now: NOW, utcOffsetMinutes: 0 };
const mentor = keygen();
const mentee = keygen();

const FILE = `version: 1
agreement:
  mentor:
    name: Ana   # she/her
  mentee: { name: Ben }
  started: 2026-08-31
sessions:
  - id: s1
    at: 2026-11-19T15:00:00Z
    status: held
    notes: Plain old notes
`;

describe('seal: key and notes edits', () => {
  it('setKey writes the key in place, keeping every other byte; says plain confidential text is still plain', () => {
    const r = setKey(FILE, { role: 'mentor', key: `  ${mentor.recipient.toUpperCase()} ` }, ctx);
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.text, FILE.replace('    name: Ana   # she/her\n', `    name: Ana   # she/her\n    key: ${mentor.recipient}\n`));
    assert.deepEqual(r.warnings, ['1 confidential field is still plain text: `mentoring reseal` seals it (git history keeps the old text; see docs/confidentiality.md).']);
    const flow = setKey(r.text, { role: 'mentee', key: mentee.recipient }, ctx);
    assert.ok(flow.ok);
    assert.match(flow.text, new RegExp(`  mentee: \\{ name: Ben, key: ${mentee.recipient} \\}\\n`));
  });

  it('setKey refuses a bad key naming what is wrong, the same key again, and warns on a replaced or shared key', () => {
    const bad = setKey(FILE, { role: 'mentor', key: mentor.recipient.replace(/.$/, (c) => (c === 'q' ? 'p' : 'q')) }, ctx);
    assert.deepEqual(bad, { ok: false, message: "That is not a usable age public key: the age public key's checksum does not match: a character was mistyped or changed, copy it again. Nothing was changed." });
    const once = setKey(FILE, { role: 'mentor', key: mentor.recipient }, ctx);
    assert.ok(once.ok);
    const again = setKey(once.text, { role: 'mentor', key: mentor.recipient }, ctx);
    assert.deepEqual(again, { ok: false, message: `The mentor's key is already ${mentor.recipient}. Nothing was changed.` });
    const replaced = setKey(once.text, { role: 'mentor', key: mentee.recipient }, ctx);
    assert.ok(replaced.ok);
    assert.match(replaced.warnings.join('\n'), /replaces the mentor's previous key/);
    const shared = setKey(once.text, { role: 'mentee', key: mentor.recipient }, ctx);
    assert.ok(shared.ok);
    assert.match(shared.warnings.join('\n'), /also the mentor's key/);
  });

  it('setNotes replaces the notes, or adds them after the status; refuses an unknown session or empty text', () => {
    const r = setNotes(FILE, { session: 's1', notes: 'Line one\nLine two\n' }, ctx);
    assert.ok(r.ok);
    assert.ok(r.text.endsWith('    status: held\n    notes: |-\n      Line one\n      Line two\n'));
    const fresh = setNotes(FILE.replace('    notes: Plain old notes\n', ''), { session: 's1', notes: 'New' }, ctx);
    assert.ok(fresh.ok && fresh.text.endsWith('    status: held\n    notes: New\n'));
    assert.deepEqual(setNotes(FILE, { session: 's9', notes: 'x' }, ctx), { ok: false, message: 'There is no session "s9". Sessions: s1. Nothing was changed.' });
    assert.deepEqual(setNotes(FILE, { session: 's1', notes: '  \n ' }, ctx), { ok: false, message: 'The note is empty. Nothing was changed.' });
  });
});
