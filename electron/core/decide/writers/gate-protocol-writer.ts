// Greenlight's own gate protocol (docs/gate-protocol.md): the pipeline wrote `<name>.gate.json`
// and waits; the decision is `<name>.decision.json` beside it, created once, atomically, so a
// pipeline polling for it never reads half a file.
import path from 'node:path';
import type { DecideRequest, PlannedWrite } from '../../../../shared/decisions';
import { DECISION_SUFFIX, GATE_SUFFIX, gateFileSchema, type DecisionFile, type GateFile } from '../../../../shared/schemas/gate-protocol';
import { atomicWrite, ConflictError, currentSha256 } from '../atomic-write';
import { RefusedError, type DecisionContext, type DecisionWriter, type WriteResult } from '../decision-writer';
import { absInRoot, previewOf, readGateFile, type TargetFile } from './target-file';

export function decisionRelFor(gateRel: string): string {
  if (!gateRel.endsWith(GATE_SUFFIX)) throw new RefusedError(`${path.posix.basename(gateRel)} is not a gate file (*${GATE_SUFFIX})`);
  return gateRel.slice(0, -GATE_SUFFIX.length) + DECISION_SUFFIX;
}

interface GatePlan {
  target: TargetFile;
  rel: string;
  abs: string;
  decision: DecisionFile;
  writes: PlannedWrite[];
}

export const gateProtocolWriter: DecisionWriter = {
  async preview(ctx, req) {
    return previewOf(async () => (await plan(ctx, req)).writes);
  },
  async decide(ctx, req): Promise<WriteResult> {
    const p = await plan(ctx, req);
    let after: string;
    try {
      after = await atomicWrite(p.abs, JSON.stringify(p.decision, null, 2) + '\n', { expectSha256: null });
    } catch (err) {
      if (err instanceof ConflictError) throw new RefusedError(`already decided: ${path.posix.basename(p.rel)} was written meanwhile`);
      throw err;
    }
    return { writes: p.writes, file: p.rel, before: null, after, details: { gate: p.target.rel, gateSha256: p.target.sha256, decision: p.decision.decision } };
  },
};

async function plan(ctx: DecisionContext, req: DecideRequest): Promise<GatePlan> {
  if (ctx.run.family !== 'gate') throw new RefusedError('not a gate-protocol run');
  const target = await readGateFile(ctx, req.revision);
  const rel = decisionRelFor(target.rel);
  const abs = absInRoot(ctx.rootPath, rel);
  if ((await currentSha256(abs)) !== null) throw new RefusedError(`already decided: ${path.posix.basename(rel)} exists`);

  let gate: GateFile | undefined;
  try {
    const r = gateFileSchema.safeParse(JSON.parse(target.bytes.toString('utf8').replace(/^\ufeff/, '')));
    if (r.success) gate = r.data;
  } catch {
    /* handled below */
  }
  if (!gate) throw new RefusedError(`${path.posix.basename(target.rel)} is not a valid gate file; the pipeline would not understand an answer to it`);
  if (gate.timeout !== undefined) {
    const since = Date.parse(gate.requested_at);
    if (!Number.isNaN(since) && since + gate.timeout * 1000 < ctx.now.getTime()) {
      throw new RefusedError(`the gate timed out at ${new Date(since + gate.timeout * 1000).toISOString()}${gate.default !== undefined ? ` and its default ("${gate.default}") applies` : ''}; the pipeline has stopped waiting`);
    }
  }
  let choice: string = req.decision;
  if (req.option !== undefined) {
    if (gate.options && !gate.options.includes(req.option)) throw new RefusedError(`"${req.option}" is not one of the gate's options (${gate.options.join(', ')})`);
    choice = req.option;
  }
  const decision: DecisionFile = {
    decision: choice,
    approved: req.decision === 'approve',
    ...(req.note !== undefined ? { note: req.note } : {}),
    decided_by: ctx.by,
    decided_at: ctx.now.toISOString(),
    gate_sha256: target.sha256,
    ...(ctx.auto ? { auto: true } : {}),
  };
  return {
    target,
    rel,
    abs,
    decision,
    writes: [{ target: rel, action: 'create', description: `the decision "${choice}" (approved: ${decision.approved}) for the waiting pipeline; the gate file is not touched` }],
  };
}
