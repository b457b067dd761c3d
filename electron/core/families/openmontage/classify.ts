// Path-only classification of OpenMontage files (FORMATS.md §1.1).
import type { Classification } from '../family-adapter';
import { OM_FAMILY } from './constants';
import { locate, manifestGroupKey, projectGroupKey } from './layout';

export function classifyOpenMontage(rel: string): Classification | null {
  const loc = locate(rel);
  if (!loc) return null;
  if (loc.role === 'manifest') {
    return { family: OM_FAMILY, groupKey: manifestGroupKey(loc.manifestBase ?? ''), role: 'manifest', format: 'yaml' };
  }
  return { family: OM_FAMILY, groupKey: projectGroupKey(loc.projectDir), role: loc.role, format: 'json' };
}
