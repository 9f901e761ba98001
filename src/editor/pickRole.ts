/**
 * The one "mentor or mentee?" question. No `vscode` import (unit-tested in Node with a scripted Ui):
 * its words go through `@vscode/l10n`, which src/extension.ts loads with the host's bundle.
 */
import * as l10n from '@vscode/l10n';
import type { Agreement, Role } from '../core/schema';
import type { Ui } from './ui';

export interface RolePickOptions {
  title?: string | undefined;
  placeHolder: string;
  /** Listed first: the usual answer (a task's owner is usually the mentee). Default: mentor. */
  first?: Role | undefined;
  /** When known, each role shows its person's name. */
  agreement?: Pick<Agreement, 'mentor' | 'mentee'> | undefined;
}

/** The one "mentor or mentee?" question: who gives feedback, who cancels, whose task, who writes. */
export function pickRole(ui: Ui, options: RolePickOptions): Promise<Role | undefined> {
  const roles: Role[] = options.first === 'mentee' ? ['mentee', 'mentor'] : ['mentor', 'mentee'];
  return ui.pick<Role>(
    roles.map((role) => ({
      label: role === 'mentor' ? l10n.t('Mentor') : l10n.t('Mentee'),
      description: options.agreement?.[role].name,
      value: role,
    })),
    { title: options.title, placeHolder: options.placeHolder },
  );
}

/** A role inside a sentence ("the mentee", "for the mentor"), in the user's language. */
export function roleWord(role: Role): string {
  return role === 'mentor' ? l10n.t('mentor') : l10n.t('mentee');
}
