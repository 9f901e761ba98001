/**
 * Review-comment hints inside a real comment box of our own review thread (issue 5), through
 * the workbench UI: open a code file, run "Mentoring: Comment on Selection", type a judgment
 * into the thread's comment box, see the hint (squiggle in the box), open the quick fixes
 * with Ctrl+. and apply the first one, see the question in the box, submit it, and find the
 * thread stored in the mentoring file and shown, open, on its line. Screenshots go to
 * test-results/ for a person to look at.
 *
 * `openWorkbench` comes from the harness (test/ui/helpers.ts); until it lands this file
 * exports the workspace it needs (`writeHintsUiWorkspace`) and the checks on a workbench page
 * opened on that workspace (`hintsUiChecks`), like test/ui/editor.test.ts.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { RETRY_CODE, freshFolder, openWorkbench, quickFixMenu, resultsDir } from './helpers';

/** Writes the workspace: a mentoring file, `src/retry.ts`, and settings that name the author (no prompt). */
export function writeHintsUiWorkspace(dir: string): void {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.mentoring.yaml'),
    `# Ana and Ben\nversion: 1\nagreement:\n  mentor: { name: Ana Silva }\n  mentee: { name: Ben Okafor }\n  started: ${new Date().toISOString().slice(0, 10)}\n`,
  );
  fs.writeFileSync(path.join(dir, 'src', 'retry.ts'), RETRY_CODE);
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'mentoring.role': 'mentor', 'workbench.startupEditor': 'none' }, null, 2));
}

async function paletteRun(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
}

async function waitForFile(file: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeoutMs) {
    text = fs.readFileSync(file, 'utf8');
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${file} never matched ${pattern}; it holds:\n${text}`);
}

/** The checks, on a workbench page opened (with the extension under development) on `writeHintsUiWorkspace(workspace)`. */
export async function hintsUiChecks(page: Page, workspace: string, resultsDir: string): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(resultsDir, `hints-${name}.png`) });

  // Open src/retry.ts from the explorer and put the cursor on `attempt++;` (line 7).
  const row = (text: string) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: text }).first();
  await row('src').waitFor({ state: 'visible', timeout: 60_000 });
  await row('src').click();
  await row('retry.ts').click();
  const codeLine = page.locator('.editor-instance .view-line', { hasText: 'attempt++' }).first();
  await codeLine.waitFor({ state: 'visible', timeout: 20_000 });
  await codeLine.click();

  // Our thread's comment box: an empty thread opened on the selection.
  await paletteRun(page, 'Mentoring: Comment on Selection');
  const widget = page.locator('.review-widget').first();
  await widget.waitFor({ state: 'visible', timeout: 20_000 });
  const box = widget.locator('.comment-form .monaco-editor').first();
  assert.match((await box.getAttribute('data-uri')) ?? '', /^comment:\/\/mentoring-review\//, 'the box is a comment input of our controller');

  // Type a judgment: the hint shows as a squiggle inside the box.
  await box.click();
  await page.keyboard.type('This is wrong.');
  await widget.locator('.comment-form .squiggly-info').first().waitFor({ state: 'visible', timeout: 15_000 });
  await shot('1-judgment-typed');
  // Comment-box hints are Information diagnostics, so the status bar counts one while the box is open.
  const problems = page.locator('[id="status.problems"]').first();
  assert.match((await problems.getAttribute('aria-label')) ?? '', /Infos: 1/);

  // Ctrl+. lists the quick fixes; the first is the question. The box's code-action support can
  // lag behind its first keystrokes: quickFixMenu presses again if nothing opened.
  const items = await quickFixMenu(page, () => box.click());
  assert.ok(items.some((t) => /^Rewrite as: ".*\?"$/.test(t)), `a rewrite as a question is offered: ${items.join(' | ')}`);
  assert.ok(items.includes('Start with the label "question:" (Conventional Comments)'), items.join(' | '));
  assert.ok(items.includes('Ignore "judgment-word" in this comment'), items.join(' | '));
  await shot('2-quick-fixes');
  const firstFix = items.find((t) => t.startsWith('Rewrite as: "')) ?? '';
  const question = firstFix.slice('Rewrite as: "'.length, -1);
  await page.keyboard.press('Enter');

  // The box now holds the question, and the hint is gone.
  const lines = widget.locator('.comment-form .view-lines').first();
  const start = Date.now();
  let text = '';
  while (Date.now() - start < 10_000) {
    text = (await lines.innerText()).replace(/\u00a0/g, ' ').trim();
    if (text === question) break;
    await page.waitForTimeout(200);
  }
  assert.equal(text, question, 'the quick fix replaced the judgment with the question');
  assert.ok(text.endsWith('?'));
  // The hints re-check after a short pause in typing; then no squiggle is left on the question.
  await widget.locator('.comment-form .squiggly-info').first().waitFor({ state: 'detached', timeout: 10_000 });
  await shot('3-question-applied');

  // Submit: the thread is stored in the mentoring file and shown, open, with the question.
  await widget.locator('.form-actions .monaco-button', { hasText: 'Add Review Comment' }).first().click();
  const saved = await waitForFile(path.join(workspace, '.mentoring.yaml'), /threads:/, 15_000);
  assert.match(saved, /^# Ana and Ben/, 'the comment at the top is kept');
  assert.match(saved, /file: src\/retry\.ts\n\s+line: 7\n/);
  assert.ok(saved.includes(`body: ${question}`) || saved.includes(`body: "${question}"`), saved);
  const stored = page.locator('.review-widget .comments-container', { hasText: question }).first();
  await stored.waitFor({ state: 'visible', timeout: 15_000 });
  await shot('4-thread-stored');
  // The box closed with the submit: its diagnostics are gone from the Problems counts.
  const cleared = Date.now();
  while (!/No Problems/.test((await problems.getAttribute('aria-label')) ?? '') && Date.now() - cleared < 10_000) await page.waitForTimeout(200);
  assert.match((await problems.getAttribute('aria-label')) ?? '', /No Problems/, 'the closed box left no hint behind');
}

describe('hints UI: a judgment typed into our comment box (test/host/run-ui.mjs)', () => {
  it('hint, Ctrl+. quick fix to a question, thread stored in the mentoring file', async () => {
    const folder = freshFolder('hints');
    writeHintsUiWorkspace(folder);
    const wb = await openWorkbench({ folder });
    try {
      await hintsUiChecks(wb.page, folder, resultsDir());
    } finally {
      await wb.close();
    }
  });
});
