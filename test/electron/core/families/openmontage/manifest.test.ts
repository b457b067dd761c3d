import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../../../electron/core/families/openmontage';
import { parseYaml } from '../../../../../electron/core/read/parse-yaml';

function load(text: string, file = 'reef-explainer') {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error('fixture YAML does not parse');
  return readManifest(parsed.data, file);
}

describe('OpenMontage pipeline manifests', () => {
  it('applies the schema defaults: checkpoint_required true, human_approval_default false', () => {
    const { record, problems } = load(`
name: reef-explainer
version: "1.0"
stages:
  - name: research
  - name: proposal
    human_approval_default: true
  - name: edit
    checkpoint_required: false
    human_approval_default: true
  - name: publish
    checkpoint_required: true
    human_approval_default: true
`);
    expect(problems).toEqual([]);
    expect(record?.stages.map((s) => [s.name, s.checkpointRequired, s.humanApprovalDefault, s.gated])).toEqual([
      ['research', true, false, false],
      ['proposal', true, true, true],
      ['edit', false, true, false],
      ['publish', true, true, true],
    ]);
  });

  it('keeps stage order, ignores sub-stages and reports duplicates', () => {
    const { record, problems } = load(`
name: reef-explainer
version: "1.0"
stages:
  - name: idea
    sub_stages:
      - name: sample
  - name: script
  - name: idea
`);
    expect(record?.stages.map((s) => s.name)).toEqual(['idea', 'script']);
    expect(problems).toEqual([expect.objectContaining({ code: 'om.manifest_duplicate_stage', field: '/stages/2/name', severity: 'warning' })]);
  });

  it('is lenient about an unquoted version and a name that differs from the file', () => {
    const { record, problems } = load('name: other\nversion: 2.0\nstages: []\n');
    expect(record?.version).toBe('2');
    expect(problems.map((p) => `${p.severity} ${p.code} ${p.field}`).sort()).toEqual([
      'warning om.manifest_name_mismatch /name',
      'warning schema.invalid_type /version',
    ]);
  });

  it('reports structural errors and skips unusable stages', () => {
    const { record, problems } = load(`
version: "1.0"
stages:
  - checkpoint_required: true
  - name: script
    checkpoint_required: "yes"
  - just-a-string
`);
    expect(record?.stages.map((s) => [s.name, s.checkpointRequired])).toEqual([['script', true]]);
    expect(problems.map((p) => `${p.severity} ${p.field}`)).toEqual(
      expect.arrayContaining(['error /name', 'error /stages/0/name', 'warning /stages/1/checkpoint_required', 'error /stages/2']),
    );
  });

  it('rejects a manifest that is not a mapping', () => {
    expect(readManifest(['a'], 'x')).toEqual({ problems: [expect.objectContaining({ code: 'om.manifest_not_object', severity: 'error' })] });
  });
});
