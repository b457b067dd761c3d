// Which aivideo checkpoint a gate stands for. The adapter builds one gate per checkpoint with
// id makeId('gate', `av:<folder>\0<video_id>`, <checkpoint id>) and keeps the checkpoint id in
// the stage details only for checkpoints on the shown path, so the id is found by reading the
// export the gate came from and matching each checkpoint it holds against the gate's id.
import { AV_CHECKPOINT_ID } from '../../../../shared/schemas/aivideo';
import { ExportReader } from '../../families/aivideo/parse-export';
import { folderOf } from '../../families/aivideo/layout';
import { stableId } from '../../index/stable-id';
import type { DecisionContext } from '../decision-writer';

export type ExportShape = { kind: 'tree' | 'checkpoints' | 'branches'; wrapKey?: 'tree' | 'checkpoints' | 'branches' } | { kind: 'status' } | { kind: 'other' };

export interface AiVideoTarget {
  videoId: string;
  checkpointId: string;
  status?: string;
}

export function videoIdOf(ctx: DecisionContext): string | undefined {
  const fromMeta = ctx.run.meta.video_id;
  return ctx.run.runId || (typeof fromMeta === 'string' && fromMeta ? fromMeta : undefined);
}

/** The checkpoint behind the gate, from the decoded export it was shown from. */
export function findCheckpoint(ctx: DecisionContext, data: unknown): AiVideoTarget | undefined {
  const videoId = videoIdOf(ctx);
  if (!videoId) return undefined;
  const reader = new ExportReader();
  reader.read(data);
  const candidates = new Map<string, string | undefined>();
  for (const c of reader.record.checkpoints) candidates.set(c.id, c.status);
  for (const b of reader.record.branches) if (b.latestCheckpointId && !candidates.has(b.latestCheckpointId)) candidates.set(b.latestCheckpointId, b.status);
  // The stage shown for the gate names its checkpoint outright.
  const stage = ctx.run.stages.find((s) => s.gateId === ctx.gate.id);
  const named = stage?.details?.checkpoint_id;
  const gateRel = ctx.gate.rel ?? '';
  const runKey = `av:${folderOf(gateRel)}\0${videoId}`;
  for (const [id, status] of candidates) {
    if (id === named || stableId(ctx.rootId, 'gate', runKey, id) === ctx.gate.id) {
      return AV_CHECKPOINT_ID.test(id) ? { videoId, checkpointId: id, status } : undefined;
    }
  }
  return undefined;
}

/** What the export holds, so a refresh fetches the same endpoint and keeps the same shape. */
export function exportShape(data: unknown): ExportShape {
  const kindOfList = (list: unknown[]): 'tree' | 'checkpoints' | 'branches' | undefined => {
    const first = list.find((x) => x !== null && typeof x === 'object' && !Array.isArray(x)) as Record<string, unknown> | undefined;
    if (!first) return undefined;
    if ('checkpoint' in first) return 'tree';
    if ('latest_checkpoint_id' in first || 'can_continue' in first) return 'branches';
    if ('phase_number' in first) return 'checkpoints';
    return undefined;
  };
  if (Array.isArray(data)) {
    const kind = kindOfList(data);
    return kind ? { kind } : { kind: 'other' };
  }
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    if ('checkpoint_tree' in o || 'active_branches' in o || 'current_checkpoint' in o || ('video_id' in o && 'progress' in o)) return { kind: 'status' };
    const keys = (['tree', 'checkpoints', 'branches'] as const).filter((k) => Array.isArray(o[k]));
    // A file wrapping several lists cannot be refreshed from one endpoint.
    if (keys.length === 1 && Object.keys(o).length === 1) return { kind: keys[0], wrapKey: keys[0] };
  }
  return { kind: 'other' };
}

/** The GET endpoint that answers with a fresh copy of an export of this shape. */
export function refreshPath(shape: ExportShape, videoId: string): string | undefined {
  const v = encodeURIComponent(videoId);
  switch (shape.kind) {
    case 'tree':
      return `/api/video/${v}/checkpoint-tree`;
    case 'checkpoints':
      return `/api/video/${v}/checkpoints`;
    case 'branches':
      return `/api/video/${v}/branches`;
    case 'status':
      return `/api/status/${v}`;
    default:
      return undefined;
  }
}
