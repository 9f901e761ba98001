/**
 * GitHub Actions workflow commands (`::warning file=…::message`): escaped as actions/toolkit does
 * (core/src/command.ts), after the control characters (ESC, line breaks, bidi) are shown as \u… so
 * file text cannot start a second command. `check` and `review` both print through here.
 */
import { escapeLine } from '../core/escape';

export interface AnnotationProps {
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endColumn?: number;
  title: string;
}

/** One annotation line; file text in it cannot end the command or start another. */
export function annotation(level: 'error' | 'warning' | 'notice', props: AnnotationProps, message: string): string {
  const parts = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${level} ${parts.join(',')}::${escapeData(message)}`;
}

export function escapeData(s: string): string {
  return escapeLine(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
