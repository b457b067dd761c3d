// Where a decision on an OpenMontage stage must be written: OpenMontage records approval by
// rewriting the stage's own checkpoint file after copying it into history/ (FORMATS.md §1.6).
import type { Run } from '../../../../shared/model';
import { joinRel } from './layout';

export interface OmStageFile {
  /** The current checkpoint to rewrite (atomically, via `<rel>.tmp`). */
  fileId: string;
  rel: string;
  tmpRel: string;
  /** Folder the superseded copy goes into first. */
  historyDir: string;
  /** False when the file must not be touched now; `reason` says why. */
  writable: boolean;
  reason?: string;
}

/** Root-relative path of a stage's current checkpoint inside a project folder. */
export function checkpointRelFor(projectDir: string, stage: string): string {
  return joinRel(projectDir === '.' ? '' : projectDir, `checkpoint_${stage}.json`);
}

export function openMontageStageFile(run: Run, stageName: string): OmStageFile | undefined {
  if (run.family !== 'openmontage') return undefined;
  const stage = run.stages.find((s) => s.name === stageName);
  if (!stage?.fileId || !stage.rel) return undefined;
  const dir = stage.rel.includes('/') ? stage.rel.slice(0, stage.rel.lastIndexOf('/')) : '';
  let reason: string | undefined;
  if (stage.status === 'in_progress') reason = 'the agent is writing this stage (status in_progress)';
  else if (stage.flags.includes('unreadable')) reason = 'the checkpoint could not be read';
  else if (stage.flags.includes('history_only')) reason = 'the stage has no current checkpoint file';
  return {
    fileId: stage.fileId,
    rel: stage.rel,
    tmpRel: `${stage.rel}.tmp`,
    historyDir: joinRel(dir, 'history'),
    writable: reason === undefined,
    reason,
  };
}
