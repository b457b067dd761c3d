// Indexing many files at once (a cold scan) must end in the same state as indexing them one by
// one, with one change event; and the counts the index keeps as it goes (problems, waiting
// gates) must always equal a count from scratch.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Gate } from '../../../../shared/model';
import { ALL_ADAPTERS } from '../../../../electron/core/families/all-adapters';
import { scanTree } from '../../../../electron/core/index/scan-tree';
import { WorkspaceIndex, type IndexChange } from '../../../../electron/core/index/workspace-index';
import { makeTempDir } from '../../../helpers/temp-dir';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => tmp?.cleanup());

/** Every fixture family under one root, as a desk pointed at a mixed folder would see it. */
function mixedRoot(): string {
  tmp = makeTempDir();
  for (const family of ['openmontage', 'twinklr', 'omniclaude', 'aivideo', 'cinecut']) cpSync(path.join(FIXTURES, family), path.join(tmp.dir, family), { recursive: true });
  return tmp.dir;
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

function fullProblemCount(index: WorkspaceIndex) {
  const problems = index.listProblems();
  return { errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity === 'warning').length };
}

function freshWaiting(index: WorkspaceIndex): Gate[] {
  const out: Gate[] = [];
  for (const r of index.listRuns()) for (const g of r.gates) if (g.status === 'waiting') out.push(g);
  return out.sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
}

describe('WorkspaceIndex batches', () => {
  it('indexes a folder in one batch exactly as file by file, with one change event', async () => {
    const dir = mixedRoot();
    const files = await scanTree(dir);
    const one = new WorkspaceIndex({ adapters: ALL_ADAPTERS, now: () => 0 });
    const rootA = one.addRoot(dir);
    for (const f of files) await one.upsertFile(rootA.id, f);

    const batch = new WorkspaceIndex({ adapters: ALL_ADAPTERS, now: () => 0 });
    const rootB = batch.addRoot(dir);
    const events: IndexChange[] = [];
    batch.on('change', (c: IndexChange) => events.push(c));
    const counts = await batch.upsertFiles(rootB.id, files);

    expect(events).toHaveLength(1);
    expect(counts.indexed).toBe(batch.fileCount());
    expect(byId(events[0].upserted).map((r) => r.id)).toEqual(byId(batch.listRuns()).map((r) => r.id));
    // Files are listed in whatever order they were indexed; everything else is identical.
    const norm = (runs: ReturnType<WorkspaceIndex['listRuns']>) => byId(runs).map((r) => ({ ...r, files: byId(r.files) }));
    expect(norm(batch.listRuns())).toEqual(norm(one.listRuns()));
    expect(batch.problemCount()).toEqual(one.problemCount());
    expect(batch.waitingGates()).toEqual(one.waitingGates());
  });

  it('keeps problem counts and waiting gates equal to a fresh count through edits and removals', async () => {
    const dir = mixedRoot();
    const index = new WorkspaceIndex({ adapters: ALL_ADAPTERS, now: () => 0 });
    const root = index.addRoot(dir);
    await index.upsertFiles(root.id, await scanTree(dir));
    const check = () => {
      expect(index.problemCount()).toEqual(fullProblemCount(index));
      expect(index.waitingGates()).toEqual(freshWaiting(index));
    };
    check();
    expect(index.waitingGates().length).toBeGreaterThan(0);

    // Break a checkpoint that holds a waiting gate, then repair it.
    const gate = index.waitingGates().find((g) => g.rel?.endsWith('.json'))!;
    const abs = path.join(dir, ...gate.rel!.split('/'));
    const original = (await import('node:fs')).readFileSync(abs);
    tmp!.write(gate.rel!, '{"truncated": ');
    await index.upsertFile(root.id, abs);
    check();
    tmp!.write(gate.rel!, original);
    await index.upsertFile(root.id, abs);
    check();

    // A file disappears, then a whole folder.
    rmSync(abs);
    await index.upsertFile(root.id, abs);
    check();
    const folder = path.join(dir, 'omniclaude');
    index.removeUnder(root.id, folder);
    check();
    expect(index.listRuns().some((r) => r.family === 'omniclaude')).toBe(false);

    // The cached list is a copy: changing it changes nothing inside.
    index.waitingGates().length = 0;
    check();

    index.removeRoot(root.id);
    expect(index.problemCount()).toEqual({ errors: 0, warnings: 0 });
    expect(index.waitingGates()).toEqual([]);
  });
});
