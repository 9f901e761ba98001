import * as assert from 'node:assert/strict';
import { parse } from '../../../../src/core/parse/index';
import { base, text, NOW } from './base';

/** BASE with a thread on `file` (line 23 holds `file:`). */
function withThread(file: string): string {
  const ls = base();
  ls.push('threads:', '  - id: th-1', `    file: ${file}`, '    line: 1', '    comments: []');
  return text(ls);
}

describe('parse: file paths in threads and task links (references.ts, the rule of core/links.ts)', () => {
  for (const file of ['../../.ssh/config', '/etc/passwd', '"src/../../../dev/zero"', '"command:workbench.action.terminal.new"', '~/.bashrc']) {
    it(`a thread on ${file} is an error at its file`, () => {
      const r = parse(withThread(file), { now: NOW });
      assert.equal(r.ok, false);
      const e = r.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(e.length, 1, JSON.stringify(e));
      assert.equal(e[0]?.code, 'outside-path');
      assert.deepEqual([e[0]?.line, e[0]?.column], [24, 11]);
      assert.match(e[0]?.message ?? '', /is refused: .*inside the workspace folder.*fix the path or delete the thread/);
    });
  }

  it('a thread on a workspace path is fine', () => {
    assert.ok(parse(withThread('src/billing/retry.ts'), { now: NOW }).ok);
  });

  it('a task link outside the workspace or with a scheme is a warning at the link', () => {
    const ls = base();
    ls.splice(21, 0, '    links: [src/a.ts#L2, ../../etc/passwd, "command:x"]');
    const r = parse(text(ls), { now: NOW });
    assert.ok(r.ok);
    const w = r.diagnostics.filter((d) => d.code === 'link-refused');
    assert.deepEqual(w.map((d) => [d.severity, d.line, d.column]), [['warning', 22, 26], ['warning', 22, 44]]);
  });
});
