// The one human gate Greenlight offers on a Twinklr run: accepting the final plan. Twinklr has
// no gate of its own (its judge decides), so the decision lives only in Greenlight's sidecar.
import type { DecisionSidecar } from '../../../../shared/decision-sidecar';
import type { Gate } from '../../../../shared/model';
import type { AssembleContext, ParsedFile } from '../family-adapter';
import { TW_GATE_KEY } from './parse-file';
import { isoFromMs } from './text';

export const TW_GATE_UNAVAILABLE = {
  branch: 'Twinklr has no branch concept: every orchestration run starts fresh with a new run id and iterates in a straight line.',
  edit:
    "Twinklr rereads <project>_final.json on start and, when it holds a plan, skips orchestration and restores it as the result; so Greenlight never writes that file (an edited plan would be taken as approved).",
} as const;

export interface FinalGateInput {
  ctx: AssembleContext;
  /** Stable key of the run inside its group (group key + run id). */
  runKey: string;
  runId: string;
  stageId: string;
  finalFile: ParsedFile;
  decision?: { file: ParsedFile; sidecar: DecisionSidecar };
}

export function buildFinalGate(input: FinalGateInput): Gate {
  const { ctx, runKey, runId, stageId, finalFile, decision } = input;
  const gate: Gate = {
    id: ctx.makeId('gate', runKey, TW_GATE_KEY),
    runId,
    family: 'twinklr',
    stageId,
    stageName: TW_GATE_KEY,
    title: 'Accept final plan',
    status: 'waiting',
    since: isoFromMs(finalFile.mtimeMs),
    decisions: ['approve', 'reject'],
    unavailable: { ...TW_GATE_UNAVAILABLE },
    fileId: finalFile.fileId,
    rel: finalFile.rel,
    question: 'Accept the final choreography plan? (recorded in a Greenlight sidecar; Twinklr itself is not told)',
  };
  if (decision) {
    const approve = decision.sidecar.decision === 'approve';
    gate.status = approve ? (decision.sidecar.auto ? 'auto_approved' : 'approved') : 'rejected';
    gate.decidedBy = decision.sidecar.decidedBy;
    gate.decidedAt = decision.sidecar.decidedAt;
    if (decision.sidecar.note !== undefined) gate.note = decision.sidecar.note;
  }
  return gate;
}
