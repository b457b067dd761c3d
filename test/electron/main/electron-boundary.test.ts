// Only the Electron shell may touch Electron: the core, the server, the CLI, the shared model and
// the renderer must run in plain Node or a browser. And because the package ships dist/ without
// node_modules, the main bundle may require nothing but Node built-ins and electron.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('the Electron boundary', () => {
  it('nothing outside electron/main and electron/preload imports electron', () => {
    const files = ['electron/core', 'electron/server', 'electron/cli', 'shared', 'renderer'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => /(?:from\s+|require\(\s*|import\(\s*)['"]electron['"]/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the main bundle requires only Node built-ins and electron', async () => {
    const out = await build({
      entryPoints: [path.join(ROOT, 'electron/main/main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron', 'fsevents'],
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    // A require() inside a tagged template is code ajv generates only for standalone output
    // (`codegen._\`require("ajv/dist/runtime/…")\``); it is data here, never executed.
    // (Same for the `.code = 'require("ajv/dist/runtime/…").default'` strings next to them.)
    const code = out.outputFiles[0].text.replace(/[`']require\("ajv\/dist\/runtime\/[a-z_0-9]+"\)/g, "'");
    const required = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    const foreign = [...required].filter((m) => !builtins.has(m) && m !== 'electron' && m !== 'fsevents');
    expect(foreign).toEqual([]);
    // The main process draws nothing: no React or renderer components end up in it.
    const inputs = Object.keys(out.metafile!.inputs);
    expect(inputs.filter((i) => /node_modules\/react(-dom)?\/|renderer\/components\//.test(i))).toEqual([]);
  });
});
