/**
 * The browser host, for every feature (issue 17): the web bundle alone (`webOnlyExtension`: no
 * `main`, `extensionKind: ["web"]`) in the workbench's web-worker extension host
 * (`extensionDevelopmentKind: web`), reaching the files only through `workspace.fs`.
 * - the sidebar renders the next session's agenda, and an item added there is written to the file;
 * - a review thread from the file's `threads:` is shown on its line;
 * - an error with a quick fix: seen in Problems, fixed with Ctrl+., the file changes on save;
 * - a private note is kept in the extension's global storage, outside the workspace;
 * - a hint in a comment box and its question rewrite (the checks of test/ui/hintsKit.ts);
 * - a private notes folder given as a disk path is refused with a message that says why.
 * Screenshots: test-results/web-*.png and test-results/web/hints-*.png.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { FrameLocator, Page } from 'playwright-core';
import { seal } from '../../src/core/seal/age';
import { setIn } from '../../src/core/yaml/edit';
import {
  answerQuickInput, freshFolder, openSidebar, openWorkbench, pickQuickInput, problems, repoRoot, resultsDir, runCommand, screenshot,
  sidebarFrame, waitForNotification, waitUntil, webOnlyExtension, type Workbench,
} from './helpers';
import { hintsUiChecks, writeHintsUiWorkspace } from './hintsKit';

const DAY = 86_400_000;
const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + ':00Z';

const CODE = `export function retry(fn: () => unknown, times: number): unknown {
  let attempt = 0;
  while (attempt < times) {
    try {
      return fn();
    } catch (err) {
      attempt++;
    }
  }
  throw new Error('gave up');
}
`;

/**
 * A planned session with an agenda, one task, and a thread on line 3 of src/retry.ts naming a task
 * that does not exist (an error: threads and edits wait until it is fixed, so the quick fix comes first).
 */
function webFile(now = Date.now()): string {
  return `# Ana and Ben, in the browser (comment at the top)
version: 1
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
    agenda:
      - Review the retry loop
tasks:
  - id: t-0001
    title: Add a failing test before fixing BILL-231
    owner: mentee
    due: ${date(now + 5 * DAY)}
    status: open
threads:
  - id: th-1
    file: src/retry.ts
    line: 3
    status: open
    comments:
      - author: Ana Silva
        body: Could this loop stop early on a fatal error?
    task: "t-0012"   # a typo: the quick fix offers t-0001
`;
}

const read = (wb: Workbench): string => fs.readFileSync(path.join(wb.folder, '.mentoring.yaml'), 'utf8');
const waitForFile = (wb: Workbench, test: (t: string) => boolean, what: string): Promise<string> =>
  waitUntil(() => { const t = read(wb); return test(t) ? t : undefined; }, what, 20_000);

/** Opens a workspace file by name through Quick Open (Ctrl+P). */
async function quickOpen(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name.replace(/^.*\//, '') }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name.replace(/^.*\//, '') }).first().waitFor({ state: 'visible', timeout: 15_000 });
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

describe('the browser host: every feature in the web-worker extension host (web bundle only)', () => {
  let extensionPath = '';
  before(() => {
    extensionPath = webOnlyExtension(repoRoot(), freshFolder('web-extension'));
  });

  describe('one workspace: sidebar, thread, quick fix, private note', () => {
    let wb: Workbench;
    let frame: FrameLocator;
    before(async () => {
      wb = await openWorkbench({ files: { '.mentoring.yaml': webFile(), 'src/retry.ts': CODE }, settings: { 'mentoring.role': 'mentee' }, extensionPath, extensionKind: 'web' });
    });
    after(async () => wb?.close());

    it('runs in the web worker: the status bar names the planned session', async () => {
      const item = wb.page.locator('.statusbar-item[aria-label^="Mentoring: "], .statusbar-item [aria-label^="Mentoring: "]').first();
      await item.waitFor({ state: 'visible', timeout: 60_000 });
      assert.match((await item.getAttribute('aria-label')) ?? '', /Testing strategy/);
      const title = await wb.page.title();
      assert.match(title, /Extension Development Host/);
    });

    it('an unknown task id: the error in Problems, the quick fix applied with Ctrl+., the file changed', async () => {
      await quickOpen(wb.page, '.mentoring.yaml');
      const rows = await waitUntil(async () => {
        const r = await problems(wb.page);
        return r.some((t) => /t-0012/.test(t)) ? r : undefined;
      }, 'the unknown-task error in Problems', 30_000);
      assert.ok(rows.some((t) => /\.mentoring\.yaml/.test(t)), rows.join(' | '));
      // The Problems row takes the cursor to the error (line 29, below the fold).
      await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 't-0012' }).last().click();
      await wb.page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'visible', timeout: 15_000 });
      await screenshot(wb.page, 'web-diagnostic-unknown-task');
      const taskLine = wb.page.locator('.editor-instance .view-line', { hasText: 't-0012' }).first();
      await taskLine.locator('span', { hasText: 't-0012' }).last().click();
      const menu = wb.page.locator('.action-widget').first();
      for (let attempt = 1; ; attempt++) {
        await wb.page.keyboard.press('Control+Period');
        try {
          await menu.waitFor({ state: 'visible', timeout: 4_000 });
          break;
        } catch (err) {
          if (attempt >= 4) throw err;
          await taskLine.click();
        }
      }
      const items = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim());
      assert.ok(items.includes('Use the existing task "t-0001"'), items.join(' | '));
      await screenshot(wb.page, 'web-quick-fix-menu');
      await menu.locator('.monaco-list-row', { hasText: 'Use the existing task "t-0001"' }).first().click();
      await wb.page.keyboard.press('Control+S');
      const text = await waitForFile(wb, (t) => !t.includes('t-0012'), 'the fixed task id saved');
      assert.match(text, /task: "?t-0001"?\s+# a typo: the quick fix offers t-0001\n/);
      await waitUntil(async () => !(await problems(wb.page)).some((t) => /t-0012/.test(t)), 'the error gone from Problems', 15_000);
    });

    it('the sidebar renders the agenda, and an item added there is written to the file', async () => {
      await openSidebar(wb.page);
      frame = sidebarFrame(wb.page);
      await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 60_000 });
      assert.match(await frame.locator('#root').innerText(), /Topic: Testing strategy/);
      assert.deepEqual(await frame.locator('.agenda-item .text').allInnerTexts(), ['Review the retry loop']);
      await frame.locator('#agenda-new input').fill('Pair on the flaky test');
      await frame.locator('#agenda-add').click();
      const text = await waitForFile(wb, (t) => t.includes('Pair on the flaky test'), 'the agenda item in the file');
      assert.match(text, /agenda:\n\s+- Review the retry loop\n\s+- Pair on the flaky test\n/);
      assert.match(text, /^# Ana and Ben, in the browser \(comment at the top\)/);
      assert.ok(text.includes('# a typo: the quick fix offers t-0001'), 'the comment on the thread is kept');
      await waitUntil(async () => (await frame.locator('.agenda-item .text').allInnerTexts()).length === 2, 'the view to show two items');
      await wb.page.locator('.part.sidebar').first().screenshot({ path: path.join(resultsDir(), 'web-sidebar-agenda.png') });
    });

    it('the review thread from `threads:` is shown on line 3 of src/retry.ts', async () => {
      await quickOpen(wb.page, 'src/retry.ts');
      // Stored threads start collapsed: the Comments panel lists it at line 3; its row opens it.
      const panelTab = wb.page.locator('.part.panel .action-item', { hasText: /^Comments/ }).first();
      if (!(await panelTab.isVisible())) await runCommand(wb.page, 'View: Toggle Panel Visibility');
      await panelTab.click();
      const listed = wb.page.locator('.part.panel .monaco-list-row', { hasText: 'Could this loop stop early on a fatal error?' }).first();
      await listed.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await listed.innerText(), /Ana Silva[\s\S]*\[Ln 3\]/);
      await listed.click();
      const widget = wb.page.locator('.review-widget', { hasText: 'Could this loop stop early on a fatal error?' }).first();
      await widget.waitFor({ state: 'visible', timeout: 30_000 });
      // The thread's zone sits right under its line: line 3 is `while (attempt < times) {`, line 5 `return fn();`.
      const line3 = wb.page.locator('.editor-instance .view-line', { hasText: 'while (attempt < times)' }).first();
      const line5 = wb.page.locator('.editor-instance .view-line', { hasText: 'return fn()' }).first();
      const [l3, l5, w] = await Promise.all([line3.boundingBox(), line5.boundingBox(), widget.boundingBox()]);
      assert.ok(l3 && l5 && w, 'lines and widget have boxes');
      assert.ok(w.y >= l3.y + l3.height - 2 && w.y < l3.y + l3.height + 30, `the thread starts under line 3 (line 3 at ${l3.y}, widget at ${w.y})`);
      assert.ok(l5.y >= w.y + w.height - 2, 'line 5 comes after the thread');
      await screenshot(wb.page, 'web-thread-line-3');
    });

    it('a private note is kept in the extension\'s storage, never in the workspace', async () => {
      const secret = `Ben seemed worried about the deadline ${Date.now()}`;
      await runCommand(wb.page, 'Mentoring: Add a Private Note (only on this machine)');
      await pickQuickInput(wb.page, 'Not tied to a session');
      await answerQuickInput(wb.page, secret, { expect: /never written to the repository/ });
      await waitForNotification(wb.page, /Private note saved \(private — only on this machine\)/);
      const run = process.env.MENTORING_UI_RUN ?? '';
      const kept = await waitUntil(() => { const f = filesHolding(path.join(run, 'user-data'), secret); return f.length > 0 ? f : undefined; }, 'the note in the user data', 15_000);
      assert.ok(kept.every((f) => /globalStorage[\\/]mentoring-dev\.mentoring[\\/]private-notes\.json$/.test(f)), kept.join(', '));
      assert.deepEqual(filesHolding(wb.folder, secret), [], 'nothing in the workspace holds the note');
      await screenshot(wb.page, 'web-private-note-saved');
    });
  });

  it('a hint in our comment box, its question rewrite, the thread stored', async () => {
    const folder = freshFolder('web-hints');
    writeHintsUiWorkspace(folder);
    const wb = await openWorkbench({ folder, extensionPath, extensionKind: 'web' });
    try {
      await hintsUiChecks(wb.page, folder, path.join(resultsDir(), 'web'));
    } finally {
      await wb.close();
    }
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
