// Shared by the writer tests: index a temp folder with every adapter, find a gate, and build the
// DecisionContext the orchestrator (decide-gate.ts) would pass to a family's writer.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { DecisionContext } from '../../../../../electron/core/decide/decision-writer';
import { ALL_ADAPTERS } from '../../../../../electron/core/families/all-adapters';
import type { Gate, Run } from '../../../../../shared/model';
import { indexDir } from '../../../../helpers/index-dir';

export const NOW = new Date('2026-11-21T08:43:27.800Z');

export async function indexed(dir: string) {
  const { index, root } = await indexDir(dir, ALL_ADAPTERS);
  return { index, root, runs: index.listRuns() };
}

export async function gateContext(
  dir: string,
  pick: (run: Run, gate: Gate) => boolean,
  over: Partial<DecisionContext> = {},
): Promise<{ ctx: DecisionContext; run: Run; gate: Gate }> {
  const { index, root, runs } = await indexed(dir);
  for (const run of runs) {
    for (const gate of run.gates) {
      if (!pick(run, gate)) continue;
      const ctx: DecisionContext = {
        run,
        gate,
        rootId: root.id,
        rootPath: root.path,
        resolve: (fileId) => index.resolveFile(fileId)?.abs,
        by: 'ada',
        now: NOW,
        ...over,
      };
      return { ctx, run, gate };
    }
  }
  throw new Error(`no such gate in ${dir}: ${runs.map((r) => `${r.family}:${r.gates.map((g) => `${g.stageName}/${g.status}`).join(',')}`).join(' ')}`);
}

export function sha256File(abs: string): string {
  return createHash('sha256').update(readFileSync(abs)).digest('hex');
}
