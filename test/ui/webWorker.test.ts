/**
 * The browser's parse worker (src/web/parseWorker.ts) in the real web-worker extension host: a
 * web-only copy of the extension (`webOnlyExtension`), a mentoring file over the worker's
 * threshold (`PARSE_WORKER_MIN_CHARS`, 32 KB), and the UI only. Its warning shows in the Problems
 * panel, an agenda item added from the sidebar is written to the file, and the "Mentoring" log
 * (read in the Output panel) shows that a Web Worker answered both — the parse and the named edit —
 * and that none failed (a failed worker leaves its work to the host's thread and says so there).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from '../../src/core/parse/index';
import { PARSE_WORKER_MIN_CHARS } from '../../src/editor/platform';
import { DAY, date, stamp, freshFolder, openSidebar, openWorkbench, pickQuickInput, problems, repoRoot, runCommand, screenshot, sidebarFrame, waitUntil, webOnlyExtension, type Workbench } from './helpers';

const HELD = 160;

/** A year and more of held sessions (each with an agenda and notes), the next one planned, and one task overdue (the warning). */
function largeFile(now = Date.now()): string {
  const lines = [
    '# Ana and Ben, a long log in the browser (comment at the top)',
    'version: 1',
    'agreement:',
    '  mentor: { name: Ana Silva }',
    '  mentee: { name: Ben Okafor }',
    `  started: ${date(now - (HELD + 2) * 7 * DAY)}`,
    '  expectations:',
    '    topicNotice: 48h',
    'sessions:',
  ];
  for (let i = 0; i < HELD; i++) {
    const at = now - (HELD - i) * 7 * DAY;
    lines.push(
      `  - id: s-${String(i + 1).padStart(4, '0')}`,
      `    at: ${stamp(at)}`,
      `    topic: Reading unfamiliar code, part ${i + 1}`,
      `    announced: ${stamp(at - 3 * DAY)}`,
      '    status: held',
      '    agenda:',
      '      - Walk through the retry loop',
      `      - Open questions from review ${i + 1}`,
      '    notes: |',
      '      The checklist helped; keep it next to the keyboard.',
      '      Next time: bring one review comment you were unsure about.',
    );
  }
  lines.push(
    '  - id: next-one',
    `    at: ${stamp(now + 3 * DAY)}`,
    '    topic: Testing strategy',
    `    announced: ${stamp(now - DAY)}`,
    '    status: planned',
    '    agenda:',
    '      - Review the retry loop',
    'tasks:',
    '  - id: t-late',
    '    title: Write the failing test for BILL-231',
    '    owner: mentee',
    `    due: ${date(now - 10 * DAY)}   # ten days ago: the overdue warning`,
    '    status: open',
    '',
  );
  return lines.join('\n');
}

describe('the browser host\'s parse worker (a Web Worker nested in the web-worker extension host)', () => {
  let wb: Workbench;
  let page: Page;
  const file = (): string => path.join(wb.folder, '.mentoring.yaml');
  const read = (): string => fs.readFileSync(file(), 'utf8');
  const text = largeFile();

  before(async () => {
    // The file is what the test says: over the threshold, valid, with exactly the one warning.
    assert.ok(text.length >= PARSE_WORKER_MIN_CHARS, `${text.length} characters`);
    const r = parse(text, { now: new Date() });
    assert.deepEqual(r.diagnostics.map((d) => `${d.severity} ${d.code}`), ['warning task-overdue']);
    const extensionPath = webOnlyExtension(repoRoot(), freshFolder('web-worker-extension'));
    assert.ok(fs.existsSync(path.join(extensionPath, 'dist', 'web', 'parseWorker.js')), 'the web-only copy has the worker bundle');
    wb = await openWorkbench({
      folder: freshFolder('web-worker'), extensionPath, extensionKind: 'web',
      files: { '.mentoring.yaml': text },
      settings: { 'mentoring.role': 'mentor', 'workbench.startupEditor': 'none' },
    });
    page = wb.page;
  });
  after(async () => wb?.close());

  /** The "Mentoring" channel's text in the Output panel (chosen through "Output: Show Output Channels..."). */
  async function mentoringLog(): Promise<string> {
    await runCommand(page, 'Output: Show Output Channels...');
    await pickQuickInput(page, 'Mentoring');
    const lines = page.locator('.part.panel .monaco-editor .view-lines').first();
    await lines.waitFor({ state: 'visible', timeout: 15_000 });
    // One entry per line: the panel wraps long ones, whose continuations do not start with a date.
    const shown = (await lines.innerText()).replace(/\u00a0/g, ' ').split('\n');
    return shown.reduce((out, line) => (/^\d{4}-\d\d-\d\d /.test(line) || out === '' ? `${out}${out ? '\n' : ''}${line}` : `${out}${line}`), '');
  }

  const waitForLog = (pattern: RegExp, what: string): Promise<string> =>
    waitUntil(async () => { const t = await mentoringLog(); return pattern.test(t) ? t : undefined; }, what, 30_000);

  it('1. the large file\'s warning shows in the Problems panel, parsed in the Web Worker (the log says so, and no failure)', async () => {
    const rows = await waitUntil(async () => {
      const r = await problems(page);
      return r.some((x) => /t-late/.test(x) && /was due/.test(x)) ? r : undefined;
    }, 'the task-overdue warning in the Problems panel', 60_000);
    assert.ok(rows.some((r) => /\.mentoring\.yaml/.test(r)), rows.join(' | '));
    await screenshot(page, 'web-worker-problems');
    const log = await waitForLog(/parse worker \(Web Worker\): first parse of \d+ KB answered in \d+ ms/, 'the Web Worker\'s first parse in the Mentoring log');
    console.log(`      ${log.split('\n').filter((l) => /parse worker/.test(l)).join('\n      ')}`);
    assert.doesNotMatch(log, /parse worker \(Web Worker\) failed/);
    // How it started: by its URL (an https extension: vscode.dev), or from its text (code-server's vscode-remote: one).
    assert.match(log, /parse worker \(Web Worker\): started (from the text of )?\S+\/dist\/web\/parseWorker\.js/);
    await screenshot(page, 'web-worker-log-parse');
  });

  it('2. an agenda item added in the sidebar is written to the file, the edit run in the Web Worker', async () => {
    await openSidebar(page);
    const frame = sidebarFrame(page);
    await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await frame.locator('#root').innerText(), /Topic: Testing strategy/);
    await frame.locator('#agenda-new input').fill('Pair on the flaky test, from the worker');
    await frame.locator('#agenda-add').click();
    const saved = await waitUntil(() => { const t = read(); return t.includes('from the worker') ? t : undefined; }, 'the agenda item in the file', 30_000);
    assert.match(saved, /status: planned\n\s+agenda:\n\s+- Review the retry loop\n\s+- Pair on the flaky test, from the worker\n/);
    assert.match(saved, /^# Ana and Ben, a long log in the browser \(comment at the top\)\n/, 'the comment at the top is kept');
    assert.ok(saved.includes('# ten days ago: the overdue warning'), 'the comment on the task is kept');
    // Only the one item changed: the rest of the text is the original's.
    assert.equal(saved.replace('      - Pair on the flaky test, from the worker\n', ''), text);
    await waitUntil(async () => (await frame.locator('.agenda-item .text').allInnerTexts()).length === 2, 'the view to show two items');
    const log = await waitForLog(/parse worker \(Web Worker\): first edit addAgendaItem of \d+ KB answered in \d+ ms/, 'the Web Worker\'s first edit in the Mentoring log');
    console.log(`      ${log.split('\n').filter((l) => /first edit/.test(l)).join('\n      ')}`);
    assert.doesNotMatch(log, /parse worker \(Web Worker\) failed/);
    await screenshot(page, 'web-worker-log-edit');
  });
});
