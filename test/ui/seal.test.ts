/**
 * The sidebar's lock view (issue 12) in the real workbench: a file whose feedback is sealed to
 * the mentee's key, opened in a fresh browser profile with no key (who can read each field, no
 * armor), then the key pasted through *Mentoring: Set Up My Key* (the feedback opened, with the
 * lock and who can read it), then a second window on the same folder in another fresh profile
 * (no key there): who can read each field, and a task added from it leaves every sealed block
 * byte-identical. Screenshots: test-results/sidebar-seal-locked.png and
 * test-results/sidebar-seal-opened.png.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { FrameLocator, Page } from 'playwright-core';
import { seal } from '../../src/core/seal/age';
import { setIn } from '../../src/core/yaml/edit';
import { answerQuickInput, openSidebar, openWorkbench, pickQuickInput, resultsDir, runCommand, sidebarFrame, waitUntil, type Workbench } from './helpers';

const DAY = 86_400_000;
const VALUABLE = 'The honest talk about missed deadlines';
const CHANGE = 'More pairing, fewer slides';

async function sealedFile(recipient: string): Promise<string> {
  const now = Date.now();
  let text = `version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor, key: ${recipient} }
  started: ${new Date(now - 30 * DAY).toISOString().slice(0, 10)}
sessions:
  - id: s1
    at: ${new Date(now - 2 * DAY).toISOString().slice(0, 19)}Z
    topic: Career worries
    status: held
    feedback:
      - from: mentee
        rating: 3
        valuable: x
        change: x
`;
  text = setIn(text, ['sessions', 0, 'feedback', 0, 'rating'], await seal('4', [recipient]));
  text = setIn(text, ['sessions', 0, 'feedback', 0, 'valuable'], await seal(VALUABLE, [recipient]));
  text = setIn(text, ['sessions', 0, 'feedback', 0, 'change'], await seal(CHANGE, [recipient]));
  return text;
}

async function feedbackTab(page: Page): Promise<FrameLocator> {
  await openSidebar(page);
  const frame = sidebarFrame(page);
  await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 60_000 });
  await frame.getByRole('tab', { name: /^Feedback/ }).click();
  await frame.locator('#panel-feedback').waitFor();
  return frame;
}

async function sidebarShot(page: Page, name: string): Promise<string> {
  const file = path.join(resultsDir(), `sidebar-${name}.png`);
  await page.locator('.part.sidebar').first().screenshot({ path: file });
  return file;
}

describe('Sealed feedback in the sidebar (real workbench)', function () {
  let wb: Workbench;
  let identity = '';

  before(async () => {
    identity = await generateX25519Identity();
    wb = await openWorkbench({ files: { '.mentoring.yaml': await sealedFile(await identityToRecipient(identity)) }, settings: { 'mentoring.role': 'mentee' } });
  });
  after(async () => wb?.close());

  it('without a key: each sealed field says who can read it, never armor or an error', async () => {
    const frame = await feedbackTab(wb.page);
    const locked = frame.locator('#panel-feedback .sealed-locked');
    await waitUntil(async () => (await locked.count()) === 3, 'three sealed fields shown as locked');
    const text = await frame.locator('#panel-feedback').innerText();
    assert.match(text, /sealed — readable by Ben Okafor \(mentee\)/);
    assert.doesNotMatch(text, /AGE ENCRYPTED|BEGIN AGE|error/i);
    assert.ok(!text.includes(VALUABLE));
    console.log(`      screenshot: ${path.relative(process.cwd(), await sidebarShot(wb.page, 'seal-locked'))}`);
  });

  it('with the key pasted in Set Up My Key: the feedback opened, with the lock and who can read it', async () => {
    await runCommand(wb.page, 'Mentoring: Set Up My Key');
    await pickQuickInput(wb.page, 'Paste a secret key');
    await answerQuickInput(wb.page, identity, { expect: /secret key/i });
    const frame = await feedbackTab(wb.page);
    await waitUntil(async () => (await frame.locator('#panel-feedback').innerText()).includes(VALUABLE), 'the feedback opened in the sidebar', 30_000);
    const text = await frame.locator('#panel-feedback').innerText();
    assert.ok(text.includes(CHANGE), text);
    assert.match(text, /Sealed — readable by Ben Okafor \(mentee\)/);
    assert.equal(await frame.locator('#panel-feedback .sealed-opened').count(), 1);
    assert.equal(await frame.locator('#panel-feedback .sealed-locked').count(), 0);
    assert.doesNotMatch(text, /AGE ENCRYPTED|BEGIN AGE/);
    console.log(`      screenshot: ${path.relative(process.cwd(), await sidebarShot(wb.page, 'seal-opened'))}`);
  });

  it('a second window with no key (a fresh browser profile): who can read each field, and a task can still be added', async () => {
    const before = fs.readFileSync(path.join(wb.folder, '.mentoring.yaml'), 'utf8');
    const armor = (t: string) => t.match(/-----BEGIN AGE ENCRYPTED FILE-----[\s\S]*?-----END AGE ENCRYPTED FILE-----/g) ?? [];
    const second = await openWorkbench({ folder: wb.folder });
    try {
      const frame = await feedbackTab(second.page);
      const locked = frame.locator('#panel-feedback .sealed-locked');
      await waitUntil(async () => (await locked.count()) === 3, 'three sealed fields shown as locked in the second window');
      const text = await frame.locator('#panel-feedback').innerText();
      assert.match(text, /sealed — readable by Ben Okafor \(mentee\)/);
      assert.ok(!text.includes(VALUABLE), 'the second window has no key: nothing opened');
      await frame.getByRole('tab', { name: /^Tasks/ }).click();
      // With no task yet the form is open already (a click on its summary would close it).
      const form = frame.locator('details.add-task');
      if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
      await frame.locator('#task-title input').fill('Write down three questions for next time');
      await frame.locator('#task-add').click();
      const file = path.join(wb.folder, '.mentoring.yaml');
      const after = await waitUntil(() => {
        const t = fs.readFileSync(file, 'utf8');
        return t.includes('title: Write down three questions for next time') ? t : undefined;
      }, 'the task added from the window with no key');
      assert.deepEqual(armor(after), armor(before), 'every sealed block byte-identical');
      assert.equal(armor(before).length, 3);
    } finally {
      await second.close();
    }
  });
});
