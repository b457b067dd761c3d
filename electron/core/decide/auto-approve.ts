// Auto-approve ("YOLO" in the aivideo seed): per folder or per run, gates are approved as they
// arrive, by a rule the user can see and turn off. Rules live in `<root>/.greenlight/
// auto-approve.json`, so they survive a restart and are visible to anyone looking at the folder;
// every approval they make is audited and marked as automatic.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { autoApproveRuleSchema, type AutoApproveRule } from '../../../shared/decisions';
import type { DeskEvent } from '../../../shared/api-contract';
import type { Desk } from '../desk';
import { stableId } from '../index/stable-id';
import { atomicWrite } from './atomic-write';
import { decideGate } from './decide-gate';

const fileSchema = z.object({ rules: z.array(autoApproveRuleSchema.omit({ rootId: true })) });

export function rulesPath(rootPath: string): string {
  return path.join(rootPath, '.greenlight', 'auto-approve.json');
}

export class AutoApprover {
  private readonly rules = new Map<string, AutoApproveRule[]>();
  /** gate id + revision already tried, so a refused auto-approval is not retried in a loop. */
  private readonly tried = new Set<string>();
  private checking = false;
  private again = false;

  constructor(
    private readonly desk: Desk,
    private readonly by: () => string,
  ) {
    // Failures here must never become unhandled rejections in the host: they are noticed instead.
    const report = (err: unknown) => this.desk.notice?.('warning', `Auto-approve could not check the waiting gates: ${(err as Error)?.message ?? err}`);
    desk.on('event', (e: DeskEvent) => {
      if (e.type === 'roots') this.loadAll().catch(report);
      if (e.type === 'index' || e.type === 'ready') this.check().catch(report);
    });
    this.loadAll().catch(report);
  }

  private async loadAll() {
    for (const root of this.desk.index.roots.values()) {
      if (this.rules.has(root.id)) continue;
      const text = await fs.readFile(rulesPath(root.path), 'utf8').catch(() => null);
      let rules: AutoApproveRule[] = [];
      if (text) {
        try {
          rules = fileSchema.parse(JSON.parse(text)).rules.map((r) => ({ ...r, rootId: root.id }));
        } catch {
          this.desk.notice('warning', `${rulesPath(root.path)} is not valid; auto-approve is off for that folder until it is fixed`, root.id);
        }
      }
      this.rules.set(root.id, rules);
    }
    for (const id of [...this.rules.keys()]) if (!this.desk.index.roots.has(id)) this.rules.delete(id);
    await this.check();
  }

  list(): AutoApproveRule[] {
    return [...this.rules.values()].flat();
  }

  async set(rootId: string, runId: string | undefined, enabled: boolean): Promise<AutoApproveRule[]> {
    const root = this.desk.index.roots.get(rootId);
    if (!root) throw new Error('unknown folder');
    await this.loadAll();
    const current = (this.rules.get(rootId) ?? []).filter((r) => r.runId !== runId);
    const run = runId ? this.desk.index.getRun(runId) : undefined;
    if (runId && !run) throw new Error('unknown run');
    const rule: AutoApproveRule = {
      id: stableId('auto', rootId, runId ?? '*'),
      rootId,
      runId,
      runTitle: run?.title,
      enabled,
      createdBy: this.by(),
      createdAt: new Date().toISOString(),
    };
    const next = [...current, rule];
    await fs.mkdir(path.dirname(rulesPath(root.path)), { recursive: true });
    await atomicWrite(rulesPath(root.path), JSON.stringify({ rules: next.map(({ rootId: _r, ...rest }) => rest) }, null, 2) + '\n');
    this.rules.set(rootId, next);
    await this.check();
    return this.list();
  }

  private ruleFor(rootId: string, runId: string): AutoApproveRule | undefined {
    const rules = this.rules.get(rootId) ?? [];
    // A run's own rule wins over the folder's (a run can be opted out of a folder-wide rule).
    return rules.find((r) => r.runId === runId) ?? rules.find((r) => !r.runId);
  }

  async check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = true;
    try {
      do {
        this.again = false;
        for (const gate of this.desk.index.waitingGates()) {
          const run = this.desk.index.getRun(gate.runId);
          if (!run) continue;
          const rule = this.ruleFor(run.rootId, run.id);
          if (!rule?.enabled || !gate.decisions.includes('approve')) continue;
          const key = `${gate.id}:${gate.revision ?? ''}`;
          if (this.tried.has(key)) continue;
          this.tried.add(key);
          const outcome = await decideGate(
            this.desk,
            { gateId: gate.id, decision: 'approve', revision: gate.revision, note: `auto-approved by the rule set by ${rule.createdBy} on ${rule.createdAt.slice(0, 10)}` },
            `auto-approve (${rule.createdBy})`,
            { auto: true },
          );
          if (outcome.status !== 'written') this.desk.notice('warning', `Auto-approve could not approve "${gate.title}": ${outcome.message}`, run.rootId);
        }
      } while (this.again);
    } finally {
      this.checking = false;
    }
  }
}
