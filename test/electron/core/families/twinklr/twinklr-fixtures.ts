// Builders for Twinklr checkpoint files as the 2026-01 writer produced them (FORMATS.md §2.2),
// written into temporary folders with chosen modification times.
import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/twinklr');

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
}

export function judge(decision: 'APPROVE' | 'SOFT_FAIL' | 'HARD_FAIL', score: number, extra: Record<string, unknown> = {}) {
  return {
    decision,
    score,
    strengths: ['Chorus sweeps match the hook'],
    issues: [{ severity: 'minor', location: 'outro', issue: 'Outro energy too high', suggestion: 'Lower it to 30' }],
    feedback_for_planner: `Iteration feedback (${decision})`,
    overall_assessment: `Assessment at ${score}`,
    ...extra,
  };
}

export function plan(sections = 2) {
  return {
    sections: Array.from({ length: sections }, (_, i) => ({
      section_name: `section_${i + 1}`,
      start_bar: i * 8 + 1,
      end_bar: i * 8 + 8,
      template_id: 'slow_fan_breathe',
      modifiers: {},
      reasoning: 'fits the energy',
    })),
    overall_strategy: 'Restrained verses, big choruses',
  };
}

export function iterRaw(runId: string | null, iteration: number, p: unknown = plan()) {
  return { run_id: runId, iteration, checkpoint_type: 'raw', plan: p };
}

export function iterEval(runId: string | null, iteration: number, evaluation: Record<string, unknown>, planSections = 2) {
  return {
    run_id: runId,
    iteration,
    checkpoint_type: 'evaluation',
    evaluation,
    plan_sections: planSections,
    score: evaluation.score,
    decision: evaluation.decision,
  };
}

export function finalSuccess(evaluation: Record<string, unknown>, iterations: number) {
  return { status: 'SUCCESS', plan: plan(), evaluation, iterations, total_tokens: 15420, duration_seconds: 12.5 };
}

export function finalIncomplete(bestScore: number, iterations: number) {
  return {
    status: 'INCOMPLETE',
    plan: plan(),
    iterations,
    total_tokens: 40210,
    duration_seconds: 88.1,
    best_score: bestScore,
    reason: 'Max iterations reached without approval',
  };
}

/** A writer bound to a temp folder: `put(rel, data, t)` writes JSON and sets mtime to t seconds. */
export function jsonWriter(tmp: { write(rel: string, content: string): string }, base = 1_767_000_000) {
  return (rel: string, data: unknown, t = 0) => {
    const abs = tmp.write(rel, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    utimesSync(abs, base + t, base + t);
    return abs;
  };
}

export const BASE_TIME = 1_767_000_000;
