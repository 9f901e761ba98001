/** The process around a command, passed in so every command is testable and has no globals. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /** All of stdin as text. */
  readStdin(): Promise<string>;
  /** True when stdin and stdout are terminals (init may ask questions). */
  interactive: boolean;
  /** The file stdout is redirected to, when the system can tell (so decrypted text is not written into a repository unawares). */
  stdoutFile?: string;
}

/** A wrong command line: the message, then the command's usage; exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** A failure the user can fix (missing file, refused edit); exit 1. */
export class Failure extends Error {}

/** The clock: `MENTORING_NOW` (ISO time) when set, so tests and scripts are exact. */
export function clock(env: NodeJS.ProcessEnv): Date {
  const fixed = env.MENTORING_NOW;
  if (fixed === undefined || fixed === '') return new Date();
  const d = new Date(fixed);
  if (Number.isNaN(d.getTime())) throw new UsageError(`MENTORING_NOW="${fixed}" is not an ISO time (e.g. 2026-11-19T15:00:00Z).`);
  return d;
}
