/**
 * The editor part (issue 4) through the real workbench UI: run a command from the
 * command palette, answer its prompts in the quick input, and see the status bar
 * change. Screenshots go to test-results/ for a person to look at.
 *
 * `openWorkbench` comes from the harness (test/ui/helpers.ts); until it lands this
 * file exports what a runner needs:
 * - `writeEditorUiWorkspace(dir)` then `editorUiChecks(page, dir, resultsDir)` on a workbench
 *   opened on `dir` with the extension loaded from source;
 * - the same checks with the web bundle in the browser's web-worker extension host: load
 *   `webOnlyExtension(repo, tmp)` with the payload entry `["extensionDevelopmentKind", "web"]`;
 * - `activatedCheck(page)` on a workbench whose extensions folder got the VSIX through
 *   `code-server --install-extension mentoring.vsix` (no development path).
 * All three were run by hand against code-server 4.139.1 with a private runner and pass.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { freshFolder, openWorkbench, repoRoot, resultsDir, webOnlyExtension } from './helpers';

export { webOnlyExtension };

const DAY = 86_400_000;

/** A mentoring file with a past session only, so the status bar starts idle. */
export function idleMentoringFile(now = new Date()): string {
  const started = new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10);
  const held = new Date(now.getTime() - 7 * DAY).toISOString().slice(0, 19) + 'Z';
  return `# UI test agreement
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${started}
  expectations:
    topicNotice: 48h
sessions:
  - id: past
    at: ${held}
    topic: Something we did
    announced: ${held}
    status: held
`;
}

/** The workspace for `editorUiChecks`: only the mentoring file, and no editor opened at start. */
export function writeEditorUiWorkspace(dir: string): void {
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.mentoring.yaml'), idleMentoringFile());
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none' }, null, 2));
}

/** The extension activated on a workspace holding a mentoring file: its status bar item shows. */
export async function activatedCheck(page: Page, timeoutMs = 60_000): Promise<string> {
  const item = statusItem(page);
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await item.getAttribute('aria-label')) ?? '';
}

/** The Mentoring status bar item (its accessible label starts with "Mentoring: "). */
export function statusItem(page: Page) {
  return page.locator('.statusbar-item [aria-label^="Mentoring: "], .statusbar-item[aria-label^="Mentoring: "]').first();
}

/** Runs a command by its palette title, then types `answers` into the quick input one after another. */
export async function runFromPalette(page: Page, title: string, answers: string[]): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  for (const answer of answers) {
    // Each prompt re-opens the quick input; wait for its prompt text to change before answering.
    await page.waitForTimeout(400);
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(answer);
    await page.keyboard.press('Enter');
  }
}

async function waitForLabel(page: Page, pattern: RegExp, timeoutMs: number): Promise<void> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    last = (await statusItem(page).getAttribute('aria-label').catch(() => null)) ?? '';
    if (pattern.test(last)) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`the status bar never matched ${pattern}; last label: ${last}`);
}

/** The checks, on a workbench page whose workspace holds only `idleMentoringFile()` as `.mentoring.yaml`. */
export async function editorUiChecks(page: Page, workspace: string, resultsDir: string): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const item = statusItem(page);
  await item.waitFor({ state: 'visible', timeout: 60_000 });
  assert.match((await item.getAttribute('aria-label')) ?? '', /No session planned/);
  await page.screenshot({ path: path.join(resultsDir, 'editor-status-idle.png') });

  await runFromPalette(page, 'Mentoring: Plan a Session', ['2031-03-04 15:00', 'Planned from the palette', 'First item; Second item']);
  await waitForLabel(page, /Planned from the palette/, 20_000);
  assert.match((await item.innerText()).replace(/\s+/g, ' '), /· Planned from the palette/);
  await page.screenshot({ path: path.join(resultsDir, 'editor-status-planned.png') });
  const saved = fs.readFileSync(path.join(workspace, '.mentoring.yaml'), 'utf8');
  assert.match(saved, /topic: Planned from the palette/);
  assert.match(saved, /^# UI test agreement/, 'the comment at the top is kept');
}

describe('editor UI: palette, quick input, status bar (test/host/run-ui.mjs)', () => {
  it('plans a session from the palette; the status bar and the file show it (Node extension host)', async () => {
    const folder = freshFolder('editor');
    writeEditorUiWorkspace(folder);
    const wb = await openWorkbench({ folder });
    try {
      await editorUiChecks(wb.page, folder, resultsDir());
    } finally {
      await wb.close();
    }
  });

  it('does the same with the web bundle in the browser\'s web-worker extension host', async () => {
    const folder = freshFolder('editor-web');
    writeEditorUiWorkspace(folder);
    const extensionPath = webOnlyExtension(repoRoot(), freshFolder('web-extension'));
    const wb = await openWorkbench({ folder, extensionPath, extensionKind: 'web' });
    try {
      await editorUiChecks(wb.page, folder, path.join(resultsDir(), 'web'));
    } finally {
      await wb.close();
    }
  });
});
