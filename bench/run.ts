/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn. Each prints its own figures as ratios
 * against a peer measured in the same process, never as pass/fail timings. `npm run bench -- parse
 * worker` runs only the files whose names contain an argument. The machine's load is printed before
 * each file and at the end: figures from a loaded machine are noisier (the ratios less so).
 */
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

function machine(): string {
  const [one, five] = loadavg().map((l) => l.toFixed(2));
  return `load ${one ?? '?'} (1 min), ${five ?? '?'} (5 min) on ${String(cpus().length)} cores, Node ${process.version}`;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    console.log(`\n## ${file} (${machine()})`);
    const mod = (await import(join(__dirname, file))) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`);
    await mod.run();
  }
  console.log(`\n(end: ${machine()})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
