// What Greenlight writes beside a checkpoint when a family's own files must never be touched
// (Twinklr, OmniClaude, CineCut). Each family's adapter picks these up so a decided gate shows
// who decided, when and why. File names are chosen so none of the pipelines' readers match them.
import { z } from 'zod';

export const SIDECAR_TAG = 'greenlight.decision/1';

export const decisionSidecarSchema = z.object({
  greenlight: z.literal(SIDECAR_TAG),
  /** Gate key within the run: the stage/phase/iteration name the decision is about. */
  gate: z.string(),
  decision: z.enum(['approve', 'reject']),
  note: z.string().optional(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  auto: z.boolean().optional(),
  /** The file the person looked at, with its hash then, so a later change is visible. */
  target: z.object({ rel: z.string(), sha256: z.string() }).optional(),
});
export type DecisionSidecar = z.infer<typeof decisionSidecarSchema>;

/** Sidecar file names per family (relative to the folder named in each comment). */
export const SIDECAR_NAMES = {
  /** In `checkpoints/plans/`: `<project>[_<run>]_decision.greenlight.json` (Twinklr opens only `<project>_<type>.json`). */
  twinklr: (project: string, runId?: string) => `${project}${runId ? `_${runId}` : ''}_decision.greenlight.json`,
  /** In the run dir: `greenlight-decision_<phase>_a<K>.json` (OmniClaude globs `phase_*.yaml`). */
  omniclaude: (phase: string, attempt: number) => `greenlight-decision_${phase}_a${attempt}.json`,
  /** In the work dir: `greenlight_review.json` (CineCut reads only pipeline_checkpoint.json and its manifests). */
  cinecut: () => 'greenlight_review.json',
} as const;
