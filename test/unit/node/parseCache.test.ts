/**
 * The desktop's parse cache (src/node/parseCache.ts) on real files: a kept parse comes back for
 * exactly the text it was made of, the same build and language, and for nothing else; a file cut
 * short, of another format, too large or unreadable is a miss, never an error; the write is atomic
 * and private. And the desktop's direct read of a file (`NODE_PLATFORM.readLocalFile`).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serialize } from 'node:v8';
import { parse } from '../../../src/core/parse/index';
import type { WorkerParseResult } from '../../../src/editor/platform';
import { CACHE_FILE, MAX_CACHE_BYTES, NodeParseCache } from '../../../src/node/parseCache';
import { NODE_PLATFORM } from '../../../src/node/platform';
import { FIXTURES } from '../../fixtures';
import { generateLog } from '../../fixtures/generate';

const NOW = new Date('2026-11-20T12:00:00Z');
const URI = 'file:///work/repo/.mentoring.yaml';
const DAY = '2026-11-20';

function plain(text: string): WorkerParseResult {
  const r = parse(text, { now: NOW });
  return r.model ? { ok: r.ok, model: r.model, diagnostics: r.diagnostics } : { ok: r.ok, diagnostics: r.diagnostics };
}

describe('parse cache (node)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const folder = (): string => join(dir, 'storage', 'mentoring-dev.mentoring');

  it('gives back the kept parse for exactly the same text, equal to a fresh parse', async () => {
    const text = generateLog({ sessions: 60, tasks: 300, start: '2025-01-06' });
    const result = plain(text);
    const cache = new NodeParseCache(folder(), '1.0.0:1', 'en');
    assert.equal(await new NodeParseCache(folder(), '1.0.0:1', 'en').read(), undefined, 'nothing kept yet');
    assert.equal(await cache.write(URI, text, result, DAY), true);
    assert.equal(await cache.write(URI, text, result, DAY), false, 'the same text is not written twice');
    const kept = await new NodeParseCache(folder(), '1.0.0:1', 'en').read();
    assert.ok(kept);
    assert.equal(kept.uri, URI);
    assert.deepEqual(kept.resultOf(text, DAY), result);
    assert.equal(kept.resultOf(`${text} `, DAY), undefined, 'another text (one more byte)');
    assert.equal(kept.resultOf(text.replace('t-0001', 't-0002'), DAY), undefined, 'another text of the same length');
    assert.equal(kept.resultOf(text, '2026-11-21'), undefined, 'another day: the checks depend on the date');
    assert.equal(await cache.write(URI, text, result, '2026-11-21'), true, 'the same text on another day is written again');
    assert.deepEqual((await new NodeParseCache(folder(), '1.0.0:1', 'en').read())?.resultOf(text, '2026-11-21'), result);
    assert.deepEqual(readdirSync(folder()), [CACHE_FILE], 'no temporary file left');
    if (process.platform !== 'win32') assert.equal(statSync(join(folder(), CACHE_FILE)).mode & 0o077, 0, 'readable by its owner only');
  });

  it('keeps what a worker reply keeps: numbers YAML allows that JSON does not, unknown keys, errors', async () => {
    const cache = new NodeParseCache(folder(), 'b', 'en');
    for (const name of ['base.mentoring.yaml', 'mistyped.mentoring.yaml', 'duplicated.mentoring.yaml']) {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const odd = `${text}\nextra: { big: .inf, small: -.inf, none: .nan, zero: -0.0 }\n`;
      for (const t of [text, odd]) {
        const result = plain(t);
        await cache.write(URI, t, result, DAY);
        const back = (await new NodeParseCache(folder(), 'b', 'en').read())?.resultOf(t, DAY);
        assert.deepEqual(back, result, name);
      }
    }
  });

  it('is a miss for another build, another language, another V8 format or a damaged file', async () => {
    const text = readFileSync(join(FIXTURES, 'base.mentoring.yaml'), 'utf8');
    await new NodeParseCache(folder(), 'build-1', 'en').write(URI, text, plain(text), DAY);
    assert.equal(await new NodeParseCache(folder(), 'build-2', 'en').read(), undefined, 'another build');
    assert.equal(await new NodeParseCache(folder(), 'build-1', 'de').read(), undefined, 'another language (the diagnostics are worded in it)');
    assert.ok(await new NodeParseCache(folder(), 'build-1', 'en').read(), 'the same build and language');
    const file = join(folder(), CACHE_FILE);
    const whole = readFileSync(file);
    truncateSync(file, Math.floor(whole.length / 2));
    assert.equal(await new NodeParseCache(folder(), 'build-1', 'en').read(), undefined, 'cut short');
    writeFileSync(file, 'not a V8 serialization at all');
    assert.equal(await new NodeParseCache(folder(), 'build-1', 'en').read(), undefined, 'garbage');
    const wrong = { format: 1, build: 'build-1', v8: process.versions.v8, language: 'en', uri: URI, length: text.length, sha256: 'x', result: plain(text) };
    writeFileSync(file, serialize(wrong));
    assert.equal(await new NodeParseCache(folder(), 'build-1', 'en').read(), undefined, 'a malformed digest');
    const badDiagnostic = { ...wrong, sha256: 'a'.repeat(64), result: { ok: false, diagnostics: [{ severity: 'fatal', code: 'x', message: 'x', line: 0, column: 0, endLine: 0, endColumn: 0 }] } };
    writeFileSync(file, serialize(badDiagnostic));
    assert.equal(await new NodeParseCache(folder(), 'build-1', 'en').read(), undefined, 'a diagnostic the host would not accept from a worker');
    rmSync(file);
    mkdirSync(file);
    assert.equal(await new NodeParseCache(folder(), 'build-1', 'en').read(), undefined, 'a folder where the file was');
  });

  it('does not read a cache file larger than its limit', async () => {
    mkdirSync(folder(), { recursive: true });
    const file = join(folder(), CACHE_FILE);
    writeFileSync(file, '');
    truncateSync(file, MAX_CACHE_BYTES + 1); // sparse: no real bytes written
    assert.equal(await new NodeParseCache(folder(), 'b', 'en').read(), undefined);
  });

  it('writes one after another: the last write asked for is the one kept', async () => {
    const texts = [0, 1, 2, 3].map((i) => `${readFileSync(join(FIXTURES, 'base.mentoring.yaml'), 'utf8')}\n# ${i}\n`);
    const cache = new NodeParseCache(folder(), 'b', 'en');
    await Promise.all(texts.map((t) => cache.write(URI, t, plain(t), DAY)));
    const kept = await new NodeParseCache(folder(), 'b', 'en').read();
    assert.deepEqual(kept?.resultOf(texts[3]!, DAY), plain(texts[3]!));
    assert.equal(kept?.resultOf(texts[2]!, DAY), undefined);
  });

  it('rejects a write that fails, leaving no temporary file behind', async () => {
    const text = readFileSync(join(FIXTURES, 'base.mentoring.yaml'), 'utf8');
    // A non-empty folder where the cache file goes: the rename fails (for root too).
    mkdirSync(join(folder(), CACHE_FILE, 'inside'), { recursive: true });
    await assert.rejects(new NodeParseCache(folder(), 'b', 'en').write(URI, text, plain(text), DAY));
    assert.deepEqual(readdirSync(folder()), [CACHE_FILE]);
    assert.equal(await new NodeParseCache(folder(), 'b', 'en').read(), undefined);
  });
});

describe('NODE_PLATFORM.readLocalFile', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-read-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const read = NODE_PLATFORM.readLocalFile;

  it('reads a regular file up to its limit, and nothing else', async () => {
    assert.ok(read);
    const file = join(dir, '.mentoring.yaml');
    writeFileSync(file, 'version: 1\n');
    assert.equal(Buffer.from((await read(file, 100)) ?? []).toString('utf8'), 'version: 1\n');
    assert.equal(await read(file, 5), undefined, 'larger than the limit');
    assert.equal(await read(join(dir, 'missing.yaml'), 100), undefined, 'missing');
    assert.equal(await read(dir, 100), undefined, 'a folder');
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'pipe.yaml');
      execFileSync('mkfifo', [fifo]);
      assert.equal(await read(fifo, 100), undefined, 'a named pipe, without waiting for a writer');
      assert.ok(existsSync(fifo));
    }
  });
});
