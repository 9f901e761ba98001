/** What bench/seal.bench.ts times, bundled with the product's node bundle options (as core-entry.ts). */
export { clearParseCache, parse } from '../src/core/parse/index';
export { open, seal } from '../src/core/seal/age';
export { planEdits, setIn } from '../src/core/yaml/edit';
export { addTask } from '../src/core/edit/index';
export { sealEdit } from '../src/core/seal/write';
