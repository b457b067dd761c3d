// Which gate `a` and `r` act on: the inbox's selected gate, or in a run the waiting gate of the
// selected stage, else the run's first waiting gate.
import type { Gate } from '../../../shared/model';
import { useDeskStore } from '../../stores/desk-store';
import { useRunStore } from '../../stores/run-store';
import { useUiStore } from '../../stores/ui-store';
import { findStage, gateForStage } from '../run/stage-gate';

export function keyTargetGate(): Gate | undefined {
  const { route, inboxSelection } = useUiStore.getState();
  if (route.name === 'inbox') return inboxSelection ? useDeskStore.getState().gates.find((g) => g.id === inboxSelection) : undefined;
  if (route.name !== 'run') return undefined;
  const run = useRunStore.getState().run;
  if (!run || run.id !== route.runId) return undefined;
  const stage = findStage(run, route.stageId);
  const own = stage ? gateForStage(run, stage) : undefined;
  if (own?.status === 'waiting') return own;
  return run.gates.find((g) => g.status === 'waiting');
}
