// Builds every piece with esbuild: the renderer (served by Electron and by `greenlight serve`),
// the Electron main process and preload, and the plain-Node CLI/core.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
    // The metafile's paths are relative to this; withModulePreloads() reads them.
    absWorkingDir: root,
    outdir: path.join(out, 'renderer/assets'),
    entryNames: 'app',
    // Views the inbox does not need (run, runs, problems, editor, chart, markdown, and zod for
    // the live stream's check) are imported with import(): each becomes a chunk loaded on first
    // use, so the first screen loads and evaluates only its own code. They are imported through
    // renderer/chunks/*.ts, which also import the shell (app.tsx): esbuild puts a module into a
    // chunk keyed by the set of entries that reach it, so without that every combination of
    // views sharing a store or a component made one more small chunk for the first screen to
    // fetch (a dozen); with it, everything the first screen needs is in one shared chunk beside
    // app.js. Chunks stay beside app.js in assets/, which both shells serve.
    splitting: true,
    chunkNames: '[name]-[hash]',
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
    metafile: true,
    plugins: production ? [reactDomCompiledEagerly()] : [],
  }),
  // The boot script (renderer/boot.ts): a bundle of its own, loaded async by index.html, which asks
  // for the inbox's first screen while the app's code is still loading.
  has('renderer/boot.ts') && build({
    entryPoints: [path.join(root, 'renderer/boot.ts')],
    outfile: path.join(out, 'renderer/assets/boot.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120'],
    minify: production,
    sourcemap: true,
    logLevel: 'warning',
  }),
  build({ ...node, entryPoints: [path.join(root, 'electron/cli/cli.ts')], outfile: path.join(out, 'cli.cjs') }),
  // Worker threads of the parse pool; found beside cli.cjs and one folder up from electron/main.cjs.
  build({ ...node, entryPoints: [path.join(root, 'electron/core/index/parse-worker.ts')], outfile: path.join(out, 'parse-worker.cjs') }),
  has('electron/main/main.ts') && build({ ...node, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(out, 'electron/main.cjs') }),
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  has('electron/preload/preload.ts') && build({ ...node, platform: 'browser', entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(out, 'electron/preload.cjs') }),
];

const [renderer] = await Promise.all(jobs);
if (has('renderer/index.html')) {
  const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
  writeFileSync(path.join(out, 'renderer/index.html'), renderer ? withModulePreloads(html, renderer.metafile) : html);
}
if (existsSync(path.join(root, 'renderer/public'))) cpSync(path.join(root, 'renderer/public'), path.join(out, 'renderer'), { recursive: true });
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);
console.log('build: dist/ ready');

/**
 * React DOM's client is one CommonJS module of 0.2 MB. esbuild wraps each CommonJS module in a
 * function that runs on first require(), and V8 compiles such a function only when it is first
 * called, on the main thread (15-30 ms before the first screen can render on a loaded 2-core
 * machine). Loaded instead as an ES module whose body sits in a parenthesized function called at
 * once, it is compiled by V8 eagerly, on the thread that already parses the script while it
 * downloads. Same code, same exports (react-dom/client's production path, with its DevTools check);
 * if React DOM's module ever stops looking as expected, the build says so and bundles it as usual.
 */
function reactDomCompiledEagerly() {
  const file = path.join(root, 'node_modules/react-dom/cjs/react-dom-client.production.js');
  return {
    name: 'react-dom-client-compiled-eagerly',
    setup(b) {
      b.onResolve({ filter: /^react-dom\/client$/ }, () => {
        const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
        const requires = [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).sort().join();
        const exported = [...new Set([...source.matchAll(/\bexports\.(\w+)\s*=/g)].map((m) => m[1]))].sort();
        if (requires !== 'react,react-dom,scheduler' || exported.join() !== 'createRoot,hydrateRoot,version') {
          console.warn('build: react-dom/client is not the module scripts/build.mjs expects; bundling it as usual');
          return undefined;
        }
        return { path: file, namespace: 'react-dom-client-eager', pluginData: { source, exported } };
      });
      b.onLoad({ filter: /.*/, namespace: 'react-dom-client-eager' }, ({ pluginData: { source, exported } }) => ({
        resolveDir: path.dirname(file),
        loader: 'js',
        contents: `import React from 'react';
import ReactDOM from 'react-dom';
import Scheduler from 'scheduler';
// react-dom/client.js, production path: React DevTools' check that the bundle was minified.
if (typeof __REACT_DEVTOOLS_GLOBAL_HOOK__ !== 'undefined' && typeof __REACT_DEVTOOLS_GLOBAL_HOOK__.checkDCE === 'function') {
  try {
    __REACT_DEVTOOLS_GLOBAL_HOOK__.checkDCE(function checkDCE() {});
  } catch (err) {
    console.error(err);
  }
}
const reactDomClient = { exports: {} };
const modules = { react: React, 'react-dom': ReactDOM, scheduler: Scheduler };
(function (exports, require, module) {
${source}
})(reactDomClient.exports, (id) => modules[id], reactDomClient);
export const { ${exported.join(', ')} } = reactDomClient.exports;
export default reactDomClient.exports;
`,
      }));
    },
  };
}

/**
 * The entry imports shared chunks (React, the stores…) that the browser would only discover
 * once app.js has arrived and been parsed: one more round trip before anything runs. Listing
 * every chunk the entry needs up front as <link rel="modulepreload"> (allowed by script-src
 * 'self') fetches them alongside app.js. Lazy views' chunks are not listed: they load on use.
 */
function withModulePreloads(html, metafile) {
  const outputs = metafile.outputs;
  const rel = (file) => path.relative(path.join(out, 'renderer'), path.resolve(root, file)).split(path.sep).join('/');
  const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'renderer/main.tsx' && f.endsWith('.js'));
  if (!entry) throw new Error('build: no output for renderer/main.tsx');
  const needed = [];
  const visit = (file) => {
    for (const imp of outputs[file].imports) {
      if (imp.kind !== 'import-statement' || needed.includes(imp.path)) continue;
      needed.push(imp.path);
      visit(imp.path);
    }
  };
  visit(entry);
  const tag = `<script type="module" src="${rel(entry)}"></script>`;
  if (!html.includes(tag)) throw new Error(`build: renderer/index.html must load the entry as ${tag}`);
  const links = needed.map((f) => `<link rel="modulepreload" href="${rel(f)}" />\n    `).join('');
  return html.replace(tag, links + tag);
}
