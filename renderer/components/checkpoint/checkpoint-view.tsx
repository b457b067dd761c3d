// One stage of a run as a reviewer sees it: what state it is in, the gate waiting on a human,
// the judge's or reviewer's verdict, the artifacts themselves, and what is wrong with the file.
import type { Run, Stage } from '../../../shared/model';
import '../../styles/checkpoint.css';
import { ReviewPanel } from '../review/review-panel';
import { BranchAction } from '../decisions/branch-action';
import { ArtifactList } from './artifact-list';
import { FileProblems } from './file-problems';
import { GateBox } from './gate-box';
import { StageHeader } from './stage-header';

export function CheckpointView({ run, stage }: { run: Run; stage: Stage }) {
  const gate = stage.gateId ? run.gates.find((g) => g.id === stage.gateId) : undefined;
  return (
    <article className="gl-cp" aria-label={`Stage ${stage.label ?? stage.name}`} data-stage-id={stage.id}>
      <StageHeader stage={stage} />
      <BranchAction run={run} stage={stage} />
      {gate && <GateBox gate={gate} />}
      <div className="gl-cp__grid">
        <section className="gl-cp__artifacts" aria-label="Artifacts">
          <ArtifactList artifacts={stage.artifacts} />
        </section>
        <aside className="gl-cp__side">
          {stage.review && (
            <div className="gl-cp__review">
              <ReviewPanel review={stage.review} />
            </div>
          )}
          {stage.fileId && <FileProblems key={stage.fileId} fileId={stage.fileId} rel={stage.rel} />}
        </aside>
      </div>
    </article>
  );
}
