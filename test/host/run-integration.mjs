// Bundle test/integration and run it inside code-server's real extension host, driven by Chromium.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT, findChromium } from './provision.mjs';
import { runDir, startCodeServer, workbenchUrl } from './server.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

async function main() {
  const t0 = Date.now();
  const chrome = findChromium();
  const run = runDir('integration');
  const out = path.join(run, 'out');
  // `node test/host/run-integration.mjs activation editor` bundles only the test files whose names contain an argument.
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const entries = fs.readdirSync(path.join(ROOT, 'test/integration'))
    .filter((f) => f === 'index.ts' || (f.endsWith('.test.ts') && (only.length === 0 || only.some((o) => f.includes(o)))))
    .map((f) => path.join(ROOT, 'test/integration', f));
  if (entries.length < 2) throw new Error(`no test file under test/integration matches ${only.join(', ')}`);
  await esbuild.build({ entryPoints: entries, outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning', nodePaths: [path.join(ROOT, 'node_modules')] });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(run, 'node_modules'));
  const ws = path.join(run, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/integration/workspace'), ws, { recursive: true });
  const server = await startCodeServer(run);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROMIUM_ARGS });
    const page = await (await browser.newContext()).newPage();
    let exit;
    const done = new Promise((resolve) => { exit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // console.log arguments from the host, printf style ("%s (%dms)") as mocha's reporter writes them
      const list = Array.isArray(args) ? args : [args];
      const text = typeof list[0] === 'string' ? format(...list) : list.map((a) => JSON.stringify(a)).join(' ');
      process.stdout.write(`${text}\n`);
    });
    await page.goto(workbenchUrl(server, ws, ROOT, path.join(out, 'index.js')));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10 * 60_000));
    const code = await Promise.race([done, timeout]);
    if (code === 'timeout') throw new Error('integration suite did not finish in 10 min');
    console.log(`[host] integration suite exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    process.exitCode = code;
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
    if (process.exitCode === 0) fs.rmSync(run, { recursive: true, force: true });
    else console.log(`[host] kept ${run} (code-server.log) for a look`);
  }
}

// Exit explicitly: a cold run (provisioning in this process) was seen to leave a handle open after
// the suite ended (esbuild's service child stayed alive), hanging CI after "exit code 0".
main().catch((e) => { console.error(`[host] ${e.message}`); process.exitCode = 1; }).finally(() => process.exit());
