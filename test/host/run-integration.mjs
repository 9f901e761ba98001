// Bundle test/integration and run it inside code-server's real extension host, driven by Chromium.
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { ROOT, findChromium } from './provision.mjs';
import { removeRun, runDir, startCodeServer, workbenchUrl } from './server.mjs';
import { bundleIntegration } from './integration-bundle.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

async function main() {
  const t0 = Date.now();
  const chrome = findChromium();
  const run = runDir('integration');
  // `node test/host/run-integration.mjs activation editor` runs only the test files whose names contain an argument.
  const passes = await bundleIntegration(run, process.argv.slice(2).filter((a) => !a.startsWith('-')));
  let server;
  const serverRuns = [];
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });
    // Each pass in its own window on its own code-server (own user data): the fixture folder, then
    // the multi-root workspace. On a shared server, a fresh clone's CI run twice opened the second
    // window with no folders at all, while the same pass alone always passed.
    for (const pass of passes) {
      const t1 = Date.now();
      const serverRun = runDir(`integration-${pass.name}`);
      serverRuns.push(serverRun);
      server = await startCodeServer(serverRun);
      const context = await browser.newContext();
      const page = await context.newPage();
      let exit;
      const done = new Promise((resolve) => { exit = resolve; });
      await page.exposeFunction('codeAutomationExit', (code) => exit(code));
      await page.exposeFunction('codeAutomationLog', (type, args) => {
        // console.log arguments from the host, printf style ("%s (%dms)") as mocha's reporter writes them
        const list = Array.isArray(args) ? args : [args];
        const text = typeof list[0] === 'string' ? format(...list) : list.map((a) => JSON.stringify(a)).join(' ');
        process.stdout.write(`${text}\n`);
      });
      if (passes.length > 1) console.log(`[host] ${pass.name} pass: ${pass.workspace}`);
      await page.goto(workbenchUrl(server, pass.workspace, ROOT, pass.index));
      const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10 * 60_000));
      const code = await Promise.race([done, timeout]);
      if (code === 'timeout') throw new Error(`integration suite (${pass.name} pass) did not finish in 10 min`);
      console.log(`[host] integration suite (${pass.name} pass) exit code ${code} in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
      await context.close();
      server.stop();
      server = undefined;
      process.exitCode = process.exitCode || code;
    }
    console.log(`[host] integration suite exit code ${process.exitCode ?? 0} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    if (process.exitCode === 0) for (const r of [run, ...serverRuns]) removeRun(r);
    else console.log(`[host] kept ${[run, ...serverRuns].join(', ')} (code-server.log) for a look`);
  }
}

// Exit explicitly: a cold run (provisioning in this process) was seen to leave a handle open after
// the suite ended (esbuild's service child stayed alive), hanging CI after "exit code 0".
main().catch((e) => { console.error(`[host] ${e.message}`); process.exitCode = 1; }).finally(() => process.exit());
