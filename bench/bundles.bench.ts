/**
 * The bundles as the VSIX and the npm package carry them (esbuild.mjs with --production: minified,
 * no source map): the size of dist/extension.js (what activation loads), of dist/cli.js and of
 * each lazy part; then the whole `mentoring hints` process beside the same CLI built as one bundle
 * (no parts), in the same run: CPU seconds, the least of several runs (a shared machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..');
const RUNS = 7;

interface Script {
  bundles: esbuild.BuildOptions[];
  buildInto: (outfile: string, dir: string, extra?: esbuild.BuildOptions) => Promise<void>;
  EXTENSION_PARTS: { name: string }[];
  CLI_PARTS: { name: string }[];
}

const kb = (file: string): string => `${(statSync(file).size / 1024).toFixed(0)} KB`;

/** CPU seconds (user + system) of `node ARGS` with `input` on stdin, the least of RUNS runs. */
function cpu(args: string[], input: string, cwd: string): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const res = spawnSync('/usr/bin/time', ['-f', '\n%U %S', process.execPath, ...args], { input, cwd, maxBuffer: 1 << 26 });
    const m = /\n(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(res.stderr.toString());
    if (res.status !== 0 || !m) throw new Error(`node ${args.join(' ')} failed: ${res.stderr.toString().slice(0, 300)}`);
    best = Math.min(best, Number(m[1]) + Number(m[2]));
  }
  return best;
}

export async function run(): Promise<void> {
  const s = (await import(pathToFileURL(join(ROOT, 'esbuild.mjs')).href)) as Script;
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-bundles-'));
  try {
    const prod = { minify: true, sourcemap: false, logLevel: 'warning' as const };
    await s.buildInto('dist/extension.js', join(dir, 'split'), prod);
    await s.buildInto('dist/cli.js', join(dir, 'split'), prod);
    const part = (name: string): string => `parts/${name}.js ${kb(join(dir, 'split', 'parts', `${name}.js`))}`;
    console.log(`dist/extension.js ${kb(join(dir, 'split', 'extension.js'))} (goal < 300 KB); loaded on first use: ${s.EXTENSION_PARTS.map((p) => part(p.name)).join(', ')}`);
    console.log(`dist/cli.js ${kb(join(dir, 'split', 'cli.js'))}; loaded per command: ${s.CLI_PARTS.map((p) => part(p.name)).join(', ')}`);

    // The same CLI without parts: the plugins of esbuild.mjs minus the lazy parts.
    const cli = s.bundles.find((b) => b.outfile === 'dist/cli.js');
    if (!cli) throw new Error('no dist/cli.js in esbuild.mjs');
    const whole = join(dir, 'whole', 'cli.js');
    await esbuild.build({ ...cli, ...prod, absWorkingDir: ROOT, outfile: whole, plugins: (cli.plugins ?? []).filter((p) => p.name !== 'lazy-parts') });
    console.log(`the same CLI as one bundle: ${kb(whole)}`);
    if (!existsSync('/usr/bin/time')) {
      console.log('CLI process: skipped, /usr/bin/time is missing');
      return;
    }
    const one = '"This is wrong, just use a map."\n';
    // An empty folder: `hints` looks for a team's mentoring file below its working folder.
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const a = cpu([join(dir, 'split', 'cli.js'), 'hints', '--jsonl'], one, empty);
    const b = cpu([join(dir, 'whole', 'cli.js'), 'hints', '--jsonl'], one, empty);
    const node = cpu(['-e', '0'], '', empty);
    console.log(`\`mentoring hints --jsonl\`, one comment, whole process (least CPU of ${RUNS}): with parts ${a.toFixed(3)} s, one bundle ${b.toFixed(3)} s, \`node -e 0\` ${node.toFixed(3)} s ` +
      `=> beyond Node's own start: ${((a - node) * 1000).toFixed(0)} ms vs ${((b - node) * 1000).toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Also runnable on its own: `npx tsx bench/bundles.bench.ts`.
if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
