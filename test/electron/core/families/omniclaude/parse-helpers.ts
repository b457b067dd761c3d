// Builds a ParseInput the way the core would (YAML decoded with the core schema) and parses it.
import { omniClaudeAdapter } from '../../../../../electron/core/families/omniclaude';
import type { ParseInput } from '../../../../../electron/core/families/family-adapter';
import type { OcCheckpointRecord } from '../../../../../electron/core/families/omniclaude/records';
import { parseYaml } from '../../../../../electron/core/read/parse-yaml';

export const RUN_UUID = '4fa2159f-9c61-5f8b-9ae5-28692b46cbd7';
export const RUN_DIR = `checkpoints/OMN-2144/${RUN_UUID}`;

export const VALID_IMPLEMENT = `schema_version: 1.0.0
run_id: ${RUN_UUID}
ticket_id: OMN-2144
phase: implement
timestamp_utc: '2026-02-12T10:15:30.123456Z'
repo_commit_map:
  omniclaude: a1b2c3d
artifact_paths:
- src/foo.py
attempt_number: 1
phase_payload:
  phase: implement
  branch_name: feat/OMN-2144
  commit_sha: a1b2c3d
  files_changed:
  - src/foo.py
`;

export function parseOc(rel: string, text: string) {
  const classification = omniClaudeAdapter.classify(rel);
  if (!classification) throw new Error(`not classified: ${rel}`);
  // Decoded as the core decodes it for this classification (PyYAML's reading for checkpoints).
  const decoded = parseYaml(text, classification.format === 'pyyaml' ? 'pyyaml' : 'core');
  const input: ParseInput = {
    fileId: 'f1',
    rootId: 'r1',
    rootPath: '/nowhere',
    abs: `/nowhere/${rel}`,
    rel,
    size: text.length,
    mtimeMs: 0,
    classification,
    data: decoded.ok ? decoded.data : undefined,
    text,
  };
  const out = omniClaudeAdapter.parse(input);
  return { ...out, record: out.record as OcCheckpointRecord | undefined };
}

/** Replace one whole line (matched by its start) in the valid checkpoint. */
export function withLine(text: string, start: string, replacement: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line ${start}`);
  lines.splice(i, 1, ...replacement.split('\n').filter((l, k, a) => !(l === '' && k === a.length - 1)));
  return lines.join('\n');
}
