// "Branch from here" on a stage. Where the pipeline cannot branch (the family has no such idea,
// or this stage has no checkpoint yet) the reason is shown as text in place of a live button.
import { useEffect } from 'react';
import type { Run, Stage } from '../../../shared/model';
import { branchKey, openBranch, previewBranch, useDecisionStore } from '../../stores/decision-store';
import { humanise } from '../common/format';

/** A family-wide reason, carried by any gate of the run (e.g. "Twinklr has no branch concept"). */
export function familyBranchReason(run: Run): string | undefined {
  return run.gates.map((g) => g.unavailable.branch).find(Boolean);
}

export function BranchAction({ run, stage }: { run: Run; stage: Stage }) {
  const familyReason = familyBranchReason(run);
  // The stage's own gate box already says why it cannot branch; saying it twice is noise.
  const saidByGate = !!stage.gateId && !!run.gates.find((g) => g.id === stage.gateId)?.unavailable.branch;
  const key = branchKey(run.id, stage.id, `${stage.status}|${stage.fileId ?? ''}|${run.updatedAt ?? ''}`);
  const check = useDecisionStore((s) => s.branchChecks[key]);
  const busy = useDecisionStore((s) => s.dialog?.type === 'branch' && s.dialog.submitting);

  useEffect(() => {
    if (familyReason || useDecisionStore.getState().branchChecks[key]) return;
    void previewBranch({ runId: run.id, stageId: stage.id }, key);
  }, [familyReason, key, run.id, stage.id]);

  if (saidByGate) return null;
  const reason = familyReason ?? (check?.status === 'ready' && !check.value.allowed ? check.value.reason ?? 'This stage cannot be branched.' : undefined);
  const label = `Branch from ${stage.label ?? humanise(stage.name)}`;
  if (reason) {
    return (
      <div className="dc-branch dc-branch--off" data-testid="branch-action">
        <button type="button" className="button dc-btn" disabled aria-describedby={`branch-why-${stage.id}`}>
          Branch from here
        </button>
        <span id={`branch-why-${stage.id}`} className="dc-unavailable" data-testid="branch-unavailable">
          <span className="dc-unavailable__what">No branch:</span> {reason}
        </span>
      </div>
    );
  }
  return (
    <div className="dc-branch" data-testid="branch-action">
      <button
        type="button"
        className="button dc-btn"
        aria-label={label}
        disabled={busy}
        onClick={() => openBranch({ runId: run.id, rootId: run.rootId, runTitle: run.title, stageId: stage.id, stageName: stage.label ?? humanise(stage.name) })}
      >
        Branch from here
      </button>
      {check?.status === 'loading' ? <span className="dc-muted">checking…</span> : null}
    </div>
  );
}
