/**
 * Replacing one YAML scalar's text in place (quick fixes): the new value is written
 * the way the old one was — double-quoted, single-quoted or plain. Pure.
 */

/** `value` written the way `current` was: double-quoted, single-quoted or plain. Undefined if `current` is not one scalar. */
export function requote(current: string, value: string): string | undefined {
  if (current.length === 0 || /[\n\r]/.test(current)) return undefined;
  if (current.startsWith('"') && current.endsWith('"') && current.length >= 2) return JSON.stringify(value);
  if (current.startsWith("'") && current.endsWith("'") && current.length >= 2) return `'${value.replace(/'/g, "''")}'`;
  // A plain scalar: no indicator first, no ": " or " #" inside, no surrounding space.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(current) || /: | #|:$/.test(current) || /^\s|\s$/.test(current)) return undefined;
  return /^[A-Za-z0-9][A-Za-z0-9._:+-]*$/.test(value) && !value.endsWith(':') ? value : JSON.stringify(value);
}
