/**
 * Close well, in the real workbench: a closed mentorship's sidebar shows the closing summary above
 * the tabs (goals with outcomes, sessions and tasks counted, the ratings' trend, both final
 * feedbacks) and no next session; the status bar says closed, with no countdown.
 * Screenshot: test-results/sidebar-closing.png.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { openSidebar, openWorkbench, resultsDir, sidebarFrame, waitUntil, type Workbench } from './helpers';

const DAY = 86_400_000;
const at = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + '+00:00';
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function closedFile(now = Date.now()): string {
  return `# Ana mentored Ben; we closed it.
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${day(now - 150 * DAY)}
  review: ${day(now - 5 * DAY)}
  goals:
    - { id: tests-first, title: Write a failing test first, by: ${day(now - 10 * DAY)}, status: achieved, outcome: Every fix since October has a test }
    - { id: own-release, title: Own a release, by: ${day(now + 20 * DAY)}, status: dropped, outcome: The release moved to next year }
sessions:
  - { id: s1, at: "${at(now - 60 * DAY)}", status: held, feedback: [{ from: mentee, rating: 3 }] }
  - { id: s2, at: "${at(now - 40 * DAY)}", status: cancelled, cancelled: { at: "${at(now - 41 * DAY)}", by: mentor } }
  - { id: s3, at: "${at(now - 30 * DAY)}", status: held, feedback: [{ from: mentee, rating: 4 }, { from: mentor, rating: 4 }] }
  - { id: s4, at: "${at(now - 10 * DAY)}", status: held, feedback: [{ from: mentee, rating: 5 }] }
  - { id: s5, at: "${at(now + 2 * DAY)}", status: planned }
tasks:
  - { id: t1, title: Write the test, status: done }
  - { id: t2, title: Read the guide, status: open, due: ${day(now - 3 * DAY)} }
closed:
  on: ${day(now)}
  by: mentor
  feedback:
    - { from: mentor, rating: 5, valuable: Seeing Ben lead the reviews, change: Start pairing earlier }
    - { from: mentee, rating: 4, valuable: "<b>The code reviews</b>" }
`;
}

describe('The closing summary in the sidebar (real workbench)', function () {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ files: { '.mentoring.yaml': closedFile() }, settings: { 'mentoring.role': 'mentor' } });
  });
  after(async () => wb?.close());

  it('shows the outcomes, the counts, the trend and both final feedbacks; no countdown', async () => {
    await openSidebar(wb.page);
    const frame = sidebarFrame(wb.page);
    const closing = frame.locator('#closing');
    await closing.waitFor({ state: 'visible', timeout: 60_000 });
    const text = (await closing.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Closed on \d{4}-\d{2}-\d{2} by the mentor/);
    assert.match(text, /Write a failing test first — achieved: Every fix since October has a test/);
    assert.match(text, /Own a release — dropped: The release moved to next year/);
    assert.match(text, /3 sessions held · 1 cancelled · 1 planned, not held/);
    assert.match(text, /1 task done · 0 dropped · 1 open/);
    assert.match(text, /Ratings went from 3 to 5 \(rising\)/);
    assert.match(text, /Mentor \(5\/5\) Valuable: Seeing Ben lead the reviews Change: Start pairing earlier/);
    // the file's markup is text, not HTML
    assert.match(text, /Mentee \(4\/5\) Valuable: <b>The code reviews<\/b>/);
    assert.equal(await frame.locator('#closing b').count(), 0);
    const status = await waitUntil(async () => {
      const t = await wb.page.locator('.statusbar-item[aria-label^="Mentoring: "], .statusbar-item [aria-label^="Mentoring: "]').first().innerText().catch(() => '');
      return t.includes('closed') ? t : undefined;
    }, 'the status bar to say closed');
    assert.ok(!/\d/.test(status), `no countdown in "${status}"`);
    await wb.page.locator('.part.sidebar').first().screenshot({ path: path.join(resultsDir(), 'sidebar-closing.png') });
  });
});
