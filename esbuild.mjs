// One esbuild context per bundle; `--production` minifies, `--watch` rebuilds on change.
// `npm run build` also writes media/mentoring.schema.json from the zod schema.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
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

/**
 * `@vscode/l10n` → `src/l10n/runtime.ts` in every bundle: the package's `t` and `config({ contents })`
 * without its loading of a bundle from a URI (`fetch`) or a path, which nothing of ours asks for and
 * which the VSIX check's no-network rule refuses.
 */
export const l10nRuntime = {
  name: 'l10n-runtime',
  setup(build) {
    build.onResolve({ filter: /^@vscode\/l10n$/ }, () => ({ path: join(ROOT, 'src', 'l10n', 'runtime.ts') }));
  },
};

/** Options shared by the node bundles (the extension, the CLI) and the benchmark's core bundle. */
export const nodeBundle = { platform: 'node', format: 'cjs', target: 'node20', plugins: [yamlBrowserBuild, l10nRuntime] };

/**
 * Lazy parts (ARCHITECTURE.md, "Bundles"): code a node bundle loads only when it is first used,
 * each its own CommonJS bundle in dist/parts/, which the bundle `require`s by a relative path.
 * `match` picks the import specifiers that may name the part (the resolved path decides).
 * - `proxy`: the importers run at activation (static imports), so each import of the part becomes
 *   a small stand-in, and the part is required when one of its functions is first called or one
 *   of its arrays or objects first read (`lazyPartSource`).
 * - `require`: the importers are themselves loaded on demand (the CLI's commands, main.ts), so a
 *   plain `require` of the part where the importer is first evaluated is already lazy.
 * A dynamic `import()` of a part is a `require` of it in either case (`supported` below).
 * A part with a `host` (the build options of the bundle that loads it, or a function giving them)
 * is *shared*: it holds only the modules its host does not, and takes the others from the host at
 * load (`sharedLayout`), so there is one copy of each module and of its state; its exports must
 * be functions (each stand-in is one).
 */
const PARTS = {
  // The hint engine and its tables. In the extension: the first review comment
  // (src/reviews/commentHints.ts) or the first check of a file with team questions
  // (src/core/rituals/questions.ts). In the CLI: `hints`, `review`, `agenda questions`.
  hints: { name: 'hints', entry: 'src/core/hints/index.ts', match: /(^|\/)hints(\/index)?$/ },
  // iCalendar text (ical-generator): Add to Calendar.
  ics: { name: 'ics', entry: 'src/core/rituals/ics.ts', match: /(^|\/)ics$/ },
  // age and its ciphers: the first seal or open (`await import` in src/core/seal/age.ts).
  age: { name: 'age', entry: 'age-encryption', match: /^age-encryption$/ },
  yaml: { name: 'yaml', entry: 'yaml', match: /^yaml$/ },
  jsYaml: { name: 'js-yaml', entry: 'js-yaml', match: /^js-yaml$/ },
  ical: { name: 'ical', entry: 'ical-generator', match: /^ical-generator$/ },
  // The palette commands' bodies: the first command run (src/commands/index.ts calls `runCommand`).
  // A shared part (`host`): what it imports that dist/extension.js holds, it takes from there.
  commands: { name: 'commands', entry: 'src/commands/handlers.ts', match: /(^|\/)handlers$/, external: ['vscode'], host: () => bundles.find((b) => b.outfile === 'dist/extension.js') },
  // The editor's words for the hints (messages, rule descriptions, rewrite titles): the first hint
  // shown (src/reviews/commentHints.ts), with the engine. Shared, like the commands part.
  hintWords: { name: 'hint-words', entry: 'src/reviews/hintMessages.ts', match: /(^|\/)hintMessages$/, external: ['vscode'], host: () => bundles.find((b) => b.outfile === 'dist/extension.js') },
};
export const EXTENSION_PARTS = [PARTS.hints, PARTS.ics, PARTS.age, PARTS.yaml, PARTS.commands, PARTS.hintWords].map((p) => ({ ...p, mode: 'proxy' }));
/**
 * The CLI's parts: `mentoring hints` loads the hint engine and no library. zod stays in dist/cli.js:
 * a bundle of all of it is 460 KB (its locales), where the schema's share is 100 KB.
 */
export const CLI_PARTS = [PARTS.hints, PARTS.age, PARTS.yaml, PARTS.jsYaml, PARTS.ical].map((p) => ({ ...p, mode: 'require' }));

/** A part's entry for esbuild: a file of the repository (absolute), or a package name. */
const partEntry = (part) => (/\.[cm]?[jt]s$/.test(part.entry) ? resolve(ROOT, part.entry) : part.entry);

/** The bundle options of a part: a node bundle of its entry, exporting what the entry exports. */
export function partBundle(part, extra = {}) {
  const shared = part.host === undefined ? {} : {
    external: part.external ?? [],
    // The part runs when its host links it (`link(registry)`), so its imports of the host's modules can read the registry.
    banner: { js: '"use strict";exports.link=function(__shared){"use strict";var module={exports:{}},exports=module.exports;' },
    footer: { js: 'return module.exports};' },
  };
  return {
    ...nodeBundle,
    bundle: true,
    absWorkingDir: ROOT,
    entryPoints: [partEntry(part)],
    outfile: `dist/parts/${part.name}.js`,
    logLevel: 'warning',
    ...shared,
    ...extra,
    plugins: [...(extra.plugins ?? []), ...(part.host === undefined ? [] : [sharedImports(part)]), ...nodeBundle.plugins],
  };
}

const hostOptions = (part) => (typeof part.host === 'function' ? part.host() : part.host);
/** A module's name in a metafile: its path from ROOT (forward slashes), or `namespace:path` outside the file namespace. */
const inputName = (path, namespace = 'file') => (namespace === 'file' ? relative(ROOT, path).split(sep).join('/') : `${namespace}:${path}`);

/**
 * Which of a shared part's imports its host holds. Two builds in memory: the part alone (every
 * module it reaches, its exports) and the host with the part left out (the modules the host
 * holds). `shared` names each host module a module of the part imports directly (by its metafile
 * name; a stand-in of another part as `lazy-part:PATH`); those go into the host's registry.
 */
export function sharedLayout(part) {
  if (watch) return computeSharedLayout(part);
  if (!layouts.has(part)) layouts.set(part, computeSharedLayout(part));
  return layouts.get(part);
}
const layouts = new WeakMap();

const MEM = { write: false, metafile: true, minify: false, sourcemap: false, logLevel: 'silent', absWorkingDir: ROOT };

/** A shared part built alone: every module it reaches, and its exports (each checked to be a function). */
function sharedAlone(part) {
  if (watch) return computeSharedAlone(part);
  if (!alones.has(part)) alones.set(part, computeSharedAlone(part));
  return alones.get(part);
}
const alones = new WeakMap();

async function computeSharedAlone(part) {
  const alone = await esbuild.build({ ...partBundle({ ...part, host: undefined }), ...MEM, format: 'esm', external: part.external ?? [], outfile: join(tmpdir(), `${part.name}.mjs`) });
  const out = alone.outputFiles[0].text;
  const exports = Object.values(alone.metafile.outputs)[0].exports;
  // Each stand-in is a function: an export that is not a function declaration fails the build here.
  const locals = new Map([...out.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) => m[1].split(',').map((x) => x.trim().split(/\s+as\s+/)).map(([l, e]) => [e ?? l, l])));
  for (const name of exports) {
    const local = locals.get(name);
    if (local === undefined || !new RegExp(`^(async )?function\\*? ${local.replace(/\$/g, '\\$')}\\(`, 'm').test(out)) throw new Error(`${part.entry}: the shared part's export ${name} is not a function declaration (its stand-in is a function)`);
  }
  return { alone, exports };
}

async function computeSharedLayout(part) {
  const host = hostOptions(part);
  const { alone, exports } = await sharedAlone(part);
  // Every shared part of this host left out (this one and its siblings: a sibling's layout would
  // build the host again, with this part's stand-in, which waits on this layout).
  const siblings = EXTENSION_PARTS.filter((p) => p.host !== undefined && p.name !== part.name && hostOptions(p) === host);
  const leftOut = new Map([[resolve(ROOT, part.entry), exports]]);
  for (const p of siblings) leftOut.set(resolve(ROOT, p.entry), (await sharedAlone(p)).exports);
  const stub = {
    name: 'shared-part-left-out',
    setup(build) {
      // A relative import of an entry (a shared part's entry is a file of the repository).
      for (const p of [part, ...siblings]) {
        build.onResolve({ filter: p.match }, (args) => {
          const r = resolve(args.resolveDir, args.path);
          const entry = [r, `${r}.ts`, join(r, 'index.ts')].find((x) => leftOut.has(x));
          return entry === undefined ? undefined : { path: entry, namespace: 'shared-part-left-out' };
        });
      }
      build.onLoad({ filter: /.*/, namespace: 'shared-part-left-out' }, (args) => ({ contents: (leftOut.get(args.path) ?? []).map((n) => `export const ${n} = () => {};`).join('\n'), loader: 'js' }));
    },
  };
  const held = await esbuild.build({ ...host, ...MEM, outfile: join(tmpdir(), 'host.js'), plugins: [stub, ...(host.plugins ?? [])] });
  const inHost = new Set(Object.keys(held.metafile.inputs));
  const hostName = (name) => (inHost.has(name) ? name : inHost.has(`lazy-part:${resolve(ROOT, name)}`) ? `lazy-part:${resolve(ROOT, name)}` : undefined);
  const shared = new Set();
  for (const [name, input] of Object.entries(alone.metafile.inputs)) {
    if (hostName(name) !== undefined) continue;
    for (const i of input.imports) if (!i.external && hostName(i.path) !== undefined) shared.add(hostName(i.path));
  }
  return { exports, shared: [...shared].sort(), inHost, hostName };
}

/** In a shared part's own build: each import of a module its host holds reads the host's registry (`__shared`). */
function sharedImports(part) {
  return {
    name: 'shared-imports',
    setup(build) {
      let layout;
      const entries = new Map();
      build.onStart(async () => {
        layout = await sharedLayout(part);
      });
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === 'lazy-part') return { path: args.path, external: true };
        if (args.pluginData === 'shared-imports' || args.kind === 'entry-point' || args.namespace === 'shared-import') return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'shared-imports' });
        if (r.errors.length > 0 || r.external) return undefined;
        const name = layout.hostName(inputName(r.path, r.namespace));
        if (name !== undefined) {
          if (!layout.shared.includes(name)) throw new Error(`${part.name}: ${name} is not in the host's registry`);
          return { path: name, namespace: 'shared-import' };
        }
        // Another part the host does not hold a stand-in of: its file next to this one, behind a stand-in of its own.
        for (const p of EXTENSION_PARTS.filter((q) => q.host === undefined && !entries.has(q.name))) {
          entries.set(p.name, (await build.resolve(partEntry(p), { kind: 'entry-point', resolveDir: ROOT, pluginData: 'shared-imports' })).path);
        }
        const other = EXTENSION_PARTS.find((p) => p.host === undefined && entries.get(p.name) === r.path);
        if (other === undefined) return undefined;
        if (args.kind === 'dynamic-import') return { path: `./${other.name}.js`, external: true };
        return { path: r.path, namespace: 'lazy-part', pluginData: { part: other, requirePath: `./${other.name}.js` } };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-part' }, async (args) => ({ contents: await lazyPartSource(args.pluginData.part, args.pluginData.requirePath), loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: 'shared-import' }, (args) => ({ contents: `module.exports = __shared[${JSON.stringify(args.path)}];`, loader: 'js' }));
    },
  };
}

/** The stand-in of a shared part in its host: a function per export, and the registry the part is linked with. */
async function sharedPartSource(part, requirePath) {
  const { exports } = await sharedAlone(part);
  const lines = [
    `import shared from "lazy-shared-registry:${part.name}";`,
    `let loaded;`,
    `const part = () => (loaded ??= require(${JSON.stringify(requirePath)}).link(shared));`,
  ];
  for (const name of exports) lines.push(`export const ${name} = function () { return part()[${JSON.stringify(name)}].apply(this, arguments); };`);
  return lines.join('\n') + '\n';
}

/** The host's registry of a shared part: each host module the part imports, as its module namespace. */
async function sharedRegistrySource(part) {
  const { shared } = await sharedLayout(part);
  const spec = (name) => (name.startsWith('lazy-part:') ? `lazy-part-ref:${name.slice('lazy-part:'.length)}` : resolve(ROOT, name));
  const lines = shared.map((name, i) => `import * as m${i} from ${JSON.stringify(spec(name))};`);
  lines.push(`export default {`, ...shared.map((name, i) => `  ${JSON.stringify(name)}: m${i},`), `};`);
  return lines.join('\n') + '\n';
}

/**
 * The stand-in for a `proxy` part: the part is built in memory and loaded once here, at build time,
 * to learn what it exports; each function becomes a function calling the part's, each array or
 * plain object a read-only Proxy reading the part's, each class (or function with properties) a
 * Proxy that constructs, calls, reads statics and answers `instanceof` with the part's. Anything
 * else (a primitive, a Map) has no stand-in, so a static import of it fails the build: import it
 * with `await import()`.
 */
export async function lazyPartSource(part, requirePath) {
  const dir = mkdtempSync(join(tmpdir(), 'mentoring-part-'));
  let exports;
  try {
    const outfile = join(dir, `${part.name}.js`);
    await esbuild.build(partBundle(part, { outfile, minify: false, sourcemap: false }));
    exports = createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = [
    `let loaded;`,
    `const part = () => (loaded ??= require(${JSON.stringify(requirePath)}));`,
  ];
  let usesValue = false;
  let usesCallable = false;
  for (const name of Object.keys(exports).filter((n) => n !== '__esModule')) {
    const v = exports[name];
    const id = JSON.stringify(name);
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default') continue; // no stand-in either
    const plainFunction = typeof v === 'function' && !/^class\b/.test(Function.prototype.toString.call(v))
      && Object.getOwnPropertyNames(v).every((k) => ['length', 'name', 'prototype', 'arguments', 'caller'].includes(k));
    if (plainFunction) {
      lines.push(`export const ${name} = function () { return part()[${id}].apply(this, arguments); };`);
    } else if (typeof v === 'function') {
      // A class, or a function with properties of its own (yaml's `visit.BREAK`).
      usesCallable = true;
      lines.push(`export const ${name} = /* @__PURE__ */ lazyCallable(() => part()[${id}]);`);
    } else if (v !== null && typeof v === 'object' && (Array.isArray(v) || [Object.prototype, null].includes(Object.getPrototypeOf(v)))) {
      usesValue = true;
      lines.push(`export const ${name} = /* @__PURE__ */ lazyValue(() => part()[${id}], ${Array.isArray(v) ? '[]' : '{}'});`);
    } else {
      // Left out: an import of it fails the build ("No matching export"), at the importer.
      lines.push(`// ${name}: a ${typeof v}, no stand-in; import it with await import()`);
    }
  }
  if (usesValue) lines.push(LAZY_VALUE);
  if (usesCallable) lines.push(LAZY_CALLABLE);
  return lines.join('\n') + '\n';
}

// A class or a function with properties of the part: `new` builds the real class's instance (a
// subclass's `new` passes its own newTarget through), calls and statics go to the real one, and
// `x instanceof Stand` asks the real class.
const LAZY_CALLABLE = `function lazyCallable(real) {
  const stand = new Proxy(function () {}, {
    apply: (_, self, args) => Reflect.apply(real(), self, args),
    construct: (_, args, newTarget) => Reflect.construct(real(), args, newTarget === stand ? real() : newTarget),
    get: (_, key) => (key === Symbol.hasInstance ? (v) => v instanceof real() : Reflect.get(real(), key)),
    has: (_, key) => Reflect.has(real(), key),
  });
  return stand;
}`;

// A read-only view of the part's array or object: every read goes to the real one (loaded on the
// first). The target is an empty array or object, so `Array.isArray` holds and the Proxy
// invariants do: only an array's `length` is non-configurable on the target, and stays writable.
const LAZY_VALUE = `function lazyValue(real, target) {
  const no = () => false;
  return new Proxy(target, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      if (d === undefined) return undefined;
      const t = Reflect.getOwnPropertyDescriptor(target, key);
      return t !== undefined && !t.configurable ? { ...d, writable: true } : { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    set: no, defineProperty: no, deleteProperty: no, setPrototypeOf: no, preventExtensions: no,
  });
}`;

/** Sends each import of a part to it (a stand-in or a require), in a bundle in dist/ (`parts`: EXTENSION_PARTS or CLI_PARTS). */
export function lazyParts(parts) {
  return {
    name: 'lazy-parts',
    setup(build) {
      const resolved = new Map();
      build.onResolve({ filter: /^lazy-shared-registry:/ }, (args) => ({ path: args.path.slice('lazy-shared-registry:'.length), namespace: 'lazy-shared-registry' }));
      build.onResolve({ filter: /^lazy-part-ref:/ }, async (args) => {
        const path = args.path.slice('lazy-part-ref:'.length);
        for (const p of parts.filter((q) => !resolved.has(q.name))) {
          resolved.set(p.name, (await build.resolve(partEntry(p), { kind: 'entry-point', resolveDir: ROOT, pluginData: 'lazy-parts' })).path);
        }
        const part = parts.find((p) => resolved.get(p.name) === path);
        if (part === undefined) throw new Error(`no stand-in of ${path} in this bundle`);
        return { path, namespace: 'lazy-part', pluginData: { part, requirePath: `./parts/${part.name}.js` } };
      });
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === 'lazy-part') return { path: args.path, external: true };
        if (args.pluginData === 'lazy-parts') return undefined;
        const part = parts.find((p) => p.match.test(args.path));
        if (part === undefined) return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'lazy-parts' });
        if (!resolved.has(part.name)) {
          const e = await build.resolve(partEntry(part), { kind: 'entry-point', resolveDir: ROOT, pluginData: 'lazy-parts' });
          resolved.set(part.name, e.path);
        }
        if (r.errors.length > 0 || r.path !== resolved.get(part.name)) return undefined;
        const requirePath = `./parts/${part.name}.js`;
        if (args.kind === 'dynamic-import' || part.mode === 'require') return { path: requirePath, external: true };
        return { path: r.path, namespace: 'lazy-part', pluginData: { part, requirePath } };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-part' }, async (args) => {
        const { part, requirePath } = args.pluginData;
        return { contents: await (part.host === undefined ? lazyPartSource(part, requirePath) : sharedPartSource(part, requirePath)), loader: 'js' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-shared-registry' }, async (args) => ({
        contents: await sharedRegistrySource(parts.find((p) => p.name === args.path)),
        loader: 'js',
        resolveDir: ROOT,
      }));
    },
  };
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher, l10nRuntime] : [l10nRuntime],
};

/** @type {import('esbuild').BuildOptions[]} */
export const bundles = [
  {
    ...common,
    ...nodeBundle,
    plugins: [...common.plugins, lazyParts(EXTENSION_PARTS), ...nodeBundle.plugins],
    entryPoints: ['src/node/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    supported: { 'dynamic-import': false },
  },
  // The desktop's parse worker (src/node/parseWorker.ts starts it from dist/): the core's parse, its parts as the extension's.
  {
    ...common,
    ...nodeBundle,
    plugins: [...common.plugins, lazyParts(EXTENSION_PARTS), ...nodeBundle.plugins],
    entryPoints: ['src/node/parseWorkerMain.ts'],
    outfile: 'dist/parseWorker.js',
    supported: { 'dynamic-import': false },
  },
  {
    ...common,
    ...nodeBundle,
    plugins: [...common.plugins, lazyParts(CLI_PARTS), ...nodeBundle.plugins],
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    supported: { 'dynamic-import': false },
  },
  // Each part once (the extension and the CLI share age).
  ...[...new Map([...EXTENSION_PARTS, ...CLI_PARTS].map((p) => [p.name, p])).values()].map((part) => ({
    ...common,
    ...partBundle(part),
    plugins: [...common.plugins, ...partBundle(part).plugins],
  })),
];
if (existsSync(join(ROOT, 'src/web/extension.ts'))) {
  bundles.push({
    ...common,
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  });
  // The browser's parse worker (src/web/parseWorker.ts starts it from dist/web/): one classic
  // script, since VS Code's nested worker loads it with importScripts; the core's parse and edits whole.
  bundles.push({
    ...common,
    entryPoints: ['src/web/parseWorkerMain.ts'],
    outfile: 'dist/web/parseWorker.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}
if (existsSync(join(ROOT, 'webview/main.ts'))) {
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

/**
 * Builds `outfile` (as named in `bundles`, e.g. dist/cli.js) and every part into `dir`, laid out as
 * in dist/: the CLI's tests run that copy (test/unit/cli/run.ts), parts and all.
 */
export async function buildInto(outfile, dir, extra = {}) {
  const targets = bundles.filter((b) => b.outfile === outfile || b.outfile.startsWith('dist/parts/'));
  if (!targets.some((b) => b.outfile === outfile)) throw new Error(`no bundle ${outfile} in esbuild.mjs`);
  await Promise.all(targets.map((b) => esbuild.build({ ...b, absWorkingDir: ROOT, ...extra, outfile: join(dir, b.outfile.slice('dist/'.length)) })));
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
    // The schema's messages go through @vscode/l10n: its package `require`s fs, which an ESM bundle cannot.
    plugins: [l10nRuntime],
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
