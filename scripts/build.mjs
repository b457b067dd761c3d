// Builds every piece with esbuild: the renderer (served by Electron and by `greenlight serve`),
// the Electron main process and preload, and the plain-Node CLI/core.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Build beside dist/ and swap it in at the end, so a running `greenlight serve` never finds
// dist/ half-deleted while another build runs.
const dist = path.join(root, 'dist');
const out = path.join(root, `.dist-build-${process.pid}`);
const production = process.env.NODE_ENV !== 'development';

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'renderer'), { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Native or optional modules stay external; everything else is bundled so the package
  // ships only dist/ (electron-builder's file list).
  external: ['electron', 'fsevents'],
};

const missing = ['renderer/main.tsx', 'electron/cli/cli.ts', 'electron/main/main.ts', 'electron/preload/preload.ts'].filter(
  (p) => !existsSync(path.join(root, p)),
);
if (missing.length) {
  console.error(`build: missing entry points: ${missing.join(', ')}`);
  if (process.env.CI) process.exit(1);
}
const has = (p) => existsSync(path.join(root, p));

const jobs = [
  has('renderer/main.tsx') && build({
    entryPoints: [path.join(root, 'renderer/main.tsx')],
    outdir: path.join(out, 'renderer/assets'),
    entryNames: 'app',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120'],
    jsx: 'automatic',
    minify: production,
    sourcemap: true,
    loader: { '.svg': 'file', '.png': 'file', '.woff2': 'file' },
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    logLevel: 'warning',
  }),
  build({ ...node, entryPoints: [path.join(root, 'electron/cli/cli.ts')], outfile: path.join(out, 'cli.cjs') }),
  // Worker threads of the parse pool; found beside cli.cjs and one folder up from electron/main.cjs.
  build({ ...node, entryPoints: [path.join(root, 'electron/core/index/parse-worker.ts')], outfile: path.join(out, 'parse-worker.cjs') }),
  has('electron/main/main.ts') && build({ ...node, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(out, 'electron/main.cjs') }),
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  has('electron/preload/preload.ts') && build({ ...node, platform: 'browser', entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(out, 'electron/preload.cjs') }),
];

await Promise.all(jobs);
if (has('renderer/index.html')) cpSync(path.join(root, 'renderer/index.html'), path.join(out, 'renderer/index.html'));
if (existsSync(path.join(root, 'renderer/public'))) cpSync(path.join(root, 'renderer/public'), path.join(out, 'renderer'), { recursive: true });
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);
console.log('build: dist/ ready');
