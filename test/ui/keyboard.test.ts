/**
 * Every sidebar action by keyboard alone, in the real workbench (code-server in Chromium, the
 * extension from source): the view is focused from the Command Palette, then only Tab, Shift+Tab,
 * Enter, Space, Escape, Delete, letters and arrow keys (no click, no `focus()`, no `fill`). Each
 * action is checked in the saved file on disk (or in the view, for a private note), and the live
 * region's announcement of at least one result is asserted. Focus is read (never set) through the
 * webview's document to know where Tab has arrived.
 * Screenshot: test-results/keyboard-focus.png (the focus ring on an agenda item).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { activityBarItem, openWorkbench, sidebarFrame, waitUntil, type Workbench } from './helpers';
import { A11Y_FILES, appFrame, sidebarShot } from './a11yKit';

// Page-side callbacks run in the webview; the root tsconfig has no DOM lib, so declare what they touch.
interface El { id: string; tagName: string; textContent: string | null; shadowRoot: { activeElement: El | null; querySelector(s: string): Input | null } | null; getAttribute(n: string): string | null; parentElement: El | null }
interface Input { value: string; selectionStart: number | null; selectionEnd: number | null }
declare const document: { activeElement: El | null; hasFocus(): boolean; body: El; querySelector(s: string): El | null };

/** What has the keyboard focus in the webview: the focused element of the light DOM (a component's host, not its inner input). */
interface Focused { id: string; tag: string; label: string; text: string; focus: string; role: string }

async function focused(app: Frame): Promise<Focused> {
  return app.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: '', tag: 'body', label: '', text: '', focus: '', role: '' };
    return { id: el.id, tag: el.tagName.toLowerCase(), label: el.getAttribute('aria-label') ?? '', text: (el.textContent ?? '').trim().slice(0, 120),
      focus: el.getAttribute('data-focus') ?? '', role: el.getAttribute('role') ?? '' };
  });
}

const describeFocus = (f: Focused): string => `<${f.tag}${f.id ? ` id=${f.id}` : ''}${f.label ? ` aria-label="${f.label}"` : ''}${f.focus ? ` data-focus=${f.focus}` : ''}> ${f.text.slice(0, 40)}`;

/**
 * Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses with the
 * path the focus took.
 */
async function tabTo(page: Page, app: Frame, want: (f: Focused) => boolean, what: string, opts: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const trail: string[] = [];
  let f = await focused(app);
  if (want(f)) return f;
  for (let i = 0; i < (opts.max ?? 60); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    f = await focused(app);
    trail.push(describeFocus(f));
    if (want(f)) return f;
  }
  throw new Error(`${opts.back ? 'Shift+Tab' : 'Tab'} never reached ${what}; focus went:\n  ${trail.join('\n  ')}`);
}

/** Waits until the focus matches; the error says where it is instead. */
async function waitFocus(app: Frame, want: (f: Focused) => boolean, what: string): Promise<void> {
  let last: Focused | undefined;
  await waitUntil(async () => want(last = await focused(app)), what, 10_000)
    .catch((err: Error) => { throw new Error(`${err.message}; the focus is on ${last ? describeFocus(last) : '?'}`); });
}

const byId = (id: string) => (f: Focused): boolean => f.id === id;
const byLabel = (label: string) => (f: Focused): boolean => f.label === label;

function read(wb: Workbench): string {
  return fs.readFileSync(path.join(wb.folder, '.mentoring.yaml'), 'utf8');
}

async function waitForFile(wb: Workbench, test: (text: string) => boolean, what: string): Promise<string> {
  return waitUntil(() => { const t = read(wb); return test(t) ? t : undefined; }, what, 20_000);
}

/** The block of one session in the file, from its `- id:` line to the next item at its level. */
function sessionBlock(text: string, id: string): string {
  const start = text.indexOf(`  - id: ${id}\n`);
  if (start < 0) return '';
  const rest = text.slice(start + 1);
  const end = rest.search(/\n {2}- |\n\S/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

/** A date `days` from now as the file writes it and as a date field takes it typed (en-US: month, day, year). */
function dayFromNow(days: number): { iso: string; typed: string } {
  const d = new Date(Date.now() + days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split('-');
  return { iso, typed: `${m}${day}${y}` };
}

/**
 * Runs a palette command by keyboard: F1, its title, Enter once its row is the highlighted one
 * (the palette lists a contributed view's commands once the extensions are read: Escape and again).
 */
async function paletteByKeyboard(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(title);
    try {
      await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: 5_000 });
      break;
    } catch (err) {
      if (attempt >= 6) throw err;
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 5_000 });
    }
  }
  await page.keyboard.press('Enter');
}

/** Moves the focus to the selected tab, then to `label`'s tab with the arrow keys (a tablist's roving focus). */
async function toTab(page: Page, app: Frame, frame: FrameLocator, label: string): Promise<void> {
  await tabTo(page, app, (f) => f.role === 'tab', 'the tab list', { back: true });
  for (let i = 0; i < 6; i++) {
    const f = await focused(app);
    if (f.text.startsWith(label)) break;
    await page.keyboard.press('ArrowRight');
  }
  await waitUntil(async () => (await frame.getByRole('tab', { selected: true }).innerText()).startsWith(label), `the ${label} tab selected`);
  assert.ok((await focused(app)).text.startsWith(label), `the focus on the ${label} tab`);
}

describe('accessibility: every sidebar action by keyboard alone (UI)', () => {
  let wb: Workbench;
  let page: Page;
  let frame: FrameLocator;
  let app: Frame;

  before(async () => {
    wb = await openWorkbench({ files: A11Y_FILES, settings: { 'mentoring.role': 'mentee' } });
    page = wb.page;
  });
  after(async () => wb?.close());

  it('focuses the view from the Command Palette and switches tabs with the arrow keys', async () => {
    // Seen, not clicked: the activity bar shows our container once the extension's contributions are read.
    await activityBarItem(page).waitFor({ state: 'visible', timeout: 60_000 });
    await paletteByKeyboard(page, 'Mentoring: Focus on Mentoring View');
    frame = sidebarFrame(page);
    await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 60_000 });
    app = await appFrame(page);
    await waitUntil(() => app.evaluate(() => document.hasFocus()), 'the keyboard focus inside the webview', 15_000);
    const first = await tabTo(page, app, byId('tab-agenda'), 'the Agenda tab');
    assert.equal(first.role, 'tab');
    await page.keyboard.press('ArrowRight');
    await waitFocus(app, (f) => f.id === 'tab-tasks', 'the focus on the Tasks tab');
    await frame.locator('#panel-tasks').waitFor();
    await page.keyboard.press('End');
    await waitFocus(app, (f) => f.id === 'tab-notes', 'End: the focus on the Notes tab');
    await frame.locator('#panel-notes').waitFor();
    await page.keyboard.press('ArrowRight');
    await waitFocus(app, (f) => f.id === 'tab-agenda', 'ArrowRight wraps to Agenda');
    await page.keyboard.press('ArrowLeft');
    await waitFocus(app, (f) => f.id === 'tab-notes', 'ArrowLeft wraps to Notes');
    await page.keyboard.press('Home');
    await waitFocus(app, (f) => f.id === 'tab-agenda', 'Home: the Agenda tab');
    await frame.locator('#panel-agenda').waitFor();
  });

  it('announces the topic, then adds, moves, edits and removes agenda items; the result is announced', async () => {
    // Announce: the field holds the planned topic; Enter sends it.
    await tabTo(page, app, byId('announce-topic'), 'the topic field');
    await page.keyboard.press('Enter');
    let text = await waitForFile(wb, (t) => /announced: /.test(sessionBlock(t, 'next-one')), 'the topic announced');
    assert.match(sessionBlock(text, 'next-one'), /topic: Testing strategy/);

    await tabTo(page, app, byId('agenda-new'), 'the new agenda item field');
    await page.keyboard.type('Pair on the flaky test');
    await page.keyboard.press('Enter');
    text = await waitForFile(wb, (t) => t.includes('- Pair on the flaky test'), 'the agenda item in the file');
    assert.match(sessionBlock(text, 'next-one'), /agenda:\n\s+- Review the retry loop\n\s+- Flaky test in CI\n\s+- Pair on the flaky test\n/);
    // The live region (role=status, aria-live=polite) says what happened.
    const status = frame.locator('#status[role="status"][aria-live="polite"]');
    await waitUntil(async () => /agenda item|saved|added/i.test(await status.innerText()), 'the announcement of the added item', 10_000);
    console.log(`      announced: "${(await status.innerText()).trim()}"`);

    // The third item, by Shift+Tab back from the field; Alt+ArrowUp moves it, the focus follows.
    await tabTo(page, app, (f) => f.focus === 'agenda-2', 'the third agenda item', { back: true });
    await sidebarShot(page, 'keyboard-focus');
    await page.keyboard.press('Alt+ArrowUp');
    await waitForFile(wb, (t) => /- Review the retry loop\n\s+- Pair on the flaky test\n\s+- Flaky test in CI\n/.test(t), 'the item moved up');
    await waitFocus(app, (f) => f.focus === 'agenda-1', 'the focus on the moved item');

    // Enter edits in place with the text selected (as F2 does); typing replaces it; Enter saves; the focus
    // comes back to the item. No Ctrl+A: in a webview the workbench handles it and sends a select-all back
    // a moment later, which selected the first words typed and lost them.
    await page.keyboard.press('Enter');
    await waitFocus(app, (f) => f.id === 'agenda-edit', 'the focus in the item editor');
    const selected = await app.evaluate(() => {
      const input = document.querySelector('#agenda-edit')?.shadowRoot?.querySelector('input');
      return input ? { value: input.value, from: input.selectionStart, to: input.selectionEnd } : undefined;
    });
    assert.deepEqual(selected, { value: 'Pair on the flaky test', from: 0, to: 'Pair on the flaky test'.length }, 'the item editor opens with its text selected');
    await page.keyboard.type('Pair on the flaky CI test');
    await page.keyboard.press('Enter');
    await waitForFile(wb, (t) => t.includes('- Pair on the flaky CI test\n'), 'the edited item');
    await waitFocus(app, (f) => f.focus === 'agenda-1', 'the focus back on the edited item');

    // Delete removes it.
    await page.keyboard.press('Delete');
    text = await waitForFile(wb, (t) => !t.includes('Pair on the flaky CI test'), 'the item removed');
    assert.match(sessionBlock(text, 'next-one'), /agenda:\n\s+- Review the retry loop\n\s+- Flaky test in CI\n/);

    // Carry an open task forward with Space on its button.
    await tabTo(page, app, byLabel('Add to agenda: "Send the reading list"'), 'the carry-forward button');
    await page.keyboard.press('Space');
    await waitForFile(wb, (t) => /agenda:(\n\s+- .*)*\n\s+- .*Send the reading list/.test(sessionBlock(t, 'next-one')), 'the task carried forward onto the agenda');

    // A question to ask, with Enter.
    // The questions are listed above the tasks to carry forward: Shift+Tab back to one.
    const question = await tabTo(page, app, (f) => f.label.startsWith('Add to the agenda: '), 'a question\'s Add button', { back: true });
    const q = question.label.slice('Add to the agenda: '.length);
    await page.keyboard.press('Enter');
    await waitForFile(wb, (t) => sessionBlock(t, 'next-one').includes(q.slice(0, 30)), 'the question on the agenda');
  });

  it('starts and ends the session, then plans the next one', async () => {
    await tabTo(page, app, byId('start-session'), 'Start session', { back: true });
    await page.keyboard.press('Enter');
    await waitForFile(wb, (t) => /started: /.test(sessionBlock(t, 'next-one')), 'the session started');
    await tabTo(page, app, byId('end-session'), 'End session');
    await page.keyboard.press('Space');
    await waitForFile(wb, (t) => /status: held/.test(sessionBlock(t, 'next-one')) && /ended: /.test(sessionBlock(t, 'next-one')), 'the session ended');

    await frame.locator('#plan').waitFor({ timeout: 15_000 });
    // The date field holds the suggested time: keep it, Tab on to the topic and the agenda.
    await tabTo(page, app, byId('plan-topic'), 'the topic of the plan form');
    await page.keyboard.type('Reading the scheduler');
    await page.keyboard.press('Tab');
    assert.equal((await focused(app)).id, 'plan-agenda');
    await page.keyboard.type('Where the queue starves');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Lock order');
    await tabTo(page, app, byId('plan'), 'Plan session');
    await page.keyboard.press('Enter');
    const text = await waitForFile(wb, (t) => t.includes('topic: Reading the scheduler'), 'the planned session');
    const planned = text.slice(text.lastIndexOf('  - id:', text.indexOf('topic: Reading the scheduler')));
    assert.match(planned, /status: planned/);
    assert.match(planned, /agenda:\n\s+- Where the queue starves\n\s+- Lock order\n/);
  });

  it('adds a task, completes one, changes a due date, filters and reopens', async () => {
    await toTab(page, app, frame, 'Tasks');
    // The add form is a <details>: Enter on its summary opens it.
    await tabTo(page, app, (f) => f.tag === 'summary', 'the Add a task summary');
    await page.keyboard.press('Enter');
    await tabTo(page, app, byId('task-title'), 'the task title');
    await page.keyboard.type('Read the state machine chapter');
    // Owner: a radio group, the checked radio takes the focus; ArrowDown picks the mentor.
    await page.keyboard.press('Tab');
    await waitFocus(app, (f) => f.tag === 'vscode-radio', 'the focus on the owner radios');
    await page.keyboard.press('ArrowDown');
    const due = dayFromNow(9);
    await tabTo(page, app, byId('task-due'), 'the due date');
    await page.keyboard.type(due.typed);
    await tabTo(page, app, byId('task-add'), 'Add task');
    await page.keyboard.press('Enter');
    const text = await waitForFile(wb, (t) => t.includes('title: Read the state machine chapter'), 'the new task');
    const added = text.slice(text.indexOf('title: Read the state machine chapter'));
    assert.match(added, /^title: Read the state machine chapter\n\s+owner: mentor\n/);
    assert.match(added.split('\n  - ')[0] ?? '', new RegExp(`due: ${due.iso}`));

    await tabTo(page, app, byLabel('Complete "Add a failing test before fixing BILL-231"'), 'Complete of t-0001');
    await page.keyboard.press('Enter');
    await waitForFile(wb, (t) => /id: t-0001\n(\s+\w+: .*\n)*?\s+status: done/.test(t), 'the task done');

    const newDue = dayFromNow(12);
    await tabTo(page, app, byLabel('Change due date of "Send the reading list"'), 'Change due of t-0002');
    await page.keyboard.press('Enter');
    await waitFocus(app, (f) => f.id === 'due-t-0002', 'the focus in the due date editor');
    await page.keyboard.type(newDue.typed);
    await page.keyboard.press('Enter');
    await waitForFile(wb, (t) => new RegExp(`id: t-0002\\n(\\s+\\w+: .*\\n)*?\\s+due: ${newDue.iso}`).test(t), 'the new due date');
    await waitFocus(app, (f) => f.focus === 'due-button-t-0002', 'the focus back on Change due');

    // The status filter: the checked radio ("open") takes the focus; ArrowRight ×3 is "all".
    await tabTo(page, app, (f) => f.tag === 'vscode-radio' && /^open \(/.test(f.label), 'the status filter', { back: true });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await waitUntil(async () => /^\d+ of \d+ tasks match\./.test(await frame.locator('#task-count').innerText())
      && (await frame.locator('li.task').count()) === 4, 'all four tasks listed');
    await page.keyboard.press('Tab');
    assert.equal((await focused(app)).id, 'task-filter');
    await page.keyboard.type('runner');
    await waitUntil(async () => (await frame.locator('#task-count').innerText()).startsWith('1 of 4 tasks match.'), 'the text filter');
    await tabTo(page, app, byLabel('Reopen "Set up the test runner"'), 'Reopen of t-0003');
    await page.keyboard.press('Enter');
    await waitForFile(wb, (t) => /id: t-0003\n(\s+\w+: .*\n)*?\s+status: open/.test(t), 'the task reopened');
  });

  it('gives feedback: a rating by arrow keys, two answers, submit', async () => {
    await toTab(page, app, frame, 'Feedback');
    await tabTo(page, app, (f) => f.tag === 'vscode-radio', 'the rating');
    // No rating checked yet: Space checks the focused one (1), each ArrowRight the next.
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await tabTo(page, app, byId('fb-valuable'), 'What was valuable');
    await page.keyboard.type('Tracing the state machine together');
    await page.keyboard.press('Tab');
    assert.equal((await focused(app)).id, 'fb-change');
    await page.keyboard.type('More time for my questions');
    await tabTo(page, app, byId('fb-submit'), 'Submit feedback');
    await page.keyboard.press('Enter');
    const text = await waitForFile(wb, (t) => t.includes('valuable: Tracing the state machine together'), 'the feedback');
    assert.match(text, /- from: mentee\n\s+rating: 4\n\s+valuable: Tracing the state machine together\n\s+change: More time for my questions/);
  });

  it('adds a private note with the keyboard (not in the file)', async () => {
    const before = read(wb);
    await toTab(page, app, frame, 'Notes');
    await tabTo(page, app, byId('note-text'), 'the note field');
    await page.keyboard.type('Ben seemed tired: ask about the deadline');
    await tabTo(page, app, byId('note-add'), 'Add private note');
    await page.keyboard.press('Space');
    await waitUntil(async () => /ask about the deadline/.test(await frame.locator('.notes').innerText().catch(() => '')), 'the note in the view');
    assert.equal(read(wb), before, 'the mentoring file is untouched');
  });

  it('opens the file at a warning\'s line from the Goals tab with Enter', async () => {
    await toTab(page, app, frame, 'Goals');
    const link = await tabTo(page, app, (f) => /^Open the file at line \d+$/.test(f.label), 'a warning\'s line button');
    const line = Number(/(\d+)$/.exec(link.label)?.[1]);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: '.mentoring.yaml' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil(async () => (await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText()).includes(`Ln ${line},`), `the cursor on line ${line}`, 15_000);
  });
});
