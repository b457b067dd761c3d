// The one human gate in CineCut: `--review` asks "Proceed with FFmpeg conform?" in the
// terminal before stage 8 and writes nothing. Greenlight shows it as waiting once assembly is
// done and no trailer exists yet; a decision goes to `greenlight_review.json` in the work dir
// (CineCut never reads it) and an edit goes to TRAILER_MANIFEST.json, which CineCut reloads.
import type { DecisionSidecar } from '../../../../shared/decision-sidecar';
import type { Gate } from '../../../../shared/model';
import type { AssembleContext } from '../family-adapter';
import { CC_GATE_KEY } from './parse-file';

export const CC_GATE_UNAVAILABLE = {
  branch: 'CineCut keeps a single pipeline_checkpoint.json per work folder, so there is no earlier state to branch from; edit TRAILER_MANIFEST.json instead.',
} as const;

export interface ConformGateInput {
  ctx: AssembleContext;
  groupKey: string;
  runId: string;
  stageId: string;
  since?: string;
  file: { fileId: string; rel: string };
  decision?: DecisionSidecar;
}

export function buildConformGate(input: ConformGateInput): Gate {
  const { ctx, groupKey, runId, stageId, since, file, decision } = input;
  const gate: Gate = {
    id: ctx.makeId('gate', groupKey, CC_GATE_KEY),
    runId,
    family: 'cinecut',
    stageId,
    stageName: CC_GATE_KEY,
    title: 'Review trailer manifest before conform',
    status: 'waiting',
    since,
    decisions: ['approve', 'reject', 'edit'],
    unavailable: { ...CC_GATE_UNAVAILABLE },
    fileId: file.fileId,
    rel: file.rel,
    question: 'Proceed with FFmpeg conform?',
  };
  if (decision) {
    const approve = decision.decision === 'approve';
    gate.status = approve ? (decision.auto ? 'auto_approved' : 'approved') : 'rejected';
    gate.decidedBy = decision.decidedBy;
    gate.decidedAt = decision.decidedAt;
    if (decision.note !== undefined) gate.note = decision.note;
  }
  return gate;
}
