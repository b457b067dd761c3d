// zod schemas for the Twinklr (ex-blinkb0t) checkpoint files Greenlight reads (FORMATS.md §2).
// They REPORT problems; the adapter builds its records by hand from whatever is readable, so a
// file that fails here is still shown. Objects are loose because Pydantic ignores extra keys,
// and the plan schema accepts both planner eras (`section_name`/`template_id` from 2026-01-25
// on, `name`/`templates` in the files committed before).
import { z } from 'zod';

/** JudgeDecision at 2ebe01f; the enum comments give the score bands below. */
export const TW_JUDGE_DECISIONS = ['APPROVE', 'SOFT_FAIL', 'HARD_FAIL'] as const;
export type TwJudgeDecision = (typeof TW_JUDGE_DECISIONS)[number];

/** APPROVE ≥ 7.0, SOFT_FAIL 5.0–6.9, HARD_FAIL < 5.0 (stated in the enum, never enforced then). */
export function decisionForScore(score: number): TwJudgeDecision {
  if (score >= 7) return 'APPROVE';
  if (score >= 5) return 'SOFT_FAIL';
  return 'HARD_FAIL';
}

export const TW_FINAL_STATUSES = ['SUCCESS', 'INCOMPLETE'] as const;

// ---- judge (iteration era) ------------------------------------------------------------------

export const twJudgeIssueSchema = z.looseObject({
  severity: z.string(),
  location: z.string(),
  issue: z.string(),
  suggestion: z.string(),
});

/** JudgeResponse (`moving_heads/models.py` @ 2ebe01f): score on 0–10. */
export const twJudgeResponseSchema = z.looseObject({
  decision: z.enum(TW_JUDGE_DECISIONS),
  score: z.number().min(0).max(10),
  strengths: z.array(z.string()).optional(),
  issues: z.array(twJudgeIssueSchema).optional(),
  feedback_for_planner: z.string(),
  overall_assessment: z.string(),
});
export type TwJudgeResponse = z.infer<typeof twJudgeResponseSchema>;

// ---- judge (old era, ≤ 2026-01-24) -----------------------------------------------------------

export const twCategoryScoreSchema = z.looseObject({
  category: z.string(),
  score: z.number().min(0).max(100),
  reasoning: z.string().optional(),
  strengths: z.array(z.string()).optional(),
  weaknesses: z.array(z.string()).optional(),
});

/** The old judge_critic evaluation: `overall_score` and category scores on 0–100. */
export const twOldEvaluationSchema = z.looseObject({
  story_overview: z.string().optional(),
  overall_score: z.number().min(0).max(100),
  category_scores: z.array(twCategoryScoreSchema).optional(),
  summary: z.string().optional(),
  actionable_feedback: z.array(z.string()).optional(),
  pass_threshold: z.boolean().optional(),
  channel_scoring: z.record(z.string(), z.unknown()).optional(),
});
export type TwOldEvaluation = z.infer<typeof twOldEvaluationSchema>;

// ---- planner ---------------------------------------------------------------------------------

const barSchema = z.int().min(1);

export const twPlanSegmentSchema = z
  .looseObject({
    segment_id: z.string(),
    start_bar: barSchema,
    end_bar: barSchema,
    template_id: z.string(),
    preset_id: z.string().nullish(),
    modifiers: z.record(z.string(), z.string()).optional(),
    reasoning: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.end_bar < s.start_bar) {
      ctx.addIssue({ code: 'custom', path: ['end_bar'], message: `end_bar (${s.end_bar}) must be >= start_bar (${s.start_bar})` });
    }
  });

export const twPlanSectionSchema = z
  .looseObject({
    section_name: z.string().optional(),
    /** Old-era name of the section. */
    name: z.string().optional(),
    start_bar: barSchema,
    end_bar: barSchema,
    section_role: z.string().nullish(),
    energy_level: z.number().min(0).max(100).nullish(),
    template_id: z.string().nullish(),
    /** Old era: a list of layered templates instead of template_id/segments. */
    templates: z.array(z.string()).optional(),
    preset_id: z.string().nullish(),
    modifiers: z.record(z.string(), z.string()).optional(),
    reasoning: z.string().optional(),
    segments: z.array(twPlanSegmentSchema).min(1).max(3).nullish(),
    transition_in: z.record(z.string(), z.unknown()).nullish(),
    transition_out: z.record(z.string(), z.unknown()).nullish(),
  })
  .superRefine((s, ctx) => {
    if (s.section_name === undefined && s.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['section_name'], message: 'section has no section_name' });
    }
    if (s.end_bar < s.start_bar) {
      ctx.addIssue({ code: 'custom', path: ['end_bar'], message: `end_bar (${s.end_bar}) must be >= start_bar (${s.start_bar})` });
    }
    if (s.templates !== undefined) return; // old era: no template/segments rule then
    const hasSegments = !!s.segments && s.segments.length > 0;
    const hasTemplate = !!s.template_id;
    if (hasSegments && hasTemplate) {
      ctx.addIssue({ code: 'custom', path: ['segments'], message: "provide either 'segments' or 'template_id', not both" });
    } else if (!hasSegments && !hasTemplate) {
      ctx.addIssue({ code: 'custom', path: ['template_id'], message: "section needs either 'segments' or 'template_id'" });
    }
    if (hasSegments) {
      const segs = [...s.segments!].sort((a, b) => a.start_bar - b.start_bar || a.end_bar - b.end_bar);
      if (segs[0].start_bar !== s.start_bar) ctx.addIssue({ code: 'custom', path: ['segments'], message: 'first segment must start at the section start_bar' });
      if (segs[segs.length - 1].end_bar !== s.end_bar) ctx.addIssue({ code: 'custom', path: ['segments'], message: 'last segment must end at the section end_bar' });
      for (let i = 0; i < segs.length - 1; i++) {
        if (segs[i].end_bar + 1 !== segs[i + 1].start_bar) {
          ctx.addIssue({ code: 'custom', path: ['segments'], message: 'segments must be contiguous and non-overlapping' });
          break;
        }
      }
    }
  });

/** ChoreographyPlan, lenient over both planner eras. */
export const twChoreographyPlanSchema = z.looseObject({
  sections: z.array(twPlanSectionSchema).min(1),
  overall_strategy: z.string().optional(),
});

// ---- wrappers and project-level files --------------------------------------------------------

/** `<project>[_<run>]_iterNN_raw.json`; run_id is null when `start_run()` was never called. */
export const twIterationRawSchema = z.looseObject({
  run_id: z.string().nullish(),
  iteration: z.int().min(1),
  checkpoint_type: z.literal('raw'),
  plan: z.unknown(),
});

export const twIterationEvaluationSchema = z.looseObject({
  run_id: z.string().nullish(),
  iteration: z.int().min(1),
  checkpoint_type: z.literal('evaluation'),
  evaluation: z.unknown(),
  plan_sections: z.int().min(0).optional(),
  score: z.number().optional(),
  decision: z.enum(TW_JUDGE_DECISIONS).optional(),
});

/**
 * `<project>_final.json`, both eras: iteration era `total_tokens`/`duration_seconds` (+ best_score
 * and reason when INCOMPLETE); old era `implementation`, `tokens_used`, `execution_time_s`.
 */
export const twFinalSchema = z
  .looseObject({
    status: z.enum(TW_FINAL_STATUSES),
    plan: z.record(z.string(), z.unknown()),
    evaluation: z.record(z.string(), z.unknown()).optional(),
    implementation: z.record(z.string(), z.unknown()).optional(),
    iterations: z.int().min(0).optional(),
    total_tokens: z.number().min(0).optional(),
    tokens_used: z.number().min(0).optional(),
    duration_seconds: z.number().min(0).optional(),
    execution_time_s: z.number().min(0).optional(),
    best_score: z.number().optional(),
    reason: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.status === 'INCOMPLETE') {
      if (f.best_score === undefined) ctx.addIssue({ code: 'custom', path: ['best_score'], message: 'an INCOMPLETE final plan should carry best_score' });
      if (f.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an INCOMPLETE final plan should carry a reason' });
    }
  });

/** `checkpoints/<project>_audio.json`: audio features; only a couple of keys are shown. */
export const twAudioSchema = z.looseObject({
  tempo_bpm: z.number().optional(),
  duration_s: z.number().optional(),
});

/** `checkpoints/<project>_sequence.json`: xLights sequence analysis. */
export const twSequenceSchema = z.looseObject({
  schema_version: z.string().optional(),
  xsq_path: z.string().optional(),
  duration_s: z.number().optional(),
});
