import * as assert from 'node:assert/strict';
import { armor, Encrypter } from 'age-encryption';
import { open, seal, SealError } from '../../../../src/core/seal/age';
import { ARMOR_BEGIN, ARMOR_END, inspectArmor, isSealed, MAX_STANZAS } from '../../../../src/core/seal/armor';
import { ageOpen, ageSeal, keygen } from './realAge';

const TEXT = 'We talked about the failed release.\nÜnïcödé, "quotes", # and: colons.\n';

describe('seal: seal and open with age', function () {
  this.timeout(30_000);
  const mentor = keygen();
  const mentee = keygen();
  const stranger = keygen();

  it('seals to the pair as age armor ending in a newline; either key opens it', async () => {
    const armor = await seal(TEXT, [mentor.recipient, mentee.recipient]);
    assert.ok(armor.startsWith(`${ARMOR_BEGIN}\n`));
    assert.ok(armor.endsWith(`${ARMOR_END}\n`));
    assert.ok(isSealed(armor));
    assert.ok(!armor.includes('release'));
    assert.deepEqual(await open(armor, [mentor.identity]), { ok: true, text: TEXT });
    assert.deepEqual(await open(armor, [mentee.identity]), { ok: true, text: TEXT });
    const info = inspectArmor(armor);
    assert.ok(info.ok);
    assert.deepEqual(info.ok && info.stanzaTypes, ['X25519', 'X25519']);
  });

  it('a third key opens nothing, and says so without an error', async () => {
    const armor = await seal(TEXT, [mentor.recipient, mentee.recipient]);
    const r = await open(armor, [stranger.identity]);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'not-for-you');
    assert.equal((await open(armor, [])).ok, false);
    // the stranger's key among others still finds the one that fits
    assert.deepEqual(await open(armor, [stranger.identity, mentee.identity]), { ok: true, text: TEXT });
  });

  it('sealed by our code, opened by the real `age -d -i` with either key, not with a third', async () => {
    const armor = await seal(TEXT, [mentor.recipient, mentee.recipient]);
    for (const k of [mentor, mentee]) {
      const r = ageOpen(armor, k.file);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, TEXT);
    }
    const r = ageOpen(armor, stranger.file);
    assert.notEqual(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.err, /no identity matched/);
  });

  it('sealed by the real `age -a -r … -r …`, opened by our code with either key, not with a third', async () => {
    const armor = ageSeal(TEXT, [mentor.recipient, mentee.recipient]);
    assert.ok(isSealed(armor));
    assert.deepEqual(await open(armor, [mentor.identity]), { ok: true, text: TEXT });
    assert.deepEqual(await open(armor, [mentee.identity]), { ok: true, text: TEXT });
    assert.equal((await open(armor, [stranger.identity])).ok, false);
  });

  it('each seal is new: the same text sealed twice gives different armor', async () => {
    const a = await seal('same', [mentor.recipient]);
    const b = await seal('same', [mentor.recipient]);
    assert.notEqual(a, b);
  });

  it('refuses to seal to a bad key, to nobody, or more than the limit', async () => {
    await assert.rejects(seal('x', []), SealError);
    await assert.rejects(seal('x', [mentor.recipient.slice(0, -1)]), /cannot seal to .*61 characters long/);
    await assert.rejects(seal('x', [mentor.identity]), /secret key/);
    await assert.rejects(seal('é'.repeat(140_000), [mentor.recipient]), /at most 256 KB/);
  });

  it('a damaged armor is "damaged", with the line and column inside the block', async () => {
    const armor = await seal(TEXT, [mentor.recipient]);
    const lines = armor.split('\n');
    // a changed character in the body: the MAC or the payload check fails
    const body = lines.slice();
    const last = body.length - 3;
    body[last] = (body[last] as string).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const r1 = await open(body.join('\n'), [mentor.identity]);
    assert.equal(!r1.ok && r1.reason, 'damaged');
    // a character that is not Base64
    const starred = lines.slice();
    starred[1] = `${(starred[1] as string).slice(0, 5)}*${(starred[1] as string).slice(6)}`;
    const r2 = await open(starred.join('\n'), [mentor.identity]);
    assert.deepEqual(r2.ok || r2.reason !== 'damaged' ? undefined : [r2.reason, r2.line, r2.column], ['damaged', 2, 6]);
    // cut off
    const r3 = await open(lines.slice(0, 3).join('\n'), [mentor.identity]);
    assert.match(r3.ok ? '' : r3.message, /no -----END AGE ENCRYPTED FILE----- line/);
  });

  it('stays bounded on hostile armor: too large, too many recipients, a passphrase file', async () => {
    const huge = `${ARMOR_BEGIN}\n${'A'.repeat(64).concat('\n').repeat(9000)}${ARMOR_END}\n`;
    const big = inspectArmor(huge);
    assert.equal(!big.ok && big.code, 'too-large');
    const many = keygen();
    const recipients = Array.from({ length: MAX_STANZAS + 1 }, (_, i) => (i === 0 ? many.recipient : keygen().recipient));
    const crowded = ageSeal('x', recipients);
    const r = await open(crowded, [many.identity]);
    assert.match(r.ok ? '' : r.message, /more than 32 recipients/);
    // a header that is not age's
    const fake = `${ARMOR_BEGIN}\n${Buffer.from('not an age file\n--- x\n').toString('base64')}\n${ARMOR_END}\n`;
    const r2 = await open(fake, [many.identity]);
    assert.match(r2.ok ? '' : r2.message, /not an age file/);
    // sealed with a passphrase: never tried (no scrypt work), just not for this key
    const e = new Encrypter();
    e.setPassphrase('correct horse');
    e.setScryptWorkFactor(10);
    const withPassphrase = armor.encode(await e.encrypt('x'));
    const r3 = await open(withPassphrase, [many.identity]);
    assert.deepEqual(r3.ok ? undefined : [r3.reason, r3.message], ['not-for-you', 'it is sealed to a passphrase, not to X25519 keys']);
  });
});
