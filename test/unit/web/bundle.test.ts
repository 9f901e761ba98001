/**
 * The web extension bundle (package.json `browser`) must load in a browser worker:
 * no Node built-ins, and nothing done at import time. Built here with esbuild for the
 * browser (which fails on any Node built-in), then evaluated with a `require` that
 * knows only `vscode` — a recording proxy that fails the test if anything is called.
 */
import { strict as assert } from 'node:assert';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { ROOT as ROOT_DIR } from '../../fixtures';

const root = ROOT_DIR;

function recordingProxy(calls: string[], path = 'vscode'): unknown {
  const target = function () {};
  return new Proxy(target, {
    get(_t, key) {
      if (key === 'prototype') return {};
      if (typeof key === 'symbol') return undefined;
      return recordingProxy(calls, `${path}.${key}`);
    },
    apply() {
      calls.push(path);
      return recordingProxy(calls, `${path}()`);
    },
    // esbuild's ESM interop copies own keys and reads the rest through the prototype.
    getPrototypeOf() {
      return recordingProxy(calls, path) as object;
    },
    construct() {
      calls.push(`new ${path}`);
      return {};
    },
  });
}

describe('web extension bundle', function () {
  this.timeout(60_000);
  let code = '';
  let inputs: string[] = [];

  before(async () => {
    const out = await esbuild.build({
      entryPoints: [join(root, 'src/web/extension.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      logLevel: 'silent',
    });
    code = out.outputFiles[0]?.text ?? '';
    inputs = Object.keys(out.metafile.inputs);
  });

  it('bundles for the browser without any Node built-in', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    assert.ok(inputs.length > 5);
    assert.deepEqual(inputs.filter((i) => builtins.has(i) || i.startsWith('node:')), []);
    for (const m of ['fs', 'path', 'os', 'crypto', 'child_process']) {
      assert.ok(!code.includes(`require("${m}")`) && !code.includes(`require("node:${m}")`), m);
    }
  });

  it('loads with only vscode available, touches nothing at import, and exports activate', () => {
    const calls: string[] = [];
    const required: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name === 'vscode') return recordingProxy(calls);
        throw new Error(`the web bundle required "${name}"`);
      },
      TextDecoder,
      TextEncoder,
      crypto: globalThis.crypto,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      console,
    };
    runInNewContext(code, sandbox, { filename: 'dist/web/extension.js' });
    assert.deepEqual([...new Set(required)], ['vscode']);
    assert.deepEqual(calls, [], 'nothing may call the vscode API at import time');
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
  });
});
