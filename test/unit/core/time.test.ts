import { strict as assert } from 'node:assert';
import { parseDate, parseWhen, toLocalIso, toPromptValue } from '../../../src/core/time';

describe('prompt dates and times', () => {
  it('reads local date-times and keeps explicit offsets', () => {
    const local = parseWhen('2026-12-03 15:00');
    assert.ok('iso' in local);
    assert.equal(Date.parse(local.iso), new Date(2026, 11, 3, 15, 0).getTime());
    assert.match(local.iso, /^2026-12-03T15:00:00[+-]\d{2}:\d{2}$/);
    assert.deepEqual(parseWhen('2026-12-03T09:30+01:00'), { iso: '2026-12-03T09:30:00+01:00' });
    assert.deepEqual(parseWhen('2026-12-03 9:30:15z'), { iso: '2026-12-03T09:30:15Z' });
  });
  it('explains what to type on bad input', () => {
    for (const bad of ['tomorrow', '2026-12-03', '2026-02-30 10:00', '2026-12-03 24:00', '2026-12-03 10:60']) {
      const r = parseWhen(bad);
      assert.ok('error' in r, bad);
      assert.match(r.error, /Type a date|does not exist/);
    }
  });
  it('reads dates', () => {
    assert.deepEqual(parseDate(' 2027-02-15 '), { date: '2027-02-15' });
    assert.ok('error' in parseDate('2027-02-30'));
    assert.ok('error' in parseDate('15/02/2027'));
  });
  it('formats local times with their offset', () => {
    const d = new Date(2026, 0, 5, 7, 4);
    assert.equal(Date.parse(toLocalIso(d)), d.getTime());
    assert.equal(toPromptValue(d), '2026-01-05 07:04');
  });
});
