/** Review-comment hints in the desktop (Node) extension host; the checks are in test/ui/hintsKit.ts. */
import { freshFolder, openWorkbench, resultsDir } from './helpers';
import { hintsUiChecks, writeHintsUiWorkspace } from './hintsKit';

describe('hints UI: a judgment typed into our comment box (test/host/run-ui.mjs)', () => {
  it('hint, Ctrl+. quick fix to a question, thread stored in the mentoring file', async () => {
    const folder = freshFolder('hints');
    writeHintsUiWorkspace(folder);
    const wb = await openWorkbench({ folder });
    try {
      await hintsUiChecks(wb.page, folder, resultsDir());
    } finally {
      await wb.close();
    }
  });
});
