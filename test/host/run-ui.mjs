// The UI suite: one code-server and one Chromium for every test/ui/*.test.ts file, mocha in Node
// (tsx) driving the workbench through Playwright. See test/ui/helpers.ts for how tests are written.
//
//   npm run test:ui                               every file under test/ui
//   npm run test:ui -- test/ui/smoke.test.ts      some files (any mocha args work: --grep, --bail)
//
// This process owns everything that outlives a test: code-server (its own process group, killed
// whole) and the browser (Playwright's browser server). Mocha runs in a child process that only
// holds client connections, so a crashing or hanging test leaves nothing behind; the child gets
// the addresses through MENTORING_UI_* variables.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, findChromium, provisionCodeServer } from './provision.mjs';
import { removeRun, runDir, runTmp, startCodeServer } from './server.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** User settings for every UI workbench: quiet and deterministic; a test's own settings go into its workspace. */
export const UI_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

async function main() {
  const t0 = Date.now();
  const chrome = findChromium();
  await provisionCodeServer();
  const tProvision = secs(t0);
  const run = runDir('ui');
  fs.mkdirSync(path.join(run, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(run, 'user-data', 'User', 'settings.json'), JSON.stringify(UI_USER_SETTINGS, null, 2));
  fs.mkdirSync(path.join(run, 'workspaces'));
  const results = path.join(ROOT, 'test-results');
  fs.mkdirSync(results, { recursive: true });

  const t1 = Date.now();
  const server = await startCodeServer(run);
  let browserServer;
  let mocha;
  const stopAll = () => {
    if (mocha && mocha.exitCode === null) { try { process.kill(-mocha.pid, 'SIGKILL'); } catch { /* gone */ } }
    server.stop();
  };
  process.once('exit', stopAll);
  try {
    // Playwright makes Chromium's profile under os.tmpdir(): keep it inside the run folder too
    process.env.TMPDIR = runTmp(run);
    browserServer = await chromium.launchServer({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS,
      env: { ...process.env, ...server.env }, handleSIGINT: false, handleSIGTERM: false });
    console.log(`[ui] provisioned in ${tProvision}; code-server and Chromium up in ${secs(t1)}`);

    const args = process.argv.slice(2);
    const files = args.filter((a) => a.endsWith('.ts'));
    const spec = files.length > 0 ? files
      : fs.readdirSync(path.join(ROOT, 'test/ui')).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join('test/ui', f));
    const t2 = Date.now();
    const code = await new Promise((resolve) => {
      mocha = spawn(process.execPath, [path.join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--no-config', '--no-package',
        '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '120000', '--reporter', 'spec',
        ...args.filter((a) => !a.endsWith('.ts')), ...spec], {
        cwd: ROOT, stdio: 'inherit', detached: true,
        env: { ...process.env, MENTORING_UI_URL: server.url, MENTORING_UI_PORT: String(server.port), MENTORING_UI_RUN: run,
          MENTORING_UI_WS: browserServer.wsEndpoint(), MENTORING_UI_RESULTS: results, MENTORING_UI_EXTENSION: ROOT },
      });
      mocha.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0)));
      for (const s of ['SIGINT', 'SIGTERM']) process.once(s, () => { stopAll(); process.exit(130); });
    });
    console.log(`[ui] suite exit code ${code} in ${secs(t2)}; screenshots in test-results/; UI stage total ${secs(t0)}`);
    process.exitCode = code;
  } finally {
    await browserServer?.close().catch(() => {});
    stopAll();
    if (process.exitCode === 0) removeRun(run);
    else console.log(`[ui] kept ${run} (code-server.log, workspaces/) for a look`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(`[ui] ${e.stack ?? e.message}`); process.exitCode = 1; }).finally(() => process.exit()); // no lingering handle may hang CI
}
