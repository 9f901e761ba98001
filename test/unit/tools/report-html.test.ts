/**
 * The report's HTML page in real Chromium (playwright-core, Debian's /usr/bin/chromium as the
 * webview tests use it): opened from a file under its own CSP, no console error and no policy
 * violation, tables with captions and column headers screen readers announce, both charts as
 * images with names, light and dark. Screenshots: test-results/report.png and report-dark.png.
 * Skipped with a note when no Chromium is installed.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { parse } from '../../../src/core/parse/index';
import { pairRow, REPORT_COLUMNS, sortReport, type Report } from '../../../src/core/report';
import { reportHtml } from '../../../src/core/reportHtml';
import { ROOT } from '../../fixtures';
import { PAIR } from '../../fixtures/reportPair';

// As test/unit/webview/browser.test.ts finds it.
function chromiumPath(): string | undefined {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
}

declare const document: { body: unknown; documentElement: { outerHTML: string } };
declare function getComputedStyle(e: unknown): { backgroundColor: string };
declare const window: { __violations: string[]; addEventListener(t: string, f: (e: { violatedDirective: string }) => void): void };

const NOW = new Date(2026, 10, 20, 12);
const NAMES = [['Ana Silva', 'Ben Okafor'], ['Cleo Park', 'Dev Rao'], ['Eli Moss', 'Fay <b>Wong</b>'], ['Gus Lee', 'Hana Sato'], ['Ida Kern', 'Jon Ode']];

function sampleReport(): Report {
  const pairs = NAMES.map(([mentor, mentee], i) => {
    let text = PAIR.replace('Ana Silva', mentor as string).replace('Ben Okafor', JSON.stringify(mentee));
    // Fewer held sessions for some pairs, so the charts differ from row to row.
    if (i % 2 === 1) text = text.replace(/ {2}- \{ id: s5.*\n/, '');
    if (i === 3) text = text.replace(/status: held \}/g, 'status: cancelled, cancelled: { at: "2026-09-01T10:00", by: mentee } }');
    const model = parse(text, { now: NOW }).model;
    assert.ok(model, `pair ${i} parses`);
    return pairRow(model, NOW, { file: `team-${i}/.mentoring.yaml`, repo: i === 4 ? 'https://git.example.com/team.git' : null });
  });
  return sortReport({ pairs, errors: [{ file: 'team-9/.mentoring.yaml', repo: null, line: 4, column: 12, code: 'yaml-syntax', message: 'Missing closing "quote <script>' }] });
}

describe('report HTML in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  const out = join(ROOT, 'test-results');

  before(async function () {
    const exe = chromiumPath();
    if (!exe) {
      console.log('    (no Chromium: install chromium or set CHROME_PATH to run these)');
      this.skip();
    }
    browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => browser?.close());

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders in ${scheme} with no console error, headers for screen readers, named charts`, async () => {
      mkdirSync(out, { recursive: true });
      const file = join(out, 'report.html');
      writeFileSync(file, reportHtml(sampleReport(), NOW));
      const context = await browser!.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await page.addInitScript(() => {
        window.__violations = [];
        window.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
      });
      await page.goto(`file://${file}`);
      assert.deepEqual(problems, []);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      // Screen readers: the tables by their captions, their column headers by role.
      const pairs = page.getByRole('table', { name: /Pairs/ });
      assert.equal(await pairs.count(), 1);
      assert.equal(await pairs.getByRole('columnheader').count(), REPORT_COLUMNS.length);
      assert.equal(await pairs.getByRole('rowheader').count(), NAMES.length, 'each pair row is headed by its file');
      assert.equal(await page.getByRole('table', { name: /Files with errors/ }).getByRole('columnheader').count(), 6);
      assert.equal(await page.getByRole('img', { name: 'Sessions held and cancelled per pair' }).count(), 1);
      assert.equal(await page.getByRole('img', { name: 'Share of periods the agreed cadence was kept' }).count(), 1);
      // Escaped: the name with a tag shows as text, and nothing in the page is a script or a bold tag from a file.
      assert.match(await pairs.innerText(), /Fay <b>Wong<\/b>/);
      assert.equal(await page.locator('script, b').count(), 0);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
      await page.screenshot({ path: join(out, scheme === 'light' ? 'report.png' : 'report-dark.png'), fullPage: true });
      await context.close();
    });
  }
});
