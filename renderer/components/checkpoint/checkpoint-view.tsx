// One stage of a run as a reviewer sees it: what state it is in, the gate waiting on a human,
// the judge's or reviewer's verdict, the artifacts themselves, and what is wrong with the file.
import type { Run, Stage } from '../../../shared/model';
import '../../styles/checkpoint.css';
import { ReviewPanel } from '../review/review-panel';
import { ArtifactList } from './artifact-list';
import { FileProblems } from './file-problems';
import { GateBox } from './gate-box';
import { StageHeader } from './stage-header';

export function CheckpointView({ run, stage }: { run: Run; stage: Stage }) {
  const gate = stage.gateId ? run.gates.find((g) => g.id === stage.gateId) : undefined;
  return (
    <article className="gl-cp" aria-label={`Stage ${stage.label ?? stage.name}`} data-stage-id={stage.id}>
      <StageHeader stage={stage} />
      {gate && <GateBox gate={gate} />}
      <div className="gl-cp__grid">
        <section className="gl-cp__artifacts" aria-label="Artifacts">
          <ArtifactList artifacts={stage.artifacts} />
        </section>
        <aside className="gl-cp__side">
          {stage.review && <ReviewPanel review={stage.review} />}
          {stage.fileId && <FileProblems key={stage.fileId} fileId={stage.fileId} rel={stage.rel} />}
          {stage.versions.length > 1 && <StageVersions stage={stage} />}
        </aside>
      </div>
    </article>
  );
}

function StageVersions({ stage }: { stage: Stage }) {
  return (
    <section className="gl-cp__versions" aria-label="Versions">
      <h3>
        Versions <span className="gl-muted">({stage.versions.length})</span>
      </h3>
      <ul>
        {stage.versions.map((v, i) => (
          <li key={`${v.label}-${i}`} className={v.current ? 'gl-cp__version--current' : undefined}>
            <span>{v.label}</span>
            {v.status && <span className="gl-muted"> · {v.status.replace(/_/g, ' ')}</span>}
            {v.timestamp && <span className="gl-muted"> · {v.timestamp.slice(0, 16).replace('T', ' ')}</span>}
            {v.current && <span className="gl-chip">current</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
