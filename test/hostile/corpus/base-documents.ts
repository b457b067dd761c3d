// Small, valid documents of each family (written for this corpus, shaped like what each
// pipeline's own code writes), which the hostile cases then damage one way each.

export const NOW_ISO = '2026-11-20T10:00:00+00:00';

export function omCheckpoint(projectId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '1.0',
    project_id: projectId,
    pipeline_type: 'animated-explainer',
    stage: 'script',
    status: 'awaiting_human',
    timestamp: NOW_ISO,
    checkpoint_policy: 'guided',
    human_approval_required: true,
    human_approved: false,
    artifacts: { script: { title: 'Why tides turn', sections: [{ id: 's1', text: 'The moon pulls.' }] } },
    review: { scores: { hook_power: 4, clarity: 5 }, summary: 'Tight and clear.' },
    ...over,
  };
}

export function twEvaluation(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    run_id: 'a3f9b2c1',
    iteration: 1,
    checkpoint_type: 'evaluation',
    evaluation: {
      decision: 'SOFT_FAIL',
      score: 6.4,
      strengths: ['Choruses lift energy'],
      issues: [{ severity: 'minor', location: 'outro', issue: 'Too bright', suggestion: 'Dim it' }],
      feedback_for_planner: 'Calm the outro.',
      overall_assessment: 'Solid.',
    },
    plan_sections: 4,
    score: 6.4,
    decision: 'SOFT_FAIL',
    ...over,
  };
}

export function twRaw(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    run_id: 'a3f9b2c1',
    iteration: 1,
    checkpoint_type: 'raw',
    plan: { overall_strategy: 'Build to the chorus', sections: [{ section_id: 'intro', section_name: 'Intro', start_bar: 1, end_bar: 8, template_id: 'fade_in', energy: 30 }] },
    ...over,
  };
}

/** An OmniClaude phase checkpoint (PyYAML style) for the run folder `runId`. */
export function ocImplement(ticket: string, runId: string, extra = ''): string {
  return [
    'schema_version: 1.0.0',
    `run_id: ${runId}`,
    `ticket_id: ${ticket}`,
    'phase: implement',
    "timestamp_utc: '2026-11-20T10:09:46.678934Z'",
    'repo_commit_map:',
    '  acme-web: 217650dd79862d2c0b788de57e7feb558dfcf044',
    'artifact_paths:',
    '- docs/changes/notes.md',
    'attempt_number: 1',
    'phase_payload:',
    '  phase: implement',
    '  branch_name: fix/contrast',
    '  commit_sha: 217650dd79862d2c0b788de57e7feb558dfcf044',
    '  files_changed:',
    '  - src/colors.ts',
    extra,
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n';
}

export function ccCheckpoint(workAbs: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    source_file: `${workAbs.replace(/_cinecut_work$/, '')}.mp4`,
    vibe: 'romance',
    stages_complete: ['proxy', 'subtitles', 'keyframes'],
    proxy_path: `${workAbs}/film_proxy.mp4`,
    keyframe_count: 2,
    dialogue_event_count: 9,
    inference_complete: false,
    cache_hit: null,
    manifest_path: null,
    assembly_manifest_path: null,
    proxy_duration_s: 24.0,
    structural_anchors: null,
    ...over,
  };
}

export function avExport(over: Record<string, unknown> = {}, checkpoint: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    video_id: '2cf68d46-3651-47cc-8123-1d2e8ecc497e',
    status: 'paused_at_phase2',
    progress: 40,
    current_phase: 'phase2',
    error: null,
    current_checkpoint: {
      checkpoint_id: 'cp-8c8bb79c-04e7-46a8-a472-8b29048690f7',
      branch_name: 'main',
      phase_number: 2,
      version: 1,
      status: 'pending',
      created_at: '2026-11-20T09:21:55.318066Z',
      artifacts: {
        beat_0: {
          id: 'art-facc0e45-58dc-49b9-988c-0ce159cc0687',
          artifact_type: 'beat_image',
          artifact_key: 'beat_0',
          s3_url: 'https://media.example/videos/beat_00_v1.png',
          version: 1,
          created_at: '2026-11-20T09:21:55.318066Z',
        },
      },
      ...checkpoint,
    },
    ...over,
  };
}

export function gateFile(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { question: 'Ship this cut?', requested_at: '2026-11-20T10:00:00Z', options: ['ship', 'hold'], ...over };
}

export const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';
