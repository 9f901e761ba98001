import * as assert from 'node:assert/strict';
import { addTask, addThread } from '../../../../src/core/edit/index';
import { fixture } from '../../../fixtures';

const ctx = { now: new Date('2026-11-20T10:00:00Z') };
const valid = fixture('valid.mentoring.yaml');

describe('core/edit: paths that leave the workspace are refused when added', () => {
  for (const link of ['../../etc/passwd', 'command:workbench.action.terminal.new', '/etc/passwd', 'src/../../x.ts#L1', `src/${'a/'.repeat(250)}x.ts`]) {
    it(`addTask refuses the link ${link.slice(0, 40)}, saying why, and changes nothing`, () => {
      const r = addTask(valid, { title: 'Read it', links: ['src/ok.ts#L1', link] }, ctx);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.match(r.message, /^The link ".*" is refused: the link .*\. A link is a path inside the workspace folder/);
    });
  }

  it('addTask keeps workspace links', () => {
    const r = addTask(valid, { title: 'Read it', links: ['src/billing/retry.ts#L10-L20', 'docs/'] }, ctx);
    assert.ok(r.ok, r.ok ? '' : r.message);
  });

  it('addThread refuses a file outside the workspace', () => {
    const r = addThread(valid, { file: 'src/../../.ssh/config', line: 1, lines: ['Host *'], author: 'Ana Silva', body: 'x' }, ctx);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /is not a path inside the workspace: the link leaves the workspace folder/);
  });
});
