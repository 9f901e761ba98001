/**
 * What every tab module shares: the contract between the shell (app.ts) and a tab, and the helpers
 * that read the vscode-elements form fields. A tab renders with lit bindings only (user text stays
 * text, see app.ts) and changes the file only through `TabHost.request`.
 */
import type { TemplateResult } from 'lit';
import type { ReadyState, ViewState, WebviewMessage, WebviewRequest } from '../src/core/views/protocol';
import type { UiState } from './model';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A request as a tab builds it: the shell numbers it. */
export type Request = DistributiveOmit<WebviewRequest, 'requestId'>;

/** What the shell offers a tab. */
export interface TabHost {
  /** The element the whole view renders into; tabs query their own fields under it. */
  readonly root: HTMLElement;
  /** The UI state kept across hide/show (the tasks tab keeps its filter there). */
  readonly ui: UiState;
  /** Sends a request that changes the file; `what` names it in the announcement of its result. False when not sent. */
  request(msg: Request, what: string, onOk?: () => void): boolean;
  /** Sends a message that changes nothing in the file (open a file, a link, a command). */
  post(msg: WebviewMessage): void;
  /** Announces `message` as an error and marks and focuses the field at `selector`. */
  invalid(selector: string, message: string): void;
  render(): void;
  /** Stores `ui` (vscode.setState). */
  save(): void;
  /** Focuses the element with `data-focus="<key>"` after the next render that draws it. */
  focusLater(key: string): void;
  /** Milliseconds since the current state arrived: its countdowns are relative to that moment. */
  elapsed(): number;
}

export interface Tab {
  view(s: ReadyState): TemplateResult;
  /** Called with every new state before it is rendered, to drop what no longer applies. */
  onState?(state: ViewState): void;
}

/** A value from a vscode-textfield/-textarea (or '' when the element is missing). */
export function valueOf(root: ParentNode, selector: string): string {
  const el = root.querySelector<HTMLElement & { value: string }>(selector);
  return el ? String(el.value ?? '') : '';
}

export function setValue(root: ParentNode, selector: string, value: string): void {
  const el = root.querySelector<HTMLElement & { value: string }>(selector);
  if (el) el.value = value;
}

/** The checked radio's value inside a vscode-radio-group. */
export function radioValue(root: ParentNode, group: string): string | undefined {
  const radios = root.querySelector(group)?.querySelectorAll('vscode-radio') ?? [];
  for (const r of Array.from(radios)) if (r.checked) return r.value;
  return undefined;
}

/** Whether a vscode-checkbox is checked (false when missing). */
export function isChecked(root: ParentNode, selector: string): boolean {
  return root.querySelector<HTMLElement & { checked: boolean }>(selector)?.checked ?? false;
}
