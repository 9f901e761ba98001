/**
 * A bench entry bundled with the product's node bundle options (`nodeBundle` in esbuild.mjs,
 * which maps `yaml` to its browser build), then loaded: the figures are those of dist/cli.js and
 * dist/extension.js, not of the TypeScript sources run through tsx.
 */
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadBundled<T>(entry: string): Promise<T> {
  const root = join(__dirname, '..');
  const { nodeBundle } = (await import(pathToFileURL(join(root, 'esbuild.mjs')).href)) as { nodeBundle: esbuild.BuildOptions };
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-bench-'));
  try {
    const outfile = join(dir, 'bundle.js');
    await esbuild.build({ ...nodeBundle, entryPoints: [entry], bundle: true, outfile, logLevel: 'warning' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    return require(outfile) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
