/**
 * What the accessibility UI tests (a11y.test.ts, keyboard.test.ts) share: the sidebar's webview
 * document as a Playwright Frame, axe-core run inside it, the color theme picked as a person does,
 * and the agreement both tests open.
 *
 * axe-core goes into the webview by Playwright's evaluate (DevTools' Runtime domain), which the
 * page's CSP does not govern: the product's CSP (src/sidebar/html.ts: one nonce'd script, no
 * inline, no eval) stays as it is, and a `<script>` tag added to the page would be refused by it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { DAY, date, stamp, EXTENSION_ID, openSidebar, pickQuickInput, repoRoot, resultsDir, runCommand, sidebarFrame, waitUntil } from './helpers';


/**
 * An agreement that draws every part of the tabs: a planned session in three days whose topic is
 * not yet announced (the notice warning, the announce form), its agenda, a held session waiting for
 * the mentee's feedback, an earlier one rated (the trend chart and history), open, overdue and done
 * tasks with a link, an active goal and a warning.
 */
export function a11yPairFile(now = Date.now()): string {
  return `# Ana mentors Ben.
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${date(now - 60 * DAY)}
  goals:
    - id: tests-first
      title: Write a failing test before every bug fix
      by: ${date(now + 20 * DAY)}
      status: active
  expectations:
    topicNotice: 48h
    feedback: every-session
sessions:
  - id: first-one
    at: ${stamp(now - 16 * DAY)}
    topic: Getting started
    announced: ${stamp(now - 20 * DAY)}
    status: held
    feedback:
      - { from: mentee, rating: 3, valuable: Setting goals, change: Shorter }
      - { from: mentor, rating: 4, valuable: Clear questions }
  - id: held-one
    at: ${stamp(now - 2 * DAY)}
    topic: Reading unfamiliar code
    announced: ${stamp(now - 5 * DAY)}
    status: held
  - id: next-one
    at: ${stamp(now + 3 * DAY)}
    topic: Testing strategy
    status: planned
    agenda:
      - Review the retry loop
      - Flaky test in CI
tasks:
  - id: t-0001
    title: Add a failing test before fixing BILL-231
    owner: mentee
    due: ${date(now - 3 * DAY)}
    status: open
    goal: tests-first
    links: [src/retry.ts#L2]
  - id: t-0002
    title: Send the reading list
    owner: mentor
    due: ${date(now + 5 * DAY)}
    status: open
  - id: t-0003
    title: Set up the test runner
    owner: mentee
    status: done
    closed: ${date(now - 10 * DAY)}
`;
}

export const A11Y_FILES = { '.mentoring.yaml': a11yPairFile(), 'src/retry.ts': 'export const a = 1;\nexport const b = 2;\n' };

/** The tabs of the sidebar: their labels and the id of the panel each shows. */
export const SIDEBAR_TABS = [
  { label: 'Agenda', panel: 'panel-agenda' },
  { label: 'Tasks', panel: 'panel-tasks' },
  { label: 'Feedback', panel: 'panel-feedback' },
  { label: 'Goals', panel: 'panel-agreement' },
  { label: 'Notes', panel: 'panel-notes' },
] as const;

/** Opens the sidebar and waits for the webview to render the ready model. */
export async function readySidebar(page: Page): Promise<FrameLocator> {
  await openSidebar(page);
  const frame = sidebarFrame(page);
  await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 60_000 });
  return frame;
}

/** The webview's document as a Frame: the child of VS Code's outer webview frame of our extension. */
export async function appFrame(page: Page): Promise<Frame> {
  return waitUntil(() => {
    const outer = page.frames().find((f) => f.url().includes('/webview/browser/pre/index.html') && f.url().includes(`extensionId=${EXTENSION_ID}`));
    return outer?.childFrames()[0];
  }, 'the sidebar webview document', 30_000);
}

/** The sidebar part as test-results/NAME.png. */
export async function sidebarShot(page: Page, name: string): Promise<string> {
  const file = path.join(resultsDir(), `${name}.png`);
  await page.locator('.part.sidebar').first().screenshot({ path: file });
  return file;
}

export interface Theme {
  key: string;
  /** The theme's row in *Preferences: Color Theme*. */
  label: string;
  /** Whether the webview body's classes are this theme's. */
  matches(bodyClasses: string[]): boolean;
}

export const THEMES: readonly Theme[] = [
  { key: 'light', label: 'Light Modern', matches: (c) => c.includes('vscode-light') },
  { key: 'dark', label: 'Dark Modern', matches: (c) => c.includes('vscode-dark') },
  { key: 'hc-dark', label: 'Dark High Contrast', matches: (c) => c.includes('vscode-high-contrast') && !c.includes('vscode-high-contrast-light') },
  { key: 'hc-light', label: 'Light High Contrast', matches: (c) => c.includes('vscode-high-contrast-light') },
];

/**
 * Picks `theme` in *Preferences: Color Theme* (a high-contrast theme in the workspace settings is not
 * applied at start: the workbench follows the OS's contrast) and waits until the webview has it.
 */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input.input').fill(theme.label);
  await pickQuickInput(page, theme.label);
  const app = await appFrame(page);
  let seen = '';
  await waitUntil(async () => theme.matches((seen = await app.evaluate(() => document.body.className)).split(/\s+/)),
    `the ${theme.key} theme on the webview body`, 20_000).catch((err: Error) => { throw new Error(`${err.message}; it has "${seen}"`); });
  // The theme's variables arrive with the class; let the components restyle.
  await page.waitForTimeout(400);
}

export interface AxeNode { target: string; html: string; summary: string }
export interface AxeViolation { id: string; impact: string; help: string; nodes: AxeNode[] }

let axeSource: string | undefined;

/** Runs axe-core (every rule but the experimental ones) over the webview document; its violations. */
export async function runAxe(app: Frame): Promise<AxeViolation[]> {
  if (!(await app.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object'))) {
    axeSource ??= fs.readFileSync(path.join(repoRoot(), 'node_modules/axe-core/axe.min.js'), 'utf8');
    await app.evaluate(`${axeSource}\n;void 0`);
  }
  return app.evaluate(async () => {
    interface Result { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }
    const axe = (window as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact ?? 'unknown', help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => JSON.stringify(t)).join(' '), html: n.html.slice(0, 240), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 400) })),
    }));
  });
}

/** Violations as lines for a failure message or the log. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `      ${n.target}  ${n.html}\n        ${n.summary}`).join('\n')}`).join('\n');
}

/** The serious and critical ones: what fails the tests. */
export function blocking(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// Page-side callbacks run in the webview; the root tsconfig has no DOM lib, so declare what they touch.
declare const window: unknown;
declare const document: { body: { className: string } };
