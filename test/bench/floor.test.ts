// The two floors the benchmark divides by and compares with: the sequential read + parse, and the
// same work spread over threads (the least time any index could take on the machine). Both must
// read exactly the files the index decodes, the spread one split without loss or overlap.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCore } from '../../bench/build-core.mjs';
import { ensureWorkspace } from '../../bench/generate-workspace.mjs';
import { makeTempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let core: string;
let ws: string;

beforeAll(async () => {
  tmp = makeTempDir('greenlight-bench-floor-');
  ws = path.join(tmp.dir, 'ws');
  ensureWorkspace(ws, { scale: 0.002 });
  core = await buildCore(path.join(tmp.dir, 'build'));
}, 60_000);
afterAll(() => tmp?.cleanup());

const run = (...args: string[]) => JSON.parse(execFileSync(process.execPath, [core, ...args], { encoding: 'utf8' }).trim().split('\n').pop()!);

describe('bench floors', () => {
  it('spreads the floor’s files over the threads asked for, every file read once', () => {
    const floor = run('floor', ws);
    expect(floor.files).toBeGreaterThan(50);
    for (const threads of [1, 3]) {
      const spread = run('floor-parallel', ws, '--threads', String(threads));
      expect(spread.threads).toBe(threads);
      expect(spread.files).toBe(floor.files);
      // The same bytes in total: no file skipped or read twice across the threads.
      expect(spread.bytes).toBe(floor.bytes);
      expect(spread.ms).toBeGreaterThan(0);
    }
  }, 60_000);
});
