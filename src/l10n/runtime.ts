/**
 * What every bundle gets for `import * as l10n from '@vscode/l10n'` (esbuild.mjs, `l10nRuntime`):
 * the package's `t` and its `config({ contents })`, and nothing else. The package can also load a
 * bundle from a URI (with `fetch`) or a file path, which our code never asks for (the host hands
 * the bundle over as contents: src/extension.ts, src/sidebar/provider.ts), and which would make
 * every bundle able to reach the network, against the promise of no network use that
 * `scripts/vsix-check.mjs` checks. The sources keep importing the package (its types, and
 * `l10n-dev export` finds `l10n.t` calls by that import); `test/unit/tools/l10nRuntime.test.ts`
 * holds this to the package's `t` on the same bundles and arguments.
 */

type Replacement = string | number | boolean;
type Entry = string | { message: string; comment: string[] };
let bundle: Record<string, Entry> | undefined;

/** `config({ contents })` as the package takes it (an object or its JSON); a URI or a path is refused. */
export function config(options: { contents: string | Record<string, Entry> } | { uri: unknown } | { fsPath: string }): void {
  if (!('contents' in options)) throw new Error('Mentoring hands @vscode/l10n its bundle as contents; loading one from a URI or a path is left out of its bundles (src/l10n/runtime.ts).');
  bundle = typeof options.contents === 'string' ? (JSON.parse(options.contents) as Record<string, Entry>) : options.contents;
}

export function t(...args: unknown[]): string {
  const first = args[0];
  let key: string;
  let message: string;
  let values: Record<string, unknown> | unknown[];
  if (typeof first === 'string') {
    key = message = first;
    const rest = args.slice(1);
    values = rest.length === 0 || typeof rest[0] !== 'object' ? rest : (rest[0] as Record<string, unknown>);
  } else if (Array.isArray(first)) {
    // A tagged template: t`Hello ${name}` is t('Hello {0}', name).
    const strings = first as readonly string[];
    const replacements = args.slice(1);
    if (strings.length !== replacements.length + 1) throw new Error('expected a string as the first argument to l10n.t');
    let text = strings[0] ?? '';
    for (let i = 1; i < strings.length; i++) text += `{${String(i - 1)}}${strings[i] ?? ''}`;
    return t(text, ...replacements);
  } else {
    const o = first as { message: string; args?: Record<string, Replacement> | Replacement[]; comment?: string | string[] };
    message = key = o.message;
    if (o.comment && o.comment.length > 0) key += `/${Array.isArray(o.comment) ? o.comment.join('') : o.comment}`;
    values = o.args ?? {};
  }
  const found = bundle?.[key];
  if (!found) return format(message, values);
  if (typeof found === 'string') return format(found, values);
  return format(found.comment ? found.message : message, values);
}

function format(template: string, values: Record<string, unknown> | unknown[]): string {
  if (Object.keys(values).length === 0) return template;
  const byName = values as Record<string, Replacement | null | undefined>;
  return template.replace(/{([^}]+)}/g, (match, group: string) => {
    const v = byName[group];
    return v === undefined || v === null ? match : String(v);
  });
}
