// Bundles bench/core-entry.ts (the Desk, the server, the floor) into bench/.build/core.cjs with
// the same esbuild settings as scripts/build.mjs uses for the CLI, so the benchmark runs the
// code `greenlight serve` ships, imported directly.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORE_BUNDLE = path.join(here, '.build', 'core.cjs');

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['electron', 'fsevents'] };

/** The entry, and the parse worker beside it where the desk looks for it (as in dist/); tests build into a folder of their own. */
export async function buildCore(outDir = path.dirname(CORE_BUNDLE)) {
  const entry = path.join(outDir, 'core.cjs');
  await Promise.all([
    build({ ...node, entryPoints: [path.join(here, 'core-entry.ts')], outfile: entry }),
    build({ ...node, entryPoints: [path.join(here, '..', 'electron', 'core', 'index', 'parse-worker.ts')], outfile: path.join(outDir, 'parse-worker.cjs') }),
  ]);
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCore();
