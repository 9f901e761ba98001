/**
 * The sidebar in German, in the real workbench: a second code-server of its own, started in
 * German (user data `User/argv.json` `{"locale":"de"}`) with a tiny local language pack for the
 * workbench (test/host/language-pack.mjs: a few workbench strings in German, the rest English; no
 * download), the extension loaded from source. Checked: the workbench is German (the pack's
 * strings), the extension host runs in German (`vscode.env.language` is `de`, as the page's
 * `lang` and the sidebar's log line say, and the status bar's vscode.l10n.t sentences are the
 * German of l10n/bundle.l10n.de.json), the page shows the German of l10n/bundle.l10n.de.json
 * (tab names, buttons, aria-labels), a command title in the palette is package.nls.de.json's.
 * Screenshot: test-results/locale-de-sidebar.png.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DAY, date, stamp, activityBarItem, openSidebar, openWorkbench, problems, quickFixMenu, repoRoot, screenshot, sidebarFrame, waitUntil, type Workbench } from './helpers';

interface Server { url: string; port: number; stop(): void }
interface HostServer {
  runDir(tag: string): string;
  removeRun(run: string): void;
  startCodeServer(run: string, options?: { args?: string[] }): Promise<Server>;
}
interface LanguagePack {
  installLanguagePack(o: { extensionsDir: string; userDataDir: string; locale: string; label: string; translations: Record<string, Record<string, string>> }): string;
}
interface RunUi { UI_USER_SETTINGS: Record<string, unknown> }

// The harness is ESM (.mjs) and untyped: loaded by path, typed here.
const load = <T>(rel: string): Promise<T> => import(path.join(repoRoot(), rel)) as Promise<T>;
const readJson = (rel: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(repoRoot(), rel), 'utf8')) as Record<string, string>;

/** Workbench strings the test pack translates (module id → nls key → German). */
const WORKBENCH_DE = {
  'vs/workbench/contrib/search/browser/search.contribution': { search: 'Suchen' },
  'vs/workbench/contrib/extensions/browser/extensions.contribution': { extensions: 'Erweiterungen' },
  'vs/workbench/contrib/files/browser/explorerViewlet': { explore: 'Explorer' },
};


/** A planned session in three days whose topic is not announced yet, and one open task. */
function pairFile(now = Date.now()): string {
  return `version: 1
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
    status: planned
    agenda:
      - Review the retry loop
tasks:
  - id: t-0001
    title: Add a failing test before fixing BILL-231
    owner: mentee
    due: ${date(now + 5 * DAY)}
    status: open
`;
}

/** Every *.log under `dir` whose text contains `needle`. */
function logsWith(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.log')) continue;
    const file = path.join(e.parentPath, e.name);
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes(needle)) hits.push(text);
  }
  return hits;
}

describe('the sidebar in German: a real workbench started in German', function () {
  const german = readJson('l10n/bundle.l10n.de.json');
  const nls = readJson('package.nls.de.json');
  let host: HostServer;
  let run: string;
  let server: Server | undefined;
  let wb: Workbench;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    host = await load<HostServer>('test/host/server.mjs');
    const pack = await load<LanguagePack>('test/host/language-pack.mjs');
    const { UI_USER_SETTINGS } = await load<RunUi>('test/host/run-ui.mjs');
    run = host.runDir('ui-de');
    const userData = path.join(run, 'user-data');
    pack.installLanguagePack({ extensionsDir: path.join(run, 'extensions'), userDataDir: userData, locale: 'de', label: 'Deutsch', translations: WORKBENCH_DE });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(UI_USER_SETTINGS, null, 2));
    server = await host.startCodeServer(run);
    wb = await openWorkbench({ server, files: { '.mentoring.yaml': pairFile() } });
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await wb?.close();
    server?.stop();
    if (run && !failed) host.removeRun(run);
    else if (run) console.log(`      kept ${run} (code-server.log, user-data/logs) for a look`);
  });

  it('the workbench speaks German: the language pack\'s strings, and a command title from package.nls.de.json in the palette', async () => {
    const page = wb.page;
    const search = page.locator('.part.activitybar .action-item a.action-label[aria-label^="Suchen"]').first();
    await search.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.locator('.part.activitybar a.action-label[aria-label^="Search"]').count(), 0, 'the English "Search" is gone');
    await activityBarItem(page).waitFor({ state: 'visible', timeout: 60_000 });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>Mentoring: ${nls['command.planSession.title']!}`);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: `Mentoring: ${nls['command.planSession.title']!}` }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(nls['command.planSession.title'], 'Sitzung planen');
    // The title is German; a non-English workbench shows the English original only as the row's second line (its alias).
    assert.equal((await row.innerText()).split('\n')[0]!.trim(), 'Mentoring: Sitzung planen');
    await screenshot(page, 'locale-de-palette');
    await input.fill('>Mentoring: Plan a Session');
    const english = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Mentoring: Plan a Session' }).first();
    await english.waitFor({ state: 'visible', timeout: 15_000 });
    assert.deepEqual((await english.innerText()).split('\n').map((l) => l.trim()).filter(Boolean), ['Mentoring: Sitzung planen', 'Mentoring: Plan a Session']);
    await page.keyboard.press('Escape');
  });

  it('the sidebar page is German (tabs, buttons, aria-labels from l10n/bundle.l10n.de.json), and so is the host (env.language de, the status bar)', async () => {
    const page = wb.page;
    await openSidebar(page);
    const frame = sidebarFrame(page);
    const tabs = frame.getByRole('tab');
    await waitUntil(async () => (await tabs.count()) === 5 && (await tabs.nth(1).innerText()).startsWith(german.Tasks!), 'the German tab names', 30_000);
    const names = (await tabs.allInnerTexts()).map((t) => t.split(/\s/)[0]);
    assert.deepEqual(names, [german.Agenda, german.Tasks, german.Feedback, german.Goals, german.Notes]);
    assert.deepEqual(names, ['Agenda', 'Aufgaben', 'Feedback', 'Ziele', 'Notizen']);
    assert.equal(await tabs.nth(1).getAttribute('aria-label'), `${german.Tasks}, ${german['{0} open']!.replace('{0}', '1')}`);
    const start = frame.locator('#start-session');
    assert.equal((await start.innerText()).trim(), german['Start session']);
    assert.equal((await frame.locator('#add-to-calendar').innerText()).trim(), german['Add to calendar…']);
    const root = await frame.locator('#root').innerText();
    assert.ok(root.includes(german['Next session']!), root);
    assert.match(root, /Thema nicht angekündigt: Die Ankündigungsfrist endet in \d+ (Tag|Stunden)/);
    // Dates in the display language too (Intl, from the page's lang): German weekday and month, 24-hour clock.
    assert.match(await frame.locator('.when strong').innerText(), /^(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. \S+ \d{4}(,| um) \d\d:\d\d$/);
    assert.equal(await frame.locator('.agenda-item .icon-button').first().getAttribute('aria-label'), '„Review the retry loop“ nach oben verschieben');
    // vscode.env.language in the host: the page's lang (src/sidebar/html.ts) and the sidebar's log line.
    assert.equal(await frame.locator('html').getAttribute('lang'), 'de');
    const logs = await waitUntil(() => logsWith(path.join(run, 'user-data', 'logs'), 'sidebar: display language').join('\n') || undefined, 'the sidebar\'s log line', 15_000);
    assert.match(logs, /sidebar: display language de; page words from bundle\.l10n\.de\.json \(\d+\)/);
    // The host's own vscode.l10n.t (src/editor/statusBar.ts): the German of the bundle.
    const unannounced = german['Next session in {0} · topic not announced']!.split('{0}')[0]!;
    await waitUntil(async () => (await page.locator('.part.statusbar').first().innerText()).includes(unannounced), `the status bar to say "${unannounced}…"`, 15_000);
    // Switch tabs in German and see the Tasks tab's German form.
    await tabs.nth(1).click();
    await frame.locator('#task-filter').waitFor({ state: 'visible', timeout: 10_000 });
    const tasks = await frame.locator('#root').innerText();
    assert.ok(tasks.includes(german['Add a task']!), tasks);
    assert.match(tasks, /fällig in \d Tagen \(\d{4}-\d\d-\d\d\)/);
    assert.equal(await frame.locator('[data-action="complete"]').first().innerText(), german.Complete);
    // The Goals tab: the acceptance block worded on the page from its facts, the goal's time left.
    await tabs.nth(3).click();
    const goals = frame.locator('#root');
    await waitUntil(async () => (await goals.innerText()).includes(german.Agreement!), 'the Goals tab', 10_000);
    const goalsText = await goals.innerText();
    assert.match(goalsText, /Noch nicht angenommen: Wenn Sie beide mit den Zielen und Erwartungen einverstanden sind/);
    assert.match(goalsText, /Mentor: noch nicht · Mentee: noch nicht/);
    assert.match(goalsText, /noch \d+ Tage/);
    assert.equal((await frame.locator('#accept-agreement').innerText()).trim(), german['Accept…']);
    await tabs.nth(0).click();
    const file = await screenshot(page, 'locale-de-sidebar');
    assert.ok(fs.statSync(file).size > 10_000, file);
  });

  it('the core\'s text is German in the editor too: a diagnostic in the Problems panel (made by the core\'s parse) and its quick fix', async () => {
    const page = wb.page;
    // A typo in a goal id, written on disk: the store reads the change and the core's parse words the error.
    const file = path.join(wb.folder, '.mentoring.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    status: open\n', '    status: open\n    goal: tests-frist\n'));
    await page.keyboard.press('Control+Shift+E');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: '.mentoring.yaml' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'visible', timeout: 30_000 });
    const rows = await waitUntil(async () => {
      const r = await problems(page);
      return r.some((x) => x.includes('tests-frist')) ? r : undefined;
    }, 'the unknown-goal error in the Problems panel', 20_000);
    const error = rows.find((x) => x.includes('tests-frist')) ?? '';
    assert.match(error, /Kein Ziel hat die ID `tests-frist` \(meinten Sie `tests-first`\?\)/, rows.join(' | '));
    assert.ok(!/No goal has the id/.test(error), error);
    // Its quick fix, from the diagnostic's data: German too.
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('tests-frist'));
    const goTo = async (): Promise<void> => {
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input.input').fill(`:${at + 1}:13`);
      await page.keyboard.press('Enter');
    };
    await goTo();
    const items = await quickFixMenu(page, goTo);
    assert.ok(items.includes(german['Use the existing goal "{0}"']!.replace('{0}', 'tests-first')), items.join(' | '));
    const shot = await screenshot(page, 'locale-de-problems');
    assert.ok(fs.statSync(shot).size > 10_000, shot);
    await page.keyboard.press('Escape');
  });
});
