import { strict as assert } from 'node:assert';
import { Debouncer } from '../../../src/editor/debounce';

/** Resolves after every timer due within `ms` has fired (timers fire in order of their due time). */
const after = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('Debouncer (editor/debounce)', () => {
  it('runs only the latest call for a key, once', async () => {
    const d = new Debouncer();
    const ran: number[] = [];
    for (const n of [1, 2, 3]) d.schedule('a', 5, () => ran.push(n));
    assert.ok(d.pending('a'));
    await after(40);
    assert.deepEqual(ran, [3]);
    assert.ok(!d.pending('a'));
  });

  it('keeps keys apart', async () => {
    const d = new Debouncer();
    const ran: string[] = [];
    d.schedule('a', 5, () => ran.push('a'));
    d.schedule('b', 5, () => ran.push('b'));
    d.schedule('a', 5, () => ran.push('a2'));
    await after(40);
    assert.deepEqual(ran.sort(), ['a2', 'b']);
  });

  it('cancels one key, and everything on dispose (later schedules do nothing)', async () => {
    const d = new Debouncer();
    const ran: string[] = [];
    d.schedule('a', 5, () => ran.push('a'));
    d.schedule('b', 5, () => ran.push('b'));
    d.cancel('a');
    d.cancel('never-scheduled');
    await after(40);
    assert.deepEqual(ran, ['b']);
    d.schedule('c', 5, () => ran.push('c'));
    d.dispose();
    d.schedule('d', 0, () => ran.push('d'));
    await after(40);
    assert.deepEqual(ran, ['b']);
    assert.ok(!d.pending('c') && !d.pending('d'));
  });

  it('treats a negative delay as none', async () => {
    const d = new Debouncer<number>();
    let ran = 0;
    d.schedule(1, -100, () => ran++);
    await after(20);
    assert.equal(ran, 1);
  });
});
