/**
 * The browser host (issue 17), the storage cases beside test/ui/web.test.ts: the web bundle alone
 * in the web-worker extension host (`webOnlyExtension`, `extensionDevelopmentKind: web`).
 * - sealed feedback: locked with no key, opened once the key is pasted into *Set Up My Key* (kept
 *   in the browser's SecretStorage, in no file of the workspace or of the server's user data);
 * - a private notes folder given as a disk path is refused, with a message that says why (the
 *   web worker reaches no disk; the notes stay in the extension's storage).
 * Screenshots: test-results/web-seal-opened.png, web-private-notes-disk-folder-refused.png.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { FrameLocator } from 'playwright-core';
import { seal } from '../../src/core/seal/age';
import { setIn } from '../../src/core/yaml/edit';
import {
  DAY, answerQuickInput, freshFolder, openSidebar, openWorkbench, pickQuickInput, repoRoot, resultsDir, runCommand, screenshot, sidebarFrame,
  waitForNotification, waitUntil, webOnlyExtension, date, stamp,
} from './helpers';


/** A mentoring file with no error (a planned session). */
function webFile(now = Date.now()): string {
  return `version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${date(now - 40 * DAY)}
sessions:
  - id: next-one
    at: ${stamp(now + 3 * DAY)}
    topic: Testing strategy
    announced: ${stamp(now - DAY)}
    status: planned
`;
}

/** Every file below `dir` whose text contains `needle`. */
function filesHolding(dir: string, needle: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && fs.statSync(p).size < 5_000_000 && fs.readFileSync(p, 'utf8').includes(needle)) found.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found;
}

describe('the browser host: sealed feedback and where private notes may live (web bundle only)', () => {
  let extensionPath = '';
  before(() => {
    extensionPath = webOnlyExtension(repoRoot(), freshFolder('web-extension'));
  });

  it('sealed feedback: locked with no key, opened with the key pasted into Set Up My Key (SecretStorage)', async () => {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const valuable = 'The honest talk about missed deadlines';
    const now = Date.now();
    let text = `version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor, key: ${recipient} }
  started: ${date(now - 30 * DAY)}
sessions:
  - id: s1
    at: ${stamp(now - 2 * DAY)}
    topic: Career worries
    status: held
    feedback:
      - from: mentee
        rating: 3
        valuable: x
`;
    text = setIn(text, ['sessions', 0, 'feedback', 0, 'rating'], await seal('4', [recipient]));
    text = setIn(text, ['sessions', 0, 'feedback', 0, 'valuable'], await seal(valuable, [recipient]));
    const wb = await openWorkbench({ files: { '.mentoring.yaml': text }, settings: { 'mentoring.role': 'mentee' }, extensionPath, extensionKind: 'web' });
    try {
      const feedback = async (): Promise<FrameLocator> => {
        await openSidebar(wb.page);
        const frame = sidebarFrame(wb.page);
        await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 60_000 });
        await frame.getByRole('tab', { name: /^Feedback/ }).click();
        await frame.locator('#panel-feedback').waitFor();
        return frame;
      };
      let frame = await feedback();
      await waitUntil(async () => (await frame.locator('#panel-feedback .sealed-locked').count()) === 2, 'two sealed fields shown as locked');
      assert.ok(!(await frame.locator('#panel-feedback').innerText()).includes(valuable));
      await runCommand(wb.page, 'Mentoring: Set Up My Key');
      await pickQuickInput(wb.page, 'Paste a secret key');
      await answerQuickInput(wb.page, identity, { expect: /secret key/i });
      frame = await feedback();
      await waitUntil(async () => (await frame.locator('#panel-feedback').innerText()).includes(valuable), 'the feedback opened in the sidebar', 30_000);
      assert.match(await frame.locator('#panel-feedback').innerText(), /Sealed — readable by Ben Okafor \(mentee\)/);
      await wb.page.locator('.part.sidebar').first().screenshot({ path: path.join(resultsDir(), 'web-seal-opened.png') });
      // The key went to SecretStorage (the browser's side), not to a file of the workspace or of the server's user data.
      const secret = identity.slice('AGE-SECRET-KEY-'.length);
      assert.deepEqual(filesHolding(wb.folder, secret), []);
      assert.deepEqual(filesHolding(path.join(process.env.MENTORING_UI_RUN ?? '', 'user-data'), secret), [], 'the key is in no file on the server');
    } finally {
      await wb.close();
    }
  });

  it('a private notes folder given as a disk path is refused, with a message saying why', async () => {
    // A machine-scoped setting: in code-server's window it is read from the remote (Machine) settings.
    const run = process.env.MENTORING_UI_RUN ?? '';
    const machine = path.join(run, 'user-data', 'Machine', 'settings.json');
    const before = fs.existsSync(machine) ? fs.readFileSync(machine, 'utf8') : undefined;
    const diskFolder = path.join(run, 'notes-on-disk');
    fs.mkdirSync(path.dirname(machine), { recursive: true });
    fs.writeFileSync(machine, JSON.stringify({ ...(before ? JSON.parse(before) as object : {}), 'mentoring.privateNotes.folder': diskFolder }, null, 2));
    const wb = await openWorkbench({ files: { '.mentoring.yaml': webFile() }, extensionPath, extensionKind: 'web' });
    try {
      const message = await waitForNotification(wb.page, /private notes folder/, 60_000);
      assert.ok(message.includes(diskFolder), message);
      assert.match(message, /folder on disk, which the extension cannot reach when it runs in the browser/);
      assert.match(message, /stay in the extension's storage of this workbench/);
      await screenshot(wb.page, 'web-private-notes-disk-folder-refused');
      assert.ok(!fs.existsSync(diskFolder), 'nothing was written to the disk folder');
    } finally {
      await wb.close();
      if (before === undefined) fs.rmSync(machine, { force: true });
      else fs.writeFileSync(machine, before);
    }
  });
});
