import { strict as assert } from 'node:assert';
import { MentoringFile } from '../../../../src/core/schema';
import { ENGLISH_STATUS, durationMs, formatCountdown, formatElapsed, statusText, type StatusWords } from '../../../../src/core/views/status';

const H = 3600_000;

function model(sessions: unknown[], topicNotice = '48h'): MentoringFile {
  return MentoringFile.parse({
    version: 1,
    agreement: {
      mentor: { name: 'Ana Silva' },
      mentee: { name: 'Ben Okafor' },
      started: '2026-09-01',
      expectations: { topicNotice },
    },
    sessions,
  });
}

describe('status bar text', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it('parses durations', () => {
    assert.equal(durationMs('45m'), 45 * 60_000);
    assert.equal(durationMs('24h'), 24 * H);
    assert.equal(durationMs('2d'), 48 * H);
    assert.equal(durationMs('1w'), 168 * H);
    assert.equal(durationMs('1h30m'), 1.5 * H);
    assert.equal(durationMs(''), undefined);
    assert.equal(durationMs('soon'), undefined);
    assert.equal(durationMs(undefined), undefined);
  });

  it('formats countdowns and elapsed time', () => {
    assert.equal(formatCountdown(30_000), 'now');
    assert.equal(formatCountdown(20 * 60_000), '20 minutes');
    assert.equal(formatCountdown(3 * H + 20 * 60_000), '3 hours 20 minutes');
    assert.equal(formatCountdown(2 * H), '2 hours');
    assert.equal(formatCountdown(51 * H + 29 * 60_000), '2 days 3 hours');
    assert.equal(formatCountdown(48 * H), '2 days');
    assert.equal(formatElapsed(5 * 60_000), '0:05');
    assert.equal(formatElapsed(H + 42 * 60_000), '1:42');
  });

  it('is idle without a model or a future session', () => {
    assert.equal(statusText(undefined, now, 24 * H).kind, 'idle');
    const past = model([{ id: 's1', at: '2026-11-19T15:00:00Z', topic: 'x', announced: '2026-11-10T00:00:00Z', status: 'held' }]);
    assert.equal(statusText(past, now, 24 * H).kind, 'idle');
  });

  it('counts down to the next announced session with its topic', () => {
    const m = model([
      { id: 'later', at: '2026-11-30T12:00:00Z', topic: 'Later', announced: '2026-11-01T00:00:00Z' },
      { id: 'soon', at: '2026-11-23T15:30:00Z', topic: 'Reading code', announced: '2026-11-18T00:00:00Z' },
      { id: 'gone', at: '2026-11-21T12:00:00Z', topic: 'Gone', announced: '2026-11-01T00:00:00Z', status: 'cancelled' },
    ]);
    const s = statusText(m, now, 24 * H);
    assert.equal(s.kind, 'next');
    assert.equal(s.sessionId, 'soon');
    assert.equal(s.text, '$(calendar) 3 days 4 hours · Reading code');
  });

  it('says "topic not announced" once within the lead time of the notice deadline', () => {
    // Session in 80h, notice 48h: deadline in 32h. Lead 24h: not yet; lead 40h: yes.
    const m = model([{ id: 'n', at: '2026-11-23T20:00:00Z' }]);
    const calm = statusText(m, now, 24 * H);
    assert.equal(calm.kind, 'next');
    assert.equal(calm.text, '$(calendar) 3 days 8 hours · topic to be announced');
    const near = statusText(m, now, 40 * H);
    assert.equal(near.kind, 'unannounced');
    assert.equal(near.text, '$(warning) Next session in 3 days 8 hours · topic not announced');
    assert.match(near.tooltip, /announce it within 1 day 8 hours/);
    const late = statusText(m, new Date('2026-11-23T00:00:00Z'), 0);
    assert.equal(late.kind, 'unannounced');
    assert.match(late.tooltip, /deadline has passed/);
  });

  it('shows the running session with elapsed time', () => {
    const m = model([
      { id: 'r', at: '2026-11-20T11:30:00Z', topic: 'Pairing', announced: '2026-11-15T00:00:00Z', started: '2026-11-20T11:35:00Z' },
      { id: 'n', at: '2026-11-23T20:00:00Z' },
    ]);
    const s = statusText(m, now, 24 * H);
    assert.equal(s.kind, 'running');
    assert.equal(s.text, '$(pulse) Session 0:25 · Pairing');
  });

  it('says everything in the words it is given (the display language), keeping icons, ids and topics', () => {
    // Each sentence marked, so the test sees which word function made which part.
    const marked = {
      ...Object.fromEntries(Object.keys(ENGLISH_STATUS).map((k) => [k, (...a: string[]) => `<${k}:${a.join('|')}>`])),
      // The countdown's words too: "3 days 8 hours" is said in the words given.
      duration: { lessThanAMinute: () => '<lt1m>', days: (n: number) => `<d${n}>`, hours: (n: number) => `<h${n}>`, minutes: (n: number) => `<m${n}>` },
    } as unknown as StatusWords;
    assert.deepEqual(statusText(undefined, now, 24 * H, marked), { text: '$(mortar-board) Mentoring', tooltip: '<idleTooltip:>', kind: 'idle' });
    const calm = statusText(model([{ id: 'n', at: '2026-11-23T20:00:00Z' }]), now, 24 * H, marked);
    assert.equal(calm.text, '$(calendar) <d3> <h8> · <toBeAnnounced:>');
    assert.equal(calm.tooltip, '<nextTooltip:n|2026-11-23T20:00:00Z|<d3> <h8>|<toBeAnnounced:>>');
    const near = statusText(model([{ id: 'n', at: '2026-11-23T20:00:00Z' }]), now, 40 * H, marked);
    assert.equal(near.text, '$(warning) <unannounced:<d3> <h8>>');
    assert.equal(near.tooltip, '<unannouncedTooltip:n|2026-11-23T20:00:00Z|<announceWithin:<d1> <h8>>>');
    const soon = statusText(model([{ id: 'n', at: '2026-11-20T12:00:30Z', topic: 'T', announced: '2026-11-15T00:00:00Z' }]), now, 24 * H, marked);
    assert.equal(soon.text, '$(calendar) <now:> · T');
    const late = statusText(model([{ id: 'n', at: '2026-11-23T20:00:00Z' }]), new Date('2026-11-23T00:00:00Z'), 0, marked);
    assert.match(late.tooltip, /<deadlinePassed:>/);
  });
});
