import { describe, expect, it } from 'vitest';
import type { AvExportRecord } from '../../../../../electron/core/families/aivideo/records';
import { VIDEO, branchInfo, checkpoint, parseAv } from './parse-helpers';

function exp(data: unknown) {
  const { record, problems } = parseAv(data);
  return { record: record as AvExportRecord, problems };
}
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('aivideo export shapes (FORMATS.md §4.2, §4.4)', () => {
  it('reads the bare checkpoint-tree array, with nesting as parents', () => {
    const child = checkpoint({ id: 'cp-child', branch_name: 'main-1', phase_number: 2, parent_checkpoint_id: 'cp-6a1f0c52-3b7e-4d8a-9c21-0e5f4d3c2b1a', artifacts: [] });
    const { record, problems } = exp([{ checkpoint: checkpoint(), children: [{ checkpoint: child, children: [] }] }]);
    expect(problems).toEqual([]);
    expect(record.shapes).toEqual(['tree']);
    expect(record.checkpoints.map((c) => [c.id, c.treeParentId, c.pointer])).toEqual([
      ['cp-6a1f0c52-3b7e-4d8a-9c21-0e5f4d3c2b1a', undefined, '/0/checkpoint'],
      ['cp-child', 'cp-6a1f0c52-3b7e-4d8a-9c21-0e5f4d3c2b1a', '/0/children/0/checkpoint'],
    ]);
    expect(record.checkpoints[0].artifacts?.[0]).toMatchObject({ type: 'spec', key: 'spec', version: 1, pointer: '/0/checkpoint/artifacts/0', specSummary: '1 beat · 30 s · Chrono X', productName: 'Chrono X' });
    // A list entry's empty artifacts list says nothing (the list endpoint omits them).
    expect(record.checkpoints[1].artifacts).toBeUndefined();
  });

  it('reads the wrapped shapes the docs describe: {tree}, {checkpoints}, {branches}, {checkpoint}', () => {
    const tree = exp({ tree: [{ checkpoint: checkpoint(), children: null }] });
    expect(tree.record.shapes).toEqual(['wrapped:tree']);
    expect(tree.record.checkpoints).toHaveLength(1);
    const both = exp({ checkpoints: [checkpoint()], tree: [{ checkpoint: checkpoint() }] });
    expect(both.record.shapes).toEqual(['wrapped:tree', 'wrapped:checkpoints']);
    expect(both.problems).toEqual([]);
    const branches = exp({ branches: [branchInfo()] });
    expect(branches.record.branches).toEqual([expect.objectContaining({ branch: 'main', phase: 1, status: 'pending', canContinue: true, pointer: '/branches/0' })]);
    const one = exp({ checkpoint: checkpoint() });
    expect(one.record.shapes).toEqual(['wrapped:checkpoint']);
    expect(one.record.checkpoints[0]).toMatchObject({ source: 'detail', pointer: '/checkpoint' });
  });

  it('reads a bare checkpoint list, a bare branch list, one bare checkpoint and a lone tree node', () => {
    expect(exp([checkpoint(), checkpoint({ id: 'cp-2', phase_number: 2 })]).record).toMatchObject({ shapes: ['checkpoints'] });
    expect(exp([branchInfo(), branchInfo({ branch_name: 'main-1' })]).record.branches).toHaveLength(2);
    expect(exp(checkpoint()).record).toMatchObject({ shapes: ['checkpoint'], checkpoints: [{ pointer: '' }] });
    expect(exp({ checkpoint: checkpoint(), children: [] }).record).toMatchObject({ shapes: ['tree-node'], checkpoints: [{ pointer: '/checkpoint' }] });
  });

  it('reads the status object, with null instead of [] and upper-case video status', () => {
    const { record, problems } = exp({ video_id: VIDEO, status: 'PAUSED_AT_PHASE1', progress: 25, current_phase: 'phase1', error: null, current_checkpoint: null, checkpoint_tree: null, active_branches: null });
    expect(problems).toEqual([]);
    expect(record.status).toEqual({ videoId: VIDEO, status: 'paused_at_phase1', progress: 25, currentPhase: 'phase1', error: undefined, currentCheckpointId: undefined, hasTree: false, hasBranches: false });
  });

  it('reads current_checkpoint with its artifacts keyed by artifact_key, and the embedded tree and branches', () => {
    const info = {
      checkpoint_id: 'cp-9', branch_name: 'main', phase_number: 2, version: 1, status: 'pending', created_at: '2025-11-21T09:00:00Z',
      artifacts: { beat_0: { id: 'art-1', artifact_type: 'beat_image', artifact_key: 'beat_0', s3_url: 'https://x/beat_00_v1.png', version: 1, metadata: null, created_at: '2025-11-21T09:00:00Z' } },
    };
    const { record, problems } = exp({ video_id: VIDEO, status: 'paused_at_phase2', progress: 40, current_checkpoint: info, checkpoint_tree: [{ checkpoint: checkpoint({ status: 'approved', approved_at: '2025-11-21T08:50:00Z' }), children: [] }], active_branches: [branchInfo({ latest_checkpoint_id: 'cp-9', phase_number: 2 })] });
    expect(problems).toEqual([]);
    expect(record.status?.currentCheckpointId).toBe('cp-9');
    const cur = record.checkpoints.find((c) => c.id === 'cp-9')!;
    expect(cur).toMatchObject({ source: 'status', videoId: VIDEO, phase: 2 });
    expect(cur.artifacts?.[0]).toMatchObject({ key: 'beat_0', pointer: '/current_checkpoint/artifacts/beat_0' });
    expect(record.checkpoints.find((c) => c.source === 'tree')?.pointer).toBe('/checkpoint_tree/0/checkpoint');
    expect(record.branches[0].pointer).toBe('/active_branches/0');
  });

  it('names what it expected when the shape is unknown', () => {
    for (const data of [{ videos: [] }, 'hello', 42, [{ foo: 1 }], null]) {
      const { problems } = exp(data);
      const p = problems.find((x) => x.code === 'av.unknown_shape');
      expect(p, JSON.stringify(data)).toBeDefined();
      expect(p!.severity).toBe('error');
      expect(p!.message).toMatch(/checkpoint-tree array.*status object.*wrapped/);
    }
  });

  it('warns about an empty export', () => {
    expect(codes(exp([]).problems)).toEqual(['av.empty']);
    expect(codes(exp({ tree: null }).problems)).toEqual(['av.empty']);
  });
});

describe('aivideo checkpoint validation', () => {
  const cases: Array<[string, Record<string, unknown>, 'error' | 'warning', string, string]> = [
    ['id not cp-…', { id: 'checkpoint-1' }, 'warning', 'av.checkpoint_id', '/id'],
    ['id missing', { id: undefined }, 'error', 'av.missing_field', '/id'],
    ['phase_number 5', { phase_number: 5 }, 'error', 'schema.too_big', '/phase_number'],
    ['phase_number 0', { phase_number: 0 }, 'error', 'schema.too_small', '/phase_number'],
    ['phase_number as text', { phase_number: '2' }, 'error', 'schema.invalid_type', '/phase_number'],
    ['version 0', { version: 0 }, 'error', 'schema.too_small', '/version'],
    ['version 1.5', { version: 1.5 }, 'error', 'schema.invalid_type', '/version'],
    ['status not in the enum', { status: 'rejected' }, 'error', 'schema.custom', '/status'],
    ['status in upper case', { status: 'PENDING' }, 'warning', 'av.status_case', '/status'],
    ['branch name not main(-n)*', { branch_name: 'feature/x' }, 'warning', 'av.branch_name', '/branch_name'],
    ['branch name main-a', { branch_name: 'main-a' }, 'warning', 'av.branch_name', '/branch_name'],
    ['negative cost', { cost_usd: -1 }, 'error', 'schema.too_small', '/cost_usd'],
    ['cost missing', { cost_usd: undefined }, 'error', 'av.missing_field', '/cost_usd'],
    ['created_at not a date', { created_at: 'tuesday' }, 'error', 'av.bad_timestamp', '/created_at'],
    ['created_at without zone', { created_at: '2025-11-21T08:41:02' }, 'warning', 'av.naive_timestamp', '/created_at'],
    ['approved without approved_at', { status: 'approved', approved_at: null }, 'warning', 'av.approved_without_time', '/approved_at'],
    ['pending with approved_at', { approved_at: '2025-11-21T08:45:00Z' }, 'warning', 'av.pending_with_time', '/approved_at'],
    ['video_id missing', { video_id: undefined }, 'error', 'av.missing_field', '/video_id'],
    ['artifact version 0', { artifacts: [{ ...checkpoint().artifacts[0], version: 0 }] }, 'error', 'schema.too_small', '/artifacts/0/version'],
    ['artifact id not art-…', { artifacts: [{ ...checkpoint().artifacts[0], id: 'a1' }] }, 'warning', 'av.artifact_id', '/artifacts/0/id'],
    ['artifact not an object', { artifacts: ['spec'] }, 'error', 'av.artifact', '/artifacts/0'],
  ];
  for (const [name, over, severity, code, field] of cases) {
    it(`${severity}: ${name}`, () => {
      const { problems, record } = exp([checkpoint(over)]);
      const hit = problems.find((p) => p.code === code);
      expect(hit, JSON.stringify(problems, null, 1)).toBeDefined();
      expect(hit!.severity).toBe(severity);
      expect(hit!.field).toBe(`/0${field}`);
      expect(record.checkpoints).toHaveLength(1); // lenient: still read
      if (severity === 'warning') expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    });
  }

  it('accepts a DECIMAL cost written as text and a +00:00 offset', () => {
    const { problems, record } = exp([checkpoint({ cost_usd: '0.1250', created_at: '2025-11-21T10:41:02+02:00' })]);
    expect(problems).toEqual([]);
    expect(record.checkpoints[0]).toMatchObject({ costUsd: 0.125, createdAt: '2025-11-21T08:41:02.000Z' });
  });

  it('warns when can_continue disagrees with the status (the docs example), and goes by the status', () => {
    const { problems, record } = exp([branchInfo({ can_continue: false })]);
    expect(codes(problems)).toEqual(['av.can_continue_mismatch']);
    expect(record.branches[0].status).toBe('pending');
  });

  it('checks branch entries and tree nodes', () => {
    expect(codes(exp([branchInfo({ phase_number: 7 })]).problems)).toContain('schema.too_big');
    expect(codes(exp([{ checkpoint: checkpoint(), children: 'none' }]).problems)).toContain('schema.invalid_type');
    expect(codes(exp({ tree: [{ checkpoint: 'x' }] }).problems)).toEqual(['av.tree_node']);
  });

  it('warns about an unknown video status and a checkpoint of another video inside a status object', () => {
    const { problems } = exp({ video_id: VIDEO, status: 'rendering', progress: 1, checkpoint_tree: [{ checkpoint: checkpoint({ video_id: 'other' }) }] });
    expect(codes(problems).sort()).toEqual(['av.video_mismatch', 'av.video_status']);
  });

  it('never throws on odd data', () => {
    const odd: unknown[] = [[null], [[]], { tree: {} }, { checkpoints: [1, 2] }, { current_checkpoint: 5 }, { video_id: 1, progress: 'x', checkpoint_tree: [null] },
      [{ checkpoint: { artifacts: { a: 1 } } }], { checkpoint: null }, { branches: [null, 'x'] }];
    for (const d of odd) expect(() => exp(d)).not.toThrow();
  });
});
