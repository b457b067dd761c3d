// An adapter whose assemble() throws is reported on the group's file once, not once per re-assembly.
import { describe, expect, it } from 'vitest';
import type { FamilyAdapter } from '../../../../electron/core/families/family-adapter';
import { WorkspaceIndex } from '../../../../electron/core/index/workspace-index';
import { makeTempDir } from '../../../helpers/temp-dir';

const throwing: FamilyAdapter = {
  family: 'gate',
  classify: (rel) => (rel.endsWith('.boom.json') ? { family: 'gate', groupKey: 'boom', role: 'x', format: 'json' } : null),
  parse: () => ({ record: {}, problems: [] }),
  assemble: () => {
    throw new Error('assembly exploded');
  },
};

describe('a crashing assemble', () => {
  it('leaves exactly one problem however often the group is re-assembled', async () => {
    const tmp = makeTempDir();
    try {
      const a = tmp.write('a.boom.json', '{}');
      const b = tmp.write('b.boom.json', '{}');
      const index = new WorkspaceIndex({ adapters: [throwing] });
      const root = index.addRoot(tmp.dir);
      // Re-reading one file re-assembles the group with the other file's problems kept as they were.
      for (const abs of [a, b, a, b, b, b]) await index.upsertFile(root.id, abs);
      const problems = index.listProblems().filter((p) => /assembly exploded/.test(p.message));
      expect(problems).toHaveLength(1);
      expect(problems[0].code).toBe('internal.assemble_error');
      expect(index.listRuns()).toHaveLength(0);
    } finally {
      tmp.cleanup();
    }
  });
});
