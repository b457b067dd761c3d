// The desk's cold scan of a folder it is given: every run indexed in one go, and a checkpoint
// that an interrupted decision left set aside (kill -9 inside the swap) put back and indexed.
import { cpSync, existsSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../../electron/core/desk';
import type { DeskEvent } from '../../../shared/api-contract';
import { takenNameFor } from '../../../electron/core/decide/writers/swap-if-unchanged';
import { ALL_ADAPTERS } from '../../../electron/core/families/all-adapters';
import { scanTree } from '../../../electron/core/index/scan-tree';
import { WorkspaceIndex } from '../../../electron/core/index/workspace-index';
import type { Run } from '../../../shared/model';
import { makeTempDir } from '../../helpers/temp-dir';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
let tmp: ReturnType<typeof makeTempDir> | undefined;
let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  tmp?.cleanup();
});

const stagesOf = (d: Desk) => d.index.listRuns().filter((r) => r.family === 'openmontage').flatMap((r) => r.stages.filter((s) => s.status !== 'pending').map((s) => `${r.title}:${s.name}`)).sort();

describe('Desk cold scan', () => {
  it('indexes a mixed folder as one batch of its sorted files would, with one index event', async () => {
    tmp = makeTempDir();
    for (const family of ['openmontage', 'twinklr', 'omniclaude', 'aivideo', 'cinecut']) cpSync(path.join(FIXTURES, family), path.join(tmp.dir, family), { recursive: true });
    const batch = new WorkspaceIndex({ adapters: ALL_ADAPTERS });
    await batch.upsertFiles(batch.addRoot(tmp.dir).id, await scanTree(tmp.dir));
    desk = new Desk({ mode: 'cli', watch: false });
    const events: DeskEvent[] = [];
    desk.on('event', (e: DeskEvent) => events.push(e));
    await desk.addRoot(tmp.dir);
    const view = (runs: Run[]) => runs.map((r) => ({ id: r.id, files: r.files.map((f) => f.rel), stages: r.stages.map((s) => s.status), problems: [r.errors, r.warnings] })).sort((a, b) => a.id.localeCompare(b.id));
    expect(desk.index.listRuns().length).toBeGreaterThan(3);
    expect(view(desk.index.listRuns())).toEqual(view(batch.listRuns()));
    expect(events.filter((e) => e.type === 'index')).toHaveLength(1);
  });

  it('puts back a checkpoint set aside by an interrupted decision, and indexes it', async () => {
    tmp = makeTempDir();
    cpSync(path.join(FIXTURES, 'openmontage'), tmp.dir, { recursive: true });
    const intact = new Desk({ mode: 'cli', watch: false });
    await intact.addRoot(tmp.dir);
    const expected = stagesOf(intact);
    await intact.close();

    // The state a kill -9 inside the swap leaves: the checkpoint renamed aside, nothing in its place.
    const project = path.join(tmp.dir, 'projects', 'tide-pools');
    const checkpoint = readdirSync(project).find((n) => /^checkpoint_.+\.json$/.test(n))!;
    const target = path.join(project, checkpoint);
    renameSync(target, takenNameFor(target));
    expect(existsSync(target)).toBe(false);

    desk = new Desk({ mode: 'cli', watch: false });
    await desk.addRoot(tmp.dir);
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(project).some((n) => n.endsWith('.taken.tmp'))).toBe(false);
    expect(stagesOf(desk)).toEqual(expected);
    expect(desk.snapshot().notices.map((n) => n.message).join('\n')).toMatch(/Restored 1 checkpoint set aside by an interrupted decision/);
  });
});
