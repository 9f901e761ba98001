/** The one "mentor or mentee?" question. Type imports only: unit-tested in Node with a scripted Ui. */
import type { Agreement, Role } from '../core/schema';
import type { Ui } from './ui';

export interface RolePickOptions {
  title?: string;
  placeHolder: string;
  /** Listed first: the usual answer (a task's owner is usually the mentee). Default: mentor. */
  first?: Role;
  /** When known, each role shows its person's name. */
  agreement?: Pick<Agreement, 'mentor' | 'mentee'>;
}

/** The one "mentor or mentee?" question: who gives feedback, who cancels, whose task, who writes. */
export function pickRole(ui: Ui, options: RolePickOptions): Promise<Role | undefined> {
  const roles: Role[] = options.first === 'mentee' ? ['mentee', 'mentor'] : ['mentor', 'mentee'];
  return ui.pick<Role>(
    roles.map((role) => ({
      label: role === 'mentor' ? 'Mentor' : 'Mentee',
      description: options.agreement?.[role].name,
      value: role,
    })),
    { title: options.title, placeHolder: options.placeHolder },
  );
}
