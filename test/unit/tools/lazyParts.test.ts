/**
 * esbuild.mjs's lazy parts: a bundle that leaves code in dist/parts/ and loads it on first use.
 * First on fixtures (test/fixtures/lazy/: every kind of export, loads counted), then on the
 * product's own bundles (what they leave out, and that each part they require is built).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ROOT } from '../../fixtures';

interface Part {
  name: string;
  entry: string;
  match: RegExp;
  mode: 'proxy' | 'require';
  host?: esbuild.BuildOptions;
}
interface BuildScript {
  lazyParts: (parts: Part[]) => esbuild.Plugin;
  partBundle: (part: Part, extra?: esbuild.BuildOptions) => esbuild.BuildOptions;
  nodeBundle: esbuild.BuildOptions;
  bundles: esbuild.BuildOptions[];
  EXTENSION_PARTS: Part[];
  CLI_PARTS: Part[];
}
interface Entry {
  callGreet(name: string): string;
  callSelf(): unknown;
  rules(): readonly { id: string; n: number }[];
  frozen(): readonly string[];
  table(): Record<string, number>;
  box(n: number): Promise<{ value: number }>;
  make(n: number): { kind: string; n: number; twice(): number };
  isThing(v: unknown): boolean;
  kind(): string;
  visit(items: readonly number[]): number;
  breakSymbol(): symbol;
}

const script = (): Promise<BuildScript> => import(pathToFileURL(join(ROOT, 'esbuild.mjs')).href) as Promise<BuildScript>;
const loads = (): number => (globalThis as { lazyPartLoads?: number }).lazyPartLoads ?? 0;
const FIXTURE_PARTS = (mode: Part['mode']): Part[] => [
  { name: 'part', entry: 'test/fixtures/lazy/part.ts', match: /(^|\/)part$/, mode },
  { name: 'dynamic', entry: 'test/fixtures/lazy/dynamic.ts', match: /(^|\/)dynamic$/, mode },
];

describe('lazy parts (esbuild.mjs)', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-lazy-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function build(name: string, entry: string, mode: Part['mode']): Promise<string> {
    const s = await script();
    const parts = FIXTURE_PARTS(mode);
    const outfile = join(dir, name, 'main.js');
    await esbuild.build({ ...s.nodeBundle, bundle: true, entryPoints: [join(ROOT, entry)], outfile, logLevel: 'silent', supported: { 'dynamic-import': false },
      plugins: [s.lazyParts(parts), ...(s.nodeBundle.plugins ?? [])] });
    for (const p of parts) await esbuild.build(s.partBundle(p, { outfile: join(dir, name, 'parts', `${p.name}.js`), logLevel: 'silent' }));
    return outfile;
  }

  it('proxy: loading the bundle leaves the part unloaded; the first call loads it once; every read is the real value', async () => {
    const main = await build('proxy', 'test/fixtures/lazy/entry.ts', 'proxy');
    const before = loads();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    const m = require(main) as Entry;
    assert.equal(loads(), before, 'requiring the bundle does not load the part');
    assert.equal(m.callGreet('Ana'), 'hello, Ana');
    assert.equal(loads(), before + 1);
    assert.equal(m.callSelf(), 'me', 'this is passed through');
    const rules = m.rules();
    assert.ok(Array.isArray(rules));
    assert.equal(rules.length, 2);
    assert.deepEqual(rules.find((r) => r.id === 'b'), { id: 'b', n: 2 });
    assert.deepEqual([...rules].map((r) => r.n), [1, 2]);
    assert.deepEqual(Object.keys(rules), ['0', '1']);
    assert.equal(JSON.stringify(rules), '[{"id":"a","n":1},{"id":"b","n":2}]');
    assert.deepEqual(Object.keys(m.frozen()), ['0', '1'], 'a frozen array reads too');
    assert.deepEqual({ ...m.table() }, { one: 1, two: 2 });
    assert.ok('two' in m.table());
    assert.throws(() => {
      m.table().three = 3;
    }, TypeError, 'the stand-in is read-only');
    assert.equal((await m.box(7)).value, 7, 'an await import() of a part is a require of it');
    assert.equal(loads(), before + 1, 'the part was loaded once');
  });

  it('proxy: a class builds real instances, keeps its statics, answers instanceof; a function keeps its properties', async () => {
    const main = await build('class', 'test/fixtures/lazy/entry.ts', 'proxy');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    const m = require(main) as Entry;
    const thing = m.make(4);
    assert.equal(thing.kind, 'thing');
    assert.equal(thing.twice(), 8, 'methods from the real prototype');
    assert.ok(m.isThing(thing));
    assert.ok(!m.isThing({ kind: 'thing' }));
    assert.equal(m.kind(), 'thing', 'statics');
    assert.equal(m.visit([1, 2, 3]), 3);
    assert.equal(typeof m.breakSymbol(), 'symbol');
    assert.equal(m.breakSymbol(), m.breakSymbol());
  });

  it('proxy: a subclass of the part\'s class works, and loads the part when it is declared', async () => {
    const main = await build('subclass', 'test/fixtures/lazy/subclass.ts', 'proxy');
    const before = loads();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    const m = require(main) as { Special: new (n: number) => { n: number; special(): string }; isThing(v: unknown): boolean };
    assert.equal(loads(), before + 1, 'extends reads the prototype at once');
    const special = new m.Special(5);
    assert.equal(special.special(), 'special 10');
    assert.equal(special.n, 5, 'the real constructor ran');
    assert.ok(m.isThing(special));
    assert.equal(special.constructor, m.Special);
  });

  it('proxy: a static import of a primitive (no stand-in) fails the build at the importer', async () => {
    await assert.rejects(build('primitive', 'test/fixtures/lazy/primitiveImport.ts', 'proxy'), (err: Error) => {
      assert.match(err.message, /No matching export .* for import "VERSION"/);
      assert.match(err.message, /primitiveImport\.ts/);
      return true;
    });
  });

  it('require: the part is required where its importer is first evaluated', async () => {
    const main = await build('require', 'test/fixtures/lazy/entry.ts', 'require');
    const before = loads();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    const m = require(main) as Entry;
    assert.equal(loads(), before + 1, 'entry.ts imports it statically and runs at load');
    assert.equal(m.callGreet('Ben'), 'hello, Ben');
    assert.equal(m.rules().length, 2);
  });

  /** host.ts as a bundle with the fixture part and the shared part commands.ts (or `entry`), each part built beside it. */
  async function buildShared(name: string, hostEntry = 'host.ts', entry = 'commands.ts'): Promise<{ main: string; text: string; partText: string }> {
    const s = await script();
    const outfile = join(dir, name, 'main.js');
    const shared: Part = { name: 'commands', entry: `test/fixtures/lazy/shared/${entry}`, match: new RegExp(`(^|/)${entry.replace(/\.ts$/, '')}$`), mode: 'proxy' };
    const parts = [FIXTURE_PARTS('proxy')[0] as Part, shared];
    const host: esbuild.BuildOptions = { ...s.nodeBundle, bundle: true, absWorkingDir: ROOT, entryPoints: [join(ROOT, 'test/fixtures/lazy/shared', hostEntry)], outfile, logLevel: 'silent',
      supported: { 'dynamic-import': false }, plugins: [s.lazyParts(parts), ...(s.nodeBundle.plugins ?? [])] };
    shared.host = host;
    await esbuild.build(host);
    for (const p of parts) await esbuild.build(s.partBundle(p, { outfile: join(dir, name, 'parts', `${p.name}.js`), logLevel: 'silent' }));
    return { main: outfile, text: readFileSync(outfile, 'utf8'), partText: readFileSync(join(dir, name, 'parts', 'commands.js'), 'utf8') };
  }

  it('shared: the part holds only what its host does not, takes the rest from the host (one copy, one state), and loads on the first call', async () => {
    const { main, text, partText } = await buildShared('shared');
    assert.ok(partText.includes('only-in-the-shared-part') && !text.includes('only-in-the-shared-part'), 'own.ts is in the part alone');
    assert.ok(text.includes('the-state-module') && !partText.includes('the-state-module'), 'state.ts is in the host alone');
    assert.ok(!partText.includes('hello, '), 'the other part is not copied into the shared part');
    const sharedLoads = (): number => (globalThis as { sharedPartLoads?: number }).sharedPartLoads ?? 0;
    const [before, partBefore] = [sharedLoads(), loads()];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle written just now
    const m = require(main) as { hostBump(): number; count(): number; runPart(by: string): Promise<{ by: string }>; twicePart(n: number): [number, unknown]; isToken(v: unknown): boolean; hello(n: string): string };
    assert.equal(sharedLoads(), before, 'requiring the host does not load the shared part');
    assert.equal(m.hostBump(), 1);
    const token = await m.runPart('Ana');
    assert.equal(sharedLoads(), before + 1, 'the first call loads it');
    assert.equal(token.by, 'hello, Ana only-in-the-shared-part');
    assert.ok(m.isToken(token), "the part's Token is the host's class");
    assert.equal(m.count(), 2, "the part's bump() counted in the host's state.ts");
    assert.deepEqual(m.twicePart(4), [8, 'me'], 'arguments and this pass through');
    assert.equal(m.hello('Ben'), 'hello, Ben');
    assert.equal(loads(), partBefore + 1, 'the other part, used by both through the host\'s stand-in, loaded once');
    await m.runPart('Cy');
    assert.equal(sharedLoads(), before + 1, 'loaded once');
    assert.equal(m.count(), 3);
  });

  it('shared: an export that is not a function fails the build (each stand-in is a function)', async () => {
    await assert.rejects(buildShared('shared-bad', 'badHost.ts', 'badExport.ts'), /export LIMIT is not a function declaration/);
  });

  it('the product: dist/extension.js and dist/cli.js leave their parts out, and each part they require is built', async () => {
    const s = await script();
    for (const [outfile, parts, gone] of [
      ['dist/extension.js', s.EXTENSION_PARTS, [/src\/commands\/setUp\.ts$/, /src\/reviews\/hintMessages\.ts$/, /src\/core\/hints\/rules\.ts$/, /node_modules\/age-encryption\//, /node_modules\/ical-generator\//, /node_modules\/@noble\//, /node_modules\/yaml\//]],
      ['dist/cli.js', s.CLI_PARTS, [/src\/core\/hints\/rules\.ts$/, /node_modules\/age-encryption\//, /node_modules\/yaml\//, /node_modules\/js-yaml\//]],
    ] as const) {
      const options = s.bundles.find((b) => b.outfile === outfile);
      assert.ok(options, outfile);
      const r = await esbuild.build({ ...options, absWorkingDir: ROOT, outfile: join(dir, 'product', outfile), write: false, metafile: true, minify: true, sourcemap: false, logLevel: 'silent' });
      // A stand-in is an input named `lazy-part:` and the part's path; the part's own files are not.
      const inputs = Object.keys(r.metafile.inputs).filter((f) => !f.startsWith('lazy-part:'));
      assert.ok(inputs.length > 50, outfile);
      for (const re of gone) assert.ok(!inputs.some((f) => re.test(f)), `${outfile} holds ${String(re)}`);
      const text = r.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
      const required = [...text.matchAll(/require\("\.\/parts\/([\w-]+)\.js"\)/g)].map((x) => x[1]);
      // A shared part requires the parts its host holds no stand-in of (the commands part: iCalendar), from next to it.
      for (const p of parts.filter((q) => q.host !== undefined)) {
        const b = s.bundles.find((x) => x.outfile === `dist/parts/${p.name}.js`);
        assert.ok(b, p.name);
        const out = await esbuild.build({ ...b, absWorkingDir: ROOT, outfile: join(dir, 'product', `${p.name}.js`), write: false, minify: true, sourcemap: false, logLevel: 'silent' });
        const partText = out.outputFiles[0]?.text ?? '';
        required.push(...[...partText.matchAll(/require\("\.\/([\w-]+)\.js"\)/g)].map((x) => x[1]));
      }
      assert.deepEqual([...new Set(required)].sort(), parts.map((p) => p.name).sort(), `${outfile} requires each of its parts`);
      for (const p of parts) assert.ok(s.bundles.some((b) => b.outfile === `dist/parts/${p.name}.js`), `dist/parts/${p.name}.js is built`);
    }
  });
});
