import { strict as assert } from 'node:assert';
import { ContextKeys, type ContextValue } from '../../../src/editor/contextKeys';

describe('ContextKeys (editor/contextKeys)', () => {
  const recorder = (): { keys: ContextKeys; sent: [string, ContextValue][] } => {
    const sent: [string, ContextValue][] = [];
    return { keys: new ContextKeys((k, v) => sent.push([k, v])), sent };
  };

  it('sends a key the first time, whatever its value (false and 0 included)', () => {
    const { keys, sent } = recorder();
    keys.set('a', false);
    keys.set('b', 0);
    keys.set('c', '');
    assert.deepEqual(sent, [['a', false], ['b', 0], ['c', '']]);
  });

  it('skips a value equal to the one last sent for that key, and sends every change', () => {
    const { keys, sent } = recorder();
    for (const v of [1, 1, 2, 2, 2, 1]) keys.set('count', v);
    keys.set('has', true);
    keys.set('has', true);
    assert.deepEqual(sent, [['count', 1], ['count', 2], ['count', 1], ['has', true]]);
  });

  it('keeps keys apart: the same value under another key is sent', () => {
    const { keys, sent } = recorder();
    keys.set('a', true);
    keys.set('b', true);
    keys.set('a', true);
    assert.deepEqual(sent, [['a', true], ['b', true]]);
  });

  it('compares by identity of primitives: 1 and "1" are different values', () => {
    const { keys, sent } = recorder();
    keys.set('k', 1);
    keys.set('k', '1');
    assert.deepEqual(sent, [['k', 1], ['k', '1']]);
  });
});
