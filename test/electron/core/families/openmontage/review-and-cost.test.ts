import { describe, expect, it } from 'vitest';
import { inferScale, normaliseReview } from '../../../../../electron/core/families/openmontage/review';
import { normaliseCost } from '../../../../../electron/core/families/openmontage/cost';

describe('OpenMontage review normalisation', () => {
  it('reads {scores, summary} on a 0–5 scale', () => {
    const r = normaliseReview({ scores: { hook_power: 4, narrative_flow: 5, pacing: 4, climax: 5 }, summary: '69-word script' })!;
    expect(r).toMatchObject({ source: 'reviewer', rawScore: 4.5, scale: 5, score: 9, summary: '69-word script' });
    expect(r.scores).toEqual([
      { name: 'hook_power', score: 4, max: 5 },
      { name: 'narrative_flow', score: 5, max: 5 },
      { name: 'pacing', score: 4, max: 5 },
      { name: 'climax', score: 5, max: 5 },
    ]);
  });

  it('reads self_eval scores and turns the remaining scalar facts into feedback', () => {
    const r = normaliseReview({ summary: 'Assets complete', assets_ready: 7, assets_blocked: 0, self_eval: { completeness: 5, audio_quality: 4 } })!;
    expect(r.score).toBe(9);
    expect(r.summary).toBe('Assets complete');
    expect(r.feedback).toBe('assets ready: 7 · assets blocked: 0');
  });

  it('infers the scale from the largest score: 0–1, 0–5, 0–10, 0–100', () => {
    expect(inferScale([0.82, 0.6])).toBe(1);
    expect(inferScale([3, 5])).toBe(5);
    expect(inferScale([7.5, 6])).toBe(10);
    expect(inferScale([85, 40])).toBe(100);
    expect(inferScale([250])).toBeUndefined();
    expect(normaliseReview({ scores: { a: 0.8, b: 0.6 } })).toMatchObject({ score: 7, scale: 1 });
    expect(normaliseReview({ scores: { a: 85, b: 75 } })).toMatchObject({ score: 8, scale: 100 });
    expect(normaliseReview({ scores: { a: 250 } })?.score).toBeUndefined();
  });

  it('prefers an explicit overall score and scale', () => {
    expect(normaliseReview({ score: 3, scale: 4, scores: { a: 1 } })).toMatchObject({ rawScore: 3, scale: 4, score: 7.5 });
    expect(normaliseReview({ overall_score: 8 })).toMatchObject({ rawScore: 8, scale: 10, score: 8 });
  });

  it('maps review.schema.json findings and the real {decision, findings, summary:{…}} shape', () => {
    const r = normaliseReview({
      decision: 'PASS',
      round: 1,
      findings: [
        { severity: 'suggestion', title: 'Secondary sources', description: 'Mostly trade press', proposed_change: 'Use as direction only', status: 'accepted' },
        { severity: 'critical', description: 'Scene 3 overruns', location: 'scene-3', disposition: 'pending' },
        'loose note',
      ],
      summary: { critical: 0, suggestions: 1, success_criteria_met: '4/4' },
    })!;
    expect(r.decision).toBe('PASS');
    expect(r.summary).toBe('critical: 0 · suggestions: 1 · success criteria met: 4/4');
    expect(r.feedback).toBe('round: 1');
    expect(r.issues).toEqual([
      { severity: 'suggestion', text: 'Secondary sources: Mostly trade press', suggestion: 'Use as direction only', disposition: 'accepted', location: undefined },
      { severity: 'critical', text: 'Scene 3 overruns', location: 'scene-3', disposition: 'pending', suggestion: undefined },
      { severity: 'note', text: 'loose note' },
    ]);
    expect(r.score).toBeUndefined();
  });

  it('summarises {decision, critical, suggestions} counts', () => {
    expect(normaliseReview({ decision: 'PASS', critical: 0, suggestions: 0, success_criteria_met: '2/2' })?.summary).toBe(
      'critical: 0 · suggestions: 0 · success criteria met: 2/2',
    );
  });

  it('ignores reviews that are not objects', () => {
    for (const v of [undefined, null, 'fine', 3, []]) expect(normaliseReview(v)).toBeUndefined();
  });
});

describe('OpenMontage cost_snapshot normalisation', () => {
  it('reads the schema keys', () => {
    expect(normaliseCost({ total_spent_usd: 0.5, total_reserved_usd: 0.25, budget_remaining_usd: 1.25 })).toEqual({
      spentUsd: 0.5,
      reservedUsd: 0.25,
      remainingUsd: 1.25,
      budgetUsd: 2,
    });
  });

  it('reads the keys real files use', () => {
    expect(normaliseCost({ spent_usd: 0, budget_usd: 2, paid_calls: 0 })).toEqual({ spentUsd: 0, budgetUsd: 2, remainingUsd: 2, note: '0 paid calls' });
    expect(normaliseCost({ spent_usd: 0.0, note: 'No paid generation' })).toEqual({ spentUsd: 0, note: 'No paid generation' });
  });

  it('returns nothing for empty or malformed snapshots', () => {
    for (const v of [undefined, null, {}, { spent_usd: 'free' }, [1]]) expect(normaliseCost(v)).toBeUndefined();
  });
});
