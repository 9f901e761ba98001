/** Unknown keys kept in the plain data and noted as info (src/core/parse/plain.ts). */
import * as assert from 'node:assert/strict';
import { base, text, run, only, at } from './base';

describe('parse: unknown keys (forward compatibility)', () => {
  it('keeps unknown keys in the model and notes them as info', () => {
    const ls = base();
    ls.splice(1, 0, 'x-future: { anything: [1, 2] }');
    ls.push('    estimate: 3h');
    const r = run(text(ls), { checks: false });
    assert.equal(r.ok, true);
    const infos = r.diagnostics.filter((d) => d.code === 'unknown-key');
    assert.deepEqual(
      infos.map((d) => [d.line, d.column, d.endColumn, d.severity]),
      [
        [2, 1, 9, 'info'],
        [23, 5, 13, 'info'],
      ],
    );
    assert.match(infos[0]?.message ?? '', /kept as is/);
    const model = r.model as unknown as Record<string, unknown> & { tasks: Record<string, unknown>[] };
    assert.deepEqual(model['x-future'], { anything: [1, 2] });
    assert.equal(model.tasks[0]?.estimate, '3h');
  });

  it('suggests the known key for a typo', () => {
    const ls = base();
    ls[7] = '      titel: Tests first';
    ls.splice(8, 0, '      title: Tests first');
    const d = only(run(text(ls), { checks: false }), 'unknown-key');
    at(d, 8, 7, 8, 12);
    assert.match(d.message, /Did you mean `title`\?/);
    assert.equal(d.data?.suggestion, 'title');
  });
});
