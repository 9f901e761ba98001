/**
 * Core diagnostics shown in the Problems panel and the editor, at the exact ranges
 * the core computed, for every mentoring file the store knows. The store re-parses
 * as the user types (debounced) and when the disk changes; this only mirrors it.
 */
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, Severity } from '../core/diagnostics';
import { Disposable } from './lifecycle';
import type { MentoringState, MentoringStore } from './store';

export const DIAGNOSTIC_SOURCE = 'mentoring';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A VS Code diagnostic that remembers the core diagnostic it came from (quick fixes read its `data`). */
export class MentoringDiagnostic extends vscode.Diagnostic {
  constructor(readonly core: CoreDiagnostic) {
    super(toRange(core), core.message, SEVERITY[core.severity]);
    this.source = DIAGNOSTIC_SOURCE;
    this.code = core.code;
  }
}

/** Core positions are 1-based lines and columns; VS Code's are 0-based. */
export function toRange(d: Pick<CoreDiagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  const start = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
  const end = new vscode.Position(Math.max(0, d.endLine - 1), Math.max(0, d.endColumn - 1));
  return new vscode.Range(start, end.isBefore(start) ? start : end);
}

export class MentoringDiagnostics extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  private readonly shown = new Map<string, CoreDiagnostic[]>();

  constructor(store: MentoringStore) {
    super();
    this._register(store.onDidParse((state) => this.show(state)));
    for (const uri of store.files()) {
      const state = store.get(uri);
      if (state) this.show(state);
    }
    this._register(
      store.onDidRemove((uri) => {
        this.shown.delete(uri.toString());
        this.collection.delete(uri);
      }),
    );
  }

  private show(state: MentoringState): void {
    this.shown.set(state.uri.toString(), state.result.diagnostics);
    this.collection.set(
      state.uri,
      state.result.diagnostics.map((d) => new MentoringDiagnostic(d)),
    );
  }

  /** The core diagnostics behind what is shown for `uri` (for quick fixes and tests). */
  coreDiagnostics(uri: vscode.Uri): CoreDiagnostic[] {
    return this.shown.get(uri.toString()) ?? [];
  }

  /** The core diagnostic behind one VS Code diagnostic (code actions receive copies, so match code and range). */
  find(uri: vscode.Uri, diagnostic: vscode.Diagnostic): CoreDiagnostic | undefined {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return this.coreDiagnostics(uri).find((d) => d.code === code && toRange(d).isEqual(diagnostic.range));
  }
}
