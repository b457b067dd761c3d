// Judge evaluations in both eras, normalised to one 0–10 scale (FORMATS.md §2.2):
// - JudgeResponse (2026-01-25 on): `decision` APPROVE/SOFT_FAIL/HARD_FAIL and `score` 0–10;
// - the old judge_critic evaluation: `overall_score` 0–100, `category_scores`, `pass_threshold`.
// In the iteration era nothing forced the decision to agree with the score, and Twinklr acts
// on the decision, so a disagreement is worth a warning.
import type { Review, ReviewIssue } from '../../../../shared/model';
import {
  TW_JUDGE_DECISIONS,
  decisionForScore,
  twJudgeResponseSchema,
  twOldEvaluationSchema,
  type TwJudgeDecision,
} from '../../../../shared/schemas/twinklr';
import type { ProblemDraft } from '../family-adapter';
import { check } from '../../validate/zod-problems';
import type { TwEvaluationSummary } from './records';
import { clip, finiteNumber, fmtScore, isObject, str } from './text';

const MAX_LIST = 50;

export function evaluationShape(data: unknown): TwEvaluationSummary['shape'] {
  if (!isObject(data)) return 'unknown';
  if ('overall_score' in data) return 'old';
  if ('decision' in data || 'score' in data) return 'judge';
  return 'unknown';
}

export function readEvaluation(data: unknown, base: string): { evaluation: TwEvaluationSummary; problems: ProblemDraft[] } {
  const shape = evaluationShape(data);
  if (!isObject(data) || shape === 'unknown') {
    return {
      evaluation: { shape: 'unknown' },
      problems: [
        {
          severity: 'error',
          field: base,
          code: 'tw.evaluation_shape',
          message: isObject(data)
            ? 'not a judge evaluation: it has neither decision/score (JudgeResponse, 0–10) nor overall_score (old judge, 0–100)'
            : 'the evaluation must be a JSON object',
        },
      ],
    };
  }
  return shape === 'old' ? readOldEvaluation(data, base) : readJudgeResponse(data, base);
}

function readJudgeResponse(data: Record<string, unknown>, base: string) {
  const { problems } = check(twJudgeResponseSchema, data, { base });
  const score = finiteNumber(data.score);
  const decision = str(data.decision);
  if (score !== undefined && decision && (TW_JUDGE_DECISIONS as readonly string[]).includes(decision) && score >= 0 && score <= 10) {
    const expected = decisionForScore(score);
    if (expected !== decision) {
      problems.push({
        severity: 'warning',
        field: `${base}/decision`,
        code: 'tw.decision_score_mismatch',
        message: `judge decided ${decision} but its score ${fmtScore(score)} lies in the ${expected} band (${band(expected)}); Twinklr acts on the decision`,
      });
    }
  }
  const issues: ReviewIssue[] = [];
  if (Array.isArray(data.issues)) {
    for (const it of data.issues.slice(0, MAX_LIST)) {
      if (!isObject(it)) continue;
      const text = str(it.issue) ?? str(it.description);
      if (!text) continue;
      issues.push({
        severity: str(it.severity) ?? 'unknown',
        text: clip(text),
        location: str(it.location),
        suggestion: str(it.suggestion) !== undefined ? clip(str(it.suggestion)!) : undefined,
      });
    }
  }
  const review: Review = {
    source: 'judge',
    score,
    rawScore: score,
    scale: score !== undefined ? 10 : undefined,
    decision,
    // The seed docs' example used reasoning/feedback; take them when the real keys are absent.
    summary: textOf(data.overall_assessment) ?? textOf(data.reasoning),
    strengths: stringList(data.strengths),
    issues,
    feedback: textOf(data.feedback_for_planner) ?? textOf(data.feedback),
    scores: [],
  };
  return { evaluation: { shape: 'judge' as const, score, rawScore: score, scale: score !== undefined ? 10 : undefined, decision, review }, problems };
}

function readOldEvaluation(data: Record<string, unknown>, base: string) {
  const { problems } = check(twOldEvaluationSchema, data, { base });
  const raw = finiteNumber(data.overall_score);
  const score = raw !== undefined ? raw / 10 : undefined;
  const pass = data.pass_threshold;
  const decision = pass === true ? 'PASS' : pass === false ? 'FAIL' : undefined;
  const scores: Review['scores'] = [];
  if (Array.isArray(data.category_scores)) {
    for (const c of data.category_scores.slice(0, MAX_LIST)) {
      if (!isObject(c)) continue;
      const name = str(c.category);
      const s = finiteNumber(c.score);
      if (name && s !== undefined) scores.push({ name, score: s / 10, max: 10 });
    }
  }
  if (isObject(data.channel_scoring)) {
    // Channel appraisals were already on 0–10 in the old judge.
    for (const [k, v] of Object.entries(data.channel_scoring)) {
      const s = finiteNumber(v);
      if (s !== undefined && scores.length < MAX_LIST) scores.push({ name: k.replace(/_/g, ' '), score: s, max: 10 });
    }
  }
  const feedbackLines = stringList(data.actionable_feedback);
  const review: Review = {
    source: 'judge',
    score,
    rawScore: raw,
    scale: raw !== undefined ? 100 : undefined,
    decision,
    summary: textOf(data.summary) ?? textOf(data.story_overview),
    strengths: [],
    issues: feedbackLines.map((text) => ({ severity: 'feedback', text })),
    feedback: feedbackLines.length ? feedbackLines.join('\n') : undefined,
    scores,
  };
  return { evaluation: { shape: 'old' as const, score, rawScore: raw, scale: raw !== undefined ? 100 : undefined, decision, review }, problems };
}

function band(d: TwJudgeDecision): string {
  return d === 'APPROVE' ? '≥ 7.0' : d === 'SOFT_FAIL' ? '5.0–6.9' : '< 5.0';
}

function textOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? clip(v, 4000) : undefined;
}

function stringList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.filter((s): s is string => typeof s === 'string').slice(0, MAX_LIST).map((s) => clip(s));
}

export function evaluationSummaryText(e: TwEvaluationSummary): string | undefined {
  const parts: string[] = [];
  if (e.score !== undefined) parts.push(`score ${fmtScore(e.score)}/10${e.scale === 100 && e.rawScore !== undefined ? ` (${fmtScore(e.rawScore)}/100)` : ''}`);
  if (e.decision) parts.push(e.decision);
  return parts.length ? parts.join(' · ') : undefined;
}
