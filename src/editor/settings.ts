/**
 * The extension's settings, typed, read in one place: every `getConfiguration('mentoring')` of
 * the extension is in this file. The names, defaults and allowed values are package.json's
 * `contributes.configuration`; a value of the wrong type (hand-edited settings.json) reads as
 * the default rather than reaching the code that uses it.
 */
import * as vscode from 'vscode';
import type { HintSettings } from '../core/hints/commentText';
import type { Role } from '../core/schema';

/** Sections for `affectsConfiguration`. */
export const SettingSection = {
  role: 'mentoring.role',
  reminderLeadTime: 'mentoring.reminderLeadTime',
  statusBar: 'mentoring.statusBar',
  hints: 'mentoring.hints',
  threads: 'mentoring.threads',
} as const;

const DEFAULT_DIAGNOSTICS_DELAY_MS = 300;
const DEFAULT_HINTS_DELAY_MS = 250;

function config(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('mentoring', scope);
}

function bool(c: vscode.WorkspaceConfiguration, key: string, fallback: boolean): boolean {
  const v = c.get<unknown>(key);
  return typeof v === 'boolean' ? v : fallback;
}

function text(c: vscode.WorkspaceConfiguration, key: string): string | undefined {
  const v = c.get<unknown>(key);
  return typeof v === 'string' ? v : undefined;
}

function millis(c: vscode.WorkspaceConfiguration, key: string, fallback: number): number {
  const v = c.get<unknown>(key);
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : fallback;
}

function strings(c: vscode.WorkspaceConfiguration, key: string): string[] {
  const v = c.get<unknown>(key);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** `mentoring.role` for `scope` when it names a role; undefined for "ask" (the default). */
export function configuredRole(scope?: vscode.Uri): Role | undefined {
  const v = text(config(scope), 'role');
  return v === 'mentor' || v === 'mentee' ? v : undefined;
}

/** `mentoring.diagnostics.delay`: milliseconds of quiet typing before a mentoring file is checked again. */
export function diagnosticsDelayMs(): number {
  return millis(config(), 'diagnostics.delay', DEFAULT_DIAGNOSTICS_DELAY_MS);
}

/** `mentoring.diagnostics.worker`: large mentoring files (32 KB or more) are checked in the platform's parse worker (a worker thread on the desktop, a Web Worker in the browser). */
export function parseInWorker(): boolean {
  return bool(config(), 'diagnostics.worker', true);
}

/** `mentoring.reminderLeadTime`, as typed (a duration like `24h`; the status bar parses it). */
export function reminderLeadTime(): string | undefined {
  return text(config(), 'reminderLeadTime');
}

/** `mentoring.statusBar.enabled`. */
export function statusBarEnabled(): boolean {
  return bool(config(), 'statusBar.enabled', true);
}

/** `mentoring.privateNotes.folder`, as typed (empty: the extension's storage). */
export function privateNotesFolder(): string | undefined {
  return text(config(), 'privateNotes.folder');
}

export interface HintsSettings extends HintSettings {
  enabled: boolean;
  severity: 'information' | 'hint';
  /** Empty: comment boxes only. */
  markdownGlob: string;
  delayMs: number;
}

/** The `mentoring.hints.*` settings for `scope` (undefined: the window's, as for a comment box). */
export function hintsSettings(scope: vscode.Uri | undefined): HintsSettings {
  const c = config(scope);
  return {
    enabled: bool(c, 'hints.enabled', true),
    severity: text(c, 'hints.severity') === 'hint' ? 'hint' : 'information',
    markdownGlob: text(c, 'hints.markdownGlob')?.trim() ?? '',
    delayMs: millis(c, 'hints.delay', DEFAULT_HINTS_DELAY_MS),
    disabledCategories: strings(c, 'hints.disabledCategories'),
    disabledRules: strings(c, 'hints.disabledRules'),
    extraJudgmentWords: strings(c, 'hints.extraJudgmentWords'),
  };
}

/**
 * Adds `rule` to `mentoring.hints.disabledRules` in the workspace settings (the user settings
 * when no folder is open). Returns where, or undefined when it was already there.
 */
export async function disableHintRule(rule: string): Promise<'workspace settings' | 'user settings' | undefined> {
  const c = config();
  const workspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = workspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = c.inspect<unknown>('hints.disabledRules');
  const value = workspace ? inspected?.workspaceValue : inspected?.globalValue;
  const existing = Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  if (existing.includes(rule)) return undefined;
  await c.update('hints.disabledRules', [...existing, rule], target);
  return workspace ? 'workspace settings' : 'user settings';
}

/** `mentoring.threads.enabled`. */
export function threadsEnabled(): boolean {
  return bool(config(), 'threads.enabled', true);
}

/** `mentoring.threads.saveMoves`. */
export function saveThreadMoves(): boolean {
  return bool(config(), 'threads.saveMoves', true);
}
