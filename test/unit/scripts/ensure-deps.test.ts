/**
 * `npm start` / `npm test` on a fresh machine (scripts/ensure-deps.mjs, scripts/system-deps.mjs):
 * the system packages each command needs are named, installed as root, and otherwise the command
 * stops at once with the one line to run.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../fixtures';

type Need = [string, string][];
interface SystemDeps {
  missingPackages(o: { test: boolean; codeServerCached: boolean; has: (cmd: string) => boolean; chromePath?: string; pythonModule?: (name: string) => boolean }): Need;
}

describe('system packages for npm start and npm test (scripts/system-deps.mjs)', () => {
  let m: SystemDeps;
  before(async () => {
    m = (await import(join(ROOT, 'scripts', 'system-deps.mjs'))) as SystemDeps;
  });
  const none = () => false;
  const names = (n: Need) => n.map(([p]) => p);

  it('npm test on a bare machine needs the Kerberos headers, Chromium, age, pre-commit, git and Python\'s icalendar', () => {
    assert.deepEqual(names(m.missingPackages({ test: true, codeServerCached: false, has: none, chromePath: '' })), ['libkrb5-dev', 'chromium', 'age', 'pre-commit', 'git', 'python3-icalendar']);
  });

  it('npm start needs no Chromium (nor age, pre-commit, git): only what building code-server takes', () => {
    assert.deepEqual(names(m.missingPackages({ test: false, codeServerCached: false, has: none, chromePath: '' })), ['libkrb5-dev']);
  });

  it('needs no Kerberos headers once code-server is built, and nothing on a machine that has it all', () => {
    assert.deepEqual(names(m.missingPackages({ test: true, codeServerCached: true, has: none, chromePath: '' })), ['chromium', 'age', 'pre-commit', 'git', 'python3-icalendar']);
    assert.deepEqual(m.missingPackages({ test: true, codeServerCached: false, has: () => true, chromePath: '', pythonModule: (n) => n === 'icalendar' }), []);
  });

  it('takes CHROME_PATH or any Chromium build for Chromium', () => {
    assert.ok(!names(m.missingPackages({ test: true, codeServerCached: true, has: none, chromePath: '/opt/chrome' })).includes('chromium'));
    assert.ok(!names(m.missingPackages({ test: true, codeServerCached: true, has: (c) => c === 'google-chrome', chromePath: '' })).includes('chromium'));
  });
});

describe('ensure-deps as a user who cannot install (a real process)', () => {
  it('stops at once, exit 1, with the one apt-get line, before npm ci', function () {
    // Root would install the packages: run it as nobody (setpriv) when we are root.
    const asNobody = process.getuid?.() === 0;
    if (process.platform !== 'linux') this.skip();
    const bin = mkdtempSync(join(tmpdir(), 'ensure-deps-bin-'));
    try {
      symlinkSync('/bin/sh', join(bin, 'sh')); // a PATH with a shell and nothing else: no age, no git, no chromium
      const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
      if (asNobody && !setpriv) this.skip();
      const cmd = asNobody ? [setpriv ?? '', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
      const probe = spawnSync(cmd[0] ?? '', [...cmd.slice(1), '-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'scripts', 'ensure-deps.mjs'))})`]);
      if (probe.error || probe.status !== 0) this.skip(); // nobody cannot read this clone (or no setpriv)
      const r = spawnSync(cmd[0] ?? '', [...cmd.slice(1), join(ROOT, 'scripts', 'ensure-deps.mjs')], {
        encoding: 'utf8', timeout: 20_000,
        env: { PATH: bin, npm_lifecycle_event: 'pretest', HOME: bin, CHROME_PATH: '' },
      });
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /missing age: /);
      assert.match(r.stderr, /run this once, then npm test again:\n {2}sudo apt-get update && sudo apt-get install -y (\S+ )*chromium age pre-commit git( python3-icalendar)?\n/); // Debian's python3 is found by its path, not PATH
      assert.doesNotMatch(r.stdout, /npm ci/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
