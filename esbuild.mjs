// One esbuild context per bundle; `--production` minifies, `--watch` rebuilds on change.
// `npm run build` also writes media/mentoring.schema.json from the zod schema.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the format of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * `yaml` → its browser build (ESM, the same parser) in the node bundles too. The node build reads
 * `process.env.LOG_TOKENS` for every token it lexes, which costs about a quarter of a parse of a
 * large file (`npm run bench`); the browser build has no such reads and needs no Node built-ins.
 */
export const yamlBrowserBuild = {
  name: 'yaml-browser-build',
  setup(build) {
    const browserEntry = join(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: browserEntry }));
  },
};

/** Options shared by the node bundles (the extension, the CLI) and the benchmark's core bundle. */
export const nodeBundle = { platform: 'node', format: 'cjs', target: 'node20', plugins: [yamlBrowserBuild] };

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
};

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  {
    ...common,
    ...nodeBundle,
    plugins: [...common.plugins, ...nodeBundle.plugins],
    entryPoints: ['src/node/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  },
  {
    ...common,
    ...nodeBundle,
    plugins: [...common.plugins, ...nodeBundle.plugins],
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];
if (existsSync('src/web/extension.ts')) {
  bundles.push({
    ...common,
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  });
}
if (existsSync('webview/main.ts')) {
  bundles.push({
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
  });
}

/** Bundles the zod schema in memory and writes its JSON schema for `yamlValidation`. */
async function writeJsonSchema() {
  const out = await esbuild.build({
    entryPoints: ['src/core/schema.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  const mod = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  // Ready for SchemaStore: the $id here; title and description from the schema's own meta (src/core/schema.ts).
  const schema = { $id: 'https://mentoring.dev/mentoring.schema.json', ...mod.toJsonSchema() };
  mkdirSync('media', { recursive: true });
  writeFileSync('media/mentoring.schema.json', JSON.stringify(schema, null, 2) + '\n');
}

async function main() {
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  await writeJsonSchema();
}

// Builds only when run (`node esbuild.mjs`), not when the benchmark imports the options above.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
