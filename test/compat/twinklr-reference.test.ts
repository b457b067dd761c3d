// Compatibility with real Twinklr (blinkb0t) files committed to bluewatersql/twinklr, read in
// place from the shared reference folder (never copied into the project).
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { twinklrAdapter } from '../../electron/core/families/twinklr';
import { readDocument } from '../../electron/core/read/read-document';
import { indexDir } from '../helpers/index-dir';
import { runSchema } from '../../shared/model';
import { REFERENCE_DIR } from '../helpers/reference-dir';

const REF = path.join(REFERENCE_DIR, 'bluewatersql-twinklr');
const EXAMPLES = path.join(REF, 'examples');
const present = existsSync(EXAMPLES);
if (!present) console.log(`Twinklr reference files not found at ${EXAMPLES}; compatibility tests skipped`);

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...jsonFiles(abs));
    else if (name.endsWith('.json')) out.push(abs);
  }
  return out.sort();
}

describe.skipIf(!present)('Twinklr reference files', () => {
  it('recognises and parses every real file', async () => {
    const files = jsonFiles(EXAMPLES);
    expect(files.length).toBeGreaterThan(0);
    for (const abs of files) {
      // Each example folder stands for an output root, as the pipeline's CWD would be.
      const exampleRoot = path.join(EXAMPLES, path.relative(EXAMPLES, abs).split(path.sep)[0]);
      const rel = path.relative(exampleRoot, abs).split(path.sep).join('/');
      const c = twinklrAdapter.classify(rel);
      expect(c, rel).not.toBeNull();
      expect(c!.family).toBe('twinklr');
      const doc = await readDocument(abs, 'json');
      expect(doc.ok, rel).toBe(true);
      if (!doc.ok) continue;
      const r = twinklrAdapter.parse({
        fileId: rel, rootId: 'ref', rootPath: exampleRoot, abs, rel, size: doc.size, mtimeMs: doc.mtimeMs, classification: c!, data: doc.data, text: doc.text,
      });
      expect(r.record, rel).toBeDefined();
      expect(r.problems.filter((p) => p.severity === 'error'), rel).toEqual([]);
    }
  });

  it('normalises the old-era evaluation from 0–100 and builds a completed run', async () => {
    const { index } = await indexDir(path.join(EXAMPLES, 'renderer-rewrite-16a1cb1'), [twinklrAdapter]);
    const runs = index.listRuns();
    expect(runs).toHaveLength(1);
    const run = runSchema.parse(runs[0]);
    expect(run).toMatchObject({ project: 'need_a_favor', status: 'completed', folder: 'artifacts/need_a_favor/checkpoints', errors: 0 });
    expect(run.iterations).toHaveLength(1);
    const it0 = run.iterations[0];
    expect(it0.rawScore).toBe(90.61);
    expect(it0.scale).toBe(100);
    expect(it0.score).toBeCloseTo(9.061, 6);
    expect(it0.decision).toBe('PASS');
    expect(it0.review!.scores.length).toBeGreaterThanOrEqual(8);
    expect(it0.review!.feedback).toBeTruthy();
    expect(run.bestScore).toBeCloseTo(9.061, 6);
    expect(run.stages.map((s) => s.name)).toEqual(['iteration 01', 'final']);
    expect(run.gates[0]).toMatchObject({ title: 'Accept final plan', status: 'waiting' });
    expect(run.meta).toMatchObject({ final_status: 'SUCCESS', total_tokens: 85294 });
  });

  it('reads the unset None project with a warning', async () => {
    const { index } = await indexDir(path.join(EXAMPLES, 'unconfigured-2ebe01f'), [twinklrAdapter]);
    const run = index.listRuns()[0];
    expect(run).toMatchObject({ project: 'None', warnings: 1, errors: 0 });
    expect(index.listProblems().map((p) => p.code)).toEqual(['tw.project_unset']);
    expect(run.artifacts[0]).toMatchObject({ name: 'audio features', summary: '120 BPM · 180 s' });
  });

  it('reads the transition-era plan and the sequence analysis without errors', async () => {
    for (const example of ['transitions-54702ad', 'agent-rewrite-794a8bb']) {
      const { index } = await indexDir(path.join(EXAMPLES, example), [twinklrAdapter]);
      expect(index.listRuns()).toHaveLength(1);
      expect(index.listProblems().filter((p) => p.severity === 'error')).toEqual([]);
    }
  });
});
