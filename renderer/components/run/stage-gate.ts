// Which gate belongs to a stage: families link it by id, by stage id or only by stage name.
import type { Gate, Run, Stage } from '../../../shared/model';

export function gateForStage(run: Run, stage: Stage): Gate | undefined {
  return (
    (stage.gateId ? run.gates.find((g) => g.id === stage.gateId) : undefined) ??
    run.gates.find((g) => g.stageId === stage.id) ??
    run.gates.find((g) => !g.stageId && g.stageName === stage.name)
  );
}

/** The stage a route names (by id, or by name for links built from a gate without a stage id). */
export function findStage(run: Run, key: string | undefined): Stage | undefined {
  if (!key) return undefined;
  return run.stages.find((s) => s.id === key) ?? run.stages.find((s) => s.name === key);
}

/**
 * With no stage in the route: the stage a waiting gate belongs to (a gate the stage itself links
 * first; a gate known only by stage name, e.g. on another branch, after), else the current
 * stage, else the latest that ran.
 */
export function defaultStage(run: Run, ordered: readonly Stage[]): Stage | undefined {
  const waiting = run.gates.filter((g) => g.status === 'waiting');
  for (const g of waiting) {
    const s = ordered.find((x) => x.gateId === g.id || (g.stageId !== undefined && x.id === g.stageId));
    if (s) return s;
  }
  for (const g of waiting) {
    const s = ordered.find((x) => x.name === g.stageName);
    if (s) return s;
  }
  const current = run.currentStage ? ordered.find((s) => s.name === run.currentStage || s.id === run.currentStage) : undefined;
  if (current) return current;
  const ran = [...ordered].reverse().find((s) => s.status !== 'pending' && s.status !== 'unknown');
  return ran ?? ordered[0];
}

export function orderStages(stages: readonly Stage[]): Stage[] {
  return [...stages].sort((a, b) => a.order - b.order);
}
