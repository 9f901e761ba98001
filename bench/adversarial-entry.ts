/** What bench/adversarial.bench.ts times, bundled as the CLI and the extension bundle it (bench/bundle.ts). */
export { clearParseCache, parse } from '../src/core/parse/index';
export { findHints } from '../src/core/hints/index';
