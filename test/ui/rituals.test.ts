/**
 * Raise it as a question, from the sidebar, in the real workbench: a late cancellation's warning
 * on the Goals tab offers *Raise at the next session…*; the question (built from the agreement's
 * rule and the facts) is shown in VS Code's input box for editing; what the user keeps lands in the
 * next session's agenda, on disk and in the Agenda tab. Screenshots: test-results/sidebar-raise-warning.png
 * (the warning and its button) and test-results/sidebar-raise.png (the agenda with the question).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { answerQuickInput, openSidebar, openWorkbench, resultsDir, sidebarFrame, waitUntil, type Workbench } from './helpers';

const DAY = 86_400_000;
const at = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + '+00:00';

function lateCancellation(now = Date.now()): string {
  const missed = now - 3 * DAY;
  return `# Ana mentors Ben.
version: 1
agreement:
  mentor: { name: Ana Silva }
  mentee: { name: Ben Okafor }
  started: ${new Date(now - 40 * DAY).toISOString().slice(0, 10)}
  expectations:
    cancellationNotice: 24h   # we agreed on a day's notice
sessions:
  - id: missed
    at: ${at(missed)}
    status: planned
    cancelled: { at: ${at(missed - 5 * 3_600_000)}, by: mentee }
  - id: next
    at: ${at(now + 4 * DAY)}
    status: planned
    topic: Reading the retry loop
    announced: ${at(now - DAY)}
    agenda:
      - Backoff
`;
}

async function tab(frame: FrameLocator, name: string, panel: string): Promise<void> {
  await frame.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await frame.locator(`#panel-${panel}`).waitFor();
}

describe('Raise a broken rule at the next session, from the sidebar (real workbench)', function () {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ files: { '.mentoring.yaml': lateCancellation() }, settings: { 'mentoring.role': 'mentor' } });
  });
  after(async () => wb?.close());

  it('shows the question for editing and adds it to the next agenda, on disk and in the view', async () => {
    await openSidebar(wb.page);
    const frame = sidebarFrame(wb.page);
    await frame.locator('.page.ready').first().waitFor({ state: 'visible', timeout: 60_000 });
    await tab(frame, 'Goals', 'agreement');
    const row = frame.locator('#panel-agreement li.problem', { hasText: 'cancelled' });
    await row.waitFor();
    await wb.page.locator('.part.sidebar').first().screenshot({ path: path.join(resultsDir(), 'sidebar-raise-warning.png') });
    await row.locator('button.raise').click();
    const box = wb.page.locator('.quick-input-widget input.input').first();
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    const offered = await waitUntil(async () => {
      const v = await box.inputValue();
      return v.startsWith('We agreed') ? v : undefined;
    }, 'the question in the input box');
    assert.match(offered, /^We agreed to cancel at least 1 day ahead; the session on .+ was cancelled 5 hours before\. What would help us keep to that\?$/);
    const kept = `${offered} Is on-call the reason?`;
    await answerQuickInput(wb.page, kept, { expect: /question for the agenda/ });
    const file = path.join(wb.folder, '.mentoring.yaml');
    const text = await waitUntil(() => {
      const t = fs.readFileSync(file, 'utf8');
      return t.includes('Is on-call the reason?') ? t : undefined;
    }, 'the question on disk', 20_000);
    assert.match(text, /agenda:\n\s+- Backoff\n\s+- .*We agreed to cancel at least 1 day ahead.*Is on-call the reason\?/);
    assert.match(text, /# we agreed on a day's notice/, 'comments kept');
    await tab(frame, 'Agenda', 'agenda');
    await waitUntil(async () => (await frame.locator('#panel-agenda').innerText()).includes('Is on-call the reason?'), 'the question in the Agenda tab');
    await wb.page.locator('.part.sidebar').first().screenshot({ path: path.join(resultsDir(), 'sidebar-raise.png') });
  });
});
