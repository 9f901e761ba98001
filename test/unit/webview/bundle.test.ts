/**
 * The production webview bundle: built from source with the same options as esbuild.mjs
 * --production, into a temporary folder, it stays under the 150 KB budget and carries nothing the
 * strict CSP (no 'unsafe-eval') would refuse, nor HTML-string rendering of user text.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT as ROOT_DIR } from '../../fixtures';

const ROOT = ROOT_DIR;
const BUDGET = 150 * 1024;

describe('webview production bundle', function () {
  this.timeout(60_000);
  let dir: string;
  let code: string;
  let meta: esbuild.Metafile;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-webview-'));
    const result = await esbuild.build({
      entryPoints: [path.join(ROOT, 'webview/main.ts')], outfile: path.join(dir, 'webview.js'),
      bundle: true, minify: true, sourcemap: false, format: 'esm', platform: 'browser', target: 'es2022',
      metafile: true, logLevel: 'silent',
    });
    meta = result.metafile;
    code = fs.readFileSync(path.join(dir, 'webview.js'), 'utf8');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`is under ${BUDGET / 1024} KB minified`, () => {
    const size = Buffer.byteLength(code);
    console.log(`      dist/webview.js: ${(size / 1024).toFixed(1)} KB minified`);
    assert.ok(size > 20 * 1024, `suspiciously small (${size} bytes): did the app get bundled?`);
    assert.ok(size < BUDGET, `${size} bytes is over the ${BUDGET} byte budget`);
  });

  it('holds no eval, no new Function and no string timers', () => {
    assert.doesNotMatch(code, /\beval\s*\(/);
    assert.doesNotMatch(code, /new\s+Function\s*\(/);
    assert.doesNotMatch(code, /\bFunction\s*\(\s*["'`]/);
    assert.doesNotMatch(code, /set(?:Timeout|Interval)\s*\(\s*["'`]/);
  });

  it('imports only the vscode-elements components it uses, and not the whole library', () => {
    const inputs = Object.keys(meta.inputs);
    const components = new Set(inputs.map((p) => /@vscode-elements\/elements\/dist\/(vscode-[a-z-]+)\//.exec(p)?.[1]).filter(Boolean));
    assert.ok(components.has('vscode-button') && components.has('vscode-textfield'), [...components].join(', '));
    assert.ok(!inputs.some((p) => /@vscode-elements\/elements\/dist\/(main|bundled)\.js$/.test(p)), 'the library entry point was bundled');
    assert.ok(!components.has('vscode-tree') && !components.has('vscode-table'), 'unused components are bundled');
    // zod/mini, not classic zod (which would add ~450 KB).
    assert.ok(!inputs.some((p) => /zod\/v4\/classic\//.test(p)), 'classic zod got bundled');
  });

  it('never renders HTML strings from its own code (no innerHTML, unsafeHTML, insertAdjacentHTML)', () => {
    const files = (fs.readdirSync(path.join(ROOT, 'webview'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    assert.ok(files.some((f) => f.startsWith('tabs')), `the tab modules are checked too: ${files.join(', ')}`);
    for (const file of files) {
      // Code only: the comments name what is avoided.
      const src = fs.readFileSync(path.join(ROOT, 'webview', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      assert.doesNotMatch(src, /innerHTML|outerHTML\s*=|unsafeHTML|unsafeSVG|insertAdjacentHTML|document\.write/, file);
      assert.doesNotMatch(src, /setAttribute\(\s*['"]style|style=/, `${file}: inline styles are refused by the CSP`);
    }
  });
});
