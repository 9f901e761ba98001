/**
 * The page's words: every user-visible string of webview/ goes through `l10n.t` of `@vscode/l10n`
 * (found by `npx @vscode/l10n-dev export --outDir ./l10n ./src ./webview`, translated in
 * l10n/bundle.l10n.<lang>.json). The host writes its `vscode.l10n.bundle` into the page (the body's
 * `data-l10n`, src/sidebar/html.ts), taken before anything is drawn ({@link embeddedBundle}); in
 * English there is none and `l10n.t` returns the English text.
 *
 * Translations are data from the host: they go only into lit text and attribute bindings, never
 * into a template's markup. `withParts` puts a template into a translated sentence the same way.
 */
import * as l10n from '@vscode/l10n';
import { html, type TemplateResult } from 'lit';
import { parseBundle, type L10nBundle } from '../src/core/views/protocol';

type Role = 'mentor' | 'mentee';

/** Takes the host's bundle: `l10n.t` translates from now on. */
export function useBundle(bundle: L10nBundle): void {
  l10n.config({ contents: bundle });
}

/**
 * The translations the host wrote into the page (`data-l10n` on the body, JSON), checked as a
 * host message is; none (English), or not valid JSON or outside the protocol's bounds: undefined,
 * and the page speaks English.
 */
export function embeddedBundle(body: { readonly dataset: Readonly<Record<string, string | undefined>> }): L10nBundle | undefined {
  const raw = body.dataset.l10n;
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    console.warn('[mentoring] ignored the page\'s translations: not JSON');
    return undefined;
  }
  const parsed = parseBundle(value);
  if (parsed.ok) return parsed.message;
  console.warn(`[mentoring] ignored the page's translations: ${parsed.reason}`);
  return undefined;
}

/**
 * A translated sentence with markup in it: `text` holds `{0}`, `{1}`… (from `l10n.t` called
 * without those arguments), each replaced by the part of that index; the rest stays text.
 */
export function withParts(text: string, ...parts: (TemplateResult | string)[]): TemplateResult {
  const pieces = text.split(/\{(\d+)\}/);
  return html`${pieces.map((p, i) => (i % 2 === 1 ? (parts[Number(p)] ?? `{${p}}`) : p))}`;
}

/** A role as a word of the page's language. */
export function roleWord(role: Role): string {
  return role === 'mentor' ? l10n.t('mentor') : l10n.t('mentee');
}

/** A role as the start of a line or a label. */
export function roleTitle(role: Role): string {
  return role === 'mentor' ? l10n.t('Mentor') : l10n.t('Mentee');
}
