// What each family's write-back implements. The orchestrator (decide-gate.ts) finds the gate,
// checks it still waits, calls the family's writer, then appends the audit entry. Writers never
// write anything but through atomic-write.ts, and raise ConflictError / RefusedError instead of
// writing when the file changed or the decision is not allowed now.
import type { Gate, Run } from '../../../shared/model';
import type { DecideRequest, PlannedWrite } from '../../../shared/decisions';

export class RefusedError extends Error {}

export interface DecisionContext {
  run: Run;
  gate: Gate;
  rootId: string;
  rootPath: string;
  /** File id → absolute path, only for files inside the watched root. */
  resolve(fileId: string): string | undefined;
  /** Who decides (OS user or configured name) and when. */
  by: string;
  now: Date;
  /** aivideo: backend base URL and bearer token configured for this folder, if any. */
  backend?: { baseUrl: string; token?: string };
  auto?: boolean;
}

export interface WriteResult {
  writes: PlannedWrite[];
  /** The main file touched (rel) and its sha256 before/after, for the audit log. */
  file?: string;
  before?: string | null;
  after?: string | null;
  details?: Record<string, unknown>;
}

export interface DecisionWriter {
  /** What would be written where, or why not; no side effects. */
  preview(ctx: DecisionContext, req: DecideRequest): Promise<{ allowed: boolean; reason?: string; writes: PlannedWrite[] }>;
  decide(ctx: DecisionContext, req: DecideRequest): Promise<WriteResult>;
}
