// Test harness: index a directory once with the given adapters (no watcher) and return the index.
import type { FamilyAdapter } from '../../electron/core/families/family-adapter';
import { WorkspaceIndex } from '../../electron/core/index/workspace-index';
import { scanTree } from '../../electron/core/index/scan-tree';

export async function indexDir(dir: string, adapters: FamilyAdapter[]) {
  const index = new WorkspaceIndex({ adapters });
  const root = index.addRoot(dir);
  for (const abs of await scanTree(root.path)) await index.upsertFile(root.id, abs);
  return { index, root };
}
