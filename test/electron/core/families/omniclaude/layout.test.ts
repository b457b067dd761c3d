import { describe, expect, it } from 'vitest';
import { omniClaudeAdapter } from '../../../../../electron/core/families/omniclaude';

const RUN = 'checkpoints/OMN-2144/4fa2159f-9c61-5f8b-9ae5-28692b46cbd7';

describe('OmniClaude classify (path only)', () => {
  it('claims checkpoints as YAML read the way PyYAML reads it, grouped by run folder', () => {
    expect(omniClaudeAdapter.classify(`${RUN}/phase_2_local_review_a3.yaml`)).toEqual({
      family: 'omniclaude',
      groupKey: `oc:${RUN}`,
      role: 'checkpoint',
      format: 'pyyaml',
    });
    // Upper-case UUID folders and short-id folders are runs too.
    expect(omniClaudeAdapter.classify('OMN-1/4FA2159F-9C61-5F8B-9AE5-28692B46CBD7/phase_1_implement_a1.yaml')?.role).toBe('checkpoint');
    expect(omniClaudeAdapter.classify('OMN-1/a1b2c3d4/phase_1_implement_a1.yaml')?.groupKey).toBe('oc:OMN-1/a1b2c3d4');
  });

  it('claims Greenlight decision sidecars as JSON in the same group', () => {
    expect(omniClaudeAdapter.classify(`${RUN}/greenlight-decision_ready_for_merge_a1.json`)).toEqual({
      family: 'omniclaude',
      groupKey: `oc:${RUN}`,
      role: 'decision',
      format: 'json',
    });
  });

  it('claims phase_*.yaml strays (the pipeline glob would load them) without decoding them', () => {
    expect(omniClaudeAdapter.classify(`${RUN}/phase_1_implement_a1.review.yaml`)).toMatchObject({ role: 'stray', format: 'none' });
    expect(omniClaudeAdapter.classify(`${RUN}/phase_notes.yaml`)).toMatchObject({ role: 'stray' });
    // …but not in folders that are not plainly runs.
    expect(omniClaudeAdapter.classify('docs/plans/phase_notes.yaml')).toBeNull();
  });

  it('ignores everything else', () => {
    expect(omniClaudeAdapter.classify('phase_1_implement_a1.yaml')).toBeNull();
    expect(omniClaudeAdapter.classify('OMN-1/phase_1_implement_a1.yaml')).toBeNull();
    expect(omniClaudeAdapter.classify(`${RUN}/phase_1_implement_a1.yml`)).toBeNull();
    expect(omniClaudeAdapter.classify(`${RUN}/.ckpt_ab12cd.tmp`)).toBeNull();
    expect(omniClaudeAdapter.classify(`${RUN}/.review/phase_1_implement_a1.yaml`)).toBeNull();
    expect(omniClaudeAdapter.classify(`${RUN}/notes.json`)).toBeNull();
  });
});
