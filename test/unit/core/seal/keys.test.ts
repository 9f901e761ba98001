import * as assert from 'node:assert/strict';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { formatIdentityFile, parseIdentity, parseIdentityFile, parseRecipient, RECIPIENT_LENGTH } from '../../../../src/core/seal/keys';
import { keygen } from './realAge';

describe('seal: keys', () => {
  it('accepts the keys age-keygen makes, public and secret, in either case', () => {
    const k = keygen();
    assert.deepEqual(parseRecipient(k.recipient), { ok: true, key: k.recipient });
    assert.deepEqual(parseRecipient(`  ${k.recipient.toUpperCase()}\n`), { ok: true, key: k.recipient });
    assert.deepEqual(parseIdentity(k.identity), { ok: true, key: k.identity });
    assert.deepEqual(parseIdentity(k.identity.toLowerCase()), { ok: true, key: k.identity });
  });

  it('accepts the keys typage makes', async () => {
    const id = await generateX25519Identity();
    const r = await identityToRecipient(id);
    assert.equal(parseIdentity(id).ok, true);
    assert.equal(parseRecipient(r).ok, true);
    assert.equal(r.length, RECIPIENT_LENGTH);
  });

  it('refuses a bad public key, saying what is wrong', () => {
    const { recipient, identity } = keygen();
    const why = (s: string): string => {
      const r = parseRecipient(s);
      assert.equal(r.ok, false, s);
      return r.ok ? '' : r.message;
    };
    // one character changed (to another valid one): the checksum catches it
    const i = 20;
    const swapped = recipient.slice(0, i) + (recipient[i] === 'q' ? 'p' : 'q') + recipient.slice(i + 1);
    assert.match(why(swapped), /checksum does not match/);
    assert.match(why(recipient.slice(0, -1)), /61 characters long, not 62/);
    assert.match(why(recipient + 'q'), /63 characters long, not 62/);
    assert.match(why(recipient.slice(0, 10) + 'b' + recipient.slice(11)), /character 11 is "b"/);
    assert.match(why(recipient.slice(0, 10) + 'o' + recipient.slice(11)), /character 11 is "o"/);
    const letter = recipient.slice(4).search(/[a-z]/) + 4;
    assert.match(why(recipient.slice(0, letter) + recipient.charAt(letter).toUpperCase() + recipient.slice(letter + 1)), /mixes upper and lower case/);
    assert.match(why(identity), /secret key .*never to be written into the repository/);
    assert.match(why('age1pq1' + 'q'.repeat(60)), /post-quantum/);
    assert.match(why('age1yubikey1' + 'q'.repeat(50)), /plugin or tag recipient \(age1yubikey1…\)/);
    assert.match(why('ssh-ed25519 AAAAC3Nza'), /starts with age1/);
    assert.match(why(''), /empty/);
    assert.match(why('age1' + 'q'.repeat(5000)), /far too long/);
  });

  it('refuses a bad secret key, saying what is wrong', () => {
    const { recipient, identity } = keygen();
    const why = (s: string): string => {
      const r = parseIdentity(s);
      assert.equal(r.ok, false, s);
      return r.ok ? '' : r.message;
    };
    assert.match(why(recipient), /public key/);
    assert.match(why(identity.slice(0, -2)), /72 characters long, not 74/);
    assert.match(why('AGE-SECRET-KEY-PQ-1' + 'Q'.repeat(60)), /post-quantum/);
    assert.match(why('AGE-PLUGIN-YUBIKEY-1QQQ'), /plugin/);
    const i = 40;
    assert.match(why(identity.slice(0, i) + (identity[i] === 'Q' ? 'P' : 'Q') + identity.slice(i + 1)), /checksum/);
  });

  it('reads identity files: comments, blank lines, CRLF, a BOM; names bad lines', () => {
    const a = keygen();
    const b = keygen();
    const text = `\uFEFF${a.file}\r\n# another\r\n\r\n${b.identity}\r\n${b.recipient}\r\n`;
    const f = parseIdentityFile(text);
    assert.deepEqual(f.identities, [a.identity, b.identity]);
    assert.equal(f.problems.length, 1);
    assert.equal(f.problems[0]?.line, 8);
    assert.match(f.problems[0]?.message ?? '', /public key/);
    assert.deepEqual(parseIdentityFile('x'.repeat(70_000)).identities, []);
    assert.match(parseIdentityFile('x'.repeat(70_000)).problems[0]?.message ?? '', /over 64 KB/);
  });

  it('writes identity files in age-keygen’s own format', () => {
    const k = keygen();
    const ours = formatIdentityFile(k.identity, k.recipient, new Date('2026-12-01T22:06:15.123Z'));
    assert.equal(ours, `# created: 2026-12-01T22:06:15Z\n# public key: ${k.recipient}\n${k.identity}\n`);
    // age-keygen's output has the same three lines, in the same order
    assert.deepEqual(
      ours.split('\n').map((l) => l.replace(/^# created: .*/, '# created:')),
      k.file.split('\n').map((l) => l.replace(/^# created: .*/, '# created:')),
    );
  });
});
