/**
 * UI test helpers: Playwright driving the real VS Code workbench (code-server) in Chromium.
 *
 * How UI tests are written
 * - A UI test is a plain mocha file `test/ui/NAME.test.ts` running in Node (tsx). Run them with
 *   `npm run test:ui` (all) or `npm run test:ui -- test/ui/NAME.test.ts` (some; `--grep` works).
 *   test/host/run-ui.mjs provisions, starts ONE code-server and ONE Chromium for all files, and
 *   hands their addresses to mocha in MENTORING_UI_* variables; these helpers connect to them.
 *   Running a file with plain `mocha` fails with a message saying so.
 * - Per file (in `before`): `const wb = await openWorkbench({ files: {...} })` makes a fresh
 *   workspace folder, writes the files, opens a new browser context on it with the extension
 *   loaded from source (extensionDevelopmentPath = the repo) and resolves once the activity bar
 *   is visible. In `after`: `await wb.close()` (forgotten ones are closed at the end of the run).
 *   Build first: the npm script runs esbuild, the extension is loaded from `dist/`.
 * - Each `it` may take 120 s (the runner's mocha timeout); the workbench needs ~10 s to show.
 *
 * API
 * - `openWorkbench({ folder?, files?, settings?, theme?, extensionPath?, extensionKind? })` →
 *   `Workbench { page, folder, url, close() }`.
 *   `files`: workspace-relative path → content. `settings`: written to `.vscode/settings.json`.
 *   `theme`: 'light' | 'dark' | 'high-contrast' or a theme label (`workbench.colorTheme`).
 *   `folder`: an existing folder to open instead of a fresh one (files are still written there).
 *   `extensionPath`: another extension folder (default: the repo); `extensionKind: 'web'` runs it
 *   in the browser's web-worker extension host. `server`: another code-server's `{ url, port }`.
 * - `freshFolder(name?)`: a new empty folder to prepare before `openWorkbench({ folder })`;
 *   `repoRoot()`: the repository; `webOnlyExtension(repoRoot(), freshFolder())`: a web-only copy of
 *   the built extension, for `openWorkbench({ extensionPath, extensionKind: 'web' })`.
 * - `runCommand(page, title)`: F1, type the palette title (e.g. 'Mentoring: Plan a Session'), Enter.
 * - `answerQuickInput(page, text, { expect? })`: wait for the quick input (and, with `expect`,
 *   for its prompt/placeholder/title to match), type `text`, Enter.
 * - `pickQuickInput(page, label)`: choose the row of an open quick pick that contains `label`.
 * - `openSidebar(page)`: click our activity-bar icon "Mentoring" unless its container is already
 *   open (clicking an open one would close it); resolves when the view pane is visible.
 * - `sidebarFrame(page)`: FrameLocator inside our sidebar webview (outer iframe → #active-frame).
 * - `sidebarWebview(page)`: Locator of the outer webview iframe element (to assert it exists).
 * - `notifications(page)`: the messages in the Notification Center (toasts are hidden in
 *   smoke-test mode), opening it when needed; `clearNotifications(page)` empties it.
 * - `problems(page)`: the rows of the Problems panel (opened with Ctrl+Shift+M), as text.
 * - `screenshot(page, name)`: saves `test-results/NAME.png` and returns its path.
 * - `waitUntil(fn, what, timeoutMs)`: polls until `fn` returns a truthy value; the error says `what`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';

export const EXTENSION_ID = 'mentoring-dev.mentoring';

interface Env { url: string; port: number; run: string; ws: string; results: string; extension: string }

function env(): Env {
  const e = process.env;
  if (!e.MENTORING_UI_URL || !e.MENTORING_UI_WS || !e.MENTORING_UI_RUN) {
    throw new Error('UI tests need the harness: run `npm run test:ui` (or `node test/host/run-ui.mjs test/ui/FILE.test.ts` after `npm run build`).');
  }
  return { url: e.MENTORING_UI_URL, port: Number(e.MENTORING_UI_PORT), run: e.MENTORING_UI_RUN, ws: e.MENTORING_UI_WS,
    results: e.MENTORING_UI_RESULTS ?? path.resolve(__dirname, '../../test-results'), extension: e.MENTORING_UI_EXTENSION ?? path.resolve(__dirname, '../..') };
}

let browser: Promise<Browser> | undefined;
const open = new Set<Workbench>();
let workspaceCount = 0;

function connect(): Promise<Browser> {
  browser ??= chromium.connect(env().ws);
  return browser;
}

// Mocha root hooks (registered once, when the first test file imports this module): a screenshot
// of every open workbench when a test fails (test-results/failed-TEST.png), and close what is left.
afterEach(async function () {
  if (this.currentTest?.state !== 'failed') return;
  let n = 0;
  for (const wb of open) {
    const name = `failed-${this.currentTest.fullTitle()}`.slice(0, 120) + (n++ ? `-${n}` : '');
    const file = await screenshot(wb.page, name).catch(() => undefined);
    if (file) console.log(`      screenshot of the failure: ${path.relative(process.cwd(), file)}`);
  }
});
after(async () => {
  for (const wb of [...open]) await wb.close();
  if (browser) await (await browser).close().catch(() => {});
});

export interface WorkbenchOptions {
  folder?: string;
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** 'light', 'dark', 'high-contrast', or a theme's name. */
  theme?: string;
  extensionPath?: string;
  extensionKind?: 'web';
  /** Another code-server than the run's (e.g. one started in another language, test/ui/locale.test.ts). */
  server?: { url: string; port: number };
}

export interface Workbench {
  page: Page;
  folder: string;
  url: string;
  close(): Promise<void>;
}

const THEMES: Record<string, string> = { light: 'Light Modern', dark: 'Dark Modern', 'high-contrast': 'Default High Contrast' };

/** A new empty folder under the run's workspaces/ (removed with the run when it passes). */
export function freshFolder(name = path.basename(callerFile() ?? 'ui', '.test.ts')): string {
  const folder = path.join(env().run, 'workspaces', `${name}-${++workspaceCount}`);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** The repository (the extension under development). */
export function repoRoot(): string {
  return env().extension;
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const e = env();
  const folder = options.folder ?? freshFolder(path.basename(callerFile() ?? 'ui', '.test.ts'));
  fs.mkdirSync(folder, { recursive: true });
  for (const [rel, text] of Object.entries(options.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    fs.writeFileSync(path.join(folder, rel), text);
  }
  const settings = { ...options.settings };
  if (options.theme) settings['workbench.colorTheme'] = THEMES[options.theme] ?? options.theme;
  if (Object.keys(settings).length > 0) {
    const file = path.join(folder, '.vscode', 'settings.json');
    const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...existing, ...settings }, null, 2));
  }
  const server = options.server ?? { url: e.url, port: e.port };
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload: [string, string][] = [['extensionDevelopmentPath', remote(options.extensionPath ?? e.extension)]];
  if (options.extensionKind) payload.push(['extensionDevelopmentKind', options.extensionKind]);
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const context = await (await connect()).newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const wb: Workbench = {
    page, folder, url,
    close: async () => {
      open.delete(wb);
      await context.close().catch(() => {});
    },
  };
  open.add(wb);
  await page.goto(url);
  await page.locator('.monaco-workbench .part.activitybar').first().waitFor({ state: 'visible', timeout: 60_000 });
  return wb;
}

/**
 * A copy of the built extension that can only run as a web extension (no `main`,
 * `extensionKind: ["web"]`), so a workbench must load `dist/web/extension.js` in its
 * web-worker extension host. Returns the copy's folder.
 */
export function webOnlyExtension(repo: string, into: string): string {
  const dir = path.join(into, 'mentoring-web-only');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.cpSync(path.join(repo, 'dist', 'web'), path.join(dir, 'dist', 'web'), { recursive: true });
  // The sidebar webview's script (html.ts loads dist/webview.js from the extension's folder).
  fs.copyFileSync(path.join(repo, 'dist', 'webview.js'), path.join(dir, 'dist', 'webview.js'));
  fs.cpSync(path.join(repo, 'media'), path.join(dir, 'media'), { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete pkg.main;
  pkg.extensionKind = ['web'];
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  // The contribution titles are %keys% of package.json: without these the palette shows the keys.
  for (const nls of fs.readdirSync(repo).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))) fs.copyFileSync(path.join(repo, nls), path.join(dir, nls));
  fs.cpSync(path.join(repo, 'l10n'), path.join(dir, 'l10n'), { recursive: true });
  return dir;
}

/** The test file that called openWorkbench, to name its workspace folder. */
function callerFile(): string | undefined {
  const stack = new Error().stack ?? '';
  return stack.split('\n').map((l) => /\(?([^()\s]+\.test\.ts):\d+:\d+\)?/.exec(l)?.[1]).find(Boolean);
}

export async function waitUntil<T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) { last = err; }
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : JSON.stringify(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');
const quickInputBox = (page: Page): Locator => page.locator('.quick-input-widget input.input');

/** Runs a command by its palette title ('Category: Title'), as a person does with F1. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = quickInputBox(page);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (err) {
      // F1 can be swallowed while focus is inside a webview or before the workbench takes keys.
      if (attempt >= 3) throw err;
      await page.locator('.part.statusbar').first().click({ position: { x: 2, y: 2 } }).catch(() => {});
    }
  }
  await input.fill(`>${title}`);
  const row = quickInput(page).locator('.monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
}

/** The prompt the quick input shows now: title, placeholder, message. */
async function quickInputPrompt(page: Page): Promise<string> {
  return quickInput(page).evaluate((w) => {
    const input = w.querySelector('input.input');
    const parts = [w.querySelector('.quick-input-title')?.textContent, input?.getAttribute('placeholder'), input?.getAttribute('aria-label'),
      w.querySelector('.quick-input-message')?.textContent];
    return parts.filter(Boolean).join(' | ');
  });
}

/**
 * Types `text` into the open quick input and presses Enter. Commands that ask several questions
 * re-open the quick input: pass `expect` (a part of the next prompt) so the answer cannot go to
 * the previous question.
 */
export async function answerQuickInput(page: Page, text: string, opts: { expect?: string | RegExp; timeoutMs?: number } = {}): Promise<void> {
  const input = quickInputBox(page);
  await input.waitFor({ state: 'visible', timeout: opts.timeoutMs ?? 15_000 });
  if (opts.expect) {
    const want = opts.expect;
    await waitUntil(async () => {
      const prompt = await quickInputPrompt(page);
      return typeof want === 'string' ? prompt.includes(want) : want.test(prompt);
    }, `a quick input asking ${String(want)} (it shows: ${await quickInputPrompt(page).catch(() => '?')})`, opts.timeoutMs ?? 15_000);
  } else {
    await page.waitForTimeout(300);
  }
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** Picks the row of the open quick pick whose text contains `label`. */
export async function pickQuickInput(page: Page, label: string): Promise<void> {
  const row = quickInput(page).locator('.monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
}

/** Our activity-bar icon (the container contributed as "Mentoring"). */
export function activityBarItem(page: Page): Locator {
  return page.locator('.part.activitybar .action-item:has(a.action-label[aria-label^="Mentoring"])').first();
}

/** The pane of our sidebar view (its header is labelled "Mentoring"). */
export function sidebarPane(page: Page): Locator {
  return page.locator('.part.sidebar .pane:has(.pane-header[aria-label^="Mentoring"])').first();
}

/** Opens our activity-bar container, unless it is already open (clicking it again would close it). */
export async function openSidebar(page: Page): Promise<Locator> {
  const item = activityBarItem(page);
  await item.waitFor({ state: 'visible', timeout: 60_000 });
  const isOpen = async (): Promise<boolean> =>
    /\bchecked\b/.test((await item.getAttribute('class')) ?? '') && (await page.locator('.part.sidebar').first().isVisible());
  if (!(await isOpen())) await item.click();
  await waitUntil(isOpen, 'the Mentoring container to be open', 15_000);
  const title = page.locator('.part.sidebar .composite.title').first();
  await waitUntil(async () => /mentoring/i.test(await title.innerText()), 'the sidebar title to say Mentoring', 15_000);
  return page.locator('.part.sidebar').first();
}

/** The outer iframe element of our sidebar webview (webviews are drawn over the pane, not inside it). */
export function sidebarWebview(page: Page): Locator {
  return page.locator(`iframe.webview[src*="extensionId=${EXTENSION_ID}"]`).first();
}

/** Inside our sidebar webview: the outer iframe (once ready) and its #active-frame. */
export function sidebarFrame(page: Page): FrameLocator {
  return page.frameLocator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`).first().frameLocator('#active-frame');
}

const notificationsCenter = (page: Page): Locator => page.locator('.notifications-center');

async function showNotificationsCenter(page: Page): Promise<void> {
  if (await notificationsCenter(page).first().isVisible()) return;
  await runCommand(page, 'Notifications: Show Notifications');
  await notificationsCenter(page).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Messages in the Notification Center, newest first (toasts are hidden with the smoke-test driver). */
export async function notifications(page: Page): Promise<string[]> {
  await showNotificationsCenter(page);
  return (await notificationsCenter(page).locator('.notification-list-item-message').allInnerTexts()).map((t) => t.trim());
}

/** Waits until a notification matching `pattern` is in the Notification Center; returns its text. */
export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return waitUntil(async () => (await notifications(page)).find((n) => pattern.test(n)), `a notification matching ${pattern}`, timeoutMs);
}

export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

/** Opens the Problems panel and returns its rows' text (file rows and problem rows). */
export async function problems(page: Page): Promise<string[]> {
  const panel = page.locator('.markers-panel').first();
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      await runCommand(page, 'View: Focus Problems');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
    });
  }
  return (await panel.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Saves a screenshot of the whole workbench as test-results/NAME.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(env().results, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/** Where screenshots go (test-results/ in the repo). */
export function resultsDir(): string {
  return env().results;
}

/** `src/retry.ts` of the hints and web UI workspaces: code a review comment is written on (line 7: the catch). */
export const RETRY_CODE = `export function retry(fn: () => unknown, times: number): unknown {
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
 * Ctrl+. until the quick-fix menu shows (the first keystrokes can come before code actions are
 * ready: `again` puts the focus back, up to four tries); the rows it lists.
 */
export async function quickFixMenu(page: Page, again: () => Promise<void>): Promise<string[]> {
  const menu = page.locator('.action-widget').first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Period');
    try {
      await menu.waitFor({ state: 'visible', timeout: 4_000 });
      break;
    } catch (err) {
      if (attempt >= 4) throw err;
      await again();
    }
  }
  return (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim());
}

export const DAY = 86_400_000;
/** `2026-12-05`: a calendar date of the fixture files, `ms` from the epoch. */
export const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** `2026-12-05T14:19:00Z`: a fixture file's date-time, to the minute. */
export const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + ':00Z';
