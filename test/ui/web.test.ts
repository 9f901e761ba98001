/**
 * Every feature in the browser's web-worker extension host (issue 17): one workbench whose
 * extension is a web-only copy (`webOnlyExtension`: no `main`, `extensionKind: ["web"]`), so
 * code-server must run `dist/web/extension.js` in the page's web worker, reading and writing
 * through `workspace.fs`. Driven through the UI only: the sidebar (render, an edit), a diagnostic
 * and its quick fix, a review thread from the file, a hint in a comment box, a private note.
 * Every case checks the file on disk and saves test-results/web-*.png.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { DAY, date, stamp, RETRY_CODE, freshFolder, quickFixMenu, openSidebar, openWorkbench, problems, repoRoot, runCommand, screenshot, sidebarFrame, waitUntil, webOnlyExtension, type Workbench } from './helpers';


const THREAD_BODY = 'Should the retry count be a parameter with a default?';

/** A planned session with an agenda, a task naming a goal by a misspelt id (the quick fix), and a review thread on line 7. */
function mentoringFile(now = Date.now()): string {
  return `# Ana and Ben, in the browser (comment at the top)
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${date(now - 40 * DAY)}
  goals:
    - id: tests-first
      title: Write a failing test before every bug fix
      by: ${date(now + 60 * DAY)}
      status: active
  expectations:
    topicNotice: 48h
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
    goal: tests-frist   # a typo: the quick fix offers tests-first
threads:
  - id: th-1
    file: src/retry.ts
    line: 7
    status: open
    comments:
      - author: Ana Silva
        body: ${THREAD_BODY}
`;
}

const NOTE = 'Ben seemed tired in the browser: ask about the deadline pressure';

describe('the browser host, every feature (web-worker extension host, workspace.fs)', () => {
  let wb: Workbench;
  let page: Page;
  let frame: FrameLocator;
  const file = (): string => path.join(wb.folder, '.mentoring.yaml');
  const read = (): string => fs.readFileSync(file(), 'utf8');
  const waitForFile = (test: (t: string) => boolean, what: string): Promise<string> =>
    waitUntil(() => { const t = read(); return test(t) ? t : undefined; }, what, 20_000);

  before(async () => {
    const folder = freshFolder('web');
    const extensionPath = webOnlyExtension(repoRoot(), freshFolder('web-only-extension'));
    wb = await openWorkbench({
      folder, extensionPath, extensionKind: 'web',
      files: { '.mentoring.yaml': mentoringFile(), 'src/retry.ts': RETRY_CODE },
      settings: { 'mentoring.role': 'mentor', 'workbench.startupEditor': 'none' },
    });
    page = wb.page;
  });
  after(async () => wb?.close());

  async function openFromExplorer(parts: string[], lineText: string): Promise<Locator> {
    await page.keyboard.press('Control+Shift+E');
    const row = (text: string): Locator => page.locator('.explorer-folders-view .monaco-list-row', { hasText: text }).first();
    for (const p of parts) {
      await row(p).waitFor({ state: 'visible', timeout: 60_000 });
      await row(p).click();
    }
    const line = page.locator('.editor-instance .view-line', { hasText: lineText }).first();
    await line.waitFor({ state: 'visible', timeout: 20_000 });
    return line;
  }

  it('1. a diagnostic with a quick fix: the error shows, Ctrl+. applies "Use the existing goal", the file changes', async () => {
    await openFromExplorer(['.mentoring.yaml'], 'Ana and Ben');
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'visible', timeout: 30_000 });
    const rows = await waitUntil(async () => {
      const r = await problems(page);
      return r.some((x) => /tests-frist/.test(x)) ? r : undefined;
    }, 'the unknown-goal error in the Problems panel', 20_000);
    assert.ok(rows.some((r) => /\.mentoring\.yaml/.test(r)), rows.join(' | '));
    // The cursor on the misspelt id (Go to Line: the Problems panel hides the line), then the quick fixes.
    const goTo = async (): Promise<void> => {
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input.input').fill(':28:13');
      await page.keyboard.press('Enter');
    };
    await goTo();
    const items = await quickFixMenu(page, goTo);
    assert.ok(items.includes('Use the existing goal "tests-first"'), items.join(' | '));
    await screenshot(page, 'web-diagnostic-quick-fix-menu');
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Use the existing goal "tests-first"' }).first().click();
    await page.locator('.editor-instance .view-line', { hasText: 'goal: tests-first' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+S');
    const saved = await waitForFile((t) => t.includes('goal: tests-first   # a typo'), 'the fixed goal id in the file');
    assert.ok(!saved.includes('tests-frist'));
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(page, 'web-diagnostic-fixed');
  });

  it('2. the sidebar renders the next session\'s agenda, and an item added there is written to the file', async () => {
    await openSidebar(page);
    frame = sidebarFrame(page);
    await frame.locator('.page.ready, .page.broken, .page.empty').first().waitFor({ state: 'visible', timeout: 60_000 });
    const text = await frame.locator('#root').innerText();
    assert.match(text, /Next session/);
    assert.match(text, /Topic: Testing strategy/);
    assert.deepEqual(await frame.locator('.agenda-item .text').allInnerTexts(), ['Review the retry loop']);
    await frame.locator('#agenda-new input').fill('Pair on the flaky <test> in the browser');
    await frame.locator('#agenda-add').click();
    const saved = await waitForFile((t) => t.includes('Pair on the flaky <test> in the browser'), 'the agenda item in the file');
    assert.match(saved, /agenda:\n\s+- Review the retry loop\n\s+- Pair on the flaky <test> in the browser\n/);
    assert.match(saved, /^# Ana and Ben, in the browser \(comment at the top\)\n/, 'the comment at the top is kept');
    assert.ok(saved.includes('goal: tests-first   # a typo'), 'the comment on the task is kept (and the fix of case 1)');
    await waitUntil(async () => (await frame.locator('.agenda-item .text').allInnerTexts()).length === 2, 'the view to show two items');
    await screenshot(page, 'web-sidebar-agenda');
  });

  it('3. a review thread from the file\'s threads: shows at its line in the code file', async () => {
    const line7 = await openFromExplorer(['src', 'retry.ts'], 'attempt++');
    // A stored thread is shown collapsed: the Comments panel lists it with its line; choosing it opens it in the editor.
    await page.locator('.part.panel').getByRole('tab', { name: /^Comments/ }).click();
    const listed = page.locator('.part.panel .monaco-list-row', { hasText: THREAD_BODY }).first();
    await listed.waitFor({ state: 'visible', timeout: 30_000 });
    const row = (await page.locator('.part.panel .monaco-list-row').allInnerTexts()).join(' | ').replace(/\s+/g, ' ');
    assert.match(row, /retry\.ts/, row);
    await listed.click();
    const thread = page.locator('.review-widget', { hasText: THREAD_BODY }).first();
    await thread.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await thread.innerText(), /Ana Silva/);
    // A comment thread is a zone drawn right under its line: its top is the bottom of line 7.
    const lineBox = await line7.boundingBox();
    const threadBox = await thread.boundingBox();
    assert.ok(lineBox && threadBox);
    assert.ok(Math.abs(threadBox.y - (lineBox.y + lineBox.height)) <= lineBox.height,
      `the thread (top ${threadBox.y}) is right under line 7 (${lineBox.y}–${lineBox.y + lineBox.height})`);
    await screenshot(page, 'web-review-thread');
  });

  it('4. a hint in a review comment box: the judgment gets a squiggle, Ctrl+. rewrites it as a question', async () => {
    const line10 = page.locator('.editor-instance .view-line', { hasText: 'gave up' }).first();
    await line10.click();
    await runCommand(page, 'Mentoring: Comment on Selection');
    const widget = page.locator('.review-widget:has(.comment-form .monaco-editor[data-uri^="comment://mentoring-review/"])', { hasNotText: THREAD_BODY }).first();
    await widget.waitFor({ state: 'visible', timeout: 20_000 });
    const box = widget.locator('.comment-form .monaco-editor').first();
    await box.click();
    await page.keyboard.type('This is wrong, just use a map.');
    await widget.locator('.comment-form .squiggly-info').first().waitFor({ state: 'visible', timeout: 15_000 });
    const items = await quickFixMenu(page, () => box.click());
    const rewrite = items.find((t) => /^Rewrite as: ".*\?"$/.test(t));
    assert.ok(rewrite, `a rewrite as a question is offered: ${items.join(' | ')}`);
    await screenshot(page, 'web-hint-quick-fixes');
    const question = rewrite.slice('Rewrite as: "'.length, -1);
    await page.locator('.action-widget .monaco-list-row', { hasText: rewrite }).first().click();
    const lines = widget.locator('.comment-form .view-lines').first();
    await waitUntil(async () => (await lines.innerText()).replace(/\u00a0/g, ' ').trim() === question, `the box to hold the question "${question}"`, 10_000);
    await widget.locator('.comment-form .squiggly-info').first().waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'web-hint-question-applied');
    // Submitted, the thread is written through workspace.fs.
    await widget.locator('.form-actions .monaco-button', { hasText: 'Add Review Comment' }).first().click();
    const saved = await waitForFile((t) => t.includes(question) || t.includes(JSON.stringify(question)), 'the new thread in the file');
    assert.match(saved, /file: src\/retry\.ts\n\s+line: 10\n/);
    assert.ok(saved.includes(THREAD_BODY), 'the first thread is kept');
  });

  it('5. a private note added from the sidebar is kept out of the workspace folder', async () => {
    const before = read();
    await openSidebar(page);
    frame = sidebarFrame(page);
    await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 30_000 });
    await frame.getByRole('tab', { name: /^Notes/ }).click();
    await frame.locator('#panel-notes').waitFor();
    assert.match(await frame.locator('.private-label').innerText(), /\S/);
    await frame.locator('#note-text textarea').fill(NOTE);
    await frame.locator('#note-add').click();
    await waitUntil(async () => (await frame.locator('.notes').innerText().catch(() => '')).includes('deadline pressure'), 'the note in the view', 20_000);
    assert.match(await frame.locator('.note').first().innerText(), /private/);
    await screenshot(page, 'web-private-note');
    assert.equal(read(), before, 'the mentoring file is untouched');
    const holds = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? holds(path.join(dir, e.name)) : fs.readFileSync(path.join(dir, e.name), 'utf8').includes('deadline pressure') ? [path.join(dir, e.name)] : []);
    assert.deepEqual(holds(wb.folder), [], 'no file in the workspace folder holds the note');
    // Where it went instead: the web host's global storage (vscode-userdata:), which code-server keeps under its user data folder.
    const run = process.env.MENTORING_UI_RUN ?? '';
    const kept = holds(path.join(run, 'user-data')).map((f) => path.relative(run, f));
    console.log(`      the note is kept in: ${kept.join(', ') || '(no file under the user data folder)'}`);
    assert.ok(kept.some((f) => f.includes(path.join('globalStorage', 'mentoring-dev.mentoring'))), `the note is stored in the extension's global storage: ${kept.join(', ')}`);
  });
});
