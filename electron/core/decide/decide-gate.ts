// Deciding one gate end to end: find it, check it still waits and allows the decision, let
// the family's writer put the decision where the pipeline reads it, append the audit entry,
// and re-index the written files at once so every window shows the outcome. Nothing is written
// when the file changed since the person looked at it, or when the decision is not allowed.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { DecideRequest, DecisionOutcome, DecisionPreview } from '../../../shared/decisions';
import type { Gate, Run } from '../../../shared/model';
import type { Desk } from '../desk';
import { appendAudit } from './audit-log';
import { ConflictError } from './atomic-write';
import { RefusedError, type DecisionContext } from './decision-writer';
import { writerFor } from './writers/writer-for-family';
import { loadBackendConfig } from './backend-config';
import { KeyedMutex } from '../util/keyed-mutex';

const locks = new KeyedMutex();

export function findGate(desk: Desk, gateId: string): { run: Run; gate: Gate } | undefined {
  for (const run of desk.index.listRuns()) {
    const gate = run.gates.find((g) => g.id === gateId);
    if (gate) return { run, gate };
  }
  return undefined;
}

async function contextFor(desk: Desk, run: Run, gate: Gate, by: string, auto: boolean): Promise<DecisionContext | string> {
  const root = desk.index.roots.get(run.rootId);
  if (!root) return 'the folder of this run is no longer watched';
  return {
    run,
    gate,
    rootId: root.id,
    rootPath: root.path,
    resolve: (fileId) => desk.index.resolveFile(fileId)?.abs,
    by,
    now: new Date(),
    backend: run.family === 'aivideo' ? await loadBackendConfig(root.path, run.folder) : undefined,
    auto,
  };
}

function unavailableReason(gate: Gate, decision: string): string | undefined {
  if (gate.status !== 'waiting') return `This gate is already ${gate.status.replace('_', ' ')}${gate.decidedBy ? ` by ${gate.decidedBy}` : ''}.`;
  if (!gate.decisions.includes(decision as Gate['decisions'][number]))
    return gate.unavailable[decision] ?? `${decision} is not something this pipeline can take.`;
  return undefined;
}

export async function previewDecision(desk: Desk, gateId: string, decision: 'approve' | 'reject', by: string): Promise<DecisionPreview> {
  const hit = findGate(desk, gateId);
  if (!hit) return { gateId, allowed: false, reason: 'This gate no longer exists.', writes: [] };
  const why = unavailableReason(hit.gate, decision);
  if (why) return { gateId, allowed: false, reason: why, writes: [] };
  const ctx = await contextFor(desk, hit.run, hit.gate, by, false);
  if (typeof ctx === 'string') return { gateId, allowed: false, reason: ctx, writes: [] };
  const p = await writerFor(hit.run.family).preview(ctx, { gateId, decision });
  return { gateId, ...p, writes: [...p.writes, { target: '.greenlight/audit.jsonl', action: 'append', description: 'one line in the audit log: who, when, what, and the file hash before and after' }] };
}

export async function decideGate(desk: Desk, req: DecideRequest, by: string, opts: { auto?: boolean } = {}): Promise<DecisionOutcome> {
  const hit = findGate(desk, req.gateId);
  if (!hit) return { status: 'refused', message: 'This gate no longer exists (its file was removed or rewritten).' };
  const lockKey = hit.gate.fileId ?? hit.gate.id;
  return locks.run(lockKey, async () => {
    // Re-find under the lock: a decision that just finished may have changed the gate.
    const again = findGate(desk, req.gateId);
    if (!again) return { status: 'refused', message: 'This gate no longer exists.' };
    const { run, gate } = again;
    const why = unavailableReason(gate, req.decision);
    if (why) return { status: 'refused', message: why };
    const ctx = await contextFor(desk, run, gate, by, !!opts.auto);
    if (typeof ctx === 'string') return { status: 'refused', message: ctx };
    const rel = gate.rel ?? run.folder;
    try {
      const result = await writerFor(run.family).decide(ctx, req);
      await appendAudit(ctx.rootPath, {
        at: ctx.now.toISOString(),
        by,
        action: opts.auto ? 'auto-approve' : req.decision,
        family: run.family,
        gateId: gate.id,
        gateKey: gate.stageName,
        runId: run.id,
        file: result.file ?? rel,
        before: result.before ?? null,
        after: result.after ?? null,
        note: req.note,
        auto: opts.auto || undefined,
        details: result.details,
      });
      desk.recordDecision(gate.id, { by, at: ctx.now.toISOString(), note: req.note, auto: !!opts.auto, decision: req.decision });
      await refreshWritten(desk, ctx.rootPath, result.writes.map((w) => w.target));
      return { status: 'written', writes: result.writes, message: `${req.decision === 'approve' ? 'Approved' : 'Changes requested'}: ${result.writes.map((w) => w.target).join(', ')}` };
    } catch (err) {
      if (err instanceof ConflictError) {
        if (gate.fileId) {
          const f = desk.index.resolveFile(gate.fileId);
          if (f) await desk.refreshFile(f.rootId, f.abs);
        }
        await appendAudit(ctx.rootPath, { at: new Date().toISOString(), by, action: 'refused', family: run.family, gateId: gate.id, runId: run.id, file: rel, note: `conflict: ${err.message}` }).catch(() => {});
        return { status: 'conflict', message: `${path.posix.basename(rel)} changed since you looked at it, so nothing was written. The new version is shown now; decide again if it still stands.` };
      }
      if (err instanceof RefusedError) return { status: 'refused', message: err.message };
      return { status: 'failed', message: describeIoError(err, rel) };
    }
  });
}

async function refreshWritten(desk: Desk, rootPath: string, targets: string[]) {
  for (const t of targets) {
    if (/^https?:/.test(t)) continue;
    const abs = path.join(rootPath, ...t.split('/'));
    const root = [...desk.index.roots.values()].find((r) => r.path === rootPath);
    if (root && (await fs.stat(abs).catch(() => null))?.isFile()) await desk.refreshFile(root.id, abs);
  }
}

export function describeIoError(err: unknown, rel: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `Could not write beside ${rel}: the folder is read-only (${code}). Nothing was changed.`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `Could not write beside ${rel}: the disk is full (${code}). Nothing was changed.`;
  return `Could not record the decision for ${rel}: ${(err as Error)?.message ?? String(err)}. Nothing was changed.`;
}
