/**
 * *Add to Calendar* in the real host: the next session is offered first; the .ics lands where the
 * save dialog said, outside the workspace, and reads back (ical.js) with the UID the CLI gives the
 * same session; a place inside a workspace folder is refused and nothing is written; exporting a
 * moved session again keeps its UID; a cancelled one is CANCELLED.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import { parse } from '../../src/core/parse/index';
import { sessionUid } from '../../src/core/rituals/calendar';
import type { MentoringApi } from '../../src/extension';
import type { PickItem } from '../../src/editor/ui';
import { RecordingUi, waitFor, workspaceDir } from './helpers';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 19) + '+00:00';

/** Picks the first entry offered (recording the labels) and saves where it is told. */
class CalendarUi extends RecordingUi {
  readonly offered: string[][] = [];
  constructor(private readonly saveAt: string | undefined) {
    super();
  }
  override async pick<T>(items: PickItem<T>[]): Promise<T | undefined> {
    this.offered.push(items.map((i) => String(i.description)));
    return items[0]?.value;
  }
  // RecordingUi's saveFile is typed as always cancelled; this one answers with a real Uri (as seal.test.ts does)
  override async saveFile(): Promise<undefined> {
    return (this.saveAt === undefined ? undefined : vscode.Uri.file(this.saveAt)) as undefined;
  }
}

function events(file: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8'))).getAllSubcomponents('vevent');
}

describe('Add to Calendar (real host)', function () {
  this.timeout(60_000);
  let api: MentoringApi;
  let file: string;
  let uri: vscode.Uri;
  let restoreUi: { dispose(): void } | undefined;
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-calendar-'));
  const now = Date.now();

  before(async () => {
    const ext = vscode.extensions.getExtension<MentoringApi>('mentoring-dev.mentoring');
    assert.ok(ext);
    api = await ext.activate();
    await api.store.ready;
  });

  beforeEach(async () => {
    const dir = path.join(workspaceDir(), `calendar-${process.pid}-${Date.now()}`);
    fs.mkdirSync(dir, { recursive: true });
    file = path.join(dir, '.mentoring.yaml');
    fs.writeFileSync(file, `version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: ${new Date(now - 30 * DAY).toISOString().slice(0, 10)}
  expectations: { duration: 30m, topicNotice: 1d }
sessions:
  - { id: past, at: "${iso(new Date(now - 7 * DAY))}", status: held }
  - { id: later, at: "${iso(new Date(now + 9 * DAY))}", status: planned }
  - { id: off, at: "${iso(new Date(now + 5 * DAY))}", status: cancelled, cancelled: { at: "${iso(new Date(now - DAY))}", by: mentor } }
  - id: next
    at: "${iso(new Date(now + 2 * DAY))}"
    topic: "Reading the retry loop, slowly"
    agenda: [Backoff]
`);
    uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    await waitFor(() => api.store.get(uri)?.result.model?.sessions.length === 4, 10_000, 'the store to read the file');
  });

  afterEach(async () => {
    restoreUi?.dispose();
    restoreUi = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  after(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('offers the next session first, saves it outside the workspace, and the file reads back with the CLI\'s UID', async () => {
    const target = path.join(outside, 'next.ics');
    const ui = new CalendarUi(target);
    restoreUi = api.useUi(ui);
    const outcome = await vscode.commands.executeCommand<{ ok: boolean; id?: string } | undefined>('mentoring.addToCalendar', { file: uri.toString() });
    assert.deepEqual(outcome, { ok: true, id: 'next' });
    assert.deepEqual(ui.offered[0]?.map((d) => d.split(' ')[0]), ['next', 'off', 'later'], 'no held session; the next one first');
    const [v, more] = events(target);
    assert.ok(v && !more);
    const model = parse(fs.readFileSync(file, 'utf8')).model;
    assert.ok(model);
    assert.equal(v.getFirstPropertyValue('uid'), sessionUid(model, 'next'));
    assert.equal(v.getFirstPropertyValue('summary'), 'Mentoring: Reading the retry loop, slowly');
    const e = new ICAL.Event(v);
    assert.equal(e.startDate.toJSDate().getTime(), Date.parse(iso(new Date(now + 2 * DAY))));
    assert.equal(e.duration.toSeconds(), 30 * 60);
    assert.deepEqual(v.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()), [-86_400, -900]);
    assert.ok(ui.messages.some((m) => m.level === 'info' && m.text.includes(target)), JSON.stringify(ui.messages));
  });

  it('is offered from the sidebar: the validated message runs the command for the current file', async () => {
    const target = path.join(outside, 'from-sidebar.ics');
    restoreUi = api.useUi(new CalendarUi(target));
    await api.store.setCurrent(uri);
    await api.sidebar.handleMessage({ type: 'addToCalendar', session: 'next' });
    const [v] = events(target);
    assert.equal(v?.getFirstPropertyValue('summary'), 'Mentoring: Reading the retry loop, slowly');
    fs.rmSync(target);
    const rejected: string[] = [];
    const sub = api.sidebar.onDidReject((reason) => rejected.push(reason));
    try {
      await api.sidebar.handleMessage({ type: 'addToCalendar', session: 'next', saveTo: vscode.Uri.file(target).toString() });
    } finally {
      sub.dispose();
    }
    assert.equal(rejected.length, 1, 'a message with a key the protocol does not know is refused');
    assert.ok(!fs.existsSync(target));
  });

  it('refuses a place inside a workspace folder and writes nothing there', async () => {
    const inside = path.join(path.dirname(file), 'next.ics');
    const ui = new CalendarUi(inside);
    restoreUi = api.useUi(ui);
    const outcome = await vscode.commands.executeCommand<{ ok: boolean; message?: string } | undefined>('mentoring.addToCalendar', { file: uri.toString(), session: 'next' });
    assert.equal(outcome?.ok, false);
    assert.match(outcome?.message ?? '', /is inside the workspace folder .*Save it outside the workspace/);
    assert.ok(ui.messages.some((m) => m.level === 'error'));
    assert.ok(!fs.existsSync(inside));
  });

  it('keeps the UID when the session moves, and marks a cancelled one CANCELLED', async () => {
    restoreUi = api.useUi(new CalendarUi(undefined));
    const first = path.join(outside, 'first.ics');
    const moved = path.join(outside, 'moved.ics');
    assert.ok((await vscode.commands.executeCommand<{ ok: boolean }>('mentoring.addToCalendar', { file: uri.toString(), session: 'later', saveTo: vscode.Uri.file(first).toString() }))?.ok);
    const text = fs.readFileSync(file, 'utf8');
    const movedTo = iso(new Date(now + 10 * DAY));
    fs.writeFileSync(file, text.replace(iso(new Date(now + 9 * DAY)), movedTo));
    // The file is open in the editor: wait until its document has the move too, so the store does
    // not parse the document's older text again when the command makes the file current.
    await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath)?.getText().includes(movedTo) ?? true, 10_000, 'the open document to see the move');
    await waitFor(() => api.store.get(uri)?.result.model?.sessions.find((s) => s.id === 'later')?.at === movedTo, 10_000, 'the store to see the move');
    assert.ok((await vscode.commands.executeCommand<{ ok: boolean }>('mentoring.addToCalendar', { file: uri.toString(), session: 'later', saveTo: vscode.Uri.file(moved).toString() }))?.ok);
    const [a] = events(first);
    const [b] = events(moved);
    assert.ok(a && b);
    assert.equal(b.getFirstPropertyValue('uid'), a.getFirstPropertyValue('uid'));
    assert.ok(Number(b.getFirstPropertyValue('sequence')) >= Number(a.getFirstPropertyValue('sequence')));
    assert.equal(new ICAL.Event(b).startDate.toJSDate().getTime(), Date.parse(movedTo));

    const off = path.join(outside, 'off.ics');
    assert.ok((await vscode.commands.executeCommand<{ ok: boolean }>('mentoring.addToCalendar', { file: uri.toString(), session: 'off', saveTo: vscode.Uri.file(off).toString() }))?.ok);
    const [c] = events(off);
    assert.equal(c?.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(c?.getAllSubcomponents('valarm').length, 0);
  });
});
