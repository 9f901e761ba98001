/** How the editor words outcomes (editor/outcome.ts) and asks mentor or mentee (editor/pickRole.ts), with a scripted Ui. */
import { strict as assert } from 'node:assert';
import type { InputOptions, PickItem, Ui } from '../../../src/editor/ui';
import { editDone, fail, failureText, fileHasErrors, refuse, noMentoringFile, warningText, whereSaved } from '../../../src/editor/outcome';
import { pickRole } from '../../../src/editor/pickRole';

class ScriptedUi implements Ui {
  readonly shown: { level: string; text: string }[] = [];
  readonly picks: { labels: string[]; descriptions: (string | undefined)[]; title?: string; placeHolder: string }[] = [];
  constructor(private readonly answer?: string) {}
  async input(_o: InputOptions): Promise<string | undefined> {
    return undefined;
  }
  async pick<T>(items: PickItem<T>[], options: { title?: string; placeHolder: string }): Promise<T | undefined> {
    this.picks.push({ labels: items.map((i) => i.label), descriptions: items.map((i) => i.description), ...options });
    return items.find((i) => i.label === this.answer)?.value;
  }
  async info(text: string): Promise<undefined> {
    this.shown.push({ level: 'info', text });
    return undefined;
  }
  async warn(text: string): Promise<undefined> {
    this.shown.push({ level: 'warn', text });
    return undefined;
  }
  async error(text: string): Promise<undefined> {
    this.shown.push({ level: 'error', text });
    return undefined;
  }
  async saveFile(): Promise<undefined> {
    return undefined;
  }
  async openFile(): Promise<undefined> {
    return undefined;
  }
  async confirm(): Promise<boolean> {
    return false;
  }
}

describe('editor outcomes (editor/outcome)', () => {
  it('a file with errors: its name, that nothing changed, and the first error with line and column', () => {
    const text = fileHasErrors('team/.mentoring.yaml', [
      { severity: 'warning', line: 2, column: 1, message: 'a warning first' },
      { severity: 'error', line: 7, column: 14, message: 'cadence must be weekly or biweekly' },
      { severity: 'error', line: 9, column: 3, message: 'second error' },
    ]);
    assert.match(text, /^team\/\.mentoring\.yaml has errors, so it cannot be changed until they are fixed/);
    assert.match(text, /nothing was changed/);
    assert.match(text, /First at line 7, column 14: cadence must be weekly or biweekly$/);
    assert.doesNotMatch(text, /a warning first|second error/);
    assert.doesNotMatch(fileHasErrors('a.yaml', []), /line/);
  });

  it('where an edit went: saved, or into an editor with unsaved changes', () => {
    assert.equal(whereSaved('.mentoring.yaml', false), 'Saved in .mentoring.yaml.');
    assert.match(whereSaved('.mentoring.yaml', true), /open editor of \.mentoring\.yaml, which had unsaved changes: save it to keep both\./);
    assert.equal(editDone('Task t-3 added.', 'x.yaml', undefined), 'Task t-3 added. Saved in x.yaml.');
    assert.equal(editDone('Task t-3 added.', 'x.yaml', true), `Task t-3 added. ${whereSaved('x.yaml', true)}`);
  });

  it('refused and failed operations are shown as errors and returned as { ok: false, message }', () => {
    const ui = new ScriptedUi();
    assert.deepEqual(refuse(ui, 'There is no open task "t-9".'), { ok: false, message: 'There is no open task "t-9".' });
    assert.deepEqual(fail(ui, new Error('boom')), { ok: false, message: 'Mentoring: boom' });
    assert.equal(failureText('plain'), 'Mentoring: plain');
    assert.deepEqual(ui.shown, [
      { level: 'error', text: 'There is no open task "t-9".' },
      { level: 'error', text: 'Mentoring: boom' },
    ]);
    assert.match(noMentoringFile(), /Set Up an Agreement/);
  });

  it('warnings read as text whether strings or { message }', () => {
    assert.equal(warningText('late'), 'late');
    assert.equal(warningText({ message: 'later', code: 'x' }), 'later');
    assert.equal(warningText(3), '3');
  });
});

describe('the role picker (editor/pickRole)', () => {
  const agreement = { mentor: { name: 'Ana Silva' }, mentee: { name: 'Ben Okafor' } };

  it('asks mentor or mentee, mentor first by default, and returns the role picked', async () => {
    const ui = new ScriptedUi('Mentee');
    assert.equal(await pickRole(ui, { placeHolder: 'Who cancels?' }), 'mentee');
    assert.deepEqual(ui.picks[0]?.labels, ['Mentor', 'Mentee']);
    assert.equal(ui.picks[0]?.placeHolder, 'Who cancels?');
  });

  it('lists the usual answer first and shows the names when the agreement is known', async () => {
    const ui = new ScriptedUi('Mentor');
    assert.equal(await pickRole(ui, { title: 'Add a task', placeHolder: 'Whose task is it?', first: 'mentee', agreement }), 'mentor');
    assert.deepEqual(ui.picks[0]?.labels, ['Mentee', 'Mentor']);
    assert.deepEqual(ui.picks[0]?.descriptions, ['Ben Okafor', 'Ana Silva']);
    assert.equal(ui.picks[0]?.title, 'Add a task');
  });

  it('resolves undefined when the question is dismissed', async () => {
    assert.equal(await pickRole(new ScriptedUi(), { placeHolder: 'Who is writing?' }), undefined);
  });
});
