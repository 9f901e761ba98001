/**
 * axe-core inside the real sidebar webview (code-server in Chromium, the extension from source), in
 * four themes: Light Modern, Dark Modern, Dark High Contrast and Light High Contrast. Every tab is
 * checked, and the states a tab opens into (the add-task form, a due date and an agenda item being
 * edited); a `serious` or `critical` violation fails the theme's test, with every violation printed.
 * The empty and broken pages are checked in Light Modern. Screenshots: test-results/a11y-THEME-TAB.png.
 */
import { strict as assert } from 'node:assert';
import type { FrameLocator } from 'playwright-core';
import { openSidebar, openWorkbench, sidebarFrame, waitUntil, type Workbench } from './helpers';
import { A11Y_FILES, SIDEBAR_TABS, THEMES, appFrame, blocking, describeViolations, readySidebar, runAxe, sidebarShot, useTheme, type AxeViolation } from './a11yKit';

// Page-side callbacks run in the webview; the root tsconfig has no DOM lib, so declare what they touch.
declare const document: { body: { className: string } };

async function tab(frame: FrameLocator, label: string, panel: string): Promise<void> {
  await frame.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  await frame.locator(`#${panel}`).waitFor();
}

interface State { name: string; open?: () => Promise<void>; close?: () => Promise<void> }

/** The states checked on each tab once it is shown: each opens what it draws and closes it again. */
function states(frame: FrameLocator): Record<string, State[]> {
  return {
    Agenda: [
      { name: 'agenda' },
      {
        name: 'agenda-editing',
        open: async () => {
          await frame.getByRole('button', { name: 'Edit "Review the retry loop"' }).click();
          await frame.locator('#agenda-edit').waitFor();
        },
        close: async () => {
          await frame.locator('#agenda-edit input').press('Escape');
          await frame.locator('#agenda-edit').waitFor({ state: 'detached' });
        },
      },
      {
        // An empty item refused: the live region as an error line, the field marked invalid.
        name: 'agenda-invalid',
        open: async () => {
          await frame.locator('#agenda-add').click();
          await frame.locator('#status.status-error').waitFor();
        },
      },
    ],
    Tasks: [{
      name: 'tasks',
      open: async () => {
        const details = frame.locator('details.add-task');
        if (!(await details.evaluate((d) => (d as unknown as { open: boolean }).open))) await details.locator('summary').click();
        await frame.locator('#task-title').waitFor();
        await frame.getByRole('button', { name: 'Change due date of "Send the reading list"' }).click();
        await frame.locator('#due-t-0002').waitFor();
      },
      close: async () => {
        await frame.locator('#due-t-0002 input').press('Escape');
        await frame.locator('#due-t-0002').waitFor({ state: 'detached' });
      },
    }],
    Feedback: [{ name: 'feedback' }],
    Goals: [{ name: 'goals' }],
    Notes: [{ name: 'notes' }],
  };
}

describe('accessibility: axe-core in the sidebar webview, every tab, four themes (UI)', () => {
  let wb: Workbench;
  let frame: FrameLocator;
  before(async () => {
    wb = await openWorkbench({ files: A11Y_FILES, settings: { 'mentoring.role': 'mentee' } });
    frame = await readySidebar(wb.page);
    // A private note, so the Notes tab draws its list too.
    await tab(frame, 'Notes', 'panel-notes');
    await frame.locator('#note-text textarea').fill('Ask about the deadline pressure');
    await frame.locator('#note-add').click();
    await waitUntil(async () => (await frame.locator('.note').count()) === 1, 'the note in the view');
  });
  after(async () => wb?.close());

  for (const theme of THEMES) {
    it(`has no serious or critical violation in ${theme.label}`, async () => {
      const { page } = wb;
      await useTheme(page, theme);
      const app = await appFrame(page);
      const found: { where: string; violations: AxeViolation[] }[] = [];
      for (const t of SIDEBAR_TABS) {
        await tab(frame, t.label, t.panel);
        for (const state of states(frame)[t.label] ?? []) {
          await state.open?.();
          // The chart, the badges and the focus ring settle within a frame or two.
          await page.waitForTimeout(150);
          const violations = await runAxe(app);
          found.push({ where: `${theme.key}/${state.name}`, violations });
          await sidebarShot(page, `a11y-${theme.key}-${state.name}`);
          await state.close?.();
        }
      }
      for (const f of found) {
        const counts = f.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') || 'none';
        console.log(`      ${f.where}: ${blocking(f.violations).length} serious/critical; all: ${counts}`);
      }
      const bad = found.filter((f) => blocking(f.violations).length > 0);
      assert.equal(bad.length, 0, `serious or critical violations:\n${bad.map((f) => describeViolations(f.where, blocking(f.violations))).join('\n')}`);
    });
  }

  // The pages that are not tabs, in the theme whose colours failed first (Light Modern).
  for (const page of [
    { name: 'empty', files: { 'README.md': '# nothing here\n' }, ready: '.page.empty' },
    { name: 'broken', files: { '.mentoring.yaml': 'version: 1\nagreement:\n  mentor: { name: Ana }\n  mentee: [oops\n' }, ready: '.page.broken' },
  ]) {
    it(`has no serious or critical violation on the ${page.name} page (Light Modern)`, async () => {
      const other = await openWorkbench({ files: page.files, theme: 'Default Light Modern' });
      try {
        await openSidebar(other.page);
        await sidebarFrame(other.page).locator(page.ready).first().waitFor({ state: 'visible', timeout: 60_000 });
        const app = await appFrame(other.page);
        await waitUntil(() => app.evaluate(() => document.body.className.split(/\s+/).includes('vscode-light')), 'the light theme in the webview', 20_000);
        const violations = await runAxe(app);
        console.log(`      light/${page.name}: ${blocking(violations).length} serious/critical; all: ${violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') || 'none'}`);
        await sidebarShot(other.page, `a11y-light-${page.name}`);
        assert.deepEqual(blocking(violations), [], describeViolations(`light/${page.name}`, blocking(violations)));
      } finally {
        await other.close();
      }
    });
  }
});
