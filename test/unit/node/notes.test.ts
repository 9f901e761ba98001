/**
 * Private notes written from several windows at once (real processes, the desktop platform's
 * locked, atomic update and the merge by id of src/editor/notesData.ts): no note is lost, the file
 * is always whole JSON.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNotes } from '../../../src/editor/notesData';
import { NODE_PLATFORM } from '../../../src/node/platform';

function run(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'notesWorker.ts'), ...args], { cwd: join(__dirname, '../../..') });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('private notes across windows (desktop platform)', function () {
  this.timeout(120_000);
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mentoring-notes-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('four windows adding five notes each at once keep all twenty', async () => {
    const file = join(dir, 'private-notes.json');
    const runs = await Promise.all(['a', 'b', 'c', 'd'].map((w) => run([file, w, '5'])));
    for (const r of runs) assert.equal(r.code, 0, r.err);
    const notes = parseNotes(readFileSync(file, 'utf8'));
    assert.ok(notes);
    assert.equal(notes.length, 20);
    for (const w of ['a', 'b', 'c', 'd']) for (let i = 0; i < 5; i++) assert.ok(notes.some((n) => n.id === `n-${w}-${i}`), `n-${w}-${i} lost`);
    assert.deepEqual(readdirSync(dir), ['private-notes.json'], 'no lock or temp file left');
  });

  it('an update through a link writes the target and keeps the link; an unreadable file is never written over', async () => {
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'private-notes.json');
    writeFileSync(target, JSON.stringify({ version: 1, notes: [] }));
    symlinkSync(target, join(dir, 'private-notes.json'));
    const update = NODE_PLATFORM.updateFile;
    assert.ok(update);
    await update(join(dir, 'private-notes.json'), () => '{"version":1,"notes":[]}\n');
    assert.ok(lstatSync(join(dir, 'private-notes.json')).isSymbolicLink());
    assert.equal(readFileSync(target, 'utf8'), '{"version":1,"notes":[]}\n');
    writeFileSync(target, 'not json');
    await assert.rejects(update(target, (text) => {
      if (text === undefined || parseNotes(text) === undefined) throw new Error('unreadable');
      return text;
    }), /unreadable/);
    assert.equal(readFileSync(target, 'utf8'), 'not json');
  });
});
