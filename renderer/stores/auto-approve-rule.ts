// Which auto-approve rule governs a run, with the core's precedence: a run's own rule wins over
// its folder's, so a run can be opted out of a folder-wide rule (and opted in on its own).
import type { AutoApproveRule } from '../../shared/decisions';

export interface EffectiveRule {
  /** True when gates of this run (or folder) are approved as they arrive. */
  enabled: boolean;
  /** The rule that decides it; absent when no rule was ever set. */
  rule?: AutoApproveRule;
  scope?: 'run' | 'folder';
}

export function folderRule(rules: readonly AutoApproveRule[], rootId: string): AutoApproveRule | undefined {
  return rules.find((r) => r.rootId === rootId && !r.runId);
}

export function runRule(rules: readonly AutoApproveRule[], rootId: string, runId: string): AutoApproveRule | undefined {
  return rules.find((r) => r.rootId === rootId && r.runId === runId);
}

export function effectiveRule(rules: readonly AutoApproveRule[], rootId: string, runId?: string): EffectiveRule {
  const own = runId ? runRule(rules, rootId, runId) : undefined;
  if (own) return { enabled: own.enabled, rule: own, scope: 'run' };
  const folder = folderRule(rules, rootId);
  if (folder) return { enabled: folder.enabled, rule: folder, scope: 'folder' };
  return { enabled: false };
}

/** Run rules inside a folder that still auto-approve, for the folder's "N runs on their own" line. */
export function enabledRunRules(rules: readonly AutoApproveRule[], rootId: string): AutoApproveRule[] {
  return rules.filter((r) => r.rootId === rootId && r.runId && r.enabled);
}
