/**
 * Questions to ask, from the sidebar, in the real workbench: the Agenda tab lists the questions
 * that fit the next session (a goal near its date, the team's own from `questions:`); *Add* puts
 * one on that session's agenda, on disk and in the tab, and the list offers it no more.
 * Screenshot: test-results/sidebar-questions.png (the list, after one was added).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSidebar, openWorkbench, resultsDir, sidebarFrame, waitUntil, type Workbench } from './helpers';

const DAY = 86_400_000;
const at = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + '+00:00';

function agreement(now = Date.now()): string {
  return `# Ana mentors Ben.
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${new Date(now - 40 * DAY).toISOString().slice(0, 10)}
  goals:
    - { id: release, title: Own the release process, by: ${new Date(now + 12 * DAY).toISOString().slice(0, 10)} }
  expectations: { feedback: on-request }
sessions:
  - { id: held, at: "${at(now - 7 * DAY)}", status: held }
  - id: next
    at: ${at(now + 4 * DAY)}
    status: planned
    topic: Reading the retry loop
    announced: ${at(now - DAY)}
    agenda:
      - Backoff
questions:   # the team's own
  - { id: energy, when: any, text: "What gave you energy this week?" }
`;
}

describe('Questions to ask, from the sidebar (real workbench)', function () {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ files: { '.mentoring.yaml': agreement() }, settings: { 'mentoring.role': 'mentor' } });
  });
  after(async () => wb?.close());

  it('lists the questions that fit the next session; Add puts one on its agenda, on disk and in the tab', async () => {
    await openSidebar(wb.page);
    const frame = sidebarFrame(wb.page);
    await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 60_000 });
    const list = frame.locator('#panel-agenda ul.questions');
    await list.waitFor({ timeout: 20_000 });
    const offered = await list.innerText();
    assert.match(offered, /Our goal "Own the release process" is due on .+\. How close does it feel/);
    assert.match(offered, /What gave you energy this week\? \(any session, your team's\)/);
    await frame.getByRole('button', { name: 'Add to the agenda: What gave you energy this week?' }).click();
    const file = path.join(wb.folder, '.mentoring.yaml');
    const text = await waitUntil(() => {
      const t = fs.readFileSync(file, 'utf8');
      return /agenda:\n\s+- Backoff\n\s+- What gave you energy this week\?\n/.test(t) ? t : undefined;
    }, 'the question on disk', 20_000);
    assert.match(text, /# the team's own/, 'comments kept');
    await waitUntil(async () => (await frame.locator('#panel-agenda ol.agenda').innerText()).includes('What gave you energy this week?'), 'the question in the agenda');
    await waitUntil(async () => !(await list.innerText()).includes('What gave you energy'), 'the list without it');
    assert.match(await list.innerText(), /Own the release process/);
    await wb.page.locator('.part.sidebar').first().screenshot({ path: path.join(resultsDir(), 'sidebar-questions.png') });
  });
});
