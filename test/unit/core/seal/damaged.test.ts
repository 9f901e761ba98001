/**
 * A damaged sealed block is an error at its line, yet every other edit still runs and leaves the
 * block byte for byte as it is: the core's edit, the sealing step after it, the sidebar's view,
 * the one "file has errors" wording, and the CLI as a process.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blocksEdits, fileHasErrors, hasBlockingErrors } from '../../../../src/core/diagnostics';
import { addTask } from '../../../../src/core/edit';
import { parse } from '../../../../src/core/parse';
import { seal } from '../../../../src/core/seal/age';
import { sealEdit } from '../../../../src/core/seal/write';
import { buildViewState } from '../../../../src/core/views/sidebar';
import { setIn } from '../../../../src/core/yaml/edit';
import { cli } from '../../cli/run';
import { keygen } from './realAge';

const NOW = new Date('2026-11-20T10:00:00Z');
const mentor = keygen();
const mentee = keygen();

async function damagedFile(): Promise<{ text: string; damaged: string; good: string }> {
  let text = `version: 1
agreement:
  mentor: { name: Ana, key: ${mentor.recipient} }
  mentee: { name: Ben, key: ${mentee.recipient} }
  started: 2026-08-31
sessions:
  - id: s1
    at: 2026-11-19T15:00:00Z
    status: held
    feedback:
      - from: mentee
        rating: 3
`;
  const armor = await seal('Went well.', [mentor.recipient, mentee.recipient]);
  const lines = armor.split('\n');
  lines[2] = `${(lines[2] as string).slice(0, 9)}!${(lines[2] as string).slice(10)}`;
  text = setIn(text, ['sessions', 0, 'notes'], lines.join('\n'));
  text = setIn(text, ['sessions', 0, 'feedback', 0, 'rating'], await seal('4', [mentor.recipient, mentee.recipient]));
  const blocks = text.match(/-----BEGIN AGE ENCRYPTED FILE-----[\s\S]*?-----END AGE ENCRYPTED FILE-----/g) ?? [];
  const damaged = blocks.find((b) => b.includes('!'));
  const good = blocks.find((b) => !b.includes('!'));
  assert.ok(damaged && good);
  return { text, damaged, good };
}

describe('seal: a damaged sealed block does not block other edits', function () {
  this.timeout(60_000);
  const temps: string[] = [];
  after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is an error at its line that does not stop edits; a task is added and both sealed blocks stay byte for byte', async () => {
    const { text, damaged, good } = await damagedFile();
    const parsed = parse(text, { now: NOW });
    const bad = parsed.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(bad.map((d) => d.code), ['bad-armor']);
    const fieldLine = text.slice(0, text.indexOf(damaged)).split('\n').length - 1;
    assert.equal(bad[0]?.line, fieldLine, 'at the field: its `notes: |` line, the block below it');
    assert.match(text.split('\n')[fieldLine - 1] ?? '', /^ {4}notes: \|/);
    assert.equal(blocksEdits(bad[0]), false);
    assert.equal(hasBlockingErrors(parsed.diagnostics), false);

    const edited = addTask(text, { title: 'Write the retry test', owner: 'mentee' }, { now: NOW, random: () => 0.5 });
    assert.ok(edited.ok, edited.ok ? '' : edited.message);
    const sealed = await sealEdit(text, edited.text, { now: NOW });
    assert.ok(sealed.ok, sealed.ok ? '' : sealed.message);
    assert.match(sealed.text, /title: Write the retry test/);
    assert.ok(sealed.text.includes(damaged), 'the damaged block is kept byte for byte');
    assert.ok(sealed.text.includes(good), 'the good block is kept byte for byte');
    assert.equal(sealed.text.replace(/\ntasks:[\s\S]*$/, '\n'), text, 'nothing but the task changed');
  });

  it('the sidebar shows the file (not "broken") and lists the damaged block among the problems', async () => {
    const { text } = await damagedFile();
    const s = buildViewState({ file: { label: 'm.yaml', result: parse(text, { now: NOW }) }, now: NOW, privateLabel: 'private' });
    assert.equal(s.kind, 'ready');
    if (s.kind !== 'ready') return;
    const listed = s.warnings.filter((w) => w.code === 'bad-armor');
    assert.equal(listed.length, 1);
    assert.equal(listed[0]?.severity, 'error');
    assert.match(listed[0]?.message ?? '', /notes of session s1 is sealed, but "!" is not Base64/);
  });

  it('a file that is broken as well names its blocking error first', async () => {
    const { text } = await damagedFile();
    const broken = text.replace('status: held', 'status: [held');
    const ds = parse(broken, { now: NOW }).diagnostics;
    assert.ok(hasBlockingErrors(ds));
    assert.doesNotMatch(fileHasErrors('m.yaml', ds), /Base64/);
  });

  it('the CLI adds a task to such a file, printing nothing as a refusal, and keeps the block', async () => {
    const { text, damaged } = await damagedFile();
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-damaged-'));
    temps.push(dir);
    writeFileSync(join(dir, '.mentoring.yaml'), text);
    const r = await cli(dir, ['task', 'add', 'Write the retry test'], { HOME: join(dir, 'home'), MENTORING_NOW: NOW.toISOString() });
    assert.equal(r.code, 0, r.err);
    const after = readFileSync(join(dir, '.mentoring.yaml'), 'utf8');
    assert.match(after, /title: Write the retry test/);
    assert.ok(after.includes(damaged));
  });
});
