/**
 * What the benchmark measures, bundled exactly as the CLI and the extension bundle it (the same
 * esbuild options from esbuild.mjs, including the `yaml` build they use), so the figures are the
 * product's and not those of the TypeScript sources run through tsx.
 */
export { clearParseCache, parse } from '../src/core/parse/index';
export { fastRead } from '../src/core/parse/fastScan';
export { addTask, completeTask } from '../src/core/edit/index';
export { parseDocument } from 'yaml';
export { namedEdit, runNamedEdit } from '../src/core/edit/named';
