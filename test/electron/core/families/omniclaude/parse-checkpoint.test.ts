import { describe, expect, it } from 'vitest';
import { omniClaudeAdapter } from '../../../../../electron/core/families/omniclaude';
import type { OcCheckpointRecord } from '../../../../../electron/core/families/omniclaude/records';
import { parseYaml } from '../../../../../electron/core/read/parse-yaml';
import { RUN_DIR, RUN_UUID, VALID_IMPLEMENT, parseOc, withLine } from './parse-helpers';

const IMPLEMENT_REL = `${RUN_DIR}/phase_1_implement_a1.yaml`;

const CREATE_PR = `schema_version: 1.0.0
run_id: ${RUN_UUID}
ticket_id: OMN-2144
phase: create_pr
timestamp_utc: '2026-02-12T11:10:12Z'
repo_commit_map: {}
artifact_paths: []
attempt_number: 1
phase_payload:
  phase: create_pr
  pr_url: https://github.com/o/r/pull/7
  pr_number: 7
  head_sha: c3d4e5f
`;
const LOCAL_REVIEW = `schema_version: 1.0.0
run_id: ${RUN_UUID}
ticket_id: OMN-2144
phase: local_review
timestamp_utc: '2026-02-12T11:10:12Z'
attempt_number: 1
phase_payload:
  phase: local_review
  iteration_count: 2
  issue_fingerprints: [a, b]
  last_clean_sha: c3d4e5f
`;
const READY = `schema_version: 1.0.0
run_id: ${RUN_UUID}
ticket_id: OMN-2144
phase: ready_for_merge
timestamp_utc: '2026-02-12T12:31:07Z'
attempt_number: 1
phase_payload:
  phase: ready_for_merge
  label_applied_at: '2026-02-12T12:31:05Z'
`;

interface Case {
  name: string;
  rel?: string;
  text: string;
  severity: 'error' | 'warning';
  code: string;
  field?: string;
}

const set = (start: string, line: string, base = VALID_IMPLEMENT) => withLine(base, start, line);

// One failing checkpoint per rule of FORMATS.md §3.2/§3.3 (and the layout checks).
const CASES: Case[] = [
  // Validator errors
  { name: 'attempt_number < 1', text: set('attempt_number', 'attempt_number: 0'), severity: 'error', code: 'oc.attempt_lt_1', field: '/attempt_number' },
  { name: 'attempt a0 in the file name', rel: `${RUN_DIR}/phase_1_implement_a0.yaml`, text: set('attempt_number', 'attempt_number: 0'), severity: 'error', code: 'oc.attempt_lt_1', field: '' },
  { name: 'absolute artifact path', text: set('- src/foo.py', '- /home/dev/omniclaude/src/foo.py'), severity: 'error', code: 'oc.absolute_artifact_path', field: '/artifact_paths/0' },
  { name: 'repo SHA in upper case', text: set('  omniclaude:', '  omniclaude: A1B2C3D'), severity: 'error', code: 'oc.repo_sha', field: '/repo_commit_map/omniclaude' },
  { name: 'repo SHA too short', text: set('  omniclaude:', '  omniclaude: a1b2c'), severity: 'error', code: 'oc.repo_sha', field: '/repo_commit_map/omniclaude' },
  { name: 'repo SHA too long', text: set('  omniclaude:', `  omniclaude: ${'a'.repeat(41)}`), severity: 'error', code: 'oc.repo_sha', field: '/repo_commit_map/omniclaude' },
  { name: 'payload phase differs from header phase', text: set('  phase: implement', '  phase: local_review'), severity: 'error', code: 'oc.payload_phase_mismatch', field: '/phase_payload/phase' },
  // Model-level (hard) errors
  { name: 'naive timestamp (quoted)', text: set('timestamp_utc', "timestamp_utc: '2026-02-12T10:15:30.123456'"), severity: 'error', code: 'oc.naive_timestamp', field: '/timestamp_utc' },
  { name: 'naive timestamp (unquoted YAML timestamp)', text: set('timestamp_utc', 'timestamp_utc: 2026-02-12 10:15:30'), severity: 'error', code: 'oc.naive_timestamp', field: '/timestamp_utc' },
  { name: 'date without a time', text: set('timestamp_utc', 'timestamp_utc: 2026-02-12'), severity: 'error', code: 'oc.naive_timestamp', field: '/timestamp_utc' },
  { name: 'timestamp that is no date', text: set('timestamp_utc', "timestamp_utc: 'yesterday'"), severity: 'error', code: 'oc.bad_timestamp', field: '/timestamp_utc' },
  { name: 'impossible date', text: set('timestamp_utc', "timestamp_utc: '2026-02-30T10:00:00Z'"), severity: 'error', code: 'oc.bad_timestamp', field: '/timestamp_utc' },
  { name: '".." segment in an artifact path', text: set('- src/foo.py', '- src/../../secrets.env'), severity: 'error', code: 'oc.dotdot_artifact_path', field: '/artifact_paths/0' },
  { name: 'non-hex payload SHA', text: set('  commit_sha', '  commit_sha: xyz1234'), severity: 'error', code: 'oc.payload_sha', field: '/phase_payload/commit_sha' },
  { name: 'payload SHA shorter than 7', text: set('  commit_sha', '  commit_sha: abc12'), severity: 'error', code: 'oc.payload_sha', field: '/phase_payload/commit_sha' },
  { name: 'payload SHA longer than 40', text: set('  commit_sha', `  commit_sha: ${'b'.repeat(41)}`), severity: 'error', code: 'oc.payload_sha', field: '/phase_payload/commit_sha' },
  { name: 'unquoted all-digit repo SHA (an int to PyYAML)', text: set('  omniclaude:', '  omniclaude: 1234567'), severity: 'error', code: 'oc.sha_not_string', field: '/repo_commit_map/omniclaude' },
  { name: 'unquoted octal-looking repo SHA', text: set('  omniclaude:', '  omniclaude: 0123456'), severity: 'error', code: 'oc.sha_not_string', field: '/repo_commit_map/omniclaude' },
  { name: 'unquoted all-digit payload SHA', text: set('  commit_sha', '  commit_sha: 7654321'), severity: 'error', code: 'oc.sha_not_string', field: '/phase_payload/commit_sha' },
  { name: 'unknown top-level key', text: VALID_IMPLEMENT + 'reviewed_by: dana\n', severity: 'error', code: 'schema.unknown_key', field: '/reviewed_by' },
  { name: 'unknown payload key', text: VALID_IMPLEMENT + '  approved: true\n', severity: 'error', code: 'schema.unknown_key', field: '/phase_payload/approved' },
  { name: 'ticket_id longer than 64', text: set('ticket_id', `ticket_id: ${'T'.repeat(65)}`), severity: 'error', code: 'oc.ticket_id_length', field: '/ticket_id' },
  { name: 'empty ticket_id', text: set('ticket_id', "ticket_id: ''"), severity: 'error', code: 'oc.ticket_id_length', field: '/ticket_id' },
  { name: 'run_id not a UUID', text: set('run_id', 'run_id: a1b2c3d4'), severity: 'error', code: 'oc.run_id_not_uuid', field: '/run_id' },
  { name: 'run_id missing', text: set('run_id', ''), severity: 'error', code: 'oc.missing_field', field: '/run_id' },
  { name: 'unknown phase', text: set('phase:', 'phase: deploy'), severity: 'error', code: 'oc.unknown_phase', field: '/phase' },
  { name: 'payload missing', text: VALID_IMPLEMENT.slice(0, VALID_IMPLEMENT.indexOf('phase_payload')), severity: 'error', code: 'oc.missing_field', field: '/phase_payload' },
  { name: 'payload without its phase tag', text: set('  phase: implement', ''), severity: 'error', code: 'oc.missing_field', field: '/phase_payload/phase' },
  { name: 'payload field missing', text: set('  commit_sha', ''), severity: 'error', code: 'oc.missing_field', field: '/phase_payload/commit_sha' },
  { name: 'empty branch_name', text: set('  branch_name', "  branch_name: ''"), severity: 'error', code: 'schema.too_small', field: '/phase_payload/branch_name' },
  { name: 'branch_name over 512', text: set('  branch_name', `  branch_name: ${'b'.repeat(513)}`), severity: 'error', code: 'schema.too_big', field: '/phase_payload/branch_name' },
  { name: 'files_changed not a list', text: set('  files_changed', '  files_changed: src/foo.py').replace('  - src/foo.py\n', ''), severity: 'error', code: 'schema.invalid_type', field: '/phase_payload/files_changed' },
  { name: 'pr_number 0', rel: `${RUN_DIR}/phase_3_create_pr_a1.yaml`, text: set('  pr_number', '  pr_number: 0', CREATE_PR), severity: 'error', code: 'schema.too_small', field: '/phase_payload/pr_number' },
  { name: 'pr_number not a number', rel: `${RUN_DIR}/phase_3_create_pr_a1.yaml`, text: set('  pr_number', '  pr_number: seven', CREATE_PR), severity: 'error', code: 'schema.invalid_type', field: '/phase_payload/pr_number' },
  { name: 'empty pr_url', rel: `${RUN_DIR}/phase_3_create_pr_a1.yaml`, text: set('  pr_url', "  pr_url: ''", CREATE_PR), severity: 'error', code: 'schema.too_small', field: '/phase_payload/pr_url' },
  { name: 'non-hex head_sha', rel: `${RUN_DIR}/phase_3_create_pr_a1.yaml`, text: set('  head_sha', '  head_sha: HEAD~1abc', CREATE_PR), severity: 'error', code: 'oc.payload_sha', field: '/phase_payload/head_sha' },
  { name: 'iteration_count 0', rel: `${RUN_DIR}/phase_2_local_review_a1.yaml`, text: set('  iteration_count', '  iteration_count: 0', LOCAL_REVIEW), severity: 'error', code: 'schema.too_small', field: '/phase_payload/iteration_count' },
  { name: 'naive label_applied_at', rel: `${RUN_DIR}/phase_5_ready_for_merge_a1.yaml`, text: set('  label_applied_at', "  label_applied_at: '2026-02-12T12:31:05'", READY), severity: 'error', code: 'oc.naive_timestamp', field: '/phase_payload/label_applied_at' },
  { name: 'label_applied_at missing', rel: `${RUN_DIR}/phase_5_ready_for_merge_a1.yaml`, text: set('  label_applied_at', '', READY), severity: 'error', code: 'oc.missing_field', field: '/phase_payload/label_applied_at' },
  { name: 'file name phase differs from the file', rel: `${RUN_DIR}/phase_2_local_review_a1.yaml`, text: VALID_IMPLEMENT, severity: 'error', code: 'oc.filename_phase_mismatch', field: '/phase' },
  { name: 'not a mapping', text: '- phase: implement\n- attempt_number: 1\n', severity: 'error', code: 'oc.not_a_mapping', field: '' },
  { name: 'repo_commit_map not a mapping', text: set('repo_commit_map', 'repo_commit_map: [a1b2c3d]').replace('  omniclaude: a1b2c3d\n', ''), severity: 'error', code: 'oc.type', field: '/repo_commit_map' },
  // Validator warnings
  { name: 'another schema_version', text: set('schema_version', 'schema_version: 1.1.0'), severity: 'warning', code: 'oc.schema_version', field: '/schema_version' },
  { name: 'timestamp more than 60 s in the future', text: set('timestamp_utc', "timestamp_utc: '2099-01-01T00:00:00Z'"), severity: 'warning', code: 'oc.future_timestamp', field: '/timestamp_utc' },
  { name: 'numeric timestamp (Unix time)', text: set('timestamp_utc', 'timestamp_utc: 1770891330'), severity: 'warning', code: 'oc.numeric_timestamp', field: '/timestamp_utc' },
  // File name and folders against the content
  { name: 'file name attempt differs from attempt_number', rel: `${RUN_DIR}/phase_1_implement_a2.yaml`, text: VALID_IMPLEMENT, severity: 'warning', code: 'oc.filename_attempt_mismatch', field: '/attempt_number' },
  { name: 'ready_for_merge under the docs ordinal 4', rel: `${RUN_DIR}/phase_4_ready_for_merge_a1.yaml`, text: READY, severity: 'warning', code: 'oc.ready_for_merge_ordinal_4', field: '' },
  { name: 'any other wrong ordinal', rel: `${RUN_DIR}/phase_7_implement_a1.yaml`, text: VALID_IMPLEMENT, severity: 'warning', code: 'oc.filename_ordinal_mismatch', field: '' },
  { name: 'ticket folder differs from ticket_id', rel: `checkpoints/OMN-9999/${RUN_UUID}/phase_1_implement_a1.yaml`, text: VALID_IMPLEMENT, severity: 'warning', code: 'oc.ticket_dir_mismatch', field: '/ticket_id' },
  { name: 'run folder is another UUID', rel: 'checkpoints/OMN-2144/5c0d9ab6-07cc-5c62-8df7-0991b577ffc3/phase_1_implement_a1.yaml', text: VALID_IMPLEMENT, severity: 'warning', code: 'oc.run_dir_mismatch', field: '/run_id' },
  { name: 'run folder is the short id of run_id', rel: 'checkpoints/OMN-2144/a1b2c3d4/phase_1_implement_a1.yaml', text: VALID_IMPLEMENT, severity: 'warning', code: 'oc.short_run_dir', field: '' },
  { name: 'run folder is a short id of another run', rel: 'checkpoints/OMN-2144/abcd1234/phase_1_implement_a1.yaml', text: VALID_IMPLEMENT, severity: 'warning', code: 'oc.run_dir_mismatch', field: '/run_id' },
  { name: 'run folder in upper case', rel: `checkpoints/OMN-2144/${RUN_UUID.toUpperCase()}/phase_1_implement_a1.yaml`, text: VALID_IMPLEMENT, severity: 'warning', code: 'oc.run_dir_spelling', field: '' },
];

describe('OmniClaude checkpoint validation (FORMATS.md §3.3)', () => {
  it('accepts the FORMATS.md §3.4 example without a single problem', () => {
    const { record, problems } = parseOc(IMPLEMENT_REL, VALID_IMPLEMENT);
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      kind: 'checkpoint',
      phase: 'implement',
      phaseFrom: 'file',
      attemptNumber: 1,
      runId: RUN_UUID,
      ticketId: 'OMN-2144',
      timestamp: '2026-02-12T10:15:30.123Z',
      repos: { omniclaude: 'a1b2c3d' },
      payload: { branchName: 'feat/OMN-2144', commitSha: 'a1b2c3d', filesChanged: ['src/foo.py'], filesChangedCount: 1 },
      errorCount: 0,
    });
  });

  for (const c of CASES) {
    it(`${c.severity}: ${c.name}`, () => {
      const { problems, record } = parseOc(c.rel ?? IMPLEMENT_REL, c.text);
      const hit = problems.find((p) => p.code === c.code);
      expect(hit, JSON.stringify(problems, null, 1)).toBeDefined();
      expect(hit!.severity).toBe(c.severity);
      if (c.field !== undefined) expect(hit!.field).toBe(c.field);
      expect(hit!.message.length).toBeGreaterThan(10);
      // Lenient: a record is always produced so the run can still be drawn.
      expect(record?.kind).toBe('checkpoint');
      if (c.severity === 'warning') expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    });
  }

  it('reads the phase from the file, never from the ordinal', () => {
    const { record } = parseOc(`${RUN_DIR}/phase_4_ready_for_merge_a1.yaml`, READY);
    expect(record?.phase).toBe('ready_for_merge');
    const mismatch = parseOc(`${RUN_DIR}/phase_2_local_review_a1.yaml`, VALID_IMPLEMENT);
    expect(mismatch.record?.phase).toBe('implement');
  });

  it('falls back to the file name phase when the file has none, and says so', () => {
    const { record } = parseOc(IMPLEMENT_REL, set('phase:', ''));
    expect(record?.phase).toBe('implement');
    expect(record?.phaseFrom).toBe('payload');
    const broken = parseOc(IMPLEMENT_REL, 'just text\n');
    expect(broken.record?.phase).toBe('implement');
    expect(broken.record?.phaseFrom).toBe('file-name');
  });

  it('accepts unquoted tz-aware timestamps, offsets and quoted all-digit SHAs', () => {
    let text = set('timestamp_utc', 'timestamp_utc: 2026-02-12T11:15:30+01:00');
    text = withLine(text, '  omniclaude:', "  omniclaude: '1234567'");
    const { record, problems } = parseOc(IMPLEMENT_REL, text);
    expect(problems).toEqual([]);
    expect(record?.timestamp).toBe('2026-02-12T10:15:30.000Z');
    expect(record?.repos.omniclaude).toBe('1234567');
  });

  it('keeps SHAs that PyYAML reads as strings even where YAML 1.2 sees numbers (12345e6, 0128999)', () => {
    const text = withLine(VALID_IMPLEMENT, '  omniclaude:', '  omniclaude: 12345e6\n  omnibase_infra: 0128999');
    const { record, problems } = parseOc(IMPLEMENT_REL, text);
    expect(problems).toEqual([]);
    expect(record?.repos).toEqual({ omniclaude: '12345e6', omnibase_infra: '0128999' });
  });

  it('reads the text the way PyYAML does when it was decoded with the YAML 1.2 core schema', () => {
    const text = withLine(VALID_IMPLEMENT, '  omniclaude:', '  omniclaude: 12345e6\n  omnibase_infra: 0128999');
    const classification = { ...omniClaudeAdapter.classify(IMPLEMENT_REL)!, format: 'yaml' as const };
    const core = parseYaml(text);
    expect(core.ok && (core.data as { repo_commit_map: Record<string, unknown> }).repo_commit_map.omniclaude).toBe(12345e6);
    const out = omniClaudeAdapter.parse({ fileId: 'f', rootId: 'r', rootPath: '/x', abs: '/x/a', rel: IMPLEMENT_REL, size: 1, mtimeMs: 0, classification, text, data: core.ok ? core.data : undefined });
    expect(out.problems).toEqual([]);
    expect((out.record as OcCheckpointRecord).repos).toEqual({ omniclaude: '12345e6', omnibase_infra: '0128999' });
  });

  it('accepts Date objects from another YAML loader as aware timestamps', () => {
    const classification = omniClaudeAdapter.classify(IMPLEMENT_REL)!;
    const out = omniClaudeAdapter.parse({
      fileId: 'f', rootId: 'r', rootPath: '/x', abs: '/x/a', rel: IMPLEMENT_REL, size: 1, mtimeMs: 0, classification, text: '',
      data: {
        run_id: RUN_UUID, ticket_id: 'OMN-2144', phase: 'implement', timestamp_utc: new Date('2026-02-12T10:15:30Z'),
        phase_payload: { phase: 'implement', branch_name: 'b', commit_sha: 'a1b2c3d', files_changed: [] },
      },
    });
    expect(out.problems).toEqual([]);
    expect((out.record as { timestamp?: string }).timestamp).toBe('2026-02-12T10:15:30.000Z');
  });

  it('treats missing defaulted fields as the model does (schema_version, repo_commit_map, artifact_paths, attempt_number)', () => {
    const text = `run_id: ${RUN_UUID}\nticket_id: OMN-2144\nphase: implement\ntimestamp_utc: '2026-02-12T10:15:30Z'\nphase_payload:\n  phase: implement\n  branch_name: b\n  commit_sha: a1b2c3d\n`;
    const { record, problems } = parseOc(IMPLEMENT_REL, text);
    expect(problems).toEqual([]);
    expect(record?.attemptNumber).toBe(1);
  });

  it('never throws, whatever the data', () => {
    const classification = omniClaudeAdapter.classify(IMPLEMENT_REL)!;
    const weird: unknown[] = [undefined, null, 42, 'x', [], [1, 2], { phase_payload: [] }, { phase: { a: 1 }, phase_payload: { phase: 5 } },
      { run_id: 12, ticket_id: [], timestamp_utc: {}, repo_commit_map: { a: null }, artifact_paths: [null, 3], attempt_number: 'x' }];
    for (const data of weird) {
      const out = omniClaudeAdapter.parse({ fileId: 'f', rootId: 'r', rootPath: '/x', abs: '/x/a', rel: IMPLEMENT_REL, size: 1, mtimeMs: 0, classification, data, text: '' });
      expect(Array.isArray(out.problems)).toBe(true);
    }
  });
});
