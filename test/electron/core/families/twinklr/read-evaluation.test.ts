import { describe, it, expect } from 'vitest';
import { readEvaluation } from '../../../../../electron/core/families/twinklr/read-evaluation';
import { readPlan } from '../../../../../electron/core/families/twinklr/read-plan';
import { fixture, judge } from './twinklr-fixtures';

describe('Twinklr evaluations', () => {
  it('reads a JudgeResponse on its own 0–10 scale', () => {
    const { evaluation, problems } = readEvaluation(fixture('judge-response-soft-fail.json'), '/evaluation');
    expect(problems).toEqual([]);
    expect(evaluation).toMatchObject({ shape: 'judge', score: 6.4, rawScore: 6.4, scale: 10, decision: 'SOFT_FAIL' });
    expect(evaluation.review).toMatchObject({
      source: 'judge',
      score: 6.4,
      decision: 'SOFT_FAIL',
      feedback: 'Differentiate verse_2 from verse_1 and calm the outro; keep the chorus choices.',
      summary: expect.stringContaining('solid structure'),
    });
    expect(evaluation.review!.strengths).toHaveLength(2);
    expect(evaluation.review!.issues[0]).toEqual({
      severity: 'moderate',
      text: 'Reuses the verse_1 template with identical modifiers, so the second verse feels static',
      location: 'verse_2 (bars 33-48)',
      suggestion: 'Switch to a pendulum template or raise movement_size to medium',
    });
  });

  it('normalises the old 0–100 evaluation to 0–10 and derives PASS/FAIL from pass_threshold', () => {
    const { evaluation, problems } = readEvaluation(fixture('old-era-evaluation.json'), '');
    expect(problems).toEqual([]);
    expect(evaluation).toMatchObject({ shape: 'old', score: 8.25, rawScore: 82.5, scale: 100, decision: 'PASS' });
    const r = evaluation.review!;
    expect(r.scores).toContainEqual({ name: 'Musical Alignment', score: 8.8, max: 10 });
    expect(r.scores).toContainEqual({ name: 'color appropriateness', score: 9, max: 10 });
    expect(r.issues.map((i) => i.text)).toEqual(['Thin the bridge to a single template', 'Add a snare-fill accent before each drop']);
    expect(r.feedback).toBe('Thin the bridge to a single template\nAdd a snare-fill accent before each drop');
    expect(r.summary).toBe('A coherent plan with good alignment; the bridge needs thinning.');

    const failed = readEvaluation({ ...fixture('old-era-evaluation.json'), pass_threshold: false, overall_score: 41 }, '');
    expect(failed.evaluation).toMatchObject({ score: 4.1, decision: 'FAIL' });
  });

  it.each([
    ['APPROVE', 6.9, 'SOFT_FAIL'],
    ['SOFT_FAIL', 7.0, 'APPROVE'],
    ['SOFT_FAIL', 4.99, 'HARD_FAIL'],
    ['HARD_FAIL', 5.0, 'SOFT_FAIL'],
  ] as const)('warns when %s disagrees with score %s (the %s band)', (decision, score, band) => {
    const { problems, evaluation } = readEvaluation(judge(decision, score), '/evaluation');
    expect(evaluation.decision).toBe(decision); // Twinklr acts on the decision: keep it
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', field: '/evaluation/decision', code: 'tw.decision_score_mismatch', message: expect.stringContaining(band) }),
    ]);
  });

  it.each([
    ['APPROVE', 7.0],
    ['SOFT_FAIL', 5.0],
    ['SOFT_FAIL', 6.9],
    ['HARD_FAIL', 4.9],
  ] as const)('accepts %s at %s', (decision, score) => {
    expect(readEvaluation(judge(decision, score), '').problems).toEqual([]);
  });

  it('reports bad judge fields with pointers and still reads the rest', () => {
    const { evaluation, problems } = readEvaluation({ ...judge('APPROVE', 12), decision: 'MAYBE', issues: [{ severity: 'minor' }] }, '/evaluation');
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('/evaluation/score');
    expect(fields).toContain('/evaluation/decision');
    expect(fields).toContain('/evaluation/issues/0/issue');
    expect(evaluation.score).toBe(12);
    expect(evaluation.review!.summary).toBe('Assessment at 12');
  });

  it('names an unknown evaluation shape', () => {
    expect(readEvaluation({ verdict: 'ok' }, '').problems[0]).toMatchObject({ code: 'tw.evaluation_shape', severity: 'error' });
    expect(readEvaluation('text', '/evaluation').problems[0]).toMatchObject({ field: '/evaluation' });
    expect(readEvaluation(null, '').evaluation.shape).toBe('unknown');
  });
});

describe('Twinklr plans', () => {
  it('summarises a segmented plan and accepts the segment rules', () => {
    const { plan, problems } = readPlan(fixture('plan-segmented.json'), '/plan');
    expect(problems).toEqual([]);
    expect(plan).toEqual({ sections: 2, strategy: 'Keep verses restrained and spend movement on the choruses.' });
  });

  it('reports PlanSection rule violations with pointers', () => {
    const p = fixture('plan-segmented.json') as { sections: Array<Record<string, unknown>> };
    p.sections[0].end_bar = 0; // below 1 and before start
    p.sections[1].template_id = 'both_given';
    const { problems, plan } = readPlan(p, '/plan');
    expect(plan.sections).toBe(2);
    const fields = problems.map((x) => x.field);
    expect(fields).toContain('/plan/sections/0/end_bar');
    expect(fields).toContain('/plan/sections/1/segments');
  });

  it('accepts the old planner era (name/templates)', () => {
    const old = { sections: [{ name: 'intro', start_bar: 1, end_bar: 16, templates: ['gentle_sweep'], params: { intensity: 'SMOOTH' } }], overall_strategy: 'x' };
    expect(readPlan(old, '').problems).toEqual([]);
  });

  it('requires at least one section', () => {
    expect(readPlan({ sections: [] }, '').problems[0]).toMatchObject({ field: '/sections' });
    expect(readPlan([], '').problems[0]).toMatchObject({ code: 'tw.plan_not_object' });
  });
});
