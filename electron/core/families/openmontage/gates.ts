// The approval gate of one OpenMontage stage. A stage is gated when its manifest says so
// (checkpoint_required && human_approval_default), when the checkpoint itself asks
// (`human_approval_required`), or when it is sitting in `awaiting_human`.
import type { Gate, GateStatus } from '../../../../shared/model';
import type { ProblemDraft } from '../family-adapter';
import { OM_FAMILY, OM_GATE_DECISIONS } from './constants';
import type { CheckpointRecord, GreenlightReview, ProposalApproval } from './records';

export interface GateInput {
  gateId: string;
  runId: string;
  stageId: string;
  stageName: string;
  label: string;
  current?: CheckpointRecord;
  fileId?: string;
  rel?: string;
  history: CheckpointRecord[];
  manifestGated: boolean;
}

export interface GateResult {
  gateRequired: boolean;
  gate?: Gate;
  flags: string[];
  problem?: ProblemDraft;
}

export function isGated(rec: CheckpointRecord | undefined, manifestGated: boolean): boolean {
  return manifestGated || rec?.humanApprovalRequired === true || rec?.status === 'awaiting_human';
}

export function resolveGate(input: GateInput): GateResult {
  const rec = input.current;
  const gateRequired = isGated(rec, input.manifestGated);
  if (!gateRequired || !rec) return { gateRequired, flags: [] };

  const approval = input.stageName === 'proposal' ? rec.proposalApproval : undefined;
  // Only for the version it was written on (same timestamp): an agent re-running the stage may
  // carry the old metadata into its new checkpoint, which then waits again.
  const gr = rec.greenlightReview && (!rec.greenlightReview.at || rec.greenlightReview.at === rec.timestamp) ? rec.greenlightReview : undefined;
  const review = gr?.decision === 'changes_requested' ? gr : undefined;
  const everWaited = rec.status === 'awaiting_human' || input.history.some((h) => h.status === 'awaiting_human');
  const flags: string[] = [];
  let problem: ProblemDraft | undefined;
  let status: GateStatus | undefined;
  let note: string | undefined;
  let decidedAt: string | undefined;
  let decidedBy: string | undefined;

  if (approval?.status === 'rejected') {
    // OpenMontage has no rejected checkpoint status: the proposal's approval block is the record.
    status = 'rejected';
    note = approval.notes ? `Rejected: ${approval.notes}` : 'Proposal rejected (proposal_packet.approval.status)';
    decidedAt = approval.decidedAt ?? gr?.at ?? rec.timestamp;
    decidedBy = approval.decidedBy ?? gr?.by;
  } else if (rec.humanApproved === true) {
    status = 'approved';
    decidedAt = rec.timestamp;
    decidedBy = approval?.decidedBy ?? (gr?.decision === 'approved' ? gr.by : undefined);
    note = approvalNote(approval) ?? (gr?.decision === 'approved' ? gr.note : undefined);
    if (gr?.decision === 'approved' && gr.auto) status = 'auto_approved';
  } else if (rec.status === 'awaiting_human' && review) {
    // Greenlight's "request changes": the stage keeps waiting for the agent to re-run it.
    status = 'rejected';
    note = review.note ?? 'Changes requested';
    decidedAt = review.at ?? rec.timestamp;
    decidedBy = review.by;
  } else if (rec.status === 'awaiting_human') {
    status = 'waiting';
    note = approvalNote(approval);
  } else if (rec.status === 'completed') {
    status = 'auto_approved';
    decidedAt = rec.timestamp;
    if (everWaited) {
      note = 'Completed after waiting for a human, but human_approved was never recorded';
    } else {
      note = 'Completed without waiting for a human or recording human_approved (gate skipped)';
      flags.push('gate_skipped');
      problem = {
        severity: 'warning',
        field: '/human_approved',
        code: 'om.gate_skipped',
        message: `stage "${input.stageName}" is gated but was completed without ever being awaiting_human and without human_approved`,
      };
    }
  }
  if (!status) return { gateRequired, flags };

  const decidedSince = [...input.history]
    .filter((h) => h.status === 'awaiting_human' && h.timestamp)
    .sort((a, b) => (a.timeMs ?? 0) - (b.timeMs ?? 0))
    .pop()?.timestamp;
  const gate: Gate = {
    id: input.gateId,
    runId: input.runId,
    family: OM_FAMILY,
    stageId: input.stageId,
    stageName: input.stageName,
    title: `${input.label} approval`,
    status,
    since: status === 'waiting' ? rec.timestamp : (decidedSince ?? rec.timestamp),
    decisions: [...OM_GATE_DECISIONS],
    unavailable: {},
    decidedAt,
    decidedBy,
    note,
    fileId: input.fileId,
    rel: input.rel,
    question:
      input.stageName === 'proposal'
        ? 'Approve the proposal (concept, production plan and budget)?'
        : `Approve the ${input.label.toLowerCase()} and let the pipeline continue?`,
  };
  return { gateRequired, gate, flags, problem };
}

function approvalNote(a: ProposalApproval | undefined): string | undefined {
  if (!a) return undefined;
  const head = a.status === 'approved_with_changes' ? 'Approved with changes' : a.status === 'pending' ? 'Proposal approval pending' : undefined;
  const text = [head, a.notes].filter(Boolean).join(': ');
  if (a.budgetUsd === undefined) return text || undefined;
  return text ? `${text} (approved budget $${a.budgetUsd})` : `Approved budget $${a.budgetUsd}`;
}

/** `metadata.greenlight_review`: who decided, when and why, as Greenlight's OpenMontage writer records it. */
export function readGreenlightReview(raw: unknown): GreenlightReview | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof o.decision !== 'string') return undefined;
  const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  return { decision: o.decision, note: s(o.note), by: s(o.by), at: s(o.at), ...(o.auto === true ? { auto: true } : {}) };
}
