/** Strict option parsing on top of `node:util` parseArgs, turning its errors into usage errors. */
import { parseArgs } from 'node:util';
import { UsageError } from './io';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  help: boolean;
}

export function parseCommand(argv: string[], options: OptionSpec, usage: string): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    const v = values as Parsed['values'];
    return { values: v, positionals, help: v.help === true };
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] ?? String(err) : String(err);
    throw new UsageError(msg.replace(/ To specify a positional argument.*$/, ''), usage);
  }
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function strs(p: Parsed, name: string): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A required option; its absence is a usage error naming it. */
export function need(p: Parsed, name: string, usage: string): string {
  const v = str(p, name);
  if (v === undefined || v.trim() === '') throw new UsageError(`--${name} is required.`, usage);
  return v;
}

export function onePositional(p: Parsed, what: string, usage: string): string {
  if (p.positionals.length !== 1) {
    throw new UsageError(p.positionals.length === 0 ? `Missing ${what}.` : `Expected one ${what}, got ${p.positionals.length}: ${p.positionals.join(' ')}.`, usage);
  }
  return p.positionals[0] as string;
}

export function role(value: string | undefined, flag: string, usage: string): 'mentor' | 'mentee' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'mentor' && value !== 'mentee') throw new UsageError(`--${flag} must be mentor or mentee, not "${value}".`, usage);
  return value;
}
