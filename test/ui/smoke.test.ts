/**
 * Smoke test of the workbench UI (issue 3): the extension activates on a workspace holding a
 * mentoring file, its activity-bar container and sidebar view open (the webview's content is not
 * assumed here), and an invalid file shows its problems at the right line and column in the
 * Problems panel. Screenshots: test-results/smoke-*.png.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  activityBarItem, clearNotifications, openSidebar, openWorkbench, pickQuickInput, problems, runCommand, screenshot, sidebarWebview,
  waitForNotification, waitUntil, type Workbench,
} from './helpers';

const VALID = `# Ana and Ben
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${new Date().toISOString().slice(0, 10)}
`;

/** One schema error, at line 7 column 14 (the value `fortnightly`). */
const INVALID = `version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: 2026-09-01
  expectations:
    cadence: fortnightly
`;

describe('smoke (UI): activation, sidebar, problems', () => {
  let wb: Workbench;

  before(async () => {
    // One mentoring file at first: with several and none chosen the status bar waits for the user's pick.
    // broken/ exists from the start: in code-server a mentoring file created in a NEW folder was not
    // reported by the file watcher within 30 s (seen 2026-11-28), one in an existing folder is at once.
    wb = await openWorkbench({ files: { '.mentoring.yaml': VALID, 'broken/README.md': 'x\n' } });
  });
  after(async () => wb?.close());

  it('activates on a workspace holding a .mentoring.yaml: the Mentoring status bar item shows', async () => {
    const item = wb.page.locator('.statusbar-item[aria-label^="Mentoring: "], .statusbar-item [aria-label^="Mentoring: "]').first();
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match((await item.getAttribute('aria-label')) ?? '', /^Mentoring: /);
    await screenshot(wb.page, 'smoke-1-activated');
  });

  it('opens the Mentoring activity-bar container and its sidebar webview view', async () => {
    const { page } = wb;
    const sidebar = await openSidebar(page);
    assert.equal((await sidebar.locator('.composite.title').first().innerText()).trim().toLowerCase(), 'mentoring');
    assert.match((await activityBarItem(page).getAttribute('class')) ?? '', /\bchecked\b/, 'our icon is the selected one');
    // The view is a webview view of this extension: its iframe is in the page.
    const frame = sidebarWebview(page);
    await frame.waitFor({ state: 'attached', timeout: 20_000 });
    assert.match((await frame.getAttribute('src')) ?? '', /purpose=webviewView/);
    // Opening it again must not close it (clicking the selected icon toggles the sidebar away).
    await openSidebar(page);
    assert.ok(await page.locator('.part.sidebar').first().isVisible(), 'the sidebar stays open');
    await screenshot(page, 'smoke-2-sidebar');
  });

  it('an invalid file shows its problem in the Problems panel at line 7, column 14', async () => {
    const { page } = wb;
    // Written while the workbench is open: the file watcher finds it.
    mkdirSync(path.join(wb.folder, 'broken'), { recursive: true });
    writeFileSync(path.join(wb.folder, 'broken/.mentoring.yaml'), INVALID);
    const rows = await waitUntil(async () => {
      const r = await problems(page);
      return r.some((t) => t.includes('fortnightly')) ? r : undefined;
    }, 'the schema error in the Problems panel', 30_000);
    const row = rows.find((t) => t.includes('fortnightly')) ?? '';
    assert.match(row, /must be one of weekly, biweekly, monthly/);
    assert.match(row, /\[Ln 7, Col 14\]/, `the row names the position: ${row}`);
    assert.ok(rows.some((t) => /^\.mentoring\.yaml\s*broken\b/.test(t)), `the file row names broken/.mentoring.yaml: ${rows.join(' / ')}`);
    // The valid file has no error (it may have warnings or notes).
    assert.equal(rows.filter((t) => /must be|required|expected/i.test(t)).length, 1, rows.join(' / '));
    await screenshot(page, 'smoke-3-problems');
  });

  it('a command on the invalid file refuses with a notification naming the file, line and column', async () => {
    const { page } = wb;
    await clearNotifications(page);
    await runCommand(page, 'Mentoring: Choose Mentoring File');
    await pickQuickInput(page, 'broken');
    await runCommand(page, 'Mentoring: Complete a Task');
    const message = await waitForNotification(page, /has errors, so it cannot be changed/, 20_000);
    assert.match(message, /broken\/\.mentoring\.yaml has errors/);
    assert.match(message, /line 7, column 14: `agreement\.expectations\.cadence` must be one of/i);
    await screenshot(page, 'smoke-4-notification');
    assert.match(readFileSync(path.join(wb.folder, 'broken/.mentoring.yaml'), 'utf8'), /cadence: fortnightly/, 'nothing was written');
  });

  it('lists the Mentoring commands in the command palette', async () => {
    const { page } = wb;
    await runCommand(page, 'Mentoring: Show the Mentoring Sidebar');
    await openSidebar(page);
    const input = page.locator('.quick-input-widget input.input');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill('>Mentoring: ', { timeout: 5_000 });
        break;
      } catch (err) {
        // The sidebar's webview, still loading, can take the focus and close the palette just opened.
        if (attempt >= 3) throw err;
        await page.locator('.part.statusbar').first().click({ position: { x: 2, y: 2 } }).catch(() => {});
      }
    }
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
    const labels = await rows.allInnerTexts();
    // The list is virtual: only the rows in view are drawn, so count those, then narrow to one command.
    assert.ok(labels.filter((l) => l.includes('Mentoring: ')).length >= 10, labels.join(' | '));
    await screenshot(page, 'smoke-5-palette');
    await input.fill('>Mentoring: Plan a Session');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Plan a Session' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
  });
});
