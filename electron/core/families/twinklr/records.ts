// What the Twinklr adapter keeps of each parsed file: counts, scores and short texts, never the
// plan or evaluation bodies (those are fetched on demand through inline artifact pointers).
import type { Review } from '../../../../shared/model';
import type { DecisionSidecar } from '../../../../shared/decision-sidecar';

export interface TwPlanSummary {
  sections?: number;
  /** First line of `overall_strategy`, shortened. */
  strategy?: string;
}

export interface TwEvaluationSummary {
  /** judge = JudgeResponse (0–10); old = judge_critic evaluation (0–100). */
  shape: 'judge' | 'old' | 'unknown';
  /** Normalised to 0–10. */
  score?: number;
  rawScore?: number;
  scale?: number;
  /** APPROVE / SOFT_FAIL / HARD_FAIL, or PASS / FAIL derived from the old `pass_threshold`. */
  decision?: string;
  review?: Review;
}

interface Base {
  project: string;
}

export type TwRecord =
  | (Base & { kind: 'iteration-raw'; runId?: string; iteration: number; plan: TwPlanSummary })
  | (Base & { kind: 'iteration-evaluation'; runId?: string; iteration: number; evaluation: TwEvaluationSummary; planSections?: number })
  | (Base & { kind: 'raw'; plan: TwPlanSummary })
  | (Base & { kind: 'evaluation'; evaluation: TwEvaluationSummary })
  | (Base & {
      kind: 'final';
      status?: string;
      era: 'iteration' | 'old';
      plan: TwPlanSummary;
      evaluation?: TwEvaluationSummary;
      iterations?: number;
      bestScore?: number;
      bestScoreRaw?: number;
      bestScoreScale?: number;
      reason?: string;
      tokens?: number;
      durationS?: number;
    })
  | (Base & { kind: 'implementation'; sections?: number })
  | (Base & { kind: 'audio'; summary: string })
  | (Base & { kind: 'sequence'; summary: string })
  | (Base & { kind: 'decision'; runId?: string; sidecar?: DecisionSidecar });
