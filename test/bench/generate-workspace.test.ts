// Smoke test of the benchmark's workspace generator at a tiny scale: every family is written,
// in shapes the adapters read as runs, and a second call reuses what the first one wrote.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../electron/core/families/all-adapters';
import { countsFor, ensureWorkspace, readStamp } from '../../bench/generate-workspace.mjs';
import { indexDir } from '../helpers/index-dir';
import { makeTempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => tmp?.cleanup());

describe('bench workspace generator', () => {
  it('writes every family at a small scale, and the index finds runs in each', async () => {
    tmp = makeTempDir('greenlight-bench-');
    const out = path.join(tmp.dir, 'ws');
    const scale = 0.002;
    const { stamp, reused } = ensureWorkspace(out, { scale });
    expect(reused).toBe(false);
    expect(stamp.counts).toEqual(countsFor(scale));
    expect(stamp.files).toBeGreaterThan(50);
    for (const family of ['openmontage', 'twinklr', 'omniclaude', 'cinecut', 'aivideo']) {
      expect(existsSync(path.join(out, family))).toBe(true);
      expect(stamp.perFamily[family].files).toBeGreaterThan(0);
    }

    const { index } = await indexDir(out, ALL_ADAPTERS);
    const families = new Set(index.listRuns().map((r) => r.family));
    expect([...families].sort()).toEqual(['aivideo', 'cinecut', 'omniclaude', 'openmontage', 'twinklr']);
    expect(index.listRuns().filter((r) => r.family === 'openmontage')).toHaveLength(stamp.counts.omProjects);
    // The long Twinklr run the iteration chart is measured on.
    const long = index.listRuns().find((r) => r.family === 'twinklr' && r.project === stamp.twinklr.longRun?.project);
    expect(long?.iterations.length).toBe(stamp.counts.chartIterations);
    // The live-latency targets are in-progress checkpoints that exist.
    for (const rel of stamp.liveTargets) expect(existsSync(path.join(out, ...rel.split('/')))).toBe(true);
  });

  it('reuses a workspace generated with the same parameters, and regenerates a dirty one', () => {
    tmp = makeTempDir('greenlight-bench-');
    const out = path.join(tmp.dir, 'ws');
    ensureWorkspace(out, { scale: 0.001 });
    expect(ensureWorkspace(out, { scale: 0.001 }).reused).toBe(true);
    expect(ensureWorkspace(out, { scale: 0.002 }).reused).toBe(false);
    expect(readStamp(out)?.scale).toBe(0.002);
  });
});
