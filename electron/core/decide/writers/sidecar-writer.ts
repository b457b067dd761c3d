// Twinklr, OmniClaude and CineCut have no approval field Greenlight may write (FORMATS.md §2.3,
// §3.5, §5.3): Twinklr skips orchestration when `_final.json` changes, OmniClaude rejects any
// extra key and never rewrites a phase file, CineCut restarts from scratch on an unknown key.
// So the decision goes into Greenlight's own sidecar beside them, under a name none of their
// readers matches, and the family's file is only read — to check it is still the version the
// person decided on, and to record its hash in the sidecar.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DecideRequest, PlannedWrite } from '../../../../shared/decisions';
import { decisionSidecarSchema, SIDECAR_NAMES, SIDECAR_TAG, type DecisionSidecar } from '../../../../shared/decision-sidecar';
import type { Family } from '../../../../shared/model';
import { parseCheckpointName } from '../../families/omniclaude/layout';
import { sha256 } from '../../read/read-document';
import { atomicWrite, ConflictError } from '../atomic-write';
import { RefusedError, type DecisionContext, type DecisionWriter, type WriteResult } from '../decision-writer';
import { absInRoot, dirnameRel, joinRel, previewOf, readGateFile, type TargetFile } from './target-file';

export type SidecarFamily = Extract<Family, 'twinklr' | 'omniclaude' | 'cinecut'>;

/** Where each family's sidecar goes, and the gate key it names. */
export function sidecarLocation(family: SidecarFamily, ctx: DecisionContext): { rel: string; gateKey: string } {
  const gateRel = ctx.gate.rel;
  if (!gateRel) throw new RefusedError('the gate names no file');
  const dir = dirnameRel(gateRel);
  switch (family) {
    case 'twinklr':
      // The gate's file is `checkpoints/plans/<project>_final.json`; the sidecar sits beside it.
      return { rel: joinRel(dir, SIDECAR_NAMES.twinklr(ctx.run.project, ctx.run.runId)), gateKey: ctx.gate.stageName };
    case 'omniclaude': {
      // One gate per phase attempt: the attempt comes from the checkpoint the gate was shown from.
      const name = parseCheckpointName(path.posix.basename(gateRel));
      if (!name) throw new RefusedError(`${path.posix.basename(gateRel)} is not an OmniClaude checkpoint name (phase_<N>_<phase>_a<K>.yaml)`);
      return { rel: joinRel(dir, SIDECAR_NAMES.omniclaude(name.name, name.attempt)), gateKey: `${name.name}_a${name.attempt}` };
    }
    case 'cinecut':
      // The gate's file (TRAILER_MANIFEST.json or pipeline_checkpoint.json) is in the work dir.
      return { rel: joinRel(dir, SIDECAR_NAMES.cinecut()), gateKey: ctx.gate.stageName };
  }
}

interface SidecarPlan {
  target: TargetFile;
  rel: string;
  abs: string;
  /** sha256 of an existing sidecar without a decision (replaced), or null (created). */
  existing: string | null;
  sidecar: DecisionSidecar;
  writes: PlannedWrite[];
}

export function sidecarWriter(family: SidecarFamily): DecisionWriter {
  return {
    async preview(ctx, req) {
      return previewOf(async () => (await plan(family, ctx, req)).writes);
    },
    async decide(ctx, req): Promise<WriteResult> {
      const p = await plan(family, ctx, req);
      const text = JSON.stringify(p.sidecar, null, 2) + '\n';
      let after: string;
      try {
        after = await atomicWrite(p.abs, text, { expectSha256: p.existing });
      } catch (err) {
        if (err instanceof ConflictError) throw new RefusedError(`already decided: ${path.posix.basename(p.rel)} was written meanwhile`);
        throw err;
      }
      // The family's own file is not written, but it may have changed while the sidecar was: say so.
      const now = await fs.readFile(p.target.abs).then(sha256, () => null);
      return {
        writes: p.writes,
        file: p.rel,
        before: p.existing,
        after,
        details: { target: p.target.rel, targetSha256: p.target.sha256, ...(now !== p.target.sha256 ? { targetChangedSince: now } : {}) },
      };
    },
  };
}

async function plan(family: SidecarFamily, ctx: DecisionContext, req: DecideRequest): Promise<SidecarPlan> {
  if (ctx.run.family !== family) throw new RefusedError(`not a ${family} run`);
  const { rel, gateKey } = sidecarLocation(family, ctx);
  const abs = absInRoot(ctx.rootPath, rel);
  const target = await readGateFile(ctx, req.revision);
  const existing = await existingSidecar(abs, rel);
  const sidecar: DecisionSidecar = {
    greenlight: SIDECAR_TAG,
    gate: gateKey,
    decision: req.decision,
    ...(req.note !== undefined ? { note: req.note } : {}),
    decidedBy: ctx.by,
    decidedAt: ctx.now.toISOString(),
    ...(ctx.auto ? { auto: true } : {}),
    target: { rel: target.rel, sha256: target.sha256 },
  };
  const base = path.posix.basename(target.rel);
  return {
    target,
    rel,
    abs,
    existing,
    sidecar,
    writes: [
      {
        target: rel,
        action: existing === null ? 'create' : 'rewrite',
        description: `Greenlight's decision file (${req.decision}${req.note ? ' with a note' : ''}, the hash of ${base}); ${base} itself is not touched`,
      },
    ],
  };
}

/** null when there is no sidecar; its hash when there is one without a decision (it gets replaced). */
async function existingSidecar(abs: string, rel: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    data = undefined;
  }
  const r = decisionSidecarSchema.safeParse(data);
  if (r.success) throw new RefusedError(`already decided: ${path.posix.basename(rel)} records "${r.data.decision}" by ${r.data.decidedBy} at ${r.data.decidedAt}`);
  if (data && typeof data === 'object' && 'decision' in data) throw new RefusedError(`already decided: ${path.posix.basename(rel)} holds a decision (not in Greenlight's format); remove it to decide again`);
  return sha256(bytes);
}
