// The auto-approve switch of one run, or of a whole folder, with the rule behind it in words:
// who set it and when, and whether the run follows its folder or has its own rule.
import { useEffect, useId } from 'react';
import type { AutoApproveRule } from '../../../shared/decisions';
import { effectiveRule, enabledRunRules } from '../../stores/auto-approve-rule';
import { loadRules, requestRule, useDecisionStore } from '../../stores/decision-store';
import { formatAbsolute } from '../common/format';

function setBy(rule: AutoApproveRule): string {
  const day = formatAbsolute(rule.createdAt) || rule.createdAt;
  return `${rule.createdBy}, ${day}`;
}

/** Loads the rules once for whatever shows a toggle (the shell also loads them at start). */
export function useRules(): { rules: AutoApproveRule[]; status: string } {
  const rules = useDecisionStore((s) => s.rules);
  const status = useDecisionStore((s) => s.rulesStatus);
  useEffect(() => {
    if (useDecisionStore.getState().rulesStatus === 'idle') void loadRules();
  }, []);
  return { rules, status };
}

export function RunAutoApprove({ rootId, runId, waiting }: { rootId: string; runId: string; waiting: number }) {
  const { rules, status } = useRules();
  // Another window may have changed the rules: read them again for each run opened.
  useEffect(() => {
    if (useDecisionStore.getState().rulesStatus === 'ready') void loadRules();
  }, [runId]);
  const busy = useDecisionStore((s) => s.dialog?.type === 'auto' && s.dialog.submitting);
  const id = useId();
  const eff = effectiveRule(rules, rootId, runId);
  const folderOn = effectiveRule(rules, rootId).enabled;
  let detail = 'Off: every gate waits for a person.';
  if (eff.rule && eff.scope === 'run')
    detail = eff.enabled
      ? `On for this run — set by ${setBy(eff.rule)}.`
      : folderOn
        ? `Off for this run although the folder's rule is on — by ${setBy(eff.rule)}.`
        : `Off — turned off by ${setBy(eff.rule)}.`;
  else if (eff.rule && eff.scope === 'folder')
    detail = eff.enabled ? `On through the folder's rule — set by ${setBy(eff.rule)}.` : `Off — the folder's rule was turned off by ${setBy(eff.rule)}.`;
  return (
    <div className={`dc-auto-toggle ${eff.enabled ? 'is-on' : ''}`} data-testid="run-auto-approve">
      <label className="dc-switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={eff.enabled}
          disabled={status !== 'ready' || busy}
          aria-describedby={`${id}-detail`}
          onChange={(e) => requestRule({ rootId, runId, enabled: e.target.checked, label: 'this run', waiting })}
        />
        <span>Auto-approve gates of this run</span>
      </label>
      <span id={`${id}-detail`} className="dc-auto-toggle__detail">
        {status === 'error' ? 'Could not load the auto-approve rules.' : status !== 'ready' ? 'Loading…' : detail}
      </span>
    </div>
  );
}

export function FolderAutoApproveSwitch({ rootId, name, waiting }: { rootId: string; name: string; waiting: number }) {
  const { rules, status } = useRules();
  const id = useId();
  const eff = effectiveRule(rules, rootId);
  const own = enabledRunRules(rules, rootId);
  return (
    <div className="dc-auto-toggle dc-auto-toggle--folder" data-testid="folder-auto-approve">
      <label className="dc-switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={eff.enabled}
          disabled={status !== 'ready'}
          aria-describedby={`${id}-detail`}
          onChange={(e) => requestRule({ rootId, enabled: e.target.checked, label: `every run in ${name}`, waiting })}
        />
        <span>Auto-approve every gate in this folder</span>
      </label>
      <span id={`${id}-detail`} className="dc-auto-toggle__detail">
        {eff.rule ? `${eff.enabled ? 'On' : 'Off'} — ${eff.enabled ? 'set' : 'turned off'} by ${setBy(eff.rule)}.` : 'Off: every gate waits for a person.'}
        {own.length
          ? ` ${own.length === 1 ? '1 run auto-approves on its own' : `${own.length} runs auto-approve on their own`}: ${own.map((r) => r.runTitle ?? r.runId).join(', ')}.`
          : ''}
        {' '}A run's own switch (in its header) wins over this one.
      </span>
    </div>
  );
}
