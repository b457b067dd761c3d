// One stage of a run as a reviewer sees it: what state it is in, the gate waiting on a human,
// the judge's or reviewer's verdict, the artifacts themselves, and what is wrong with the file.
import type { Run, Stage } from '../../../shared/model';
import { ReviewPanel } from '../review/review-panel';
import { BranchAction } from '../decisions/branch-action';
import { ArtifactList } from './artifact-list';
import { FileProblems } from './file-problems';
import { GateBox } from './gate-box';
import { StageHeader } from './stage-header';

export function CheckpointView({ run, stage }: { run: Run; stage: Stage }) {
  const gate = stage.gateId ? run.gates.find((g) => g.id === stage.gateId) : undefined;
  // A gate is decided on the run's work as a whole (CineCut's conform reviews the trailer
  // manifest, Twinklr's final plan…): show the run's own artifacts beside the gate stage's.
  const own = new Set(stage.artifacts.map((a) => a.id));
  const runArtifacts = gate ? run.artifacts.filter((a) => !own.has(a.id)) : [];
  return (
    <article className="gl-cp" aria-label={`Stage ${stage.label ?? stage.name}`} data-stage-id={stage.id}>
      <StageHeader stage={stage} />
      <BranchAction run={run} stage={stage} />
      {gate && <GateBox gate={gate} />}
      <div className="gl-cp__grid">
        <section className="gl-cp__artifacts" aria-label="Artifacts">
          {stage.artifacts.length > 0 || runArtifacts.length === 0 ? <ArtifactList artifacts={stage.artifacts} /> : null}
          {runArtifacts.length > 0 && (
            <section className="gl-cp__run-artifacts" aria-label="Run artifacts for this decision">
              <h3 className="gl-cp__subhead">From this run, for this decision</h3>
              <ArtifactList artifacts={runArtifacts} />
            </section>
          )}
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
