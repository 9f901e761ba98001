// The integration suite as the extension host loads it: test/integration/*.test.ts and index.ts
// bundled to CommonJS (vscode and mocha external), plus a fresh copy of the fixture workspace.
// Shared by run-integration.mjs (code-server) and run-desktop.mjs (desktop VS Code), so both run
// exactly the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './provision.mjs';

/**
 * Bundles into RUN/out (index.js + *.test.js) and copies the workspace to RUN/workspace.
 * `only`: names to match (a file is kept when its name contains one); empty: every file.
 */
export async function bundleIntegration(run, only = []) {
  const out = path.join(run, 'out');
  const entries = fs.readdirSync(path.join(ROOT, 'test/integration'))
    .filter((f) => f === 'index.ts' || (f.endsWith('.test.ts') && (only.length === 0 || only.some((o) => f.includes(o)))))
    .map((f) => path.join(ROOT, 'test/integration', f));
  if (entries.length < 2) throw new Error(`no test file under test/integration matches ${only.join(', ')}`);
  await esbuild.build({ entryPoints: entries, outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning', nodePaths: [path.join(ROOT, 'node_modules')] });
  // mocha stays external: index.js requires it from the repo's node_modules
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(run, 'node_modules'));
  const workspace = path.join(run, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/integration/workspace'), workspace, { recursive: true });
  return { out, index: path.join(out, 'index.js'), workspace };
}
