// npm's postinstall: in a clone (esbuild.mjs and esbuild present) build the bundles, so a hook or
// an Action installed from the repository runs the CLI without committed bundles. In the packed
// CLI (`npm pack`: only dist/cli.js and this file) there is nothing to build. Not `prepare`: npm
// prints its banner into `npm pack`'s stdout, which pre-commit reads as the tarball's name.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
if (existsSync(join(root, 'esbuild.mjs')) && existsSync(join(root, 'node_modules', 'esbuild'))) {
  execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
}
