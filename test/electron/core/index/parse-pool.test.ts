// The parse pool: worker threads give exactly what in-process parsing gives, a file that hangs
// or kills its worker costs only that file, and the pool shuts down cleanly. The real worker is
// bundled from source with esbuild (as scripts/build.mjs does); misbehaving workers are small
// scripts that speak the same protocol.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../../../electron/core/families/all-adapters';
import { ParsePool } from '../../../../electron/core/index/parse-pool';
import { readAndParse, type ParseTask } from '../../../../electron/core/index/parse-task';
import { scanTree } from '../../../../electron/core/index/scan-tree';
import { WorkspaceIndex, toRel } from '../../../../electron/core/index/workspace-index';
import { readDocument } from '../../../../electron/core/read/read-document';
import { makeTempDir } from '../../../helpers/temp-dir';

const REPO = path.resolve(__dirname, '../../../..');
let buildDir: string;
let workerFile: string;

beforeAll(async () => {
  buildDir = mkdtempSync(path.join(os.tmpdir(), 'greenlight-pool-'));
  workerFile = path.join(buildDir, 'parse-worker.cjs');
  await build({
    entryPoints: [path.join(REPO, 'electron/core/index/parse-worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    external: ['electron', 'fsevents'],
  });
}, 60_000);

afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

/** Tasks for every file of `dir` that some adapter claims, as the index would make them. */
async function tasksFor(dir: string): Promise<ParseTask[]> {
  const index = new WorkspaceIndex({ adapters: ALL_ADAPTERS });
  const root = index.addRoot(dir);
  const tasks: ParseTask[] = [];
  for (const abs of await scanTree(root.path)) {
    const rel = toRel(root.path, abs)!;
    const hit = index.classify(rel);
    if (hit) tasks.push({ fileId: index.fileIdFor(root.id, rel), rootId: root.id, rootPath: root.path, abs, rel, classification: hit.classification });
  }
  return tasks;
}

function inProcess(task: ParseTask) {
  const adapter = ALL_ADAPTERS.find((a) => a.family === task.classification.family)!;
  return readAndParse(task, adapter, readDocument);
}

/** A stand-in worker: answers like the real one, but hangs or dies on files named so. */
function fakeWorker(): string {
  const file = path.join(buildDir, `fake-worker-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, tasks }) => {
  const outcomes = tasks.map((t) => {
    if (t.rel.includes('hang')) for (;;) {}
    if (t.rel.includes('crash')) process.exit(3);
    return { kind: 'parsed', record: { rel: t.rel }, problems: [], size: 1, mtimeMs: 1 };
  });
  parentPort.postMessage({ id, outcomes });
});
parentPort.postMessage({ id: 0, outcomes: [] });
`,
  );
  return file;
}

const fakeTask = (rel: string): ParseTask => ({
  fileId: rel,
  rootId: 'r',
  rootPath: '/nowhere',
  abs: `/nowhere/${rel}`,
  rel,
  classification: { family: 'openmontage', groupKey: 'g', role: 'checkpoint', format: 'json' },
});

describe('parse pool', () => {
  it('gives the same records and problems as parsing in-process, for every family fixture', async () => {
    const pool = new ParsePool({ workerFile, size: 2 });
    try {
      for (const family of ['openmontage', 'omniclaude', 'aivideo', 'twinklr', 'cinecut']) {
        const tasks = await tasksFor(path.join(REPO, 'test/fixtures', family));
        const viaPool = await pool.parse(tasks);
        const local = await Promise.all(tasks.map(inProcess));
        expect(viaPool.map((o) => o.kind)).not.toContain('local');
        expect(viaPool).toEqual(local);
      }
    } finally {
      await pool.close();
    }
  });

  it('reports unreadable, broken and vanished files exactly as in-process parsing does', async () => {
    const tmp = makeTempDir();
    const pool = new ParsePool({ workerFile, size: 2, batchSize: 2 });
    try {
      tmp.write('p/alpha/checkpoint_script.json', '{"version": "1.0", "stage": "script", "status": "awai');
      tmp.write('p/alpha/checkpoint_idea.json', '');
      tmp.write('p/alpha/checkpoint_research.json', Buffer.from([0x7b, 0x00, 0xff, 0xfe]));
      tmp.write('p/alpha/checkpoint_edit.json', '\ufeff{"version": "1.0", "stage": "edit", "status": "completed", "artifacts": {}}');
      tmp.write('p/alpha/project.json', '[1, 2, 3]');
      tmp.write('oc/ACME-1/0f3c2a9e-2b5d-4c7a-9e1f-3a4b5c6d7e8f/phase_1_implement_a1.yaml', 'schema_version: 1.0.0\nphase: [unclosed\n');
      const tasks = await tasksFor(tmp.dir);
      expect(tasks.length).toBe(6);
      tasks.push({ ...tasks[0], abs: path.join(tmp.dir, 'p/alpha/checkpoint_gone.json'), rel: 'p/alpha/checkpoint_gone.json' });
      const viaPool = await pool.parse(tasks);
      expect(viaPool).toEqual(await Promise.all(tasks.map(inProcess)));
      expect(viaPool[viaPool.length - 1]).toEqual({ kind: 'gone' });
    } finally {
      await pool.close();
      tmp.cleanup();
    }
  });

  it('indexes a folder into the same runs and problems with workers as without', async () => {
    const pool = new ParsePool({ workerFile, size: 2 });
    try {
      const dir = path.join(REPO, 'test/fixtures/openmontage');
      const plain = new WorkspaceIndex({ adapters: ALL_ADAPTERS, now: () => 0 });
      const pooled = new WorkspaceIndex({ adapters: ALL_ADAPTERS, parser: pool, parserMinBatch: 1, now: () => 0 });
      for (const index of [plain, pooled]) {
        const root = index.addRoot(dir);
        await index.upsertFiles(root.id, await scanTree(dir));
      }
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(pooled.listRuns().length).toBeGreaterThan(0);
      expect(byId(pooled.listRuns())).toEqual(byId(plain.listRuns()));
      const key = (p: { file: { id: string }; code: string; field: string }) => `${p.file.id} ${p.code} ${p.field}`;
      expect(pooled.listProblems().map(key).sort()).toEqual(plain.listProblems().map(key).sort());
    } finally {
      await pool.close();
    }
  });

  it('indexes a listing streamed folder by folder exactly as one sorted batch, files in the same order', async () => {
    const pool = new ParsePool({ workerFile, size: 2 });
    try {
      const dir = path.join(REPO, 'test/fixtures');
      const batch = new WorkspaceIndex({ adapters: ALL_ADAPTERS, now: () => 0 });
      const streamed = new WorkspaceIndex({ adapters: ALL_ADAPTERS, parser: pool, parserMinBatch: 4, now: () => 0 });
      await batch.upsertFiles(batch.addRoot(dir).id, await scanTree(dir));
      const parts: number[] = [];
      const counts = await streamed.upsertStream(streamed.addRoot(dir).id, async (add) => {
        // Folders arrive in listing order, not sorted; several parts go to the workers.
        await scanTree(dir, {
          onFiles: (files) => {
            parts.push(files.length);
            add([...files].reverse());
          },
        });
      });
      expect(parts.length).toBeGreaterThan(3);
      expect(counts.indexed).toBe(batch.fileCount());
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(streamed.listRuns())).toEqual(byId(batch.listRuns()));
      expect(streamed.problemCount()).toEqual(batch.problemCount());
    } finally {
      await pool.close();
    }
  });

  it('survives a file that hangs its worker and one that kills it, blaming only those files', async () => {
    const pool = new ParsePool({ workerFile: fakeWorker(), size: 2, timeoutMs: 400, batchSize: 3 });
    try {
      const rels = ['a.json', 'hang.json', 'b.json', 'c.json', 'crash.json', 'd.json', 'e.json'];
      const outcomes = await pool.parse(rels.map(fakeTask));
      const byRel = Object.fromEntries(rels.map((r, i) => [r, outcomes[i]]));
      for (const ok of ['a.json', 'b.json', 'c.json', 'd.json', 'e.json']) expect(byRel[ok]).toMatchObject({ kind: 'parsed', record: { rel: ok } });
      expect(byRel['hang.json']).toMatchObject({ kind: 'failed', retryable: false, problems: [{ severity: 'error', code: 'internal.parse_timeout' }] });
      expect(byRel['crash.json']).toMatchObject({ kind: 'failed', retryable: false, problems: [{ severity: 'error', code: 'internal.parse_crash' }] });
      expect(pool.broken).toBe(false);
      // The replacement workers carry on.
      expect(await pool.parse([fakeTask('f.json')])).toEqual([{ kind: 'parsed', record: { rel: 'f.json' }, problems: [], size: 1, mtimeMs: 1 }]);
    } finally {
      await pool.close();
    }
  });

  it('hands every file back for in-process parsing when workers cannot start', async () => {
    const pool = new ParsePool({ workerFile: path.join(buildDir, 'no-such-worker.cjs'), size: 2 });
    try {
      const outcomes = await pool.parse([fakeTask('a.json'), fakeTask('b.json')]);
      expect(outcomes).toEqual([{ kind: 'local' }, { kind: 'local' }]);
      expect(pool.broken).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('shuts down: work in flight and later requests come back for in-process parsing', async () => {
    const pool = new ParsePool({ workerFile: fakeWorker(), size: 1, timeoutMs: 60_000 });
    const stuck = pool.parse([fakeTask('hang.json')]);
    await new Promise((r) => setTimeout(r, 100));
    await pool.close();
    expect(await stuck).toEqual([{ kind: 'local' }]);
    expect(await pool.parse([fakeTask('a.json')])).toEqual([{ kind: 'local' }]);
  });

  it('lets its workers go when released and starts new ones for the next batch', async () => {
    const pool = new ParsePool({ workerFile: fakeWorker(), size: 2 });
    try {
      expect((await pool.parse([fakeTask('a.json')]))[0].kind).toBe('parsed');
      await pool.release();
      expect((await pool.parse([fakeTask('b.json')]))[0]).toMatchObject({ kind: 'parsed', record: { rel: 'b.json' } });
    } finally {
      await pool.close();
    }
  });
});
