// The integration suite as the extension host loads it: test/integration/*.test.ts and index.ts
// bundled to CommonJS (vscode and mocha external), in passes that each open their own window:
// the single-folder pass on a fresh copy of the fixture workspace, the multi-root pass
// (test files named *multiroot*) on a `.code-workspace` of two folders.
// Shared by run-integration.mjs (code-server) and run-desktop.mjs (desktop VS Code), so both run
// exactly the same files in the same windows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './provision.mjs';

const isMultiRoot = (f) => f.includes('multiroot');

/**
 * Bundles each pass into RUN/PASS/out (index.js + its *.test.js) and writes its workspace.
 * `only`: names to match (a file is kept when its name contains one); empty: every file.
 * Returns the passes that have test files: `{ name, index, workspace }`, where `workspace` is a
 * folder or a `.code-workspace` file.
 */
export async function bundleIntegration(run, only = []) {
  const dir = path.join(ROOT, 'test/integration');
  const tests = fs.readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && (only.length === 0 || only.some((o) => f.includes(o))));
  if (tests.length === 0) throw new Error(`no test file under test/integration matches ${only.join(', ')}`);
  // mocha stays external: index.js requires it from the repo's node_modules (found by walking up)
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(run, 'node_modules'));
  const passes = [
    { name: 'folder', files: tests.filter((f) => !isMultiRoot(f)), workspace: (at) => copyFixture(at) },
    { name: 'multi-root', files: tests.filter(isMultiRoot), workspace: (at) => writeMultiRootWorkspace(at) },
  ].filter((p) => p.files.length > 0);
  const out = [];
  for (const pass of passes) {
    const outdir = path.join(run, pass.name, 'out');
    await esbuild.build({ entryPoints: ['index.ts', ...pass.files].map((f) => path.join(dir, f)), outdir, bundle: true,
      platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
      nodePaths: [path.join(ROOT, 'node_modules')] });
    out.push({ name: pass.name, index: path.join(outdir, 'index.js'), workspace: pass.workspace(path.join(run, pass.name, 'workspace')) });
  }
  return out;
}

function copyFixture(at) {
  fs.cpSync(path.join(ROOT, 'test/integration/workspace'), at, { recursive: true });
  return at;
}

/** Writes `dir/one`, `dir/two` (each with a mentoring file and some code) and `dir/multi.code-workspace`; returns the workspace file. */
export function writeMultiRootWorkspace(dir) {
  for (const name of ['one', 'two']) {
    fs.mkdirSync(path.join(dir, name, 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, name, '.mentoring.yaml'),
      `# ${name}\nversion: 1\nagreement:\n  mentor: { name: Mentor ${name} }\n  mentee: { name: Mentee ${name} }\n  started: ${new Date().toISOString().slice(0, 10)}\ntasks: []\n`,
    );
    fs.writeFileSync(path.join(dir, name, 'src', 'code.ts'), 'export const a = 1;\nexport const b = 2;\n');
  }
  const file = path.join(dir, 'multi.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'one' }, { path: 'two' }] }, null, 2));
  return file;
}
