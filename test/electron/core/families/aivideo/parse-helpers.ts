// Runs the aivideo adapter's parse on a value, as the core would after JSON decoding.
import { aiVideoAdapter } from '../../../../../electron/core/families/aivideo';
import type { AvConfigRecord, AvExportRecord } from '../../../../../electron/core/families/aivideo/records';

export function parseAv(data: unknown, rel = 'aivideo/export.json') {
  const classification = aiVideoAdapter.classify(rel);
  if (!classification) throw new Error(`not classified: ${rel}`);
  const out = aiVideoAdapter.parse({
    fileId: 'f1', rootId: 'r1', rootPath: '/nowhere', abs: `/nowhere/${rel}`, rel, size: 1, mtimeMs: 0, classification,
    data: JSON.parse(JSON.stringify(data ?? null)), text: JSON.stringify(data ?? null),
  });
  return out as { record?: AvExportRecord | AvConfigRecord; problems: typeof out.problems };
}

export const VIDEO = '3f2b8c1e-7d4a-4e9b-a5c6-1d2e3f4a5b6c';

export function checkpoint(over: Record<string, unknown> = {}) {
  return {
    id: 'cp-6a1f0c52-3b7e-4d8a-9c21-0e5f4d3c2b1a',
    video_id: VIDEO,
    branch_name: 'main',
    phase_number: 1,
    version: 1,
    status: 'pending',
    approved_at: null,
    created_at: '2025-11-21T08:41:02.118200Z',
    cost_usd: 0.0008,
    parent_checkpoint_id: null,
    user_id: 'uid-1',
    edit_description: null,
    artifacts: [
      {
        id: 'art-0d9c8b7a-6f5e-4d3c-b2a1-908172635445',
        artifact_type: 'spec',
        artifact_key: 'spec',
        s3_url: '',
        version: 1,
        metadata: { spec: { duration: 30, beats: [{ beat_id: 'hero_shot' }], product: { name: 'Chrono X' } } },
        created_at: '2025-11-21T08:41:02.120000Z',
      },
    ],
    ...over,
  };
}

export function branchInfo(over: Record<string, unknown> = {}) {
  return { branch_name: 'main', latest_checkpoint_id: 'cp-6a1f0c52-3b7e-4d8a-9c21-0e5f4d3c2b1a', phase_number: 1, status: 'pending', can_continue: true, ...over };
}
