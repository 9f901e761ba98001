/** A child process for test/unit/node/notes.test.ts: one "window" adding COUNT private notes to FILE, as privateNotes.ts does on the desktop. */
import { applyNotesChange, parseNotes, serializeNotes } from '../../../src/editor/notesData';
import { NODE_PLATFORM } from '../../../src/node/platform';

async function main(): Promise<void> {
  const [file, window, count] = process.argv.slice(2) as [string, string, string];
  const update = NODE_PLATFORM.updateFile;
  if (!update) throw new Error('the desktop platform updates files');
  for (let i = 0; i < Number(count); i++) {
    const add = { id: `n-${window}-${i}`, fileKey: 'file:///w/.mentoring.yaml', text: `window ${window} note ${i}`, created: new Date().toISOString() };
    await update(file, (text) => {
      const onDisk = text === undefined ? [] : parseNotes(text);
      if (onDisk === undefined) throw new Error('unreadable');
      return serializeNotes(applyNotesChange(onDisk, { add }));
    });
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
  process.exit(1);
});
