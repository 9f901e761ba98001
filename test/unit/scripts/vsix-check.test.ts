import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { ROOT as ROOT_DIR } from '../../fixtures';

const root = ROOT_DIR;

interface ZipEntry {
  name: string;
  size: number;
  read(): Buffer;
}
interface VsixCheck {
  readZip(buf: Buffer): ZipEntry[];
  unexpected(name: string): string | undefined;
  referencedFiles(pkg: unknown): string[];
  isDevelopmentBundle(text: string): boolean;
  networkCalls(text: string): string[];
  missingParts(entries: ZipEntry[]): string[];
  bundleSizeProblems(entries: ZipEntry[]): string[];
  MAX_EXTENSION_BYTES: number;
  pngSize(buf: Buffer): { width: number; height: number };
  listingProblems(pkg: unknown, file: (name: string) => Buffer | undefined): string[];
  readmeImageProblems(readme: string, repositoryUrl: string, committed: (path: string) => boolean): { images: number; problems: string[] };
}

/** A zip as vsce writes one: local headers, then the central directory, then its end record (CRC left 0: not read). */
function zip(files: { name: string; data: string; deflate: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const raw = Buffer.from(f.data);
    const body = f.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(f.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(f.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(f.deflate ? 8 : 0, 10);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('scripts/vsix-check.mjs (npm run test:vsix)', () => {
  let check: VsixCheck;
  before(async () => {
    check = (await import(join(root, 'scripts', 'vsix-check.mjs'))) as VsixCheck;
  });

  it('reads names, sizes and stored or deflated content from a zip', () => {
    const pkg = JSON.stringify({ name: 'mentoring', text: 'x'.repeat(500) });
    const entries = check.readZip(zip([
      { name: 'extension.vsixmanifest', data: '<manifest/>', deflate: false },
      { name: 'extension/package.json', data: pkg, deflate: true },
    ]));
    assert.deepEqual(entries.map((e) => [e.name, e.size]), [['extension.vsixmanifest', 11], ['extension/package.json', pkg.length]]);
    assert.equal(entries[0]?.read().toString(), '<manifest/>');
    assert.equal(entries[1]?.read().toString(), pkg);
  });

  it('refuses a file that is not a zip, saying so', () => {
    assert.throws(() => check.readZip(Buffer.from('PK but not really a zip file at all')), /not a zip file/);
  });

  it('lets in only bundles, media, docs and the manifest', () => {
    for (const ok of ['extension.vsixmanifest', '[Content_Types].xml', 'extension/package.json', 'extension/readme.md', 'extension/changelog.md',
      'extension/LICENSE.txt', 'extension/THIRD-PARTY-NOTICES.md', 'extension/package.nls.json', 'extension/package.nls.de.json', 'extension/l10n/bundle.l10n.de.json', 'extension/dist/extension.js', 'extension/dist/cli.js', 'extension/dist/parts/yaml.js', 'extension/dist/web/extension.js', 'extension/dist/webview.css', 'extension/media/walkthrough/plan.md']) {
      assert.equal(check.unexpected(ok), undefined, ok);
    }
    assert.match(check.unexpected('extension/dist/extension.js.map') ?? '', /source map/);
    assert.match(check.unexpected('extension/src/extension.ts') ?? '', /not a bundle/);
    assert.match(check.unexpected('extension/node_modules/yaml/dist/index.js') ?? '', /not a bundle/);
    assert.match(check.unexpected('extension/test/unit/parse.test.ts') ?? '', /not a bundle/);
    assert.match(check.unexpected('extension/dist/notes.txt') ?? '', /not a bundle/);
    assert.match(check.unexpected('extension/package.nls.backup.json') ?? '', /not a bundle/);
    assert.match(check.unexpected('extension/l10n/notes.json') ?? '', /not a bundle/);
  });

  it('names each part a bundle requires that the VSIX leaves out (the extension would fail on first use)', () => {
    const entries = check.readZip(zip([
      { name: 'extension/dist/extension.js', data: 'var a=()=>l??=require("./parts/hints.js"),b=require("./parts/age.js");require("vscode");', deflate: true },
      { name: 'extension/dist/parts/hints.js', data: 'module.exports={}', deflate: false },
    ]));
    assert.deepEqual(check.missingParts(entries), ['extension/dist/extension.js requires ./parts/age.js, which is not in the VSIX; add !dist/parts/age.js to .vscodeignore']);
    assert.deepEqual(check.missingParts(entries.filter((e) => !e.name.endsWith('extension.js'))), []);
    const nested = check.readZip(zip([
      { name: 'extension/dist/parts/commands.js', data: 'var i=()=>l??=require("./ics.js"),a=require("./age.js");', deflate: true },
      { name: 'extension/dist/parts/age.js', data: 'module.exports={}', deflate: false },
    ]));
    assert.deepEqual(check.missingParts(nested), ['extension/dist/parts/commands.js requires ./ics.js, which is not in the VSIX; add !dist/parts/ics.js to .vscodeignore'], 'a part requires the parts next to it');
  });

  it('refuses a dist/extension.js over 300 KB (what activation loads), and only that bundle', () => {
    assert.equal(check.MAX_EXTENSION_BYTES, 300 * 1024);
    const of = (name: string, bytes: number): ZipEntry[] => check.readZip(zip([{ name, data: 'x'.repeat(bytes), deflate: true }]));
    assert.deepEqual(check.bundleSizeProblems(of('extension/dist/extension.js', 300 * 1024)), [], 'at the limit');
    const over = check.bundleSizeProblems(of('extension/dist/extension.js', 300 * 1024 + 1));
    assert.equal(over.length, 1);
    assert.match(over[0] ?? '', /extension\/dist\/extension\.js is 307201 bytes, over the 307200 \(300 KB\)/);
    assert.deepEqual(check.bundleSizeProblems(of('extension/dist/parts/hints.js', 400 * 1024)), [], 'a part may be larger');
  });

  it('.vscodeignore lets in every part of the extension (esbuild.mjs, EXTENSION_PARTS)', async () => {
    const { EXTENSION_PARTS } = (await import(join(root, 'esbuild.mjs'))) as { EXTENSION_PARTS: { name: string }[] };
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const p of EXTENSION_PARTS) assert.ok(ignore.includes(`!dist/parts/${p.name}.js`), `!dist/parts/${p.name}.js in .vscodeignore`);
  });

  it('tells a development bundle (linked source map) from a production one', () => {
    assert.equal(check.isDevelopmentBundle('"use strict";\nvar a=1;\n//# sourceMappingURL=extension.js.map\n'), true);
    assert.equal(check.isDevelopmentBundle('"use strict";var a=1;module.exports={activate};\n'), false);
    assert.equal(check.isDevelopmentBundle('const s = "//# sourceMappingURL=x.map";\nmodule.exports = s;\n'), false, 'only a trailing comment counts');
  });

  it('finds every local file package.json points at, and each exists in the repository', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const refs = check.referencedFiles(pkg);
    for (const expected of ['dist/extension.js', 'dist/web/extension.js', 'media/mentoring.svg', 'media/mentoring.schema.json', 'media/walkthrough/setup.md']) {
      assert.ok(refs.includes(expected), `${expected} among ${refs.join(', ')}`);
    }
    assert.ok(!refs.some((r) => r.startsWith('$(') || r.startsWith('./')), refs.join(', '));
    // Built files appear after `npm run build`; everything else must be in the repository now.
    for (const ref of refs.filter((r) => !r.startsWith('dist/'))) assert.ok(existsSync(join(root, ref)), `${ref} is missing`);
  });

  it('finds every way a bundle could reach the network, and not the word fetch in a hint rule', () => {
    assert.deepEqual(check.networkCalls('const r = await fetch (url);'), ['fetch()']);
    assert.deepEqual(check.networkCalls('new XMLHttpRequest(); new WebSocket(u); navigator.sendBeacon(u, d)'), ['XMLHttpRequest', 'WebSocket', 'sendBeacon']);
    assert.deepEqual(check.networkCalls('var h=require("node:https"),n=require(\'net\');'), ["require('http'/'net'/…)"]);
    assert.deepEqual(check.networkCalls('vscode.env.createTelemetryLogger(sender)'), ['vscode.env.createTelemetryLogger']);
    assert.deepEqual(check.networkCalls('require("@vscode/extension-telemetry")'), ["a telemetry SDK"]);
    assert.deepEqual(check.networkCalls('/(?:load\\w*|fetch\\w*|resolv\\w*)/; require("node:fs"); require("node:crypto")'), []);
  });

  describe('the listing (what the Marketplace and Open VSX show)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const icon = readFileSync(join(root, 'media', 'icon.png'));
    const vsix = (files: Record<string, Buffer>) => (name: string): Buffer | undefined => files[name];
    const complete = vsix({ 'extension/media/icon.png': icon, 'extension/LICENSE.txt': Buffer.from('MIT License'), 'extension/THIRD-PARTY-NOTICES.md': Buffer.from('# Third-party notices') });

    it('runs on the user\'s machine in remote windows, as ARCHITECTURE.md and docs/marketplace.md say', () => {
      // Private notes and the editor's keys follow the extension host: see ARCHITECTURE.md, "Where it runs".
      assert.deepEqual(pkg.extensionKind, ['ui', 'workspace']);
      assert.match(readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8'), /## Where it runs \(`extensionKind`\)\n\n`package\.json` declares `"extensionKind": \["ui", "workspace"\]`/);
      assert.match(readFileSync(join(root, 'docs', 'marketplace.md'), 'utf8'), /`"extensionKind": \["ui", "workspace"\]`/);
    });

    it('reads a PNG\'s size and refuses what is not a PNG', () => {
      assert.deepEqual(check.pngSize(icon), { width: 128, height: 128 });
      assert.throws(() => check.pngSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), /not a PNG/);
    });

    it('finds nothing wrong with this package.json and its icon', () => {
      assert.deepEqual(check.listingProblems(pkg, complete), []);
    });

    it('names each missing or wrong field', () => {
      const broken = { ...pkg, repository: undefined, bugs: 'http://example.com/issues', homepage: undefined, license: undefined,
        galleryBanner: { color: 'teal' }, keywords: ['one'], categories: ['Other', 'Mentoring'], extensionKind: ['workspace'] };
      const problems = check.listingProblems(broken, complete).join('\n');
      for (const expected of [/repository\.url is undefined/, /bugs\.url is "http:\/\/example\.com\/issues", not an https URL/, /homepage is undefined/,
        /no license/, /galleryBanner\.color is "teal"/, /galleryBanner\.theme is undefined/, /1 keywords/, /category "Mentoring" is not one of VS Code's/,
        /extensionKind is \["workspace"\], expected \["ui","workspace"\].*ARCHITECTURE\.md/]) {
        assert.match(problems, expected);
      }
      assert.match(check.listingProblems({ ...pkg, categories: ['Other'] }, complete).join('\n'), /not only "Other"/);
    });

    it('wants the icon inside the VSIX, as a 128×128 PNG, and the licence file', () => {
      assert.match(check.listingProblems(pkg, vsix({ 'extension/LICENSE.txt': Buffer.from('MIT') })).join('\n'), /media\/icon\.png is not in the VSIX/);
      assert.match(check.listingProblems({ ...pkg, icon: 'media/mentoring.svg' }, complete).join('\n'), /needs a PNG/);
      const small = Buffer.from(icon);
      small.writeUInt32BE(64, 16);
      assert.match(check.listingProblems(pkg, vsix({ 'extension/media/icon.png': small, 'extension/LICENSE.txt': Buffer.from('MIT') })).join('\n'), /64×128, not 128×128/);
      assert.match(check.listingProblems(pkg, vsix({ 'extension/media/icon.png': icon })).join('\n'), /no LICENSE file/);
    });

    it('wants the third-party notices (the hint model is trained on MIT data), and .vscodeignore lets them in', () => {
      const problems = check.listingProblems(pkg, vsix({ 'extension/media/icon.png': icon, 'extension/LICENSE.txt': Buffer.from('MIT') }));
      assert.deepEqual(problems, ['no THIRD-PARTY-NOTICES.md in the VSIX (the hint model is trained on the Ehsani et al. data, MIT)']);
      assert.ok(readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').includes('!THIRD-PARTY-NOTICES.md'));
      const notices = readFileSync(join(root, 'THIRD-PARTY-NOTICES.md'), 'utf8');
      assert.match(notices, /Ehsani, Mia Mohammad Imran, Robert Zita, Kostadin Damevski and Preetha Chatterjee/);
      assert.match(notices, /Copyright \(c\) 2023 VCU Software Improvement Lab/);
      assert.match(notices, /Permission is hereby granted, free of charge/);
    });

    it('checks each README image: https, not SVG, and committed when it points into this repository', () => {
      const repo = 'https://github.com/mentoring-dev/mentoring.git';
      const raw = 'https://github.com/mentoring-dev/mentoring/raw/HEAD/';
      const committed = (p: string): boolean => p === 'docs/images/sidebar-tasks.png';
      const readme = [`![Tasks](${raw}docs/images/sidebar-tasks.png)`, `| ![Gone](${raw}docs/images/gone.png "title") |`,
        '![Relative](docs/images/sidebar-tasks.png)', '<img alt="badge" src="https://example.com/badge.svg">',
        '![Elsewhere](https://example.com/shot.png)', '[a link, not an image](docs/hints.md)'].join('\n');
      const { images, problems } = check.readmeImageProblems(readme, repo, committed);
      assert.equal(images, 5);
      assert.deepEqual(problems.map((p) => p.replace(/ .*/, ' …')), [`README …`, 'README …', 'README …']);
      assert.match(problems[0] ?? '', /docs\/images\/gone\.png is not a committed file/);
      assert.match(problems[1] ?? '', /docs\/images\/sidebar-tasks\.png is not an https URL/);
      assert.match(problems[2] ?? '', /badge\.svg is an SVG/);
    });
  });
});
