// npm run test:vsix: the VSIX a user would install, checked end to end.
// 1. `vsce package --no-dependencies` (everything is bundled; no network needed).
// 2. The VSIX (a zip, read here without unzip) is under 2 MB and holds only bundles (dist/),
//    media, docs and package.json; every file package.json points at is inside.
// 3. code-server (the harness's pinned copy) installs it with --install-extension into a fresh
//    extensions folder; a workbench opened by Chromium on a folder with a .mentoring.yaml, with no
//    development path, shows the Mentoring status bar item and runs a command from the palette.
// Options: --keep (keep the run folder and the VSIX), --skip-host (steps 1-2 only).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT, findChromium, provisionCodeServer } from '../test/host/provision.mjs';
import { runDir, startCodeServer } from '../test/host/server.mjs';

// As test/host/run-integration.mjs (not imported: importing it runs the integration suite).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const MAX_BYTES = 2 * 1024 * 1024;
/** What activation loads, dist/extension.js, as the VSIX carries it: under 300 KB (issue 15; docs/speed.md). */
export const MAX_EXTENSION_BYTES = 300 * 1024;
const EXTENSION_ID = 'mentoring-dev.mentoring';
const keep = process.argv.includes('--keep');
const skipHost = process.argv.includes('--skip-host');
const timings = [];

function step(name, t0) {
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Entries of a zip file from its central directory: name, sizes, and a reader for the content. */
export function readZip(buf) {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip central directory damaged at byte ${at}`);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    entries.push({
      name, size, compressed,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + compressed);
        if (method === 0) return raw;
        if (method === 8) return inflateRawSync(raw);
        throw new Error(`${name}: zip method ${method} not supported`);
      },
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** What may be in the VSIX: the manifest, bundles, media, docs. Returns a reason for anything else. */
export function unexpected(name) {
  if (name === 'extension.vsixmanifest' || name === '[Content_Types].xml') return undefined;
  if (!name.startsWith('extension/')) return 'outside extension/';
  const rel = name.slice('extension/'.length);
  if (['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'LICENSE.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md'].includes(rel)) return undefined;
  if (/^package\.nls(\.[a-z]{2}(-[a-z]{2})?)?\.json$/i.test(rel)) return undefined; // contribution titles, per language
  if (/^l10n\/bundle\.l10n(\.[a-z]{2}(-[a-z]{2})?)?\.json$/i.test(rel)) return undefined; // the extension's strings, per language
  if (rel.startsWith('media/')) return undefined;
  if (rel.startsWith('dist/')) {
    if (rel.endsWith('.map')) return 'a source map';
    if (/\.(js|css|ttf|woff2?)$/.test(rel)) return undefined;
    return 'not a bundle';
  }
  return 'not a bundle, media or doc';
}

/** A bundle from `node esbuild.mjs` without --production: it links a source map, which the VSIX leaves out. */
export function isDevelopmentBundle(text) {
  return /\n\/\/# sourceMappingURL=\S+\s*$/.test(text.slice(-500));
}

/**
 * The parts a bundle of the VSIX requires (`require("./parts/NAME.js")`, esbuild.mjs) that are not
 * in it: the extension would fail at the first comment or seal, not at activation.
 */
export function missingParts(entries) {
  const names = new Set(entries.map((e) => e.name));
  const problems = [];
  for (const e of entries.filter((x) => /^extension\/dist\/.*\.js$/.test(x.name))) {
    const dir = path.posix.dirname(e.name);
    // A bundle requires ./parts/NAME.js; a part (a shared one: dist/parts/commands.js) the parts next to it, ./NAME.js.
    const re = dir.endsWith('/parts') ? /require\(["'](\.\/[\w.-]+\.js)["']\)/g : /require\(["'](\.\/parts\/[\w.-]+\.js)["']\)/g;
    for (const m of e.read().toString('utf8').matchAll(re)) {
      const want = path.posix.join(dir, m[1]);
      if (!names.has(want)) problems.push(`${e.name} requires ${m[1]}, which is not in the VSIX; add !${want.slice('extension/'.length)} to .vscodeignore`);
    }
  }
  return [...new Set(problems)];
}

/** dist/extension.js over MAX_EXTENSION_BYTES (a production build: minified, no source map), as a problem. */
export function bundleSizeProblems(entries) {
  const main = entries.find((e) => e.name === 'extension/dist/extension.js');
  if (main === undefined || main.size <= MAX_EXTENSION_BYTES) return [];
  return [`extension/dist/extension.js is ${main.size} bytes, over the ${MAX_EXTENSION_BYTES} (300 KB) activation loads at most: move code behind a lazy part (esbuild.mjs, PARTS; \`npm run bench bundles\`)`];
}

/** Every local file package.json points at (entry points, icons, walkthrough media, schema). */
export function referencedFiles(pkg) {
  const refs = [pkg.main, pkg.browser, pkg.icon];
  const c = pkg.contributes ?? {};
  for (const list of Object.values(c.viewsContainers ?? {})) for (const v of list) refs.push(v.icon);
  for (const list of Object.values(c.views ?? {})) for (const v of list) refs.push(v.icon);
  for (const w of c.walkthroughs ?? []) for (const s of w.steps ?? []) refs.push(s.media?.markdown, s.media?.image, s.media?.svg);
  for (const y of c.yamlValidation ?? []) refs.push(y.url);
  for (const j of c.jsonValidation ?? []) refs.push(j.url);
  return refs
    .filter((r) => typeof r === 'string' && !/^[a-z]+:/i.test(r) && !r.startsWith('$('))
    .map((r) => path.posix.normalize(r.replace(/^\.\//, '')));
}

/** Width and height of a PNG, from its IHDR chunk; throws on anything that is not a PNG. */
export function pngSize(buf) {
  const SIGNATURE = '89504e470d0a1a0a';
  if (buf.length < 24 || buf.subarray(0, 8).toString('hex') !== SIGNATURE || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// VS Code's list of extension categories (the `categories` enum of its extension manifest schema).
export const CATEGORIES = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets',
  'Testing', 'Themes', 'Visualization'];
// Where the extension runs in a remote window (SSH, containers, WSL, Codespaces): on the user's own
// machine first, so the private notes stay there; ARCHITECTURE.md ("Where it runs") says why.
export const EXTENSION_KIND = ['ui', 'workspace'];

/**
 * What a Marketplace or Open VSX listing shows, checked on the packaged package.json: the links,
 * the icon (a 128×128 PNG inside the VSIX), the banner, keywords, categories, the licence, where it
 * runs. `file(name)` gives a VSIX entry's bytes or undefined. Returns the problems found.
 */
export function listingProblems(pkg, file) {
  const problems = [];
  const https = (what, url) => {
    if (typeof url !== 'string' || !/^https:\/\/\S+$/.test(url)) problems.push(`${what} is ${JSON.stringify(url)}, not an https URL`);
  };
  https('repository.url', typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url);
  https('bugs.url', typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url);
  https('homepage', pkg.homepage);
  if (typeof pkg.license !== 'string' || !pkg.license) problems.push('no license (Open VSX refuses an unlicensed extension)');
  if (!file('extension/LICENSE.txt') && !file('extension/LICENSE')) problems.push('no LICENSE file in the VSIX');
  // The hint model's weights are trained on MIT-licensed data whose notice must ship with them.
  if (!file('extension/THIRD-PARTY-NOTICES.md')) problems.push('no THIRD-PARTY-NOTICES.md in the VSIX (the hint model is trained on the Ehsani et al. data, MIT)');
  if (typeof pkg.icon !== 'string' || !pkg.icon.endsWith('.png')) {
    problems.push(`icon is ${JSON.stringify(pkg.icon)}: the Marketplace needs a PNG`);
  } else {
    const icon = file(`extension/${path.posix.normalize(pkg.icon)}`);
    if (!icon) problems.push(`the icon ${pkg.icon} is not in the VSIX`);
    else {
      try {
        const { width, height } = pngSize(icon);
        if (width !== 128 || height !== 128) problems.push(`the icon ${pkg.icon} is ${width}×${height}, not 128×128 (node scripts/make-icon.mjs)`);
      } catch (e) {
        problems.push(`the icon ${pkg.icon}: ${e.message}`);
      }
    }
  }
  const banner = pkg.galleryBanner ?? {};
  if (!/^#[0-9a-f]{6}$/i.test(banner.color ?? '')) problems.push(`galleryBanner.color is ${JSON.stringify(banner.color)}, not a #rrggbb colour`);
  if (!['dark', 'light'].includes(banner.theme)) problems.push(`galleryBanner.theme is ${JSON.stringify(banner.theme)}, not dark or light`);
  const keywords = pkg.keywords ?? [];
  if (keywords.length < 3 || keywords.length > 30) problems.push(`${keywords.length} keywords: a listing wants 3 to 30 (vsce refuses more than 30)`);
  const categories = pkg.categories ?? [];
  for (const c of categories) if (!CATEGORIES.includes(c)) problems.push(`category "${c}" is not one of VS Code's: ${CATEGORIES.join(', ')}`);
  if (categories.length === 0 || categories.every((c) => c === 'Other')) problems.push(`categories ${JSON.stringify(categories)}: name what the extension is for, not only "Other"`);
  if (JSON.stringify(pkg.extensionKind) !== JSON.stringify(EXTENSION_KIND)) {
    problems.push(`extensionKind is ${JSON.stringify(pkg.extensionKind)}, expected ${JSON.stringify(EXTENSION_KIND)}: where the private notes live in remote windows depends on it (ARCHITECTURE.md, "Where it runs"); change both together`);
  }
  return problems;
}

/**
 * Every image of the packaged README (Markdown and <img>) as the Marketplace and Open VSX show it:
 * an https URL (vsce rewrote the relative ones against `repository`), no SVG (both galleries refuse
 * them outside badges), and one that points into this repository names a file committed here.
 * `committed(path)` says whether a repository path is a committed file.
 */
export function readmeImageProblems(readme, repositoryUrl, committed) {
  const problems = [];
  const base = `${String(repositoryUrl).replace(/\.git$/, '')}/raw/HEAD/`;
  const urls = [...readme.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), ...readme.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]);
  for (const url of urls) {
    if (!/^https:\/\//.test(url)) problems.push(`README image ${url} is not an https URL (is repository set, and relative links rewritten?)`);
    else if (/\.svg(\?|#|$)/i.test(url)) problems.push(`README image ${url} is an SVG, which the Marketplace refuses`);
    else if (url.startsWith(base) && !committed(decodeURIComponent(url.slice(base.length)))) {
      problems.push(`README image ${url}: ${url.slice(base.length)} is not a committed file, so the link will be broken`);
    }
  }
  return { images: urls.length, problems };
}

// What a bundle would need to send anything anywhere (telemetry included): the fetch and XHR of the
// web, sockets, Node's network modules, VS Code's telemetry logger, a telemetry SDK.
const NETWORK = [
  [/\bfetch\s*\(/, 'fetch()'], [/\bXMLHttpRequest\b/, 'XMLHttpRequest'], [/\bWebSocket\b/, 'WebSocket'], [/\bsendBeacon\b/, 'sendBeacon'],
  [/\bEventSource\b/, 'EventSource'], [/require\(["'](?:node:)?(?:http|https|http2|net|tls|dgram|dns)["']\)/, "require('http'/'net'/…)"],
  [/\bcreateTelemetryLogger\b/, 'vscode.env.createTelemetryLogger'], [/applicationinsights|@vscode\/extension-telemetry/i, 'a telemetry SDK'],
];

/** The network calls a bundle's text could make (none: the extension sends nothing, README "No telemetry"). */
export function networkCalls(text) {
  return NETWORK.filter(([re]) => re.test(text)).map(([, what]) => what);
}

function packageVsix(out) {
  const t0 = Date.now();
  // --no-dependencies: the bundles hold every dependency. Otherwise the plain command a publisher
  // runs: vsce rewrites the README's relative links against `repository` (checked below) and runs
  // vscode:prepublish (the production build).
  execFileSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  step('vsce package', t0);
}

function checkContents(file) {
  const buf = fs.readFileSync(file);
  const entries = readZip(buf);
  const names = entries.map((e) => e.name);
  const problems = [];
  if (buf.length >= MAX_BYTES) problems.push(`${file} is ${buf.length} bytes, not under 2 MB (${MAX_BYTES})`);
  for (const n of names) {
    const why = unexpected(n);
    if (why) problems.push(`${n}: ${why}; add it to .vscodeignore`);
  }
  for (const e of entries.filter((x) => /^extension\/dist\/.*\.js$/.test(x.name))) {
    const calls = networkCalls(e.read().toString('utf8'));
    if (calls.length) problems.push(`${e.name} can reach the network (${calls.join(', ')}): the extension promises no telemetry and no network use (docs/marketplace.md)`);
    if (isDevelopmentBundle(e.read().toString('utf8'))) {
      problems.push(`${e.name} is a development build (it links a source map): vscode:prepublish builds with --production, so dist/ was rebuilt while vsce packaged (another build running?); run again`);
    }
  }
  problems.push(...missingParts(entries));
  problems.push(...bundleSizeProblems(entries));
  const pkgEntry = entries.find((e) => e.name === 'extension/package.json');
  if (!pkgEntry) throw new Error(`${file}: no extension/package.json`);
  const pkg = JSON.parse(pkgEntry.read().toString('utf8'));
  if (`${pkg.publisher}.${pkg.name}` !== EXTENSION_ID) problems.push(`package.json names ${pkg.publisher}.${pkg.name}, expected ${EXTENSION_ID}`);
  for (const ref of referencedFiles(pkg)) {
    if (!names.includes(`extension/${ref}`)) problems.push(`package.json points at ${ref}, which is not in the VSIX`);
  }
  // Files .vscodeignore lets in from node_modules are dropped by --no-dependencies: say so.
  const ignore = fs.existsSync(path.join(ROOT, '.vscodeignore')) ? fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8') : '';
  for (const line of ignore.split('\n')) {
    const m = /^!(node_modules\/\S+)$/.exec(line.trim());
    if (m && !names.includes(`extension/${m[1]}`)) {
      console.log(`[vsix] note: .vscodeignore lets in ${m[1]}, but --no-dependencies leaves node_modules out; copy it into dist/ or media/ if the extension needs it`);
    }
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  // Every %key% of the packaged manifest resolves in the packaged package.nls.json, or VS Code shows the key.
  const nlsEntry = byName.get('extension/package.nls.json');
  const nls = nlsEntry ? JSON.parse(nlsEntry.read().toString('utf8')) : {};
  const keys = [...pkgEntry.read().toString('utf8').matchAll(/"%([^"%\s]+)%"/g)].map((m) => m[1]);
  const unresolved = keys.filter((k) => typeof nls[k] !== 'string');
  if (unresolved.length) problems.push(`package.json names ${unresolved.map((k) => `%${k}%`).join(', ')}, not in the VSIX's package.nls.json${nlsEntry ? '' : ' (missing: .vscodeignore)'}`);
  problems.push(...listingProblems(pkg, (name) => byName.get(name)?.read()));
  const readme = byName.get('extension/readme.md')?.read().toString('utf8') ?? '';
  const tracked = new Set(execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0'));
  if (pkg.l10n && !names.some((n) => n.startsWith(`extension/${path.posix.normalize(pkg.l10n)}/bundle.l10n.`))) {
    problems.push(`package.json names the l10n folder ${pkg.l10n}, but no bundle.l10n.*.json of it is in the VSIX (.vscodeignore)`);
  }
  const images = readmeImageProblems(readme, pkg.repository?.url ?? pkg.repository, (p) => tracked.has(p));
  problems.push(...images.problems);
  if (problems.length) throw new Error(`the VSIX is not as it should be:\n  ${problems.join('\n  ')}`);
  const total = entries.reduce((s, e) => s + e.size, 0);
  console.log(`[vsix] ${path.basename(file)}: ${(buf.length / 1024).toFixed(0)} KB (limit 2048 KB), ${entries.length} entries, ${(total / 1024).toFixed(0)} KB unpacked`);
  console.log(`[vsix] listing: icon ${pkg.icon} 128×128, ${pkg.keywords.length} keywords, categories ${pkg.categories.join(', ')}, extensionKind ${pkg.extensionKind.join(', ')}, ${images.images} README images resolve`);
  for (const e of entries) console.log(`[vsix]   ${String(e.size).padStart(8)}  ${e.name}`);
  return pkg;
}

/** A folder with only a mentoring file (a session planned in three days) and no editor at start. */
function writeWorkspace(dir) {
  const day = 86_400_000;
  const now = Date.now();
  const iso = (t) => new Date(t).toISOString().slice(0, 19) + 'Z';
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{ "workbench.startupEditor": "none" }\n');
  fs.writeFileSync(path.join(dir, '.mentoring.yaml'), `# Installed from the VSIX
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${new Date(now - 30 * day).toISOString().slice(0, 10)}
sessions:
  - id: next
    at: ${iso(now + 3 * day)}
    topic: Installed from the VSIX
    announced: ${iso(now)}
    status: planned
`);
}

/**
 * The installed extension's own CLI as git runs it for the merge driver (src/node/mergeDriver.ts
 * registers `<extension>/dist/cli.js merge-driver %O %A %B %P`): two sides that each add a task
 * merge cleanly with both kept, which needs the CLI and every part it loads in the VSIX.
 */
function mergeWithInstalledCli(folder, run) {
  const dir = path.join(run, 'merge');
  fs.mkdirSync(dir, { recursive: true });
  const head = 'version: 1\nagreement:\n  mentor: { name: Ana }\n  mentee: { name: Ben }\n  started: 2026-11-01\ntasks:\n';
  const task = (id, title) => `  - { id: ${id}, title: ${title}, owner: mentee, status: open }\n`;
  fs.writeFileSync(path.join(dir, 'base'), head + task('t-1', 'Read the guide'));
  fs.writeFileSync(path.join(dir, 'ours'), head + task('t-1', 'Read the guide') + task('t-2', 'Pair on the retry bug'));
  fs.writeFileSync(path.join(dir, 'theirs'), head + task('t-1', 'Read the guide') + task('t-3', 'Write the flaky-test note'));
  execFileSync(process.execPath, [path.join(folder, 'dist', 'cli.js'), 'merge-driver', 'base', 'ours', 'theirs', '.mentoring.yaml'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const merged = fs.readFileSync(path.join(dir, 'ours'), 'utf8');
  for (const t of ['Pair on the retry bug', 'Write the flaky-test note']) {
    if (!merged.includes(t)) throw new Error(`the installed CLI's merge driver lost "${t}":\n${merged}`);
  }
  console.log('[vsix] the installed dist/cli.js merged two branches\' tasks (the merge driver git runs)');
}

async function installAndActivate(vsix, pkg) {
  const run = runDir('vsix');
  let ok = false;
  let server;
  let browser;
  try {
    const t0 = Date.now();
    const { nodeDir, entry } = await provisionCodeServer();
    const extensions = path.join(run, 'extensions');
    const env = { ...process.env, HOME: path.join(run, 'home'), TMPDIR: path.join(run, 'tmp'),
      XDG_CONFIG_HOME: path.join(run, 'xdg-config'), XDG_DATA_HOME: path.join(run, 'xdg-data'), XDG_CACHE_HOME: path.join(run, 'xdg-cache'),
      PATH: `${nodeDir}/bin:${process.env.PATH}` };
    const said = execFileSync(path.join(nodeDir, 'bin', 'node'), [entry, '--install-extension', vsix, '--extensions-dir', extensions,
      '--user-data-dir', path.join(run, 'user-data')], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const installed = fs.readdirSync(extensions).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
    if (installed.length !== 1) throw new Error(`code-server --install-extension did not install ${EXTENSION_ID}: ${said}`);
    const folder = path.join(extensions, installed[0]);
    const installedPkg = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
    if (installedPkg.version !== pkg.version) throw new Error(`installed version ${installedPkg.version}, packaged ${pkg.version}`);
    console.log(`[vsix] installed into ${path.relative(ROOT, folder)}`);
    step('install', t0);
    mergeWithInstalledCli(folder, run);

    const t1 = Date.now();
    const ws = path.join(run, 'workspace');
    fs.mkdirSync(ws, { recursive: true });
    writeWorkspace(ws);
    server = await startCodeServer(run);
    const { chromium } = await import('playwright-core'); // loaded here: the helpers above are unit-tested without it
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    // No payload: the extension can only come from the extensions folder the VSIX went into.
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
    const item = page.locator('.statusbar-item [aria-label^="Mentoring: "], .statusbar-item[aria-label^="Mentoring: "]').first();
    await item.waitFor({ state: 'visible', timeout: 90_000 });
    const label = (await item.getAttribute('aria-label')) ?? '';
    if (!/Installed from the VSIX/.test(label)) throw new Error(`the status bar item does not show the planned session: "${label}"`);
    console.log(`[vsix] activated: status bar "${label}"`);
    step('workbench + activation', t1);

    // A command from the palette, run by the installed extension: the agreement opens in an editor.
    const t2 = Date.now();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>Mentoring: Open the Agreement');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Mentoring: Open the Agreement' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: '.mentoring.yaml' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    console.log('[vsix] "Mentoring: Open the Agreement" from the palette opened .mentoring.yaml');
    step('palette command', t2);
    const shots = path.join(ROOT, 'test-results');
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'vsix-installed.png') });
    ok = true;
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    if (ok && !keep) fs.rmSync(run, { recursive: true, force: true });
    else console.log(`[vsix] kept ${run} (code-server.log) for a look`);
  }
}

async function main() {
  const t0 = Date.now();
  const out = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'mentoring-vsix-')), 'mentoring.vsix');
  try {
    packageVsix(out);
    const pkg = checkContents(out);
    if (!skipHost) await installAndActivate(out, pkg);
  } finally {
    if (!keep) fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
  step('total', t0);
  console.log(`[vsix] ok: ${timings.join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(`[vsix] ${e.message}`); process.exitCode = 1; });
}
