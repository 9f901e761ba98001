/**
 * The page's translations as the host writes them into the page (protocol.ts `L10nBundle`, src/sidebar/html.ts):
 * `vscode.l10n.bundle` (undefined in English) with each entry's translated text (an entry may be
 * `{ message, comment }` in a bundle file), or undefined when there is nothing to write or it would
 * not pass the protocol's bounds (the page then stays in English rather than the view breaking).
 * Pure: no `vscode`, no Node built-ins.
 */
import { L10nBundle } from './protocol';

export function pageBundle(bundle: Readonly<Record<string, unknown>> | undefined): L10nBundle | undefined {
  if (!bundle) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(bundle)) {
    const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' ? (value as { message: string }).message : undefined;
    if (text !== undefined) out[key] = text;
  }
  if (Object.keys(out).length === 0) return undefined;
  const parsed = L10nBundle.safeParse(out);
  return parsed.success ? parsed.data : undefined;
}
