/**
 * The webview's import fence (eslint.config.mjs `webviewRules`): linted here against imports the
 * webview must not make, and the ones it does make, so the fence cannot quietly stop holding.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { ROOT } from '../../fixtures';

async function lint(code: string): Promise<string[]> {
  const { webviewRules } = (await import(path.join(ROOT, 'eslint.config.mjs'))) as { webviewRules: Record<string, unknown> };
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: webviewRules as never }],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'webview/tabs/fence-probe.ts') });
  assert.ok(result);
  assert.deepEqual(result.messages.filter((m) => m.fatal), [], 'the probe parses');
  return result.messages.map((m) => `${m.line}:${m.ruleId ?? ''}`);
}

describe('webview import fence (eslint)', function () {
  this.timeout(30_000);

  it('refuses vscode, Node built-ins, the editor, the commands, the rest of the core, escapes from views/ and unsafe directives', async () => {
    const forbidden = [
      "import * as vscode from 'vscode';",
      "import type { Uri } from 'vscode';",
      "import * as fs from 'fs';",
      "import { readFile } from 'fs/promises';",
      "import { join } from 'node:path';",
      "import type { MentoringStore } from '../../src/editor/store';",
      "import { ops } from '../../src/commands/ops';",
      "import { CommandId } from '../../src/commands/ids';",
      "import { MentoringSidebar } from '../../src/sidebar/provider';",
      "import { parseCodeLink } from '../../src/core/links';",
      "import { x } from '../../src/core/views/../../editor/store';",
      "import { y } from '../../src/core/views/..';",
      "export { z } from '../../src/cli/main';",
      "import { unsafeHTML } from 'lit/directives/unsafe-html.js';",
      "import { unsafeSVG } from 'lit/directives/unsafe-svg.js';",
      "export const later = () => import('../../src/editor/ui');",
    ];
    const messages = await lint(forbidden.join('\n'));
    const flagged = new Set(messages.map((m) => Number(m.split(':')[0])));
    forbidden.forEach((line, i) => assert.ok(flagged.has(i + 1), `not refused: ${line}\n${messages.join('\n')}`));
    assert.equal(messages.length, forbidden.length, messages.join('\n'));
  });

  it('lets through the protocol, the view models, lit and vscode-elements, and its own modules', async () => {
    const allowed = [
      "import { parseHostMessage } from '../../src/core/views/protocol';",
      "import type { ReadyState } from '../../src/core/views/protocol';",
      "import { buildViewState } from '../../src/core/views/sidebar';",
      "import { html, svg } from 'lit';",
      "import { repeat } from 'lit/directives/repeat.js';",
      "import '@vscode-elements/elements/dist/vscode-button/index.js';",
      "import { plural } from '../model';",
      "import { valueOf } from '../shared';",
    ];
    assert.deepEqual(await lint(allowed.join('\n')), []);
  });
});
