/**
 * A hover over a sealed block in a mentoring file: for a reader, the text opened with their keys
 * (`openOne`, through `openModel` in src/core/seal/read.ts), with the lock and who can read it;
 * for anyone else, that it is sealed and who can read it — never an error. A damaged block says
 * what is wrong (its diagnostic says where).
 */
import * as vscode from 'vscode';
import { openOne, sealedFieldAt } from '../core/seal/read';
import { describeField } from '../core/seal/fields';
import { lockedText } from '../core/views/sealed';
import { MENTORING_SELECTOR } from './codeActions';
import type { Keyring } from './keyring';
import { Disposable } from './lifecycle';
import type { MentoringStore } from './store';

export class SealedHover extends Disposable implements vscode.HoverProvider {
  constructor(
    private readonly store: MentoringStore,
    private readonly keyring: Keyring,
  ) {
    super();
    this._register(vscode.languages.registerHoverProvider(MENTORING_SELECTOR, this));
  }

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const state = this.store.get(doc.uri);
    const model = state?.result.model;
    const yaml = state?.result.doc;
    // The kept parse must be of the text shown (typing is debounced): offsets of another text would point elsewhere.
    if (!state || !model || !yaml || state.text !== doc.getText()) return undefined;
    const at = sealedFieldAt(model, yaml, doc.offsetAt(position));
    if (!at) return undefined;
    const one = await openOne(model, at.fv, await this.keyring.identities());
    if (!one) return undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`🔒 **${escape(capitalize(describeField(model, at.fv.path)))}**: ${escape(lockedText(one.field.readers))}\n\n`);
    if (one.text !== undefined) {
      md.appendMarkdown(`${vscode.l10n.t('Opened with your key:')}\n\n`);
      md.appendCodeblock(one.text, 'text');
    } else {
      md.appendMarkdown(escape(vscode.l10n.t('Your keys do not open it ({0}).', one.field.why ?? vscode.l10n.t('no key'))));
      md.appendMarkdown(` ${vscode.l10n.t('To read it here, set up the key it was sealed to with *{0}*.', vscode.l10n.t('Mentoring: Set Up My Key'))}`);
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(at.offset), doc.positionAt(at.endOffset)));
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Text from the file (names, reasons) shown as text, not as Markdown. */
function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
