// npm run test:desktop: the integration suite (the same bundle as test:integration) in desktop
// VS Code through @vscode/test-electron.
//
//   VSCODE_EXECUTABLE=/path/to/code npm run test:desktop   a local VS Code (no download)
//   VSCODE_VERSION=1.95.0 npm run test:desktop             a version to download (default: stable)
//   npm run test:desktop -- activation                     only the test files whose names match
//
// Without VSCODE_EXECUTABLE it downloads VS Code into .vscode-test/desktop/ (once; needs the
// internet) and stops with a clear message when it cannot. On Linux without DISPLAY it re-runs
// itself under `xvfb-run -a`. The workspace, user data and extensions folders are private to the run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { CACHE, ROOT } from './provision.mjs';
import { removeRun, runDir, runTmp } from './server.mjs';
import { bundleIntegration } from './integration-bundle.mjs';

const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

function underXvfb() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.MENTORING_UNDER_XVFB) return false;
  if (spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('no DISPLAY and no xvfb-run: desktop VS Code needs a display. Install it: sudo apt-get install -y xvfb (or set DISPLAY)');
  }
  console.log('[desktop] no DISPLAY: running under xvfb-run -a');
  const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit',
    env: { ...process.env, MENTORING_UNDER_XVFB: '1' } });
  process.exitCode = r.status ?? 1;
  return true;
}

async function vscodeExecutable() {
  const local = process.env.VSCODE_EXECUTABLE;
  if (local) {
    if (!fs.existsSync(local)) throw new Error(`VSCODE_EXECUTABLE=${local} does not exist: point it at the code binary of a VS Code install`);
    return local;
  }
  const version = process.env.VSCODE_VERSION ?? 'stable';
  const t = Date.now();
  try {
    const exe = await downloadAndUnzipVSCode({ version, cachePath: path.join(CACHE, 'desktop'), timeout: 15_000 });
    console.log(`[desktop] VS Code ${version} ready in ${secs(t)}: ${exe}`);
    return exe;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`could not download VS Code ${version} (${why}) after ${secs(t)}.\n`
      + '  This machine may have no access to update.code.visualstudio.com. Use a local install instead:\n'
      + '  VSCODE_EXECUTABLE=/path/to/code npm run test:desktop   (e.g. /usr/share/code/code, or the `code` binary inside VSCode-linux-x64/)\n'
      + '  The same suite runs in code-server with: npm run test:integration', { cause: e });
  }
}

async function main() {
  const t0 = Date.now();
  // first: a missing VS Code is the likelier stop, and the message says what to do
  const executable = await vscodeExecutable();
  if (underXvfb()) return;
  const run = runDir('desktop');
  let code = 1;
  try {
    const passes = await bundleIntegration(run, process.argv.slice(2).filter((a) => !a.startsWith('-')));
    // Each pass in its own window: the fixture folder, then the multi-root workspace file.
    code = 0;
    for (const pass of passes) {
      const t1 = Date.now();
      // test-electron adds --no-sandbox, --disable-updates, --skip-welcome, --skip-release-notes, --disable-workspace-trust
      const launchArgs = [pass.workspace, '--disable-extensions', '--disable-gpu',
        '--user-data-dir', path.join(run, 'user-data'), '--extensions-dir', path.join(run, 'extensions')];
      const passCode = await runTests({ vscodeExecutablePath: executable, extensionDevelopmentPath: ROOT, extensionTestsPath: pass.index, launchArgs,
        extensionTestsEnv: { TMPDIR: runTmp(run) } }).catch((e) => {
        console.error(`[desktop] ${e.message}`);
        return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
      });
      console.log(`[desktop] integration suite (${pass.name} pass) exit code ${passCode} in ${secs(t1)} (total ${secs(t0)})`);
      code = code || passCode;
    }
  } finally {
    process.exitCode = code;
    if (code === 0) removeRun(run);
    else console.log(`[desktop] kept ${run} for a look`);
  }
}

main().catch((e) => { console.error(`[desktop] ${e.message}`); process.exitCode = 1; });
