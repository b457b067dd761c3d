import type { Run, Stage } from '../../../shared/model';
import { useNow } from '../../hooks/use-now';
import { gateForStage } from './stage-gate';
import { StageRow } from './stage-row';

interface Props {
  run: Run;
  stages: Stage[];
  selectedId?: string;
  onSelect(stage: Stage): void;
}

export function StageTimeline({ run, stages, selectedId, onSelect }: Props) {
  const now = useNow();
  if (!stages.length) return <p className="muted pad">This run has no stages yet.</p>;
  return (
    <ol className="stage-timeline" aria-label="Stages">
      {stages.map((s) => (
        <StageRow key={s.id} stage={s} gate={gateForStage(run, s)} selected={s.id === selectedId} now={now} onSelect={onSelect} />
      ))}
    </ol>
  );
}
