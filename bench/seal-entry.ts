/** What bench/seal.bench.ts times, bundled with the product's node bundle options (as core-entry.ts). */
export { clearParseCache, parse } from '../src/core/parse/index';
export { open, seal } from '../src/core/seal/age';
export { setIn } from '../src/core/yaml/edit';
